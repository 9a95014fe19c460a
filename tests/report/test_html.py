"""``report --format html``: one self-contained page, checked two ways.

The page is parsed with the standard library's ``html.parser``: its
elements nest and close, it names no resource anywhere else, it declares
its language and a phone viewport, every finding is in it (the problems
first), and values from the snapshot, however hostile, stay text.  Then
headless Chromium renders it at a phone's size in each locale, and the
screenshot must show a page, not a blank.
"""

import os
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    Finding,
    FindingOutcome,
    Marketplace,
    Report,
    RuleKey,
    Subject,
    SubjectKind,
    build_report,
    example_snapshot,
)
from unified_account.cli import main
from unified_account.i18n import SUPPORTED_LOCALES, render
from unified_account.report.html import LANGUAGE_TAGS, report_html
from unified_account.report.summary import PROBLEM_OUTCOMES
from unified_account.snapshot import example_text

VOID = {"meta", "br", "hr", "img", "input", "link", "rect"}
# Every element the page may hold; anything else came from a value.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1",
    "h2", "h3", "p", "section", "div", "table", "thead", "tbody", "tr",
    "th", "td", "code", "span", "svg", "text", "rect",
}  # fmt: skip


class Page(HTMLParser):
    """The parts of a page the tests look at; fails on bad nesting."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.tags = Counter()
        self.attrs = []
        self.lang = None
        self.viewport = False
        self.section = None
        self.sections = []
        self.rows = {}  # section id -> rows of cell texts
        self.cell = None
        self.row = None
        self.style = ""
        self.doctype = False
        self.feed(text)
        self.close()
        assert self.open == [], f"unclosed elements: {self.open}"

    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        values = dict(attrs)
        self.attrs.extend(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "meta" and values.get("name") == "viewport":
            self.viewport = "width=device-width" in values["content"]
        if tag == "section":
            self.section = values["id"]
            self.sections.append(self.section)
        if tag == "tr":
            self.row = []
        if tag == "td":
            self.cell = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags[tag] += 1
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()
        if tag == "td":
            self.row.append("".join(self.cell))
            self.cell = None
        if tag == "tr" and self.row:
            self.rows.setdefault(self.section, []).append(self.row)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if self.open and self.open[-1] == "style":
            self.style += data


def parse(text):
    return Page(text)


def assert_self_contained(page):
    """No resource from anywhere: no src, href, script, link, url()."""
    names = {name for name, _ in page.attrs}
    assert not names & {"src", "href", "srcset", "action", "xmlns"}
    assert not any(name.startswith("on") for name in names), "no handlers"
    assert page.tags["script"] == page.tags["link"] == 0
    assert page.tags["iframe"] == page.tags["img"] == 0
    assert "url(" not in page.style
    assert "@import" not in page.style


def finding_cells(finding, locale):
    return (finding.subject.path, render(
        finding.message_id, finding.params, locale
    ))  # fmt: skip


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_example_page_in_each_locale(locale):
    """Well formed, self-contained, for phones, every finding present."""
    report = build_report(example_snapshot())
    text = report_html(report.findings, edition="faq", locale=locale)
    page = parse(text)
    assert page.doctype
    assert page.lang == LANGUAGE_TAGS[locale]
    assert page.viewport
    assert set(page.tags) <= ELEMENTS
    assert_self_contained(page)
    assert page.sections == ["counts", "problems", "rules", "availability"]
    # Each finding is one row of its rule's table: subject, level, message.
    rule_rows = Counter((row[0], row[2]) for row in page.rows["rules"])
    assert rule_rows == Counter(
        finding_cells(f, locale) for f in report.findings
    )
    # The problems, first, are exactly the denials and warnings.
    problems = [f for f in report.findings if f.outcome in PROBLEM_OUTCOMES]
    assert problems
    assert Counter((row[0], row[3]) for row in page.rows["problems"]) == (
        Counter(finding_cells(f, locale) for f in problems)
    )
    # The matrix has a row per SKU with listing findings.
    skus = {
        f.subject.sku
        for f in report.findings
        if f.subject.kind is SubjectKind.LISTING
    }
    assert {row[0] for row in page.rows["availability"]} == skus


hostile = st.text(
    alphabet=st.sampled_from("<>&\"'/=!-[]{}`;: \\xé中\u202e\n\t"),
    min_size=1,
    max_size=40,
) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</style><script src=https://evil.example/x.js></script>",
        "<!-- -->",
        "&amp;&lt;",
        "]]><svg onload=alert(1)>",
    ]
)


@settings(max_examples=60, deadline=None)
@given(hostile, hostile, st.sampled_from(SUPPORTED_LOCALES))
def test_hostile_values_stay_text(sku, brand, locale):
    """A SKU or a brand name that looks like HTML is shown, not run."""
    findings = [
        Finding(
            rule=RuleKey.BRAND_REGISTRY_PROPAGATION,
            outcome=FindingOutcome.DENIED,
            subject=Subject(
                kind=SubjectKind.LISTING, sku=sku, marketplace=Marketplace.CA
            ),
            message_id="brand-registry-propagation.approved",
            params={"brand": brand, "marketplace": Marketplace.CA},
        ),
        Finding(
            rule=RuleKey.NA_SCOPE,
            outcome=FindingOutcome.INFO,
            subject=Subject(kind=SubjectKind.BRAND, brand=brand),
            message_id="brand-registry-propagation.approved",
            params={"brand": sku, "marketplace": Marketplace.US},
        ),
    ]
    page = parse(report_html(findings, edition=brand, locale=locale))
    assert set(page.tags) <= ELEMENTS
    assert_self_contained(page)
    cells = {cell for row in page.rows["rules"] for cell in row}
    for finding in findings:
        path, message = finding_cells(finding, locale)
        assert path in cells
        assert message in cells
    assert sku in {row[0] for row in page.rows["availability"]}


def test_an_empty_report_says_so():
    """No findings: no problem, no listing, the chart at zero."""
    page = parse(report_html([], edition="faq", locale="en"))
    assert page.sections == ["counts", "problems", "rules", "availability"]
    assert page.rows == {}
    assert page.tags["rect"] == len(FindingOutcome)


def test_the_command_writes_the_page(capsys):
    """``report --format html``: the page of every finding, filtered."""
    assert main(["report", "--format", "html", "--locale", "es_MX"]) == 0
    out = capsys.readouterr().out
    page = parse(out)
    assert page.lang == "es-MX"
    report = build_report(example_snapshot())
    assert len(page.rows["rules"]) == len(report.findings)
    assert main(["report", "--format", "html", "--marketplace", "MX"]) == 0
    page = parse(capsys.readouterr().out)
    assert len(page.rows["rules"]) == len(
        report.where(marketplace="MX").findings
    )
    status = main(["report", "--format", "html", "--fail-on", "denied"])
    capsys.readouterr()
    assert status == 1


def test_many_sellers_get_no_page(capsys, tmp_path):
    """A folder of snapshots with ``--format html``: exit 2, said why."""
    (tmp_path / "a.json").write_text(example_text())
    status = main(["report", str(tmp_path), "--format", "html"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert "--format html writes one seller's page" in err


def test_an_unsupported_locale_is_refused():
    """The locale is checked before anything is written."""
    from unified_account import UnsupportedLocaleError

    with pytest.raises(UnsupportedLocaleError):
        report_html(Report(FAQ, ()).findings, edition="faq", locale="de")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (.ci/run installs it with apt-get)",
)
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_browser_renders_the_page_at_a_phones_size(tmp_path, locale):
    """Headless Chromium, 390x844: a screenshot that is not blank."""
    page = tmp_path / f"report-{locale}.html"
    report = build_report(example_snapshot())
    page.write_text(
        report_html(report.findings, edition="faq", locale=locale),
        encoding="utf-8",
    )
    shot = tmp_path / f"report-{locale}.png"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=390,844",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    width, height, pixels = read_png(shot)
    assert (width, height) == (390, 844)
    # A page of text, tables and a chart: many colours, mostly light.
    assert len(set(pixels)) > 20, "the screenshot is (nearly) one colour"
    dark = sum(1 for p in pixels if sum(p[:3]) < 200)
    assert 0.005 < dark / len(pixels) < 0.5, "text, not blank nor black"
    assert shot.stat().st_size > 10_000


def read_png(path: Path):
    """Width, height and RGB pixels of an 8-bit RGB(A) PNG (stdlib only)."""
    import struct
    import zlib

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    idat = b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8
    assert colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    pixels, previous = [], bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = (
                    abs(estimate - left),
                    abs(estimate - up),
                    abs(estimate - corner),
                )
                best = (
                    left
                    if pa <= pb and pa <= pc
                    else up
                    if pb <= pc
                    else corner
                )
                line[i] = (line[i] + best) & 0xFF
        pixels.extend(
            tuple(line[i : i + 3]) for i in range(0, stride, channels)
        )
        previous = line
    return width, height, pixels
