"""Exact money."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import CurrencyMismatchError, InvalidValueError, Money
from unified_account import strategies as ua
from unified_account.model.money import currency_precision


class TestConstruction:
    """Money is built from exact values only."""

    @pytest.mark.parametrize(
        ("amount", "problem"),
        [
            (39.99, "is a float"),
            (True, "is a bool"),
            ("NaN", "not a finite number"),
            ("Infinity", "not a finite number"),
            ("-inf", "not a finite number"),
            ("39,99", "not a number"),
            ("", "not a number"),
            (None, "is a NoneType"),
        ],
    )
    def test_inexact_or_non_numeric_amounts_are_refused(self, amount, problem):
        """Floats, NaN, infinities and text that is no number are refused."""
        with pytest.raises(InvalidValueError, match=problem):
            Money(amount, "USD")

    @pytest.mark.parametrize("currency", ["XYZ", "usd", "", None, "US"])
    def test_an_unknown_currency_is_refused(self, currency):
        """Only ISO 4217 codes Babel knows are currencies."""
        with pytest.raises(InvalidValueError, match="unknown currency"):
            Money("1", currency)

    def test_too_many_decimal_places_are_refused_not_rounded(self):
        """USD has cents, JPY has none; no silent rounding."""
        with pytest.raises(InvalidValueError, match="more decimal places"):
            Money("1.001", "USD")
        with pytest.raises(InvalidValueError, match="more decimal places"):
            Money("1.5", "JPY")

    def test_amounts_are_kept_at_the_currencys_precision(self):
        """``39.9`` USD is ``39.90``; ``600`` MXN is ``600.00``."""
        assert Money("39.9", "USD").amount == Decimal("39.90")
        assert str(Money(600, "MXN").amount) == "600.00"
        assert str(Money("1200", "JPY").amount) == "1200"

    def test_precision_comes_from_babel(self):
        """Two places for USD, CAD, MXN; none for JPY."""
        assert [currency_precision(c) for c in ("USD", "CAD", "MXN")] == [
            2,
            2,
            2,
        ]
        assert currency_precision("JPY") == 0

    def test_rounding_is_explicit_and_half_even(self):
        """``Money.rounded`` rounds half to even unless told otherwise."""
        assert Money.rounded("0.125", "USD").amount == Decimal("0.12")
        assert Money.rounded("0.135", "USD").amount == Decimal("0.14")
        assert Money.rounded("0.125", "USD", "ROUND_HALF_UP").amount == (
            Decimal("0.13")
        )


class TestArithmetic:
    """Arithmetic and comparison stay within one currency."""

    @given(ua.money(), ua.money())
    def test_mixing_currencies_is_refused(self, first, second):
        """Adding or comparing different currencies raises."""
        if first.currency == second.currency:
            assert (first + second) - second == first
            assert (first <= second) == (first.amount <= second.amount)
        else:
            with pytest.raises(CurrencyMismatchError):
                _ = first + second
            with pytest.raises(CurrencyMismatchError):
                _ = first < second
            assert first != second

    @given(
        ua.money(currencies=st.just("CAD")),
        ua.money(currencies=st.just("CAD")),
    )
    def test_addition_is_exact(self, first, second):
        """The sum's amount is the exact sum of the amounts."""
        assert (first + second).amount == first.amount + second.amount

    @given(ua.money(), st.decimals(0, 10, places=4))
    def test_times_rounds_to_the_currencys_precision(self, money, factor):
        """A product is rounded half-even to the currency's places."""
        product = money.times(factor)
        exact = money.amount * factor
        places = currency_precision(money.currency)
        assert product.amount == exact.quantize(Decimal(1).scaleb(-places))

    def test_comparing_with_something_that_is_not_money_is_refused(self):
        """Money never compares with a bare number."""
        with pytest.raises(CurrencyMismatchError, match="not money"):
            _ = Money("1", "USD") < 2

    def test_money_is_immutable_and_hashable(self):
        """Equal money hashes equal; attributes cannot be set."""
        money = Money("1", "USD")
        assert hash(money) == hash(Money("1.00", "USD"))
        with pytest.raises(AttributeError):
            money.amount = Decimal(2)  # type: ignore[misc]


class TestDecimalContext:
    """Money never depends on the caller's ``decimal`` context."""

    def test_a_narrow_or_trapping_context_changes_nothing(self):
        """Precision 4 with Inexact trapped: same exact answers."""
        import decimal

        from unified_account.model.rates import ConversionRate, ConversionRates

        rates = ConversionRates([ConversionRate("MXN", "USD", "0.050000005")])
        with decimal.localcontext(prec=4) as context:
            context.traps[decimal.Inexact] = True
            assert Money("123456.78", "MXN").amount == Decimal("123456.78")
            assert Money.rounded("1.005", "USD") == Money("1.00", "USD")
            assert rates.convert(Money("0.10", "MXN"), "USD") == Money(
                "0.01", "USD"
            )
            assert Money("99999.99", "USD") + Money("0.01", "USD") == Money(
                "100000", "USD"
            )
            assert -Money("123456.78", "MXN") == Money("-123456.78", "MXN")
