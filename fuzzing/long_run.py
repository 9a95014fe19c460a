"""Long fuzzing runs: the CI fuzz tests, driven by Atheris for hours.

``tests/fuzz/test_fuzz.py`` holds the properties (only documented
errors; loaded means schema-valid and reportable; the command's exit 2
is one short line).  In CI Hypothesis runs each a few hundred times.
Here Atheris, coverage-guided, feeds each test's Hypothesis
``fuzz_one_input`` with its own byte stream for as many inputs as asked::

    nice -n 10 .venv/bin/python fuzzing/long_run.py loader -runs=1000000

Targets: ``bytes`` (the fastest: libFuzzer's own byte mutations of the
example seller's JSON fed straight to :func:`parse_snapshot`; whatever
loads must match the schema and give a report), the Hypothesis
properties ``loader``, ``schema``, ``report``, ``v0``, ``v2026``,
``command`` of ``tests/fuzz/test_fuzz.py``, and those of the SP-API
adapters in ``tests/fuzz/test_fuzz_spapi.py``: ``spapi`` (every JSON
adapter, the adapter drawn too), ``notifications``, ``flat-files`` (the
two reports as changed text), ``report-bytes`` (any bytes decoded, then
read), ``import`` (the files of ``import-spapi``) and ``assemble``.
The other arguments are libFuzzer's (``-runs=N``,
``-max_total_time=S``, a corpus folder).  A failing input stops the run
with the test's traceback; its bytes are written to ``crash-*``, and
``python fuzzing/long_run.py TARGET crash-...`` replays it.  The count
of inputs run is libFuzzer's last ``#N`` line ("DONE").

Needs ``pip install -e ".[fuzz]"`` (Atheris, and the test tools).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

# The package's facade loads its modules lazily, on first use: import
# them all here, inside the block, or none of them is instrumented and
# libFuzzer runs blind (no coverage, a corpus of one input).
with atheris.instrument_imports(include=["unified_account"]):
    import unified_account.cli
    import unified_account.report.formats
    import unified_account.snapshot
    import unified_account.spapi
    import unified_account.spapi.files  # noqa: F401  (instrumented)

import json
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import test_fuzz, test_fuzz_spapi
from unified_account import (
    SnapshotError,
    build_report,
    parse_snapshot,
)
from unified_account.report.formats import (
    report_json,
    report_text,
)
from unified_account.snapshot import example_text


def raw_bytes(data: bytes) -> None:
    """Bytes as a snapshot: a snapshot or SnapshotError, then a report."""
    try:
        snapshot = parse_snapshot(data, "fuzz.json")
    except SnapshotError as error:
        line = str(error)
        assert "\n" not in line, line
        assert len(line) < 500, line
        line.encode("utf-8")
        return
    test_fuzz.SCHEMA.validate(json.loads(data))
    report = build_report(snapshot)
    report_text(report, "zh_Hant").encode("utf-8")
    report_json(report, "fr_CA").encode("utf-8")


def _seed_corpus() -> str:
    """A folder holding the example seller, where libFuzzer starts."""
    folder = tempfile.mkdtemp(prefix="unified-account-seeds-")
    Path(folder, "example-seller.json").write_text(example_text())
    return folder


def _over(test, names, values):
    """A parametrized property as one, the parameter drawn with the rest.

    ``test`` takes ``name`` (one of ``names``) and ``data``, drawn from
    ``values``; its undecorated body is called with both.
    """
    body = test.hypothesis.inner_test

    @settings(deadline=None, suppress_health_check=list(HealthCheck))
    @given(name=st.sampled_from(sorted(names)), data=values)
    def target(name, data):
        body(name=name, data=data)

    return target


SPAPI = test_fuzz_spapi

TARGETS = {
    "bytes": raw_bytes,
    "loader": test_fuzz.test_the_loader_reads_or_refuses_with_a_snapshot_error,
    "schema": test_fuzz.test_what_the_loader_reads_the_schema_accepts,
    "report": test_fuzz.test_whatever_loads_can_be_reported,
    "v0": test_fuzz.test_the_v0_adapter_reads_or_refuses,
    "v2026": test_fuzz.test_the_2026_adapter_reads_or_refuses,
    "command": test_fuzz.test_the_command_reports_or_fails_with_one_line,
    "spapi": _over(
        SPAPI.test_an_adapter_reads_or_refuses_with_one_short_line,
        SPAPI.ADAPTERS,
        st.data(),
    ),
    "notifications": SPAPI.test_each_notification_applies_or_is_refused,
    "flat-files": _over(
        SPAPI.test_a_report_reads_or_refuses_a_changed_report,
        SPAPI.REPORTS,
        st.data(),
    ),
    "report-bytes": _over(
        SPAPI.test_any_bytes_decode_and_read_or_are_refused,
        SPAPI.REPORTS,
        st.binary(max_size=4096),
    ),
    "import": SPAPI.test_import_files_assembles_or_names_the_file,
    "assemble": SPAPI.test_assemble_snapshot_builds_or_refuses,
}


def main() -> None:
    """Run the target named by the first argument under Atheris."""
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(
            f"usage: long_run.py {{{','.join(TARGETS)}}} [libFuzzer args]"
        )
    name = sys.argv.pop(1)
    target = TARGETS[name]
    if name == "bytes":
        if not any(not arg.startswith("-") for arg in sys.argv[1:]):
            sys.argv.append(_seed_corpus())
        atheris.Setup(sys.argv, target)
    else:
        atheris.Setup(sys.argv, target.hypothesis.fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
