"""Money, numbers and lists written without Babel are Babel's text."""

from decimal import Decimal

from babel.core import Locale
from hypothesis import given
from hypothesis import strategies as st

from unified_account import i18n
from unified_account._number_shapes import (
    list_shape,
    money_shape,
    number_shape,
    shaped_decimal,
    shaped_money,
    shaped_number,
)
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.model.money import currency_precision

CURRENCIES = ("USD", "CAD", "MXN", "BRL", "EUR", "GBP", "JPY", "KWD", "CLF")
LOCALES = tuple(sorted(SUPPORTED_LOCALES))


@st.composite
def amounts(draw: st.DrawFn) -> tuple[Decimal, str]:
    currency = draw(st.sampled_from(CURRENCIES))
    places = currency_precision(currency)
    # Mostly at the currency's precision, as money is; sometimes more
    # places or a negative sign, which Babel writes itself.
    extra = draw(st.sampled_from((0, 0, 0, 1)))
    units = draw(st.integers(min_value=-(10**16), max_value=10**16))
    return Decimal(units).scaleb(-(places + extra)), currency


@given(amounts(), st.sampled_from(LOCALES))
def test_money_is_written_as_babel_writes_it(amount, locale):
    value, currency = amount
    assert i18n._money_text.__wrapped__(
        value, currency, locale
    ) == i18n._babel_money_text(value, currency, locale)


@given(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from(LOCALES),
)
def test_whole_numbers_are_written_as_babel_writes_them(value, locale):
    assert i18n._number_text.__wrapped__(
        value, locale
    ) == i18n._babel_number_text(value, locale)


decimals = st.decimals(
    allow_nan=False, allow_infinity=True, places=None
).filter(lambda d: not d.is_finite() or abs(d.adjusted()) < 30)


@given(decimals, st.sampled_from(LOCALES))
def test_decimals_are_written_as_babel_writes_them(value, locale):
    assert i18n._number_text.__wrapped__(
        value, locale
    ) == i18n._babel_number_text(value, locale)


words = st.text(
    st.sampled_from(["a", "Z", "é", "和", " ", "{", "}", "0", ".", "、"]),
    min_size=1,
    max_size=6,
)


@given(st.lists(words, max_size=6).map(tuple), st.sampled_from(LOCALES))
def test_lists_are_written_as_babel_writes_them(items, locale):
    assert i18n._list_text.__wrapped__(items, locale) == i18n._babel_list_text(
        items, locale
    )


def test_named_examples():
    assert i18n._money_text.__wrapped__(Decimal("1234.50"), "CAD", "en") == (
        "CA$1,234.50"
    )
    assert i18n._money_text.__wrapped__(
        Decimal("1234.50"), "CAD", "fr_CA"
    ) == i18n._babel_money_text(Decimal("1234.50"), "CAD", "fr_CA")
    assert i18n._money_text.__wrapped__(Decimal("1234"), "JPY", "en") == (
        "¥1,234"
    )
    assert i18n._number_text.__wrapped__(1234567, "en") == "1,234,567"
    assert i18n._number_text.__wrapped__(Decimal("0.0547"), "en") == "0.0547"
    assert i18n._number_text.__wrapped__(Decimal("1200.50"), "en") == (
        "1,200.5"
    )
    assert i18n._list_text.__wrapped__(("A", "B", "C"), "en") == (
        "A, B, and C"
    )


def test_every_supported_locale_takes_the_short_path():
    # Otherwise the properties above would compare Babel with itself.
    for locale in LOCALES:
        babel_locale = i18n._babel_locale(locale)
        shape = money_shape("CAD", babel_locale)
        assert shape is not None
        assert shaped_money(Decimal("1234.50"), shape) is not None
        shape = number_shape(babel_locale)
        assert shape is not None
        assert shaped_number(1234, shape) is not None
        assert shaped_decimal(Decimal("0.0547"), shape) is not None
        assert list_shape(babel_locale) is not None


def test_a_pattern_that_is_not_plain_is_left_to_babel():
    # Indian grouping (12,34,567.00): neither shape is plain.
    indian = Locale.parse("hi_IN")
    assert money_shape("INR", indian) is None
    assert number_shape(indian) is None


def test_a_locale_without_standard_list_patterns_is_left_to_babel():
    class NoLists:
        def __init__(self) -> None:
            self.list_patterns: dict[str, dict[str, str]] = {}

    assert list_shape(NoLists()) is None  # type: ignore[arg-type]


def test_without_shapes_babel_writes_every_value(monkeypatch):
    monkeypatch.setattr(i18n, "_money_shape", lambda currency, locale: None)
    monkeypatch.setattr(i18n, "_number_shape", lambda locale: None)
    monkeypatch.setattr(i18n, "_list_shape", lambda locale: None)
    assert i18n._money_text.__wrapped__(Decimal("1234.50"), "CAD", "en") == (
        "CA$1,234.50"
    )
    assert i18n._number_text.__wrapped__(1234, "en") == "1,234"
    assert i18n._list_text.__wrapped__(("A", "B"), "en") == "A and B"


def test_a_number_of_another_kind_is_written_by_babel():
    class Count(int):
        pass

    assert i18n._number_text.__wrapped__(Count(1234), "en") == "1,234"
