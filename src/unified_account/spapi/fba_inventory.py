"""FBA Inventory API v1: ``getInventorySummaries``.

One call covers one marketplace (``granularityType`` ``Marketplace``,
``granularityId`` its id; ``marketplaceIds`` takes one item), and FBA
stock is kept per country (``fba-pool-separation``).  Every summary of a
response is therefore attributed to the marketplace of the call: the
response's ``granularity.granularityId``, or the ``marketplace_id`` the
caller gives (they must agree when both are there).

The pool of a SKU is its ``inventoryDetails.fulfillableQuantity``
(request ``details=true``), else its ``totalQuantity``.  Amazon has
been seen to return other countries' SKUs in a call (the same quantities
under the US call as under the CA call): a SKU that appears a second
time in one response is not added to the first, it is set aside
(``other-country-stock``); a call for a marketplace outside North
America is set aside whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ..model.identifiers import Sku, to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from ._common import Read, classify
from ._json import (
    array,
    at,
    fail,
    get,
    is_quantity,
    is_text,
    join,
    need,
    obj,
    text,
    whole,
)
from ._pages import document, pages

__all__ = [
    "FIGURES",
    "FbaStock",
    "InventorySummaryShape",
    "StockRow",
    "read_inventory_summaries",
]

SOURCE = "fba-inventory"


class InventoryDetailsShape(TypedDict):
    """``InventoryDetails`` (the field read)."""

    fulfillableQuantity: NotRequired[int]


class InventorySummaryShape(TypedDict):
    """``InventorySummary`` (the fields read)."""

    sellerSku: str
    asin: NotRequired[str]
    totalQuantity: NotRequired[int]
    inventoryDetails: NotRequired[InventoryDetailsShape]


class GranularityShape(TypedDict):
    """``Granularity``."""

    granularityType: str
    granularityId: str


FIGURES = (
    "totalQuantity",
    "fulfillableQuantity",
    "inboundWorkingQuantity",
    "inboundShippedQuantity",
    "inboundReceivingQuantity",
    "reservedQuantity.totalReservedQuantity",
    "researchingQuantity.totalResearchingQuantity",
    "unfulfillableQuantity.totalUnfulfillableQuantity",
)
"""The figures of a summary compared across countries' calls, in order."""


@attrs.frozen
class StockRow:
    """One summary's figures (:data:`FIGURES`; ``None``: not given).

    Two countries' calls that give a SKU the same figures may show one
    country's stock twice (see
    :func:`~unified_account.spapi.assemble.assemble_snapshot`).
    """

    sku: Sku
    figures: tuple[int | None, ...]
    path: str


@attrs.frozen
class FbaStock(Read):
    """One country's FBA pools: ``quantities`` is ``(sku, units)`` pairs.

    ``marketplace`` is ``None`` when the call's marketplace was set aside;
    ``rows`` hold each kept summary's figures and path, in order.
    """

    marketplace: Marketplace | None = None
    quantities: tuple[tuple[Sku, int], ...] = ()
    rows: tuple[StockRow, ...] = ()


def read_inventory_summaries(
    response: object, marketplace_id: str | None = None
) -> FbaStock:
    """Read a ``getInventorySummaries`` response for one marketplace.

    ``marketplace_id`` is the id the call was made for; it may be left
    out when the response carries ``payload.granularity``.  In any form
    the adapters accept (see :mod:`unified_account.spapi`): pages are one
    call's, for one marketplace, and a SKU a later page gives again is
    set aside as in one page.
    """
    found = pages(response, lambda page: _read(page, marketplace_id))
    if found is None:
        return _read(document(response), marketplace_id)
    markets = {read.marketplace for read in found}
    if len(markets) > 1:
        raise fail(
            "",
            "the pages are of different marketplaces: "
            + ", ".join(sorted(m.name if m else "none" for m in markets)),
        )
    seen: set[Sku] = set()
    quantities: list[tuple[Sku, int]] = []
    rows: list[StockRow] = []
    notes: list[SetAside] = []
    for read in found:
        notes.extend(read.set_aside)
        for (sku, units), row in zip(read.quantities, read.rows, strict=True):
            if sku in seen:
                notes.append(_again(row.path, sku, read.marketplace))
                continue
            seen.add(sku)
            quantities.append((sku, units))
            rows.append(row)
    return FbaStock(
        marketplace=markets.pop() if markets else None,
        quantities=tuple(quantities),
        rows=tuple(rows),
        set_aside=notes,
    )


