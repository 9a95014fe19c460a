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
from ..model.identifiers import Sku, to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from ._common import Read, classify
from ._json import array, at, fail, get, join, need, obj, text, whole

__all__ = [
    "FbaStock",
    "InventorySummaryShape",
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


@attrs.frozen
class FbaStock(Read):
    """One country's FBA pools: ``quantities`` is ``(sku, units)`` pairs.

    ``marketplace`` is ``None`` when the call's marketplace was set aside.
    """

    marketplace: Marketplace | None = None
    quantities: tuple[tuple[Sku, int], ...] = ()


def read_inventory_summaries(
    response: object, marketplace_id: str | None = None
) -> FbaStock:
    """Read a ``getInventorySummaries`` response for one marketplace.

    ``marketplace_id`` is the id the call was made for; it may be left
    out when the response carries ``payload.granularity``.
    """
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
    notes: list[SetAside] = []
    for index, raw in enumerate(summaries):
        where = join(summaries_path, index)
        summary = obj(raw, where)
        sku_path = join(where, "sellerSku")
        sku = at(
            sku_path, to_sku, text(need(summary, "sellerSku", where), sku_path)
        )
        quantity = _quantity(summary, where)
        if sku in seen:
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=where,
                    subject=str(sku),
                    reason=SetAsideReason.OTHER_COUNTRY_STOCK,
                    detail=found.name,
                )
            )
            continue
        seen.add(sku)
        quantities.append((sku, quantity))
    return FbaStock(
        marketplace=found, quantities=tuple(quantities), set_aside=notes
    )


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
