"""``unified-account watch SNAPSHOT``: notifications in, changes out."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from referencing import Registry, Resource

from unified_account import build_report, example_snapshot, load_snapshot
from unified_account.changes.formats import schema_text
from unified_account.cli import main
from unified_account.report.formats import schema_text as report_schema
from unified_account.snapshot import example_text
from unified_account.spapi import apply_notification


def mfn(sku, quantity):
    return {
        "NotificationType": "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
        "Payload": {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": sku,
            "Quantity": quantity,
        },
    }


def line_validator():
    registry = Registry()
    for text in (report_schema("report"), schema_text("diff")):
        document = json.loads(text)
        registry = registry.with_resource(
            document["$id"], Resource.from_contents(document)
        )
    document = json.loads(schema_text("watch"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document, registry=registry)


@pytest.fixture
def seller(tmp_path):
    path = tmp_path / "seller.json"
    path.write_text(example_text(), encoding="utf-8")
    return path


def watch(capsys, monkeypatch, lines, *argv):
    stdin = io.TextIOWrapper(io.BytesIO("\n".join(lines).encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    status = main(["watch", *(str(word) for word in argv)])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_each_notification_gives_one_line_of_changes(
    capsys, monkeypatch, seller, tmp_path
):
    sqs = {"MessageId": "m-1", "Body": json.dumps(mfn("MUG-CERAMIC-12", 100))}
    lines = [
        json.dumps(mfn("MUG-CERAMIC-12", 0)),
        "",
        "not json",
        json.dumps(sqs),
        "[1]",
        json.dumps({"NotificationType": "X", "Payload": {}}),
        json.dumps(mfn("CANDLE-SOY-8", 5)),
    ]
    saved = tmp_path / "now.json"
    status, written, err = watch(
        capsys, monkeypatch, lines, seller, "-o", saved
    )
    assert (status, err) == (3, "")  # lines were refused: incomplete
    assert [entry["line"] for entry in written] == [1, 3, 4, 5, 6, 7]
    validator = line_validator()
    for entry in written:
        validator.validate(entry)
    assert written[0]["changes"]["counts"] == {
        "appeared": 1,
        "resolved": 0,
        "changed": 1,
    }
    assert written[1]["error"].startswith("not JSON")
    assert written[2]["changes"]["counts"]["resolved"] == 1  # the SQS body
    assert written[3]["error"] == "a notification is a JSON object"
    assert "`X` is not one of" in written[4]["error"]
    expected = apply_notification(example_snapshot(), mfn("CANDLE-SOY-8", 5))
    assert load_snapshot(saved) == expected  # nothing lost, nothing extra


def test_fail_on_applies_to_what_appeared(capsys, monkeypatch, seller):
    lines = [json.dumps(mfn("MUG-CERAMIC-12", 0))]
    assert watch(capsys, monkeypatch, lines, seller)[0] == 0
    status, written, _ = watch(
        capsys, monkeypatch, lines, seller, "--fail-on", "warning"
    )
    assert status == 1
    assert written[0]["changes"]["rules"][0]["appeared"][0]["outcome"] == (
        "warning"
    )


def test_the_changes_speak_the_locale_and_edition(capsys, monkeypatch, seller):
    lines = [json.dumps(mfn("MUG-CERAMIC-12", 0))]
    _, written, _ = watch(
        capsys,
        monkeypatch,
        lines,
        seller,
        "--locale",
        "zh_Hans",
        "--edition",
        "remote-fulfillment",
    )
    changes = written[0]["changes"]
    assert (changes["locale"], changes["new_edition"]) == (
        "zh_Hans",
        "remote-fulfillment",
    )


def test_the_live_report_ends_as_the_batch_report(
    capsys, monkeypatch, seller, tmp_path
):
    lines = [json.dumps(mfn("MUG-CERAMIC-12", q)) for q in (3, 0, 7)]
    saved = tmp_path / "now.json"
    watch(capsys, monkeypatch, lines, seller, "--output", saved)
    now = load_snapshot(saved)
    assert build_report(now) == build_report(
        apply_notification(example_snapshot(), mfn("MUG-CERAMIC-12", 7))
    )


def test_the_snapshot_cannot_come_from_stdin(capsys, monkeypatch):
    status, written, err = watch(capsys, monkeypatch, [], "-")
    assert (status, written) == (2, [])
    assert "stdin carries the notifications" in err


def test_a_bad_snapshot_is_bad_input(capsys, monkeypatch, tmp_path):
    status, written, err = watch(
        capsys, monkeypatch, [], tmp_path / "none.json"
    )
    assert (status, written) == (2, [])
    assert "cannot read the file" in err


def test_a_line_past_the_limit_is_an_error_line_and_the_run_goes_on(
    capsys, monkeypatch, seller
):
    """Issue 22: stdin is read line by line, never past the limit."""
    from unified_account import _files

    monkeypatch.setattr(
        _files, "lines_limited", lambda handle, limit: iter([None, b"\n"])
    )
    status, written, _ = watch(capsys, monkeypatch, [], seller)
    assert status == 3
    assert written[0]["line"] == 1
    assert written[0]["error"].endswith(
        "the line is longer than 1,073,741,824 bytes"
    )


def test_an_unwritable_output_leaves_nothing(
    capsys, monkeypatch, seller, tmp_path
):
    target = tmp_path / "missing-dir" / "now.json"
    status, _, err = watch(capsys, monkeypatch, [], seller, "-o", target)
    # Exit 3: the run could not complete (docs/command.md, exit status).
    assert status == 3
    assert "cannot write the output" in err
    assert not target.parent.exists()


def test_watching_an_imports_notifications_is_importing_them(
    capsys, monkeypatch, tmp_path
):
    """On an SP-API import, the live run ends where the import does.

    The import given the notifications too, that is: diff finds nothing
    between the two.
    """
    from pathlib import Path

    fixtures = Path(__file__).parent.parent / "fixtures" / "spapi"
    pulled = [
        str(fixtures / name)
        for name in (
            "participations_na.json",
            "listings_item_na.json",
            "fba_us.json",
            "fba_ca.json",
        )
    ]
    base, full = tmp_path / "base.json", tmp_path / "full.json"
    common = ["import-spapi", "--home", "US", "--plan", "professional"]
    assert main([*common, *pulled, "-o", str(base)]) == 0
    notes = fixtures / "notifications_na.json"
    assert main([*common, *pulled, str(notes), "-o", str(full)]) == 0
    capsys.readouterr()
    lines = [
        json.dumps(n) for n in json.loads(notes.read_text(encoding="utf-8"))
    ]
    now = tmp_path / "now.json"
    status, written, _ = watch(capsys, monkeypatch, lines, base, "-o", now)
    assert status == 0
    assert len(written) == len(lines)
    assert load_snapshot(now) == load_snapshot(full)
    assert main(["diff", str(full), str(now), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)["counts"] == {
        "appeared": 0,
        "resolved": 0,
        "changed": 0,
    }
