"""Seller SKUs and Amazon ASINs: validated strings.

:data:`Sku` and :data:`Asin` are names for ``str`` that type checkers
tell apart; :func:`to_sku` and :func:`to_asin` validate a value and
return it as one.  Every model value that holds a SKU or an ASIN
validates it on construction, so an invalid identifier cannot get into a
listing or a catalogue.  The value kept is the caller's own string, not a
copy: a catalogue of a million SKUs costs what a million strings cost (a
``str`` subclass would store each one in a larger, non-compact form).

>>> to_sku("MUG-CERAMIC-12")
'MUG-CERAMIC-12'
>>> to_asin("b071vg5n9d")
Traceback (most recent call last):
...
unified_account.errors.InvalidValueError: `'b071vg5n9d'` is not an ASIN \
(10 capital letters or digits)
"""

from __future__ import annotations

from typing import NewType

from .._excerpt import excerpt
from ..errors import InvalidValueError

__all__ = ["Asin", "Sku", "to_asin", "to_sku"]

Sku = NewType("Sku", str)
"""A seller SKU: 1 to 40 printable ASCII characters, no outer space.

The SKU is the seller's own identifier of an item; the same SKU in
several marketplaces is one item with one merchant-fulfilled pool
(``mfn-inventory``).  Make one with :func:`to_sku`.
"""

Asin = NewType("Asin", str)
"""An Amazon Standard Identification Number: 10 capitals or digits.

Make one with :func:`to_asin`.
"""

_ASIN_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def to_sku(value: str) -> Sku:
    """``value`` as a :data:`Sku`, or :class:`InvalidValueError`.

    Printable ASCII, 1 to 40 characters, no space at either end: what
    Seller Central accepts as a seller SKU.
    """
    if not (
        isinstance(value, str)
        and 0 < len(value) <= 40
        and value.isascii()
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a SKU (1 to 40 "
            "printable ASCII "
            "characters, no space at either end)"
        )
    return Sku(value)


def to_asin(value: str) -> Asin:
    """``value`` as an :data:`Asin`, or :class:`InvalidValueError`."""
    if not (
        isinstance(value, str)
        and len(value) == 10
        and _ASIN_CHARACTERS.issuperset(value)
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not an ASIN (10 capital "
            "letters or digits)"
        )
    return Asin(value)
