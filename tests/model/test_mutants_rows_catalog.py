"""Rows and the catalogue: exact refusals, shared values, kept fields.

``Catalog.from_rows`` refuses a bad row with the words the one-by-one
constructors use, quoting the value refused (not some other) and naming
the row and the field; it shares equal pools and the one empty FBA
value; the catalogue's look-ups and transitions keep every field of a
record.  The properties elsewhere check that a refusal happens and where;
these examples pin what it says.
"""

from types import MappingProxyType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    Marketplace,
    MfnPool,
    MissingDataError,
    Money,
    SkuRecord,
)
from unified_account import strategies as ua
from unified_account.model.catalog import NO_FBA_STOCK
from unified_account.model.rows import ListingRow, SkuRow
from unified_account.policy.inventory import set_mfn_quantity

US, CA = Marketplace.US, Marketplace.CA


def _row(*listings, **changes):
    """A valid SKU row, with ``changes`` (and ``listings``) put in."""
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


_SKU_ROW = "a SKU row (sku, asin, mfn, separate, fba, listings[, remote])"
_LISTING_ROW = "a listing row (marketplace, title, price, channel[, ...])"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        # Catalog.from_rows: a string is refused as its repr.
        ("rows", "rows: `'rows'` is not a collection of SKU rows"),
        # read_row
        (
            [("MUG-1",)],
            f"rows[0]: `('MUG-1',)` is not {_SKU_ROW}",
        ),
        # _marketplace
        (
            [_row(separate="ZZ")],
            "rows[0].separate: `'ZZ'` is not a marketplace or its "
            "country code",
        ),
        # _fba
        (
            [_row(fba=[1])],
            "rows[0].fba: `[1]` is not a mapping of marketplaces to "
            "quantities",
        ),
        (
            [_row(fba=None)],
            "rows[0].fba: `None` is not a mapping of marketplaces to "
            "quantities",
        ),
        (
            [_row(fba=[])],
            "rows[0].fba: `[]` is not a mapping of marketplaces to quantities",
        ),
        (
            [_row(fba={"CA": -1})],
            "rows[0].fba.CA: `-1` is not a whole number of at least 0",
        ),
        # _listings
        (
            [_row(listings="US")],
            "rows[0].listings: `'US'` is not a collection of listing rows",
        ),
        # _listing: too short, too long
        (
            [_row(("US", "Mug", "1.00"))],
            f"rows[0].listings[0]: `('US', 'Mug', '1.00')` is not "
            f"{_LISTING_ROW}",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn", "active", {}, "extra"))],
            "rows[0].listings[0]: `('US', 'Mug', '1.00', 'mfn', 'active', "
            f"{{}}, ...)` is not {_LISTING_ROW}",
        ),
        # _member, for a channel and a status
        (
            [_row(("US", "Mug", "1.00", "post"))],
            "rows[0].listings[0].channel: `'post'` is not one of `fba`, `mfn`",
        ),
        (
            [_row(("US", "Mug", "1.00", "mfn", "nope"))],
            "rows[0].listings[0].status: `'nope'` is not one of `active`, "
            "`deleted`, `inactive`",
        ),
        # _remote
        (
            [_row(remote_fulfillment=5)],
            "rows[0].remote_fulfillment: `5` is not a collection of "
            "marketplaces",
        ),
        (
            [_row(remote_fulfillment=["ZZ"])],
            "rows[0].remote_fulfillment: `'ZZ'` is not a marketplace or "
            "its country code",
        ),
        # _mfn_refused, both reasons
        (
            [_row(separate="CA")],
            "rows[0].listings.US: `MUG-1` is the separate SKU for `CA`; "
            "it cannot be merchant-fulfilled in `US`",
        ),
        (
            [_row(remote_fulfillment=["CA"])],
            "rows[0].listings.US: `MUG-1` is enrolled in Remote "
            "Fulfillment with FBA; its merchant-fulfilled offer in `US` "
            "must be at quantity 0, not 4",
        ),
        # Catalog.from_rows: the same SKU twice
        ([_row(), _row()], "rows[1].sku: SKU `MUG-1` appears twice"),
    ],
)
def test_a_refused_row_says_exactly_what_is_wrong_with_it(rows, message):
    """The whole message: the row's field, the value refused, the rule."""
    with pytest.raises(InvalidValueError) as caught:
        Catalog.from_rows(rows)
    assert message == str(caught.value)


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "`''` must be a non-empty string"),
        ("  ", "`'  '` must be a non-empty string"),
        (5, "`5` is not a str"),
        (None, "`None` is not a str"),
    ],
)
def test_a_listing_row_without_a_title_is_refused(title, message):
    """A listing needs a title, a non-blank string, in a row as anywhere."""
    with pytest.raises(InvalidValueError) as caught:
        Catalog.from_rows([_row(ListingRow("US", title, "1.00", "mfn"))])
    assert caught.value.field == "rows[0].listings[0].title"
    assert message == caught.value.problem


