"""The listing and inventory conformance machine."""

from __future__ import annotations

from typing import ClassVar, Protocol, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from ..decision import RuleViolation
from ..edition import FAQ
from ..model.account import (
    AccountInfo,
    BankAccount,
    SellerAccount,
    SellingPlan,
)
from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Sku, to_sku
from ..model.inventory import MfnPool
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..policy.availability import available_quantity, offer_status
from ..policy.inventory import receive_fba_stock, record_sale, set_mfn_quantity
from ..policy.listings import create_listing, delete_listing
from ..rules import RuleKey

__all__ = [
    "FbaStockReceived",
    "InventoryComponent",
    "InventoryConformance",
    "InventoryEvent",
    "ListingCreated",
    "ListingDeleted",
    "MfnQuantitySet",
    "SaleRecorded",
    "SkuAdded",
]


@attrs.frozen
class SkuAdded:
    """A SKU joined the catalogue with its merchant-fulfilled pool."""

    sku: Sku
    mfn: MfnPool


@attrs.frozen
class ListingCreated:
    """A listing was created (active) in its marketplace."""

    listing: Listing


@attrs.frozen
class ListingDeleted:
    """The SKU's listing in ``marketplace`` was deleted, there only."""

    sku: Sku
    marketplace: Marketplace


@attrs.frozen
class FbaStockReceived:
    """Amazon received ``quantity`` units into the FBA pool of a country."""

    sku: Sku
    marketplace: Marketplace
    quantity: int


@attrs.frozen
class MfnQuantitySet:
    """The seller set the merchant-fulfilled quantity of a SKU."""

    sku: Sku
    quantity: int


@attrs.frozen
class SaleRecorded:
    """``quantity`` units sold through the listing in ``marketplace``."""

    sku: Sku
    marketplace: Marketplace
    quantity: int


InventoryEvent: TypeAlias = (
    SkuAdded
    | ListingCreated
    | ListingDeleted
    | FbaStockReceived
    | MfnQuantitySet
    | SaleRecorded
)
"""Every step the inventory machine sends a component."""


class InventoryComponent(Protocol):
    """What a downstream tool's inventory component offers the kit.

    ``apply`` receives each step the rules allowed, in order; the
    queries say what the component believes afterwards.
    """

    def apply(self, event: InventoryEvent) -> None:
        """Take one step the rules allowed."""

    def available(self, sku: Sku, marketplace: Marketplace) -> int:
        """Units the component would offer for sale in ``marketplace``."""

    def listed(self, sku: Sku, marketplace: Marketplace) -> bool:
        """Whether the SKU has a live (not deleted) listing there."""


_BANK = BankAccount(country="US", currency="USD", masked_id="****1234")
_INFO = AccountInfo(
    legal_entity_name="Conformance Seller",
    address_country="US",
    bank=_BANK,
    contact_email="seller@conformance.example",
    display_name="Conformance Seller",
)
_SELLER = SellerAccount(
    seller_id="ACONFORMANCE",
    plan=SellingPlan.PROFESSIONAL,
    home=Marketplace.US,
    marketplaces={Marketplace.US, Marketplace.CA, Marketplace.MX},
    registration_info=_INFO,
)
_NA = tuple(sorted(FAQ.scope, key=list(Marketplace).index))
_MFN = FulfillmentChannel.MFN


