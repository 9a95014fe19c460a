"""A conformance kit: check a tool's own components against the rules.

Hypothesis state machines that take random steps through the library's
pure API and, after every step, compare what a downstream component
believes with what the rules say (requires hypothesis).  Subclass one,
plug in your component, and expose its test case::

    from unified_account.testing import InventoryConformance

    class MyInventory(InventoryConformance):
        def make_component(self):
            return MyInventorySync()

    TestMyInventory = MyInventory.TestCase

:mod:`unified_account.testing.example` is a complete small component
checked this way; the documentation's testing page walks through it.
"""

from __future__ import annotations

from ._accounts import (
    AccountEvent,
    AccountInfoComponent,
    AccountInfoConformance,
    AccountOpened,
    InfoCustomised,
    InfoReset,
)
from ._inventory import (
    FbaStockReceived,
    InventoryComponent,
    InventoryConformance,
    InventoryEvent,
    ListingCreated,
    ListingDeleted,
    MfnQuantitySet,
    SaleRecorded,
    SkuAdded,
)

__all__ = [
    "AccountEvent",
    "AccountInfoComponent",
    "AccountInfoConformance",
    "AccountOpened",
    "FbaStockReceived",
    "InfoCustomised",
    "InfoReset",
    "InventoryComponent",
    "InventoryConformance",
    "InventoryEvent",
    "ListingCreated",
    "ListingDeleted",
    "MfnQuantitySet",
    "SaleRecorded",
    "SkuAdded",
]
