"""single-subscription, split edition: Amazon's published terms of 2021-08.

Amazon, "Changes to Professional Selling Plan subscription fees for global
sellers" (effective 2021-08-01): "Subscription fees for your
Americas-region accounts (United States, Canada, Mexico, and Brazil) will
be billed in each country in which you have active listings on your
billing day"; "charged in the currency of each Amazon store"; "All
subscription fees will be billed on the same day of the month"; "your
total subscription fees will still be limited to no more than the
equivalent USD 39.99 per month (exclusive of tax, except in Mexico and
Brazil ...)".  The division is not published.
"""

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    SPLIT_CAP,
    SPLIT_SUBSCRIPTION,
    InvalidValueError,
    Marketplace,
    Money,
    Outcome,
    RecordedCharge,
    audit_subscription_charges,
    example_snapshot,
    split_subscription,
)
from unified_account import strategies as ua
from unified_account.i18n import render_reason
from unified_account.model.rates import ConversionRate, ConversionRates

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
SELLER = example_snapshot().account
DAY = date(2026, 7, 15)
RATES = ConversionRates(
    [
        ConversionRate("CAD", "USD", "0.7312"),
        ConversionRate("MXN", "USD", "0.0547"),
        ConversionRate("USD", "BRL", "5.00"),
    ]
)
SPLIT_AND_BRAZIL = attrs.evolve(
    SPLIT_SUBSCRIPTION,
    name="split-and-brazil",
    scope=NORTH_AMERICA_AND_BRAZIL.scope,
)


def _charge(marketplace, day, amount, reference="charge"):
    return RecordedCharge(
        marketplace=marketplace,
        charged_on=day,
        amount=Money(amount, marketplace.currency),
        reference=reference,
    )


class TestWhoIsCharged:
    """Charged in each marketplace with active listings, in its currency."""

    def test_each_active_marketplace_is_charged_in_its_own_currency(self):
        """US and MX active: USD and MXN shares; Canada is not charged."""
        split = split_subscription(SELLER, DAY, {US, MX}, rates=RATES)
        assert split.value.charged_in == (US, MX)
        assert [s.currency for s in split.value.shares] == ["USD", "MXN"]

    def test_the_cap_is_the_usd_equivalent_at_the_callers_rates(self):
        """39.99 / 0.7312 = 54.69 CAD; 39.99 / 0.0547 = 731.08 MXN."""
        split = split_subscription(SELLER, DAY, {US, CA, MX}, rates=RATES)
        caps = {s.marketplace: s.cap for s in split.value.shares}
        assert caps == {
            US: SPLIT_CAP,
            CA: Money("54.69", "CAD"),
            MX: Money("731.08", "MXN"),
        }

    def test_the_cap_includes_tax_only_in_mexico_and_brazil(self):
        """Amazon: "exclusive of tax, except in Mexico and Brazil"."""
        split = split_subscription(
            SELLER,
            DAY,
            {US, CA, MX, BR},
            rates=RATES,
            edition=SPLIT_AND_BRAZIL,
        )
        included = {s.marketplace: s.tax_included for s in split.value.shares}
        assert included == {US: False, CA: False, MX: True, BR: True}
        brazil = split.value.shares[-1]
        assert brazil.cap == Money("199.95", "BRL")

    def test_without_a_rate_the_cap_in_that_currency_is_undetermined(self):
        """No USD/CAD rate given: the CAD cap is not guessed."""
        split = split_subscription(SELLER, DAY, {US, CA})
        assert [s.cap for s in split.value.shares] == [SPLIT_CAP, None]
        assert "single-subscription.split-cap-no-rate" in [
            r.message_id for r in split.reasons
        ]

    def test_the_division_is_never_guessed(self):
        """The division is not published: no amounts."""
        split = split_subscription(SELLER, DAY, {US, CA}, rates=RATES)
        assert [s.amount for s in split.value.shares] == [None, None]
        assert [
            r.message_id
            for r in split.reasons
            if r.message_id.endswith("share-unknown")
        ] == ["single-subscription.split-share-unknown"] * 2

    def test_the_callers_division_is_shown_as_the_callers(self):
        """A division given by the caller is carried, with its reason."""
        split = split_subscription(
            SELLER,
            DAY,
            {US, CA},
            rates=RATES,
            division={US: Money("20.00", "USD"), CA: Money("27.00", "CAD")},
        )
        assert [s.amount for s in split.value.shares] == [
            Money("20.00", "USD"),
            Money("27.00", "CAD"),
        ]

    def test_a_division_for_an_inactive_marketplace_is_refused(self):
        """Nothing is charged where nothing is active."""
        with pytest.raises(InvalidValueError) as error:
            split_subscription(
                SELLER, DAY, {US}, division={CA: Money("1.00", "CAD")}
            )
        assert error.value.field == "division.CA"

    def test_a_division_in_the_wrong_currency_is_refused(self):
        """Each share is in its marketplace's currency."""
        with pytest.raises(InvalidValueError, match="`CAD`"):
            split_subscription(
                SELLER, DAY, {CA}, division={CA: Money("1.00", "USD")}
            )

    def test_nothing_active_nothing_charged(self):
        """Amazon: fees are charged "only where you have active listings"."""
        split = split_subscription(SELLER, DAY, set())
        assert split.value.charged_in == ()
        assert [r.message_id for r in split.reasons] == [
            "single-subscription.split-nothing-active"
        ]

    def test_active_in_must_be_marketplaces(self):
        """A string is not a collection of marketplaces."""
        with pytest.raises(InvalidValueError):
            split_subscription(SELLER, DAY, "US")
        with pytest.raises(InvalidValueError):
            split_subscription(SELLER, DAY, ["US"])


