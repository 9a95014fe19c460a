"""Where a unified account acts, and why its accounts never merge.

Rules: ``list-anywhere``, ``switcher-means-unified``,
``home-only-by-default``, ``no-merge``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..decision import (
    Decision,
    Outcome,
    Params,
    ParamValue,
    Reason,
    Resolved,
    _decided,
    _ordered,
)
from ..edition import FAQ, Edition
from ..messages import N_
from ..model.account import SellerAccount
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .eligibility import evaluate_eligibility, evaluate_scope

__all__ = [
    "evaluate_listing_marketplace",
    "evaluate_merge",
    "evaluate_unified",
    "marketplace_switcher",
    "offer_marketplaces",
]


# Enum members read once: reading one from its class runs Python code
# (``EnumType``'s look-up).
_ALLOWED = Outcome.ALLOWED
_DENIED = Outcome.DENIED
_HOME_ONLY_BY_DEFAULT = RuleKey.HOME_ONLY_BY_DEFAULT
_LIST_ANYWHERE = RuleKey.LIST_ANYWHERE


def evaluate_listing_marketplace(
    account: SellerAccount, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Decision:
    """May ``account`` list products in ``marketplace``?

    The home marketplace always may, when it is in the scope
    (``home-only-by-default``).  Another marketplace may when it is in the
    scope (``na-scope``), the account is eligible (``eu-distinct``,
    ``professional-only``) and the seller has turned it on: listing
    elsewhere is opt-in, never automatic (``home-only-by-default``).  Then
    ``list-anywhere`` allows it.  A marketplace outside the scope, home or
    not, is not the unified account's to decide: ``na-scope`` denies.
    Product eligibility, which Amazon decides per product and
    marketplace, is outside these rules.
    """
    home = account.home
    in_scope = marketplace in edition.scope
    if marketplace is home and in_scope:
        return _AT_HOME[home]
    scope = evaluate_scope(marketplace, edition=edition)
    eligible = evaluate_eligibility(account, edition=edition)
    eligible_allowed = eligible.outcome is _ALLOWED
    if not in_scope or not eligible_allowed:
        # Deny overrides (as ``combine`` would): the denying reasons.
        return _decided(
            _DENIED,
            (
                *(scope.reasons if not in_scope else ()),
                *(eligible.reasons if not eligible_allowed else ()),
            ),
        )
    # Every value here was checked when the account and the edition were
    # built: the reasons only take their parameters in name order.
    params: Params = (("home", home), ("marketplace", marketplace))
    if marketplace not in account.marketplaces:
        return _decided(
            _DENIED,
            (
                _ordered(
                    _HOME_ONLY_BY_DEFAULT,
                    N_("home-only-by-default.not-turned-on"),
                    params,
                ),
            ),
        )
    return _decided(
        _ALLOWED,
        (
            _ordered(_LIST_ANYWHERE, N_("list-anywhere.allowed"), params),
            *scope.reasons,
            *eligible.reasons,
        ),
    )


# Listing in one's home marketplace, when it is in the scope: the answer
# names only the marketplace, so each is built once, at import.
_AT_HOME: Mapping[Marketplace, Decision] = MappingProxyType(
    {
        home: _decided(
            Outcome.ALLOWED,
            (
                _ordered(
                    RuleKey.HOME_ONLY_BY_DEFAULT,
                    N_("home-only-by-default.home"),
                    (("home", home), ("marketplace", home)),
                ),
            ),
        )
        for home in Marketplace
    }
)


def offer_marketplaces(
    account: SellerAccount, *, edition: Edition = FAQ
) -> Resolved[tuple[Marketplace, ...]]:
    """The marketplaces where ``account``'s products may be listed now.

    The home marketplace, plus every turned-on marketplace that
    :func:`evaluate_listing_marketplace` allows; with nothing turned on,
    products list only in the home marketplace.  An account registered
    outside the scope is offered nothing, for the rules that say why.
    """
    allowed = tuple(
        m
        for m in Marketplace
        if m in account.marketplaces
        and evaluate_listing_marketplace(account, m, edition=edition).allowed
    )
    if not allowed:  # registered outside the scope: nothing is offered
        home = evaluate_listing_marketplace(
            account, account.home, edition=edition
        )
        return Resolved(allowed, home.reasons)
    params: dict[str, ParamValue] = {
        "home": account.home,
        "marketplaces": allowed,
    }
    if allowed == (account.home,):
        reason = Reason(
            RuleKey.HOME_ONLY_BY_DEFAULT,
            N_("home-only-by-default.home-only"),
            params,
        )
    else:
        reason = Reason(
            RuleKey.LIST_ANYWHERE, N_("list-anywhere.offered-in"), params
        )
    return Resolved(allowed, (reason,))


def marketplace_switcher(
    account: SellerAccount, *, edition: Edition = FAQ
) -> Resolved[tuple[Marketplace, ...]]:
    """The marketplaces the account's marketplace switcher offers.

    An eligible account can switch between every marketplace of the
    scope (whether or not it lists there yet); any other account acts in
    its home marketplace only, and has no switcher.
    """
    eligible = evaluate_eligibility(account, edition=edition)
    if eligible.allowed:
        value = tuple(m for m in Marketplace if m in edition.scope)
    else:
        value = (account.home,)
    return Resolved(value, eligible.reasons)


def evaluate_unified(
    account: SellerAccount, *, edition: Edition = FAQ
) -> Decision:
    """``switcher-means-unified``: is ``account`` a unified account?

    It is exactly when it can act in more than its home marketplace,
    which is what the marketplace switcher at the top of Seller Central
    shows.  The decision allows for a unified account and denies (with
    the eligibility rules that decided) for any other.
    """
    switcher = marketplace_switcher(account, edition=edition)
    params: dict[str, ParamValue] = {
        "home": account.home,
        "marketplaces": switcher.value,
    }
    if len(switcher.value) > 1:
        return Decision.allow(
            Reason(
                RuleKey.SWITCHER_MEANS_UNIFIED,
                N_("switcher-means-unified.unified"),
                params,
            ),
            *switcher.reasons,
        )
    return Decision.deny(
        Reason(
            RuleKey.SWITCHER_MEANS_UNIFIED,
            N_("switcher-means-unified.not-unified"),
            params,
        ),
        *switcher.reasons,
    )


def evaluate_merge(
    first: SellerAccount, second: SellerAccount, *, edition: Edition = FAQ
) -> Decision:
    """``no-merge``: may two accounts be merged?

    Separate accounts registered on marketplaces of ``edition``'s scope
    (North America) cannot be merged, whatever their plans or owners;
    each selling account has its own unified account: denied, naming
    both.  An account cannot be merged with itself either: denied, said
    as such.  A pair that is not two such accounts (one registered on
    amazon.de, say) is outside this rule: Seller Central's "Merging
    accounts" page (help 201841950) merges accounts across regions on
    its own terms, so the answer is undetermined, never a denial.
    """
    if first.seller_id == second.seller_id:
        return Decision.deny(
            Reason(
                RuleKey.NO_MERGE,
                N_("no-merge.same-account"),
                {"account": first.seller_id, "home": first.home},
            )
        )
    params: dict[str, ParamValue] = {
        "first": first.seller_id,
        "first_home": first.home,
        "second": second.seller_id,
        "second_home": second.home,
    }
    if first.home not in edition.scope or second.home not in edition.scope:
        scope = tuple(m for m in Marketplace if m in edition.scope)
        return Decision.undetermined(
            Reason(
                RuleKey.NO_MERGE,
                N_("no-merge.outside-rule"),
                {**params, "scope": scope},
            )
        )
    return Decision.deny(
        Reason(RuleKey.NO_MERGE, N_("no-merge.denied"), params)
    )
