"""Where a SKU is active, read without the reasons, as ``explain_cell`` says.

The split subscription counts a marketplace with an active, offered
listing; :func:`record_active_marketplaces` and
:func:`active_marketplaces` answer without building the cells' reasons,
and must answer as the cells do.
"""

from __future__ import annotations

import attrs
from hypothesis import given

from unified_account import ListingStatus, Marketplace, example_snapshot
from unified_account import strategies as ua
from unified_account.policy.availability import (
    active_marketplaces,
    explain_cell,
    record_active_marketplaces,
)


def by_the_cells(record):
    return frozenset(
        listing.marketplace
        for listing in record.listings
        if explain_cell(record, listing.marketplace).status
        is ListingStatus.ACTIVE
    )


@given(ua.sku_records())
def test_a_records_active_marketplaces_are_its_active_cells(record):
    assert record_active_marketplaces(record) == by_the_cells(record)


@given(ua.catalogs())
def test_a_catalogues_active_marketplaces_are_its_active_cells(catalog):
    found = frozenset().union(
        *(by_the_cells(r) for r in catalog.skus.values())
    )
    assert active_marketplaces(catalog) == tuple(
        m for m in Marketplace if m in found
    )


def test_named_examples():
    """Merchant-fulfilled at zero: off offer; FBA at zero: still active."""
    catalog = example_snapshot().catalog
    mug = catalog.record("MUG-CERAMIC-12")  # shared pool of 100
    assert record_active_marketplaces(mug) == {
        Marketplace.US,
        Marketplace.CA,
        Marketplace.MX,
    }
    emptied = attrs.evolve(mug, mfn=attrs.evolve(mug.mfn, quantity=0))
    assert record_active_marketplaces(emptied) == frozenset()
    tote = catalog.record("TOTE-CANVAS")  # deleted on Amazon.ca
    assert record_active_marketplaces(tote) == {Marketplace.US, Marketplace.MX}
    lamp = catalog.record("LAMP-DESK-LED")  # FBA, 0 units in Canada
    assert record_active_marketplaces(lamp) == {Marketplace.US, Marketplace.CA}
