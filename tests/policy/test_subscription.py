"""single-subscription: one charge for North America, by the home schedule."""

from datetime import UTC, date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    SPLIT_SUBSCRIPTION,
    Marketplace,
    Money,
    RuleKey,
    SplitSubscription,
    SubscriptionBilling,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.data import bundled_subscription_fees
from unified_account.decision import Term
from unified_account.i18n import render_reason
from unified_account.model.account import SellingPlan
from unified_account.policy.subscription import (
    subscription_billing,
    subscription_charge,
)

SCOPE = frozenset(FAQ.scope)
JULY = date(2026, 7, 15)
professional_accounts = ua.seller_accounts(
    plans=ua.selling_plans(professional=True),
    homes=ua.marketplaces(in_scope=True),
)
after_schedule_start = st.dates(
    min_value=date(2021, 8, 1), max_value=date(2035, 12, 31)
)


class TestFaqExamples:
    """The FAQ's own example and its siblings for the other homes."""

    def test_a_seller_registered_on_amazon_com_pays_one_usd_39_99_charge(self):
        """Selling in all three marketplaces, one Amazon.com subscription."""
        account = example_snapshot().account
        charge = subscription_charge(account, JULY)
        assert charge.value.amount == Money("39.99", "USD")
        assert charge.value.covers == (
            Marketplace.US,
            Marketplace.CA,
            Marketplace.MX,
        )
        assert charge.rules == {RuleKey.SINGLE_SUBSCRIPTION}
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.one-charge"
        ]

    def test_a_seller_registered_on_amazon_com_mx_pays_mxn_tax_unconfirmed(
        self,
    ):
        """The MXN 600 amount (before 2026) carries a caveat about tax."""
        account = attrs.evolve(example_snapshot().account, home=Marketplace.MX)
        charge = subscription_charge(account, date(2025, 7, 15))
        assert charge.value.amount == Money("600.00", "MXN")
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.one-charge",
            "single-subscription.start-unknown",
            "single-subscription.tax-unconfirmed",
        ]

    def test_a_2026_mexican_charge_is_not_stated_as_mxn_600(self):
        """Issue 17: ``subscription_charge(mx_account, date(2026, 7, 15))``.

        Amazon.com.mx changed its plan in 2026 (Mexican press, February
        2026: new sellers 12 months free, then MXN 75 a month below MXN
        26,000 of monthly sales); Amazon's page still shows MXN 600.  The
        charge is undetermined, with both figures and the source's kind.
        """
        account = attrs.evolve(example_snapshot().account, home=Marketplace.MX)
        charge = subscription_charge(account, JULY)
        assert charge.value is None
        changed, unconfirmed = charge.reasons
        assert changed.message_id == "single-subscription.plan-changed"
        assert dict(changed.params) == {
            "home": Marketplace.MX,
            "billed_on": JULY,
            "reported": date(2026, 2, 1),
            "free_months": 12,
            "amount": Money("75.00", "MXN"),
            "below": Money("26000.00", "MXN"),
            "listed": Money("600.00", "MXN"),
            "source": Term("term.fee-source.press"),
        }
        assert unconfirmed.message_id == (
            "single-subscription.amount-unconfirmed"
        )
        assert render_reason(changed, "en") == (
            "Amazon.com.mx changed its Professional plan (source: press "
            "reports, February 1, 2026): new sellers pay nothing for 12 "
            "months, then MX$75.00 a month while their monthly sales stay "
            "below MX$26,000.00; the fee schedule still shows MX$600.00, so "
            "the amount charged on July 15, 2026 is not known"
        )
        before = subscription_charge(account, date(2026, 1, 31))
        assert before.value.amount == Money("600.00", "MXN")

    def test_a_confirmed_plan_change_needs_no_caveat(self):
        """A caller's confirmed change: ``plan-changed`` alone."""
        from unified_account.model.fees import (
            FeeSource,
            SubscriptionFeeSchedule,
            SubscriptionPlanChange,
        )

        bundled = bundled_subscription_fees()
        change = SubscriptionPlanChange(
            marketplace=Marketplace.US,
            reported=date(2026, 1, 1),
            free_months=3,
            amount=Money("9.99", "USD"),
            below_sales=Money("1000.00", "USD"),
            source="a caller's note",
            source_kind=FeeSource.ANNOUNCEMENT,
            confirmed=True,
        )
        schedule = SubscriptionFeeSchedule(bundled.entries, changes=[change])
        charge = subscription_charge(
            example_snapshot().account, JULY, schedule=schedule
        )
        assert charge.value is None
        (reason,) = charge.reasons
        assert reason.message_id == "single-subscription.plan-changed"
        assert reason.param("source") == Term("term.fee-source.announcement")
        assert reason.param("listed") == Money("39.99", "USD")

    @pytest.mark.parametrize(
        "locale", ["zh_Hant", "zh_Hans", "es_MX", "fr_CA"]
    )
    @pytest.mark.parametrize("home", [Marketplace.CA, Marketplace.MX])
    def test_the_fee_datas_english_remarks_never_reach_a_locale(
        self, locale, home
    ):
        """Issue 17: "not checked against the page; no date found".

        The sources are named by their kind, from the catalogs; the
        data's own English text stays in the data.
        """
        account = attrs.evolve(example_snapshot().account, home=home)
        schedule = bundled_subscription_fees()
        for day in (date(2025, 7, 15), JULY):
            charge = subscription_charge(account, day)
            text = " ".join(render_reason(r, locale) for r in charge.reasons)
            for english in (
                "not checked",
                "no date found",
                "fee schedule",
                "press reports",
                "Selling on Amazon",
            ):
                assert english not in text, (locale, text)
            for entry in (*schedule.entries, *schedule.changes):
                assert entry.source not in text

    def test_a_seller_registered_on_amazon_ca_gets_an_unconfirmed_cad_amount(
        self,
    ):
        """CAD 29.99 is not confirmed, and the charge says so."""
        account = attrs.evolve(example_snapshot().account, home=Marketplace.CA)
        charge = subscription_charge(account, JULY)
        assert charge.value.amount == Money("29.99", "CAD")
        assert not charge.value.fee.confirmed
        assert "single-subscription.amount-unconfirmed" in [
            r.message_id for r in charge.reasons
        ]

    def test_an_individual_account_pays_no_subscription(self):
        """The Individual plan has no monthly subscription."""
        individual = example_snapshot().separate_accounts[0]
        charge = subscription_charge(individual, JULY)
        assert charge.value is None
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.individual"
        ]

    def test_the_faq_era_is_answered_with_its_start_unknown(self):
        """Issue 9: the FAQ's own period, before August 2021, has a fee.

        FAQ: "如果您最初註冊在Amazon.com上開店，則您的月租金會在Amazon.com
        費用價目表中列出".  No source dates the USD 39.99 amount's start,
        so the data say so, and the charge carries a `start-unknown`
        reason instead of refusing.
        """
        charge = subscription_charge(
            example_snapshot().account, date(2016, 3, 1)
        )
        assert charge.value.amount == Money("39.99", "USD")
        assert charge.value.fee.effective is None
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.one-charge",
            "single-subscription.start-unknown",
        ]

    def test_a_month_before_a_callers_schedule_is_undetermined(self):
        """A dated schedule that starts later does not answer earlier."""
        schedule = attrs.evolve(
            bundled_subscription_fees(),
            entries=[
                attrs.evolve(e, effective=date(2021, 8, 1))
                for e in bundled_subscription_fees().entries
            ],
        )
        charge = subscription_charge(
            example_snapshot().account, date(2021, 7, 31), schedule=schedule
        )
        assert charge.value is None
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.fee-unknown"
        ]

    def test_an_account_registered_on_amazon_de_is_denied(self):
        """No NA subscription for a German registration, and no exception.

        FAQ: "北美聯合帳戶僅提供給在 Amazon.com、Amazon.ca 或 Amazon.com.mx
        上註冊的賣家".
        """
        german = example_snapshot().separate_accounts[1]
        charge = subscription_charge(german, JULY)
        assert charge.value is None
        assert charge.rules == {
            RuleKey.SINGLE_SUBSCRIPTION,
            RuleKey.EU_DISTINCT,
        }
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.outside-scope",
            "eu-distinct.registered-elsewhere",
        ]


