"""Flat-file reports: merchant listings and orders, as Amazon delivers them.

Both are tab-separated text with a header row, lines ending in CRLF or
LF, cells unquoted.  Amazon encodes North
American report documents in Windows-1252 (the document's
``Content-Type`` says so) and some in UTF-8: :func:`decode_report` reads
UTF-8 (a byte-order mark is dropped) and falls back to Windows-1252.
A problem names its line and column (``line 4, column 3``).

- ``GET_MERCHANT_LISTINGS_ALL_DATA`` has no marketplace column: it covers
  the marketplace it was requested for, which the caller gives.  Each
  row is a listing (``seller-sku``, ``item-name``, ``price``, ``status``
  ``Active``/other, ``fulfillment-channel`` ``DEFAULT`` or ``AMAZON_NA``,
  ``quantity``: the merchant-fulfilled pool, ``asin1``).
- ``GET_FLAT_FILE_ALL_ORDERS_DATA_BY_*`` ignores the request's
  marketplaces and lists every order of the region; ``sales-channel``
  (``Amazon.ca``) names each row's marketplace.  One row per item; an
  order's rows become one order.  The file has item prices but no order
  total, so the total is unknown (``None``).  ``Non-Amazon`` rows are
  set aside.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._excerpt import excerpt
from ..errors import PayloadError
from ..limits import MAX_WHOLE_DIGITS, text_problem
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.orders import Order, OrderStatus
from ._common import Read
from ._json import at, decimal_text, timestamp, whole

__all__ = [
    "ListingsReport",
    "OrdersReport",
    "decode_report",
    "read_merchant_listings_report",
    "read_orders_report",
]

SOURCE = "reports"
LISTINGS_COLUMNS = ("seller-sku", "item-name", "price")
ORDERS_COLUMNS = ("amazon-order-id", "purchase-date", "sales-channel")


def decode_report(data: bytes) -> str:
    """The text of a report document: UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rows(
    text: str, needed: Sequence[str]
) -> tuple[list[str], list[list[str]]]:
    # Lines end in CRLF or LF, and only those: a cell may hold any other
    # character.  Cells are not quoted.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise PayloadError("line 1", "the report is empty")
    rows = [line.removesuffix("\r").split("\t") for line in lines]
    header = rows[0]
    for name in needed:
        if name not in header:
            raise PayloadError("line 1", f"no `{name}` column")
    return header, rows[1:]


class _Row:
    def __init__(self, header: list[str], row: list[str], line: int) -> None:
        self.header, self.row, self.line = header, row, line

    def where(self, name: str) -> str:
        if name not in self.header:  # a column the report does not have
            return f"line {self.line}"
        return f"line {self.line}, column {self.header.index(name) + 1}"

    def get(self, name: str) -> str:
        if name not in self.header:
            return ""
        index = self.header.index(name)
        return self.row[index] if index < len(self.row) else ""

    def need(self, name: str) -> str:
        value = self.get(name)
        if not value.strip():
            raise PayloadError(self.where(name), f"`{name}` is empty")
        problem = text_problem(value)
        if problem is not None:
            raise PayloadError(self.where(name), problem)
        return value


@attrs.frozen
class ListingsReport(Read):
    """Listings of one marketplace: ``(listing, mfn quantity, asin)``."""

    marketplace: Marketplace = Marketplace.US
    rows: tuple[tuple[Listing, int | None, Asin | None], ...] = ()


def read_merchant_listings_report(
    text: str, marketplace: Marketplace
) -> ListingsReport:
    """Read ``GET_MERCHANT_LISTINGS_ALL_DATA`` asked for ``marketplace``."""
    header, rows = _rows(text, LISTINGS_COLUMNS)
    found: list[tuple[Listing, int | None, Asin | None]] = []
    for number, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        row = _Row(header, raw, number)
        sku: Sku = at(row.where("seller-sku"), to_sku, row.need("seller-sku"))
        price = at(
            row.where("price"),
            Money,
            decimal_text(row.need("price"), row.where("price")),
            marketplace.currency,
        )
        code = row.get("fulfillment-channel") or "DEFAULT"
        channel = (
            FulfillmentChannel.FBA
            if code.startswith("AMAZON")
            else FulfillmentChannel.MFN
        )
        status = (
            ListingStatus.ACTIVE
            if row.get("status") in ("", "Active")
            else ListingStatus.INACTIVE
        )
        listing = at(
            row.where("price"),
            Listing,
            sku=sku,
            marketplace=marketplace,
            title=row.need("item-name"),
            price=price,
            channel=channel,
            status=status,
        )
        quantity = None
        if row.get("quantity").strip():
            quantity = whole(
                int_text(row.get("quantity"), row.where("quantity")),
                row.where("quantity"),
            )
        asin = None
        if row.get("asin1").strip():
            asin = at(row.where("asin1"), to_asin, row.get("asin1").strip())
        found.append((listing, quantity, asin))
    return ListingsReport(marketplace=marketplace, rows=tuple(found))


def int_text(value: str, where: str) -> int:
    """A whole number written in ASCII digits, at most 15 of them."""
    if not value.isascii() or not value.isdigit():
        raise PayloadError(where, f"`{excerpt(value)}` is not a whole number")
    if len(value) > MAX_WHOLE_DIGITS:
        raise PayloadError(
            where,
            f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits",
        )
    return int(value)


_STATUS = {
    "Pending": OrderStatus.PENDING,
    "PendingAvailability": OrderStatus.PENDING_AVAILABILITY,
    "Unshipped": OrderStatus.UNSHIPPED,
    "PartiallyShipped": OrderStatus.PARTIALLY_SHIPPED,
    "Shipping": OrderStatus.PARTIALLY_SHIPPED,
    "Shipped": OrderStatus.SHIPPED,
    "Cancelled": OrderStatus.CANCELED,
    "Canceled": OrderStatus.CANCELED,
}
_BY_NAME = {m.display_name.lower(): m for m in Marketplace}


@attrs.frozen
class OrdersReport(Read):
    """The orders of a flat-file orders report."""

    orders: tuple[Order, ...] = ()


def read_orders_report(text: str) -> OrdersReport:
    """Read a flat-file orders report (``sales-channel`` per row)."""
    header, rows = _rows(text, ORDERS_COLUMNS)
    orders: dict[str, Order] = {}
    notes: list[SetAside] = []
    for number, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        row = _Row(header, raw, number)
        order_id = row.need("amazon-order-id")
        channel = row.need("sales-channel")
        marketplace = _BY_NAME.get(channel.strip().lower())
        if marketplace is None:
            reason = (
                SetAsideReason.NON_AMAZON_ORDER
                if channel.strip().lower() == "non-amazon"
                else SetAsideReason.UNKNOWN_MARKETPLACE
            )
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=row.where("sales-channel"),
                    subject=order_id,
                    reason=reason,
                    detail=channel,
                )
            )
            continue
        if order_id in orders:
            continue
        fulfilled = row.get("fulfillment-channel")
        fulfillment = {
            "Amazon": FulfillmentChannel.FBA,
            "Merchant": FulfillmentChannel.MFN,
        }.get(fulfilled)
        orders[order_id] = at(
            row.where("amazon-order-id"),
            Order,
            order_id=order_id,
            marketplace=marketplace,
            purchased_at=timestamp(
                row.need("purchase-date"), row.where("purchase-date")
            ),
            total=None,
            fulfillment=fulfillment,
            status=_STATUS.get(row.get("order-status")),
        )
    return OrdersReport(orders=tuple(orders.values()), set_aside=notes)
