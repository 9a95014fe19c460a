"""One definition of a valid value: the limits of what a snapshot holds.

Whatever the loader reads, the report can evaluate; whatever an adapter
reads, :func:`~unified_account.snapshot.dump_snapshot` can write and the
loader read back.  Every one of them (the loader, each SP-API adapter,
the dump and the model's text fields) asks the functions below, so the
same value is accepted, or refused with the same words, on every path.
The limits and what each costs are documented in ``docs/limits.md``.

>>> text_problem("Mug")
>>> text_problem("x" * 10_001)
'`xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...` is \
longer than 10,000 characters'
>>> from decimal import Decimal
>>> amount_problem(Decimal("1234567890123456"))
'`1234567890123456` has more than 15 digits before the point or 12 after it'
"""

from __future__ import annotations

from decimal import Decimal

from ._excerpt import excerpt

__all__ = [
    "AMOUNT_FRACTION_DIGITS",
    "AMOUNT_INTEGER_DIGITS",
    "MAX_DEPTH",
    "MAX_SNAPSHOT_CHARACTERS",
    "MAX_TEXT_CHARACTERS",
    "MAX_WHOLE_DIGITS",
    "amount_problem",
    "text_problem",
    "whole_problem",
]

MAX_SNAPSHOT_CHARACTERS = 1024 * 1024 * 1024
"""The longest snapshot text (bytes, or characters for a ``str``)."""

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects (the format needs about 8)."""

MAX_TEXT_CHARACTERS = 10_000
"""The longest string, key or value."""

MAX_WHOLE_DIGITS = 15
"""The most digits of a whole number (a quantity, the version)."""

AMOUNT_INTEGER_DIGITS = 15
"""The most digits before the point of a decimal written as text in a
snapshot or an SP-API payload (without leading zeros): a quadrillion."""

AMOUNT_FRACTION_DIGITS = 12
"""The most digits after the point of a decimal written as text."""

_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS
_AMOUNT_LIMIT = Decimal(10) ** AMOUNT_INTEGER_DIGITS


def text_problem(text: str) -> str | None:
    """Why a snapshot cannot hold the string ``text``, or ``None``.

    At most :data:`MAX_TEXT_CHARACTERS` characters, all of them
    writable as UTF-8 (no lone surrogate).
    """
    if len(text) > MAX_TEXT_CHARACTERS:
        return (
            f"`{excerpt(text)}` is longer than {MAX_TEXT_CHARACTERS:,} "
            "characters"
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return (
                f"`{excerpt(text)}` cannot be written as UTF-8 (it holds a "
                "lone surrogate)"
            )
    return None


def whole_problem(value: int) -> str | None:
    """Why a snapshot cannot hold the whole number ``value``, or ``None``."""
    if -_WHOLE_LIMIT < value < _WHOLE_LIMIT:
        return None
    return f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits"


def amount_problem(value: Decimal) -> str | None:
    """Why a snapshot cannot hold the amount ``value``, or ``None``.

    Finite, with at most :data:`AMOUNT_INTEGER_DIGITS` digits before the
    point and :data:`AMOUNT_FRACTION_DIGITS` after it, as written by
    ``str(value)`` (trailing zeros count, as the text keeps them).
    """
    if not value.is_finite():
        return f"`{excerpt(value)}` is not a finite number"
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if abs(value) >= _AMOUNT_LIMIT or -exponent > AMOUNT_FRACTION_DIGITS:
        return (
            f"`{excerpt(value)}` has more than {AMOUNT_INTEGER_DIGITS} "
            f"digits before the point or {AMOUNT_FRACTION_DIGITS} after it"
        )
    return None
