"""Snapshots of the example seller a day apart, as files."""

from __future__ import annotations

import json

import pytest

from unified_account.snapshot import example_text


def moved_example() -> str:
    """The example seller after its mug sold out and its candle restocked.

    The mug's shared pool goes from 100 units to 0, the candle's from 0
    to 5: one warning appears, one is resolved, two pools change.
    """
    data = json.loads(example_text())
    skus = {record["sku"]: record for record in data["catalog"]["skus"]}
    skus["MUG-CERAMIC-12"]["mfn"]["quantity"] = 0
    skus["CANDLE-SOY-8"]["mfn"]["quantity"] = 5
    return json.dumps(data)


@pytest.fixture
def day_apart(tmp_path):
    """The paths of yesterday's and today's snapshot."""
    old = tmp_path / "monday.json"
    new = tmp_path / "tuesday.json"
    old.write_text(example_text(), encoding="utf-8")
    new.write_text(moved_example(), encoding="utf-8")
    return old, new


@pytest.fixture
def day_reports():
    """The reports of yesterday's and today's snapshot (edition faq)."""
    from unified_account import build_report, example_snapshot
    from unified_account.snapshot import parse_snapshot

    return (
        build_report(example_snapshot()),
        build_report(parse_snapshot(moved_example())),
    )