class TestAudit:
    """Recorded charges against the terms."""

    def test_charges_that_keep_the_terms_are_allowed(self):
        """One day, active marketplaces, USD 37.53 in total."""
        charges = [
            _charge(US, DAY, "20.00"),
            _charge(CA, DAY, "15.00"),
            _charge(MX, DAY, "120.00"),
        ]
        audit = audit_subscription_charges(
            charges, active_on={DAY: {US, CA, MX}}, rates=RATES
        )
        assert audit.outcome is Outcome.ALLOWED
        assert [r.message_id for r in audit.reasons] == [
            "single-subscription.audit-consistent"
        ]

    def test_a_charge_where_nothing_was_active_is_denied(self):
        """Canada charged on a day it had no active listings."""
        audit = audit_subscription_charges(
            [_charge(US, DAY, "20.00"), _charge(CA, DAY, "5.00", "X-1")],
            active_on={DAY: {US}},
            rates=RATES,
        )
        assert audit.outcome is Outcome.DENIED
        (reason,) = audit.reasons
        assert reason.message_id == (
            "single-subscription.audit-charged-without-active-listings"
        )
        assert reason.param("reference") == "X-1"

    def test_activity_earlier_in_the_month_is_undetermined(self):
        """Issue 17: nothing active on the billing day, something earlier.

        Amazon's notice says both "active listings on your billing day"
        and "during the current month": not a denial.
        """
        audit = audit_subscription_charges(
            [_charge(US, DAY, "20.00"), _charge(CA, DAY, "5.00", "X-1")],
            active_on={
                date(2026, 6, 30): {US, CA},
                date(2026, 7, 2): {US, CA},
                date(2026, 7, 9): {US, CA},
                DAY: {US},
                date(2026, 7, 20): {US, CA},
            },
            rates=RATES,
        )
        assert audit.outcome is Outcome.UNDETERMINED
        (reason,) = audit.reasons
        assert reason.message_id == (
            "single-subscription.audit-active-earlier-in-month"
        )
        assert dict(reason.params) == {
            "marketplace": CA,
            "charged_on": DAY,
            "amount": Money("5.00", "CAD"),
            "reference": "X-1",
            "active_on": date(2026, 7, 9),
        }

    def test_activity_only_in_another_month_or_later_is_still_denied(self):
        """June's activity, or the 20th's, does not make the 15th active."""
        audit = audit_subscription_charges(
            [_charge(CA, DAY, "5.00")],
            active_on={
                date(2026, 6, 30): {CA},
                DAY: set(),
                date(2026, 7, 20): {CA},
            },
        )
        assert audit.outcome is Outcome.DENIED
        assert [r.message_id for r in audit.reasons] == [
            "single-subscription.audit-charged-without-active-listings"
        ]

    def test_two_billing_days_in_a_month_are_denied(self):
        """Amazon: "billed on the same day of the month"."""
        audit = audit_subscription_charges(
            [_charge(US, DAY, "20.00"), _charge(CA, date(2026, 7, 3), "5")],
            active_on={DAY: {US, CA}, date(2026, 7, 3): {US, CA}},
            rates=RATES,
        )
        assert [r.message_id for r in audit.reasons] == [
            "single-subscription.audit-several-billing-days"
        ]
        # Issue 17: the month and the days are dates, written as each
        # locale writes them.
        (reason,) = audit.reasons
        assert reason.param("days") == (date(2026, 7, 3), DAY)
        assert render_reason(reason, "es_MX").startswith(
            "En julio de 2026 la suscripción se cobró el 3 de julio de 2026 y "
            "15 de julio de 2026:"
        )

    def test_a_total_over_the_cap_is_denied(self):
        """USD 30 + CAD 20 x 0.7312 = USD 44.62 > 39.99."""
        audit = audit_subscription_charges(
            [_charge(US, DAY, "30.00"), _charge(CA, DAY, "20.00")],
            active_on={DAY: {US, CA}},
            rates=RATES,
        )
        (reason,) = audit.reasons
        assert reason.message_id == "single-subscription.audit-over-cap"
        assert reason.param("total") == Money("44.62", "USD")

    def test_the_cap_is_compared_exactly(self):
        """Exactly USD 39.99 is within the cap, one cent more is not."""
        at_cap = [_charge(US, DAY, "39.99")]
        over = [_charge(US, DAY, "40.00")]
        active = {DAY: {US}}
        assert audit_subscription_charges(at_cap, active_on=active).allowed
        assert not audit_subscription_charges(over, active_on=active).allowed

    def test_missing_facts_make_the_audit_undetermined(self):
        """No activity for the day, no MXN rate: neither yes nor no."""
        audit = audit_subscription_charges(
            [_charge(MX, DAY, "100.00")], active_on={}
        )
        assert audit.outcome is Outcome.UNDETERMINED
        assert [r.message_id for r in audit.reasons] == [
            "single-subscription.audit-activity-unknown",
            "single-subscription.audit-cap-needs-rate",
        ]

    def test_charges_before_the_split_are_refused_as_input(self):
        """The FAQ edition, or July 2021, is not billed the split way."""
        charge = _charge(US, date(2021, 7, 31), "39.99")
        with pytest.raises(InvalidValueError) as error:
            audit_subscription_charges([charge], active_on={})
        assert error.value.field == "charges[0].charged_on"
        with pytest.raises(InvalidValueError):
            audit_subscription_charges(
                [_charge(US, DAY, "1")], active_on={}, edition=FAQ
            )

    def test_bad_inputs_are_refused(self):
        """Charges must be RecordedCharge; activity a mapping."""
        with pytest.raises(InvalidValueError):
            audit_subscription_charges(["charge"], active_on={})
        with pytest.raises(InvalidValueError):
            audit_subscription_charges([], active_on=[DAY])

    def test_no_charges_are_consistent(self):
        """Nothing recorded, nothing breached."""
        assert audit_subscription_charges([], active_on={}).allowed


