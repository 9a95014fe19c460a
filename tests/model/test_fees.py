"""Fee values: dated subscription schedules, per-item fees, sales."""

import contextlib
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    InvalidValueError,
    Marketplace,
    MissingDataError,
    Money,
)
from unified_account import strategies as ua
from unified_account.errors import UnifiedAccountError
from unified_account.model.fees import (
    PerItemFee,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
)

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX


def fee(marketplace=US, amount="39.99", effective=date(2021, 8, 1), **kw):
    return SubscriptionFee(
        marketplace=marketplace,
        amount=Money(amount, marketplace.currency),
        effective=effective,
        source=kw.pop("source", "fee schedule"),
        confirmed=kw.pop("confirmed", True),
        **kw,
    )


class TestSubscriptionFeeSchedule:
    """A dated schedule answers for a date, or says it cannot."""

    def test_the_entry_in_effect_is_the_latest_on_or_before_the_day(self):
        """A later entry replaces an earlier one from its date on."""
        old, new = (
            fee(amount="39.99"),
            fee(amount="44.99", effective=date(2027, 1, 1)),
        )
        schedule = SubscriptionFeeSchedule([new, old])
        assert schedule.fee_on(US, date(2026, 12, 31)) == old
        assert schedule.fee_on(US, date(2027, 1, 1)) == new

    def test_a_date_before_the_first_entry_is_an_error_not_a_guess(self):
        """The schedule never extrapolates backwards."""
        schedule = SubscriptionFeeSchedule([fee()])
        with pytest.raises(
            MissingDataError, match=r"`US`.*`2021-07-31`.*`2021-08-01`"
        ):
            schedule.fee_on(US, date(2021, 7, 31))

    def test_a_marketplace_without_entries_is_an_error(self):
        """No other marketplace's fee stands in."""
        with pytest.raises(MissingDataError, match="no entry for `MX`"):
            SubscriptionFeeSchedule([fee()]).fee_on(MX, date(2026, 1, 1))

    def test_two_entries_for_one_marketplace_and_date_are_refused(self):
        """Which one would apply would be a guess."""
        with pytest.raises(InvalidValueError, match="two `US` entries"):
            SubscriptionFeeSchedule([fee(), fee(amount="1.00")])

    def test_an_amount_in_another_currency_is_refused(self):
        """Each marketplace's fee is in its own currency."""
        with pytest.raises(InvalidValueError, match="`CAD`") as error:
            SubscriptionFee(
                marketplace=CA,
                amount=Money("29.99", "USD"),
                effective=date(2021, 8, 1),
                source="x",
                confirmed=False,
            )
        assert error.value.field == "amount"

    @given(ua.subscription_fee_schedules(), st.data())
    def test_every_answer_is_an_entry_in_effect(self, schedule, data):
        """fee_on returns the latest entry not after the day, or raises.

        An entry whose start is unknown counts as before every day.
        """
        marketplace = data.draw(
            st.sampled_from(
                sorted(schedule.marketplaces, key=list(Marketplace).index)
            )
        )
        day = data.draw(
            st.dates(min_value=date(2014, 1, 1), max_value=date(2036, 1, 1))
        )
        dated = [e for e in schedule.entries if e.marketplace is marketplace]
        earliest = date.min
        earlier = [e for e in dated if (e.effective or earliest) <= day]
        if not earlier:
            with pytest.raises(MissingDataError):
                schedule.fee_on(marketplace, day)
        else:
            assert schedule.fee_on(marketplace, day) == max(
                earlier, key=lambda e: e.effective or earliest
            )

    def test_two_entries_of_unknown_start_are_refused(self):
        """Only one amount can be the earliest known."""
        entry = SubscriptionFee(
            marketplace=US,
            amount=Money("39.99", "USD"),
            effective=None,
            source="test",
            confirmed=True,
        )
        later = attrs.evolve(entry, amount=Money("1.00", "USD"))
        with pytest.raises(InvalidValueError, match="take effect on `None`"):
            SubscriptionFeeSchedule([entry, later])

    def test_an_attested_date_before_the_start_is_refused(self):
        """A source cannot show an amount in effect before it started."""
        with pytest.raises(InvalidValueError) as error:
            SubscriptionFee(
                marketplace=US,
                amount=Money("39.99", "USD"),
                effective=date(2021, 8, 1),
                attested=date(2021, 7, 1),
                source="test",
                confirmed=True,
            )
        assert error.value.field == "attested"