def test_bad_attributes_are_named_before_a_bad_title():
    """Attributes are read first, as ``Listing``'s constructor reads them."""
    row = _row(("US", "", "1.00", "mfn", "active", {"": "x"}))
    with pytest.raises(InvalidValueError) as caught:
        Catalog.from_rows([row])
    assert caught.value.field == "rows[0].listings[0].attributes"
    with pytest.raises(InvalidValueError) as one_by_one:
        Listing(
            sku="MUG-1",
            marketplace=US,
            title="",
            price=Money("1.00", "USD"),
            channel=FulfillmentChannel.MFN,
            attributes={"": "x"},
        )
    assert one_by_one.value.field == "attributes"


def test_separate_skus_share_their_equal_pools_too():
    """One pool per distinct quantity and marketplace in a batch."""
    rows = [
        (f"MUG-{n}", None, 5, "CA", {}, [("CA", "Tasse", "9.99", "mfn")])
        for n in range(3)
    ]
    records = list(Catalog.from_rows(rows))
    assert len({id(record.mfn) for record in records}) == 1


@pytest.mark.parametrize(
    "empty", [{}, MappingProxyType({}), Catalog().skus, NO_FBA_STOCK]
)
def test_no_fba_stock_is_the_one_shared_empty_value(empty):
    """Any empty mapping of FBA pools becomes ``NO_FBA_STOCK``."""
    built = Catalog.from_rows([_row(fba=empty)]).record("MUG-1")
    assert built.fba is NO_FBA_STOCK
    assert SkuRecord(sku="MUG-1", fba=empty).fba is NO_FBA_STOCK


def test_a_listing_of_an_unknown_sku_is_none():
    """``Catalog.listing`` answers ``None`` for a SKU it does not hold."""
    catalog = Catalog.from_rows([_row()])
    assert catalog.listing("NOPE", US) is None
    assert catalog.listing("MUG-1", Marketplace.CA) is None
    assert catalog.listing("MUG-1", US) is not None


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("MUG-1", "record: `'MUG-1'` is not a SkuRecord"),
        (None, "record: `None` is not a SkuRecord"),
    ],
)
def test_with_record_refuses_what_is_not_a_record(record, message):
    """``Catalog.with_record`` quotes the value, as its repr, and names it."""
    with pytest.raises(InvalidValueError) as caught:
        Catalog().with_record(record)
    assert message == str(caught.value)


@given(
    record=ua.sku_records(),
    asin=st.none() | ua.asins(),
    quantity=st.integers(min_value=0, max_value=10**6),
)
def test_setting_the_mfn_quantity_changes_nothing_else(record, asin, quantity):
    """``mfn-inventory``: the new quantity; ASIN, pools, listings kept."""
    record = attrs.evolve(record, asin=asin)
    changed = set_mfn_quantity(Catalog([record]), record.sku, quantity)
    after = changed.record(record.sku)
    expected = attrs.evolve(
        record, mfn=attrs.evolve(record.mfn, quantity=quantity)
    )
    assert expected == after
    assert expected.asin == after.asin
    assert expected.sellable_quantities == after.sellable_quantities


def test_setting_the_mfn_quantity_keeps_the_asin():
    """A named example of the property above, with an ASIN."""
    catalog = Catalog.from_rows([_row()])
    after = set_mfn_quantity(catalog, "MUG-1", 9).record("MUG-1")
    assert after.asin == "B000000001"
    assert after.mfn.quantity == 9


# --- SkuRecord and Catalog: the constructors' own refusals -------------


class _Iterable:
    """An iterable that is neither a sequence nor a mapping, reusable.

    (A one-shot iterator in a parameter list would be spent by the first
    run of the test, and a later run in the same process would pass it
    empty.)
    """

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


