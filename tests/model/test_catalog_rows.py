"""``Catalog.from_rows``: the same catalogue as the one-by-one constructors.

Rows of plain values are checked once, at the boundary: whatever the
public constructors (``SkuRecord``, ``Listing``, ``MfnPool``, ``Money``)
would build, the batch builds equal; whatever they refuse, the batch
refuses with ``InvalidValueError`` naming the row and the field.
"""

import gc
from decimal import Decimal

import immutables
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    MfnPool,
    Money,
    SkuRecord,
    UnifiedAccountError,
)
from unified_account import strategies as ua
from unified_account.model.attributes import AttributeValue
from unified_account.model.rows import ListingRow, SkuRow

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX


def _either(value, plain):
    """A value as an enum member or its plain form, drawn."""
    return st.sampled_from([value, plain])


@st.composite
def _as_row(draw, record):
    """``record`` written as a row, each value in any accepted form."""
    listings = []
    for listing in draw(st.permutations(record.listings)):
        price = draw(
            st.sampled_from(
                [
                    listing.price,
                    str(listing.price.amount),
                    listing.price.amount,
                ]
            )
        )
        row = [
            draw(_either(listing.marketplace, listing.marketplace.name)),
            listing.title,
            price,
            draw(_either(listing.channel, listing.channel.value)),
        ]
        if (
            listing.status is not ListingStatus.ACTIVE
            or listing.attributes
            or draw(st.booleans())
        ):
            row.append(draw(_either(listing.status, listing.status.value)))
        if listing.attributes:
            row.append(dict(listing.attributes))
        elif len(row) == 5 and draw(st.booleans()):
            row.append({})
        listings.append(
            ListingRow(*row) if draw(st.booleans()) else tuple(row)
        )
    pool = record.mfn
    separate = (
        None
        if pool.marketplace is None
        else draw(_either(pool.marketplace, pool.marketplace.name))
    )
    fba = {
        draw(_either(marketplace, marketplace.name)): units
        for marketplace, units in record.fba.items()
    }
    row = [record.sku, record.asin, pool.quantity, separate, fba, listings]
    if record.remote_fulfillment:
        row.append([m.name for m in record.remote_fulfillment])
    return SkuRow(*row) if draw(st.booleans()) else tuple(row)


@given(
    records=st.lists(
        ua.sku_records(allow_zero_price=True),
        unique_by=lambda record: record.sku,
        max_size=6,
    ),
    data=st.data(),
)
def test_rows_build_the_catalogue_the_constructors_build(records, data):
    """Any catalogue, written as rows in any form, is built back equal."""
    rows = [data.draw(_as_row(record)) for record in records]
    built = Catalog.from_rows(rows)
    assert built == Catalog(records)
    for record in records:
        again = built.record(record.sku)
        assert again.sellable_quantities == record.sellable_quantities
        assert again.listings == record.listings  # the same order too


# --- any row, valid or not, against the one-by-one constructors -------

_CODES = ("US", "CA", "MX", "BR")


def _marketplace(value):
    return Marketplace[value] if isinstance(value, str) else value


def _one_by_one(rows):
    """The catalogue through the public constructors, value by value."""
    records = []
    for row in rows:
        sku, asin, quantity, separate, fba, listings, *rest = row
        if separate is None:
            pool = MfnPool(quantity=quantity)
        else:
            pool = MfnPool(
                quantity=quantity,
                arrangement=MfnArrangement.SEPARATE,
                marketplace=_marketplace(separate),
            )
        built = []
        for code, title, price, channel, *more in listings:
            marketplace = _marketplace(code)
            if not isinstance(price, Money):
                # A marketplace that is none: the listing refuses it.
                currency = getattr(marketplace, "currency", "USD")
                price = Money(price, currency)
            built.append(
                Listing(
                    sku=sku,
                    marketplace=marketplace,
                    title=title,
                    price=price,
                    channel=FulfillmentChannel(channel),
                    status=ListingStatus(more[0])
                    if more
                    else ListingStatus.ACTIVE,
                )
            )
        records.append(
            SkuRecord(
                sku=sku,
                asin=asin,
                mfn=pool,
                fba={_marketplace(k): v for k, v in fba.items()},
                listings=built,
                remote_fulfillment=[_marketplace(m) for m in rest[0]]
                if rest
                else (),
            )
        )
    return Catalog(records)


