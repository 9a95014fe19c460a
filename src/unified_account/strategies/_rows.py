"""Strategies for the rows :meth:`Catalog.from_rows` reads.

A row is written in the plain form a database query or a CSV reader
gives: a marketplace as its country code, a channel and a status as their
values, a price as its amount's text, attributes as a ``dict``.  So a
tool that writes rows can test its output against rows the library
itself would build back into the drawn record.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..model.catalog import SkuRecord
from ..model.listing import Listing
from ..model.rows import ListingRow, SkuRow
from ._catalog import listings, sku_records

__all__ = ["listing_rows", "sku_rows"]


def listing_rows(
    *, listings: st.SearchStrategy[Listing] | None = None
) -> st.SearchStrategy[ListingRow]:
    """Listing rows: each drawn listing written as a :class:`ListingRow`.

    ``listings`` draws the listing (default: :func:`listings`); the row
    leaves out its SKU, which the :class:`SkuRow` holding it gives.
    Requires hypothesis.  Shrinks as ``listings`` does.
    """
    drawn = _listings() if listings is None else listings
    return drawn.map(listing_row)


def sku_rows(
    *, records: st.SearchStrategy[SkuRecord] | None = None
) -> st.SearchStrategy[SkuRow]:
    """SKU rows: each drawn record written as a :class:`SkuRow`.

    ``records`` draws the record (default: :func:`sku_records`).
    ``Catalog.from_rows([row])`` builds the drawn record back, equal, with
    its listings in the same order.  Requires hypothesis.  Shrinks as
    ``records`` does.
    """
    drawn = sku_records() if records is None else records
    return drawn.map(sku_row)


def _listings() -> st.SearchStrategy[Listing]:
    return listings()


def listing_row(listing: Listing) -> ListingRow:
    """``listing`` as a row, in plain values."""
    return ListingRow(
        listing.marketplace.name,
        listing.title,
        str(listing.price.amount),
        listing.channel.value,
        listing.status.value,
        dict(listing.attributes),
    )


def sku_row(record: SkuRecord) -> SkuRow:
    """``record`` as a row, in plain values."""
    pool = record.mfn
    return SkuRow(
        str(record.sku),
        None if record.asin is None else str(record.asin),
        pool.quantity,
        None if pool.marketplace is None else pool.marketplace.name,
        {marketplace.name: units for marketplace, units in record.fba.items()},
        [listing_row(listing) for listing in record.listings],
        [marketplace.name for marketplace in record.remote_fulfillment],
    )
