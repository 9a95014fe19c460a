"""Fuzz tests: only the library's documented errors, ever.

Hypothesis drives the loader, the SP-API order adapters, the report and
the command (in-process) with inputs near the real ones (see
``mutations.py``).  The properties:

- the loader returns a snapshot or raises :class:`SnapshotError`;
- what the loader accepts, the JSON Schema accepts (schema and loader
  agree: the schema never refuses a snapshot the library reads);
- whatever loads can be reported, in every format and locale;
- an adapter returns an order or raises :class:`InvalidValueError`;
- the command exits 0 with output, or 2 with one short line on stderr
  and nothing on stdout.

CI runs these with the ``ci`` profile's budget; ``fuzz/long_run.py``
runs the same properties for as long as one likes.
"""

import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.mutations import documents, snapshot_texts
from unified_account import (
    SUPPORTED_LOCALES,
    InvalidValueError,
    SnapshotError,
    build_report,
    order_from_2026,
    order_from_v0,
    parse_snapshot,
)
from unified_account._excerpt import LINE_LIMIT
from unified_account.cli import main
from unified_account.edition import EDITIONS
from unified_account.report.formats import (
    report_json,
    report_markdown,
    report_text,
)
from unified_account.snapshot import schema_text

SCHEMA = jsonschema.Draft202012Validator(json.loads(schema_text()))
FIXTURES = Path(__file__).parents[1] / "fixtures"
V0 = json.loads((FIXTURES / "orders_v0_na.json").read_text())["payload"][
    "Orders"
]
V2026 = json.loads((FIXTURES / "orders_2026_na.json").read_text())["orders"]
FORMATS = {
    "json": report_json,
    "markdown": report_markdown,
    "text": report_text,
}

slow = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)


def load_or_refuse(text):
    """The snapshot, or None for a documented refusal."""
    try:
        return parse_snapshot(text, "fuzz.json")
    except SnapshotError as error:
        line = str(error)
        assert "\n" not in line
        assert len(line) <= 2 * LINE_LIMIT
        line.encode("utf-8")
        return None


@slow
@given(snapshot_texts())
def test_the_loader_reads_or_refuses_with_a_snapshot_error(text):
    """Any text: a snapshot, or one short SnapshotError line."""
    load_or_refuse(text)


@slow
@given(documents())
def test_what_the_loader_reads_the_schema_accepts(document):
    """The schema and the loader agree: loaded implies schema-valid."""
    if load_or_refuse(json.dumps(document)) is not None:
        SCHEMA.validate(document)


@slow
@given(
    documents(),
    st.sampled_from(SUPPORTED_LOCALES),
    st.sampled_from(sorted(FORMATS)),
    st.sampled_from(sorted(EDITIONS)),
)
def test_whatever_loads_can_be_reported(document, locale, form, edition):
    """No error at all once a snapshot has loaded."""
    snapshot = load_or_refuse(json.dumps(document))
    if snapshot is not None:
        output = FORMATS[form](
            build_report(snapshot, edition=EDITIONS[edition]), locale
        )
        output.encode("utf-8")


@slow
@given(st.one_of(documents(base=order) for order in V0))
def test_the_v0_adapter_reads_or_refuses(payload):
    """An Orders v0 payload: an order or an InvalidValueError."""
    try:
        order_from_v0(payload)
    except InvalidValueError as error:
        message = str(error)
    else:
        message = ""
    assert "\n" not in message


@slow
@given(st.one_of(documents(base=order) for order in V2026))
def test_the_2026_adapter_reads_or_refuses(payload):
    """An Orders 2026-01-01 payload: an order or an InvalidValueError."""
    try:
        order_from_2026(payload)
    except InvalidValueError as error:
        message = str(error)
    else:
        message = ""
    assert "\n" not in message


def run_command(argv):
    """``main(argv)`` in-process: status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@slow
@given(
    snapshot_texts(),
    st.sampled_from([*SUPPORTED_LOCALES, "xx", "zh-hant", "\ud800"]),
    st.sampled_from(sorted(FORMATS)),
    st.sampled_from(sorted(EDITIONS)),
)
def test_the_command_reports_or_fails_with_one_line(
    text, locale, form, edition
):
    """Exit 0 with output, or 2, one short line on stderr, no stdout."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seller.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        status, out, err = run_command(
            [
                *("report", str(path), "--locale", locale),
                *("--format", form, "--edition", edition),
            ]
        )
    if status == 0:
        assert out
        assert err == ""
    else:
        assert status == 2
        assert out == ""
        assert err.endswith("\n")
        assert err.count("\n") == 1
        assert len(err) <= LINE_LIMIT + 60
