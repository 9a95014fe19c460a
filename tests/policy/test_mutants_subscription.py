"""single-subscription (home billing): every reason and value in full.

The rule tests check which charge applies; these check the facts each
answer states (the amount, home marketplace, billing day, source and
start of the fee), which the report renders, and that the caller's
edition, rates and division reach the split answer.
"""

from datetime import date

import attrs

from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    SPLIT_SUBSCRIPTION,
    Marketplace,
    Money,
    RuleKey,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
    example_snapshot,
    subscription_charge,
)
from unified_account.decision import Term
from unified_account.model.rates import ConversionRate, ConversionRates

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
SELLER = example_snapshot().account
DAY = date(2026, 7, 15)
RULE = RuleKey.SINGLE_SUBSCRIPTION
OTHER_SOURCE = Term("term.fee-source.other")  # the caller's own data


def _said(resolved):
    return [(r.rule, r.message_id, dict(r.params)) for r in resolved.reasons]


def _schedule(**changes):
    fee = SubscriptionFee(
        marketplace=US,
        amount=Money("39.99", "USD"),
        effective=None,
        source="a test schedule",
        confirmed=False,
        tax=TaxTreatment.UNCONFIRMED,
    )
    return SubscriptionFeeSchedule([attrs.evolve(fee, **changes)])


class TestHomeCharge:
    """One charge, with every caveat its fee carries."""

    def test_an_undated_unconfirmed_fee_says_all_it_does_not_know(self):
        resolved = subscription_charge(SELLER, DAY, schedule=_schedule())
        charge = resolved.value
        assert (charge.seller_id, charge.home, charge.billed_on) == (
            SELLER.seller_id,
            US,
            DAY,
        )
        assert charge.covers == (US, CA, MX)
        fee = {"amount": Money("39.99", "USD"), "home": US}
        assert _said(resolved) == [
            (
                RULE,
                "single-subscription.one-charge",
                {**fee, "marketplaces": (US, CA, MX)},
            ),
            (
                RULE,
                "single-subscription.start-unknown",
                {
                    **fee,
                    "billed_on": DAY,
                    "source": Term("term.fee-source.other"),
                },
            ),
            (
                RULE,
                "single-subscription.amount-unconfirmed",
                {**fee, "source": OTHER_SOURCE},
            ),
            (RULE, "single-subscription.tax-unconfirmed", fee),
        ]

    def test_a_dated_confirmed_fee_gives_its_start(self):
        start = date(2026, 1, 1)
        resolved = subscription_charge(
            SELLER,
            DAY,
            schedule=_schedule(
                effective=start, confirmed=True, tax=TaxTreatment.EXCLUSIVE
            ),
        )
        assert _said(resolved) == [
            (
                RULE,
                "single-subscription.one-charge",
                {
                    "amount": Money("39.99", "USD"),
                    "home": US,
                    "marketplaces": (US, CA, MX),
                    "effective": start,
                },
            )
        ]

    def test_the_switcher_of_the_callers_edition_is_covered(self):
        resolved = subscription_charge(
            SELLER,
            DAY,
            schedule=_schedule(),
            edition=NORTH_AMERICA_AND_BRAZIL,
        )
        assert resolved.value.covers == (US, CA, MX, BR)

    def test_no_fee_for_the_day_names_home_and_day(self):
        resolved = subscription_charge(
            SELLER,
            DAY,
            schedule=_schedule(marketplace=MX, amount=Money("600.00", "MXN")),
        )
        assert resolved.value is None
        assert _said(resolved) == [
            (
                RULE,
                "single-subscription.fee-unknown",
                {"home": US, "billed_on": DAY},
            )
        ]


class TestOutsideAndSplit:
    """Accounts outside the scope, and the split answer's inputs."""

    def test_outside_the_scope_names_the_home(self):
        brazil = attrs.evolve(
            SELLER, home=BR, marketplaces={BR}, info_overrides={}
        )
        resolved = subscription_charge(brazil, DAY)
        assert resolved.value is None
        assert _said(resolved)[0] == (
            RULE,
            "single-subscription.outside-scope",
            {"home": BR},
        )

    def test_outside_the_callers_scope_only(self):
        """Registered on .com.br: in scope with Brazil, charged there."""
        brazil = attrs.evolve(
            SELLER, home=BR, marketplaces={BR}, info_overrides={}
        )
        schedule = _schedule(marketplace=BR, amount=Money("19.00", "BRL"))
        resolved = subscription_charge(
            brazil, DAY, schedule=schedule, edition=NORTH_AMERICA_AND_BRAZIL
        )
        assert resolved.value.home is BR
        assert resolved.value.covers == (US, CA, MX, BR)

    def test_unknown_activity_names_the_billing_day(self):
        resolved = subscription_charge(SELLER, DAY, edition=SPLIT_SUBSCRIPTION)
        assert resolved.value is None
        assert _said(resolved) == [
            (
                RULE,
                "single-subscription.split-activity-unknown",
                {"billed_on": DAY},
            )
        ]

    def test_the_callers_rates_and_division_reach_the_split(self):
        rates = ConversionRates([ConversionRate("CAD", "USD", "0.7312")])
        division = {US: Money("20.00", "USD"), CA: Money("27.00", "CAD")}
        resolved = subscription_charge(
            SELLER,
            DAY,
            edition=SPLIT_SUBSCRIPTION,
            active_in={US, CA},
            rates=rates,
            division=division,
        )
        shares = {s.marketplace: s for s in resolved.value.shares}
        assert shares[CA].cap == Money("54.69", "CAD")
        assert {m: s.amount for m, s in shares.items()} == division


def test_outside_an_editions_scope_its_registration_reason_follows():
    """Without Mexico in the scope, a .com.mx account is elsewhere."""
    two = attrs.evolve(FAQ, name="two", scope=frozenset({US, CA}))
    mexico = attrs.evolve(
        SELLER, home=MX, marketplaces={MX}, info_overrides={}
    )
    resolved = subscription_charge(mexico, DAY, edition=two)
    assert resolved.value is None
    assert _said(resolved) == [
        (RULE, "single-subscription.outside-scope", {"home": MX}),
        (
            RuleKey.EU_DISTINCT,
            "eu-distinct.registered-elsewhere",
            {"home": MX, "scope": (US, CA)},
        ),
    ]


def test_the_callers_split_edition_decides_who_is_charged():
    """A split edition with Brazil in its scope charges Amazon.com.br too."""
    with_brazil = attrs.evolve(
        SPLIT_SUBSCRIPTION,
        name="split-and-brazil",
        scope=NORTH_AMERICA_AND_BRAZIL.scope,
    )
    resolved = subscription_charge(
        SELLER, DAY, edition=with_brazil, active_in={US, BR}
    )
    assert resolved.value.charged_in == (US, BR)
    plain = subscription_charge(
        SELLER, DAY, edition=SPLIT_SUBSCRIPTION, active_in={US, BR}
    )
    assert plain.value.charged_in == (US,)
