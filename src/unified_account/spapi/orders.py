"""Reading Selling Partner API order payloads into :class:`Order` values.

Two order shapes are in use: Orders v0 (``getOrders``; PascalCase,
``MarketplaceId``, ``OrderTotal``, ``FulfillmentChannel`` ``AFN``/``MFN``)
and Orders 2026-01-01 (``searchOrders``; camelCase,
``salesChannel.marketplaceId``, ``proceeds.grandTotal``,
``fulfillment.fulfilledBy`` ``AMAZON``/``MERCHANT``).  Both map to the
same :class:`~unified_account.model.orders.Order`.  Amounts are decimal
strings in both; a number is refused.  An error names the payload field.

>>> order = order_from_v0({
...     "AmazonOrderId": "702-3035602-4225066",
...     "PurchaseDate": "2026-07-02T15:04:05Z",
...     "OrderStatus": "Shipped", "FulfillmentChannel": "AFN",
...     "MarketplaceId": "A2EUQ1WTGCTBG2",
...     "OrderTotal": {"CurrencyCode": "CAD", "Amount": "54.20"}})
>>> order.marketplace.name, str(order.total), order.fulfillment.value
('CA', 'CAD 54.20', 'fba')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NotRequired, TypedDict

from ..errors import InvalidValueError, UnifiedAccountError
from ..model.listing import FulfillmentChannel
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.orders import Order, OrderStatus

__all__ = [
    "Order2026Shape",
    "OrderV0Shape",
    "order_from_2026",
    "order_from_v0",
]


class MoneyV0Shape(TypedDict, total=False):
    """Orders v0 ``Money``: PascalCase, both keys optional."""

    CurrencyCode: str
    Amount: str


class OrderV0Shape(TypedDict):
    """Orders v0 ``Order`` (the fields read)."""

    AmazonOrderId: str
    PurchaseDate: str
    OrderStatus: str
    MarketplaceId: NotRequired[str]
    SalesChannel: NotRequired[str]
    OrderTotal: NotRequired[MoneyV0Shape]
    FulfillmentChannel: NotRequired[str]


class Money2026Shape(TypedDict):
    """Orders 2026-01-01 ``Money``: camelCase, a decimal string."""

    amount: str
    currencyCode: str


class SalesChannelShape(TypedDict):
    """Orders 2026-01-01 ``SalesChannel``."""

    channelName: str
    marketplaceId: NotRequired[str]
    marketplaceName: NotRequired[str]


class Order2026Shape(TypedDict):
    """Orders 2026-01-01 ``Order`` (the fields read)."""

    orderId: str
    createdTime: str
    salesChannel: SalesChannelShape
    proceeds: NotRequired[dict[str, Money2026Shape]]
    fulfillment: NotRequired[dict[str, str]]


_V0_STATUS = {
    "PendingAvailability": OrderStatus.PENDING_AVAILABILITY,
    "Pending": OrderStatus.PENDING,
    "Unshipped": OrderStatus.UNSHIPPED,
    "PartiallyShipped": OrderStatus.PARTIALLY_SHIPPED,
    "Shipped": OrderStatus.SHIPPED,
    "InvoiceUnconfirmed": OrderStatus.INVOICE_UNCONFIRMED,
    "Canceled": OrderStatus.CANCELED,
    "Unfulfillable": OrderStatus.UNFULFILLABLE,
}
_V2026_STATUS = {
    "PENDING_AVAILABILITY": OrderStatus.PENDING_AVAILABILITY,
    "PENDING": OrderStatus.PENDING,
    "UNSHIPPED": OrderStatus.UNSHIPPED,
    "PARTIALLY_SHIPPED": OrderStatus.PARTIALLY_SHIPPED,
    "SHIPPED": OrderStatus.SHIPPED,
    "CANCELLED": OrderStatus.CANCELED,
    "UNFULFILLABLE": OrderStatus.UNFULFILLABLE,
}
_CHANNELS = {
    "MFN": FulfillmentChannel.MFN,
    "AFN": FulfillmentChannel.FBA,
    "MERCHANT": FulfillmentChannel.MFN,
    "AMAZON": FulfillmentChannel.FBA,
}


def _get(payload: Mapping[str, Any], path: str) -> Any:
    value: Any = payload
    for step in path.split("."):
        if not isinstance(value, Mapping) or step not in value:
            return None
        value = value[step]
    return value


def _required(payload: Mapping[str, Any], path: str) -> Any:
    value = _get(payload, path)
    if value is None:
        raise InvalidValueError("missing required field", field=path)
    return value


def _lookup(table: Mapping[str, Any], value: Any, path: str) -> Any:
    try:
        return table[value]
    except (KeyError, TypeError):
        raise InvalidValueError(
            f"`{value}` is not one of: " + ", ".join(table), field=path
        ) from None


def _optional(table: Mapping[str, Any], payload: Any, path: str) -> Any:
    value = _get(payload, path)
    return None if value is None else _lookup(table, value, path)


def _time(payload: Mapping[str, Any], path: str) -> datetime:
    text = _required(payload, path)
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise InvalidValueError(
            f"`{text}` is not an ISO 8601 date and time", field=path
        ) from None


def _money(
    payload: Mapping[str, Any], path: str, amount: str, currency: str
) -> Money | None:
    value = _get(payload, path)
    if value is None or (
        isinstance(value, Mapping) and not ({amount, currency} & set(value))
    ):
        return None  # absent or empty (``{}``): no total yet
    keys = {"amount": amount, "currency": currency}
    try:
        return Money(_required(value, amount), _required(value, currency))
    except InvalidValueError as error:
        key = keys.get(error.field or "", error.field)
        field = f"{path}.{key}" if key else path
        raise InvalidValueError(error.problem, field=field) from None


def _marketplace(
    payload: Mapping[str, Any], id_path: str, name_path: str
) -> Marketplace:
    try:
        marketplace_id = _get(payload, id_path)
        if marketplace_id is not None:
            return Marketplace.from_id(marketplace_id)
        return Marketplace.from_domain(_required(payload, name_path))
    except UnifiedAccountError as error:
        if isinstance(error, InvalidValueError):
            raise
        raise InvalidValueError(str(error), field=id_path) from None


def _order(names: Mapping[str, str], **fields: Any) -> Order:
    try:
        return Order(**fields)
    except InvalidValueError as error:
        field = names.get(error.field or "", error.field)
        raise InvalidValueError(error.problem, field=field) from None


_V0_NAMES = {
    "order_id": "AmazonOrderId",
    "purchased_at": "PurchaseDate",
    "total": "OrderTotal",
}
_V2026_NAMES = {
    "order_id": "orderId",
    "purchased_at": "createdTime",
    "total": "proceeds.grandTotal",
}


def order_from_v0(payload: Mapping[str, Any]) -> Order:
    """An order from an Orders v0 ``Order`` object.

    The marketplace is ``MarketplaceId``, else ``SalesChannel``
    (``Amazon.ca``); ``OrderTotal`` may be absent (pending orders), and
    so may ``FulfillmentChannel`` (the order's channel is then unknown).
    """
    return _order(
        _V0_NAMES,
        order_id=_required(payload, "AmazonOrderId"),
        marketplace=_marketplace(payload, "MarketplaceId", "SalesChannel"),
        purchased_at=_time(payload, "PurchaseDate"),
        total=_money(payload, "OrderTotal", "Amount", "CurrencyCode"),
        fulfillment=_optional(_CHANNELS, payload, "FulfillmentChannel"),
        status=_lookup(
            _V0_STATUS, _required(payload, "OrderStatus"), "OrderStatus"
        ),
    )


def order_from_2026(payload: Mapping[str, Any]) -> Order:
    """An order from an Orders 2026-01-01 ``Order`` object.

    The total is ``proceeds.grandTotal`` (absent: no total yet); the
    channel ``fulfillment.fulfilledBy``; the status
    ``fulfillment.fulfillmentStatus`` (either absent: unknown).
    """
    return _order(
        _V2026_NAMES,
        order_id=_required(payload, "orderId"),
        marketplace=_marketplace(
            payload,
            "salesChannel.marketplaceId",
            "salesChannel.marketplaceName",
        ),
        purchased_at=_time(payload, "createdTime"),
        total=_money(payload, "proceeds.grandTotal", "amount", "currencyCode"),
        fulfillment=_optional(_CHANNELS, payload, "fulfillment.fulfilledBy"),
        status=_optional(
            _V2026_STATUS, payload, "fulfillment.fulfillmentStatus"
        ),
    )
