"""Order lists: ``getOrders`` (v0) and ``searchOrders`` (2026-01-01).

:func:`read_orders` takes a whole response of either API, or a single
``getOrder`` response, and reads every order with
:func:`~unified_account.spapi.orders.order_from_v0` or
:func:`~unified_account.spapi.orders.order_from_2026`.  Orders from other
regions are kept (the report lists them as outside the unified account);
orders placed outside Amazon (v0 ``SalesChannel`` ``Non-Amazon``, 2026
``salesChannel.channelName`` ``NON_AMAZON``, or a non-Amazon marketplace
id) and orders with a marketplace id in no table are set aside with
their reason.  Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import InvalidValueError
from ..limits import text_problem
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace, NonAmazonMarketplace
from ..model.orders import Order
from ._common import Read
from ._json import array, fail, join, obj
from ._pages import document, pages
from .orders import order_from_2026, order_from_v0

__all__ = ["OrderList", "read_orders"]

SOURCE = "orders"


@attrs.frozen
class OrderList(Read):
    """The orders of one response, in payload order."""

    orders: tuple[Order, ...] = ()


def _locate(root: Mapping[str, Any]) -> tuple[Sequence[Any], str, bool]:
    """The orders of a response, their path, and whether they are v0."""
    payload = root.get("payload")
    if isinstance(payload, Mapping):
        if "Orders" in payload:
            return (
                array(payload["Orders"], "payload.Orders"),
                "payload.Orders",
                True,
            )
        if "AmazonOrderId" in payload:
            return [payload], "payload", True
    if "Orders" in root:  # ``.payload`` of a client's response
        return array(root["Orders"], "Orders"), "Orders", True
    if "orders" in root:
        return array(root["orders"], "orders"), "orders", False
    if "order" in root:
        return [root["order"]], "order", False
    if "AmazonOrderId" in root:
        return [root], "", True
    if "orderId" in root:
        return [root], "", False
    raise fail("", "not an Orders v0 or 2026-01-01 response")


def _elsewhere(order: Mapping[str, Any], v0: bool) -> tuple[str, str] | None:
    """``(reason, id)`` when the order is not on a known Amazon store."""
    if v0:
        market = order.get("MarketplaceId")
        channel = order.get("SalesChannel")
        non_amazon = channel == "Non-Amazon"
    else:
        sales = order.get("salesChannel")
        sales = sales if isinstance(sales, Mapping) else {}
        market = sales.get("marketplaceId")
        non_amazon = sales.get("channelName") == "NON_AMAZON"
    if isinstance(market, str):
        if market in NonAmazonMarketplace._value2member_map_:
            return "non-amazon", market
        if not non_amazon and market not in Marketplace._value2member_map_:
            return "unknown", market
    if non_amazon:
        return "non-amazon", str(market or "")
    return None


def _writable(value: object, path: str) -> None:
    """Refuse a string a snapshot cannot hold (a note keeps it)."""
    problem = text_problem(value) if isinstance(value, str) else None
    if problem is not None:
        raise fail(path, problem)


def _subject(order_id: object, index: int) -> str:
    """The order's id, or ``order 3`` when it has none worth the name."""
    if isinstance(order_id, str) and order_id.strip():
        return order_id
    return f"order {index}"


def read_orders(response: object) -> OrderList:
    """Read an Orders v0 or 2026-01-01 response (list or single order).

    The response is taken in any form the adapters accept (see
    :mod:`unified_account.spapi`): the document, its ``payload``, a
    client's response object, or the pages of a ``NextToken`` loop, read
    as one list.
    """
    found = pages(response, _read_orders)
    if found is None:
        return _read_orders(document(response))
    return OrderList(
        orders=tuple(order for read in found for order in read.orders),
        set_aside=[note for read in found for note in read.set_aside],
    )


def _read_orders(response: object) -> OrderList:
    root = obj(response, "")
    items, path, v0 = _locate(root)
    read: Callable[[Mapping[str, Any]], Order] = (
        order_from_v0 if v0 else order_from_2026
    )
    id_key = "AmazonOrderId" if v0 else "orderId"
    market_key = "MarketplaceId" if v0 else "salesChannel.marketplaceId"
    orders: list[Order] = []
    notes: list[SetAside] = []
    for index, raw in enumerate(items):
        listed = path in ("payload.Orders", "Orders", "orders")
        where = join(path, index) if listed else path
        order = obj(raw, where)
        elsewhere = _elsewhere(order, v0)
        if elsewhere is not None:
            kind, market = elsewhere
            _writable(market, join(where, market_key))
            _writable(order.get(id_key), join(where, id_key))
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=where,
                    subject=_subject(order.get(id_key), index),
                    reason=SetAsideReason.NON_AMAZON_ORDER
                    if kind == "non-amazon"
                    else SetAsideReason.UNKNOWN_MARKETPLACE,
                    detail=market,
                )
            )
            continue
        try:
            orders.append(read(order))
        except InvalidValueError as error:
            raise fail(
                join(where, error.field or "") if error.field else where,
                error.problem,
            ) from None
    return OrderList(orders=tuple(orders), set_aside=notes)
