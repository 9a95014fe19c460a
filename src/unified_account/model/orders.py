"""Orders: one customer order in one marketplace, in its currency.

An :class:`Order` is what both SP-API order shapes (Orders v0 and Orders
2026-01-01) say about an order that the rules need: its id, marketplace,
purchase time, total, fulfilment channel and status.  See
:mod:`unified_account.spapi` for reading those payloads.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import attrs

from ..errors import InvalidValueError
from ._validate import instance_of, matches
from .listing import FulfillmentChannel
from .marketplace import Marketplace
from .money import Money

__all__ = ["Order", "OrderStatus"]


class OrderStatus(enum.Enum):
    """Where an order is, as SP-API reports it (both order APIs)."""

    PENDING_AVAILABILITY = "pending-availability"
    PENDING = "pending"
    UNSHIPPED = "unshipped"
    PARTIALLY_SHIPPED = "partially-shipped"
    SHIPPED = "shipped"
    INVOICE_UNCONFIRMED = "invoice-unconfirmed"
    CANCELED = "canceled"
    UNFULFILLABLE = "unfulfillable"


def _aware(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, datetime):
        raise InvalidValueError(
            f"`{value!r}` is not a datetime", field=attribute.name
        )
    if value.utcoffset() is None:
        raise InvalidValueError(
            f"`{value.isoformat()}` has no time zone; give one (`Z` for UTC)",
            field=attribute.name,
        )


def _optional_money(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None and not isinstance(value, Money):
        raise InvalidValueError(
            f"`{value!r}` is not Money", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class Order:
    """One order, as a combined order report needs it.

    ``total`` is the order total in the currency of ``marketplace``
    (another currency is refused), or ``None`` while Amazon has not set
    one (a pending order).  ``purchased_at`` must carry a time zone.
    ``fulfillment`` and ``status`` are ``None`` when the source did not
    say (both are optional in Amazon's order schemas).
    """

    order_id: str = attrs.field(
        validator=matches(
            r"[0-9A-Za-z][0-9A-Za-z-]{2,39}",
            "an order id (like `702-3035602-4225066`)",
        )
    )
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    purchased_at: datetime = attrs.field(validator=_aware)
    total: Money | None = attrs.field(validator=_optional_money)
    fulfillment: FulfillmentChannel | None = attrs.field(
        validator=instance_of(FulfillmentChannel, type(None))
    )
    status: OrderStatus | None = attrs.field(
        validator=instance_of(OrderStatus, type(None))
    )

    def __attrs_post_init__(self) -> None:
        total = self.total
        if total is None:
            return
        if total.currency != self.marketplace.currency:
            raise InvalidValueError(
                f"`{total}` is not in `{self.marketplace.currency}`, the "
                f"currency of {self.marketplace.display_name}",
                field="total",
            )
        if total.amount < 0:
            raise InvalidValueError(f"`{total}` is negative", field="total")
