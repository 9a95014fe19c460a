"""A small downstream component, checked with the conformance kit.

:class:`InventorySync` is the kind of code a seller tool writes for
itself: it follows listing and stock events and answers how many units
to show in each marketplace.  :class:`AccountInfoStore` keeps the
account information to use per marketplace.  Neither imports a policy of
the library: they are the tool's own reading of the rules, and the kit
checks that reading::

    class InventorySyncConformance(InventoryConformance):
        def make_component(self):
            return InventorySync()

    TestInventorySync = InventorySyncConformance.TestCase

Run with pytest, these take random sequences of steps and fail, with the
shortest sequence Hypothesis finds, on the first step after which a
component disagrees with the rules.  Requires hypothesis.
"""

from __future__ import annotations

from ..model.account import AccountInfo
from ..model.identifiers import Sku
from ..model.listing import FulfillmentChannel
from ..model.marketplace import Marketplace
from . import (
    AccountEvent,
    AccountInfoConformance,
    AccountOpened,
    FbaStockReceived,
    InfoCustomised,
    InventoryConformance,
    InventoryEvent,
    ListingCreated,
    ListingDeleted,
    MfnQuantitySet,
    SaleRecorded,
    SkuAdded,
)

__all__ = [
    "AccountInfoStore",
    "AccountInfoStoreConformance",
    "InventorySync",
    "InventorySyncConformance",
]


class InventorySync:
    """Units to show per SKU and marketplace, kept from events.

    One merchant-fulfilled count per SKU, shared by every marketplace
    that lists it merchant-fulfilled; one FBA count per SKU and country;
    the live listings' channels.
    """

    def __init__(self) -> None:
        self.mfn: dict[Sku, int] = {}
        self.fba: dict[tuple[Sku, Marketplace], int] = {}
        self.channels: dict[tuple[Sku, Marketplace], FulfillmentChannel] = {}

    def apply(self, event: InventoryEvent) -> None:
        """Follow one event."""
        if isinstance(event, SkuAdded):
            self.mfn[event.sku] = event.mfn.quantity
        elif isinstance(event, ListingCreated):
            listing = event.listing
            key = (listing.sku, listing.marketplace)
            self.channels[key] = listing.channel
        elif isinstance(event, ListingDeleted):
            # Deleting a deleted listing is allowed, and changes nothing.
            self.channels.pop((event.sku, event.marketplace), None)
        elif isinstance(event, FbaStockReceived):
            key = (event.sku, event.marketplace)
            self.fba[key] = self.fba.get(key, 0) + event.quantity
        elif isinstance(event, MfnQuantitySet):
            self.mfn[event.sku] = event.quantity
        else:  # SaleRecorded, the last kind of event
            self.sell(event)

    def sell(self, event: SaleRecorded) -> None:
        """Take sold units from the pool that served them."""
        key = (event.sku, event.marketplace)
        if self.channels[key] is FulfillmentChannel.MFN:
            self.mfn[event.sku] -= event.quantity
        else:
            self.fba[key] -= event.quantity

    def available(self, sku: Sku, marketplace: Marketplace) -> int:
        """Units to show for ``sku`` in ``marketplace``."""
        channel = self.channels.get((sku, marketplace))
        if channel is None:
            return 0
        if channel is FulfillmentChannel.MFN:
            return self.mfn[sku]
        return self.fba.get((sku, marketplace), 0)

    def listed(self, sku: Sku, marketplace: Marketplace) -> bool:
        """Whether ``sku`` has a live listing in ``marketplace``."""
        return (sku, marketplace) in self.channels


class AccountInfoStore:
    """The account information a tool uses per marketplace."""

    def __init__(self) -> None:
        self.registration: AccountInfo | None = None
        self.custom: dict[Marketplace, AccountInfo] = {}

    def apply(self, event: AccountEvent) -> None:
        """Follow one event."""
        if isinstance(event, AccountOpened):
            self.registration = event.account.registration_info
            self.custom = dict(event.account.info_overrides)
        elif isinstance(event, InfoCustomised):
            self.custom[event.marketplace] = event.info
        else:  # InfoReset, the last kind of event
            self.custom.pop(event.marketplace, None)

    def info(self, marketplace: Marketplace) -> AccountInfo:
        """The information to use in ``marketplace``."""
        assert self.registration is not None
        return self.custom.get(marketplace, self.registration)


class InventorySyncConformance(InventoryConformance):
    """:class:`InventorySync` under the inventory machine."""

    def make_component(self) -> InventorySync:
        """A fresh :class:`InventorySync`."""
        return InventorySync()


class AccountInfoStoreConformance(AccountInfoConformance):
    """:class:`AccountInfoStore` under the account machine."""

    def make_component(self) -> AccountInfoStore:
        """A fresh :class:`AccountInfoStore`."""
        return AccountInfoStore()
