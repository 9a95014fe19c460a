"""Stock transitions: MFN quantities, sales and FBA receipts."""

import attrs
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
    RuleKey,
    RuleViolation,
    SkuRecord,
    availability_table,
    available_quantity,
    evaluate_sale,
    offer_status,
    receive_fba_stock,
    record_sale,
    set_mfn_quantity,
)
from unified_account import strategies as ua

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
NA = (US, CA, MX)
MFN, FBA = FulfillmentChannel.MFN, FulfillmentChannel.FBA


def cells(catalog):
    """Every (sku, marketplace) -> units, for comparing before and after."""
    return {
        (sku, where): units
        for sku, where, units in availability_table(catalog).value
    }


def statuses(catalog):
    """Every (sku, marketplace) -> offer status."""
    return {
        (record.sku, where): offer_status(catalog, record.sku, where).value
        for record in catalog
        for where in NA
    }


def sellable(catalog):
    """The (sku, marketplace) pairs with an active listing and units."""
    return [
        (sku, where)
        for (sku, where), units in cells(catalog).items()
        if units > 0
    ]


class TestMerchantFulfilledSales:
    """mfn-inventory: shared pools and separate SKUs."""

    @given(ua.catalogs(), st.data())
    def test_a_sale_moves_exactly_the_skus_mfn_cells(self, catalog, data):
        """A sale reduces its SKU's MFN cells by N and nothing else."""
        choices = sellable(catalog)
        if not choices:
            return
        sku, where = data.draw(st.sampled_from(choices))
        units = available_quantity(catalog, sku, where).value
        sold = data.draw(st.integers(1, units))
        before = cells(catalog)
        after = cells(record_sale(catalog, sku, where, sold))
        record = catalog.record(sku)
        channel = record.listing(where).channel
        moved = {
            key
            for key in before
            if key[0] == sku
            and (
                key[1] == where
                if channel is FBA
                else record.listing(key[1]) is not None
                and record.listing(key[1]).channel is MFN
                and before[key] > 0
            )
        }
        for key, units_before in before.items():
            expected = units_before - sold if key in moved else units_before
            assert after[key] == expected, key

    def test_a_sale_in_canada_never_changes_the_separate_us_sku(self):
        """Separate SKUs: quantities are independent."""
        catalog = Catalog(
            [
                SkuRecord(
                    sku=f"SCARF-{m.name}",
                    asin="B0EXAMPL06",
                    mfn=MfnPool.separate(m, 10),
                    listings=[listing(m, sku=f"SCARF-{m.name}")],
                )
                for m in NA
            ]
        )
        after = record_sale(catalog, "SCARF-CA", CA, 4)
        assert cells(after)[("SCARF-CA", CA)] == 6
        assert cells(after)[("SCARF-US", US)] == 10
        assert cells(after)[("SCARF-MX", MX)] == 10

    def test_selling_more_than_the_pool_is_refused(self):
        """The refusal carries the deciding rule and leaves no change."""
        catalog = Catalog(
            [
                SkuRecord(
                    sku="MUG-1",
                    mfn=MfnPool.shared(3),
                    listings=[listing(m) for m in NA],
                )
            ]
        )
        with pytest.raises(RuleViolation) as caught:
            record_sale(catalog, "MUG-1", MX, 4)
        assert caught.value.decision.rules == {RuleKey.MFN_INVENTORY}
        assert not evaluate_sale(catalog, "MUG-1", MX, 4).allowed
        assert cells(catalog)[("MUG-1", MX)] == 3


class TestZeroQuantity:
    """marketplace-specific-deletion: the zero-quantity exception."""

    @given(ua.sku_records(), st.integers(1, 50))
    def test_zero_takes_every_mfn_listing_off_offer_and_back(
        self, record, restock
    ):
        """Zero: MFN listings inactive, not deleted; restock: offered."""
        catalog = Catalog([record])
        before = statuses(catalog)
        zero = set_mfn_quantity(catalog, record.sku, 0)
        after_zero = statuses(zero)
        back = statuses(set_mfn_quantity(zero, record.sku, restock))
        for (sku, where), status in before.items():
            item = record.listing(where)
            if item is not None and item.channel is MFN:
                if item.status is ListingStatus.ACTIVE:
                    assert after_zero[sku, where] is ListingStatus.INACTIVE
                    assert back[sku, where] is ListingStatus.ACTIVE
                else:
                    assert after_zero[sku, where] is item.status
                assert zero.listing(sku, where) == item  # not erased
            else:
                assert after_zero[sku, where] is status

    def test_zero_leaves_other_skus_alone(self):
        """Only the SKU set to zero goes off offer."""
        catalog = Catalog(
            [
                SkuRecord(
                    sku=sku,
                    mfn=MfnPool.shared(5),
                    listings=[listing(m, sku=sku) for m in NA],
                )
                for sku in ("A", "B")
            ]
        )
        zero = set_mfn_quantity(catalog, "A", 0)
        assert offer_status(zero, "B", CA).value is ListingStatus.ACTIVE
        assert cells(zero)[("B", MX)] == 5


