"""Stock changes: merchant-fulfilled quantities, sales, FBA receipts.

Rules: ``mfn-inventory``, ``fba-pool-separation``,
``marketplace-specific-deletion`` (the zero-quantity exception).

Every transition is a pure function returning a new
:class:`~unified_account.model.catalog.Catalog`; the old one is unchanged
and shares every other SKU with the new one.  A sale the rules refuse
(more units than the pool holds, a listing that is not offered) raises
:class:`~unified_account.decision.RuleViolation` carrying the refusing
:class:`~unified_account.decision.Decision`; a quantity that is
not a whole number of the right size is invalid input and raises
:class:`~unified_account.errors.InvalidValueError`.
"""

from __future__ import annotations

import attrs

from .._excerpt import excerpt
from ..decision import Decision, ParamValue, Reason, RuleViolation
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.catalog import Catalog, SkuRecord
from ..model.listing import FulfillmentChannel, ListingStatus
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .availability import explain_cell, mfn_marketplaces, remotely_served

__all__ = [
    "evaluate_sale",
    "receive_fba_stock",
    "record_sale",
    "set_mfn_quantity",
]


def _quantity(value: object, minimum: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < minimum
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a whole number of at "
            f"least {minimum}",
            field="quantity",
        )
    return value


def _marketplace(value: object) -> Marketplace:
    if not isinstance(value, Marketplace):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a Marketplace",
            field="marketplace",
        )
    return value


def set_mfn_quantity(catalog: Catalog, sku: str, quantity: int) -> Catalog:
    """Set the merchant-fulfilled quantity of ``sku`` (``mfn-inventory``).

    For a shared pool, every marketplace where the SKU is listed shows the
    new quantity.  Zero takes each of its merchant-fulfilled listings off
    offer (inactive, not deleted) and a later positive quantity offers
    them again (``marketplace-specific-deletion``).  For a separate SKU,
    only its own marketplace changes.  A SKU enrolled in Remote
    Fulfillment with FBA keeps its merchant-fulfilled offers at zero:
    a positive quantity for one raises
    :class:`~unified_account.decision.RuleViolation`
    (``fba-pool-separation``).
    """
    if type(quantity) is not int or quantity < 0:
        quantity = _quantity(quantity, 0)  # refuses it, or an int subclass
    record = catalog.skus.get(sku)  # type: ignore[call-overload]
    if record is None:
        record = catalog.record(sku)  # raises the library's error
    if record.mfn.quantity == quantity:
        return catalog
    if quantity and record.remote_fulfillment:
        _refuse_enrolled_mfn(record)
    return Catalog._of(
        catalog.skus.set(record.sku, record._with_quantity(quantity))
    )


def _refuse_enrolled_mfn(record: SkuRecord) -> None:
    merchant = [
        listing.marketplace
        for listing in record.listings
        if listing.channel is FulfillmentChannel.MFN
        and listing.status is not ListingStatus.DELETED
    ]
    if merchant:
        enrolled = tuple(
            m for m in Marketplace if m in record.remote_fulfillment
        )
        raise RuleViolation(
            Decision.deny(
                Reason(
                    RuleKey.FBA_POOL_SEPARATION,
                    N_("fba-pool-separation.remote-mfn-offer"),
                    {
                        "sku": record.sku,
                        "marketplace": merchant[0],
                        "enrolled": enrolled,
                    },
                )
            )
        )


