"""The adapters' fast paths read what their careful paths read.

A good value is taken without building its JSON path, and a key
attribute value met before is reused; anything doubtful goes the careful
way, which names the path.  Each property holds the two to one answer:
Listings Items and FBA inventory summaries.
"""

import copy
import json
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import Marketplace
from unified_account.errors import InvalidValueError, PayloadError
from unified_account.model.attributes import AttributeValue
from unified_account.model.identifiers import to_sku
from unified_account.model.money import Money
from unified_account.spapi import (
    _item_values,
    fba_inventory,
    listings,
    read_listings_search,
)
from unified_account.spapi._json import (
    is_quantity,
    is_text,
    money,
    plain_money,
    text,
    whole,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spapi"
US, CA = Marketplace.US, Marketplace.CA

AMOUNTS = st.one_of(
    st.sampled_from(
        [
            "19.99",
            "0",
            "-1.5",
            "1e3",
            "+1",
            " 1",
            "1.",
            "\u0661\u0662",
            "1234567890123456",
            "0.1234567890123",
            "0.123456789012",
            "999999999999999.99",
            "-999999999999999",
            "",
        ]
    ),
    st.text(max_size=6),
    st.integers(),
    st.decimals(),
    st.none(),
)
CURRENCIES = st.one_of(
    st.sampled_from(["USD", "CAD", "MXN", "usd", "ZZZ", "", " ", "\ud800"]),
    st.text(max_size=4),
    st.integers(),
    st.none(),
)
PRICES = st.one_of(
    st.fixed_dictionaries({"amount": AMOUNTS, "currencyCode": CURRENCIES}),
    st.dictionaries(
        st.sampled_from(["amount", "currencyCode", "x"]),
        st.one_of(AMOUNTS, CURRENCIES),
    ),
    st.lists(st.integers(), max_size=1),
    st.text(max_size=3),
    st.none(),
)


def exactly(value):
    """A Money as its amount's digits and exponent and its currency."""
    return (value.amount.as_tuple(), value.currency)


@given(PRICES)
def test_a_price_read_fast_is_the_careful_reading(value):
    """``plain_money`` gives ``money``'s Money, or leaves it to ``money``."""
    fast = plain_money(value, "amount", "currencyCode")
    try:
        careful = money(value, "price", "amount", "currencyCode")
    except PayloadError:
        assert fast is None
    else:
        assert fast is None or exactly(fast) == exactly(careful)


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ({"amount": "19.99", "currencyCode": "USD"}, Money("19.99", "USD")),
        ({"amount": "19.990", "currencyCode": "CAD"}, Money("19.990", "CAD")),
        ({"amount": "19.99", "currencyCode": "ZZZ"}, None),
        ({"amount": "1e3", "currencyCode": "USD"}, None),
        ({"amount": "1234567890123456", "currencyCode": "USD"}, None),
        ({"amount": 19, "currencyCode": "USD"}, None),
        ({"amount": "19.99", "currencyCode": " "}, None),
        ([], None),
    ],
)
def test_a_good_price_is_read_fast_and_a_doubtful_one_is_left(price, expected):
    found = plain_money(price, "amount", "currencyCode")
    if expected is None:
        assert found is None
    else:
        assert exactly(found) == exactly(expected)


@given(
    st.one_of(
        st.text(max_size=8),
        st.sampled_from([" ", "\ud800", "x" * 10_001, "x" * 10_000]),
        st.integers(),
        st.none(),
        st.lists(st.text(), max_size=1),
    )
)
def test_text_taken_fast_is_what_the_careful_check_takes(value):
    """``is_text`` says yes exactly where ``text`` returns the value."""
    if is_text(value):
        assert text(value, "p") is value
    else:
        with pytest.raises(PayloadError):
            text(value, "p")


@given(
    st.one_of(
        st.integers(),
        st.sampled_from([0, 10**15 - 1, 10**15, -1, True, False]),
        st.decimals(allow_nan=False),
        st.floats(),
        st.none(),
        st.text(max_size=2),
    )
)
def test_a_quantity_taken_fast_is_what_the_careful_check_takes(value):
    """``is_quantity`` says yes only where ``whole`` returns the value."""
    if is_quantity(value):
        assert whole(value, "p") == value
    elif type(value) is int:
        with pytest.raises(PayloadError):
            whole(value, "p")


