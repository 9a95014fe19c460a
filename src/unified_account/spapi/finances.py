"""The Finances API: what Amazon booked (v0 events, 2024-06-19 transactions).

- :func:`read_financial_events` reads ``listFinancialEvents`` (and
  ``listFinancialEventsByGroupId``, ``listFinancialEventsByOrderId``):
  the item fees of ``ShipmentEventList`` (and of refunds, guarantee
  claims and chargebacks, which share its shape: their fees are in the
  adjustment lists), ``ServiceFeeEventList`` (the subscription among
  them) and ``AdjustmentEventList``.  A service fee event has no date
  in Amazon's model: it takes the caller's ``posted_on`` (the last day
  of the requested window), or is set aside.
- :func:`~unified_account.spapi.transactions.read_transactions` reads
  the 2024-06-19 transactions with the same helpers.

Both take a response in any form the adapters accept (see
:mod:`unified_account.spapi`: the document, its ``payload``, a
client's response object, or any iterable of pages); a charge two pages
repeat counts once (``read_pages``).  Amounts are JSON numbers,
read exactly (parse with ``parse_float=decimal.Decimal``).  A page
that is Amazon's error response (``errors`` and no ``payload``) is
refused with its code, never read as a page without events.  A
marketplace named in no table, ``Non-Amazon`` or of another region is
set aside with its reason.  Errors name the JSON path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

import attrs

from .._excerpt import excerpt
from ..errors import PayloadError
from ..model.charges import Charge, Deposit
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from ._booked import BookedRecords, charge_kind, marketplace_named, merged
from ._json import (
    array,
    at,
    fail,
    get,
    join,
    json_number,
    money,
    obj,
    text,
    timestamp,
)
from ._pages import document

__all__ = ["read_financial_events"]

SOURCE = "finances"
_SHIPMENT_LISTS = (
    "ShipmentEventList",
    "RefundEventList",
    "GuaranteeClaimEventList",
    "ChargebackEventList",
)
_ITEM_FEES = ("ItemFeeList", "ItemFeeAdjustmentList")
_EVENT_FEES = (
    "ShipmentFeeList",
    "ShipmentFeeAdjustmentList",
    "OrderFeeList",
    "OrderFeeAdjustmentList",
)


def _pages(response: object) -> list[tuple[Mapping[str, Any], str]]:
    """Each page's payload and its path, in any form the package reads.

    The document, its ``payload``, a client's response object (its
    ``payload``), or any iterable of them (the pages of a ``NextToken``
    loop, each path starting with its page: ``[1]``).
    """
    if isinstance(response, Mapping | str | bytes | bytearray) or not (
        isinstance(response, Iterable)
    ):
        found = [(document(response), "")]
    else:
        found = [(document(page), f"[{n}]") for n, page in enumerate(response)]
    read = []
    for page, path in found:
        body = obj(page, path)
        if "payload" not in body and body.get("errors"):
            raise _refused(body["errors"], join(path, "errors"))
        inner = body.get("payload", body)
        where = join(path, "payload") if "payload" in body else path
        read.append((obj(inner, where), where))
    return read


def _refused(errors: object, path: str) -> PayloadError:
    """The error for a page that is Amazon's error response."""
    first = errors[0] if isinstance(errors, Sequence) and errors else errors
    fields = first if isinstance(first, Mapping) else {}
    said = ": ".join(
        excerpt(fields[key]) for key in ("code", "message") if key in fields
    )
    return fail(path, f"an error response, not data: {said or '-'}")


def read_pages(
    response: object,
    read_page: Callable[[_Reader, Mapping[str, Any], str], None],
    *,
    name: str,
    posted_on: date | None = None,
) -> BookedRecords:
    """``read_page`` of each page, a booking two pages repeat counted once.

    Pages of one ``NextToken`` loop do not overlap, but pages fetched
    twice (a loop restarted, two windows that share a day) do: a charge
    or deposit an earlier page gave, with its identity and amount, is
    left out as ``merged`` leaves out one another file gave, and so is
    a note an earlier page gave (same subject, reason and detail).
    Within a page every record counts; one identity with two amounts on
    two pages stays twice, a conflict the audit reports.
    """
    reads = []
    for payload, path in _pages(response):
        reader = _Reader(name, posted_on)
        read_page(reader, payload, path)
        reads.append(reader.result())
    if len(reads) == 1:
        return reads[0]
    seen: set[tuple[str, SetAsideReason, str]] = set()
    notes = []
    for read in reads:
        keys = []
        for note in read.set_aside:
            key = (note.subject, note.reason, note.detail)
            if key not in seen:
                keys.append(key)
                notes.append(note)
        seen.update(keys)
    return attrs.evolve(merged(reads), set_aside=notes)


def _named(name: str, path: str) -> str:
    return f"{name}: {path}" if name else path


class _Booking(NamedTuple):
    """What the fees of one event share."""

    booked_on: date
    marketplace: Marketplace | None
    marketplace_name: str
    order: str | None
    settlement: str | None = None