class TestPerItemFee:
    """Rate, fixed amount and minimum, all in the marketplace's currency."""

    def test_rate_plus_fixed_rounds_half_even(self):
        """0.15 x 10.05 = 1.5075 rounds to 1.51, plus 0.99."""
        schedule = PerItemFee(
            marketplace=US, rate="0.15", fixed=Money("0.99", "USD")
        )
        assert schedule.fee_for(Money("10.05", "USD")) == Money("2.50", "USD")

    def test_half_a_cent_rounds_to_even(self):
        """0.5 x 0.05 = 0.025 rounds to 0.02, not 0.03."""
        schedule = PerItemFee(marketplace=US, rate="0.5")
        assert schedule.fee_for(Money("0.05", "USD")) == Money("0.02", "USD")

    def test_the_minimum_applies_to_cheap_items(self):
        """A fee below the minimum is the minimum."""
        schedule = PerItemFee(
            marketplace=MX, rate="0.15", minimum=Money("10.00", "MXN")
        )
        assert schedule.fee_for(Money("20.00", "MXN")) == Money("10.00", "MXN")

    def test_a_schedule_needs_a_rate_or_a_fixed_amount(self):
        """A minimum alone says nothing about the fee."""
        with pytest.raises(InvalidValueError, match="rate, a fixed amount"):
            PerItemFee(marketplace=US, minimum=Money("1.00", "USD"))

    @pytest.mark.parametrize("rate", ["-0.1", "1.5", 0.15, "abc"])
    def test_a_rate_outside_zero_to_one_or_not_exact_is_refused(self, rate):
        """Rates are exact fractions."""
        with pytest.raises(InvalidValueError) as error:
            PerItemFee(marketplace=US, rate=rate)
        assert error.value.field == "rate"

    def test_a_fixed_amount_in_another_currency_is_refused(self):
        """A CAD amount cannot be part of an Amazon.com.mx schedule."""
        with pytest.raises(InvalidValueError, match="`MXN`"):
            PerItemFee(marketplace=MX, fixed=Money("1.00", "CAD"))

    def test_pricing_an_item_in_another_currency_is_refused(self):
        """The schedule of one marketplace prices only its own currency."""
        with pytest.raises(InvalidValueError):
            PerItemFee(marketplace=CA, rate="0.1").fee_for(
                Money("1.00", "USD")
            )

    @given(ua.per_item_fees(), st.data())
    def test_the_fee_is_never_below_the_minimum_and_in_the_same_currency(
        self, schedule, data
    ):
        """Whatever the price, the fee respects the minimum and currency."""
        marketplace = schedule.marketplace
        price = data.draw(ua.money(currencies=st.just(marketplace.currency)))
        result = schedule.fee_for(price)
        assert result.currency == marketplace.currency
        if schedule.minimum is not None:
            assert result >= schedule.minimum
        expected = Money.zero(marketplace.currency)
        if schedule.rate is not None:
            expected += Money.rounded(
                price.amount * schedule.rate, price.currency
            )
        if schedule.fixed is not None:
            expected += schedule.fixed
        if schedule.minimum is not None:
            expected = max(expected, schedule.minimum)
        assert result == expected


class TestSale:
    """A sale is priced in its marketplace's currency."""

    def test_a_price_in_the_wrong_currency_is_refused(self):
        """A USD price on Amazon.com.mx is a mistake, not a conversion."""
        with pytest.raises(
            InvalidValueError, match=r"`USD 10.00` is not in `MXN`"
        ) as error:
            Sale(marketplace=MX, price=Money("10.00", "USD"))
        assert error.value.field == "price"

    def test_a_negative_price_is_refused(self):
        """Refunds are not sales."""
        with pytest.raises(InvalidValueError, match="negative"):
            Sale(marketplace=US, price=Money("-1.00", "USD"))


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.decimals(allow_nan=True),
    st.sampled_from(list(Marketplace)),
    st.builds(
        Money,
        st.sampled_from(["1.00", "0"]),
        st.sampled_from(["USD", "CAD", "MXN"]),
    ),
    st.dates(),
    st.sampled_from(list(TaxTreatment)),
)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(
            (
                "marketplace",
                "amount",
                "effective",
                "source",
                "confirmed",
                "tax",
            ),
            _ANY,
        )
    )
)
def test_subscription_fee_raises_only_documented_errors(fields):
    """Arbitrary input either builds a fee or raises a library error."""
    with contextlib.suppress(UnifiedAccountError):
        SubscriptionFee(**fields)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(("marketplace", "rate", "fixed", "minimum"), _ANY)
    )
)
def test_per_item_fee_raises_only_documented_errors(fields):
    """Arbitrary input either builds a schedule or raises a library error."""
    with contextlib.suppress(UnifiedAccountError):
        PerItemFee(**fields)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(("marketplace", "price", "reference"), _ANY)
    )
)
def test_sale_raises_only_documented_errors(fields):
    """Arbitrary input either builds a sale or raises a library error."""
    with contextlib.suppress(UnifiedAccountError):
        Sale(**fields)


