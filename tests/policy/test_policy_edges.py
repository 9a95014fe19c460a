"""Edges of the policies that no rule example reaches.

A payout to a bank account nobody knows, an enrolment that is not a
collection of hashable values, and the policy modules' own checks when
they are called directly (the package's facade checks the outer types
first; the modules check them again for a caller who imports them).
"""

from datetime import date

import attrs
import pytest

from unified_account import (
    REMOTE_FULFILLMENT,
    Catalog,
    InvalidArgumentError,
    InvalidValueError,
    Marketplace,
    MissingDataError,
    RuleKey,
    SkuRecord,
    evaluate_remote_enrollment,
    example_snapshot,
    payout_route,
)
from unified_account.policy import split_subscription as split_module
from unified_account.policy.payout import unknown_bank_reason

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
SELLER = example_snapshot().account
DAY = date(2026, 7, 15)


def _without_bank(account, marketplace):
    """``account`` whose information for ``marketplace`` has no bank."""
    if marketplace in account.info_overrides:
        info = attrs.evolve(account.info_overrides[marketplace], bank=None)
        return attrs.evolve(
            account,
            info_overrides={**account.info_overrides, marketplace: info},
        )
    info = attrs.evolve(account.registration_info, bank=None)
    return attrs.evolve(account, registration_info=info)


class TestUnknownBank:
    """A route needs the bank account: an unknown one is missing data."""

    @pytest.mark.parametrize("marketplace", [US, CA, MX])
    def test_an_unknown_bank_account_is_missing_data(self, marketplace):
        seller = _without_bank(SELLER, marketplace)
        with pytest.raises(MissingDataError) as error:
            payout_route(seller, marketplace)
        assert str(error.value) == (
            f"the bank account {marketplace.name} pays out to is unknown"
        )
        assert not isinstance(error.value, InvalidValueError)

    def test_the_reason_the_report_gives_names_the_marketplace(self):
        reason = unknown_bank_reason(CA)
        assert reason.rule is RuleKey.LOCAL_PAYOUT
        assert reason.message_id == "local-payout.bank-unknown"
        assert dict(reason.params) == {"marketplace": CA, "currency": "CAD"}

    def test_another_marketplaces_bank_still_routes(self):
        seller = _without_bank(SELLER, CA)
        assert payout_route(seller, US).value.bank == (
            SELLER.registration_info.bank
        )


def _catalog():
    return Catalog([SkuRecord(sku="LAMP", fba={US: 5})])


class TestEnrolmentCollections:
    """Remote Fulfillment marketplaces: a collection of Marketplace."""

    @pytest.mark.parametrize(
        "marketplaces", [[[CA]], [{"CA": CA}], [CA, {MX}]]
    )
    def test_unhashable_items_are_refused(self, marketplaces):
        with pytest.raises(InvalidValueError) as error:
            evaluate_remote_enrollment(
                _catalog(), "LAMP", marketplaces, edition=REMOTE_FULFILLMENT
            )
        assert error.value.field == "marketplaces"
        assert "is not a collection of marketplaces" in str(error.value)
        assert "\n" not in str(error.value)
        assert not isinstance(error.value, InvalidArgumentError)


class TestSplitModuleChecks:
    """The split-subscription module checks its mappings when called."""

    @pytest.mark.parametrize("division", [[US], "US", 12])
    def test_a_division_that_is_not_a_mapping(self, division):
        with pytest.raises(InvalidValueError) as error:
            split_module.split_subscription(
                SELLER, DAY, {US}, division=division
            )
        assert type(error.value) is InvalidValueError
        assert error.value.field == "division"
        assert str(error.value) == (
            f"division: `{division!r}` "
            "is not a mapping of marketplaces to money"
        )

    @pytest.mark.parametrize("active_on", [[DAY], "2026-07-15", None])
    def test_activity_that_is_not_a_mapping(self, active_on):
        with pytest.raises(InvalidValueError) as error:
            split_module.audit_subscription_charges([], active_on=active_on)
        assert type(error.value) is InvalidValueError
        assert error.value.field == "active_on"
        assert str(error.value) == (
            f"active_on: `{active_on!r}` "
            "is not a mapping of dates to marketplaces"
        )

    def test_the_facade_refuses_them_first(self):
        from unified_account import (
            audit_subscription_charges,
            split_subscription,
        )

        with pytest.raises(InvalidArgumentError) as error:
            split_subscription(SELLER, DAY, {US}, division=[US])
        assert error.value.field == "division"
        with pytest.raises(InvalidArgumentError) as error:
            audit_subscription_charges([], active_on=[DAY])
        assert error.value.field == "active_on"

    def test_no_division_is_the_default_division(self):
        given_none = split_module.split_subscription(
            SELLER, DAY, {US, CA}, division=None
        )
        assert given_none == split_module.split_subscription(
            SELLER, DAY, {US, CA}
        )
