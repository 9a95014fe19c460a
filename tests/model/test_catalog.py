"""SKU records and the catalogue: invariants, derived units, sharing."""

import contextlib

import attrs
import immutables
import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import listing
from unified_account import (
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    ListingStatus,
    Marketplace,
    MfnPool,
    MissingDataError,
    SkuRecord,
    UnifiedAccountError,
    available_quantity,
)
from unified_account import strategies as ua
from unified_account.model.catalog import AMERICAS

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
MFN, FBA = FulfillmentChannel.MFN, FulfillmentChannel.FBA


class TestSkuRecord:
    """One SKU's pools and at most one listing per marketplace."""

    def test_listings_are_kept_in_catalogue_order(self):
        """Given in any order, listings are kept US, CA, MX."""
        record = SkuRecord(sku="MUG-1", listings=[listing(MX), listing(US)])
        assert [item.marketplace for item in record.listings] == [US, MX]

    def test_listings_may_be_given_by_marketplace(self):
        """A mapping from marketplace to listing works too."""
        record = SkuRecord(sku="MUG-1", listings={CA: listing(CA)})
        assert record.listing(CA) == listing(CA)
        assert record.listing(US) is None

    def test_a_listing_filed_under_the_wrong_marketplace_is_refused(self):
        """The mapping's key must be the listing's marketplace."""
        with pytest.raises(InvalidValueError, match="filed under"):
            SkuRecord(sku="MUG-1", listings={US: listing(CA)})

    def test_two_listings_in_one_marketplace_are_refused(self):
        """per-marketplace-listing: one listing per marketplace."""
        with pytest.raises(InvalidValueError) as caught:
            SkuRecord(sku="MUG-1", listings=[listing(CA), listing(CA)])
        assert caught.value.field == "listings.CA"

    def test_another_skus_listing_is_refused(self):
        """Every listing of a record is of the record's SKU."""
        with pytest.raises(InvalidValueError) as caught:
            SkuRecord(sku="MUG-1", listings=[listing(US, sku="MUG-2")])
        assert caught.value.field == "listings.US.sku"

    def test_a_separate_sku_is_merchant_fulfilled_only_at_home(self):
        """mfn-inventory: a separate SKU serves one marketplace."""
        pool = MfnPool.separate(CA, 5)
        SkuRecord(
            sku="MUG-1", mfn=pool, listings=[listing(CA), listing(US, FBA)]
        )
        with pytest.raises(InvalidValueError) as caught:
            SkuRecord(sku="MUG-1", mfn=pool, listings=[listing(US)])
        assert caught.value.field == "listings.US"

    @pytest.mark.parametrize("bad", [-1, True, 2.0, "3"])
    def test_fba_quantities_are_whole_numbers_of_at_least_zero(self, bad):
        """fba-pool-separation: each country's pool holds whole units."""
        with pytest.raises(InvalidValueError) as caught:
            SkuRecord(sku="MUG-1", fba={CA: bad})
        assert caught.value.field == "fba.CA"

    def test_fba_pools_are_immutable(self):
        """FBA pools are kept as an immutable mapping."""
        record = SkuRecord(sku="MUG-1", fba={US: 50})
        assert isinstance(record.fba, immutables.Map)

    def test_sellable_units_follow_the_channel(self):
        """MFN listings sell the SKU's pool, FBA listings their country's."""
        record = SkuRecord(
            sku="MUG-1",
            mfn=MfnPool.shared(100),
            fba={US: 50, CA: 40},
            listings=[
                listing(US, FBA),
                listing(CA, MFN),
                listing(MX, FBA, status=ListingStatus.DELETED),
            ],
        )
        assert record.sellable_quantities[:3] == (50, 100, 0)
        assert record.sellable(Marketplace.DE) == 0

    @given(ua.sku_records())
    def test_derived_units_agree_with_the_explained_answer(self, record):
        """Each precomputed cell equals available_quantity's value."""
        catalog = Catalog([record])
        for marketplace in AMERICAS:
            explained = available_quantity(catalog, record.sku, marketplace)
            assert record.sellable(marketplace) == explained.value

    @given(ua.sku_records())
    def test_every_drawn_record_is_valid(self, record):
        """Rebuilding a drawn record passes validation and is equal."""
        assert attrs.evolve(record) == record

    @given(
        st.lists(ua.listings(skus=st.just("MUG-1")), max_size=4),
        ua.mfn_pools(),
        st.dictionaries(
            st.sampled_from(Marketplace) | st.text(max_size=2),
            st.integers(-2, 5) | st.none(),
            max_size=3,
        ),
    )
    def test_only_documented_errors_escape(self, listings, pool, fba):
        """Arbitrary parts make a record or raise a library error."""
        with contextlib.suppress(UnifiedAccountError):
            SkuRecord(sku="MUG-1", mfn=pool, fba=fba, listings=listings)


class TestCatalog:
    """A persistent map from SKU to record."""

    def test_an_unknown_sku_is_missing_data(self):
        """Asking for a SKU the catalogue lacks raises MissingDataError."""
        with pytest.raises(MissingDataError, match="no SKU `NOPE`"):
            Catalog().record("NOPE")

    def test_a_sku_given_twice_is_refused(self):
        """Each SKU appears once."""
        with pytest.raises(InvalidValueError) as caught:
            Catalog([SkuRecord(sku="A"), SkuRecord(sku="A")])
        assert caught.value.field == "skus[1].sku"

    def test_a_mapping_must_key_each_record_by_its_sku(self):
        """A mapping given as the SKUs is checked too."""
        with pytest.raises(InvalidValueError):
            Catalog({"A": SkuRecord(sku="B")})
        assert len(Catalog({"A": SkuRecord(sku="A")})) == 1

    @pytest.mark.parametrize("bad", ["ABC", 3, [SkuRecord(sku="A"), "B"]])
    def test_anything_but_records_is_refused(self, bad):
        """Strings, numbers and stray items are not records."""
        with pytest.raises(InvalidValueError):
            Catalog(bad)

    def test_with_record_shares_every_other_record(self):
        """An update makes a new catalogue that shares the unchanged SKUs."""
        records = [SkuRecord(sku=f"SKU-{n}") for n in range(100)]
        before = Catalog(records)
        after = before.with_record(
            SkuRecord(sku="SKU-7", mfn=MfnPool(quantity=3))
        )
        assert before.record("SKU-7").mfn.quantity == 0
        assert after.record("SKU-7").mfn.quantity == 3
        assert all(
            after.record(r.sku) is before.record(r.sku)
            for r in records
            if r.sku != "SKU-7"
        )

    @given(ua.catalogs())
    def test_every_drawn_catalogue_is_valid(self, catalog):
        """Rebuilding a drawn catalogue from its records gives it back."""
        assert Catalog(list(catalog)) == catalog
        assert all(record.sku in catalog for record in catalog)