def fixture():
    text_ = (FIXTURES / "listings_item_na.json").read_text(encoding="utf-8")
    return json.loads(text_, parse_float=Decimal)


def coloured(n, colours):
    """The fixture item as SKU ``MUG-n`` with ``colours`` (value, tag)."""
    item = copy.deepcopy(fixture())
    item["sku"] = f"MUG-{n}"
    item["attributes"]["color"] = [
        {"value": value, "marketplace_id": market.id}
        | ({} if tag is None else {"language_tag": tag})
        for (value, tag), market in zip(colours, (US, CA), strict=False)
    ]
    return item


def outcome(results):
    """What reading ``results`` gives: the items, or the error's words."""
    try:
        return read_listings_search(results)
    except PayloadError as error:
        return (error.path, str(error))


COLOURS = st.tuples(
    st.sampled_from(["Black", "Noire", " ", "Black\ud800"]),
    st.sampled_from(["en_US", "fr_CA", None, "english"]),
)


@given(st.lists(st.lists(COLOURS, max_size=2), min_size=1, max_size=4))
def test_reused_attribute_values_change_nothing(items):
    """A search reads the same with and without reusing values."""
    results = {
        "numberOfResults": len(items),
        "items": [coloured(n, colours) for n, colours in enumerate(items)],
    }
    reused = outcome(results)
    with mock.patch.object(_item_values, "MADE", 0):
        built = outcome(results)
    assert reused == built


def test_a_value_met_again_is_the_same_value():
    """Black in English on two SKUs: one value, built once."""
    black = ("Black", "en_US")
    results = {
        "numberOfResults": 2,
        "items": [coloured(1, [black]), coloured(2, [black])],
    }
    first, second = (
        next(x for x in item.listings if x.marketplace is US)
        for item in read_listings_search(results)
    )
    assert first.attributes["color"] == AttributeValue("Black", "en_US")
    assert first.attributes["color"] is second.attributes["color"]
    with mock.patch.object(_item_values, "MADE", 0):
        first, second = (
            next(x for x in item.listings if x.marketplace is US)
            for item in read_listings_search(results)
        )
    assert first.attributes["color"] == second.attributes["color"]
    assert first.attributes["color"] is not second.attributes["color"]


def refusal(item):
    with pytest.raises(PayloadError) as error:
        listings.read_listings_item(item)
    return error.value.path, error.value.problem


@pytest.mark.parametrize(
    ("edit", "path", "problem"),
    [
        (
            lambda item: item["attributes"].update(color="Black"),
            "attributes.color",
            "expected an array, got a string",
        ),
        (
            lambda item: item["attributes"].update(color=["Black"]),
            "attributes.color[0]",
            "expected an object, got a string",
        ),
        (
            lambda item: item["fulfillmentAvailability"][0].update(
                quantity=-1
            ),
            "fulfillmentAvailability[0].quantity",
            "expected a whole number of at least 0, got `-1`",
        ),
        (
            lambda item: item["fulfillmentAvailability"][0].update(
                quantity=True
            ),
            "fulfillmentAvailability[0].quantity",
            "expected a whole number of at least 0, got a boolean",
        ),
        (
            lambda item: item["fulfillmentAvailability"].insert(0, "DEFAULT"),
            "fulfillmentAvailability[0]",
            "expected an object, got a string",
        ),
        (
            lambda item: item["fulfillmentAvailability"][0].pop(
                "fulfillmentChannelCode"
            ),
            "fulfillmentAvailability[0].fulfillmentChannelCode",
            "missing required field",
        ),
        (
            lambda item: item["offers"].insert(0, None),
            "offers[0]",
            "expected an object, got null",
        ),
        (
            lambda item: item["summaries"][0].update(marketplaceId=7),
            "summaries[0].marketplaceId",
            "expected a non-empty string, got a number",
        ),
        (
            lambda item: item["offers"][0].update(price=None),
            "offers[0].price",
            "missing required field",
        ),
        (
            lambda item: item["offers"][0].update(
                price={"amount": 19.99, "currencyCode": "USD"}
            ),
            "offers[0].price.amount",
            'expected a decimal string (`"9.99"`), got a float',
        ),
        (
            lambda item: item["summaries"][0].update(status="BUYABLE"),
            "summaries[0].status",
            "expected an array, got a string",
        ),
        (
            lambda item: item["summaries"][0].update(itemName=" "),
            "summaries[0].itemName",
            "expected a non-empty string, got a string",
        ),
    ],
)
def test_a_doubtful_value_is_named_by_the_careful_path(edit, path, problem):
    """What the fast checks doubt is refused as it always was."""
    item = fixture()
    edit(item)
    assert refusal(item) == (path, problem)


