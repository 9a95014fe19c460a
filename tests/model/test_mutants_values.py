"""Named examples and properties for money and fees the suite left loose.

Zero made by arithmetic is zero, never ``-0``; rounding honours the mode
it is given and builds a subclass through its own constructor; refusals
of non-money quote it by its repr; fee entries, schedules and charges
name the field and the value they refuse; a charge of zero is a charge.
"""

from datetime import date
from decimal import ROUND_DOWN, ROUND_UP, Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    CurrencyMismatchError,
    InvalidValueError,
    Marketplace,
    Money,
    PerItemFee,
    RecordedCharge,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
)
from unified_account import strategies as ua
from unified_account.i18n import format_money
from unified_account.model.money import parse_amount_text, to_decimal
from unified_account.model.rates import ConversionRate, ConversionRates

USD = Money("10.00", "USD")
CAD = Money("1.00", "CAD")


class TestZeroFromArithmetic:
    """``-0`` is zero: arithmetic never makes a signed zero either."""

    @pytest.mark.parametrize(
        "make",
        [
            lambda: -Money.zero("USD"),
            lambda: Money.rounded("-0.001", "USD"),
            lambda: Money("0.01", "USD").times("-0.1"),
            lambda: Money("-0.01", "USD").times("0.1"),
            lambda: ConversionRates(
                [ConversionRate("CAD", "USD", "0.1")]
            ).convert(Money("-0.01", "CAD"), "USD"),
            lambda: PerItemFee(marketplace=Marketplace.US, rate="0.1").fee_for(
                Money("-0.01", "USD")
            ),
        ],
    )
    def test_a_zero_result_is_shown_as_zero(self, make):
        """Negated, rounded, multiplied or converted, zero is ``$0.00``."""
        money = make()
        assert str(money) == "USD 0.00"
        assert format_money(money, "en") == "$0.00"

    @given(
        ua.money(currencies=ua.currencies(), max_minor_units=1000),
        st.decimals(-1, 1, places=6),
    )
    def test_every_zero_product_is_unsigned(self, money, factor):
        """Whatever the signs, a product that rounds to zero is ``+0``."""
        for result in (money.times(factor), (-money).times(factor), -money):
            if not result.amount:
                assert not result.amount.is_signed()


class TestRounded:
    """``Money.rounded`` rounds as told and builds the class called on."""

    @pytest.mark.parametrize(
        ("rounding", "expected"),
        [(ROUND_UP, "0.01"), (ROUND_DOWN, "0.00")],
    )
    def test_times_rounds_by_the_mode_given(self, rounding, expected):
        """Half a cent goes up or down as the caller says, not half-even."""
        product = Money("1.00", "USD").times("0.005", rounding)
        assert product == Money(expected, "USD")

    def test_a_subclass_is_built_through_its_own_checks(self):
        """A subclass's constructor runs: its checks, its type."""

        @attrs.frozen
        class Price(Money):
            def __attrs_post_init__(self):
                super().__attrs_post_init__()
                if self.amount > 100:
                    raise InvalidValueError("too dear", field="amount")

        price = Price.rounded("1.005", "USD")
        assert type(price) is Price
        assert (price.amount, price.currency) == (Decimal("1.00"), "USD")
        with pytest.raises(InvalidValueError, match="too dear"):
            Price.rounded("150.004", "USD")


@pytest.mark.parametrize(
    ("operation", "word"),
    [
        (lambda a, b: a + b, "add"),
        (lambda a, b: a - b, "subtract"),
        (lambda a, b: a < b, "compare"),
    ],
)
def test_text_is_not_money_and_is_quoted_by_its_repr(operation, word):
    """``USD 10.00 + "5"`` quotes ``'5'``, so text and a number differ."""
    with pytest.raises(CurrencyMismatchError) as error:
        operation(USD, "5")
    assert str(error.value) == (
        f"cannot {word} `USD 10.00` and `'5'`: not money"
    )