SCOPE = sorted(SPLIT_SUBSCRIPTION.scope, key=list(Marketplace).index)
amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("60"), places=2
)


@given(
    st.lists(
        st.tuples(st.sampled_from(SCOPE), st.integers(1, 3), amounts),
        max_size=5,
    ),
    st.frozensets(st.sampled_from(SCOPE)),
)
def test_the_audit_agrees_with_a_plain_restatement(rows, active):
    """Denied exactly when a breach exists; rates given for every currency."""
    rates = ConversionRates(
        [
            ConversionRate("CAD", "USD", "0.75"),
            ConversionRate("MXN", "USD", "0.05"),
        ]
    )
    factor = {
        "USD": Decimal(1),
        "CAD": Decimal("0.75"),
        "MXN": Decimal("0.05"),
    }
    charges = [
        _charge(m, date(2026, 7, day), str(amount)) for m, day, amount in rows
    ]
    active_on = {date(2026, 7, d): active for d in (1, 2, 3)}
    audit = audit_subscription_charges(
        charges, active_on=active_on, rates=rates
    )
    breach = (
        any(c.marketplace not in active for c in charges)
        or len({c.charged_on for c in charges}) > 1
        or sum(c.amount.amount * factor[c.amount.currency] for c in charges)
        > Decimal("39.99")
    )
    assert audit.outcome is (Outcome.DENIED if breach else Outcome.ALLOWED)