class TestFbaPools:
    """fba-pool-separation: each country's pool is its own."""

    @given(ua.catalogs(), st.data())
    def test_receiving_stock_changes_only_that_pool(self, catalog, data):
        """Units received into one country's pool show nowhere else."""
        if not len(catalog):
            return
        record = data.draw(st.sampled_from(list(catalog)))
        where = data.draw(st.sampled_from(NA))
        units = data.draw(st.integers(1, 100))
        after = receive_fba_stock(catalog, record.sku, where, units)
        changed = after.record(record.sku)
        assert changed.fba[where] == record.fba.get(where, 0) + units
        for other in NA:
            if other is not where:
                assert changed.fba.get(other) == record.fba.get(other)
        for key, value in cells(catalog).items():
            if key != (record.sku, where):
                assert cells(after)[key] == value

    def test_a_canadian_sale_never_draws_on_the_us_pool(self):
        """Selling more than the CA pool is refused, US stock or not."""
        catalog = Catalog(
            [
                SkuRecord(
                    sku="LAMP",
                    fba={US: 50, CA: 2},
                    listings=[listing(m, FBA, "LAMP") for m in (US, CA)],
                )
            ]
        )
        with pytest.raises(RuleViolation) as caught:
            record_sale(catalog, "LAMP", CA, 3)
        assert caught.value.decision.rules == {RuleKey.FBA_POOL_SEPARATION}
        after = record_sale(catalog, "LAMP", CA, 2)
        assert dict(after.record("LAMP").fba) == {US: 50, CA: 0}


class TestInvalidInput:
    """Invalid input is an error, not a decision."""

    @pytest.mark.parametrize("quantity", [-1, 1.5, True, "3", None])
    def test_an_mfn_quantity_must_be_a_whole_number(self, quantity):
        """Negative, fractional or non-numeric quantities are refused."""
        catalog = Catalog([SkuRecord(sku="A")])
        with pytest.raises(InvalidValueError):
            set_mfn_quantity(catalog, "A", quantity)

    @pytest.mark.parametrize("quantity", [0, -2, 2.0])
    def test_sales_and_receipts_need_at_least_one_unit(self, quantity):
        """A sale or a receipt of no units is invalid input."""
        catalog = Catalog(
            [SkuRecord(sku="A", listings=[listing(US, sku="A")])]
        )
        with pytest.raises(InvalidValueError):
            record_sale(catalog, "A", US, quantity)
        with pytest.raises(InvalidValueError):
            receive_fba_stock(catalog, "A", US, quantity)

    def test_an_unknown_sku_is_missing_data(self):
        """Transitions on a SKU the catalogue lacks raise MissingDataError."""
        with pytest.raises(MissingDataError):
            set_mfn_quantity(Catalog(), "NOPE", 1)
        with pytest.raises(MissingDataError):
            receive_fba_stock(Catalog(), "NOPE", CA, 1)

    def test_a_marketplace_must_be_a_marketplace(self):
        """A country code where a Marketplace is meant is invalid input."""
        catalog = Catalog([SkuRecord(sku="A")])
        with pytest.raises(InvalidValueError):
            receive_fba_stock(catalog, "A", "CA", 1)

    @given(ua.catalogs())
    def test_transitions_never_change_their_input(self, catalog):
        """Every transition returns a new catalogue; the old one stays."""
        before = cells(catalog)
        for record in catalog:
            set_mfn_quantity(catalog, record.sku, 7)
            receive_fba_stock(catalog, record.sku, CA, 2)
        assert cells(catalog) == before


def test_a_separate_sku_at_zero_is_not_the_shared_pool_exception():
    """Out of stock in its one marketplace, by mfn-inventory alone."""
    catalog = Catalog(
        [
            SkuRecord(
                sku="SCARF-CA",
                mfn=MfnPool.separate(CA, 0),
                listings=[listing(CA, sku="SCARF-CA")],
            )
        ]
    )
    status = offer_status(catalog, "SCARF-CA", CA)
    assert status.value is ListingStatus.INACTIVE
    assert status.rules == {RuleKey.MFN_INVENTORY}


@given(ua.sku_records(), st.integers(min_value=0, max_value=10**6))
def test_a_quantity_update_is_the_record_built_afresh(record, quantity):
    """set_mfn_quantity's record equals one built through the constructor.

    Fields, equality and the derived sellable units alike.
    """
    import attrs

    from unified_account import Catalog, SkuRecord

    updated = set_mfn_quantity(Catalog([record]), record.sku, quantity)
    fresh = SkuRecord(
        sku=record.sku,
        asin=record.asin,
        mfn=attrs.evolve(record.mfn, quantity=quantity),
        fba=record.fba,
        listings=record.listings,
    )
    got = updated.record(record.sku)
    assert got == fresh
    assert got.sellable_quantities == fresh.sellable_quantities
    assert got.mfn == fresh.mfn
    assert hash(got.mfn) == hash(fresh.mfn)


def test_a_quantity_change_reaches_every_active_mfn_listing_only():
    """Outside the Americas too; FBA and inactive listings keep theirs."""
    record = SkuRecord(
        sku="MUG-1",
        mfn=MfnPool.shared(3),
        fba={Marketplace.US: 9},
        listings=[
            listing(Marketplace.US, FulfillmentChannel.FBA),
            listing(Marketplace.CA, status=ListingStatus.INACTIVE),
            listing(Marketplace.MX),
            listing(Marketplace.DE),
        ],
    )
    changed = set_mfn_quantity(Catalog([record]), "MUG-1", 5).record("MUG-1")
    assert changed.sellable_quantities == (9, 0, 5, 0)
    assert changed.sellable(Marketplace.DE) == 5
    assert changed == attrs.evolve(record, mfn=MfnPool.shared(5))
    rebuilt = SkuRecord(
        sku="MUG-1", mfn=changed.mfn, fba=record.fba, listings=record.listings
    )
    assert changed.sellable_quantities == rebuilt.sellable_quantities
