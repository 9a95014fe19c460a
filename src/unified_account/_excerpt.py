"""Short, single-line, printable excerpts of values, for error messages.

An error message quotes the value it refuses, but a value can be ten
megabytes long, span many lines, hold a lone surrogate that no encoding
can write, or be an integer too long for :func:`str`.  Every message
quotes a value through :func:`excerpt`, which gives at most
:data:`EXCERPT_LIMIT` characters on one line, every one printable and
encodable as UTF-8: control characters, line breaks and surrogates are
written as Python escapes and a long
value is cut with ``...`` and its length.

This module is at the base of the library: it imports nothing from it.
"""

from __future__ import annotations

import reprlib
from decimal import Decimal

__all__ = ["EXCERPT_LIMIT", "LINE_LIMIT", "excerpt", "one_line"]

EXCERPT_LIMIT = 60
"""The most characters of a value an error message quotes."""

LINE_LIMIT = 400
"""The most characters of a whole message line (paths and hints too)."""

# An int's decimal digits, from its bits, without converting it (str()
# refuses ints of over 4,300 digits, and the conversion is quadratic).
_LOG10_2 = 0.30103
_LARGE_INT_BITS = 1_000


def _int_text(value: int) -> str:
    if value.bit_length() <= _LARGE_INT_BITS:
        return str(value)
    digits = int(value.bit_length() * _LOG10_2) + 1
    sign = "-" if value < 0 else ""
    return f"{sign}<an integer of about {digits:,} digits>"


class _Repr(reprlib.Repr):
    """:mod:`reprlib` that never converts a huge int in full."""

    def repr_int(self, x: int, level: int) -> str:
        return _int_text(x)


_REPR = _Repr()
_REPR.maxstring = EXCERPT_LIMIT
_REPR.maxother = EXCERPT_LIMIT
_REPR.maxlong = EXCERPT_LIMIT


def _printable(text: str) -> str:
    """``text`` with every unprintable character as a Python escape."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else ascii(char)[1:-1] for char in text
    )


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return _printable(text)
    # Escape a little more than needed, then cut: an escape is longer than
    # its character, so the result never grows past the limit by much.
    head = _printable(text[:limit])[:limit]
    return f"{head}... ({len(text):,} characters)"


def excerpt(value: object, *, as_repr: bool = False) -> str:
    r"""``value`` as at most a short line of printable text.

    A string (or, with ``as_repr``, any value's :func:`repr`) longer than
    :data:`EXCERPT_LIMIT` characters is cut and its length given;
    unprintable characters are escaped.

    >>> print(excerpt("line one\nline two"))
    line one\nline two
    >>> print(excerpt("x" * 100))  # doctest: +ELLIPSIS
    xxxxxxxxxx...xxxxxxxxx... (100 characters)
    >>> excerpt(10**5000)
    '<an integer of about 5,001 digits>'
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return _int_text(value)
    if isinstance(value, str) and not as_repr:
        text = value
    elif isinstance(value, Decimal) and not as_repr:
        digits = len(value.as_tuple().digits)
        text = (
            str(value) if digits <= 100 else f"<a number of {digits:,} digits>"
        )
    elif as_repr or isinstance(value, list | tuple | dict | set | frozenset):
        text = _REPR.repr(value)
    else:
        text = str(value)
    return _cut(text, EXCERPT_LIMIT)


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """A whole message as one printable line of at most about ``limit``."""
    return _cut(text, limit)
