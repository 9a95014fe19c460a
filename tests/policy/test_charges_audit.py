"""Auditing what Amazon booked: each money rule judges a charge."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    SPLIT_SUBSCRIPTION,
    BankAccount,
    Charge,
    ChargeKind,
    ConversionRate,
    ConversionRates,
    Deposit,
    Marketplace,
    Money,
    Outcome,
    PerItemFee,
    RuleKey,
    Sale,
    audit_charges,
)
from unified_account.policy._subscription_charges import edition_on
from unified_account.snapshot import example_snapshot

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
# A US-home seller whose every marketplace pays out to its US dollar bank.
SELLER = attrs.evolve(example_snapshot().account, info_overrides={})


def _with_ca_bank(bank):
    """The example seller with Amazon.ca's bank account ``bank``."""
    account = example_snapshot().account
    info = attrs.evolve(account.info_overrides[CA], bank=bank)
    return attrs.evolve(account, info_overrides={CA: info})


PRICES = {
    US: Money("20.00", "USD"),
    CA: Money("27.00", "CAD"),
    MX: Money("400.00", "MXN"),
}
SCHEDULES = [PerItemFee(marketplace=m, rate="0.15") for m in PRICES]


def subscription(day, amount="-39.99", currency="USD", source="s.txt: line 9"):
    """A subscription line as a settlement books it."""
    return Charge(
        booked_on=day,
        marketplace=None,
        amount=Money(amount, currency),
        kind=ChargeKind.SUBSCRIPTION,
        description="Subscription Fee",
        source=source,
    )


def referral(
    marketplace,
    order,
    amount,
    currency=None,
    day=date(2020, 5, 15),
    source=None,
):
    """A Commission line of an order sold on ``marketplace``."""
    return Charge(
        booked_on=day,
        marketplace=marketplace,
        marketplace_name=marketplace.display_name,
        amount=Money(amount, currency or marketplace.currency),
        kind=ChargeKind.REFERRAL_FEE,
        description="Commission",
        source=source or f"{marketplace.name}.txt: line 4",
        order_id=order,
        sku="MUG-1",
    )


def audit(charges, **more):
    """``audit_charges`` for the US-home seller."""
    return audit_charges(charges, account=SELLER, **more)


def keys(result):
    """``(message id, outcome)`` of each finding."""
    return [(f.reason.message_id, f.outcome) for f in result.findings]


class TestDoneWhen:
    """The three cases the audit exists for."""

    def test_a_double_subscription_before_2021_is_a_warning(self):
        """Two charges in March 2020: the second is in question."""
        result = audit(
            [
                subscription(date(2020, 3, 2)),
                subscription(date(2020, 3, 20), source="s.txt: line 30"),
            ]
        )
        (finding,) = result.findings
        assert (
            finding.reason.message_id == "single-subscription.charge-repeated"
        )
        assert finding.outcome is Outcome.DENIED
        params = dict(finding.reason.params)
        assert params["source"] == "s.txt: line 30"
        assert params["edition"] == "faq"
        assert params["first"] == Money("39.99", "USD")
        (line,) = result.summaries
        assert (line.currency, line.audited, line.in_question) == (
            "USD",
            2,
            Money("39.99", "USD"),
        )

    def test_a_referral_fee_in_usd_for_an_amazon_ca_order_is_a_warning(self):
        """Per-item fees are those of the marketplace where it sold."""
        result = audit([referral(CA, "702-1", "-4.05", currency="USD")])
        assert keys(result) == [
            (
                "per-item-fees-by-sale-marketplace.charge-currency",
                Outcome.DENIED,
            )
        ]
        params = dict(result.findings[0].reason.params)
        assert (params["order"], params["currency"]) == ("702-1", "CAD")

    def test_a_correct_amazon_com_mx_fee_in_mxn_gives_nothing(self):
        """Right currency, right amount by the caller's schedule."""
        result = audit(
            [referral(MX, "701-1", "-60.00")],
            per_item_fees=SCHEDULES,
            sales=[Sale(marketplace=MX, price=PRICES[MX], reference="701-1")],
        )
        assert result.findings == ()
        assert result.warnings == ()