def test_a_quantity_written_as_a_whole_decimal_is_read():
    """``7.0`` (a Decimal, as the import parses it) is 7 units."""
    item = fixture()
    item["fulfillmentAvailability"][1]["quantity"] = Decimal("7.0")
    assert listings.read_listings_item(item).mfn_quantity == 7


FIGURES = st.one_of(
    st.none(),
    st.integers(-2, 5),
    st.sampled_from([10**15, True, Decimal("2.0"), "3", 1.5]),
)
DETAILS = st.one_of(
    st.none(),
    st.just([]),
    st.fixed_dictionaries(
        {},
        optional={
            "fulfillableQuantity": FIGURES,
            "inboundWorkingQuantity": FIGURES,
            "reservedQuantity": st.one_of(
                st.none(),
                st.just("x"),
                st.fixed_dictionaries(
                    {}, optional={"totalReservedQuantity": FIGURES}
                ),
            ),
        },
    ),
)
SUMMARIES = st.fixed_dictionaries(
    {},
    optional={
        "sellerSku": st.sampled_from(["MUG-1", " ", "x" * 41, "a\tb", 5]),
        "totalQuantity": FIGURES,
        "inventoryDetails": DETAILS,
    },
)
# One named summary per way a fast check can answer or leave it.
NAMED_SUMMARIES = [
    {"sellerSku": "MUG-1", "totalQuantity": 4},
    {"sellerSku": "x" * 41, "totalQuantity": 4},
    {"sellerSku": " ", "inventoryDetails": {"fulfillableQuantity": 3}},
    {"inventoryDetails": {"fulfillableQuantity": None}, "totalQuantity": 2},
    {"inventoryDetails": [], "totalQuantity": 2},
    {"inventoryDetails": {"fulfillableQuantity": Decimal("2.0")}},
    {"inventoryDetails": {"reservedQuantity": "x"}, "totalQuantity": 1},
    {"inventoryDetails": {"reservedQuantity": {"totalReservedQuantity": 1}}},
    {"totalQuantity": -1},
]


def answer(read, *args):
    """What ``read`` gives: ``("value", ...)`` or the error's words."""
    try:
        return ("value", read(*args))
    except PayloadError as error:
        return ("error", error.path, error.problem)


def check_summary(summary):
    assert answer(fba_inventory._figures, summary, "s") == answer(
        fba_inventory._careful_figures, summary, "s"
    )
    plain = fba_inventory._plain_quantity(summary)
    careful = answer(fba_inventory._quantity, summary, "s")
    assert plain is None or careful == ("value", plain)
    raw = summary.get("sellerSku")
    sku = fba_inventory._plain_sku(raw)
    try:
        expected = to_sku(text(raw, "p"))
    except (PayloadError, InvalidValueError):
        assert sku is None
    else:
        assert sku == expected


@given(SUMMARIES)
def test_a_summary_read_fast_is_the_careful_reading(summary):
    """Figures, quantity and SKU: the fast reading or the careful one."""
    check_summary(summary)


@pytest.mark.parametrize("summary", NAMED_SUMMARIES)
def test_each_way_a_fast_check_answers(summary):
    check_summary(summary)


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("good", [True, False])
def test_the_collector_pauses_while_importing_and_is_restored(enabled, good):
    """Off while the files are read; afterwards as the caller had it."""
    import gc

    from unified_account.model.account import SellingPlan
    from unified_account.spapi.files import import_files

    data = (FIXTURES / "listings_item_na.json").read_bytes() if good else b"{"
    seen = []

    def read(path):
        seen.append(gc.isenabled())
        return data

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        if good:
            import_files(
                ["listings=x.json"],
                home=US,
                seller_id="A1",
                plan=SellingPlan.PROFESSIONAL,
                read=read,
            )
        else:
            with pytest.raises(PayloadError):
                import_files(["x.json"], home=US, seller_id="A1", read=read)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
