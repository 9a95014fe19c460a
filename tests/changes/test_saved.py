"""A saved JSON report reads back into the report it was written from."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import EDITIONS, build_report, example_snapshot
from unified_account import strategies as ua
from unified_account.changes import parse_report, report_from_data
from unified_account.changes.saved import is_report_document
from unified_account.errors import InvalidValueError
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.report.formats import report_json
from unified_account.snapshot import example_text


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ua.snapshots(), ua.editions(), st.sampled_from(SUPPORTED_LOCALES))
def test_a_saved_report_reads_back_whole(snapshot, edition, locale):
    report = build_report(snapshot, edition=edition)
    assert parse_report(report_json(report, locale)) == report


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_the_example_reads_back_in_every_edition(edition):
    report = build_report(example_snapshot(), edition=EDITIONS[edition])
    assert parse_report(report_json(report, "zh_Hant").encode()) == report


def test_a_report_is_told_from_a_snapshot():
    saved = json.loads(report_json(build_report(example_snapshot()), "en"))
    assert is_report_document(saved)
    assert not is_report_document(json.loads(example_text()))
    assert not is_report_document([])


def document():
    return json.loads(report_json(build_report(example_snapshot()), "en"))


def broken(path, value):
    """The example's saved report with ``value`` at ``path``."""
    data = document()
    *parents, last = path
    target = data
    for step in parents:
        target = target[step]
    target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("edition",), "old", r"^r\.json: edition: unknown edition"),
        (("edition",), 3, r"^r\.json: edition: `3` is not a string"),
        (("findings",), {}, r"findings: `\{\}` is not a list"),
        (("findings", 0), [], r"findings\[0\]: `\[\]` is not an object"),
        (
            ("findings", 0, "message_id"),
            "no.such",
            r"findings\[0\]\.message_id: `no\.such` is not a message id",
        ),
        (
            ("findings", 0, "params", "nope"),
            1,
            r"findings\[0\]\.params: `nope` is not a parameter of",
        ),
        (
            ("findings", 0, "outcome"),
            "maybe",
            r"findings\[0\]\.outcome: `maybe` is not an outcome",
        ),
        (
            ("findings", 0, "subject", "kind"),
            "planet",
            r"findings\[0\]\.subject\.kind: `planet` is not a kind",
        ),
        (
            ("findings", 0, "subject", "account"),
            7,
            r"findings\[0\]\.subject\.account: `7` is not a string",
        ),
        (
            ("findings", 0, "rule"),
            "no-such-rule",
            r"findings\[0\]: rule: `no-such-rule` is not a rule key",
        ),
    ],
)
def test_a_bad_saved_report_names_the_place(path, value, message):
    with pytest.raises(InvalidValueError, match=message):
        report_from_data(broken(path, value), "r.json")


def first_with(kind):
    """The path of the first finding's parameter of ``kind``."""
    from unified_account.message_ids import MESSAGES

    for index, finding in enumerate(document()["findings"]):
        spec = MESSAGES[finding["message_id"]]
        for param in spec.params:
            if param.kind.value == kind and param.name in finding["params"]:
                return ("findings", index, "params", param.name)
    raise AssertionError(kind)  # pragma: no cover


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("integer", True, "is not an integer"),
        ("integer", "3", "is not an integer"),
        ("marketplace", "XX", "XX"),
        ("marketplaces", "CA", "is not a list"),
        ("marketplaces", ["CA", "XX"], r"\[1\]: .*XX"),
        ("money", {"amount": "x", "currency": "USD"}, "amount: `x` is not a"),
        ("money", {"amount": "1.234", "currency": "USD"}, "1.234"),
        ("money", [], "is not an object"),
        ("texts", [1], r"\[0\]: `1` is not a string"),
    ],
)
def test_a_bad_parameter_names_its_place(kind, value, message):
    path = first_with(kind)
    with pytest.raises(InvalidValueError, match=message) as raised:
        report_from_data(broken(path, value), "r.json")
    assert f"findings[{path[1]}].params.{path[3]}" in str(raised.value)


def test_dates_decimals_and_terms_are_read_by_their_kind():
    from unified_account.changes.saved import _READERS, _Bad
    from unified_account.message_ids import ParamKind

    assert str(_READERS[ParamKind.DATE]("2026-07-01", "p")) == "2026-07-01"
    assert str(_READERS[ParamKind.DECIMAL]("1.35", "p")) == "1.35"
    assert _READERS[ParamKind.TERMS](["a.b"], "p")[0].message_id == "a.b"
    with pytest.raises(_Bad, match="is not a date"):
        _READERS[ParamKind.DATE]("July", "p")


def test_a_subject_with_a_bad_marketplace_is_refused():
    data = document()
    index = next(
        i
        for i, f in enumerate(data["findings"])
        if f["subject"]["marketplace"]
    )
    data["findings"][index]["subject"]["marketplace"] = "XX"
    with pytest.raises(InvalidValueError, match=r"subject\.marketplace"):
        report_from_data(data, "r.json")


def test_a_summarised_report_is_refused():
    """Written without --all, it cannot be read back whole."""
    data = document()
    data["summary"] = [{"rule": "eu-distinct"}]
    with pytest.raises(InvalidValueError, match="--all"):
        report_from_data(data, "r.json")


def test_text_that_is_not_json_is_refused():
    with pytest.raises(InvalidValueError, match=r"^r\.json: not JSON"):
        parse_report("{", "r.json")
    with pytest.raises(InvalidValueError, match="is not an object"):
        parse_report("[]", "r.json")
