"""The JSON Schema describes the bundled example and the docs' examples."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

from unified_account import parse_snapshot
from unified_account.snapshot import example_text, schema_text

DOCS = Path(__file__).resolve().parents[2] / "docs"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


def test_the_schema_is_a_valid_schema():
    """Draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text()))


def test_the_bundled_example_matches_the_schema():
    """Every section, old and new."""
    VALIDATOR.validate(json.loads(example_text()))


def _doc_snapshots():
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```json snapshot\n(.*?)```", text, re.S):
            found.append(pytest.param(block, id=f"{page.name}:{len(found)}"))
    return found


@pytest.mark.parametrize("block", _doc_snapshots())
def test_documented_snapshots_match_the_schema_and_load(block):
    """Each ```json snapshot block in the docs is a valid snapshot."""
    data = json.loads(block)
    VALIDATOR.validate(data)
    parse_snapshot(block)


def test_the_docs_have_snapshot_examples():
    """Guards the test above against finding nothing."""
    assert len(_doc_snapshots()) >= 1
