"""The report as one self-contained HTML page, to read in a browser.

:func:`report_html` writes a single page: no script, no font, no image
and no style sheet from anywhere else (the style is inline CSS, the
chart inline SVG), so it opens the same offline, from a mail attachment
or a CI artefact, and reads on a phone.  In order: the counts per level
as a bar chart, the problems (denials and warnings) first, a table per
rule, and a matrix of each SKU's listings per marketplace.  Every text
comes from the message catalogs in the given locale, and the page
declares its language; every value from the snapshot is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..i18n import normalize_locale, render, rule_text, translate
from ..messages import N_
from ..model.marketplace import Marketplace
from ..rules import RuleKey, rule
from .finding import Finding, FindingOutcome
from .formats import outcome_label
from .subject import SubjectKind
from .summary import PROBLEM_OUTCOMES

__all__ = ["LANGUAGE_TAGS", "report_html"]

LANGUAGE_TAGS = {
    "en": "en",
    "zh_Hant": "zh-Hant",
    "zh_Hans": "zh-Hans",
    "es_MX": "es-MX",
    "fr_CA": "fr-CA",
}
"""The BCP 47 language tag of each locale, for the page's ``lang``."""

# From the gravest level to the lightest: the matrix shows the gravest
# finding of a listing, and the chart lists the levels in this order.
_GRAVITY = (
    FindingOutcome.DENIED,
    FindingOutcome.WARNING,
    FindingOutcome.UNDETERMINED,
    FindingOutcome.ALLOWED,
    FindingOutcome.INFO,
)
_RANK = {outcome: rank for rank, outcome in enumerate(_GRAVITY)}

_COLOURS = {
    FindingOutcome.DENIED: "#b3261e",
    FindingOutcome.WARNING: "#a15c00",
    FindingOutcome.UNDETERMINED: "#5f6368",
    FindingOutcome.ALLOWED: "#1e7b34",
    FindingOutcome.INFO: "#1a5fb4",
}

_STYLE = """
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:1rem;
color:#1f1f1f;background:#fff;max-width:72rem;margin-inline:auto}
h1{font-size:1.4rem;margin:.2rem 0 .4rem}
h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ddd}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
code{font:0.85em ui-monospace,Menlo,Consolas,monospace;
overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:start;
vertical-align:top;overflow-wrap:anywhere}
th{background:#f4f4f4}
.level{font-weight:600;white-space:nowrap}
.chart svg{width:100%;max-width:36rem;height:auto;display:block}
.matrix td{text-align:center;white-space:nowrap}
.matrix th:first-child,.matrix td:first-child{text-align:start}
@media (max-width:40rem){body{padding:.6rem;font-size:15px}
.matrix th,.matrix td{font-size:.72rem;padding:.2rem .25rem}
.matrix td:first-child{white-space:normal}
.stack table,.stack tbody,.stack tr,.stack td{display:block;border:0}
.stack thead{display:none}
.stack tr{border:1px solid #ddd;border-radius:6px;margin:0 0 .6rem;
padding:.35rem .5rem}
.stack td{padding:.1rem 0}
.stack td::before{content:attr(data-label) ": ";color:#5f6368;
font-size:.8rem}}
"""


def _text(message_id: str, locale: str, **params: str | int) -> str:
    if params:
        return escape(render(message_id, params, locale))
    return escape(translate(message_id, locale))


def _level(outcome: FindingOutcome, locale: str) -> str:
    colour = _COLOURS[outcome]
    label = escape(outcome_label(outcome, locale))
    return f'<span class="level" style="color:{colour}">{label}</span>'


def _table(
    head: list[str], rows: Iterable[Iterable[str]], *, stack: bool = False
) -> str:
    """A table in a scrolling box; cells are HTML already escaped.

    ``stack``: on a narrow screen each row becomes a card, each cell
    labelled with its column's name (``data-label``).
    """
    header = "".join(f"<th>{cell}</th>" for cell in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{label}">{cell}</td>'
            for label, cell in zip(head, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    kind = "scroll stack" if stack else "scroll"
    return (
        f'<div class="{kind}"><table><thead><tr>{header}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _finding_row(
    finding: Finding, locale: str, *, with_rule: bool
) -> list[str]:
    cells = [f"<code>{escape(finding.subject.path)}</code>"]
    if with_rule:
        cells.append(f"<code>{escape(finding.rule.value)}</code>")
    cells.append(_level(finding.outcome, locale))
    cells.append(escape(render(finding.message_id, finding.params, locale)))
    return cells


def _columns(locale: str, *, with_rule: bool) -> list[str]:
    names = [N_("report.column.subject")]
    if with_rule:
        names.append(N_("report.column.rule"))
    names += [N_("report.column.outcome"), N_("report.column.message")]
    return [_text(name, locale) for name in names]


def _chart(counts: dict[FindingOutcome, int], locale: str) -> str:
    """The counts per level as horizontal bars, in inline SVG."""
    most = max(counts.values(), default=0) or 1
    row, label_width, bar_width = 28, 150, 260
    parts = []
    for index, outcome in enumerate(_GRAVITY):
        count = counts.get(outcome, 0)
        y = index * row
        width = round(bar_width * count / most)
        label = escape(outcome_label(outcome, locale))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 19}" '
            f'text-anchor="end">{label}</text>'
            f'<rect x="{label_width}" y="{y + 5}" width="{width}" '
            f'height="18" fill="{_COLOURS[outcome]}"/>'
            f'<text x="{label_width + width + 6}" y="{y + 19}">{count}</text>'
        )
    height = row * len(_GRAVITY)
    title = _text(N_("report.html.counts"), locale)
    width = label_width + bar_width + 60
    return (
        f'<div class="chart"><svg viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{title}" font-size="14" '
        f'font-family="system-ui,sans-serif">{"".join(parts)}</svg></div>'
    )


