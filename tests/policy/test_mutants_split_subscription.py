"""single-subscription (split edition): every reason and refusal in full.

The rule tests check who is charged and what is decided; these check what
the decisions *say*: each reason's message id and every parameter, and
each refusal's field and message.  A report renders these, so a renamed
parameter or a reason id that is wrong is a wrong sentence for the seller.
"""

from datetime import date

import pytest

from unified_account import (
    SPLIT_CAP,
    InvalidValueError,
    Marketplace,
    Money,
    Outcome,
    RecordedCharge,
    RuleKey,
    audit_subscription_charges,
    example_snapshot,
    split_subscription,
)
from unified_account.i18n import render_reason
from unified_account.model.rates import ConversionRate, ConversionRates
from unified_account.policy import split_subscription as split_module

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
SELLER = example_snapshot().account
DAY = date(2026, 7, 15)
RATES = ConversionRates(
    [
        ConversionRate("CAD", "USD", "0.7312"),
        ConversionRate("MXN", "USD", "0.0547"),
    ]
)
RULE = RuleKey.SINGLE_SUBSCRIPTION


def _said(reasons):
    """Each reason as (rule, message id, parameters)."""
    return [(r.rule, r.message_id, dict(r.params)) for r in reasons]


def _charge(marketplace, day, amount, reference="charge"):
    return RecordedCharge(
        marketplace=marketplace,
        charged_on=day,
        amount=Money(amount, marketplace.currency),
        reference=reference,
    )


class TestSplitReasons:
    """Each share says its cap (with or without tax) and its amount."""

    def test_every_reason_of_a_divided_split(self):
        division = {
            US: Money("20.00", "USD"),
            CA: Money("10.00", "CAD"),
            MX: Money("100.00", "MXN"),
        }
        split = split_subscription(
            SELLER, DAY, {US, CA, MX}, rates=RATES, division=division
        )
        us, ca, mx = (
            {"marketplace": m, "currency": m.currency} for m in (US, CA, MX)
        )
        assert _said(split.reasons) == [
            (
                RULE,
                "single-subscription.split-billed",
                {
                    "billed_on": DAY,
                    "marketplaces": (US, CA, MX),
                    "cap": SPLIT_CAP,
                },
            ),
            (
                RULE,
                "single-subscription.split-cap-tax-excluded",
                {**us, "cap": SPLIT_CAP},
            ),
            (
                RULE,
                "single-subscription.split-share",
                {**us, "amount": division[US]},
            ),
            (
                RULE,
                "single-subscription.split-cap-tax-excluded",
                {**ca, "cap": Money("54.69", "CAD")},
            ),
            (
                RULE,
                "single-subscription.split-share",
                {**ca, "amount": division[CA]},
            ),
            (
                RULE,
                "single-subscription.split-cap-tax-included",
                {**mx, "cap": Money("731.08", "MXN")},
            ),
            (
                RULE,
                "single-subscription.split-share",
                {**mx, "amount": division[MX]},
            ),
        ]
        sentences = [render_reason(r, "en") for r in split.reasons]
        assert sentences[1] == (
            "Amazon.com is charged in USD; at your rate the cap is $39.99, "
            "exclusive of tax"
        )

    def test_without_a_rate_the_share_says_so(self):
        split = split_subscription(SELLER, DAY, {CA})
        params = {"marketplace": CA, "currency": "CAD"}
        assert _said(split.reasons)[1:] == [
            (RULE, "single-subscription.split-cap-no-rate", params),
            (RULE, "single-subscription.split-share-unknown", params),
        ]

    def test_a_cap_without_a_direct_rate_uses_the_inverse(self):
        """Only USD -> CAD given: the cap is 39.99 x 1.25, half-even."""
        rates = ConversionRates([ConversionRate("USD", "CAD", "1.25")])
        split = split_subscription(SELLER, DAY, {CA}, rates=rates)
        (share,) = split.value.shares
        assert share.cap == Money("49.99", "CAD")