class TestSplitSubscriptionEdition:
    """From 2021-08-01 the split terms answer; nothing raises."""

    def test_without_the_active_marketplaces_the_split_is_undetermined(
        self,
    ):
        """Which marketplaces are charged depends on that day's listings."""
        charge = subscription_charge(
            example_snapshot().account, JULY, edition=SPLIT_SUBSCRIPTION
        )
        assert charge.value is None
        assert [r.message_id for r in charge.reasons] == [
            "single-subscription.split-activity-unknown"
        ]

    def test_with_the_active_marketplaces_each_one_is_charged(self):
        """Charged in US and CA, in USD and CAD; the shares are open."""
        charge = subscription_charge(
            example_snapshot().account,
            JULY,
            edition=SPLIT_SUBSCRIPTION,
            active_in={Marketplace.US, Marketplace.CA},
            rates=example_snapshot().rates,
        )
        assert charge.value.charged_in == (Marketplace.US, Marketplace.CA)
        assert [s.amount for s in charge.value.shares] == [None, None]

    def test_before_its_start_the_split_edition_bills_by_the_home_schedule(
        self,
    ):
        """Until 2021-08-01 the FAQ's billing still applies."""
        day = date(2021, 7, 31)
        assert (
            subscription_billing(day, edition=SPLIT_SUBSCRIPTION)
            is SubscriptionBilling.HOME_MARKETPLACE
        )
        assert (
            subscription_billing(date(2021, 8, 1), edition=SPLIT_SUBSCRIPTION)
            is SubscriptionBilling.SPLIT
        )
        schedule = attrs.evolve(
            bundled_subscription_fees(),
            entries=[
                attrs.evolve(e, effective=date(2020, 1, 1))
                for e in bundled_subscription_fees().entries
            ],
        )
        charge = subscription_charge(
            example_snapshot().account,
            day,
            schedule=schedule,
            edition=SPLIT_SUBSCRIPTION,
        )
        assert charge.value.amount == Money("39.99", "USD")


