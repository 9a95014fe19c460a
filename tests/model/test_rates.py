"""Conversion with caller-supplied rates: exact, half-even, never guessed."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import InvalidValueError, MissingDataError, Money
from unified_account import strategies as ua
from unified_account.errors import UnifiedAccountError
from unified_account.model.rates import ConversionRate, ConversionRates


class TestConversionRates:
    """A rate converts exactly one ordered pair of currencies."""

    def test_conversion_rounds_half_even_to_the_target_precision(self):
        """10.25 x 0.5 = 5.125 rounds to 5.12 (even), not 5.13."""
        rates = ConversionRates([ConversionRate("CAD", "USD", "0.5")])
        assert rates.convert(Money("10.25", "CAD"), "USD") == Money(
            "5.12", "USD"
        )

    def test_a_rate_is_never_used_backwards(self):
        """CAD to USD says nothing exact about USD to CAD."""
        rates = ConversionRates([ConversionRate("CAD", "USD", "0.73")])
        with pytest.raises(MissingDataError, match="from `USD` to `CAD`"):
            rates.convert(Money("1.00", "USD"), "CAD")

    def test_the_same_currency_needs_no_rate(self):
        """Converting to its own currency is the identity."""
        assert ConversionRates().convert(Money("1.23", "MXN"), "MXN") == Money(
            "1.23", "MXN"
        )

    def test_two_rates_for_one_pair_are_refused(self):
        """Which one applies would be a guess."""
        with pytest.raises(InvalidValueError, match="two rates"):
            ConversionRates(
                [
                    ConversionRate("CAD", "USD", "1"),
                    ConversionRate("CAD", "USD", "2"),
                ]
            )

    @pytest.mark.parametrize(
        ("source", "target", "rate", "field"),
        [
            ("CAD", "CAD", "1", "target"),
            ("CDN", "USD", "1", "source"),
            ("CAD", "USD", "0", "rate"),
            ("CAD", "USD", 0.73, "rate"),
        ],
    )
    def test_invalid_rates_name_their_field(self, source, target, rate, field):
        """A self-rate, an unknown currency, zero or a float is refused."""
        with pytest.raises(InvalidValueError) as error:
            ConversionRate(source, target, rate)
        assert error.value.field == field

    @given(ua.conversion_rates(), ua.money(max_minor_units=10**7))
    def test_conversion_is_the_exact_product_rounded_once(self, rate, amount):
        """No intermediate rounding, no float."""
        money = Money.rounded(amount.amount, rate.source)
        converted = ConversionRates([rate]).convert(money, rate.target)
        assert converted == Money.rounded(
            money.amount * rate.rate, rate.target
        )
        assert isinstance(converted.amount, Decimal)


@given(
    st.tuples(
        st.text(max_size=4),
        st.text(max_size=4),
        st.one_of(st.floats(), st.text(max_size=4), st.integers(), st.none()),
    )
)
def test_conversion_rate_raises_only_documented_errors(args):
    """Arbitrary input either builds a rate or raises a library error."""
    with contextlib.suppress(UnifiedAccountError):
        ConversionRate(*args)


@given(ua.money(currencies=st.sampled_from(["USD", "CAD", "MXN"])))
def test_a_half_rate_rounds_ties_to_even(money):
    """Half of an odd number of cents is a tie, rounded to even."""
    target = "USD" if money.currency != "USD" else "CAD"
    converted = ConversionRates(
        [ConversionRate(money.currency, target, "0.5")]
    ).convert(money, target)
    half, odd = divmod(int(money.amount * 100), 2)
    expected = half + 1 if odd and half % 2 else half
    assert converted.amount * 100 == expected


@given(ua.conversion_rate_tables(), ua.conversion_rates())
def test_a_rate_is_used_only_for_its_own_direction(table, rate):
    """Only an exact (source, target) entry converts; never its inverse."""
    pairs = {(r.source, r.target) for r in table.rates}
    money = Money.zero(rate.target) + Money("1", rate.target)
    if (rate.target, rate.source) in pairs:
        assert table.convert(money, rate.source).currency == rate.source
    else:
        with pytest.raises(MissingDataError):
            table.convert(money, rate.source)
