"""The Finances API 2024-06-19: ``listTransactions``, fee by fee.

:func:`read_transactions` reads each leaf of a transaction's
``breakdowns`` (and of its items', with the item's SKU) that is a fee; a
transaction without breakdowns is one charge when its description names
a fee (``Subscription Fee``).  One response in any form the package
reads, or its pages (a charge two pages repeat counts once); amounts
are JSON numbers, read exactly (parse with ``parse_float=Decimal``).  A
marketplace outside the unified account is set aside with its reason.
Errors name the JSON path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..model.charges import ChargeKind
from ..model.imports import SetAside
from ..model.marketplace import Marketplace
from ._booked import BookedRecords, charge_kind
from ._common import classify
from ._json import get, join, obj, text, timestamp
from .finances import (
    SOURCE,
    _Booking,
    _list,
    _named,
    _optional_text,
    _Reader,
    read_pages,
)

__all__ = ["read_transactions"]


def read_transactions(response: object, *, name: str = "") -> BookedRecords:
    """Read Finances 2024-06-19 ``listTransactions`` (one response or pages).

    ``name`` (the file's name) starts each record's source.
    """
    return read_pages(response, _transactions, name=name)


def _transactions(
    reader: _Reader, payload: Mapping[str, Any], path: str
) -> None:
    """The transactions of one page."""
    where = join(path, "transactions")
    for index, raw in enumerate(_list(payload, "transactions", path)):
        _transaction(reader, raw, f"{where}[{index}]")


def _identifiers(
    fields: Mapping[str, Any],
    key: str,
    name_key: str,
    value_key: str,
    path: str,
) -> dict[str, str]:
    found: dict[str, str] = {}
    for index, raw in enumerate(_list(fields, key, path)):
        item_path = f"{join(path, key)}[{index}]"
        item = obj(raw, item_path)
        found[text(item.get(name_key), join(item_path, name_key))] = text(
            item.get(value_key), join(item_path, value_key)
        )
    return found


def _transaction(reader: _Reader, raw: object, path: str) -> None:
    event = obj(raw, path)
    ids = _identifiers(
        event,
        "relatedIdentifiers",
        "relatedIdentifierName",
        "relatedIdentifierValue",
        path,
    )
    order = ids.get("ORDER_ID")
    booked_on = timestamp(
        event.get("postedDate"), join(path, "postedDate")
    ).date()
    details = get(event, "marketplaceDetails", path)
    marketplace: Marketplace | SetAside | None = None
    name = ""
    if details is not None:
        details_path = join(path, "marketplaceDetails")
        fields = obj(details, details_path)
        name = _optional_text(fields, "marketplaceName", details_path) or ""
        if fields.get("marketplaceId") is not None:
            marketplace = classify(
                fields["marketplaceId"],
                join(details_path, "marketplaceId"),
                SOURCE,
            )
            if isinstance(marketplace, SetAside):
                marketplace = SetAside(
                    source=SOURCE,
                    path=_named(reader.name, marketplace.path),
                    subject=order or marketplace.subject,
                    reason=marketplace.reason,
                    detail=marketplace.subject,
                )
        else:
            marketplace = reader.where(
                name or None,
                join(details_path, "marketplaceName"),
                order or "-",
            )
    if isinstance(marketplace, SetAside):
        reader.notes.append(marketplace)  # the transaction, once
        return
    common = _Booking(
        booked_on,
        marketplace,
        name,
        order,
        ids.get("FINANCIAL_EVENT_GROUP_ID"),
    )
    leaves = list(_leaves(event, path))
    for number, raw_item in enumerate(_list(event, "items", path)):
        item_path = f"{join(path, 'items')}[{number}]"
        item = obj(raw_item, item_path)
        sku = _sku(item, item_path)
        for leaf, leaf_path in _leaves(item, item_path):
            _breakdown(reader, leaf, leaf_path, sku, common)
    for leaf, leaf_path in leaves:
        _breakdown(reader, leaf, leaf_path, None, common)
    if not leaves and not _list(event, "items", path):
        description = _optional_text(event, "description", path) or text(
            event.get("transactionType"), join(path, "transactionType")
        )
        if charge_kind(description) is not ChargeKind.OTHER:
            reader.fee(
                {"type": description, "totalAmount": event.get("totalAmount")},
                path,
                type_key="type",
                amount_key="totalAmount",
                sku=None,
                booking=common,
            )


def _sku(item: Mapping[str, Any], path: str) -> str | None:
    for index, raw in enumerate(_list(item, "contexts", path)):
        context = obj(raw, f"{join(path, 'contexts')}[{index}]")
        if context.get("sku") is not None:
            return text(
                context["sku"],
                join(f"{join(path, 'contexts')}[{index}]", "sku"),
            )
    return None


def _leaves(
    fields: Mapping[str, Any], path: str
) -> Iterator[tuple[Mapping[str, Any], str]]:
    for index, raw in enumerate(_list(fields, "breakdowns", path)):
        where = f"{join(path, 'breakdowns')}[{index}]"
        breakdown = obj(raw, where)
        if _list(breakdown, "breakdowns", where):
            yield from _leaves(breakdown, where)
        else:
            yield breakdown, where


def _breakdown(
    reader: _Reader,
    leaf: Mapping[str, Any],
    path: str,
    sku: str | None,
    common: _Booking,
) -> None:
    description = text(leaf.get("breakdownType"), join(path, "breakdownType"))
    if charge_kind(description) is ChargeKind.OTHER:
        return  # proceeds, taxes, promotions: not a fee
    reader.fee(
        leaf,
        path,
        type_key="breakdownType",
        amount_key="breakdownAmount",
        sku=sku,
        booking=common,
    )