class TestSubscriptionFeeRefusals:
    """A fee entry names the field and the values it refuses."""

    FEE = SubscriptionFee(
        marketplace=Marketplace.US,
        amount=Money("39.99", "USD"),
        effective=date(2021, 8, 1),
        source="fee schedule",
        confirmed=True,
    )

    def test_a_negative_amount(self):
        """The amount is quoted."""
        with pytest.raises(InvalidValueError) as error:
            attrs.evolve(self.FEE, amount=Money("-1.00", "USD"))
        assert error.value.field == "amount"
        assert str(error.value) == "amount: `USD -1.00` is negative"

    def test_attested_before_it_took_effect(self):
        """Both dates are quoted."""
        with pytest.raises(InvalidValueError) as error:
            attrs.evolve(self.FEE, attested=date(2021, 7, 31))
        assert error.value.field == "attested"
        assert str(error.value) == (
            "attested: `2021-07-31` is before the amount takes effect, "
            "`2021-08-01`"
        )

    def test_a_day_to_look_up_that_is_not_a_date(self):
        """``fee_on`` names its ``day`` parameter."""
        schedule = SubscriptionFeeSchedule([self.FEE])
        with pytest.raises(InvalidValueError) as error:
            schedule.fee_on(Marketplace.US, "2026-07-01")
        assert error.value.field == "day"
        assert str(error.value) == (
            "day: `'2026-07-01'` is a string, not a calendar date (a "
            "`datetime.date`); an argument of `SubscriptionFeeSchedule.fee_on`"
        )


def test_a_price_in_another_currency_names_the_price():
    """A per-item fee is charged on a price in its marketplace's currency."""
    fee = PerItemFee(marketplace=Marketplace.US, rate="0.15")
    with pytest.raises(InvalidValueError) as error:
        fee.fee_for(Money("10.00", "CAD"))
    assert error.value.field == "price"
    assert str(error.value) == (
        "price: `CAD 10.00` is not in `USD`, the currency of Amazon.com"
    )


class TestRecordedCharges:
    """A recorded charge may be zero, never negative."""

    def _charge(self, amount):
        return RecordedCharge(
            marketplace=Marketplace.US,
            charged_on=date(2026, 7, 15),
            amount=Money(amount, "USD"),
        )

    def test_a_charge_of_zero_is_recorded(self):
        """Nothing charged in a month is a fact the audit counts."""
        assert self._charge("0.00").amount == Money.zero("USD")

    def test_a_negative_charge_is_quoted(self):
        """The amount is quoted with its field."""
        with pytest.raises(InvalidValueError) as error:
            self._charge("-0.01")
        assert error.value.field == "amount"
        assert str(error.value) == "amount: `USD -0.01` is negative"


class _Ratio(float):
    """A float whose repr is not its text, as some libraries' are."""

    def __repr__(self):
        return f"Ratio({float(self)})"

    def __str__(self):
        return str(float(self))


class TestAmountTextRefusals:
    """Amounts are decimal text; anything else is quoted by its repr."""

    def test_a_float_is_quoted_and_shown_as_text(self):
        """The float and the string to write instead are both quoted."""
        with pytest.raises(InvalidValueError) as error:
            parse_amount_text(_Ratio(19.99))
        assert error.value.field == "amount"
        assert error.value.problem == (
            "`Ratio(19.99)` is a float; write it as a string "
            '(`"Ratio(19.99)"`)'
        )

    @pytest.mark.parametrize(
        ("value", "shown"), [(19, "19"), (Decimal("19"), "Decimal('19')")]
    )
    def test_a_number_that_is_not_text_is_quoted(self, value, shown):
        """A whole number or a ``Decimal`` is not the text of one."""
        with pytest.raises(InvalidValueError) as error:
            parse_amount_text(value, "rate")
        assert error.value.field == "rate"
        assert error.value.problem == (
            f'`{shown}` is not a decimal number as a string (`"0.15"`)'
        )

    def test_too_many_digits_are_quoted(self):
        """Sixteen digits before the point: the text is quoted."""
        with pytest.raises(InvalidValueError) as error:
            parse_amount_text("1" * 16)
        assert error.value.problem == (
            f"`{'1' * 16}` has more than 15 digits before the point or 12 "
            "after it"
        )


class TestPerItemFeeRefusals:
    """A per-item fee schedule names the field it refuses."""

    def _refusal(self, **fields):
        with pytest.raises(InvalidValueError) as error:
            PerItemFee(marketplace=Marketplace.US, **fields)
        return error.value.field, str(error.value)

    def test_neither_a_rate_nor_a_fixed_amount(self):
        """A schedule that charges nothing is refused at its rate."""
        assert self._refusal() == (
            "rate",
            "rate: give a rate, a fixed amount or both",
        )

    @pytest.mark.parametrize("field", ["fixed", "minimum"])
    def test_an_amount_in_another_currency(self, field):
        """A fixed amount or minimum is in the marketplace's currency."""
        assert self._refusal(rate="0.15", **{field: CAD}) == (
            field,
            f"{field}: `CAD 1.00` is not in `USD`, the currency of Amazon.com",
        )

    @pytest.mark.parametrize("field", ["fixed", "minimum"])
    def test_text_is_not_money_and_is_quoted_by_its_repr(self, field):
        """``"1.00"`` is quoted as text, so it is not taken for money."""
        assert self._refusal(rate="0.15", **{field: "1.00"}) == (
            field,
            f"{field}: `'1.00'` is not Money",
        )

    @pytest.mark.parametrize("field", ["fixed", "minimum"])
    def test_a_negative_amount_is_quoted(self, field):
        """A fixed amount or minimum is never negative."""
        negative = Money("-1.00", "USD")
        assert self._refusal(rate="0.15", **{field: negative}) == (
            field,
            f"{field}: `USD -1.00` is negative",
        )

    def test_a_rate_above_one_is_quoted(self):
        """A rate is a fraction of the price, at most all of it."""
        assert self._refusal(rate="1.5") == (
            "rate",
            "rate: `1.5` is not a rate between 0 and 1",
        )

    def test_a_rate_of_one_charges_the_whole_price(self):
        """Both bounds are rates: 1 charges the price, 0 nothing."""
        price = Money("12.34", "USD")
        whole = PerItemFee(marketplace=Marketplace.US, rate="1")
        none = PerItemFee(marketplace=Marketplace.US, rate="0")
        assert whole.fee_for(price) == price
        assert none.fee_for(price) == Money.zero("USD")


