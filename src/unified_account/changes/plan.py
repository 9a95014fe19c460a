"""A what-if plan: the library's transitions, as values.

Each action names one transition of the policies and holds its
arguments; :meth:`decide` asks the policy whether the rules allow it and
:meth:`apply` performs it on a snapshot, returning the new snapshot.  No
action holds a rule of its own: a refusal is the policy's
:class:`~unified_account.decision.RuleViolation`.

In JSON a plan is a list of objects, each naming its ``action``
(``set-mfn-quantity``, ...) beside the action's fields
(``changes/schemas/plan-1.schema.json``);
:func:`~unified_account.changes.plan_file.plan_from_data` reads one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..decision import Decision
from ..edition import Edition
from ..errors import InvalidValueError
from ..model._validate import instance_of, non_negative_int
from ..model.account import AccountInfo, SellerAccount
from ..model.identifiers import Sku, to_sku
from ..model.listing import Listing
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.storefront import StorefrontLink, StorefrontRequest
from ..policy.account_info import (
    customise_account_info,
    evaluate_customisation,
)
from ..policy.inventory import (
    evaluate_sale,
    receive_fba_stock,
    record_sale,
    set_mfn_quantity,
)
from ..policy.listings import (
    change_listing_info,
    change_price,
    create_listing,
    delete_listing,
    evaluate_deletion,
    evaluate_listing_change,
    evaluate_new_listing,
)
from ..policy.remote import (
    enroll_remote_fulfillment,
    evaluate_remote_enrollment,
    withdraw_remote_fulfillment,
)
from ..policy.storefront import evaluate_storefront_customisation
from ..policy.unified import evaluate_listing_marketplace
from ..snapshot import Snapshot

__all__ = [
    "ACTIONS",
    "Action",
    "ChangeListing",
    "CreateListing",
    "CustomiseAccountInfo",
    "DeleteListing",
    "EnrollRemoteFulfillment",
    "ReceiveFbaStock",
    "RecordSale",
    "RequestStorefrontLink",
    "SetMfnQuantity",
    "TurnOnMarketplace",
    "WithdrawRemoteFulfillment",
]


@runtime_checkable
class Action(Protocol):
    """What every action is: a named, pure transition of a snapshot.

    Every class of :data:`ACTIONS` is one (``isinstance`` says so).
    """

    name: ClassVar[str]

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """Whether the rules allow the action on ``snapshot``."""

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """The snapshot after the action (the rules allowing it)."""


_ALLOWED = Decision.allow()


def _marketplaces(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    for item in value:
        if not isinstance(item, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Marketplace",
                field=attribute.name,
            )


@checked_methods
@attrs.frozen(kw_only=True)
class TurnOnMarketplace:
    """Turn on ``marketplace`` for the account (``home-only-by-default``).

    Allowed when the account, once it has turned the marketplace on, may
    list there (:func:`~unified_account.policy.unified.
    evaluate_listing_marketplace`).
    """

    name: ClassVar[str] = "turn-on-marketplace"
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))

    def _turned_on(self, account: SellerAccount) -> SellerAccount:
        marketplaces = account.marketplaces | {self.marketplace}
        return attrs.evolve(account, marketplaces=marketplaces)

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """May the account list there once it is turned on."""
        return evaluate_listing_marketplace(
            self._turned_on(snapshot.account),
            self.marketplace,
            edition=edition,
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """The snapshot with the marketplace turned on."""
        account = self._turned_on(snapshot.account)
        return attrs.evolve(snapshot, account=account)


@checked_methods
@attrs.frozen(kw_only=True)
class CreateListing:
    """Create ``listing`` (``per-marketplace-listing``)."""

    name: ClassVar[str] = "create-listing"
    listing: Listing = attrs.field(validator=instance_of(Listing))

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~unified_account.policy.listings.evaluate_new_listing`."""
        return evaluate_new_listing(
            snapshot.catalog, snapshot.account, self.listing, edition=edition
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~unified_account.policy.listings.create_listing`."""
        catalog = create_listing(
            snapshot.catalog, snapshot.account, self.listing, edition=edition
        )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class ChangeListing:
    """Change a listing's title or price in one marketplace only."""

    name: ClassVar[str] = "change-listing"
    sku: Sku = attrs.field(converter=to_sku)
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    title: str | None = attrs.field(
        default=None, validator=instance_of(str, type(None))
    )
    price: Money | None = attrs.field(
        default=None, validator=instance_of(Money, type(None))
    )

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~unified_account.policy.listings.evaluate_listing_change`."""
        return evaluate_listing_change(
            snapshot.catalog, self.sku, self.marketplace
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`change_listing_info` and :func:`change_price`."""
        catalog = snapshot.catalog
        if self.title is not None:
            catalog = change_listing_info(
                catalog, self.sku, self.marketplace, title=self.title
            )
        if self.price is not None:
            catalog = change_price(
                catalog, self.sku, self.marketplace, self.price
            )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class DeleteListing:
    """Delete a listing in one marketplace only."""

    name: ClassVar[str] = "delete-listing"
    sku: Sku = attrs.field(converter=to_sku)
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~unified_account.policy.listings.evaluate_deletion`."""
        return evaluate_deletion(snapshot.catalog, self.sku, self.marketplace)

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~unified_account.policy.listings.delete_listing`."""
        catalog = delete_listing(snapshot.catalog, self.sku, self.marketplace)
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class SetMfnQuantity:
    """Set a SKU's merchant-fulfilled pool (0 takes it off offer)."""

    name: ClassVar[str] = "set-mfn-quantity"
    sku: Sku = attrs.field(converter=to_sku)
    quantity: int = attrs.field(validator=non_negative_int)

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """Always allowed: a quantity is the seller's to set."""
        return _ALLOWED

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~unified_account.policy.inventory.set_mfn_quantity`."""
        catalog = set_mfn_quantity(snapshot.catalog, self.sku, self.quantity)
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class RecordSale:
    """Record a sale of ``quantity`` units in ``marketplace``."""

    name: ClassVar[str] = "record-sale"
    sku: Sku = attrs.field(converter=to_sku)
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    quantity: int = attrs.field(validator=non_negative_int)

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~unified_account.policy.inventory.evaluate_sale`."""
        return evaluate_sale(
            snapshot.catalog,
            self.sku,
            self.marketplace,
            self.quantity,
            edition=edition,
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~unified_account.policy.inventory.record_sale`."""
        catalog = record_sale(
            snapshot.catalog,
            self.sku,
            self.marketplace,
            self.quantity,
            edition=edition,
        )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class ReceiveFbaStock:
    """Receive ``quantity`` units into the FBA pool of ``marketplace``."""

    name: ClassVar[str] = "receive-fba-stock"
    sku: Sku = attrs.field(converter=to_sku)
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    quantity: int = attrs.field(validator=non_negative_int)

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """Always allowed: each marketplace's pool takes its own stock."""
        return _ALLOWED

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~unified_account.policy.inventory.receive_fba_stock`."""
        catalog = receive_fba_stock(
            snapshot.catalog, self.sku, self.marketplace, self.quantity
        )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class CustomiseAccountInfo:
    """Customise one marketplace's account information (a bank account).

    The rule is ``account-info-defaults``.
    """

    name: ClassVar[str] = "customise-account-info"
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    info: AccountInfo = attrs.field(validator=instance_of(AccountInfo))

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~.account_info.evaluate_customisation`."""
        return evaluate_customisation(
            snapshot.account, self.marketplace, edition=edition
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~.account_info.customise_account_info`."""
        account = customise_account_info(
            snapshot.account, self.marketplace, self.info, edition=edition
        )
        return attrs.evolve(snapshot, account=account)


@checked_methods
@attrs.frozen(kw_only=True)
class EnrollRemoteFulfillment:
    """Enrol a SKU in Remote Fulfillment with FBA in ``marketplaces``."""

    name: ClassVar[str] = "enroll-remote-fulfillment"
    sku: Sku = attrs.field(converter=to_sku)
    marketplaces: tuple[Marketplace, ...] = attrs.field(
        converter=tuple, validator=_marketplaces
    )

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~.remote.evaluate_remote_enrollment`."""
        return evaluate_remote_enrollment(
            snapshot.catalog, self.sku, self.marketplaces, edition=edition
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~.remote.enroll_remote_fulfillment`."""
        catalog = enroll_remote_fulfillment(
            snapshot.catalog, self.sku, self.marketplaces, edition=edition
        )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class WithdrawRemoteFulfillment:
    """Withdraw a SKU from Remote Fulfillment in ``marketplaces``."""

    name: ClassVar[str] = "withdraw-remote-fulfillment"
    sku: Sku = attrs.field(converter=to_sku)
    marketplaces: tuple[Marketplace, ...] = attrs.field(
        converter=tuple, validator=_marketplaces
    )

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """Always allowed: a seller may leave the programme."""
        return _ALLOWED

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """:func:`~.remote.withdraw_remote_fulfillment`."""
        catalog = withdraw_remote_fulfillment(
            snapshot.catalog, self.sku, self.marketplaces
        )
        return snapshot.with_catalog(catalog)


@checked_methods
@attrs.frozen(kw_only=True)
class RequestStorefrontLink:
    """Ask, from ``marketplace``, to set the storefront link.

    The rule is ``storefront-origin``; the report judges the request.
    """

    name: ClassVar[str] = "request-storefront-link"
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    link: StorefrontLink = attrs.field(validator=instance_of(StorefrontLink))

    def decide(self, snapshot: Snapshot, edition: Edition) -> Decision:
        """:func:`~.storefront.evaluate_storefront_customisation`."""
        return evaluate_storefront_customisation(
            snapshot.account, self.marketplace, edition=edition
        )

    def apply(self, snapshot: Snapshot, edition: Edition) -> Snapshot:
        """The snapshot with the request added."""
        request = StorefrontRequest(
            marketplace=self.marketplace, link=self.link
        )
        return attrs.evolve(
            snapshot,
            storefront_requests=(*snapshot.storefront_requests, request),
        )


ACTIONS: Mapping[str, type[Action]] = {
    kind.name: kind
    for kind in (
        TurnOnMarketplace,
        CreateListing,
        ChangeListing,
        DeleteListing,
        SetMfnQuantity,
        RecordSale,
        ReceiveFbaStock,
        CustomiseAccountInfo,
        EnrollRemoteFulfillment,
        WithdrawRemoteFulfillment,
        RequestStorefrontLink,
    )
}
"""Every action, by the name a plan gives it in JSON."""
