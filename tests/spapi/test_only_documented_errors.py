"""Adapters raise only the library's documented error, on any JSON value.

Two sources of input: arbitrary JSON (``st.recursive``) and the project's
fixtures with one part replaced by arbitrary JSON or removed, which
reaches far deeper into each adapter.  Either way the only exception is
:class:`~unified_account.errors.PayloadError` (for the single-order
readers, its base :class:`~unified_account.errors.InvalidValueError`).
"""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import Marketplace
from unified_account.errors import InvalidValueError, PayloadError
from unified_account.model.account import SellingPlan
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    order_from_2026,
    order_from_v0,
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    read_participations,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)

BASE = assemble_snapshot(
    home=Marketplace.US, seller_id="A1EXAMPLEUS", plan=SellingPlan.PROFESSIONAL
).snapshot

ADAPTERS = {
    "participations": read_participations,
    "account": read_account,
    "listings-item": read_listings_item,
    "listings-search": read_listings_search,
    "fba-inventory": lambda value: read_inventory_summaries(
        value, "ATVPDKIKX0DER"
    ),
    "orders": read_orders,
    "fees": read_fees_estimates,
    "notification": lambda value: apply_notification(BASE, value),
}

FIXTURE_OF = {
    "participations": "spapi/participations_na.json",
    "account": "spapi/account_na.json",
    "listings-item": "spapi/listings_item_na.json",
    "listings-search": "spapi/listings_search_na.json",
    "fba-inventory": "spapi/fba_us.json",
    "orders": "spapi/orders_v0_awkward.json",
    "fees": "spapi/fees_na.json",
}


def fixture(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


@st.composite
def mutated(draw, document):
    """``document`` with one part replaced by any JSON value, or removed."""
    document = copy.deepcopy(document)
    paths = [p for p in _paths(document) if p]
    path = draw(st.sampled_from(paths))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(json_values)
    return document


def error_of(call, *args, expected=PayloadError):
    """The ``expected`` error ``call(*args)`` raises, or ``None``."""
    try:
        call(*args)
    except expected as error:
        return error
    return None


SETTINGS = settings(
    suppress_health_check=[HealthCheck.too_slow], deadline=None
)


@pytest.mark.parametrize("name", sorted(ADAPTERS))
@SETTINGS
@given(value=json_values)
def test_any_json_value_gives_a_payload_error_or_a_reading(name, value):
    """Arbitrary JSON never escapes as anything but a PayloadError."""
    error_of(ADAPTERS[name], value)


@pytest.mark.parametrize("name", sorted(FIXTURE_OF))
@SETTINGS
@given(data=st.data())
def test_a_damaged_fixture_gives_a_payload_error_or_a_reading(name, data):
    """A fixture with any one part changed: a PayloadError or a reading."""
    value = data.draw(mutated(fixture(FIXTURE_OF[name])))
    error = error_of(ADAPTERS[name], value)
    assert error is None or error.problem


@SETTINGS
@given(data=st.data())
def test_a_damaged_notification_gives_a_payload_error_or_a_snapshot(data):
    """Each of the four notification types, damaged anywhere."""
    stream = fixture("spapi/notifications_na.json")
    body = data.draw(st.sampled_from(stream))
    error_of(apply_notification, BASE, data.draw(mutated(body)))


@pytest.mark.parametrize(
    ("read", "name"),
    [
        (order_from_v0, "orders_v0_na.json"),
        (order_from_2026, "orders_2026_na.json"),
    ],
)
@SETTINGS
@given(data=st.data())
def test_single_order_readers_raise_only_invalid_value(read, name, data):
    """``order_from_v0``/``order_from_2026``: InvalidValueError or an order."""
    document = fixture(name)
    orders = (
        document["payload"]["Orders"]
        if "payload" in document
        else document["orders"]
    )
    error_of(read, data.draw(mutated(orders[0])), expected=InvalidValueError)


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_gives_a_payload_error_or_a_report(text):
    """Flat-file reports: any text is read or refused with a line."""
    for read in (
        read_orders_report,
        lambda t: read_merchant_listings_report(t, Marketplace.CA),
    ):
        error = error_of(read, text)
        assert error is None or error.path.startswith("line ")


@SETTINGS
@given(data=st.data())
def test_a_damaged_report_row_names_its_line_and_column(data):
    """A report with one cell replaced: read, or refused at line/column."""
    name = data.draw(
        st.sampled_from(
            ["spapi/flat_file_orders_na.txt", "spapi/merchant_listings_ca.txt"]
        )
    )
    lines = (FIXTURES / name).read_bytes().decode("cp1252").split("\r\n")[:-1]
    row = data.draw(st.integers(1, len(lines) - 1))
    cells = lines[row].split("\t")
    column = data.draw(st.integers(0, len(cells) - 1))
    cells[column] = data.draw(
        st.text(max_size=10).filter(
            lambda t: "\t" not in t and "\n" not in t and "\r" not in t
        )
    )
    lines[row] = "\t".join(cells)
    text = "\n".join(lines)
    read = (
        read_orders_report
        if "orders" in name
        else lambda t: read_merchant_listings_report(t, Marketplace.CA)
    )
    error = error_of(read, text)
    assert error is None or error.path.startswith(f"line {row + 1}")
