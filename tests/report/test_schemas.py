"""The report's and the rule list's JSON match their published schemas.

Real output is checked: the example seller in every edition and locale,
generated snapshots, every rule's explanation.  The schemas' closed lists
(outcomes, subject kinds, rule families) are the code's own.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from unified_account import EDITIONS, RULES, build_report, example_snapshot
from unified_account import strategies as ua
from unified_account.errors import InvalidValueError
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.report.finding import FindingOutcome
from unified_account.report.formats import (
    SCHEMA_VERSION,
    catalogue_json,
    report_json,
    rule_json,
    schema_text,
)
from unified_account.report.subject import SubjectKind
from unified_account.rules import RuleFamily


def schema(name):
    document = json.loads(schema_text(name))
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def validate(text, name):
    jsonschema.validate(
        json.loads(text),
        schema(name),
        cls=jsonschema.Draft202012Validator,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


@pytest.mark.parametrize("edition", sorted(EDITIONS))
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_example_report_matches_its_schema(edition, locale):
    """The bundled seller's report, in every edition and locale."""
    report = build_report(example_snapshot(), edition=EDITIONS[edition])
    validate(report_json(report, locale), "report")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ua.snapshots(), ua.editions())
def test_generated_reports_match_their_schema(snapshot, edition):
    """Any seller's report matches, whatever findings it has."""
    validate(
        report_json(build_report(snapshot, edition=edition), "en"), "report"
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_rule_list_and_each_explanation_match_their_schema(locale):
    """``rules --format json`` and ``explain K --format json``."""
    validate(catalogue_json(locale), "rules")
    for entry in RULES.values():
        validate(rule_json(entry, locale), "rules")


def test_the_schemas_closed_lists_are_the_codes():
    """Outcomes, subject kinds and rule families: one list each, kept equal."""
    report = schema("report")["$defs"]
    assert report["outcome"]["enum"] == [o.value for o in FindingOutcome]
    kinds = report["subject"]["properties"]["kind"]["enum"]
    assert kinds == [k.value for k in SubjectKind]
    families = schema("rules")["$defs"]["rule"]["properties"]["family"]
    assert families["enum"] == [f.value for f in RuleFamily]


def test_the_schemas_carry_their_version():
    """The schema's id, its ``schema_version`` and the output agree."""
    for name in ("report", "rules"):
        document = schema(name)
        assert document["$id"].endswith(
            f"/{name}-{SCHEMA_VERSION}.schema.json"
        )
        assert document["properties"]["schema_version"] == {
            "const": SCHEMA_VERSION
        }
    report = build_report(example_snapshot())
    assert json.loads(report_json(report, "en"))["schema_version"] == (
        SCHEMA_VERSION
    )


def test_a_wrong_document_fails_the_schema():
    """The schema is not vacuous: an unknown outcome is refused."""
    document = json.loads(report_json(build_report(example_snapshot()), "en"))
    document["findings"][0]["outcome"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema("report"))


def test_an_unknown_schema_name_is_refused():
    """Only the published schemas can be asked for."""
    with pytest.raises(InvalidValueError, match="`findings` is not a schema"):
        schema_text("findings")
