"""Which country's stock an FBA row is, decided from the whole import.

Amazon has been seen to return other countries' SKUs in a
``getInventorySummaries`` call, with the same figures as that country's
own call.  One call cannot tell; the import as a whole often can.  A row
of the call for marketplace *A* is the stock of marketplace *B*, and is
set aside (``repeated-stock``), when:

1. the call for *B* gives the same SKU the same figures
   (:data:`~unified_account.spapi.fba_inventory.FIGURES`, every one);
2. of the marketplaces whose calls give those figures, the SKU sells
   from *B* alone: it has a listing there and in none of the others,
   where a marketplace the SKU is enrolled in Remote Fulfillment for
   does not count when the US call is among them (the US pool serves
   it).

Otherwise every row is kept: a SKU listed in two of those marketplaces,
or in none, may hold the same figures in each by chance; a row whose
figures no other call repeats is that country's stock, listed there or
not (stranded stock).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model.identifiers import Sku
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from .fba_inventory import StockRow

__all__ = ["repeated_stock"]

SOURCE = "fba-inventory"


def repeated_stock(
    rows: Iterable[tuple[Marketplace, StockRow]],
    listed: Mapping[Sku, Iterable[Marketplace]],
    remote: Mapping[Sku, Iterable[Marketplace]],
) -> dict[tuple[Marketplace, Sku], SetAside]:
    """The rows that are another country's stock (see the module).

    Each note is keyed by the marketplace of its call and its SKU.

    ``rows`` pairs each kept row with the marketplace of its call;
    ``listed`` and ``remote`` give, per SKU, where it has a listing and
    where it is enrolled in Remote Fulfillment.
    """
    groups: dict[tuple[Sku, tuple[int | None, ...]], dict[Marketplace, str]]
    groups = {}
    for market, row in rows:
        groups.setdefault((row.sku, row.figures), {})[market] = row.path
    notes: dict[tuple[Marketplace, Sku], SetAside] = {}
    for (sku, _), paths in groups.items():
        if len(paths) < 2:
            continue
        sellers = set(paths) & set(listed.get(sku, ()))
        if Marketplace.US in paths:
            sellers -= set(remote.get(sku, ())) - {Marketplace.US}
        if len(sellers) != 1:
            continue
        (owner,) = sellers
        for market, path in paths.items():
            if market is not owner:
                notes[market, sku] = SetAside(
                    source=SOURCE,
                    path=f"{market.name} {path}".rstrip(),
                    subject=str(sku),
                    reason=SetAsideReason.REPEATED_STOCK,
                    detail=owner.name,
                )
    return notes