class InventoryConformance(RuleBasedStateMachine):
    """Random listing and stock steps, checked against the rules.

    Subclass it, implement :meth:`make_component`, and expose the test
    case: ``TestMyInventory = MyConformance.TestCase``.  Each step is
    first taken through the library (``create_listing``,
    ``record_sale``, ...); a step the rules refuse is not sent.  After
    every step the invariants compare the component with the library:

    - ``shared_pools_never_multiplied`` (``mfn-inventory``): a shared
      merchant-fulfilled pool offers the same units everywhere, and a
      sale anywhere draws on it;
    - ``fba_pools_never_crossed`` (``fba-pool-separation``): FBA stock
      serves only its own country;
    - ``deletions_kept_to_their_marketplace``
      (``marketplace-specific-deletion``): a deletion removes one
      marketplace's listing and no other.

    Requires hypothesis.
    """

    skus: ClassVar[tuple[str, ...]] = ("A", "B")
    """The SKUs the machine works with."""
    account: ClassVar[SellerAccount] = _SELLER
    """The account listing them (Professional, on US, CA and MX)."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog = Catalog()
        self.component = self.make_component()

    def make_component(self) -> InventoryComponent:
        """A fresh component under test; subclasses must implement it."""
        raise NotImplementedError("implement make_component()")

    def _send(self, event: InventoryEvent) -> None:
        self.component.apply(event)

    @initialize(data=st.data())
    def add_skus(self, data: st.DataObject) -> None:
        """Add each SKU with a shared or separate pool."""
        for name in self.skus:
            sku = to_sku(name)
            where = data.draw(st.sampled_from((None, *_NA)), label=name)
            units = data.draw(st.integers(0, 5), label=f"{name} units")
            pool = (
                MfnPool.shared(units)
                if where is None
                else MfnPool.separate(where, units)
            )
            self.catalog = self.catalog.with_record(
                SkuRecord(sku=sku, mfn=pool)
            )
            self._send(SkuAdded(sku, pool))

    def _sku(self, index: int) -> Sku:
        return to_sku(self.skus[index % len(self.skus)])

    @rule(
        index=st.integers(0, 7),
        where=st.sampled_from(_NA),
        channel=st.sampled_from(FulfillmentChannel),
    )
    def create(
        self, index: int, where: Marketplace, channel: FulfillmentChannel
    ) -> None:
        """Create a listing, if the rules allow it."""
        sku = self._sku(index)
        listing = Listing(
            sku=sku,
            marketplace=where,
            title=f"{sku} on {where.display_name}",
            price=Money("9.99", where.currency),
            channel=channel,
        )
        try:
            self.catalog = create_listing(self.catalog, self.account, listing)
        except RuleViolation:
            return
        self._send(ListingCreated(listing))

    @rule(index=st.integers(0, 7), where=st.sampled_from(_NA))
    def delete(self, index: int, where: Marketplace) -> None:
        """Delete one marketplace's listing, if there is one."""
        sku = self._sku(index)
        try:
            self.catalog = delete_listing(self.catalog, sku, where)
        except RuleViolation:
            return
        self._send(ListingDeleted(sku, where))

    @rule(
        index=st.integers(0, 7),
        where=st.sampled_from(_NA),
        units=st.integers(1, 6),
    )
    def receive(self, index: int, where: Marketplace, units: int) -> None:
        """Receive FBA stock into one country's pool."""
        sku = self._sku(index)
        self.catalog = receive_fba_stock(self.catalog, sku, where, units)
        self._send(FbaStockReceived(sku, where, units))

    @rule(index=st.integers(0, 7), units=st.integers(0, 8))
    def set_quantity(self, index: int, units: int) -> None:
        """Set the merchant-fulfilled quantity."""
        sku = self._sku(index)
        self.catalog = set_mfn_quantity(self.catalog, sku, units)
        self._send(MfnQuantitySet(sku, units))

    @rule(
        index=st.integers(0, 7),
        where=st.sampled_from(_NA),
        units=st.integers(1, 6),
    )
    def sell(self, index: int, where: Marketplace, units: int) -> None:
        """Record a sale, if the listing can serve it."""
        sku = self._sku(index)
        try:
            self.catalog = record_sale(self.catalog, sku, where, units)
        except RuleViolation:
            return
        self._send(SaleRecorded(sku, where, units))

    def _cells(
        self, channel: FulfillmentChannel
    ) -> list[tuple[Sku, Marketplace]]:
        return [
            (record.sku, listing.marketplace)
            for record in self.catalog
            for listing in record.listings
            if listing.channel is channel
        ]

    def _compare(
        self, rule_key: RuleKey, cells: list[tuple[Sku, Marketplace]]
    ) -> None:
        for sku, where in cells:
            expected = available_quantity(self.catalog, sku, where).value
            shown = self.component.available(sku, where)
            assert shown == expected, (
                f"{rule_key}: the component offers {shown} of `{sku}` on "
                f"{where.display_name}; the rules allow {expected}"
            )

    @invariant()
    def shared_pools_never_multiplied(self) -> None:
        """Merchant-fulfilled listings offer exactly their pool's units."""
        self._compare(RuleKey.MFN_INVENTORY, self._cells(_MFN))

    @invariant()
    def fba_pools_never_crossed(self) -> None:
        """FBA listings offer exactly their own country's stock."""
        cells = self._cells(FulfillmentChannel.FBA)
        self._compare(RuleKey.FBA_POOL_SEPARATION, cells)

    @invariant()
    def deletions_kept_to_their_marketplace(self) -> None:
        """A listing is live in the component exactly where it is live."""
        for record in self.catalog:
            for where in _NA:
                status = offer_status(self.catalog, record.sku, where).value
                expected = status not in (None, ListingStatus.DELETED)
                shown = self.component.listed(record.sku, where)
                assert shown == expected, (
                    f"{RuleKey.MARKETPLACE_SPECIFIC_DELETION}: the component "
                    f"says `{record.sku}` is {'' if shown else 'not '}listed "
                    f"on {where.display_name}; the rules say it is"
                    f"{'' if expected else ' not'}"
                )
