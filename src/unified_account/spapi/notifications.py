"""Notifications: four types, each a pure transition on a snapshot.

:func:`apply_notification` takes a snapshot and one notification body
(``{"NotificationType": ..., "Payload": ...}``) and returns the new
snapshot; replaying a stream with :func:`replay` gives the state a fresh
pull of the same facts gives.

- ``LISTINGS_ITEM_MFN_QUANTITY_CHANGE`` sets the SKU's merchant-fulfilled
  pool (it has no marketplace: one pool per SKU, ``mfn-inventory``);
- ``LISTINGS_ITEM_STATUS_CHANGE`` sets one marketplace's listing status
  (``BUYABLE``: active, else inactive);
- ``FBA_INVENTORY_AVAILABILITY_CHANGES`` sets each listed country's FBA
  pool to its ``Fulfillable`` quantity, each pool on its own;
- ``ORDER_CHANGE`` sets an order's status and channel (adding the order,
  without a total, when it is new).

A notification that contradicts the rules is not applied; it becomes a
``contradiction`` note on the snapshot, which the report shows: an MFN
quantity that names one marketplace of a shared pool listed in others
and differs from the pool (the pool is one number everywhere), or one
that names a marketplace a separate SKU does not serve.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NotRequired, TypedDict

import attrs

from .._excerpt import excerpt
from ..model.catalog import SkuRecord
from ..model.identifiers import to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.listing import ListingStatus
from ..model.marketplace import Marketplace
from ..model.orders import Order
from ..snapshot import Snapshot
from ._common import classify
from ._json import (
    array,
    at,
    fail,
    get,
    join,
    kind,
    need,
    obj,
    text,
    timestamp,
    whole,
)
from .orders import _CHANNELS, _V0_STATUS

__all__ = [
    "NOTIFICATION_TYPES",
    "NotificationShape",
    "apply_notification",
    "replay",
]

SOURCE = "notifications"

NOTIFICATION_TYPES = (
    "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
    "LISTINGS_ITEM_STATUS_CHANGE",
    "FBA_INVENTORY_AVAILABILITY_CHANGES",
    "ORDER_CHANGE",
)
"""The notification types :func:`apply_notification` reads."""


class NotificationShape(TypedDict):
    """A notification body (the fields read)."""

    NotificationType: str
    Payload: dict[str, Any]
    EventTime: NotRequired[str]


def _note(snapshot: Snapshot, note: SetAside) -> Snapshot:
    return attrs.evolve(snapshot, set_aside=(*snapshot.set_aside, note))


def _record(snapshot: Snapshot, sku: Any) -> SkuRecord:
    found = snapshot.catalog.get(sku)
    return SkuRecord(sku=sku) if found is None else found


def _put(snapshot: Snapshot, record: SkuRecord, path: str) -> Snapshot:
    return snapshot.with_catalog(
        at(path, snapshot.catalog.with_record, record)
    )


def _mfn(
    snapshot: Snapshot, payload: Mapping[str, Any], path: str
) -> Snapshot:
    sku = at(
        join(path, "Sku"),
        to_sku,
        text(need(payload, "Sku", path), join(path, "Sku")),
    )
    code = text(
        need(payload, "FulfillmentChannelCode", path),
        join(path, "FulfillmentChannelCode"),
    )
    quantity = whole(need(payload, "Quantity", path), join(path, "Quantity"))
    if code != "DEFAULT":
        raise fail(
            join(path, "FulfillmentChannelCode"),
            f"`{excerpt(code)}` is not DEFAULT",
        )
    record = _record(snapshot, sku)
    named = get(payload, "MarketplaceId", path)
    if named is not None:
        market = classify(named, join(path, "MarketplaceId"), SOURCE)
        pool = record.mfn
        listed = {listing.marketplace for listing in record.listings}
        contradicts = isinstance(market, Marketplace) and (
            (not pool.is_shared and pool.marketplace is not market)
            or (
                pool.is_shared
                and listed - {market}
                and quantity != pool.quantity
            )
        )
        if contradicts:
            assert isinstance(market, Marketplace)
            return _note(
                snapshot,
                SetAside(
                    source=SOURCE,
                    path=path,
                    subject=str(sku),
                    reason=SetAsideReason.CONTRADICTION,
                    detail=f"{market.name}: {quantity}",
                ),
            )
    if quantity and record.remote_fulfillment:
        # The record's own checks say why an enrolled SKU's offers stay
        # at zero (``fba-pool-separation``): the checked way, rare.
        pool = attrs.evolve(record.mfn, quantity=quantity)
        return _put(snapshot, attrs.evolve(record, mfn=pool), path)
    # ``quantity`` is a checked whole number and nothing else changes:
    # the transitions' own update, without checking the record again.
    return _put(snapshot, record._with_quantity(quantity), path)


def _status(
    snapshot: Snapshot, payload: Mapping[str, Any], path: str
) -> Snapshot:
    sku = at(
        join(path, "Sku"),
        to_sku,
        text(need(payload, "Sku", path), join(path, "Sku")),
    )
    market = classify(
        need(payload, "MarketplaceId", path),
        join(path, "MarketplaceId"),
        SOURCE,
    )
    statuses = array(need(payload, "Status", path), join(path, "Status"))
    if isinstance(market, SetAside):
        return _note(snapshot, market)
    record = snapshot.catalog.get(sku)
    listing = None if record is None else record.listing(market)
    if record is None or listing is None:
        return _note(
            snapshot,
            SetAside(
                source=SOURCE,
                path=path,
                subject=str(sku),
                reason=SetAsideReason.INCOMPLETE_LISTING,
                detail=market.name,
            ),
        )
    status = (
        ListingStatus.ACTIVE
        if "BUYABLE" in statuses
        else ListingStatus.INACTIVE
    )
    return _put(
        snapshot,
        record.with_listing(attrs.evolve(listing, status=status)),
        path,
    )


def _fba(
    snapshot: Snapshot, payload: Mapping[str, Any], path: str
) -> Snapshot:
    sku = at(
        join(path, "SKU"),
        to_sku,
        text(need(payload, "SKU", path), join(path, "SKU")),
    )
    where = join(path, "FulfillmentInventoryByMarketplace")
    entries = array(
        need(payload, "FulfillmentInventoryByMarketplace", path), where
    )
    record = _record(snapshot, sku)
    pools = dict(record.fba)
    notes: list[SetAside] = []
    for index, raw in enumerate(entries):
        at_ = join(where, index)
        entry = obj(raw, at_)
        market = classify(
            need(entry, "MarketplaceId", at_),
            join(at_, "MarketplaceId"),
            SOURCE,
        )
        inv_path = join(at_, "FulfillmentInventory")
        inventory = obj(need(entry, "FulfillmentInventory", at_), inv_path)
        units = whole(
            need(inventory, "Fulfillable", inv_path),
            join(inv_path, "Fulfillable"),
        )
        if isinstance(market, SetAside):
            notes.append(market)
            continue
        pools[market] = units
    snapshot = _put(snapshot, attrs.evolve(record, fba=pools), path)
    for note in notes:
        snapshot = _note(snapshot, note)
    return snapshot


def _order(
    snapshot: Snapshot, payload: Mapping[str, Any], path: str
) -> Snapshot:
    where = join(path, "OrderChangeNotification")
    change = obj(need(payload, "OrderChangeNotification", path), where)
    order_id = text(
        need(change, "AmazonOrderId", where), join(where, "AmazonOrderId")
    )
    summary_path = join(where, "Summary")
    summary = obj(need(change, "Summary", where), summary_path)
    market = classify(
        need(summary, "MarketplaceId", summary_path),
        join(summary_path, "MarketplaceId"),
        SOURCE,
    )
    status_path = join(summary_path, "OrderStatus")
    raw_status = text(need(summary, "OrderStatus", summary_path), status_path)
    status = _V0_STATUS.get(raw_status)
    if status is None:
        raise fail(
            status_path, f"`{excerpt(raw_status)}` is not an order status"
        )
    channel = get(summary, "FulfillmentType", summary_path)
    fulfillment = None
    if channel is not None:
        fulfillment = _CHANNELS.get(
            text(channel, join(summary_path, "FulfillmentType"))
        )
        if fulfillment is None:
            raise fail(
                join(summary_path, "FulfillmentType"), "expected MFN or AFN"
            )
    if isinstance(market, SetAside):
        if market.reason is SetAsideReason.NON_AMAZON_MARKETPLACE:
            market = attrs.evolve(
                market,
                reason=SetAsideReason.NON_AMAZON_ORDER,
                subject=order_id,
            )
            return _note(snapshot, market)
        if market.reason is SetAsideReason.UNKNOWN_MARKETPLACE:
            return _note(snapshot, market)
        market = Marketplace(market.subject)
    orders = list(snapshot.orders)
    for index, order in enumerate(orders):
        if order.order_id == order_id:
            orders[index] = at(
                path,
                attrs.evolve,
                order,
                status=status,
                fulfillment=fulfillment or order.fulfillment,
            )
            break
    else:
        purchased = timestamp(
            need(summary, "PurchaseDate", summary_path),
            join(summary_path, "PurchaseDate"),
        )
        orders.append(
            at(
                where,
                Order,
                order_id=order_id,
                marketplace=market,
                purchased_at=purchased,
                total=None,
                fulfillment=fulfillment,
                status=status,
            )
        )
    return attrs.evolve(snapshot, orders=orders)


_APPLY = {
    "LISTINGS_ITEM_MFN_QUANTITY_CHANGE": _mfn,
    "LISTINGS_ITEM_STATUS_CHANGE": _status,
    "FBA_INVENTORY_AVAILABILITY_CHANGES": _fba,
    "ORDER_CHANGE": _order,
}


def apply_notification(
    snapshot: Snapshot, notification: object, *, path: str = ""
) -> Snapshot:
    """``snapshot`` after one notification (see the module's list).

    ``path`` is where the notification sits in its file (``[3]``); the
    paths of errors and notes start with it.
    """
    body = obj(notification, path)
    kind_path = join(path, "NotificationType")
    name = text(need(body, "NotificationType", path), kind_path)
    apply = _APPLY.get(name)
    if apply is None:
        raise fail(
            kind_path,
            f"`{excerpt(name)}` is not one of: "
            + ", ".join(NOTIFICATION_TYPES),
        )
    payload_path = join(path, "Payload")
    payload = obj(need(body, "Payload", path), payload_path)
    return apply(snapshot, payload, payload_path)


def replay(snapshot: Snapshot, notifications: Iterable[object]) -> Snapshot:
    """``snapshot`` after each of ``notifications``, in order.

    Paths in errors and notes start with the notification's index
    (``[3].Payload.Sku``).  ``notifications`` that is not an array (an
    object, a string, a number) is a payload error, not a stream.
    """
    if isinstance(notifications, str | bytes | Mapping) or not isinstance(
        notifications, Iterable
    ):
        raise fail(
            "",
            f"expected an array of notifications, got {kind(notifications)}",
        )
    for index, notification in enumerate(notifications):
        snapshot = apply_notification(
            snapshot, notification, path=f"[{index}]"
        )
    return snapshot