class TestSingleSubscription:
    """Month by month, by the edition in force on the charge's date."""

    def test_one_charge_a_month_by_the_home_schedule_is_silent(self):
        """A refunded extra charge cancels out."""
        result = audit(
            [
                subscription(date(2020, 4, 2)),
                subscription(date(2020, 4, 3)),
                subscription(date(2020, 4, 9), amount="39.99"),
                subscription(date(2020, 5, 2)),
            ]
        )
        assert result.findings == ()

    def test_a_refund_matching_no_charge_cancels_nothing(self):
        """A lone refund, or one of another amount, leaves the month be."""
        result = audit(
            [
                subscription(date(2020, 4, 9), amount="39.99"),
                subscription(date(2020, 5, 2)),
                subscription(date(2020, 5, 9), amount="10.00"),
            ]
        )
        assert result.findings == ()

    def test_another_currency_or_amount_is_a_warning(self):
        """CAD for a US home; USD 49.99 where the schedule says 39.99."""
        result = audit(
            [
                subscription(date(2020, 6, 2), "-29.99", "CAD"),
                subscription(date(2020, 7, 2), "-49.99"),
            ]
        )
        assert keys(result) == [
            ("single-subscription.charge-currency", Outcome.DENIED),
            ("single-subscription.charge-amount", Outcome.DENIED),
        ]
        assert dict(result.findings[1].reason.params)["expected"] == Money(
            "39.99", "USD"
        )

    def test_a_home_with_no_known_fee_is_not_compared(self):
        """A schedule without the home marketplace: nothing to compare."""
        from unified_account import SubscriptionFee, SubscriptionFeeSchedule

        schedule = SubscriptionFeeSchedule(
            [
                SubscriptionFee(
                    marketplace=CA,
                    amount=Money("29.99", "CAD"),
                    effective=None,
                    source="test",
                    confirmed=True,
                )
            ]
        )
        result = audit(
            [subscription(date(2020, 6, 2), "-1.00")], schedule=schedule
        )
        assert result.findings == ()

    def test_the_split_terms_judge_charges_from_august_2021(self):
        """Without the listings' activity, undetermined; with it, judged."""
        august = date(2021, 8, 2)
        charges = [subscription(august)]
        undetermined = audit(charges)
        assert keys(undetermined) == [
            ("single-subscription.charge-undetermined", Outcome.UNDETERMINED)
        ]
        assert dict(undetermined.findings[0].reason.params)["edition"] == (
            "split-subscription"
        )
        assert undetermined.summaries[0].undetermined == 1
        assert audit(charges, active_on={august: {US}}).findings == ()
        breach = audit(charges, active_on={august: {CA}})
        assert [f.outcome for f in breach.findings] == [Outcome.DENIED]
        assert breach.findings[0].reason.message_id == (
            "single-subscription.audit-charged-without-active-listings"
        )
        # The finding names its charge (and so its source) and the edition.
        assert breach.findings[0].charge == charges[0]
        assert dict(breach.findings[0].reason.params)["edition"] == (
            "split-subscription"
        )

    def test_a_split_charge_in_another_currency_is_a_warning(self):
        """An Amazon.ca charge in USD breaks the split terms too."""
        charge = attrs.evolve(subscription(date(2022, 1, 3)), marketplace=CA)
        result = audit([charge], active_on={date(2022, 1, 3): {CA}})
        assert keys(result) == [
            ("single-subscription.charge-currency", Outcome.DENIED)
        ]

    def test_a_split_charge_in_a_currency_of_no_marketplace_is_open(self):
        """EUR names no marketplace of the account: undetermined."""
        result = audit(
            [subscription(date(2022, 1, 3), "-30.00", "EUR")],
            active_on={date(2022, 1, 3): {US}},
        )
        assert [f.outcome for f in result.findings] == [Outcome.UNDETERMINED]

    @pytest.mark.parametrize(
        ("day", "edition", "expected"),
        [
            (date(2021, 7, 31), FAQ, FAQ),
            (date(2021, 8, 1), FAQ, SPLIT_SUBSCRIPTION),
            (date(2021, 7, 31), SPLIT_SUBSCRIPTION, FAQ),
            (date(2021, 8, 1), SPLIT_SUBSCRIPTION, SPLIT_SUBSCRIPTION),
        ],
    )
    def test_the_date_decides_the_edition(self, day, edition, expected):
        """The split subscription's start is dated; the rest stands."""
        assert expected is edition_on(day, edition)


