"""Creating, changing and deleting listings, one marketplace at a time."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
from unified_account import (
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    ListingStatus,
    Marketplace,
    MfnPool,
    MissingDataError,
    Money,
    RuleKey,
    RuleViolation,
    SkuRecord,
    change_listing_info,
    change_price,
    create_listing,
    delete_listing,
    evaluate_deletion,
    evaluate_listing_change,
    evaluate_new_listing,
    example_snapshot,
    offer_status,
)
from unified_account import strategies as ua

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
NA = (US, CA, MX)
MFN, FBA = FulfillmentChannel.MFN, FulfillmentChannel.FBA
SELLER = example_snapshot().account  # Professional, home US, all NA on


def listing(marketplace, channel=MFN, sku="MUG-1", **changes):
    return builders.listing(
        marketplace, channel, sku, f"Mug ({marketplace.name})", **changes
    )


def everywhere(sku="MUG-1"):
    return Catalog(
        [
            SkuRecord(
                sku=sku,
                mfn=MfnPool.shared(10),
                listings=[listing(m, sku=sku) for m in NA],
            )
        ]
    )


def others_unchanged(before, after, sku, where):
    """Every listing but (sku, where) is the same object as before."""
    for record in before:
        for item in record.listings:
            if (record.sku, item.marketplace) != (sku, where):
                assert after.listing(record.sku, item.marketplace) is item


class TestCreateListing:
    """Creating a listing is opt-in and marketplace-specific."""

    def test_the_home_marketplace_always_may_list(self):
        """home-only-by-default: the home marketplace lists."""
        home_only = attrs.evolve(SELLER, marketplaces={US}, info_overrides={})
        catalog = create_listing(Catalog(), home_only, listing(US))
        assert catalog.listing("MUG-1", US) == listing(US)

    def test_other_marketplaces_are_opt_in(self):
        """home-only-by-default: not turned on, not listed."""
        home_only = attrs.evolve(SELLER, marketplaces={US}, info_overrides={})
        with pytest.raises(RuleViolation) as caught:
            create_listing(Catalog(), home_only, listing(CA))
        assert caught.value.decision.rules == {RuleKey.HOME_ONLY_BY_DEFAULT}

    def test_a_turned_on_marketplace_may_list(self):
        """list-anywhere: a unified seller lists where it turned on."""
        decision = evaluate_new_listing(Catalog(), SELLER, listing(MX))
        assert decision.allowed
        assert {
            RuleKey.PER_MARKETPLACE_LISTING,
            RuleKey.LIST_ANYWHERE,
        } <= decision.rules

    def test_a_second_listing_in_one_marketplace_is_refused(self):
        """per-marketplace-listing: change the listing instead."""
        with pytest.raises(RuleViolation) as caught:
            create_listing(everywhere(), SELLER, listing(CA))
        assert caught.value.decision.rules == {RuleKey.PER_MARKETPLACE_LISTING}

    def test_a_deleted_listing_may_be_created_again(self):
        """Deleted in CA, it can be listed in CA again."""
        deleted = delete_listing(everywhere(), "MUG-1", CA)
        again = create_listing(deleted, SELLER, listing(CA))
        assert offer_status(again, "MUG-1", CA).value is ListingStatus.ACTIVE

    def test_a_separate_sku_is_not_merchant_fulfilled_elsewhere(self):
        """mfn-inventory: a separate SKU serves its own marketplace."""
        catalog = Catalog([SkuRecord(sku="MUG-1", mfn=MfnPool.separate(CA))])
        with pytest.raises(RuleViolation) as caught:
            create_listing(catalog, SELLER, listing(US))
        assert caught.value.decision.rules == {RuleKey.MFN_INVENTORY}
        fba = create_listing(catalog, SELLER, listing(US, FBA))
        assert fba.listing("MUG-1", US).channel is FBA

    def test_a_new_listing_cannot_be_deleted(self):
        """Creating a deleted listing is invalid input."""
        with pytest.raises(InvalidValueError):
            create_listing(
                Catalog(),
                SELLER,
                listing(US, status=ListingStatus.DELETED),
            )

    @given(ua.catalogs(), ua.listings(statuses=st.just(ListingStatus.ACTIVE)))
    def test_creating_touches_one_marketplace(self, catalog, new):
        """Every other listing of every SKU is unchanged."""
        if not evaluate_new_listing(catalog, SELLER, new).allowed:
            return
        after = create_listing(catalog, SELLER, new)
        assert after.listing(new.sku, new.marketplace) == new
        others_unchanged(catalog, after, new.sku, new.marketplace)


class TestChangeListing:
    """per-marketplace-listing: info and price are each marketplace's."""

    @given(st.sampled_from(NA), st.integers(1, 10**6))
    def test_a_price_change_stays_in_its_marketplace(self, where, cents):
        """Changing CA's price never changes US or MX."""
        price = Money(f"{cents // 100}.{cents % 100:02d}", where.currency)
        before = everywhere()
        after = change_price(before, "MUG-1", where, price)
        assert after.listing("MUG-1", where).price == price
        others_unchanged(before, after, "MUG-1", where)

    def test_a_price_in_another_currency_is_invalid(self):
        """A USD price for Amazon.ca is refused, naming the price."""
        with pytest.raises(InvalidValueError) as caught:
            change_price(everywhere(), "MUG-1", CA, Money("12.00", "USD"))
        assert caught.value.field == "price"

    @given(st.sampled_from(NA), st.text("abcdé ", min_size=1).map("T".__add__))
    def test_an_info_change_stays_in_its_marketplace(self, where, title):
        """Title and key attributes change in one marketplace only."""
        before = everywhere()
        after = change_listing_info(
            before, "MUG-1", where, title=title, attributes={"size": "L"}
        )
        changed = after.listing("MUG-1", where)
        assert (changed.title, dict(changed.attributes)) == (
            title,
            {"size": "L"},
        )
        others_unchanged(before, after, "MUG-1", where)

    def test_no_change_is_possible_where_it_is_not_listed(self):
        """per-marketplace-listing: create the listing there first."""
        catalog = Catalog([SkuRecord(sku="MUG-1", listings=[listing(US)])])
        decision = evaluate_listing_change(catalog, "MUG-1", MX)
        assert decision.rules == {RuleKey.PER_MARKETPLACE_LISTING}
        with pytest.raises(RuleViolation):
            change_listing_info(catalog, "MUG-1", MX, title="Taza")

    def test_a_deleted_listing_cannot_change(self):
        """marketplace-specific-deletion: deleted there, nothing to change."""
        deleted = delete_listing(everywhere(), "MUG-1", CA)
        with pytest.raises(RuleViolation) as caught:
            change_price(deleted, "MUG-1", CA, Money("1.00", "CAD"))
        assert caught.value.decision.rules == {
            RuleKey.MARKETPLACE_SPECIFIC_DELETION
        }

    def test_an_unknown_sku_is_missing_data(self):
        """Changing a SKU the catalogue lacks raises MissingDataError."""
        with pytest.raises(MissingDataError):
            change_listing_info(Catalog(), "NOPE", US, title="x")


