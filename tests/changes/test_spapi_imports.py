"""``diff`` and ``what-if`` on snapshots an SP-API import wrote.

``watch`` on an import is checked in test_watch_command.py; here the
other two commands read what ``import-spapi`` writes, and their JSON
output validates against the published schemas.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from unified_account import load_snapshot
from unified_account.changes.formats import schema_text
from unified_account.cli import main
from unified_account.report.formats import schema_text as report_schema

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spapi"
PULLED = [
    FIXTURES / name
    for name in (
        "participations_na.json",
        "listings_item_na.json",
        "fba_us.json",
        "fba_ca.json",
    )
]
COMMON = ["import-spapi", "--home", "US", "--plan", "professional"]


def validator(name):
    registry = Registry()
    for text in (report_schema("report"), schema_text("diff")):
        document = json.loads(text)
        registry = registry.with_resource(
            document["$id"], Resource.from_contents(document)
        )
    document = json.loads(schema_text(name))
    return jsonschema.Draft202012Validator(document, registry=registry)


@pytest.fixture
def imported(tmp_path, capsys):
    """The import alone, and the import with its notifications applied."""
    base, full = tmp_path / "base.json", tmp_path / "full.json"
    pulled = [str(path) for path in PULLED]
    assert main([*COMMON, *pulled, "-o", str(base)]) == 0
    notes = str(FIXTURES / "notifications_na.json")
    assert main([*COMMON, *pulled, notes, "-o", str(full)]) == 0
    capsys.readouterr()
    return base, full


def test_diff_of_two_imports_gives_what_the_notifications_changed(
    imported, capsys
):
    base, full = imported
    status = main(["diff", str(base), str(full), "--format", "json"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    document = json.loads(out)
    validator("diff").validate(document)
    counts = document["counts"]
    assert counts["appeared"] + counts["resolved"] + counts["changed"] > 0


def test_what_if_on_an_import(imported, capsys, tmp_path):
    base, _ = imported
    sku = sorted(load_snapshot(base).catalog.skus.keys())[0]
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            [
                {"action": "delete-listing", "sku": sku, "marketplace": "CA"},
                {"action": "turn-on-marketplace", "marketplace": "MX"},
            ]
        ),
        encoding="utf-8",
    )
    status = main(["what-if", str(base), str(plan), "--format", "json"])
    out, err = capsys.readouterr()
    assert err == ""
    document = json.loads(out)
    validator("what-if").validate(document)
    assert status == (0 if len(document["steps"]) == 2 else 1)
    first = document["steps"][0]
    assert (first["action"], first["outcome"]) == ("delete-listing", "allowed")
    assert document["diff"]["counts"] != {
        "appeared": 0,
        "resolved": 0,
        "changed": 0,
    }
    assert sku in json.dumps(document["diff"])