def evaluate_sale(
    catalog: Catalog,
    sku: str,
    marketplace: Marketplace,
    quantity: int,
    *,
    edition: Edition = FAQ,
) -> Decision:
    """May ``quantity`` units of ``sku`` be sold in ``marketplace``?

    Only from an offered listing there, and only as many units as its pool
    holds: the whole merchant-fulfilled pool (``mfn-inventory``), or that
    country's FBA pool alone (``fba-pool-separation``), or, for a SKU
    enrolled in Remote Fulfillment under an edition that has it, the US
    FBA pool.  For such a SKU, a sale that only the marketplace's own FBA
    units could serve is undetermined (what Amazon does with them is not
    published), never denied.  An unknown SKU raises
    :class:`~unified_account.errors.MissingDataError`.
    """
    quantity = _quantity(quantity, 1)
    record = catalog.record(sku)
    cell = explain_cell(record, _marketplace(marketplace), edition=edition)
    listing = record.listing(marketplace)
    if listing is None or cell.status is not ListingStatus.ACTIVE:
        # Not listed, deleted, inactive, or a merchant-fulfilled pool at
        # zero: the reasons that took it off offer refuse the sale.
        return Decision.deny(*cell.reasons)
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
        "quantity": quantity,
        "available": cell.quantity,
        "remaining": max(cell.quantity - quantity, 0),
    }
    if listing.channel is FulfillmentChannel.MFN:
        params["marketplaces"] = mfn_marketplaces(record)
        rule, enough, short = (
            RuleKey.MFN_INVENTORY,
            N_("mfn-inventory.sold"),
            N_("mfn-inventory.insufficient"),
        )
    elif remotely_served(record, marketplace, edition):
        params["pool"] = Marketplace.US
        rule, enough, short = (
            RuleKey.FBA_POOL_SEPARATION,
            N_("fba-pool-separation.remote-sold"),
            N_("fba-pool-separation.remote-insufficient"),
        )
    else:
        rule, enough, short = (
            RuleKey.FBA_POOL_SEPARATION,
            N_("fba-pool-separation.sold"),
            N_("fba-pool-separation.insufficient"),
        )
    if quantity > cell.quantity + cell.undetermined:
        return Decision.deny(Reason(rule, short, params))
    if quantity > cell.quantity:
        # Only local units of a remotely served SKU could make up the
        # rest, and what Amazon does with them is not published.
        params["local"] = cell.undetermined
        return Decision.undetermined(
            Reason(rule, N_("fba-pool-separation.remote-sale-unknown"), params)
        )
    return Decision.allow(Reason(rule, enough, params))


def record_sale(
    catalog: Catalog,
    sku: str,
    marketplace: Marketplace,
    quantity: int,
    *,
    edition: Edition = FAQ,
) -> Catalog:
    """Record a sale of ``quantity`` units of ``sku`` in ``marketplace``.

    A merchant-fulfilled sale reduces the SKU's pool, so a shared pool
    shows the remainder in every marketplace; an FBA sale reduces only
    ``marketplace``'s pool, or the US pool for a SKU served there by
    Remote Fulfillment.  Raises
    :class:`~unified_account.decision.RuleViolation` when
    :func:`evaluate_sale` does not allow it (denied, or undetermined).
    """
    decision = evaluate_sale(
        catalog, sku, marketplace, quantity, edition=edition
    )
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.record(sku)
    listing = record.listing(marketplace)
    assert listing is not None
    if listing.channel is FulfillmentChannel.MFN:
        pool = attrs.evolve(
            record.mfn, quantity=record.mfn.quantity - quantity
        )
        return catalog.with_record(attrs.evolve(record, mfn=pool))
    source = (
        Marketplace.US
        if remotely_served(record, marketplace, edition)
        else marketplace
    )
    fba = record.fba.set(source, record.fba[source] - quantity)
    return catalog.with_record(attrs.evolve(record, fba=fba))


def receive_fba_stock(
    catalog: Catalog, sku: str, marketplace: Marketplace, quantity: int
) -> Catalog:
    """Add ``quantity`` units of ``sku`` to ``marketplace``'s FBA pool.

    The units serve ``marketplace`` alone: no other country's pool, and no
    other marketplace's availability, changes (``fba-pool-separation``).
    """
    quantity = _quantity(quantity, 1)
    marketplace = _marketplace(marketplace)
    record = catalog.record(sku)
    fba = record.fba.set(
        marketplace, record.fba.get(marketplace, 0) + quantity
    )
    return catalog.with_record(attrs.evolve(record, fba=fba))
