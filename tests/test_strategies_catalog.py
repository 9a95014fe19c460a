"""The public catalogue strategies: every draw valid, every side reachable."""

import attrs
import pytest
from hypothesis import find as _find
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from unified_account import (
    Catalog,
    FulfillmentChannel,
    ListingRow,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    SkuRecord,
    SkuRow,
    parse_snapshot,
    to_sku,
)
from unified_account import strategies as ua
from unified_account.model.attributes import AttributeValue


@given(ua.catalogs())
def test_every_catalogue_rebuilds_from_its_records(catalog):
    """Each record passes validation again, and so does the catalogue."""
    records = [attrs.evolve(record) for record in catalog]
    assert Catalog(records) == catalog


@given(ua.sku_records(), ua.mfn_pools(), ua.fba_pools())
def test_records_and_pools_pass_validation(record, pool, fba):
    """Pools drawn alone also make valid records."""
    assert attrs.evolve(record) == record
    SkuRecord(sku=record.sku, mfn=pool, fba=fba)


@given(ua.snapshots())
def test_snapshots_carry_valid_catalogues(snapshot):
    """A drawn snapshot's catalogue is valid."""
    assert Catalog(list(snapshot.catalog)) == snapshot.catalog


@pytest.mark.parametrize("arrangement", list(MfnArrangement))
def test_both_merchant_fulfilled_arrangements_are_reachable(arrangement):
    """Shared pools and separate SKUs both appear, with listings."""
    found = find(
        ua.sku_records(),
        lambda r: (
            r.mfn.arrangement is arrangement
            and any(i.channel is FulfillmentChannel.MFN for i in r.listings)
        ),
    )
    assert found.mfn.arrangement is arrangement


@pytest.mark.parametrize("channel", list(FulfillmentChannel))
@pytest.mark.parametrize("status", list(ListingStatus))
def test_every_channel_and_status_is_reachable(channel, status):
    """Each channel appears with each status."""
    found = find(
        ua.listings(),
        lambda i: i.channel is channel and i.status is status,
    )
    assert (found.channel, found.status) == (channel, status)


def find(strategy, condition):
    """Hypothesis's ``find``, searching long enough to be deterministic."""
    return _find(
        strategy,
        condition,
        settings=settings(max_examples=10_000, database=None),
    )


def test_a_shared_pool_listed_in_every_marketplace_is_reachable():
    """The FAQ's 100-units case: one SKU, MFN in US, CA and MX."""
    found = find(
        ua.sku_records(),
        lambda r: (
            r.mfn.is_shared
            and r.mfn.quantity > 0
            and sum(
                i.channel is FulfillmentChannel.MFN
                and i.status is ListingStatus.ACTIVE
                for i in r.listings
            )
            == 3
        ),
    )
    assert len(found.listings) == 3


def test_an_fba_pool_empty_here_with_stock_elsewhere_is_reachable():
    """The fba-pool-separation warning's case can be drawn."""
    find(
        ua.sku_records(),
        lambda r: (
            any(
                i.channel is FulfillmentChannel.FBA
                and i.status is ListingStatus.ACTIVE
                and r.fba.get(i.marketplace, 0) == 0
                for i in r.listings
            )
            and any(r.fba.values())
        ),
    )


def test_records_shrink_towards_an_empty_shared_pool():
    """The simplest record: an empty shared pool and no listings."""
    found = find(ua.sku_records(), lambda r: True)
    assert (found.mfn.quantity, found.mfn.is_shared, found.listings) == (
        0,
        True,
        (),
    )


@given(
    ua.sku_records(
        skus=st.just(to_sku("FIXED-1")),
        marketplaces=st.just(frozenset({Marketplace.CA})),
        channels=st.just(FulfillmentChannel.FBA),
        statuses=st.just(ListingStatus.ACTIVE),
    )
)
def test_arguments_pin_each_side(record):
    """Strategies given with st.just pin what is drawn."""
    assert record.sku == "FIXED-1"
    assert [(i.marketplace, i.channel) for i in record.listings] == [
        (Marketplace.CA, FulfillmentChannel.FBA)
    ]


def test_a_negative_catalogue_size_is_an_invalid_argument():
    """Impossible arguments are refused the Hypothesis way."""
    with pytest.raises(InvalidArgument):
        ua.catalogs(max_skus=-1).example()


def test_parse_snapshot_reads_what_the_docs_show():
    """A hand-written snapshot with a catalogue loads."""
    snapshot = parse_snapshot(
        """{"account": {"seller_id": "A1", "plan": "professional",
        "home": "US", "marketplaces": ["US"], "registration_info": {
        "legal_entity_name": "X", "address_country": "US", "bank": {
        "country": "US", "currency": "USD", "masked_id": "**12"},
        "contact_email": "a@b.example", "display_name": "X"}},
        "catalog": {"skus": [{"sku": "A"}]}}"""
    )
    assert len(snapshot.catalog) == 1


@given(ua.attribute_values())
def test_attribute_values_are_valid_text_or_tagged_values(value):
    """Plain text, or an AttributeValue that rebuilds from its fields."""
    if isinstance(value, AttributeValue):
        assert AttributeValue(value.value, value.language_tag) == value
    else:
        assert isinstance(value, str)
        assert value.strip()


def test_attribute_values_reach_plain_and_tagged():
    """Both kinds are drawn; the simplest is plain text."""
    assert _find(ua.attribute_values(), lambda _: True) == "A"
    tagged = _find(
        ua.attribute_values(), lambda v: isinstance(v, AttributeValue)
    )
    assert tagged.language_tag is not None


@given(ua.sku_records(allow_zero_price=True), st.data())
def test_a_sku_row_builds_back_the_record_it_was_drawn_from(record, data):
    """``Catalog.from_rows`` reads a drawn row back into its record."""
    row = data.draw(ua.sku_rows(records=st.just(record)))
    assert isinstance(row, SkuRow)
    assert all(isinstance(listing, ListingRow) for listing in row.listings)
    built = Catalog.from_rows([row]).record(record.sku)
    assert built == record
    assert built.listings == record.listings


@given(ua.listings(allow_zero_price=True), st.data())
def test_a_listing_row_builds_back_its_listing(listing, data):
    """A drawn listing row, under its SKU, is that listing again."""
    row = data.draw(ua.listing_rows(listings=st.just(listing)))
    fba = (
        {listing.marketplace.name: 1}
        if listing.channel is FulfillmentChannel.FBA
        else {}
    )
    sku_row = SkuRow(str(listing.sku), None, 0, None, fba, [row])
    (built,) = Catalog.from_rows([sku_row]).record(listing.sku).listings
    assert built == listing


@given(ua.sku_rows(), ua.listing_rows())
def test_rows_are_written_in_plain_values(sku_row, listing_row):
    """Codes, values and amount text: what a database or CSV gives."""
    for row in (listing_row, *sku_row.listings):
        assert row.marketplace in {"US", "CA", "MX"}
        assert row.channel in {"mfn", "fba"}
        assert row.status in {"active", "inactive", "deleted"}
        assert type(row.price) is str
        assert type(row.attributes) is dict
    assert all(type(key) is str for key in sku_row.fba)
    Catalog.from_rows([sku_row])  # valid as drawn
