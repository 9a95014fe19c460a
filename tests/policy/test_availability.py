"""Sellable units per SKU and marketplace, and the rules behind them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import listing
from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    Catalog,
    FulfillmentChannel,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    MfnPool,
    MissingDataError,
    RuleKey,
    SkuRecord,
    availability_table,
    available_quantity,
    offer_status,
    offerable_skus,
    record_sale,
    scope_marketplaces,
)
from unified_account import strategies as ua

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
NA = (US, CA, MX)
MFN, FBA = FulfillmentChannel.MFN, FulfillmentChannel.FBA
SHARED = MfnArrangement.SHARED


def shared(quantity, sku="MUG-1", where=NA):
    return SkuRecord(
        sku=sku,
        mfn=MfnPool.shared(quantity),
        listings=[listing(m, sku=sku) for m in where],
    )


class TestFaqExamples:
    """The FAQ's own examples, as the rules answer them."""

    def test_100_shared_units_show_as_100_in_each_marketplace(self):
        """mfn-inventory: 100 units show as 100 in US, CA and MX, not 300."""
        catalog = Catalog([shared(100)])
        shown = [available_quantity(catalog, "MUG-1", m).value for m in NA]
        assert shown == [100, 100, 100]
        assert catalog.record("MUG-1").mfn.quantity == 100  # one pool
        table = availability_table(catalog).value
        assert table.row("MUG-1") == (100, 100, 100)

    def test_a_sale_of_2_in_canada_leaves_98_everywhere(self):
        """mfn-inventory: a sale anywhere reduces the pool everywhere."""
        catalog = record_sale(Catalog([shared(100)]), "MUG-1", CA, 2)
        assert availability_table(catalog).value.row("MUG-1") == (98, 98, 98)

    def test_canada_sells_its_own_40_and_never_the_us_50(self):
        """fba-pool-separation: Amazon's example, US 50 and CA 40."""
        record = SkuRecord(
            sku="SELLERSKU-1",
            fba={US: 50, CA: 40},
            listings=[listing(m, FBA, "SELLERSKU-1") for m in (US, CA)],
        )
        catalog = Catalog([record])
        answer = available_quantity(catalog, "SELLERSKU-1", CA)
        assert answer.value == 40
        assert answer.rules == {RuleKey.FBA_POOL_SEPARATION}
        table = availability_table(catalog).value
        assert table.row("SELLERSKU-1") == (50, 40, 0)

    def test_an_empty_canadian_pool_is_not_served_from_the_us(self):
        """fba-pool-separation: US stock never counts as available in CA."""
        record = SkuRecord(
            sku="LAMP",
            fba={US: 50, CA: 0},
            listings=[listing(m, FBA, "LAMP") for m in (US, CA)],
        )
        answer = available_quantity(Catalog([record]), "LAMP", CA)
        assert answer.value == 0
        assert answer.reasons[0].message_id == "fba-pool-separation.not-here"
        assert answer.reasons[0].param("units") == 50