_MARKETPLACES = st.sampled_from([*_CODES, US, CA, "XX", "ca", ["US"]])
_LISTING_ROWS = st.tuples(
    _MARKETPLACES,
    st.sampled_from(["Mug", "", "  ", 5]),
    st.sampled_from(
        [
            "1.00",
            "12.5",
            "1.005",
            "abc",
            "0.00",
            Decimal("2"),
            3,
            1.5,
            True,
            Money("1.00", "USD"),
            Money("1.00", "CAD"),
        ]
    ),
    st.sampled_from(["mfn", "fba", FulfillmentChannel.FBA, "x", ()]),
) | st.tuples(
    _MARKETPLACES,
    st.just("Mug"),
    st.just("10.00"),
    st.sampled_from(["mfn", "fba"]),
    st.sampled_from(["active", "deleted", ListingStatus.INACTIVE, "nope"]),
)
_ROWS = st.tuples(
    st.sampled_from(["MUG-1", "MUG-2", "", " X", 5]),
    st.sampled_from([None, "B000000001", "bad"]),
    st.sampled_from([0, 3, -1, True, "1"]),
    st.sampled_from([None, "CA", MX, "XX", ["CA"]]),
    st.sampled_from([{}, {"CA": 2}, {US: 1}, {"MX": -1}, {"CA": True}]),
    st.lists(_LISTING_ROWS, max_size=3),
) | st.tuples(
    st.just("MUG-3"),
    st.none(),
    st.just(1),
    st.none(),
    st.just({}),
    st.lists(_LISTING_ROWS, max_size=2),
    st.sampled_from([[], ["CA"], [MX], ["US"], ["XX"]]),
)


def _refused_at(rows):
    """The index of the first row the constructors refuse, or None."""
    for index in range(len(rows)):
        try:
            _one_by_one(rows[: index + 1])
        except (UnifiedAccountError, KeyError, ValueError, TypeError):
            return index
    return None


@given(rows=st.lists(_ROWS, max_size=4))
def test_rows_are_refused_exactly_where_the_constructors_refuse(rows):
    """Built equal, or refused naming the first row the constructors refuse."""
    refused = _refused_at(rows)
    if refused is None:
        assert Catalog.from_rows(rows) == _one_by_one(rows)
        return
    with pytest.raises(InvalidValueError) as caught:
        Catalog.from_rows(rows)
    field = caught.value.field
    assert field == f"rows[{refused}]" or field.startswith(f"rows[{refused}].")


# --- named examples ---------------------------------------------------


def _row(*listings, **changes):
    values = {
        "sku": "MUG-1",
        "asin": "B000000001",
        "mfn": 4,
        "separate": None,
        "fba": {},
        "listings": list(listings) or [("US", "Mug", "12.00", "mfn")],
    }
    values.update(changes)
    return SkuRow(**values)


@pytest.mark.parametrize(
    ("rows", "field", "words"),
    [
        (5, "rows", "not a collection of SKU rows"),
        ("rows", "rows", "not a collection of SKU rows"),
        ([["MUG-1"]], "rows[0]", "not a SKU row"),
        ([("MUG-1",) * 8], "rows[0]", "not a SKU row"),
        ([_row(sku=" X")], "rows[0].sku", "not a SKU"),
        ([_row(asin="bad")], "rows[0].asin", "not an ASIN"),
        ([_row(mfn=-1)], "rows[0].mfn", "whole number"),
        ([_row(separate="XX")], "rows[0].separate", "marketplace"),
        ([_row(separate=["CA"])], "rows[0].separate", "marketplace"),
        ([_row(fba=[1])], "rows[0].fba", "mapping"),
        ([_row(fba={"XX": 1})], "rows[0].fba", "marketplace"),
        ([_row(fba={"CA": -1})], "rows[0].fba.CA", "whole number"),
        ([_row(listings=5)], "rows[0].listings", "listing rows"),
        ([_row(listings="US")], "rows[0].listings", "listing rows"),
        ([_row(("US",))], "rows[0].listings[0]", "not a listing row"),
        ([_row(["US", "Mug", "1.00", "mfn"])], "rows[0].listings[0]", "row"),
        (
            [_row(("US", "Mug", "1.00", "mfn"), ("ZZ", "Mug", "1", "mfn"))],
            "rows[0].listings[1].marketplace",
            "`'ZZ'`",
        ),
        (
            [_row(("US", "Mug", "1.00", "post"))],
            "rows[0].listings[0].channel",
            "`fba`, `mfn`",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn", {}))],
            "rows[0].listings[0].status",
            "`active`, `deleted`, `inactive`",
        ),
        (
            [_row(("US", "Mug", "1.005", "mfn"))],
            "rows[0].listings[0].price",
            "decimal places",
        ),
        (
            [_row(("US", "Mug", 1.5, "mfn"))],
            "rows[0].listings[0].price",
            "float",
        ),
        (
            [_row(("US", "Mug", Money("1.00", "CAD"), "mfn"))],
            "rows[0].listings[0].price",
            "not in USD",
        ),
        (
            [_row(("US", " ", "1.00", "mfn"))],
            "rows[0].listings[0].title",
            "non-empty",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn", "active", {"": "x"}))],
            "rows[0].listings[0].attributes",
            "attribute name",
        ),
        (
            [_row(("US", "Mug", "1", "mfn"), ("US", "Mug", "2", "fba"))],
            "rows[0].listings.US",
            "two listings",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn"), separate="CA")],
            "rows[0].listings.US",
            "separate SKU",
        ),
        (
            [_row(remote_fulfillment=5)],
            "rows[0].remote_fulfillment",
            "collection of marketplaces",
        ),
        (
            [_row(remote_fulfillment=["US"])],
            "rows[0].remote_fulfillment",
            "Remote Fulfillment marketplace",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn"), remote_fulfillment=["CA"])],
            "rows[0].listings.US",
            "Remote Fulfillment",
        ),
        ([_row(), _row()], "rows[1].sku", "appears twice"),
    ],
)
def test_a_refused_row_names_the_row_and_the_field(rows, field, words):
    """The error says which row, which field, and what is wrong."""
    with pytest.raises(InvalidValueError) as caught:
        Catalog.from_rows(rows)
    assert caught.value.field == field
    assert words in caught.value.problem


