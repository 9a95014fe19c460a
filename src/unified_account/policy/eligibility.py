"""Who may use the unified account.

Rules: ``na-scope``, ``eu-distinct``, ``professional-only``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..decision import Decision, Outcome, Params, _decided, _ordered
from ..edition import EDITIONS, FAQ, Edition
from ..messages import N_
from ..model._plan import SellingPlan
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .terms import PLAN_TERMS

if TYPE_CHECKING:
    from ..model.account import SellerAccount

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
    table = _SCOPE_DECISIONS.get(edition.scope)
    decision = None if table is None else table.get(marketplace)
    if decision is None:  # an edition of the caller's own
        decision = _scope_decision(marketplace, edition.scope)
    return decision


def _scope_decision(
    marketplace: Marketplace, scope: frozenset[Marketplace]
) -> Decision:
    # The values are the account's and the edition's, checked when they
    # were built: the reason only takes its parameters in name order.
    ordered = _IN_ORDER.get(scope)
    params: Params = (
        ("marketplace", marketplace),
        ("scope", _in_order(scope) if ordered is None else ordered),
    )
    if marketplace in scope:
        return _decided(
            Outcome.ALLOWED,
            (_ordered(RuleKey.NA_SCOPE, N_("na-scope.in-scope"), params),),
        )
    return _decided(
        Outcome.DENIED,
        (_ordered(RuleKey.NA_SCOPE, N_("na-scope.out-of-scope"), params),),
    )


def _eligibility_decision(
    home: Marketplace,
    plan: SellingPlan,
    scope: frozenset[Marketplace],
    plans: frozenset[SellingPlan],
) -> Decision:
    ordered = _IN_ORDER.get(scope)
    registered = home in scope
    qualifies = plan in plans
    registration = _ordered(
        RuleKey.EU_DISTINCT,
        N_("eu-distinct.registered-in-scope")
        if registered
        else N_("eu-distinct.registered-elsewhere"),
        (
            ("home", home),
            ("scope", _in_order(scope) if ordered is None else ordered),
        ),
    )
    selling_plan = _ordered(
        RuleKey.PROFESSIONAL_ONLY,
        N_("professional-only.plan-qualifies")
        if qualifies
        else N_("professional-only.plan-excluded"),
        (("plan", PLAN_TERMS[plan]),),
    )
    if registered and qualifies:
        return _decided(Outcome.ALLOWED, (registration, selling_plan))
    # Deny overrides (as ``combine`` would): the denying rules' reasons.
    if registered:
        return _decided(Outcome.DENIED, (selling_plan,))
    if qualifies:
        return _decided(Outcome.DENIED, (registration,))
    return _decided(Outcome.DENIED, (registration, selling_plan))


def evaluate_eligibility(
    account: SellerAccount, *, edition: Edition = FAQ
) -> Decision:
    """May ``account`` use the unified account to sell across the scope?

    Two rules decide, combined deny-overrides: ``eu-distinct`` (the
    account was registered on a marketplace of the scope) and
    ``professional-only`` (its selling plan qualifies).  A denial names
    every rule that denies.
    """
    scope, plans = edition.scope, edition.qualifying_plans
    table = _ELIGIBILITY.get((scope, plans))
    if table is None:  # an edition of the caller's own
        return _eligibility_decision(account.home, account.plan, scope, plans)
    return table[account.home][account.plan]


# The answers of the shipped editions, computed once at import: every
# answer of ``evaluate_scope`` and ``evaluate_eligibility`` depends only
# on a marketplace (and a selling plan) and the edition's scope (and
# qualifying plans), closed vocabularies.  Constant tables, never changed;
# an edition of the caller's own is answered as it is asked.
_SCOPES = frozenset(e.scope for e in EDITIONS.values())
_SCOPE_DECISIONS: Mapping[
    frozenset[Marketplace], Mapping[Marketplace, Decision]
] = MappingProxyType(
    {
        scope: MappingProxyType(
            {m: _scope_decision(m, scope) for m in Marketplace}
        )
        for scope in _SCOPES
    }
)
_ELIGIBILITY: Mapping[
    tuple[frozenset[Marketplace], frozenset[SellingPlan]],
    Mapping[Marketplace, Mapping[SellingPlan, Decision]],
] = MappingProxyType(
    {
        (scope, plans): MappingProxyType(
            {
                home: MappingProxyType(
                    {
                        plan: _eligibility_decision(home, plan, scope, plans)
                        for plan in SellingPlan
                    }
                )
                for home in Marketplace
            }
        )
        for scope, plans in {
            (e.scope, e.qualifying_plans) for e in EDITIONS.values()
        }
    }
)