class TestPerItemFees:
    """The currency of the sale's marketplace; the amount by its schedule."""

    def test_a_fee_off_the_schedule_is_a_warning_with_both_amounts(self):
        """USD 3.50 where 15% of USD 20.00 is USD 3.00."""
        result = audit(
            [referral(US, "111-1", "-3.50")],
            per_item_fees=SCHEDULES,
            sales=[
                Sale(marketplace=US, price=PRICES[US], reference="111-1/MUG-1")
            ],
        )
        (finding,) = result.findings
        assert finding.reason.message_id == (
            "per-item-fees-by-sale-marketplace.charge-amount"
        )
        params = dict(finding.reason.params)
        assert (params["amount"], params["expected"]) == (
            Money("3.50", "USD"),
            Money("3.00", "USD"),
        )

    def test_one_minor_unit_is_the_currencys_rounding(self):
        """USD 3.01 for 3.00 passes; a refund is not added."""
        result = audit(
            [referral(US, "111-1", "-3.01"), referral(US, "111-1", "1.00")],
            per_item_fees=SCHEDULES,
            sales=[Sale(marketplace=US, price=PRICES[US], reference="111-1")],
        )
        assert result.findings == ()

    def test_a_sale_of_another_marketplace_or_no_schedule_is_not_compared(
        self,
    ):
        """The amount is checked only against the sale's own schedule."""
        sale = Sale(marketplace=CA, price=PRICES[CA], reference="111-1")
        assert (
            audit(
                [referral(US, "111-1", "-9.00")],
                per_item_fees=SCHEDULES,
                sales=[sale],
            ).findings
            == ()
        )
        assert (
            audit([referral(US, "111-1", "-9.00")], sales=[sale]).findings
            == ()
        )

    def test_a_wrong_currency_is_not_also_a_wrong_amount(self):
        """One planted error, one finding: the order's sum is not judged."""
        closing = attrs.evolve(
            referral(CA, "702-1", "-0.50"), kind=ChargeKind.PER_ITEM_FEE
        )
        result = audit(
            [referral(CA, "702-1", "-4.05", currency="USD"), closing],
            per_item_fees=SCHEDULES,
            sales=[Sale(marketplace=CA, price=PRICES[CA], reference="702-1")],
        )
        assert keys(result) == [
            (
                "per-item-fees-by-sale-marketplace.charge-currency",
                Outcome.DENIED,
            )
        ]

    def test_a_fee_without_a_marketplace_is_undetermined(self):
        """The record does not say where the item sold."""
        charge = attrs.evolve(referral(US, "111-1", "-3.00"), marketplace=None)
        result = audit([charge])
        assert keys(result) == [
            (
                "per-item-fees-by-sale-marketplace.charge-undetermined",
                Outcome.UNDETERMINED,
            )
        ]

    def test_fulfilment_and_other_charges_are_not_judged(self):
        """Only the subscription and per-item fees are rules' matter."""
        fba = attrs.evolve(
            referral(CA, "1", "-3.00", currency="USD"),
            kind=ChargeKind.FULFILLMENT_FEE,
        )
        result = audit([fba])
        assert (result.findings, result.summaries) == ((), ())


