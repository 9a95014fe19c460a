"""``remote_fulfillment`` is a set: each marketplace once, as in the schema."""

import json

import pytest

from unified_account import SnapshotError, parse_snapshot
from unified_account.snapshot import example_text


def with_enrolment(entries):
    document = json.loads(example_text())
    record = next(
        r for r in document["catalog"]["skus"] if "remote_fulfillment" in r
    )
    record["remote_fulfillment"] = entries
    index = document["catalog"]["skus"].index(record)
    return json.dumps(document), index, record["sku"]


def test_a_marketplace_enrolled_twice_is_refused_with_its_path():
    """``["CA", "CA"]``: refused at the second entry, not merged."""
    text, index, _ = with_enrolment(["CA", "CA"])
    with pytest.raises(SnapshotError) as caught:
        parse_snapshot(text, "seller.json")
    assert caught.value.path == (
        f"catalog.skus[{index}].remote_fulfillment[1]"
    )
    assert str(caught.value).endswith("`CA` appears twice in the set")


def test_each_marketplace_once_loads():
    """``["CA", "MX"]``: both enrolled."""
    text, _, sku = with_enrolment(["CA", "MX"])
    snapshot = parse_snapshot(text, "seller.json")
    record = snapshot.catalog.record(sku)
    assert {m.name for m in record.remote_fulfillment} == {"CA", "MX"}
