"""Creating, changing and deleting listings, one marketplace at a time.

Rules: ``per-marketplace-listing``, ``marketplace-specific-deletion``,
``mfn-inventory`` (a separate SKU serves one marketplace), and
``home-only-by-default`` with the account rules behind it (listing
outside the home marketplace is opt-in).

Each transition is a pure function returning a new
:class:`~unified_account.model.catalog.Catalog` that differs from the old
one in exactly one listing.  A transition the rules refuse raises
:class:`~unified_account.decision.RuleViolation` carrying the refusing
:class:`~unified_account.decision.Decision`, which the matching
``evaluate_*`` function returns as a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._excerpt import excerpt
from ..decision import Decision, ParamValue, Reason, RuleViolation
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.catalog import Catalog, SkuRecord
from ..model.inventory import MfnArrangement
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RuleKey
from .unified import evaluate_listing_marketplace

__all__ = [
    "change_listing_info",
    "change_price",
    "create_listing",
    "delete_listing",
    "evaluate_deletion",
    "evaluate_listing_change",
    "evaluate_new_listing",
]


def _params(sku: str, marketplace: Marketplace) -> dict[str, ParamValue]:
    return {"sku": sku, "marketplace": marketplace}


def not_listed(sku: str, marketplace: Marketplace) -> Reason:
    """Why there is nothing to change, delete or sell: no listing there."""
    return Reason(
        RuleKey.PER_MARKETPLACE_LISTING,
        N_("per-marketplace-listing.not-listed"),
        _params(sku, marketplace),
    )


def already_deleted(sku: str, marketplace: Marketplace) -> Reason:
    """Why a listing offers nothing: it was deleted in that marketplace."""
    return Reason(
        RuleKey.MARKETPLACE_SPECIFIC_DELETION,
        N_("marketplace-specific-deletion.deleted"),
        _params(sku, marketplace),
    )


def evaluate_new_listing(
    catalog: Catalog,
    account: SellerAccount,
    listing: Listing,
    *,
    edition: Edition = FAQ,
) -> Decision:
    """May ``account`` add ``listing`` to ``catalog``?

    Only where the account may list at all
    (:func:`~unified_account.policy.unified.evaluate_listing_marketplace`:
    outside the home marketplace only when the seller has turned that
    marketplace on); only where the SKU has no listing yet, or a deleted
    one (``per-marketplace-listing``); a separate SKU is
    merchant-fulfilled only in its own marketplace (``mfn-inventory``);
    and a SKU enrolled in Remote Fulfillment with FBA takes no
    merchant-fulfilled offer (``fba-pool-separation``: Amazon, "you will
    not be able to add seller-fulfilled offers to FBA SKUs").
    """
    if not isinstance(listing, Listing):
        raise InvalidValueError(
            f"`{excerpt(listing, as_repr=True)}` is not a Listing",
            field="listing",
        )
    marketplace = listing.marketplace
    where = evaluate_listing_marketplace(account, marketplace, edition=edition)
    if not where.allowed:
        return where
    params = _params(listing.sku, marketplace)
    record = catalog.get(listing.sku)
    existing = None if record is None else record.listing(marketplace)
    if existing is not None and existing.status is not ListingStatus.DELETED:
        return Decision.deny(
            Reason(
                RuleKey.PER_MARKETPLACE_LISTING,
                N_("per-marketplace-listing.already-listed"),
                params,
            )
        )
    if (
        record is not None
        and listing.channel is FulfillmentChannel.MFN
        and record.remote_fulfillment
    ):
        return Decision.deny(
            Reason(
                RuleKey.FBA_POOL_SEPARATION,
                N_("fba-pool-separation.remote-mfn-offer"),
                {
                    **params,
                    "enrolled": tuple(
                        m
                        for m in Marketplace
                        if m in record.remote_fulfillment
                    ),
                },
            )
        )
    if (
        record is not None
        and listing.channel is FulfillmentChannel.MFN
        and record.mfn.arrangement is MfnArrangement.SEPARATE
        and record.mfn.marketplace is not marketplace
    ):
        assert record.mfn.marketplace is not None
        return Decision.deny(
            Reason(
                RuleKey.MFN_INVENTORY,
                N_("mfn-inventory.separate-elsewhere"),
                {**params, "serves": record.mfn.marketplace},
            )
        )
    return Decision.allow(
        Reason(
            RuleKey.PER_MARKETPLACE_LISTING,
            N_("per-marketplace-listing.created"),
            {**params, "price": listing.price},
        ),
        *where.reasons,
    )


def create_listing(
    catalog: Catalog,
    account: SellerAccount,
    listing: Listing,
    *,
    edition: Edition = FAQ,
) -> Catalog:
    """A copy of ``catalog`` with ``listing`` added in its marketplace.

    A SKU the catalogue does not hold yet gets a record with an empty
    shared merchant-fulfilled pool.  No other marketplace's listing
    changes.  A new listing cannot be ``DELETED`` (invalid input).
    Raises :class:`~unified_account.decision.RuleViolation` when
    :func:`evaluate_new_listing` denies.
    """
    decision = evaluate_new_listing(catalog, account, listing, edition=edition)
    if listing.status is ListingStatus.DELETED:
        raise InvalidValueError(
            "a new listing cannot be deleted", field="status"
        )
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.get(listing.sku) or SkuRecord(sku=listing.sku)
    return catalog.with_record(record.with_listing(listing))


def evaluate_listing_change(
    catalog: Catalog, sku: str, marketplace: Marketplace
) -> Decision:
    """May the listing of ``sku`` in ``marketplace`` be changed?

    When the SKU is listed there and the listing is not deleted
    (``per-marketplace-listing``, ``marketplace-specific-deletion``).  An
    unknown SKU raises :class:`~unified_account.errors.MissingDataError`.
    """
    record = catalog.record(sku)
    listing = record.listing(marketplace)
    params = _params(record.sku, marketplace)
    if listing is None:
        return Decision.deny(not_listed(record.sku, marketplace))
    if listing.status is ListingStatus.DELETED:
        return Decision.deny(already_deleted(record.sku, marketplace))
    return Decision.allow(
        Reason(
            RuleKey.PER_MARKETPLACE_LISTING,
            N_("per-marketplace-listing.changed"),
            params,
        )
    )


def _changed(
    catalog: Catalog, sku: str, marketplace: Marketplace, **changes: Any
) -> Catalog:
    decision = evaluate_listing_change(catalog, sku, marketplace)
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.record(sku)
    listing = record.listing(marketplace)
    assert listing is not None
    return catalog.with_record(
        record.with_listing(attrs.evolve(listing, **changes))
    )


def change_listing_info(
    catalog: Catalog,
    sku: str,
    marketplace: Marketplace,
    *,
    title: str | None = None,
    attributes: Mapping[str, str] | None = None,
) -> Catalog:
    """Change the title or key attributes of one marketplace's listing.

    The SKU's listings in other marketplaces keep their own information
    (``per-marketplace-listing``).  Arguments left ``None`` keep their
    value.  Raises :class:`~unified_account.decision.RuleViolation` when
    :func:`evaluate_listing_change` denies.
    """
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = title
    if attributes is not None:
        changes["attributes"] = attributes
    return _changed(catalog, sku, marketplace, **changes)


def change_price(
    catalog: Catalog, sku: str, marketplace: Marketplace, price: Money
) -> Catalog:
    """Change the price of one marketplace's listing.

    ``price`` must be in ``marketplace``'s currency (else
    :class:`~unified_account.errors.InvalidValueError`, field ``price``);
    no other marketplace's price changes (``per-marketplace-listing``).
    """
    return _changed(catalog, sku, marketplace, price=price)


def evaluate_deletion(
    catalog: Catalog, sku: str, marketplace: Marketplace
) -> Decision:
    """May the listing of ``sku`` in ``marketplace`` be deleted?

    Yes, if the SKU is listed there; the deletion is that marketplace's
    alone (``marketplace-specific-deletion``).  Deleting a deleted
    listing is allowed and changes nothing.
    """
    record = catalog.record(sku)
    listing = record.listing(marketplace)
    params = _params(record.sku, marketplace)
    if listing is None:
        return Decision.deny(not_listed(record.sku, marketplace))
    if listing.status is ListingStatus.DELETED:
        return Decision.allow(already_deleted(record.sku, marketplace))
    others = tuple(
        item.marketplace
        for item in record.listings
        if item.marketplace is not marketplace
        and item.status is not ListingStatus.DELETED
    )
    return Decision.allow(
        Reason(
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
            N_("marketplace-specific-deletion.delete"),
            {**params, "others": others},
        )
    )


def delete_listing(
    catalog: Catalog, sku: str, marketplace: Marketplace
) -> Catalog:
    """Delete the listing of ``sku`` in ``marketplace`` only.

    The listing stays in the catalogue with status ``DELETED``; the SKU's
    listings elsewhere, and its stock, are untouched
    (``marketplace-specific-deletion``).  Raises
    :class:`~unified_account.decision.RuleViolation` when
    :func:`evaluate_deletion` denies.
    """
    decision = evaluate_deletion(catalog, sku, marketplace)
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.record(sku)
    listing = record.listing(marketplace)
    assert listing is not None
    if listing.status is ListingStatus.DELETED:
        return catalog
    deleted = attrs.evolve(listing, status=ListingStatus.DELETED)
    return catalog.with_record(record.with_listing(deleted))