class TestDeleteListing:
    """marketplace-specific-deletion: each marketplace separately."""

    @given(ua.catalogs(), st.data())
    def test_deleting_touches_one_marketplace(self, catalog, data):
        """Deleting in one marketplace leaves every other listing alone."""
        listed = [
            (record.sku, item.marketplace)
            for record in catalog
            for item in record.listings
        ]
        if not listed:
            return
        sku, where = data.draw(st.sampled_from(listed))
        after = delete_listing(catalog, sku, where)
        assert after.listing(sku, where).status is ListingStatus.DELETED
        assert offer_status(after, sku, where).value is ListingStatus.DELETED
        others_unchanged(catalog, after, sku, where)
        assert after.record(sku).mfn == catalog.record(sku).mfn
        assert after.record(sku).fba == catalog.record(sku).fba

    def test_deleting_in_canada_leaves_us_and_mexico_on_offer(self):
        """The FAQ's case: delete in CA, US and MX stay."""
        after = delete_listing(everywhere(), "MUG-1", CA)
        assert [offer_status(after, "MUG-1", m).value for m in NA] == [
            ListingStatus.ACTIVE,
            ListingStatus.DELETED,
            ListingStatus.ACTIVE,
        ]
        reason = evaluate_deletion(everywhere(), "MUG-1", CA).reasons[0]
        assert reason.param("others") == (US, MX)

    def test_deleting_twice_changes_nothing(self):
        """A deleted listing deleted again is the same catalogue."""
        once = delete_listing(everywhere(), "MUG-1", CA)
        assert delete_listing(once, "MUG-1", CA) is once

    def test_nothing_to_delete_where_it_is_not_listed(self):
        """per-marketplace-listing: no listing there, no deletion."""
        catalog = Catalog([SkuRecord(sku="MUG-1", listings=[listing(US)])])
        with pytest.raises(RuleViolation):
            delete_listing(catalog, "MUG-1", CA)