class TestConflicts:
    """One booking, two files, two amounts."""

    def test_a_conflict_is_reported_and_the_first_reading_judged(self):
        """The settlement says 4.05, the API 4.50: one finding."""
        first = referral(CA, "702-1", "-4.05", source="s.txt: line 4")
        second = attrs.evolve(
            first, amount=Money("-4.50", "CAD"), source="api.json: x"
        )
        same_file = attrs.evolve(second, source="s.txt: line 9")
        result = audit([first, second, same_file])
        assert keys(result) == [
            (
                "per-item-fees-by-sale-marketplace.charge-conflict",
                Outcome.DENIED,
            )
        ]
        sub = subscription(date(2020, 1, 2), source="s.txt: line 3")
        other = attrs.evolve(
            sub, amount=Money("-40.00", "USD"), source="e.json: y"
        )
        assert keys(audit([sub, other])) == [
            ("single-subscription.charge-conflict", Outcome.DENIED)
        ]

    def test_charges_no_rule_judges_are_not_compared(self):
        """Two readings of an FBA fee: no rule of the FAQ speaks of it."""
        fba = attrs.evolve(
            referral(CA, "702-1", "-3.00", source="s.txt: line 5"),
            kind=ChargeKind.FULFILLMENT_FEE,
        )
        other = attrs.evolve(
            fba, amount=Money("-3.50", "CAD"), source="api.json: x"
        )
        assert audit([fba, other]).findings == ()


def deposit(amount, currency, marketplace=None):
    """A settlement total."""
    return Deposit(
        settlement_id="1001",
        amount=Money(amount, currency),
        source="s.txt: line 2",
        deposited_on=date(2020, 1, 28),
        marketplace=marketplace,
    )


class TestLocalPayout:
    """A deposit's currency against the bank account it is paid to."""

    @pytest.mark.parametrize(
        "paid",
        [
            deposit("10.00", "USD", US),
            deposit("10.00", "CAD", CA),
            deposit("10.00", "USD", CA),
            deposit("10.00", "MXN"),
        ],
    )
    def test_local_or_bank_currency_is_silent(self, paid):
        """Direct, or converted through ACCS."""
        assert audit([], deposits=[paid]).findings == ()

    def test_a_currency_the_bank_cannot_receive_is_a_warning(self):
        """MXN deposited for Amazon.ca, whose bank takes USD."""
        result = audit([], deposits=[deposit("10.00", "MXN", CA)])
        assert keys(result) == [
            ("local-payout.deposit-currency", Outcome.DENIED)
        ]
        assert result.summaries[0].in_question == Money("10.00", "MXN")

    def test_a_bank_country_amazon_does_not_pay_is_a_warning(self):
        """The caller's list of countries leaves the US bank out."""
        result = audit(
            [], deposits=[deposit("10.00", "USD", US)], bank_countries=["CA"]
        )
        assert [f.outcome for f in result.findings] == [Outcome.DENIED]

    @pytest.mark.parametrize(
        ("paid", "account"),
        [
            (deposit("10.00", "EUR"), SELLER),
            (
                deposit("10.00", "USD", US),
                attrs.evolve(
                    SELLER,
                    registration_info=attrs.evolve(
                        SELLER.registration_info, bank=None
                    ),
                ),
            ),
            # A Canadian deposit to a bank in a third country: a bank in
            # Amazon.ca's own country and currency is paid directly.
            (
                deposit("10.00", "CAD", CA),
                _with_ca_bank(
                    BankAccount(
                        country="HK", currency="USD", masked_id="****0002"
                    )
                ),
            ),
        ],
        ids=["no-marketplace", "bank-unknown", "other-bank-undetermined"],
    )
    def test_an_unknown_route_is_undetermined(self, paid, account):
        """No marketplace, no bank account, or a route not known."""
        result = audit_charges([], account=account, deposits=[paid])
        assert keys(result) == [
            ("local-payout.deposit-undetermined", Outcome.UNDETERMINED)
        ]
        assert result.summaries[0].undetermined == 1


