"""Named examples for what the policy properties rarely draw.

Each pins one decision the rule tests left to chance: the edition an
account-information customisation is judged under, a SKU with exactly one
unit, the marketplaces with active listings, and an ASIN-less SKU ahead of
an ASIN in the catalogue comparison.
"""

import attrs
import pytest

from builders import listing
from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    Catalog,
    FulfillmentChannel,
    ListingStatus,
    Marketplace,
    MfnPool,
    RuleKey,
    RuleViolation,
    SkuRecord,
    example_snapshot,
)
from unified_account.policy.account_info import (
    customise_account_info,
    evaluate_customisation,
)
from unified_account.policy.availability import (
    active_marketplaces,
    offerable_skus,
)
from unified_account.policy.brand import catalog_attribute_differences

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
SELLER = example_snapshot().account
WITH_BRAZIL = attrs.evolve(SELLER, marketplaces=SELLER.marketplaces | {BR})


class TestCustomisationEdition:
    """Brazil's information can be customised only where Brazil is in scope."""

    def test_the_edition_decides_brazil(self):
        assert not evaluate_customisation(WITH_BRAZIL, BR).allowed
        allowed = evaluate_customisation(
            WITH_BRAZIL, BR, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert allowed.allowed
        assert [
            (r.rule, r.message_id, dict(r.params)) for r in allowed.reasons
        ] == [
            (
                RuleKey.ACCOUNT_INFO_DEFAULTS,
                "account-info-defaults.may-customise",
                {"marketplace": BR},
            )
        ]

    def test_customising_follows_the_edition(self):
        info = SELLER.registration_info
        with pytest.raises(RuleViolation):
            customise_account_info(WITH_BRAZIL, BR, info, edition=FAQ)
        customised = customise_account_info(
            WITH_BRAZIL, BR, info, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert customised.info_overrides[BR] == info


def _mug(sku, quantity, *listings):
    return SkuRecord(
        sku=sku, mfn=MfnPool(quantity=quantity), listings=list(listings)
    )


class TestOfferedAndActive:
    """One unit is enough to offer; an inactive listing is not active."""

    def test_one_unit_is_offered_and_none_is_not(self):
        catalog = Catalog(
            [
                _mug("ONE", 1, listing(US, sku="ONE")),
                _mug("NONE", 0, listing(US, sku="NONE")),
            ]
        )
        assert offerable_skus(catalog, US).value == {"ONE"}
        assert offerable_skus(catalog, CA).value == frozenset()

    def test_only_marketplaces_with_an_active_listing(self):
        catalog = Catalog(
            [
                _mug(
                    "MUG",
                    3,
                    listing(MX, sku="MUG"),
                    listing(CA, sku="MUG", status=ListingStatus.INACTIVE),
                    listing(US, sku="MUG"),
                )
            ]
        )
        assert active_marketplaces(catalog) == (US, MX)

    def test_an_fba_listing_counts_in_its_own_marketplace(self):
        record = SkuRecord(
            sku="BOX",
            fba={CA: 4},
            listings=[listing(CA, FulfillmentChannel.FBA, sku="BOX")],
        )
        assert active_marketplaces(Catalog([record])) == (CA,)
        assert active_marketplaces(Catalog()) == ()


def test_a_sku_without_an_asin_does_not_end_the_comparison():
    """'0-LOOSE' sorts first and has no ASIN: the ASINs after it count."""
    catalog = example_snapshot().catalog
    loose = SkuRecord(
        sku="0-LOOSE",
        mfn=MfnPool(quantity=1),
        listings=[
            listing(US, sku="0-LOOSE", attributes={"colour": "red"}),
            listing(MX, sku="0-LOOSE", attributes={"colour": "blue"}),
        ],
    )
    found = catalog_attribute_differences(catalog.with_record(loose))
    assert [(d.asin, d.attributes) for d in found.value] == [
        ("B0EXAMPL02", ("model_number",))
    ]