def _listing(marketplace, sku="MUG-1"):
    """An active merchant-fulfilled listing, priced 10 in its currency."""
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title="Mug",
        price=Money("10.00", marketplace.currency),
        channel=FulfillmentChannel.MFN,
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # _fba
        (
            {"fba": "CA"},
            "fba: `'CA'` is not a mapping of marketplaces to quantities",
        ),
        ({"fba": {"CA": 1}}, "fba: `'CA'` is not a Marketplace"),
        (
            {"fba": {CA: -1}},
            "fba.CA: `-1` is not a whole number of at least 0",
        ),
        (
            {"fba": {CA: True}},
            "fba.CA: `True` is not a whole number of at least 0",
        ),
        (
            {"fba": {CA: "1"}},
            "fba.CA: `'1'` is not a whole number of at least 0",
        ),
        # _remote
        (
            {"remote_fulfillment": "CA"},
            "remote_fulfillment: `'CA'` is not a collection of marketplaces",
        ),
        (
            {"remote_fulfillment": [US]},
            "remote_fulfillment: `US` is not a Remote Fulfillment "
            "marketplace (CA, MX or BR)",
        ),
        (
            {"remote_fulfillment": ["CA"]},
            "remote_fulfillment: `CA` is not a Remote Fulfillment "
            "marketplace (CA, MX or BR)",
        ),
        # _listings_of and _ordered
        (
            {"listings": "US"},
            "listings: `'US'` is not a collection of listings",
        ),
        (
            {"listings": {"US": _listing(US)}},
            "listings: `'US'` is not a Marketplace",
        ),
        ({"listings": {US: "x"}}, "listings.US: `'x'` is not a Listing"),
        (
            {"listings": {US: _listing(CA)}},
            "listings.US: a listing for `CA` is filed under `US`",
        ),
        (
            {"listings": [_listing(US), "x"]},
            "listings: `'x'` is not a Listing",
        ),
        (
            {"listings": _Iterable(_listing(US), "x")},
            "listings: `'x'` is not a Listing",
        ),
        # __attrs_post_init__ and _mfn_refused
        (
            {"listings": [_listing(US, sku="MUG-2")]},
            "listings.US.sku: a listing of `MUG-2` cannot be filed under "
            "`MUG-1`",
        ),
        (
            {"listings": [_listing(US), _listing(US)]},
            "listings.US: `MUG-1` has two listings in `US`",
        ),
        (
            {"mfn": MfnPool.separate(CA, 1), "listings": [_listing(US)]},
            "listings.US: `MUG-1` is the separate SKU for `CA`; it cannot "
            "be merchant-fulfilled in `US`",
        ),
        (
            {
                "remote_fulfillment": [CA],
                "mfn": MfnPool(quantity=2),
                "listings": [_listing(US)],
            },
            "listings.US: `MUG-1` is enrolled in Remote Fulfillment with "
            "FBA; its merchant-fulfilled offer in `US` must be at quantity "
            "0, not 2",
        ),
        # _sku and _asin
        (
            {"sku": " x"},
            "sku: `' x'` is not a SKU (1 to 40 printable ASCII characters, "
            "no space at either end)",
        ),
        (
            {"asin": "bad"},
            "asin: `'bad'` is not an ASIN (10 capital letters or digits)",
        ),
    ],
)
def test_a_refused_record_says_exactly_what_is_wrong(changes, message):
    """``SkuRecord`` quotes the value refused and names its field."""
    values = {"sku": "MUG-1", **changes}
    with pytest.raises(InvalidValueError) as caught:
        SkuRecord(**values)
    assert message == str(caught.value)


_RECORD = SkuRecord(sku="A")


@pytest.mark.parametrize(
    ("skus", "message"),
    [
        # _records_of
        ("ABC", "skus: `'ABC'` is not a collection of SKU records"),
        ([_RECORD, "B"], "skus[1]: `'B'` is not a SkuRecord"),
        ([_RECORD, _RECORD], "skus[1].sku: SKU `A` appears twice"),
        ({"A": "x"}, "skus.A: `'x'` is not the record of `A`"),
        (
            {"B": _RECORD},
            "skus.B: `SkuRecord(sku='A', asin=None...mote_fulfillment="
            "frozenset())` is not the record of `B`",
        ),
    ],
)
def test_a_refused_catalogue_says_exactly_what_is_wrong(skus, message):
    """``Catalog`` quotes the value refused and names where it is."""
    with pytest.raises(InvalidValueError) as caught:
        Catalog(skus)
    assert message == str(caught.value)


def test_an_unknown_sku_is_missing_data_naming_it():
    """``Catalog.record`` of a SKU it does not hold names the SKU."""
    with pytest.raises(MissingDataError) as caught:
        Catalog([_RECORD]).record("NOPE")
    assert str(caught.value) == "no SKU `NOPE` in the catalogue"


class _TaggedListing(Listing):
    """A caller's subclass of ``Listing``, still a listing."""

    __slots__ = ()


@pytest.mark.parametrize("form", [list, tuple, iter])
def test_a_record_takes_a_listing_of_a_subclass(form):
    """``SkuRecord`` accepts any ``Listing``, as ``isinstance`` says."""
    tagged = _TaggedListing(
        sku="MUG-1",
        marketplace=US,
        title="Mug",
        price=Money("10.00", "USD"),
        channel=FulfillmentChannel.MFN,
    )
    record = SkuRecord(
        sku="MUG-1", mfn=MfnPool.shared(3), listings=form([tagged])
    )
    assert record.listings == (tagged,)
    assert record.sellable(US) == 3
