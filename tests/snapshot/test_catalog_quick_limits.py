"""The fast catalogue path checks what the document's walk leaves to it.

A record the fast path reads is not walked for limits (see
``snapshot._limits.Reading``), so the fast path itself must refuse a
title past the string limit and an amount that is not a plain decimal;
the record then goes the careful way, which names the JSON path.  A
record read the careful way is walked first, so its long strings are
refused by the walk.
"""

import copy
import json

import pytest

from unified_account import SnapshotError, parse_snapshot
from unified_account.snapshot import example_text
from unified_account.snapshot._catalog import _quick_record, _Shared
from unified_account.snapshot._limits import MAX_TEXT_CHARACTERS

QUICK = {
    "sku": "MUG-1",
    "mfn": {"quantity": 3},
    "listings": {
        "US": {
            "title": "Mug",
            "price": {"amount": "12.00", "currency": "USD"},
            "channel": "mfn",
        }
    },
}


def snapshot_with(record):
    document = json.loads(example_text())
    document["catalog"]["skus"] = [record]
    return json.dumps(document)


def changed(path, value):
    record = copy.deepcopy(QUICK)
    node = record
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return record


def test_the_plain_record_is_read_by_the_fast_path():
    """The base of the cases below takes the fast path and loads."""
    assert _quick_record(QUICK, _Shared()).sku == "MUG-1"
    assert parse_snapshot(snapshot_with(QUICK)).catalog.record("MUG-1")


def test_the_longest_title_loads():
    """A title of exactly the limit is read, whole."""
    record = changed(("listings", "US", "title"), "t" * MAX_TEXT_CHARACTERS)
    assert _quick_record(record, _Shared())
    snapshot = parse_snapshot(snapshot_with(record))
    listing = snapshot.catalog.listing("MUG-1", snapshot.account.home)
    assert listing.title == "t" * MAX_TEXT_CHARACTERS


@pytest.mark.parametrize(
    ("path", "value", "where", "problem"),
    [
        (
            ("listings", "US", "title"),
            "t" * (MAX_TEXT_CHARACTERS + 1),
            "listings.US.title",
            "is longer than 10,000 characters",
        ),
        (
            ("listings", "US", "price", "amount"),
            "1e2",
            "listings.US.price.amount",
            "`1e2` is not a decimal number (digits, an optional point)",
        ),
        (
            ("listings", "US", "price", "currency"),
            840,
            "listings.US.price",
            "expected a currency code, got a whole number",
        ),
        (
            ("listings",),
            ["US"],
            "listings",
            "expected an object of marketplaces, got an array",
        ),
        (
            ("fba",),
            [],
            "fba",
            "expected an object of marketplaces to quantities, got an array",
        ),
        (
            ("fba",),
            {"US": "3"},
            "fba.US",
            "expected a whole number, got a string",
        ),
    ],
    ids=[
        "long-title",
        "exponent-amount",
        "number-currency",
        "listings-array",
        "fba-array",
        "fba-text",
    ],
)
def test_the_fast_path_hands_a_bad_value_to_the_careful_one(
    path, value, where, problem
):
    """The fast path gives up; the careful one names the path."""
    record = changed(path, value)
    try:
        _quick_record(record, _Shared())
    except ValueError:  # bare, or the model's InvalidValueError: handed over
        pass
    else:
        pytest.fail("the fast path read a record it must hand over")
    with pytest.raises(SnapshotError) as caught:
        parse_snapshot(snapshot_with(record), "seller.json")
    assert caught.value.path == f"catalog.skus[0].{where}"
    assert str(caught.value).endswith(problem)