class _Units(int):
    """A whole number of another class, as some database drivers give."""


def test_values_in_every_accepted_form():
    """Codes or members, amounts or money, defaults left out."""
    rows = [
        SkuRow(
            "MUG-1",
            None,
            7,
            "CA",
            {"US": 2, MX: 0},
            [
                ("CA", "Tasse", "16", FulfillmentChannel.MFN),
                (US, "Mug", Decimal("12.5"), "fba", ListingStatus.INACTIVE),
                (MX, "Taza", Money("99.00", "MXN"), "fba", "active", {}),
            ],
        ),
        ("MUG-2", "B000000002", _Units(2), None, immutables.Map(), (), [MX]),
        (
            "MUG-3",
            None,
            1,
            Marketplace.US,
            {},
            [
                ListingRow(
                    "US",
                    "Mug",
                    "0.00",
                    "mfn",
                    attributes={"colour": AttributeValue("blue", "en_US")},
                )
            ],
        ),
    ]
    catalog = Catalog.from_rows(iter(rows))
    first = catalog.record("MUG-1")
    assert first.mfn == MfnPool.separate(CA, 7)
    assert first.fba == immutables.Map({US: 2, MX: 0})
    assert [str(item.price) for item in first.listings] == [
        "USD 12.50",
        "CAD 16.00",
        "MXN 99.00",
    ]
    assert first.sellable_quantities == (0, 7, 0, 0)
    second = catalog.record("MUG-2")
    assert second.listings == ()
    assert second.mfn == MfnPool.shared(2)
    assert [m.name for m in second.remote_fulfillment] == ["MX"]
    third = catalog.record("MUG-3").listings[0]
    assert third.price == Money("0", "USD")
    assert third.attributes["colour"] == AttributeValue("blue", "en_US")


def test_equal_prices_and_pools_are_shared():
    """One value per distinct price and pool in a batch."""
    rows = [
        (f"MUG-{n}", None, 5, None, {}, [("US", "Mug", "9.99", "mfn")])
        for n in range(3)
    ]
    records = list(Catalog.from_rows(rows))
    assert len({id(record.mfn) for record in records}) == 1
    assert len({id(record.listings[0].price) for record in records}) == 1


@pytest.mark.parametrize("enabled", [True, False])
def test_the_callers_collector_state_is_kept(enabled):
    """Paused while the batch is built, then as the caller had it."""
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        Catalog.from_rows([_row()])
        with pytest.raises(InvalidValueError):
            Catalog.from_rows([_row(sku="")])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_subclass_of_int_is_a_whole_number_in_every_pool():
    """As ``SkuRecord`` takes it: in the FBA pools as in the MFN pool."""

    class Units(int):
        pass

    row = SkuRow("MUG-1", None, Units(3), None, {"CA": Units(2)}, [])
    built = Catalog.from_rows([row]).record("MUG-1")
    assert built.fba[Marketplace.CA] == 2
    assert built.mfn.quantity == 3
    for refused in (True, -1, 2.0):
        with pytest.raises(InvalidValueError, match=r"rows\[0\]\.fba\.CA"):
            Catalog.from_rows([row._replace(fba={"CA": refused})])
