"""The written-out currency table is Babel's CLDR data."""

from babel.numbers import get_currency_precision, list_currencies

from unified_account.model._currencies import CURRENCIES, PRECISION
from unified_account.model.money import currency_precision


def test_the_currencies_are_babels():
    assert frozenset(list_currencies()) == CURRENCIES


def test_each_precision_is_babels():
    assert {code: get_currency_precision(code) for code in CURRENCIES} == dict(
        PRECISION
    )


def test_precisions_other_than_two_are_read_from_the_table():
    assert (currency_precision("JPY"), currency_precision("KWD")) == (0, 3)
    assert currency_precision("CLF") == 4