class _Reader:
    def __init__(self, name: str, posted_on: date | None) -> None:
        self.name, self.posted_on = name, posted_on
        self.charges: list[Charge] = []
        self.deposits: list[Deposit] = []
        self.notes: list[SetAside] = []

    def result(self) -> BookedRecords:
        return BookedRecords(
            charges=self.charges, deposits=self.deposits, set_aside=self.notes
        )

    def where(
        self, raw: object, path: str, subject: str
    ) -> Marketplace | SetAside | None:
        if raw is None:
            return None
        return marketplace_named(
            text(raw, path),
            source=SOURCE,
            path=_named(self.name, path),
            subject=subject,
        )

    def fee(
        self,
        raw: object,
        path: str,
        *,
        type_key: str,
        amount_key: str,
        booking: _Booking,
        sku: str | None,
    ) -> None:
        fields = obj(raw, path)
        description = text(fields.get(type_key), join(path, type_key))
        amount = money(
            fields.get(amount_key),
            join(path, amount_key),
            "CurrencyAmount" if amount_key[0].isupper() else "currencyAmount",
            "CurrencyCode" if amount_key[0].isupper() else "currencyCode",
            read=json_number,
        )
        self.charges.append(
            at(
                path,
                Charge,
                booked_on=booking.booked_on,
                marketplace=booking.marketplace,
                marketplace_name=booking.marketplace_name,
                amount=amount,
                kind=charge_kind(description),
                description=description,
                source=_named(self.name, path),
                order_id=booking.order,
                sku=sku,
                settlement_id=booking.settlement,
            )
        )


def _optional_text(
    fields: Mapping[str, Any], key: str, path: str
) -> str | None:
    value = get(fields, key, path)
    return None if value is None else text(value, join(path, key))


def _list(fields: Mapping[str, Any], key: str, path: str) -> Sequence[Any]:
    value = get(fields, key, path)
    return () if value is None else array(value, join(path, key))


def read_financial_events(
    response: object, *, posted_on: date | None = None, name: str = ""
) -> BookedRecords:
    """Read Finances v0 financial events (one response or its pages).

    ``listFinancialEvents``, ``listFinancialEventsByGroupId`` and
    ``listFinancialEventsByOrderId`` alike, in any form the package
    reads.  ``name`` (the file's name) starts each record's source.
    """
    return read_pages(response, _events, name=name, posted_on=posted_on)


def _events(reader: _Reader, payload: Mapping[str, Any], path: str) -> None:
    """The events of one page."""
    events = obj(
        payload.get("FinancialEvents", {}), join(path, "FinancialEvents")
    )
    for list_name in _SHIPMENT_LISTS:
        where = join(join(path, "FinancialEvents"), list_name)
        for index, event in enumerate(
            _list(events, list_name, where[: -len(list_name) - 1])
        ):
            _shipment(reader, event, f"{where}[{index}]")
    where = join(join(path, "FinancialEvents"), "ServiceFeeEventList")
    for index, event in enumerate(
        _list(events, "ServiceFeeEventList", join(path, "FinancialEvents"))
    ):
        _service_fee(reader, event, f"{where}[{index}]")
    where = join(join(path, "FinancialEvents"), "AdjustmentEventList")
    for index, event in enumerate(
        _list(events, "AdjustmentEventList", join(path, "FinancialEvents"))
    ):
        _adjustment(reader, event, f"{where}[{index}]")


def _shipment(reader: _Reader, raw: object, path: str) -> None:
    event = obj(raw, path)
    order = _optional_text(event, "AmazonOrderId", path)
    booked_on = timestamp(
        event.get("PostedDate"), join(path, "PostedDate")
    ).date()
    name = _optional_text(event, "MarketplaceName", path)
    marketplace = reader.where(
        name, join(path, "MarketplaceName"), order or "-"
    )
    if isinstance(marketplace, SetAside):
        reader.notes.append(marketplace)  # the event, once
        return
    common = _Booking(booked_on, marketplace, name or "", order)
    for key in _EVENT_FEES:
        for index, fee in enumerate(_list(event, key, path)):
            reader.fee(
                fee,
                f"{join(path, key)}[{index}]",
                type_key="FeeType",
                amount_key="FeeAmount",
                sku=None,
                booking=common,
            )
    for items_key in ("ShipmentItemList", "ShipmentItemAdjustmentList"):
        for number, raw_item in enumerate(_list(event, items_key, path)):
            item_path = f"{join(path, items_key)}[{number}]"
            item = obj(raw_item, item_path)
            sku = _optional_text(item, "SellerSKU", item_path)
            for key in _ITEM_FEES:
                for index, fee in enumerate(_list(item, key, item_path)):
                    reader.fee(
                        fee,
                        f"{join(item_path, key)}[{index}]",
                        type_key="FeeType",
                        amount_key="FeeAmount",
                        sku=sku,
                        booking=common,
                    )


def _service_fee(reader: _Reader, raw: object, path: str) -> None:
    event = obj(raw, path)
    order = _optional_text(event, "AmazonOrderId", path)
    sku = _optional_text(event, "SellerSKU", path)
    reason = _optional_text(event, "FeeReason", path)
    if reader.posted_on is None:
        reader.notes.append(
            SetAside(
                source=SOURCE,
                path=_named(reader.name, path),
                subject=order or sku or reason or "-",
                reason=SetAsideReason.UNDATED_CHARGE,
                detail=reason or "",
            )
        )
        return
    for index, fee in enumerate(_list(event, "FeeList", path)):
        reader.fee(
            fee,
            f"{join(path, 'FeeList')}[{index}]",
            type_key="FeeType",
            amount_key="FeeAmount",
            booking=_Booking(reader.posted_on, None, "", order),
            sku=sku,
        )


def _adjustment(reader: _Reader, raw: object, path: str) -> None:
    event = obj(raw, path)
    if event.get("AdjustmentAmount") is None:
        return
    booked_on = timestamp(
        event.get("PostedDate"), join(path, "PostedDate")
    ).date()
    reader.fee(
        event,
        path,
        type_key="AdjustmentType",
        amount_key="AdjustmentAmount",
        booking=_Booking(booked_on, None, "", None),
        sku=None,
    )
