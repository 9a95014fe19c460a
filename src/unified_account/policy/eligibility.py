"""Who may use the unified account.

Rules: ``na-scope``, ``eu-distinct``, ``professional-only``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..decision import Decision, Outcome, ParamValue, Reason, _decided
from ..edition import EDITIONS, FAQ, Edition
from ..messages import N_
from ..model.account import SellerAccount
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .terms import PLAN_TERMS

__all__ = ["evaluate_eligibility", "evaluate_scope", "scope_marketplaces"]


def scope_marketplaces(*, edition: Edition = FAQ) -> tuple[Marketplace, ...]:
    """The marketplaces the unified account spans, in catalogue order.

    >>> [m.name for m in scope_marketplaces()]
    ['US', 'CA', 'MX']
    """
    ordered = _IN_ORDER.get(edition.scope)
    if ordered is None:  # an edition of the caller's own
        ordered = _in_order(edition.scope)
    return ordered


def _in_order(scope: frozenset[Marketplace]) -> tuple[Marketplace, ...]:
    return tuple(m for m in Marketplace if m in scope)


# The shipped editions' scopes in catalogue order: a constant table, built
# at import and never changed.
_IN_ORDER: Mapping[frozenset[Marketplace], tuple[Marketplace, ...]] = (
    MappingProxyType({e.scope: _in_order(e.scope) for e in EDITIONS.values()})
)


def evaluate_scope(
    marketplace: Marketplace, *, edition: Edition = FAQ
) -> Decision:
    """``na-scope``: is ``marketplace`` one of the unified account's?

    >>> evaluate_scope(Marketplace.MX).allowed
    True
    >>> evaluate_scope(Marketplace.DE).allowed
    False
    """
    params: dict[str, ParamValue] = {
        "marketplace": marketplace,
        "scope": scope_marketplaces(edition=edition),
    }
    # The values are the account's and the edition's, checked when they
    # were built: the reason only puts its parameters in order.
    if marketplace in edition.scope:
        return _decided(
            Outcome.ALLOWED,
            (Reason._of(RuleKey.NA_SCOPE, N_("na-scope.in-scope"), params),),
        )
    return _decided(
        Outcome.DENIED,
        (Reason._of(RuleKey.NA_SCOPE, N_("na-scope.out-of-scope"), params),),
    )


def _registration(account: SellerAccount, edition: Edition) -> Reason:
    params: dict[str, ParamValue] = {
        "home": account.home,
        "scope": scope_marketplaces(edition=edition),
    }
    return Reason._of(
        RuleKey.EU_DISTINCT,
        N_("eu-distinct.registered-in-scope")
        if account.home in edition.scope
        else N_("eu-distinct.registered-elsewhere"),
        params,
    )


def _plan(account: SellerAccount, edition: Edition) -> Reason:
    params: dict[str, ParamValue] = {"plan": PLAN_TERMS[account.plan]}
    return Reason._of(
        RuleKey.PROFESSIONAL_ONLY,
        N_("professional-only.plan-qualifies")
        if account.plan in edition.qualifying_plans
        else N_("professional-only.plan-excluded"),
        params,
    )


def evaluate_eligibility(
    account: SellerAccount, *, edition: Edition = FAQ
) -> Decision:
    """May ``account`` use the unified account to sell across the scope?

    Two rules decide, combined deny-overrides: ``eu-distinct`` (the
    account was registered on a marketplace of the scope) and
    ``professional-only`` (its selling plan qualifies).  A denial names
    every rule that denies.
    """
    registered = account.home in edition.scope
    qualifies = account.plan in edition.qualifying_plans
    if registered and qualifies:
        return _decided(
            Outcome.ALLOWED,
            (_registration(account, edition), _plan(account, edition)),
        )
    # Deny overrides (as ``combine`` would): the denying rules' reasons.
    if registered:
        return _decided(Outcome.DENIED, (_plan(account, edition),))
    if qualifies:
        return _decided(Outcome.DENIED, (_registration(account, edition),))
    return _decided(
        Outcome.DENIED,
        (_registration(account, edition), _plan(account, edition)),
    )