@given(
    professional_accounts,
    after_schedule_start,
    st.frozensets(ua.marketplaces(in_scope=True)),
)
def test_one_charge_from_the_home_schedule_whatever_the_marketplaces(
    account, day, others
):
    """The charge depends on the home and the date, never on the others.

    From a reported plan change of the home (Amazon.com.mx, 2026) the
    charge is undetermined: no value, the ``plan-changed`` reason first.
    """
    schedule = bundled_subscription_fees()
    resolved = subscription_charge(account, day)
    more = attrs.evolve(
        account, marketplaces=others | {account.home}, info_overrides={}
    )
    if schedule.change_on(account.home, day) is not None:
        assert resolved.value is None
        assert resolved.reasons[0].message_id == (
            "single-subscription.plan-changed"
        )
        assert subscription_charge(more, day) == resolved
        return
    charge = resolved.value
    assert charge.amount == schedule.fee_on(account.home, day).amount
    assert charge.amount.currency == account.home.currency
    assert subscription_charge(more, day).value.amount == charge.amount


@given(
    professional_accounts,
    ua.subscription_fee_schedules(marketplaces=st.just(SCOPE)),
    st.data(),
)
def test_a_caller_schedule_is_used_instead_of_the_bundled_one(
    account, schedule, data
):
    """With any schedule, the charge is the home's entry in effect."""
    starts = [
        e.effective for e in schedule.entries if e.marketplace is account.home
    ]
    first = date(2015, 1, 1) if None in starts else min(starts)
    day = data.draw(st.dates(min_value=first, max_value=date(2036, 1, 1)))
    charge = subscription_charge(account, day, schedule=schedule)
    assert charge.value.fee == schedule.fee_on(account.home, day)
    assert charge.value.amount.currency == account.home.currency
    assert charge.rules == {RuleKey.SINGLE_SUBSCRIPTION}
    assert (
        "single-subscription.amount-unconfirmed"
        in [r.message_id for r in charge.reasons]
    ) is (not charge.value.fee.confirmed)


@given(
    ua.seller_accounts(plans=ua.selling_plans(professional=False)),
    after_schedule_start,
)
def test_individual_accounts_never_pay_a_subscription(account, day):
    """Whatever the home, an Individual plan has no charge."""
    charge = subscription_charge(account, day)
    assert charge.value is None
    assert charge.rules == {RuleKey.SINGLE_SUBSCRIPTION}


def test_the_plan_is_professional_in_the_bundled_examples():
    """Guards the examples above: the example account is Professional."""
    assert example_snapshot().account.plan is SellingPlan.PROFESSIONAL


@given(
    professional_accounts,
    st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
)
def test_the_split_edition_never_bills_the_faq_way_from_its_start(
    account, day
):
    """From 2021-08-01 the split terms answer; before, home billing."""
    schedule = bundled_subscription_fees()
    if day >= date(2021, 8, 1):
        charge = subscription_charge(
            account,
            day,
            schedule=schedule,
            edition=SPLIT_SUBSCRIPTION,
            active_in={account.home},
        )
        assert isinstance(charge.value, SplitSubscription)
        assert charge.value.charged_in == (account.home,)
    else:
        charge = subscription_charge(
            account, day, schedule=schedule, edition=SPLIT_SUBSCRIPTION
        )
        assert charge.value.amount == schedule.fee_on(account.home, day).amount


def test_a_moment_is_refused_as_the_billing_day():
    """A ``datetime`` is no calendar day: the field ``billed_on``."""
    from datetime import datetime

    from unified_account import (
        InvalidValueError,
        example_snapshot,
        subscription_billing,
        subscription_charge,
    )

    moment = datetime(2026, 7, 1, 12, tzinfo=UTC)
    with pytest.raises(InvalidValueError) as error:
        subscription_billing(moment)
    assert error.value.field == "billed_on"
    with pytest.raises(InvalidValueError) as error:
        subscription_charge(example_snapshot().account, moment)
    assert error.value.field == "billed_on"


def test_an_individual_account_pays_no_subscription_in_words():
    """``single-subscription.individual``, rendered with the home."""
    from datetime import date

    from unified_account import example_snapshot, subscription_charge
    from unified_account.i18n import render_reason

    individual = example_snapshot().separate_accounts[0]
    charge = subscription_charge(individual, date(2026, 7, 1))
    assert charge.value is None
    assert [render_reason(r, "en") for r in charge.reasons] == [
        "The account registered on Amazon.ca is on the Individual selling "
        "plan, which has no monthly Professional subscription"
    ]
