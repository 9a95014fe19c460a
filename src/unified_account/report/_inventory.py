"""Findings of the listings-and-inventory rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..decision import Decision, Outcome, ParamValue, Reason
from ..messages import N_
from ..model.listing import FulfillmentChannel, ListingStatus
from ..model.marketplace import Marketplace
from ..policy.availability import (
    _cell_reasons,
    _merchant_cell_reasons,
    _same_cell,
    mfn_marketplaces,
)
from ..policy.unified import evaluate_listing_marketplace
from ..rules import RuleKey
from .finding import (
    Finding,
    FindingOutcome,
    checked_finding,
    from_decision,
)
from .subject import Subject, SubjectKind, catalogue_subject

if TYPE_CHECKING:
    from ..edition import Edition
    from ..model.account import SellerAccount
    from ..model.catalog import SkuRecord
    from ..model.listing import Listing
    from ..snapshot import Snapshot

_INFO = FindingOutcome.INFO
_WARNING = FindingOutcome.WARNING
_LISTING, _SKU = SubjectKind.LISTING, SubjectKind.SKU
_ALLOWED = Outcome.ALLOWED
_DELETED, _ACTIVE = ListingStatus.DELETED, ListingStatus.ACTIVE
_MFN = FulfillmentChannel.MFN
_LISTED_RULE = RuleKey.PER_MARKETPLACE_LISTING
_LISTED = N_("per-marketplace-listing.listed")
# Reasons that tell the seller to look: a pool that cannot serve, a SKU
# off offer everywhere, a deletion that left other marketplaces live.
_WARNINGS = frozenset(
    {
        "fba-pool-separation.not-here",
        "marketplace-specific-deletion.zero-quantity",
        "marketplace-specific-deletion.live-elsewhere",
    }
)


# Local FBA units of a SKU served by Remote Fulfillment: whether Amazon
# sells them is not published.
_UNDETERMINED = "fba-pool-separation.remote-local-unknown"


# The level of each reason that is not ``info``.
_LEVELS = {
    **dict.fromkeys(_WARNINGS, _WARNING),
    _UNDETERMINED: FindingOutcome.UNDETERMINED,
}


def _finding(reason: Reason, subject: Subject) -> Finding:
    message_id = reason.message_id
    # The policies' reasons and the record's subjects are checked values.
    return checked_finding(
        reason.rule,
        _LEVELS.get(message_id, _INFO),
        subject,
        message_id,
        reason.params,
    )


def _deleted(record: SkuRecord, listing: Listing, subject: Subject) -> Finding:
    live = tuple(
        other.marketplace
        for other in record.listings
        if other.status is not ListingStatus.DELETED
    )
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": listing.marketplace,
    }
    if live:
        return _finding(
            Reason(
                RuleKey.MARKETPLACE_SPECIFIC_DELETION,
                N_("marketplace-specific-deletion.live-elsewhere"),
                {**params, "others": live},
            ),
            subject,
        )
    return _finding(
        Reason(
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
            N_("marketplace-specific-deletion.deleted"),
            params,
        ),
        subject,
    )


class _Where(dict[Marketplace, Decision]):
    """``evaluate_listing_marketplace`` per marketplace, each asked once.

    The answer depends on the account and the marketplace only, so a
    report asks it once per marketplace, not once per listing.
    """

    def __init__(self, account: SellerAccount, edition: Edition) -> None:
        super().__init__()
        self.account = account
        self.edition = edition

    def __missing__(self, marketplace: Marketplace) -> Decision:
        decision = evaluate_listing_marketplace(
            self.account, marketplace, edition=self.edition
        )
        self[marketplace] = decision
        return decision


def _record(
    record: SkuRecord, places: _Where, edition: Edition
) -> list[Finding]:
    # Nothing here repeats, so nothing is hashed to remove repeats: each
    # subject is a listing in its own marketplace, or the SKU, and a
    # subject's findings have distinct message ids (the marketplace's
    # decision, the listing, the cell's rules).  A property of the report
    # checks that the streamed findings have no repeats.
    found: list[Finding] = []
    sku, asin = record.sku, record.asin
    for listing in record.listings:
        marketplace = listing.marketplace
        subject = catalogue_subject(_LISTING, sku, asin, marketplace)
        status = listing.status
        if status is _DELETED:
            found.append(_deleted(record, listing, subject))
            continue
        where = places[marketplace]
        if where.outcome is not _ALLOWED:
            found += from_decision(where, subject)
        found.append(
            checked_finding(
                _LISTED_RULE,
                _INFO,
                subject,
                _LISTED,
                (  # in name order
                    ("marketplace", marketplace),
                    ("price", listing.price),
                    ("sku", sku),
                    ("title", listing.title),
                ),
            )
        )
        if status is _ACTIVE and listing.channel is _MFN:
            continue  # the SKU's pool is reported once, below
        # With Remote Fulfillment, an enrolled SKU's offer shows the US
        # pool that serves it; any other SKU's pools stay strictly
        # separate.
        for reason in _cell_reasons(record, marketplace, edition):
            found.append(_finding(reason, subject))
    merchant = mfn_marketplaces(record)
    if merchant:
        subject = catalogue_subject(_SKU, sku, asin)
        for reason in _cell_reasons(record, merchant[0], edition):
            found.append(_finding(reason, subject))
    return found


def record_findings_after(
    old_record: SkuRecord,
    old_found: tuple[Finding, ...],
    record: SkuRecord,
    places: _Where,
    edition: Edition,
) -> Sequence[Finding]:
    """:func:`record_findings` of ``record``, knowing ``old_record``'s.

    ``old_found`` are ``old_record``'s findings (as
    :func:`record_findings` gave them, under the same ``places`` and
    ``edition``).  When the two records have one SKU, ASIN and listings
    (a change of stock, the commonest), the findings that read nothing
    else (a deletion, the marketplace's decision, the listing itself)
    are ``old_found``'s own, and only the cells' are computed again:
    the result equals :func:`record_findings` of ``record``.
    """
    if (
        record.listings is not old_record.listings
        or record.asin != old_record.asin
        or record.sku != old_record.sku
    ):
        return _record(record, places, edition)
    if record.fba is old_record.fba and (
        record.remote_fulfillment is old_record.remote_fulfillment
    ):
        return _pool_moved(old_found, record)
    found: list[Finding] = []
    at = 0
    for listing in record.listings:
        if listing.status is ListingStatus.DELETED:
            found.append(old_found[at])  # a deletion has no cell
            at += 1
            continue
        marketplace = listing.marketplace
        where = places[marketplace]
        end = at + (1 if where.allowed else len(where.reasons) + 1)
        found += old_found[at:end]  # the decision's findings, the listing's
        subject = old_found[end - 1].subject
        at = end
        if (
            listing.status is ListingStatus.ACTIVE
            and listing.channel is FulfillmentChannel.MFN
        ):
            continue
        # The old cell's findings, one or two, all about this listing.
        start = at
        while at < len(old_found) and old_found[at].subject is subject:
            at += 1
        if _same_cell(old_record, record, listing):
            found += old_found[start:at]
        else:
            reasons = _cell_reasons(record, marketplace, edition)
            found += [_finding(r, subject) for r in reasons]
    merchant = mfn_marketplaces(record)
    if merchant:  # the SKU's cell: the rest of ``old_found``, as here
        if old_record.mfn is record.mfn:
            found += old_found[at:]
        else:
            subject = old_found[-1].subject
            reasons = _merchant_cell_reasons(record, merchant)
            found += [_finding(r, subject) for r in reasons]
    return found


def _pool_moved(
    old_found: tuple[Finding, ...],
    record: SkuRecord,
) -> tuple[Finding, ...]:
    """:func:`record_findings_after` when at most the merchant pool moved.

    Of the findings, only the SKU's own cell reads that pool (an offered
    merchant-fulfilled listing has no cell of its own): the SKU's last
    findings, replaced here.
    """
    merchant = mfn_marketplaces(record)
    if not merchant:  # no cell reads the pool
        return old_found
    subject = old_found[-1].subject  # the SKU's cell gives one at least
    end = len(old_found) - 1
    while end and old_found[end - 1].subject is subject:
        end -= 1
    reasons = _merchant_cell_reasons(record, merchant)
    return (*old_found[:end], *[_finding(r, subject) for r in reasons])


def answered_places(account: SellerAccount, edition: Edition) -> _Where:
    """The account's answer for every marketplace, asked now, once each."""
    places = _Where(account, edition)
    for marketplace in Marketplace:
        places[marketplace]
    return places


def record_findings(
    record: SkuRecord, places: _Where, edition: Edition
) -> list[Finding]:
    """The findings of one SKU's record, as :func:`findings` gives them."""
    return _record(record, places, edition)


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The listings-and-inventory findings of ``snapshot``, SKU by SKU."""
    catalog = snapshot.catalog
    places = _Where(snapshot.account, edition)
    for sku in sorted(catalog.skus.keys()):
        yield from _record(catalog.skus[sku], places, edition)
