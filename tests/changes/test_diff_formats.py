"""The diff written as text, Markdown and JSON, in every locale."""

from __future__ import annotations

import json

import jsonschema
import pytest
from referencing import Registry, Resource

from unified_account.changes import diff_reports
from unified_account.changes.formats import (
    DIFF_FORMATS,
    SCHEMAS,
    diff_json,
    diff_markdown,
    diff_text,
    schema_text,
)
from unified_account.errors import InvalidValueError
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.report.formats import schema_text as report_schema


def validator(name):
    """A validator of a changes schema, the report's schema at hand."""
    report = json.loads(report_schema("report"))
    registry = Registry().with_resource(
        report["$id"], Resource.from_contents(report)
    )
    document = json.loads(schema_text(name))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document, registry=registry)


def test_the_text_groups_by_rule_and_marks_each_change(day_reports):
    text = diff_text(diff_reports(*day_reports), "en")
    lines = text.splitlines()
    assert lines[0] == (
        "Changes from edition faq to edition faq: "
        "1 appeared, 1 resolved, 2 changed"
    )
    assert lines[2] == "marketplace-specific-deletion"
    assert lines[3].startswith("  + sku:MUG-CERAMIC-12 [warning] ")
    assert lines[4].startswith("  - sku:CANDLE-SOY-8 [warning] ")
    assert lines[6] == "mfn-inventory"
    assert "pool of 0 units" in lines[9]
    assert lines[10].startswith("      was: [info] ")
    assert "pool of 100 units" in lines[10]


def test_no_change_is_a_heading_alone(day_reports):
    old, _ = day_reports
    assert diff_text(diff_reports(old, old), "en") == (
        "Changes from edition faq to edition faq: "
        "0 appeared, 0 resolved, 0 changed\n"
    )


def test_the_markdown_has_a_table_per_rule(day_reports):
    text = diff_markdown(diff_reports(*day_reports), "en")
    assert text.startswith("# Changes from edition faq")
    assert "## `mfn-inventory`" in text
    assert "| Change | Subject | Outcome | Finding |" in text
    assert "| appeared | `sku:MUG-CERAMIC-12` | warning |" in text
    assert "| resolved | `sku:CANDLE-SOY-8` | warning |" in text
    assert "| changed | `sku:MUG-CERAMIC-12` | info → info |" in text
    assert "(was: [info] MUG-CERAMIC-12 ships" in text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("format", ["text", "markdown"])
def test_every_format_speaks_every_locale(day_reports, locale, format):
    """Nothing is left in English where the locale has its own words."""
    text = DIFF_FORMATS[format](diff_reports(*day_reports), locale)
    assert "MUG-CERAMIC-12" in text
    if locale != "en":
        assert "appeared" not in text
        assert "was:" not in text
        assert "Changes from" not in text


def test_the_json_keeps_keys_and_renders_messages(day_reports):
    """The JSON's field names are stable; its messages are localized."""
    english, french = (
        json.loads(diff_json(diff_reports(*day_reports), locale))
        for locale in ("en", "fr_CA")
    )
    assert english.keys() == french.keys()
    first = english["rules"][0]["appeared"][0]
    premier = french["rules"][0]["appeared"][0]
    assert first["key"] == premier["key"]
    assert first["message"] != premier["message"]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_json_matches_its_schema(day_reports, locale):
    document = json.loads(diff_json(diff_reports(*day_reports), locale))
    validator("diff").validate(document)
    assert document["counts"] == {"appeared": 1, "resolved": 1, "changed": 2}
    assert [group["rule"] for group in document["rules"]] == [
        "marketplace-specific-deletion",
        "mfn-inventory",
    ]
    change = document["rules"][1]["changed"][1]
    assert change["old"]["params"]["quantity"] == 100
    assert change["new"]["params"]["quantity"] == 0
    assert change["key"] == change["old"]["key"] == change["new"]["key"]


def test_the_schema_is_not_vacuous(day_reports):
    document = json.loads(diff_json(diff_reports(*day_reports), "en"))
    document["rules"][0]["appeared"][0]["outcome"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validator("diff").validate(document)


def test_only_published_schemas_are_given():
    assert SCHEMAS == ("diff", "plan", "what-if", "watch")
    with pytest.raises(InvalidValueError, match="`report` is not a schema"):
        schema_text("report")
