"""Seller SKUs and Amazon ASINs: validated strings.

Both are ``str`` subclasses with no per-instance storage of their own, so
a catalogue of a million SKUs costs what a million strings cost, and a
plain string looks up a SKU in any mapping keyed by :class:`Sku`.
Construction validates; an invalid identifier cannot exist.

>>> Sku("MUG-CERAMIC-12")
Sku('MUG-CERAMIC-12')
>>> Asin("B071VG5N9D") == "B071VG5N9D"
True
"""

from __future__ import annotations

from ..errors import InvalidValueError

__all__ = ["Asin", "Sku"]

_ASIN_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _is_sku(value: str) -> bool:
    # Printable ASCII, 1 to 40 characters, no space at either end: what
    # Seller Central accepts as a seller SKU.  String methods rather than
    # a regular expression, because catalogues build SKUs by the million.
    return (
        0 < len(value) <= 40
        and value.isascii()
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
    )


class Sku(str):
    """A seller SKU: 1 to 40 printable ASCII characters, no outer spaces.

    The SKU is the seller's own identifier of an item; the same SKU in
    several marketplaces is one item with one merchant-fulfilled pool
    (``mfn-inventory``).
    """

    __slots__ = ()

    def __new__(cls, value: object) -> Sku:
        """Validate ``value`` and return it as a :class:`Sku`."""
        if type(value) is cls:
            return value
        if not isinstance(value, str) or not _is_sku(value):
            raise InvalidValueError(
                f"`{value!r}` is not a SKU (1 to 40 printable ASCII "
                "characters, no space at either end)"
            )
        return super().__new__(cls, value)

    def __repr__(self) -> str:
        return f"Sku({str.__repr__(self)})"


class Asin(str):
    """An Amazon Standard Identification Number: 10 capitals or digits."""

    __slots__ = ()

    def __new__(cls, value: object) -> Asin:
        """Validate ``value`` and return it as an :class:`Asin`."""
        if type(value) is cls:
            return value
        if (
            not isinstance(value, str)
            or len(value) != 10
            or not _ASIN_CHARACTERS.issuperset(value)
        ):
            raise InvalidValueError(
                f"`{value!r}` is not an ASIN (10 capital letters or digits)"
            )
        return super().__new__(cls, value)

    def __repr__(self) -> str:
        return f"Asin({str.__repr__(self)})"