def _again(path: str, sku: Sku, market: Marketplace | None) -> SetAside:
    assert market is not None  # a set-aside call has no rows
    return SetAside(
        source=SOURCE,
        path=path,
        subject=str(sku),
        reason=SetAsideReason.OTHER_COUNTRY_STOCK,
        detail=market.name,
    )


def _read(response: object, marketplace_id: str | None) -> FbaStock:
    root = obj(response, "")
    payload, path = root, ""
    if "payload" in root:
        path = "payload"
        payload = obj(root["payload"], path)
    called = marketplace_id
    granularity = get(payload, "granularity", path)
    if granularity is not None:
        where = join(path, "granularity")
        granularity = obj(granularity, where)
        given = get(granularity, "granularityId", where)
        if given is not None:
            given = text(given, join(where, "granularityId"))
            if called is not None and given != called:
                raise fail(
                    join(where, "granularityId"),
                    f"`{excerpt(given)}` is not `{excerpt(called)}`, "
                    "the call's marketplace",
                )
            called = given
    if called is None:
        raise fail(
            join(path, "granularity"),
            "the marketplace of the call is not known: give it",
        )
    found = classify(
        called, join(join(path, "granularity"), "granularityId"), SOURCE
    )
    summaries_path = join(path, "inventorySummaries")
    summaries = array(
        need(payload, "inventorySummaries", path), summaries_path
    )
    if isinstance(found, SetAside):
        return FbaStock(set_aside=[found])
    seen: set[str] = set()
    quantities: list[tuple[Sku, int]] = []
    rows: list[StockRow] = []
    notes: list[SetAside] = []
    for index, raw in enumerate(summaries):
        where = join(summaries_path, index)
        summary = obj(raw, where)
        sku = _plain_sku(summary.get("sellerSku"))
        if sku is None:  # the careful way, which names the path
            sku_path = join(where, "sellerSku")
            sku = at(
                sku_path,
                to_sku,
                text(need(summary, "sellerSku", where), sku_path),
            )
        quantity = _plain_quantity(summary)
        if quantity is None:
            quantity = _quantity(summary, where)
        if sku in seen:
            notes.append(_again(where, sku, found))
            continue
        seen.add(sku)
        quantities.append((sku, quantity))
        rows.append(StockRow(sku, _figures(summary, where), where))
    return FbaStock(
        marketplace=found,
        quantities=tuple(quantities),
        rows=tuple(rows),
        set_aside=notes,
    )


def _plain_sku(value: object) -> Sku | None:
    """``value`` as a SKU if it is plainly one (else ``None``)."""
    if not is_text(value):
        return None
    try:
        return to_sku(value)
    except InvalidValueError:
        return None


def _plain_quantity(fields: Mapping[str, Any]) -> int | None:
    """What :func:`_quantity` reads, if plainly given (else ``None``)."""
    details = fields.get("inventoryDetails")
    if details is None:
        value = fields.get("totalQuantity")
    elif type(details) is dict:
        value = details.get("fulfillableQuantity")
    else:
        return None
    return value if is_quantity(value) else None


_STEPS = tuple(
    tuple(name.split("."))
    if name == "totalQuantity"
    else ("inventoryDetails", *name.split("."))
    for name in FIGURES
)


def _figures(summary: Mapping[str, Any], where: str) -> tuple[int | None, ...]:
    plain: list[int | None] = []
    for steps in _STEPS:
        value: Any = summary
        for step in steps:
            if value is None:
                break
            if type(value) is not dict:
                return _careful_figures(summary, where)
            value = value.get(step)
        if value is not None and not is_quantity(value):
            return _careful_figures(summary, where)
        plain.append(value)
    return tuple(plain)


def _careful_figures(
    summary: Mapping[str, Any], where: str
) -> tuple[int | None, ...]:
    found: list[int | None] = []
    for name in FIGURES:
        steps = name.split(".")
        if name != "totalQuantity":
            steps.insert(0, "inventoryDetails")
        value: Any = summary
        path = where
        for step in steps:
            if value is None:
                break
            value = obj(value, path).get(step)
            path = join(path, step)
        found.append(None if value is None else whole(value, path))
    return tuple(found)


def _quantity(fields: Mapping[str, Any], where: str) -> int:
    details = get(fields, "inventoryDetails", where)
    if details is not None:
        at_ = join(where, "inventoryDetails")
        details = obj(details, at_)
        value = get(details, "fulfillableQuantity", at_)
        if value is not None:
            return whole(value, join(at_, "fulfillableQuantity"))
    total = get(fields, "totalQuantity", where)
    if total is None:
        raise fail(
            join(where, "totalQuantity"),
            "no fulfillableQuantity or totalQuantity",
        )
    return whole(total, join(where, "totalQuantity"))
