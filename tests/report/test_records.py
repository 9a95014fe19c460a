"""Findings as rows for analysts: records, a DataFrame, an Arrow table."""

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account import (
    Finding,
    MissingExtraError,
    UnsupportedLocaleError,
    build_report,
    example_snapshot,
)
from unified_account.i18n import SUPPORTED_LOCALES, render
from unified_account.report.formats import finding_document
from unified_account.report.records import RECORD_COLUMNS

REPORT = build_report(example_snapshot())


def test_the_columns_are_stable():
    """The documented columns, in their order: a tool may rely on them."""
    assert RECORD_COLUMNS == (
        "rule",
        "outcome",
        "subject",
        "kind",
        "account",
        "other_account",
        "marketplace",
        "sku",
        "asin",
        "brand",
        "reference",
        "currency",
        "message_id",
        "message",
        "params",
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_record_per_finding_with_the_json_reports_values(locale):
    """Each record says what the JSON report says, flattened."""
    records = REPORT.to_records(locale)
    assert len(records) == len(REPORT.findings)
    for record, finding in zip(records, REPORT.findings, strict=True):
        assert tuple(record) == RECORD_COLUMNS
        assert all(v is None or isinstance(v, str) for v in record.values())
        document = finding_document(finding, locale)
        subject = dict(document["subject"])
        assert record["subject"] == subject.pop("path")
        assert {k: record[k] for k in subject} == subject
        assert record["rule"] == document["rule"]
        assert record["outcome"] == document["outcome"]
        assert record["message_id"] == document["message_id"]
        assert record["message"] == render(
            finding.message_id, finding.params, locale
        )
        assert json.loads(record["params"]) == document["params"]


@settings(max_examples=20)
@given(st.from_type(Finding))
def test_any_finding_makes_a_record(finding):
    """Drawn findings too: every column, strings or None."""
    from unified_account import FAQ, Report

    (record,) = Report(FAQ, [finding]).to_records()
    assert tuple(record) == RECORD_COLUMNS
    assert record["subject"] == finding.subject.path


def test_filters_and_records_agree():
    """The records of a filtered report are the matching records."""
    kept = REPORT.where(outcome="denied")
    assert kept.to_records() == [
        r for r in REPORT.to_records() if r["outcome"] == "denied"
    ]


def test_an_unsupported_locale_is_refused_even_with_no_findings():
    """The locale is checked first, not at the first message."""
    with pytest.raises(UnsupportedLocaleError):
        REPORT.where(rule=[]).to_records("de")


def test_a_data_frame_of_the_records():
    """``to_pandas``: one row per finding, the columns in order."""
    pandas = pytest.importorskip(
        "pandas", reason="pandas comes with the frames extra"
    )
    frame = REPORT.to_pandas("fr_CA")
    assert isinstance(frame, pandas.DataFrame)
    assert tuple(frame.columns) == RECORD_COLUMNS
    assert len(frame) == len(REPORT.findings)
    records = frame.astype(object).where(frame.notna(), None)
    assert records.to_dict("records") == REPORT.to_records("fr_CA")
    per_rule = frame.groupby("rule").size()
    assert per_rule.sum() == len(REPORT.findings)
    empty = REPORT.where(rule=[]).to_pandas()
    assert tuple(empty.columns) == RECORD_COLUMNS
    assert len(empty) == 0


def test_an_arrow_table_of_the_records():
    """``to_arrow``: string columns, the same rows."""
    arrow = pytest.importorskip(
        "pyarrow", reason="pyarrow comes with the frames extra"
    )
    table = REPORT.to_arrow()
    assert isinstance(table, arrow.Table)
    assert tuple(table.column_names) == RECORD_COLUMNS
    assert all(field.type == arrow.string() for field in table.schema)
    assert table.to_pylist() == REPORT.to_records()
    assert REPORT.where(rule=[]).to_arrow().num_rows == 0


@pytest.mark.parametrize(
    ("method", "module"), [("to_pandas", "pandas"), ("to_arrow", "pyarrow")]
)
def test_without_the_extra_the_error_names_it(monkeypatch, method, module):
    """MissingExtraError (an ImportError) naming the module and extra."""
    # A None in sys.modules makes ``import module`` fail as if absent.
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError) as raised:
        getattr(REPORT, method)()
    assert isinstance(raised.value, ImportError)
    message = str(raised.value)
    assert f"`{module}`" in message
    assert "unified-account[frames]" in message