class TestDivisionRefusals:
    """A division names the marketplace it cannot charge, in one line."""

    def test_an_inactive_marketplace_is_named(self):
        with pytest.raises(InvalidValueError) as error:
            split_subscription(
                SELLER, DAY, {US}, division={CA: Money("1.00", "CAD")}
            )
        assert error.value.field == "division.CA"
        assert str(error.value) == (
            "division.CA: `<Marketplace.CA: 'A2EUQ1WTGCTBG2'>` has no "
            "active listings on the billing day, so it is not charged"
        )

    def test_a_key_that_is_not_a_marketplace_is_named_as_given(self):
        with pytest.raises(InvalidValueError) as error:
            split_module.split_subscription(
                SELLER, DAY, {US}, division={"CA": Money("1.00", "CAD")}
            )
        assert error.value.field == "division.CA"
        assert "`'CA'` has no active listings" in str(error.value)


class TestAuditReasons:
    """Every audit reason carries the facts its sentence names."""

    def test_a_consistent_audit_counts_the_charges(self):
        audit = audit_subscription_charges(
            [_charge(US, DAY, "20.00"), _charge(CA, DAY, "10.00")],
            active_on={DAY: {US, CA}},
            rates=RATES,
        )
        assert _said(audit.reasons) == [
            (RULE, "single-subscription.audit-consistent", {"count": 2})
        ]

    def test_unknown_activity_names_the_charge(self):
        charge = _charge(US, DAY, "20.00", "INV-7")
        audit = audit_subscription_charges([charge], active_on={})
        assert _said(audit.reasons) == [
            (
                RULE,
                "single-subscription.audit-activity-unknown",
                {
                    "marketplace": US,
                    "charged_on": DAY,
                    "amount": Money("20.00", "USD"),
                    "reference": "INV-7",
                },
            )
        ]

    def test_a_charge_without_active_listings_names_the_charge(self):
        charge = _charge(CA, DAY, "5.00", "X-1")
        audit = audit_subscription_charges(
            [charge], active_on={DAY: {US}}, rates=RATES
        )
        assert _said(audit.reasons) == [
            (
                RULE,
                "single-subscription.audit-charged-without-active-listings",
                {
                    "marketplace": CA,
                    "charged_on": DAY,
                    "amount": Money("5.00", "CAD"),
                    "reference": "X-1",
                },
            )
        ]

    def test_several_billing_days_name_the_month_and_days(self):
        other = date(2026, 7, 3)
        audit = audit_subscription_charges(
            [_charge(US, DAY, "20.00"), _charge(US, other, "5.00")],
            active_on={DAY: {US}, other: {US}},
        )
        assert _said(audit.reasons) == [
            (
                RULE,
                "single-subscription.audit-several-billing-days",
                {
                    "month": "2026-07",
                    "days": (date(2026, 7, 3), date(2026, 7, 15)),
                },
            )
        ]

    def test_a_missing_rate_names_the_month_and_currencies(self):
        audit = audit_subscription_charges(
            [
                _charge(MX, DAY, "100.00"),
                _charge(CA, DAY, "10.00"),
                _charge(MX, DAY, "1.00"),
            ],
            active_on={DAY: {CA, MX}},
        )
        assert audit.outcome is Outcome.UNDETERMINED
        assert _said(audit.reasons) == [
            (
                RULE,
                "single-subscription.audit-cap-needs-rate",
                {"month": "2026-07", "currencies": ("CAD", "MXN")},
            )
        ]

    def test_a_total_over_the_cap_names_month_total_and_cap(self):
        audit = audit_subscription_charges(
            [_charge(US, DAY, "30.00"), _charge(CA, DAY, "20.00")],
            active_on={DAY: {US, CA}},
            rates=RATES,
        )
        assert _said(audit.reasons) == [
            (
                RULE,
                "single-subscription.audit-over-cap",
                {
                    "month": "2026-07",
                    "total": Money("44.62", "USD"),
                    "cap": SPLIT_CAP,
                },
            )
        ]


