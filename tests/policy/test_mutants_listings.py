"""per-marketplace-listing and deletion: every reason and refusal in full.

The rule tests check what is allowed; these check what each decision says
(the SKU, the marketplace, the price, the marketplaces enrolled or served
elsewhere), the refusals' fields and messages, and that the caller's
edition decides where a listing may be created.
"""

import attrs
import pytest

from builders import listing
from unified_account import (
    NORTH_AMERICA_AND_BRAZIL,
    REMOTE_FULFILLMENT,
    Catalog,
    FulfillmentChannel,
    InvalidValueError,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    MfnPool,
    Money,
    Outcome,
    RuleKey,
    RuleViolation,
    SkuRecord,
    example_snapshot,
)
from unified_account.policy import inventory as inventory_module
from unified_account.policy import listings as listings_module
from unified_account.policy.availability import offer_status
from unified_account.policy.inventory import evaluate_sale, set_mfn_quantity
from unified_account.policy.listings import (
    create_listing,
    evaluate_deletion,
    evaluate_listing_change,
    evaluate_new_listing,
)

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
FBA = FulfillmentChannel.FBA
SELLER = example_snapshot().account
WITH_BRAZIL = attrs.evolve(SELLER, marketplaces=SELLER.marketplaces | {BR})
MUG = {"sku": "MUG"}


def _said(decision):
    return [(r.rule, r.message_id, dict(r.params)) for r in decision.reasons]


class TestNewListingReasons:
    """Each answer to a new listing names the SKU and marketplace."""

    def test_created_gives_the_price(self):
        decision = evaluate_new_listing(
            Catalog(), SELLER, listing(CA, sku="MUG")
        )
        assert decision.outcome is Outcome.ALLOWED
        assert _said(decision)[0] == (
            RuleKey.PER_MARKETPLACE_LISTING,
            "per-marketplace-listing.created",
            {**MUG, "marketplace": CA, "price": Money("10.00", "CAD")},
        )

    def test_already_listed(self):
        mug = listing(CA, sku="MUG")
        catalog = Catalog([SkuRecord(sku="MUG", listings=[mug])])
        decision = evaluate_new_listing(catalog, SELLER, mug)
        assert _said(decision) == [
            (
                RuleKey.PER_MARKETPLACE_LISTING,
                "per-marketplace-listing.already-listed",
                {**MUG, "marketplace": CA},
            )
        ]

    def test_an_mfn_offer_on_an_enrolled_sku_names_the_enrolment(self):
        record = SkuRecord(
            sku="MUG",
            fba={US: 5},
            listings=[listing(CA, FBA, sku="MUG")],
            remote_fulfillment={MX, CA},
        )
        decision = evaluate_new_listing(
            Catalog([record]), SELLER, listing(US, sku="MUG")
        )
        assert _said(decision) == [
            (
                RuleKey.FBA_POOL_SEPARATION,
                "fba-pool-separation.remote-mfn-offer",
                {**MUG, "marketplace": US, "enrolled": (CA, MX)},
            )
        ]

    def test_a_separate_sku_elsewhere_names_its_marketplace(self):
        record = SkuRecord(
            sku="MUG",
            mfn=MfnPool(
                quantity=3,
                arrangement=MfnArrangement.SEPARATE,
                marketplace=CA,
            ),
            listings=[listing(CA, sku="MUG")],
        )
        decision = evaluate_new_listing(
            Catalog([record]), SELLER, listing(MX, sku="MUG")
        )
        assert _said(decision) == [
            (
                RuleKey.MFN_INVENTORY,
                "mfn-inventory.separate-elsewhere",
                {**MUG, "marketplace": MX, "serves": CA},
            )
        ]


