"""Merchant-fulfilled stock: a shared pool, or a separate SKU per marketplace.

Amazon keeps a merchant-fulfilled (MFN) quantity per seller and SKU, with
no marketplace (SP-API ``fulfillmentAvailability`` ``DEFAULT``).  A seller
therefore manages MFN stock one of two ways (``mfn-inventory``):

- a **shared pool**: the same SKU in every marketplace; each marketplace
  where it is listed shows the whole pool, and a sale anywhere reduces it
  everywhere;
- **separate SKUs**: a different SKU in each marketplace, each with its
  own pool, so quantities are independent.

:class:`MfnPool` records which one a SKU is and how many units it holds.
FBA stock is kept per (SKU, marketplace) on the SKU's record
(:class:`~unified_account.model.catalog.SkuRecord`).
"""

from __future__ import annotations

import enum

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..errors import InvalidValueError
from ._validate import instance_of, non_negative_int
from .marketplace import Marketplace

__all__ = ["NO_MFN_STOCK", "MfnArrangement", "MfnPool"]


class MfnArrangement(enum.Enum):
    """How a SKU's merchant-fulfilled stock relates to marketplaces."""

    SHARED = "shared"
    """One pool for the SKU, shown whole wherever the SKU is listed."""
    SEPARATE = "separate"
    """The SKU is the seller's SKU for one marketplace only."""


def _optional_marketplace(
    _: object, attribute: attrs.Attribute[Marketplace | None], value: object
) -> None:
    if value is not None and not isinstance(value, Marketplace):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a Marketplace",
            field=attribute.name,
        )


@checked_methods
@attrs.frozen(kw_only=True, weakref_slot=False)
class MfnPool:
    """A SKU's merchant-fulfilled stock and how it is arranged.

    ``quantity`` is the number of units the seller can ship; ``arrangement``
    is :attr:`MfnArrangement.SHARED` (the default) or
    :attr:`MfnArrangement.SEPARATE`; ``marketplace`` is the one
    marketplace a separate SKU serves (``None`` for a shared pool).

    Invariant: ``marketplace`` is given exactly for a separate SKU.

    >>> MfnPool.shared(100)
    MfnPool(quantity=100, arrangement=<MfnArrangement.SHARED: 'shared'>, \
marketplace=None)
    >>> MfnPool.separate(Marketplace.CA, 20).marketplace
    <Marketplace.CA: 'A2EUQ1WTGCTBG2'>
    """

    quantity: int = attrs.field(default=0, validator=non_negative_int)
    arrangement: MfnArrangement = attrs.field(
        default=MfnArrangement.SHARED, validator=instance_of(MfnArrangement)
    )
    marketplace: Marketplace | None = attrs.field(
        default=None, validator=_optional_marketplace
    )

    def __attrs_post_init__(self) -> None:
        separate = self.arrangement is MfnArrangement.SEPARATE
        if separate and self.marketplace is None:
            raise InvalidValueError(
                "a separate SKU must name the marketplace it serves",
                field="marketplace",
            )
        if not separate and self.marketplace is not None:
            raise InvalidValueError(
                f"a shared pool serves every marketplace; `"
                f"{self.marketplace.name}` applies only to a separate SKU",
                field="marketplace",
            )

    @classmethod
    def shared(cls, quantity: int = 0) -> MfnPool:
        """A shared pool of ``quantity`` units."""
        return cls(quantity=quantity)

    @classmethod
    def separate(cls, marketplace: Marketplace, quantity: int = 0) -> MfnPool:
        """The pool of a SKU kept for ``marketplace`` alone."""
        return cls(
            quantity=quantity,
            arrangement=MfnArrangement.SEPARATE,
            marketplace=marketplace,
        )

    @property
    def is_shared(self) -> bool:
        """``True`` for a shared pool."""
        return self.arrangement is MfnArrangement.SHARED


NO_MFN_STOCK = MfnPool()
"""A shared pool with no units: the pool of a SKU with none (one value)."""