class TestAuditRefusals:
    """Bad charges are refused with their index and an excerpt."""

    def test_a_charge_of_the_wrong_type_is_named_by_index(self):
        good = _charge(US, DAY, "1.00")
        with pytest.raises(InvalidValueError) as error:
            audit_subscription_charges([good, "refund"], active_on={})
        assert error.value.field == "charges[1]"
        assert str(error.value) == (
            "charges[1]: `'refund'` is not a RecordedCharge"
        )

    def test_the_first_day_of_split_billing_is_billed_the_split_way(self):
        first = _charge(US, date(2021, 8, 1), "39.99")
        assert audit_subscription_charges(
            [first], active_on={date(2021, 8, 1): {US}}
        ).allowed

    def test_the_day_before_is_refused_with_the_edition(self):
        before = _charge(US, date(2021, 7, 31), "39.99")
        with pytest.raises(InvalidValueError) as error:
            audit_subscription_charges([before], active_on={})
        assert str(error.value) == (
            "charges[0].charged_on: `2021-07-31` is not billed the split "
            "way under `split-subscription`"
        )

    def test_activity_of_a_day_names_the_day(self):
        with pytest.raises(InvalidValueError) as error:
            audit_subscription_charges([], active_on={DAY: "US"})
        assert error.value.field == "active_on.2026-07-15"


class TestSplitValue:
    """The split names the seller and the day, active or not."""

    @pytest.mark.parametrize("active", [set(), {US, CA}])
    def test_the_split_names_its_seller_and_day(self, active):
        split = split_subscription(SELLER, DAY, active, rates=RATES)
        assert split.value.seller_id == SELLER.seller_id
        assert split.value.billed_on == DAY
        assert split.value.cap == SPLIT_CAP

    def test_nothing_active_says_the_day_and_the_cap(self):
        split = split_subscription(SELLER, DAY, {Marketplace.DE})
        assert _said(split.reasons) == [
            (
                RULE,
                "single-subscription.split-nothing-active",
                {"billed_on": DAY, "marketplaces": (), "cap": SPLIT_CAP},
            )
        ]


class TestMarketplaceRefusals:
    """``active_in`` and each day's activity: a collection of Marketplace."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("US", "`'US'` is not a collection"),
            (
                [[US]],
                "`[[<Marketplace.US: 'ATVPDKIKX0DER'>]]` "
                "is not a collection of marketplaces",
            ),
            (["US"], "`'US'` is not a Marketplace"),
        ],
    )
    def test_active_in(self, value, message):
        with pytest.raises(InvalidValueError) as error:
            split_subscription(SELLER, DAY, value)
        assert error.value.field == "active_in"
        assert str(error.value) == f"active_in: {message}"

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (b"US", "`b'US'` is not a collection"),
            (
                [{US}],
                "`[{<Marketplace.US: 'ATVPDKIKX0DER'>}]` "
                "is not a collection of marketplaces",
            ),
            ([US, 1], "`1` is not a Marketplace"),
        ],
    )
    def test_the_activity_of_a_day(self, value, message):
        with pytest.raises(InvalidValueError) as error:
            audit_subscription_charges([], active_on={DAY: value})
        assert error.value.field == "active_on.2026-07-15"
        assert str(error.value) == f"active_on.2026-07-15: {message}"

    def test_a_share_in_the_wrong_currency_quotes_it(self):
        wrong = Money("1.00", "USD")
        with pytest.raises(InvalidValueError) as error:
            split_subscription(SELLER, DAY, {CA}, division={CA: wrong})
        assert error.value.field == "division.CA"
        assert str(error.value) == (
            f"division.CA: `{wrong!r}` is not money in `CAD`"
        )


class TestAuditRates:
    """The cap is checked at the caller's rate, either way round."""

    def test_only_the_rate_from_usd_is_inverted(self):
        """CAD 50.00 at USD 1 = CAD 1.25 is USD 40.00: over the cap."""
        rates = ConversionRates([ConversionRate("USD", "CAD", "1.25")])
        audit = audit_subscription_charges(
            [_charge(CA, DAY, "50.00")], active_on={DAY: {CA}}, rates=rates
        )
        (reason,) = audit.reasons
        assert reason.message_id == "single-subscription.audit-over-cap"
        assert reason.param("total") == Money("40.00", "USD")

    def test_just_under_the_cap_through_the_inverse_rate(self):
        """CAD 49.98 / 1.25 = USD 39.984: within USD 39.99."""
        rates = ConversionRates([ConversionRate("USD", "CAD", "1.25")])
        audit = audit_subscription_charges(
            [_charge(CA, DAY, "49.98")], active_on={DAY: {CA}}, rates=rates
        )
        assert audit.allowed