class TestAvailableQuantity:
    """One SKU in one marketplace, with the rules that decided."""

    def test_not_listed_sells_nothing(self):
        """per-marketplace-listing: no listing there, nothing to sell."""
        catalog = Catalog([shared(5, where=(US,))])
        answer = available_quantity(catalog, "MUG-1", MX)
        assert (answer.value, answer.rules) == (
            0,
            {RuleKey.PER_MARKETPLACE_LISTING},
        )
        assert offer_status(catalog, "MUG-1", MX).value is None

    def test_deleted_sells_nothing(self):
        """marketplace-specific-deletion: a deleted listing sells nothing."""
        record = SkuRecord(
            sku="MUG-1",
            mfn=MfnPool.shared(5),
            listings=[listing(CA, status=ListingStatus.DELETED)],
        )
        answer = available_quantity(Catalog([record]), "MUG-1", CA)
        assert (answer.value, answer.rules) == (
            0,
            {RuleKey.MARKETPLACE_SPECIFIC_DELETION},
        )

    def test_a_shared_pool_at_zero_is_off_offer_not_deleted(self):
        """marketplace-specific-deletion: zero makes it inactive."""
        catalog = Catalog([shared(0)])
        for marketplace in NA:
            status = offer_status(catalog, "MUG-1", marketplace)
            assert status.value is ListingStatus.INACTIVE
            assert RuleKey.MARKETPLACE_SPECIFIC_DELETION in status.rules
            assert catalog.listing("MUG-1", marketplace) is not None

    def test_an_unknown_sku_is_missing_data(self):
        """A SKU the catalogue does not hold raises MissingDataError."""
        with pytest.raises(MissingDataError):
            available_quantity(Catalog(), "NOPE", US)

    @given(ua.sku_records(mfn=ua.mfn_pools(arrangements=st.just(SHARED))))
    def test_a_shared_pool_reads_the_same_wherever_it_is_listed(self, record):
        """mfn-inventory: each active MFN listing shows the whole pool."""
        catalog = Catalog([record])
        for item in record.listings:
            if item.channel is MFN and item.status is ListingStatus.ACTIVE:
                answer = available_quantity(
                    catalog, record.sku, item.marketplace
                )
                assert answer.value == record.mfn.quantity
                assert RuleKey.MFN_INVENTORY in answer.rules

    @given(
        st.sampled_from(NA),
        st.integers(0, 100),
        st.dictionaries(st.sampled_from(NA), st.integers(0, 100)),
    )
    def test_other_countries_fba_stock_never_counts(self, here, own, other):
        """fba-pool-separation: an FBA listing sells its own pool only."""
        pools = {**other, here: own}
        record = SkuRecord(
            sku="LAMP", fba=pools, listings=[listing(here, FBA, "LAMP")]
        )
        answer = available_quantity(Catalog([record]), "LAMP", here)
        assert answer.value == own
        assert answer.rules == {RuleKey.FBA_POOL_SEPARATION}


class TestWholeCatalogue:
    """The availability table and the offerable SKUs."""

    @given(ua.catalogs(), st.sampled_from([FAQ, NORTH_AMERICA_AND_BRAZIL]))
    def test_every_cell_equals_the_explained_answer(self, catalog, edition):
        """The one-pass table agrees with available_quantity everywhere."""
        table = availability_table(catalog, edition=edition).value
        assert table.marketplaces == scope_marketplaces(edition=edition)
        assert len(table) == len(catalog)
        for sku, marketplace, units in table:
            assert units == available_quantity(catalog, sku, marketplace).value

    @given(ua.catalogs(), st.sampled_from(NA))
    def test_offerable_skus_are_those_with_units_to_sell(self, catalog, here):
        """A SKU is offered where it is active with units to sell."""
        offered = offerable_skus(catalog, here).value
        assert offered == {
            record.sku
            for record in catalog
            if available_quantity(catalog, record.sku, here).value > 0
            and offer_status(catalog, record.sku, here).value
            is ListingStatus.ACTIVE
        }

    def test_the_table_names_the_four_rules(self):
        """The table's reasons are the four inventory rules."""
        assert availability_table(Catalog()).rules == {
            RuleKey.PER_MARKETPLACE_LISTING,
            RuleKey.MFN_INVENTORY,
            RuleKey.FBA_POOL_SEPARATION,
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
        }

    def test_tables_compare_by_their_cells(self):
        """Equal catalogues give equal tables; a cell apart, unequal."""
        first = availability_table(Catalog([shared(3)])).value
        assert first == availability_table(Catalog([shared(3)])).value
        assert first != availability_table(Catalog([shared(4)])).value
        assert first.quantity("MUG-1", CA) == 3
        with pytest.raises(MissingDataError, match="not a column"):
            first.quantity("MUG-1", Marketplace.BR)
