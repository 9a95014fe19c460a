"""Findings of the brand and storefront rules.

Rules: ``brand-registry-propagation``, ``storefront-origin``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from ..decision import Reason
from ..messages import N_
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
from .finding import (
    Finding,
    FindingOutcome,
    checked_finding,
    from_decision,
    once,
)
from .subject import Subject, SubjectKind, catalogue_subject

_ASIN = SubjectKind.ASIN

if TYPE_CHECKING:
    from ..edition import Edition
    from ..model.identifiers import Asin
    from ..snapshot import Snapshot


def _registrations(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
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


def _attributes(snapshot: Snapshot) -> Iterator[Finding]:
    # Key attributes: the ``brand_attributes`` the caller gave, and the
    # catalogue's own listings of each ASIN.  Listings out of sync are at
    # risk: a warning naming the attributes and the marketplaces.
    given = [
        _asin_finding(reason)
        for reason in attribute_differences(snapshot.brand_attributes).reasons
    ]
    yield from given
    # One reason per ASIN in each: a finding of the catalogue's repeats
    # one of the caller's records only if they are the same.
    said = frozenset(given)
    for reason in catalog_attribute_differences(snapshot.catalog).reasons:
        finding = _asin_finding(reason)
        if not said or finding not in said:
            yield finding


def _asin_finding(reason: Reason) -> Finding:
    """The finding of a reason of the key attributes of one ASIN."""
    differ = reason.message_id == _DIFFER
    outcome = FindingOutcome.WARNING if differ else FindingOutcome.INFO
    # The ASIN of a record, checked when the record was built.
    asin = cast("Asin", reason.param("asin"))
    return checked_finding(
        reason.rule,
        outcome,
        catalogue_subject(_ASIN, None, asin),
        reason.message_id,
        reason.params,
    )


_DIFFER = N_("brand-registry-propagation.attributes-differ")


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
    """The brand and storefront findings of ``snapshot``, each once.

    The brands' and the storefront's repeats (the same registration or
    request given twice) are left out here; the ASINs' findings, one per
    ASIN and source, are compared only with the caller's own.
    """
    yield from once(_registrations(snapshot, edition))
    yield from _attributes(snapshot)
    yield from once(_storefront(snapshot, edition))
