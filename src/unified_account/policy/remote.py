"""Remote Fulfillment with FBA: enrolling SKUs (``fba-pool-separation``).

Amazon ("Remote Fulfillment with FBA", Seller Central help
5P3CDUHZWSZLXLB): when the seller enrols and creates offers on Amazon.ca
and Amazon.com.mx, Fulfillment by Amazon uses the seller's inventory in
US fulfilment centres to fulfil those orders across the border (later
also Amazon.com.br).  Nothing is transferred: the pools stay separate,
and the US units are the same units wherever they are offered.  While
enrolled, "any seller-fulfilled offers you have will not be able to
share the same SKU as an FBA offer" (Amazon, "Get started on Remote
Fulfillment with FBA").  Enrolling a SKU that has a merchant-fulfilled
offer therefore sets that offer's quantity to zero (the SKU's
merchant-fulfilled pool), a transition with its reason, rather than
refusing; a new merchant-fulfilled offer on an enrolled SKU stays
refused (:func:`~unified_account.policy.listings.create_listing`), as
does restocking the zeroed offer while enrolled
(:func:`~unified_account.policy.inventory.set_mfn_quantity`).

Enrolment is recorded per SKU and marketplace
(:attr:`~unified_account.model.catalog.SkuRecord.remote_fulfillment`);
what it changes is decided by the edition
(:attr:`~unified_account.edition.Edition.remote_fulfillment_marketplaces`):
see :mod:`unified_account.policy.availability`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._excerpt import excerpt
from ..decision import Decision, ParamValue, Reason, RuleViolation
from ..edition import Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.catalog import Catalog, SkuRecord
from ..model.listing import FulfillmentChannel, ListingStatus
from ..model.marketplace import Marketplace
from ..rules import RuleKey

__all__ = [
    "enroll_remote_fulfillment",
    "evaluate_remote_enrollment",
    "withdraw_remote_fulfillment",
]

_RULE = RuleKey.FBA_POOL_SEPARATION


def _chosen(marketplaces: Iterable[Marketplace]) -> tuple[Marketplace, ...]:
    if isinstance(marketplaces, str | bytes):  # type: ignore[unreachable]
        raise InvalidValueError(
            f"`{excerpt(marketplaces, as_repr=True)}` "
            f"is not a collection of marketplaces",
            field="marketplaces",
        )
    try:
        chosen = frozenset(marketplaces)
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(marketplaces, as_repr=True)}` "
            f"is not a collection of marketplaces",
            field="marketplaces",
        ) from None
    for item in chosen:
        if not isinstance(item, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Marketplace",
                field="marketplaces",
            )
    return tuple(m for m in Marketplace if m in chosen)


def _merchant(record: SkuRecord) -> tuple[Marketplace, ...]:
    """Where ``record`` has a merchant-fulfilled offer (not deleted)."""
    return tuple(
        listing.marketplace
        for listing in record.listings
        if listing.channel is FulfillmentChannel.MFN
        and listing.status is not ListingStatus.DELETED
    )


def evaluate_remote_enrollment(
    catalog: Catalog,
    sku: str,
    marketplaces: Iterable[Marketplace],
    *,
    edition: Edition,
) -> Decision:
    """May ``sku`` be enrolled in Remote Fulfillment for ``marketplaces``?

    Refused when ``edition`` has no Remote Fulfillment, and for a
    marketplace it does not serve remotely.  A SKU with a
    merchant-fulfilled offer (one that is not deleted) may be enrolled:
    the decision says that offer's quantity is set to zero
    (``remote-mfn-zeroed``).  An unknown SKU raises
    :class:`~unified_account.errors.MissingDataError`.
    """
    record = catalog.record(sku)
    chosen = _chosen(marketplaces)
    targets = tuple(
        m for m in Marketplace if m in edition.remote_fulfillment_marketplaces
    )
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplaces": chosen,
        "edition": edition.name,
        "targets": targets,
    }
    outside = tuple(m for m in chosen if m not in targets)
    if not targets or outside:
        return Decision.deny(
            Reason(
                _RULE,
                N_("fba-pool-separation.remote-not-offered"),
                {**params, "outside": outside or chosen},
            )
        )
    merchant = _merchant(record)
    enrolled = Reason(_RULE, N_("fba-pool-separation.remote-enrolled"), params)
    if merchant:
        return Decision.allow(
            enrolled,
            Reason(
                _RULE,
                N_("fba-pool-separation.remote-mfn-zeroed"),
                {
                    "sku": record.sku,
                    "merchant": merchant,
                    "quantity": record.mfn.quantity,
                },
            ),
        )
    return Decision.allow(enrolled)


def enroll_remote_fulfillment(
    catalog: Catalog,
    sku: str,
    marketplaces: Iterable[Marketplace],
    *,
    edition: Edition,
) -> Catalog:
    """A copy of ``catalog`` with ``sku`` enrolled for ``marketplaces``.

    Adds to any earlier enrolment; a merchant-fulfilled offer of the SKU
    is set to quantity zero (its pool: every such offer of the SKU).
    Raises :class:`~unified_account.errors.RuleViolation` when
    :func:`evaluate_remote_enrollment` denies.
    """
    decision = evaluate_remote_enrollment(
        catalog, sku, marketplaces, edition=edition
    )
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.record(sku)
    enrolled = record.remote_fulfillment | frozenset(marketplaces)
    mfn = record.mfn
    if _merchant(record):
        mfn = attrs.evolve(mfn, quantity=0)
    return catalog.with_record(
        attrs.evolve(record, mfn=mfn, remote_fulfillment=enrolled)
    )


def withdraw_remote_fulfillment(
    catalog: Catalog, sku: str, marketplaces: Iterable[Marketplace]
) -> Catalog:
    """A copy of ``catalog`` with ``sku`` no longer enrolled there.

    Each marketplace's offer is then served from its own country's pool
    again.  Withdrawing is always allowed.
    """
    record = catalog.record(sku)
    enrolled = record.remote_fulfillment - frozenset(_chosen(marketplaces))
    if enrolled == record.remote_fulfillment:
        return catalog
    return catalog.with_record(
        attrs.evolve(record, remote_fulfillment=enrolled)
    )