def test_the_minimum_is_kept_exact():
    """Decimal in, Decimal out: no float creeps in."""
    schedule = PerItemFee(marketplace=US, rate=Decimal("0.08"))
    assert isinstance(schedule.fee_for(Money("3.33", "USD")).amount, Decimal)


@given(ua.marketplaces(in_scope=True), ua.money(currencies=ua.currencies()))
def test_a_sale_is_priced_only_in_its_marketplaces_currency(
    marketplace, price
):
    """Any other currency is refused, whatever the amount."""
    if price.currency == marketplace.currency:
        assert Sale(marketplace=marketplace, price=price).price == price
    else:
        with pytest.raises(InvalidValueError):
            Sale(marketplace=marketplace, price=price)


def test_a_moment_is_not_a_billing_day():
    """A ``datetime`` (or text) where a date is meant is refused."""
    from datetime import datetime

    from unified_account import example_snapshot, subscription_charge
    from unified_account.errors import InvalidValueError as Invalid

    account = example_snapshot().account
    for day in (datetime(2026, 7, 1), "2026-07-01"):
        with pytest.raises(Invalid, match="not a calendar date"):
            subscription_charge(account, day)


class TestSubscriptionPlanChange:
    """Issue 17: a reported plan change is dated data, checked as such."""

    def _change(self, **changes):
        from unified_account.model.fees import (
            FeeSource,
            SubscriptionPlanChange,
        )

        values = {
            "marketplace": Marketplace.MX,
            "reported": date(2026, 2, 1),
            "free_months": 12,
            "amount": Money("75.00", "MXN"),
            "below_sales": Money("26000.00", "MXN"),
            "source": "press reports",
            "source_kind": FeeSource.PRESS,
            "confirmed": False,
        }
        values.update(changes)
        return SubscriptionPlanChange(**values)

    def test_the_bundled_mexican_change_is_dated_and_unconfirmed(self):
        """Mexican press, February 2026: not on Amazon's own page."""
        from unified_account.data import bundled_subscription_fees
        from unified_account.model.fees import FeeSource

        schedule = bundled_subscription_fees()
        assert schedule.changes == (
            self._change(source=schedule.changes[0].source),
        )
        assert schedule.changes[0].source_kind is FeeSource.PRESS
        assert schedule.change_on(Marketplace.MX, date(2026, 1, 31)) is None
        assert (
            schedule.change_on(Marketplace.MX, date(2026, 2, 1))
            == (schedule.changes[0])
        )
        assert schedule.change_on(Marketplace.US, date(2026, 7, 1)) is None
        # The listed amount is still there, for a date before the change.
        assert schedule.fee_on(Marketplace.MX, date(2026, 7, 1)).amount == (
            Money("600.00", "MXN")
        )

    @pytest.mark.parametrize(
        ("changes", "field", "problem"),
        [
            ({"amount": Money("75.00", "USD")}, "amount", "is not in `MXN`"),
            (
                {"below_sales": Money("-1.00", "MXN")},
                "below_sales",
                "is negative",
            ),
            ({"free_months": -1}, "free_months", "not a whole number"),
            ({"free_months": True}, "free_months", "not a whole number"),
            ({"source": ""}, "source", ""),
        ],
    )
    def test_a_bad_change_is_refused_naming_its_field(
        self, changes, field, problem
    ):
        """Each field is checked, and the error says which."""
        with pytest.raises(InvalidValueError) as error:
            self._change(**changes)
        assert error.value.field == field
        assert problem in error.value.problem

    def test_a_schedule_takes_only_plan_changes(self):
        """Anything else in ``changes`` is refused, with its place."""
        from unified_account.model.fees import SubscriptionFeeSchedule

        with pytest.raises(InvalidValueError) as error:
            SubscriptionFeeSchedule([], changes=["MXN 75"])
        assert error.value.field == "changes[0]"
        later = self._change(reported=date(2027, 1, 1), free_months=0)
        schedule = SubscriptionFeeSchedule([], changes=[later, self._change()])
        assert schedule.changes == (self._change(), later)
        assert schedule.change_on(Marketplace.MX, date(2027, 6, 1)) == later
