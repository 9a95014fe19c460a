"""Findings of the scope-and-account rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decision import Resolved
from ..model.marketplace import Marketplace
from ..policy.account_info import effective_account_info
from ..policy.eligibility import evaluate_eligibility, evaluate_scope
from ..policy.unified import (
    evaluate_listing_marketplace,
    evaluate_merge,
    evaluate_unified,
)
from ..rules import RuleKey
from .finding import Finding, from_decision, from_resolved
from .subject import Subject, SubjectKind

if TYPE_CHECKING:
    from ..edition import Edition
    from ..model.account import SellerAccount
    from ..snapshot import Snapshot

_CATALOGUE_ORDER = tuple(Marketplace)
_LISTING_RULES = (RuleKey.LIST_ANYWHERE, RuleKey.HOME_ONLY_BY_DEFAULT)


def _wants_elsewhere(account: SellerAccount, edition: Edition) -> bool:
    """Whether the account has turned on a scope marketplace besides home."""
    return bool((account.marketplaces & edition.scope) - {account.home})


def _account(account: SellerAccount, edition: Edition) -> Iterator[Finding]:
    subject = Subject(kind=SubjectKind.ACCOUNT, account=account.seller_id)
    eligibility = evaluate_eligibility(account, edition=edition)
    # A refusal is a problem only when the seller has turned on another
    # marketplace of the scope; otherwise it explains (``info``).
    yield from from_decision(
        eligibility,
        subject,
        concerns_seller=_wants_elsewhere(account, edition),
    )
    yield from from_decision(
        evaluate_unified(account, edition=edition),
        subject,
        (RuleKey.SWITCHER_MEANS_UNIFIED,),
        concerns_seller=False,
    )
    for marketplace in sorted(
        edition.scope | account.marketplaces, key=_order
    ):
        where = Subject(
            kind=SubjectKind.MARKETPLACE,
            account=account.seller_id,
            marketplace=marketplace,
        )
        turned_on = marketplace in account.marketplaces
        if marketplace not in edition.scope:
            # Outside the scope the unified account's rules do not apply:
            # one explanation, whatever else the seller does there.
            yield from from_decision(
                evaluate_scope(marketplace, edition=edition),
                where,
                concerns_seller=False,
            )
            continue
        if turned_on:
            yield from from_decision(
                evaluate_scope(marketplace, edition=edition),
                where,
                (RuleKey.NA_SCOPE,),
            )
        listing = evaluate_listing_marketplace(
            account, marketplace, edition=edition
        )
        # An allowed listing repeats the eligibility reasons above; a
        # denied one shows whichever rule refused it.
        yield from from_decision(
            listing,
            where,
            _LISTING_RULES if listing.allowed else None,
            concerns_seller=turned_on,
        )
        if turned_on:
            yield from from_resolved(
                effective_account_info(account, marketplace, edition=edition),
                where,
            )


def _order(marketplace: Marketplace) -> int:
    return _CATALOGUE_ORDER.index(marketplace)


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The scope-and-account findings of ``snapshot``."""
    yield from _account(snapshot.account, edition)
    for other in snapshot.separate_accounts:
        yield from _account(other, edition)
        # Nobody asked for a merge: the rule explains why they stay apart,
        # or that it does not cover the pair (``info`` either way).
        merge = evaluate_merge(snapshot.account, other, edition=edition)
        yield from from_resolved(
            Resolved(merge.outcome, merge.reasons),
            Subject(
                kind=SubjectKind.ACCOUNTS,
                account=snapshot.account.seller_id,
                other_account=other.seller_id,
            ),
        )