def _matrix(findings: list[Finding], locale: str) -> str:
    """Each SKU's gravest listing finding in each marketplace."""
    cells: dict[str, dict[Marketplace, FindingOutcome]] = {}
    for finding in findings:
        subject = finding.subject
        if (
            subject.kind is not SubjectKind.LISTING
            or subject.sku is None
            or subject.marketplace is None
        ):
            continue
        row = cells.setdefault(subject.sku, {})
        known = row.get(subject.marketplace)
        if known is None or _RANK[finding.outcome] < _RANK[known]:
            row[subject.marketplace] = finding.outcome
    if not cells:
        none = _text(N_("report.html.no-listings"), locale)
        return f"<p>{none}</p>"
    markets = [m for m in Marketplace if any(m in r for r in cells.values())]
    head = [_text(N_("report.html.sku"), locale)] + [
        escape(m.country_code) for m in markets
    ]
    rows = [
        [f"<code>{escape(sku)}</code>"]
        + [
            "&#8212;" if m not in row else _level(row[m], locale)
            for m in markets
        ]
        for sku, row in cells.items()
    ]
    return '<div class="matrix">' + _table(head, rows) + "</div>"


def report_html(
    findings: Iterable[Finding], *, edition: str, locale: str
) -> str:
    """The findings as one self-contained HTML page in ``locale``.

    ``edition`` is the edition's name, for the title.  The page holds
    every finding: the problems first, then a table per rule (in the
    catalogue's order), then the SKUs' listings per marketplace.

    .. versionadded:: 0.2.0
    """
    locale = normalize_locale(locale)
    kept = list(findings)
    counts = dict.fromkeys(_GRAVITY, 0)
    by_rule: dict[RuleKey, list[Finding]] = {}
    for finding in kept:
        counts[finding.outcome] += 1
        by_rule.setdefault(finding.rule, []).append(finding)
    problems = [f for f in kept if f.outcome in PROBLEM_OUTCOMES]
    problems.sort(key=lambda f: _RANK[f.outcome])  # stable: report order
    heading = {
        "counts": _text(N_("report.html.counts"), locale),
        "problems": _text(N_("report.html.problems"), locale),
        "no-problems": _text(N_("report.html.no-problems"), locale),
        "rules": _text(N_("report.html.rules"), locale),
        "availability": _text(N_("report.html.availability"), locale),
    }
    title = _text(N_("report.title"), locale, edition=edition)
    total = _text(
        N_("report.total"), locale, count=len(kept), problems=len(problems)
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE_TAGS[locale]}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head>",
        f"<body><header><h1>{title}</h1><p>{total}</p></header>",
        f'<section id="counts"><h2>{heading["counts"]}'
        f"</h2>{_chart(counts, locale)}</section>",
        f'<section id="problems"><h2>{heading["problems"]}</h2>',
    ]
    if problems:
        parts.append(
            _table(
                _columns(locale, with_rule=True),
                (_finding_row(f, locale, with_rule=True) for f in problems),
                stack=True,
            )
        )
    else:
        parts.append(f"<p>{heading['no-problems']}</p>")
    parts.append(f'</section><section id="rules"><h2>{heading["rules"]}</h2>')
    for key in RuleKey:
        found = by_rule.get(key)
        if not found:
            continue
        name = escape(rule_text(rule(key), locale).title)
        parts.append(
            f'<h3 id="rule-{key.value}">{name} '
            f"<code>{key.value}</code> ({len(found)})</h3>"
        )
        parts.append(
            _table(
                _columns(locale, with_rule=False),
                (_finding_row(f, locale, with_rule=False) for f in found),
                stack=True,
            )
        )
    parts.append(
        f'</section><section id="availability"><h2>'
        f"{heading['availability']}</h2>"
        f"{_matrix(kept, locale)}</section></body></html>"
    )
    return "\n".join(parts) + "\n"