class TestEditionDecidesWhere:
    """Amazon.com.br is a place to list only in an edition that has it."""

    def test_evaluating(self):
        brazil = listing(BR, sku="MUG")
        assert not evaluate_new_listing(Catalog(), WITH_BRAZIL, brazil).allowed
        assert evaluate_new_listing(
            Catalog(), WITH_BRAZIL, brazil, edition=NORTH_AMERICA_AND_BRAZIL
        ).allowed

    def test_creating(self):
        brazil = listing(BR, sku="MUG")
        with pytest.raises(RuleViolation):
            create_listing(Catalog(), WITH_BRAZIL, brazil)
        catalog = create_listing(
            Catalog(), WITH_BRAZIL, brazil, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert catalog.record("MUG").listing(BR) == brazil


class TestRefusals:
    """Bad input is named with its field."""

    def test_a_new_listing_that_is_deleted(self):
        deleted = listing(CA, sku="MUG", status=ListingStatus.DELETED)
        with pytest.raises(InvalidValueError) as error:
            create_listing(Catalog(), SELLER, deleted)
        assert error.value.field == "status"
        assert str(error.value) == "status: a new listing cannot be deleted"

    def test_something_that_is_not_a_listing(self):
        """The module's own check, for a caller who imports it directly."""
        with pytest.raises(InvalidValueError) as error:
            listings_module.evaluate_new_listing(Catalog(), SELLER, "MUG")
        assert error.value.field == "listing"
        assert str(error.value) == "listing: `'MUG'` is not a Listing"


def test_a_deletion_names_the_listings_left_elsewhere():
    record = SkuRecord(
        sku="MUG",
        mfn=MfnPool(quantity=2),
        listings=[
            listing(US, sku="MUG"),
            listing(CA, sku="MUG"),
            listing(MX, sku="MUG", status=ListingStatus.DELETED),
        ],
    )
    decision = evaluate_deletion(Catalog([record]), "MUG", US)
    assert _said(decision) == [
        (
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
            "marketplace-specific-deletion.delete",
            {**MUG, "marketplace": US, "others": (CA,)},
        )
    ]


def test_the_offer_status_of_a_remote_listing_gives_the_remote_reason():
    record = SkuRecord(
        sku="LAMP",
        fba={US: 5},
        listings=[listing(CA, FBA, sku="LAMP")],
        remote_fulfillment={CA},
    )
    status = offer_status(
        Catalog([record]), "LAMP", CA, edition=REMOTE_FULFILLMENT
    )
    assert status.value is ListingStatus.ACTIVE
    assert [r.message_id for r in status.reasons] == [
        "fba-pool-separation.remote"
    ]


class TestSaleReasons:
    """A sale's reason names the SKU, the units asked, held and left."""

    def _mug(self, quantity=5):
        return Catalog(
            [
                SkuRecord(
                    sku="MUG",
                    mfn=MfnPool(quantity=quantity),
                    listings=[
                        listing(US, sku="MUG"),
                        listing(CA, sku="MUG"),
                        listing(MX, sku="MUG", status=ListingStatus.INACTIVE),
                    ],
                )
            ]
        )

    def test_a_merchant_fulfilled_sale(self):
        decision = evaluate_sale(self._mug(), "MUG", CA, 2)
        assert _said(decision) == [
            (
                RuleKey.MFN_INVENTORY,
                "mfn-inventory.sold",
                {
                    **MUG,
                    "marketplace": CA,
                    "quantity": 2,
                    "available": 5,
                    "remaining": 3,
                    "marketplaces": (US, CA),
                },
            )
        ]

    def test_more_than_the_pool_leaves_nothing(self):
        decision = evaluate_sale(self._mug(), "MUG", US, 7)
        assert decision.outcome is Outcome.DENIED
        (reason,) = decision.reasons
        assert reason.message_id == "mfn-inventory.insufficient"
        assert dict(reason.params)["remaining"] == 0

    def test_an_inactive_listing_refuses_with_its_own_reason(self):
        decision = evaluate_sale(self._mug(), "MUG", MX, 1)
        assert decision.outcome is Outcome.DENIED
        assert _said(decision) == [
            (
                RuleKey.PER_MARKETPLACE_LISTING,
                "per-marketplace-listing.inactive",
                {**MUG, "marketplace": MX},
            )
        ]

    def test_a_remote_sale_names_the_us_pool(self):
        record = SkuRecord(
            sku="MUG",
            fba={US: 5},
            listings=[listing(CA, FBA, sku="MUG")],
            remote_fulfillment={CA},
        )
        decision = evaluate_sale(
            Catalog([record]), "MUG", CA, 5, edition=REMOTE_FULFILLMENT
        )
        assert _said(decision) == [
            (
                RuleKey.FBA_POOL_SEPARATION,
                "fba-pool-separation.remote-sold",
                {
                    **MUG,
                    "marketplace": CA,
                    "quantity": 5,
                    "available": 5,
                    "remaining": 0,
                    "pool": US,
                },
            )
        ]


class TestSaleRefusals:
    """A bad quantity or marketplace is quoted by its repr, with its field."""

    CATALOG = Catalog(
        [SkuRecord(sku="MUG", listings=[listing(US, sku="MUG")])]
    )

    def test_no_units_is_not_a_sale(self):
        with pytest.raises(InvalidValueError) as error:
            evaluate_sale(self.CATALOG, "MUG", US, 0)
        assert error.value.field == "quantity"
        assert str(error.value) == (
            "quantity: `0` is not a whole number of at least 1"
        )

    def test_a_negative_stock_level(self):
        with pytest.raises(InvalidValueError) as error:
            set_mfn_quantity(self.CATALOG, "MUG", -1)
        assert str(error.value) == (
            "quantity: `-1` is not a whole number of at least 0"
        )

    def test_the_modules_own_checks_quote_the_repr(self):
        """Called directly, past the facade's type checks."""
        with pytest.raises(InvalidValueError) as error:
            inventory_module.evaluate_sale(self.CATALOG, "MUG", US, "2")
        assert str(error.value) == (
            "quantity: `'2'` is not a whole number of at least 1"
        )
        with pytest.raises(InvalidValueError) as error:
            inventory_module.evaluate_sale(self.CATALOG, "MUG", "US", 1)
        assert error.value.field == "marketplace"
        assert str(error.value) == "marketplace: `'US'` is not a Marketplace"


class TestChangeAndDeletionReasons:
    """Not listed, already deleted, changed: each names SKU and marketplace."""

    CATALOG = Catalog(
        [
            SkuRecord(
                sku="MUG",
                mfn=MfnPool(quantity=1),
                listings=[
                    listing(US, sku="MUG"),
                    listing(CA, sku="MUG", status=ListingStatus.DELETED),
                ],
            )
        ]
    )

    def test_a_change_where_listed(self):
        decision = evaluate_listing_change(self.CATALOG, "MUG", US)
        assert _said(decision) == [
            (
                RuleKey.PER_MARKETPLACE_LISTING,
                "per-marketplace-listing.changed",
                {**MUG, "marketplace": US},
            )
        ]

    def test_nothing_to_change_where_not_listed(self):
        decision = evaluate_listing_change(self.CATALOG, "MUG", MX)
        assert decision.outcome is Outcome.DENIED
        assert _said(decision) == [
            (
                RuleKey.PER_MARKETPLACE_LISTING,
                "per-marketplace-listing.not-listed",
                {**MUG, "marketplace": MX},
            )
        ]

    def test_nothing_to_change_where_deleted(self):
        decision = evaluate_listing_change(self.CATALOG, "MUG", CA)
        assert decision.outcome is Outcome.DENIED
        assert _said(decision) == [
            (
                RuleKey.MARKETPLACE_SPECIFIC_DELETION,
                "marketplace-specific-deletion.deleted",
                {**MUG, "marketplace": CA},
            )
        ]


class TestCellReasons:
    """Each cell's status and reasons, merchant-fulfilled and FBA."""

    def _record(self, quantity):
        return SkuRecord(
            sku="MUG",
            mfn=MfnPool(quantity=quantity),
            listings=[
                listing(US, sku="MUG"),
                listing(CA, sku="MUG"),
                listing(MX, sku="MUG", status=ListingStatus.INACTIVE),
            ],
        )

    def test_a_shared_pool_names_where_it_is_listed(self):
        shown = offer_status(Catalog([self._record(4)]), "MUG", US)
        assert shown.value is ListingStatus.ACTIVE
        assert _said(shown) == [
            (
                RuleKey.MFN_INVENTORY,
                "mfn-inventory.shared",
                {
                    **MUG,
                    "marketplace": US,
                    "quantity": 4,
                    "marketplaces": (US, CA),
                },
            )
        ]

    def test_a_shared_pool_at_zero_is_off_offer_everywhere(self):
        shown = offer_status(Catalog([self._record(0)]), "MUG", CA)
        assert shown.value is ListingStatus.INACTIVE
        assert _said(shown)[1] == (
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
            "marketplace-specific-deletion.zero-quantity",
            {**MUG, "marketplaces": (US, CA)},
        )

    def test_a_separate_pool_at_zero_is_off_offer_in_its_marketplace(self):
        record = SkuRecord(
            sku="MUG",
            mfn=MfnPool(
                quantity=0, arrangement=MfnArrangement.SEPARATE, marketplace=CA
            ),
            listings=[listing(CA, sku="MUG")],
        )
        shown = offer_status(Catalog([record]), "MUG", CA)
        assert shown.value is ListingStatus.INACTIVE
        assert [r.message_id for r in shown.reasons] == [
            "mfn-inventory.separate"
        ]

    def test_an_inactive_listing_reads_inactive(self):
        shown = offer_status(Catalog([self._record(4)]), "MUG", MX)
        assert shown.value is ListingStatus.INACTIVE

    @pytest.mark.parametrize(
        ("units", "message", "outcome"),
        [
            (2, "fba-pool-separation.sold", Outcome.ALLOWED),
            (4, "fba-pool-separation.insufficient", Outcome.DENIED),
        ],
    )
    def test_an_fba_sale_from_its_own_pool(self, units, message, outcome):
        record = SkuRecord(
            sku="MUG",
            fba={CA: 3, US: 10},
            listings=[listing(CA, FBA, sku="MUG")],
        )
        decision = evaluate_sale(Catalog([record]), "MUG", CA, units)
        assert decision.outcome is outcome
        assert _said(decision) == [
            (
                RuleKey.FBA_POOL_SEPARATION,
                message,
                {
                    **MUG,
                    "marketplace": CA,
                    "quantity": units,
                    "available": 3,
                    "remaining": max(3 - units, 0),
                },
            )
        ]
