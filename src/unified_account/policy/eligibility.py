"""Who may use the unified account.

Rules: ``na-scope``, ``eu-distinct``, ``professional-only``.
"""

from __future__ import annotations

from collections.abc import Hashable

from ..decision import Decision, ParamValue, Reason, combine
from ..edition import FAQ, Edition
from ..messages import N_
from ..model.account import SellerAccount
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from ._memo import memo
from .terms import PLAN_TERMS

__all__ = ["evaluate_eligibility", "evaluate_scope", "scope_marketplaces"]


def scope_marketplaces(*, edition: Edition = FAQ) -> tuple[Marketplace, ...]:
    """The marketplaces the unified account spans, in catalogue order.

    >>> [m.name for m in scope_marketplaces()]
    ['US', 'CA', 'MX']
    """
    scope = edition.scope
    ordered = _IN_ORDER.get(scope)
    if ordered is None:
        ordered = _IN_ORDER[scope] = tuple(
            m for m in Marketplace if m in scope
        )
    return ordered


# Each edition's scope in catalogue order, computed once per scope (a
# frozenset, which caches its own hash).
_IN_ORDER: dict[frozenset[Marketplace], tuple[Marketplace, ...]] = {}


def evaluate_scope(
    marketplace: Marketplace, *, edition: Edition = FAQ
) -> Decision:
    """``na-scope``: is ``marketplace`` one of the unified account's?

    >>> evaluate_scope(Marketplace.MX).allowed
    True
    >>> evaluate_scope(Marketplace.DE).allowed
    False
    """
    return memo(
        _SCOPE_ANSWERS,
        (type(marketplace), marketplace, edition.scope),
        lambda: _scope(marketplace, edition),
    )


_SCOPE_ANSWERS: dict[Hashable, Decision] = {}


def _scope(marketplace: Marketplace, edition: Edition) -> Decision:
    params: dict[str, ParamValue] = {
        "marketplace": marketplace,
        "scope": scope_marketplaces(edition=edition),
    }
    if marketplace in edition.scope:
        return Decision.allow(
            Reason(RuleKey.NA_SCOPE, N_("na-scope.in-scope"), params)
        )
    return Decision.deny(
        Reason(RuleKey.NA_SCOPE, N_("na-scope.out-of-scope"), params)
    )


def _registration(account: SellerAccount, edition: Edition) -> Decision:
    params: dict[str, ParamValue] = {
        "home": account.home,
        "scope": scope_marketplaces(edition=edition),
    }
    if account.home in edition.scope:
        return Decision.allow(
            Reason(
                RuleKey.EU_DISTINCT,
                N_("eu-distinct.registered-in-scope"),
                params,
            )
        )
    return Decision.deny(
        Reason(
            RuleKey.EU_DISTINCT, N_("eu-distinct.registered-elsewhere"), params
        )
    )


def _plan(account: SellerAccount, edition: Edition) -> Decision:
    params: dict[str, ParamValue] = {"plan": PLAN_TERMS[account.plan]}
    if account.plan in edition.qualifying_plans:
        return Decision.allow(
            Reason(
                RuleKey.PROFESSIONAL_ONLY,
                N_("professional-only.plan-qualifies"),
                params,
            )
        )
    return Decision.deny(
        Reason(
            RuleKey.PROFESSIONAL_ONLY,
            N_("professional-only.plan-excluded"),
            params,
        )
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
    return memo(
        _ELIGIBILITY_ANSWERS,
        (account.home, account.plan, edition.scope, edition.qualifying_plans),
        lambda: combine(
            _registration(account, edition), _plan(account, edition)
        ),
    )


# The answers depend on the home marketplace, the plan and the edition's
# scope and plans only, whatever else the account holds.
_ELIGIBILITY_ANSWERS: dict[Hashable, Decision] = {}
