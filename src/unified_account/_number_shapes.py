"""Money, numbers and lists written as Babel writes them, without its cost.

Babel's ``format_currency``, ``format_decimal`` and ``format_list`` read
the locale's patterns, symbols and currency data again for every value:
tens of microseconds each, most of a report's rendering once its caches
are cold.  For a locale whose pattern is a plain grouped one (every
supported locale's), the parts are read from Babel once per locale (and
currency; :mod:`.i18n` keeps them), and each value is then written with
Python's own formatting.  Anything else (a negative value, an amount to
round, another pattern) returns ``None``, for Babel to write.
tests/test_number_shapes.py checks, on generated values, that the text
is Babel's, character for character.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from .model.money import _CONTEXT

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.numbers import NumberPattern

__all__ = [
    "MoneyShape",
    "list_shape",
    "money_shape",
    "number_shape",
    "shaped_decimal",
    "shaped_list",
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


def shaped_money(amount: Decimal, shape: MoneyShape) -> str | None:
    """``amount`` in ``shape``; ``None`` for Babel to write.

    ``None`` for a negative amount, or one with more decimal places than
    the currency has (Babel rounds it).
    """
    prefix, suffix, decimal_sign, group, places, _ = shape
    if amount.is_signed() or not amount.is_finite():
        return None
    whole, _, fraction = f"{amount:f}".partition(".")  # every digit, exact
    if len(fraction) > places:
        return None  # to be rounded: Babel's
    if len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", group)
    if places:
        fraction = fraction.ljust(places, "0")
        return f"{prefix}{whole}{decimal_sign}{fraction}{suffix}"
    return f"{prefix}{whole}{suffix}"


def number_shape(locale: Locale) -> tuple[str, str] | None:
    """The group and decimal signs of ``locale``'s numbers, if plain."""
    pattern = locale.decimal_formats[None]
    if not _plain(pattern) or pattern.prefix[0] or pattern.suffix[0]:
        return None
    symbols = locale.number_symbols["latn"]
    return str(symbols["group"]), str(symbols["decimal"])


def shaped_number(value: int, shape: tuple[str, str]) -> str | None:
    """Whole ``value`` grouped as ``shape`` says; ``None`` if negative."""
    if value < 0:
        return None
    if value < 1000:
        return str(value)
    return f"{value:,}".replace(",", shape[0])


def shaped_decimal(value: Decimal, shape: tuple[str, str]) -> str | None:
    """``value`` with every digit it has, as Babel writes it unquantized.

    ``None`` for a negative or non-finite value, for Babel to write.
    """
    if value.is_signed() or not value.is_finite():
        return None
    # As Babel does: trailing zeros dropped, every other digit kept.
    whole, _, fraction = f"{value.normalize(_CONTEXT):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", shape[0])
    return f"{grouped}{shape[1]}{fraction}" if fraction else grouped


def list_shape(locale: Locale) -> Mapping[str, str] | None:
    """``locale``'s standard list patterns, if it has them all."""
    patterns = locale.list_patterns.get("standard")
    if patterns is None or not {"start", "middle", "end"} <= set(patterns):
        return None
    return MappingProxyType(dict(patterns))


def shaped_list(items: tuple[str, ...], patterns: Mapping[str, str]) -> str:
    """``items`` joined by ``patterns``, as Babel's ``format_list`` does."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2 and "2" in patterns:
        return patterns["2"].format(*items)
    result = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        result = patterns["middle"].format(result, item)
    return patterns["end"].format(result, items[-1])
