"""Findings of the brand and storefront rules.

Rules: ``brand-registry-propagation``, ``storefront-origin``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model.identifiers import to_asin
from ..policy.brand import (
    BrandStatus,
    attribute_differences,
    brand_registry_status,
    catalog_attribute_differences,
)
from ..policy.storefront import (
    evaluate_storefront_customisation,
    storefront_link,
)
from ..policy.unified import offer_marketplaces
from .finding import Finding, FindingOutcome, from_decision
from .subject import Subject, SubjectKind, catalogue_subject

_ASIN = SubjectKind.ASIN

if TYPE_CHECKING:
    from ..edition import Edition
    from ..snapshot import Snapshot


def _brands(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    for registration in snapshot.brands:
        status = brand_registry_status(
            snapshot.account, registration, edition=edition
        )
        for approval, reason in zip(status.value, status.reasons, strict=True):
            # Not approved is an explanation: nothing the seller has is
            # refused by it.
            if approval.approved:
                outcome = FindingOutcome.ALLOWED
            elif approval.status is BrandStatus.UNDETERMINED:
                outcome = FindingOutcome.UNDETERMINED
            else:
                outcome = FindingOutcome.INFO
            subject = Subject(
                kind=SubjectKind.BRAND,
                brand=registration.brand,
                marketplace=approval.marketplace,
            )
            yield Finding.of(reason, outcome, subject)
    # Key attributes: the ``brand_attributes`` the caller gave, and the
    # catalogue's own listings of each ASIN.  Listings out of sync are at
    # risk: a warning naming the attributes and the marketplaces.
    for differences in (
        attribute_differences(snapshot.brand_attributes),
        catalog_attribute_differences(snapshot.catalog),
    ):
        for reason in differences.reasons:
            differ = reason.message_id.endswith("attributes-differ")
            outcome = FindingOutcome.WARNING if differ else FindingOutcome.INFO
            asin = to_asin(str(reason.param("asin")))
            yield Finding.of(
                reason, outcome, catalogue_subject(_ASIN, None, asin)
            )


def _storefront(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    account, link = snapshot.account, snapshot.storefront_link
    seller = account.seller_id
    if link is not None:
        # Offered marketplaces are within the edition's scope.
        for marketplace in offer_marketplaces(account, edition=edition).value:
            resolved = storefront_link(
                account, marketplace, link, edition=edition
            )
            where = Subject(
                kind=SubjectKind.STOREFRONT,
                account=seller,
                marketplace=marketplace,
            )
            level = (
                FindingOutcome.UNDETERMINED
                if resolved.value is None
                else FindingOutcome.INFO
            )
            for reason in resolved.reasons:
                yield Finding.of(reason, level, where)
    for request in snapshot.storefront_requests:
        decision = evaluate_storefront_customisation(
            account, request.marketplace, edition=edition
        )
        where = Subject(
            kind=SubjectKind.STOREFRONT_REQUEST,
            account=seller,
            marketplace=request.marketplace,
        )
        yield from from_decision(decision, where)


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The brand and storefront findings of ``snapshot``."""
    yield from _brands(snapshot, edition)
    yield from _storefront(snapshot, edition)