@given(
    st.lists(st.sampled_from(SCOPE), min_size=1, max_size=3, unique=True),
    st.integers(1, 28),
    st.dictionaries(st.integers(1, 28), st.frozensets(st.sampled_from(SCOPE))),
)
def test_each_charge_is_checked_against_its_day_then_its_month(
    charged, billing_day, activity
):
    """Active that day: kept; only earlier that month: undetermined.

    Else denied (deny overrides).  Every reason names its own message id.
    """
    day = date(2026, 7, billing_day)
    active_on = {date(2026, 7, d): found for d, found in activity.items()}
    active_on.setdefault(day, frozenset())
    charges = [_charge(m, day, "1.00") for m in charged]
    audit = audit_subscription_charges(
        charges, active_on=active_on, rates=RATES
    )
    earlier = {m for d, found in active_on.items() if d < day for m in found}
    expected = {
        m: "single-subscription.audit-charged-without-active-listings"
        for m in charged
        if m not in active_on[day] and m not in earlier
    }
    if expected:
        assert audit.outcome is Outcome.DENIED
    else:
        expected = {
            m: "single-subscription.audit-active-earlier-in-month"
            for m in charged
            if m not in active_on[day]
        }
        assert audit.outcome is (
            Outcome.UNDETERMINED if expected else Outcome.ALLOWED
        )
    if expected:
        assert {
            r.param("marketplace"): r.message_id for r in audit.reasons
        } == (expected)
    else:
        assert [r.message_id for r in audit.reasons] == [
            "single-subscription.audit-consistent"
        ]


@given(
    ua.seller_accounts(),
    st.frozensets(ua.marketplaces()),
    st.dates(min_value=date(2021, 8, 1), max_value=date(2035, 12, 31)),
)
def test_charged_exactly_where_active_in_the_scope(account, active, day):
    """Never outside the scope, never where nothing is active."""
    split = split_subscription(account, day, active, rates=RATES).value
    assert set(split.charged_in) == active & SPLIT_SUBSCRIPTION.scope
    for share in split.shares:
        assert share.amount is None
        assert share.cap is None or share.cap.currency == share.currency


def test_a_recorded_charge_is_validated():
    """In its marketplace's currency, never negative."""
    with pytest.raises(InvalidValueError) as error:
        _charge(US, DAY, "-1.00")
    assert error.value.field == "amount"
    with pytest.raises(InvalidValueError) as error:
        RecordedCharge(
            marketplace=CA, charged_on=DAY, amount=Money("1.00", "USD")
        )
    assert error.value.field == "amount"
