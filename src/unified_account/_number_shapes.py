"""Money and whole numbers written as Babel writes them, without Babel's cost.

Babel's ``format_currency`` and ``format_decimal`` read the locale's
pattern, symbols and currency data again for every value: tens of
microseconds each, most of a report's rendering once its caches are
cold.  For a locale whose pattern is a plain grouped one (every
supported locale's), the pattern's parts are read from Babel once per
locale (and currency), and each value is then written with Python's own
formatting.  Anything else (a negative value, another pattern) returns
``None``, for Babel to write.  tests/test_number_shapes.py checks, on
generated values, that the text is Babel's, character for character.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.numbers import NumberPattern

__all__ = [
    "MoneyShape",
    "money_shape",
    "number_shape",
    "shaped_money",
    "shaped_number",
]

MoneyShape = tuple[str, str, str, str, int, str]
"""Prefix, suffix, decimal sign, group sign, decimal places, symbol."""


def _plain(pattern: NumberPattern) -> bool:
    """Whether ``pattern`` is a plain grouped pattern, written as is."""
    affixes = "".join((*pattern.prefix, *pattern.suffix))
    return (
        pattern.grouping == (3, 3)
        and pattern.scale == 0
        and not pattern.exp_prec
        and "@" not in pattern.pattern
        and pattern.int_prec[0] == 1
        and "'" not in affixes
        and "¤¤" not in affixes
    )


@functools.cache
def money_shape(currency: str, locale: Locale) -> MoneyShape | None:
    """How ``locale`` writes a non-negative amount of ``currency``.

    ``(prefix, suffix, decimal sign, group sign, decimal places,
    symbol)``, or ``None`` when its pattern is not a plain one.
    """
    from babel.numbers import get_currency_precision, get_currency_symbol

    pattern = locale.currency_formats["standard"]
    if not _plain(pattern):
        return None
    symbol = get_currency_symbol(currency, locale)
    symbols = locale.number_symbols["latn"]
    return (
        pattern.prefix[0].replace("¤", symbol),
        pattern.suffix[0].replace("¤", symbol),
        symbols["decimal"],
        symbols["group"],
        get_currency_precision(currency),
        symbol,
    )


@functools.cache
def number_shape(locale: Locale) -> str | None:
    """The group sign with which ``locale`` writes a whole number, if plain."""
    pattern = locale.decimal_formats[None]
    if not _plain(pattern) or pattern.prefix[0] or pattern.suffix[0]:
        return None
    return str(locale.number_symbols["latn"]["group"])


def shaped_money(amount: Decimal, shape: MoneyShape) -> str | None:
    """``amount`` in ``shape``; ``None`` for Babel to write.

    ``None`` for a negative amount, or one with more decimal places than
    the currency has (Babel rounds it).
    """
    prefix, suffix, decimal_sign, group, places, _ = shape
    exponent = amount.as_tuple().exponent
    if (
        amount.is_signed()
        or not isinstance(exponent, int)
        or -exponent > places
    ):
        return None  # negative, not finite, or to be rounded: Babel's
    # Exact: the amount has at most the currency's places.
    whole, _, fraction = f"{amount:.{places}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    if places:
        return f"{prefix}{grouped}{decimal_sign}{fraction}{suffix}"
    return f"{prefix}{grouped}{suffix}"


def shaped_number(value: int, group: str) -> str | None:
    """Whole ``value`` grouped by ``group``; ``None`` if it is negative."""
    if value < 0:
        return None
    return f"{value:,}".replace(",", group)