MONTHS = st.dates(min_value=date(2015, 1, 1), max_value=date(2021, 7, 28)).map(
    lambda d: d.replace(day=1)
)


@st.composite
def correct_books(draw):
    """A set of correct charges: a subscription a month, fees by schedule."""
    months = draw(st.lists(MONTHS, unique=True, max_size=4))
    charges = [subscription(m.replace(day=2)) for m in months]
    sales = []
    for number, marketplace in enumerate(
        draw(st.lists(st.sampled_from([US, CA, MX]), max_size=5))
    ):
        units = draw(st.integers(1, 10**6))
        price = Money(Decimal(units).scaleb(-2), marketplace.currency)
        order = f"{number:03d}-0000000-0000000"
        sales.append(
            Sale(marketplace=marketplace, price=price, reference=order)
        )
        fee = SCHEDULES[[US, CA, MX].index(marketplace)].fee_for(price)
        charges.append(referral(marketplace, order, str(-fee.amount)))
    return charges, sales


class TestProperties:
    """Correct books are silent; one planted error is one warning."""

    @given(correct_books())
    def test_any_correct_set_of_charges_gives_no_warning(self, books):
        """Whatever the months and sales."""
        charges, sales = books
        result = audit(charges, per_item_fees=SCHEDULES, sales=sales)
        assert result.findings == ()

    @given(correct_books(), st.data())
    def test_any_single_planted_error_gives_exactly_one_warning(
        self, books, data
    ):
        """A repeated subscription, a wrong currency, or a wrong amount."""
        charges, sales = books
        fees = [c for c in charges if c.kind is ChargeKind.REFERRAL_FEE]
        subs = [c for c in charges if c.kind is ChargeKind.SUBSCRIPTION]
        plants = []
        if subs:
            plants.append("repeat")
        if fees:
            plants += ["currency", "amount"]
        if not plants:
            return
        plant = data.draw(st.sampled_from(plants))
        if plant == "repeat":
            extra = attrs.evolve(
                data.draw(st.sampled_from(subs)), source="x.txt: line 1"
            )
            charges = [
                *charges,
                attrs.evolve(extra, booked_on=extra.booked_on.replace(day=20)),
            ]
        else:
            victim = data.draw(st.sampled_from(fees))
            other = "USD" if victim.amount.currency != "USD" else "CAD"
            if plant == "currency":
                wrong = attrs.evolve(
                    victim, amount=Money(victim.amount.amount, other)
                )
            else:
                wrong = attrs.evolve(
                    victim,
                    amount=victim.amount
                    - Money(Decimal("0.50"), victim.amount.currency),
                )
            charges = [wrong if c is victim else c for c in charges]
        result = audit(charges, per_item_fees=SCHEDULES, sales=sales)
        assert len(result.findings) == 1
        assert result.findings[0].outcome is Outcome.DENIED
        assert len(result.warnings) == 1


def test_rates_reach_the_split_cap():
    """Two marketplaces' charges over the cap at the caller's rates."""
    day = date(2022, 3, 1)
    charges = [
        subscription(day),
        attrs.evolve(
            subscription(day, "-10.00", "CAD", source="s.txt: line 12"),
            marketplace=CA,
        ),
    ]
    rates = ConversionRates([ConversionRate("CAD", "USD", Decimal("0.75"))])
    result = audit(charges, active_on={day: {US, CA}}, rates=rates)
    assert [f.reason.rule for f in result.findings] == [
        RuleKey.SINGLE_SUBSCRIPTION
    ]
    assert (
        result.findings[0].reason.message_id
        == "single-subscription.audit-over-cap"
    )
    # A month's total names the edition and every charge's source.
    params = dict(result.findings[0].reason.params)
    assert params["edition"] == "split-subscription"
    assert params["sources"] == ("s.txt: line 12", "s.txt: line 9")
    assert result.findings[0].charge is None