def test_a_negative_sale_price_is_quoted():
    """A sale's price is never negative; the price is named and quoted."""
    with pytest.raises(InvalidValueError) as error:
        Sale(marketplace=Marketplace.US, price=Money("-1.00", "USD"))
    assert error.value.field == "price"
    assert str(error.value) == "price: `USD -1.00` is negative"


class TestDecimalRefusals:
    """``to_decimal`` names the value, its field and what is wrong."""

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            ("abc", "`abc` is not a number"),
            ("x" * 41, f"`{'x' * 41}` is not a number"),
            ("NaN", "`NaN` is not a finite number"),
            (Decimal("-Infinity"), "`-Infinity` is not a finite number"),
            (
                "1e40",
                "`1e40` has more than 40 digits before or after the point",
            ),
            (
                Decimal("1e-41"),
                "`1E-41` has more than 40 digits before or after the point",
            ),
            (
                True,
                "`True` is a bool; give a Decimal, an int or a numeric string",
            ),
            (
                _Ratio(1.5),
                "`Ratio(1.5)` is a _Ratio; give a Decimal, an int or a "
                "numeric string",
            ),
        ],
    )
    def test_a_refusal_in_full(self, value, problem):
        """The message quotes the value, after the field's name."""
        with pytest.raises(InvalidValueError) as error:
            to_decimal(value, "factor")
        assert error.value.field == "factor"
        assert str(error.value) == f"factor: {problem}"

    @pytest.mark.parametrize(
        "value", ["9" * 40, "1e39", Decimal("1e-40"), "0.001", " 12 "]
    )
    def test_the_limits_are_inclusive(self, value):
        """40 digits before the point, 40 after, and spaces around, read."""
        assert to_decimal(value) == Decimal(
            value.strip() if isinstance(value, str) else value
        )


class TestMoneyRefusals:
    """Money's own refusals, in full."""

    def test_too_many_places_say_how_many_are_allowed(self):
        """The amount, the currency and its places are named."""
        with pytest.raises(InvalidValueError) as error:
            Money("1.001", "USD")
        assert error.value.field == "amount"
        assert str(error.value) == (
            "amount: `1.001` has more decimal places than `USD` allows (2); "
            "round it explicitly with Money.rounded"
        )

    @pytest.mark.parametrize("currency", ["XYZ", 5])
    def test_an_unknown_currency_is_quoted(self, currency):
        """A code Babel does not know, or no code at all."""
        with pytest.raises(InvalidValueError) as error:
            Money("1", currency)
        assert error.value.field == "currency"
        assert str(error.value) == f"currency: unknown currency `{currency}`"

    def test_an_amount_that_is_no_number_is_named_amount(self):
        """Money's amount is read as ``amount`` unless a caller says."""
        with pytest.raises(InvalidValueError) as error:
            Money("abc", "USD")
        assert str(error.value) == "amount: `abc` is not a number"

    def test_a_currency_that_cannot_be_a_key_is_unknown(self):
        """A list is no currency: refused as one, never a ``TypeError``."""
        with pytest.raises(InvalidValueError) as error:
            Money("1", ["USD"])
        assert str(error.value) == "currency: unknown currency `['USD']`"

    def test_an_unknown_rounding_mode_is_quoted(self):
        """Only the decimal module's modes round money."""
        with pytest.raises(InvalidValueError) as error:
            Money.rounded("1.005", "USD", "UP")
        assert error.value.field == "rounding"
        assert str(error.value) == (
            "rounding: `UP` is not a decimal rounding mode"
        )
