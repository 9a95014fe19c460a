"""Remote Fulfillment with FBA: enrolling SKUs (``fba-pool-separation``).

Amazon ("Remote Fulfillment with FBA", Seller Central help
5P3CDUHZWSZLXLB): when the seller enrols and creates offers on Amazon.ca
and Amazon.com.mx, Fulfillment by Amazon uses the seller's inventory in
US fulfilment centres to fulfil those orders across the border (later
also Amazon.com.br).  Nothing is transferred: the pools stay separate,
and the US units are the same units wherever they are offered.  While
enrolled, "any seller-fulfilled offers you have will not be able to
share the same SKU as an FBA offer" (Amazon, "Get started on Remote
Fulfillment with FBA").

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
from ..model.catalog import Catalog
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


def evaluate_remote_enrollment(
    catalog: Catalog,
    sku: str,
    marketplaces: Iterable[Marketplace],
    *,
    edition: Edition,
) -> Decision:
    """May ``sku`` be enrolled in Remote Fulfillment for ``marketplaces``?

    Refused when ``edition`` has no Remote Fulfillment, for a
    marketplace it does not serve remotely, and for a SKU with a
    merchant-fulfilled offer (one that is not deleted).  An unknown SKU
    raises :class:`~unified_account.errors.MissingDataError`.
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
    merchant = tuple(
        listing.marketplace
        for listing in record.listings
        if listing.channel is FulfillmentChannel.MFN
        and listing.status is not ListingStatus.DELETED
    )
    if merchant:
        return Decision.deny(
            Reason(
                _RULE,
                N_("fba-pool-separation.remote-has-mfn"),
                {**params, "merchant": merchant},
            )
        )
    return Decision.allow(
        Reason(_RULE, N_("fba-pool-separation.remote-enrolled"), params)
    )


def enroll_remote_fulfillment(
    catalog: Catalog,
    sku: str,
    marketplaces: Iterable[Marketplace],
    *,
    edition: Edition,
) -> Catalog:
    """A copy of ``catalog`` with ``sku`` enrolled for ``marketplaces``.

    Adds to any earlier enrolment.  Raises
    :class:`~unified_account.errors.RuleViolation` when
    :func:`evaluate_remote_enrollment` denies.
    """
    decision = evaluate_remote_enrollment(
        catalog, sku, marketplaces, edition=edition
    )
    if not decision.allowed:
        raise RuleViolation(decision)
    record = catalog.record(sku)
    enrolled = record.remote_fulfillment | frozenset(marketplaces)
    return catalog.with_record(
        attrs.evolve(record, remote_fulfillment=enrolled)
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
