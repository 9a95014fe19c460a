"""Findings of an import from the Selling Partner API.

Each item set aside (or noted) becomes a finding of the rule its reason
belongs to (``na-scope`` for a marketplace or order outside the unified
account, ``fba-pool-separation`` for stock of another country,
``mfn-inventory`` for a contradicting notification, ...): a warning for
an item left out, information for a note on one kept.  Each Product Fees
estimate is a ``per-item-fees-by-sale-marketplace`` finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..messages import N_
from ..rules import RuleKey
from .finding import Finding, FindingOutcome
from .subject import Subject, SubjectKind

if TYPE_CHECKING:
    from ..edition import Edition
    from ..snapshot import Snapshot

_MESSAGES = {
    "non-amazon-marketplace": N_("na-scope.set-aside.non-amazon-marketplace"),
    "unknown-marketplace": N_("na-scope.set-aside.unknown-marketplace"),
    "outside-region": N_("na-scope.set-aside.outside-region"),
    "not-participating": N_("na-scope.set-aside.not-participating"),
    "suspended-listings": N_(
        "per-marketplace-listing.set-aside.suspended-listings"
    ),
    "non-amazon-order": N_("na-scope.set-aside.non-amazon-order"),
    "other-country-stock": N_(
        "fba-pool-separation.set-aside.other-country-stock"
    ),
    "repeated-stock": N_("fba-pool-separation.set-aside.repeated-stock"),
    "incomplete-listing": N_(
        "per-marketplace-listing.set-aside.incomplete-listing"
    ),
    "listing-issue": N_("per-marketplace-listing.set-aside.listing-issue"),
    "unknown-fulfillment-channel": N_(
        "per-marketplace-listing.set-aside.unknown-fulfillment-channel"
    ),
    "contradiction": N_("mfn-inventory.set-aside.contradiction"),
    "fee-estimate-failed": N_(
        "per-item-fees-by-sale-marketplace.set-aside.fee-estimate-failed"
    ),
    "undated-charge": N_("single-subscription.set-aside.undated-charge"),
    "open-settlement": N_("local-payout.set-aside.open-settlement"),
}


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The import findings of ``snapshot``."""
    del edition  # what was set aside does not depend on the edition
    for item in snapshot.set_aside:
        yield Finding(
            item.reason.rule,
            FindingOutcome.INFO
            if item.reason.kept
            else FindingOutcome.WARNING,
            Subject(
                kind=SubjectKind.IMPORT,
                reference=f"{item.source}/{item.subject}",
            ),
            _MESSAGES[item.reason.value],
            {
                "subject": item.subject,
                "detail": item.detail or "-",
                "source": item.source,
                "path": item.path or "-",
            },
        )
    # An estimate recorded twice (two reads of one answer) is one finding.
    for estimate in dict.fromkeys(snapshot.fee_estimates):
        yield Finding(
            RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE,
            FindingOutcome.INFO,
            Subject(
                kind=SubjectKind.FEE_ESTIMATE,
                reference=estimate.reference,
                marketplace=estimate.marketplace,
            ),
            N_("per-item-fees-by-sale-marketplace.estimated"),
            {
                "reference": estimate.reference,
                "marketplace": estimate.marketplace,
                "price": estimate.price,
                "fee": estimate.total,
            },
        )
