"""Findings of the charges audit: what Amazon booked, against the rules.

Rules: ``single-subscription``, ``per-item-fees-by-sale-marketplace``,
``local-payout`` (:func:`~unified_account.audit_charges`), and a
summary per currency under ``order-tracking``
(totals per currency, never mixed).  A charge that keeps the rules gives
no finding, so a clean month is silent.  The listings' activity is known
only on the snapshot's ``as_of`` date (its catalogue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decision import Outcome, Reason
from ..messages import N_
from ..model.marketplace import Marketplace
from ..policy.availability import active_marketplaces
from ..policy.charges_audit import audit_charges
from ..rules import RuleKey
from .finding import Finding, FindingOutcome
from .subject import Subject, SubjectKind

if TYPE_CHECKING:
    from ..edition import Edition
    from ..policy.charges_audit import Judged
    from ..snapshot import Snapshot

_LEVEL = {
    Outcome.DENIED: FindingOutcome.WARNING,
    Outcome.UNDETERMINED: FindingOutcome.UNDETERMINED,
}


_CONFLICT = "local-payout.deposit-conflict"


def _subject(snapshot: Snapshot, judged: Judged) -> Subject:
    account = snapshot.account.seller_id
    rule = judged.reason.rule
    params = dict(judged.reason.params)
    if rule is RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE:
        charge = judged.charge
        return Subject(
            kind=SubjectKind.SALE,
            reference=str(params.get("order", "-")),
            marketplace=None if charge is None else charge.marketplace,
        )
    deposit = judged.deposit
    if deposit is not None and judged.reason.message_id == _CONFLICT:
        # two readings of one settlement: a fact of the account's
        # records, whichever marketplaces it turned on
        return Subject(
            kind=SubjectKind.ACCOUNT,
            account=account,
            reference=deposit.settlement_id,
        )
    if deposit is not None:
        where = params.get("marketplace")
        return Subject(
            kind=SubjectKind.MARKETPLACE,
            account=account,
            marketplace=(
                where
                if isinstance(where, Marketplace)
                else deposit.marketplace
            ),
            reference=deposit.settlement_id,
        )
    return Subject(kind=SubjectKind.SUBSCRIPTION, account=account)


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The charges-audit findings of ``snapshot``."""
    if not snapshot.charges and not snapshot.deposits:
        return
    as_of = snapshot.as_of
    audit = audit_charges(
        snapshot.charges,
        account=snapshot.account,
        deposits=snapshot.deposits,
        schedule=snapshot.fee_schedule,
        per_item_fees=snapshot.per_item_fees,
        sales=snapshot.sales,
        active_on=(
            None
            if as_of is None
            else {as_of: active_marketplaces(snapshot.catalog)}
        ),
        rates=snapshot.rates,
        bank_countries=snapshot.payout_bank_countries,
        edition=edition,
    )
    for judged in audit.findings:
        yield Finding.of(
            judged.reason, _LEVEL[judged.outcome], _subject(snapshot, judged)
        )
    for line in audit.summaries:
        reason = Reason(
            RuleKey.ORDER_TRACKING,
            N_("order-tracking.charges-summary"),
            {
                "currency": line.currency,
                "audited": line.audited,
                "in_question": line.in_question,
                "undetermined": line.undetermined,
            },
        )
        yield Finding.of(
            reason,
            FindingOutcome.INFO,
            Subject(kind=SubjectKind.ORDERS, currency=line.currency),
        )
