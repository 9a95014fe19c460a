"""The storefront link: ``storefront-origin``.

The option to customise the storefront link exists only in the home
marketplace, and listings in every marketplace of the unified account
link to the home marketplace's storefront.  Asking to customise it from
another marketplace is refused, with this rule as the reason.
"""

from __future__ import annotations

from .._excerpt import excerpt
from ..decision import Decision, ParamValue, Reason, Resolved, RuleViolation
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.marketplace import Marketplace
from ..model.storefront import StorefrontLink
from ..rules import RuleKey
from .eligibility import evaluate_scope

__all__ = [
    "customise_storefront",
    "evaluate_storefront_customisation",
    "storefront_link",
]

_RULE = RuleKey.STOREFRONT_ORIGIN
_FAQ_MARKETPLACES = frozenset({Marketplace.US, Marketplace.CA, Marketplace.MX})


def evaluate_storefront_customisation(
    account: SellerAccount, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Decision:
    """May ``account`` customise its storefront link from ``marketplace``?

    Only from the home marketplace.
    """
    del edition  # every edition keeps the option in the home marketplace
    params: dict[str, ParamValue] = {
        "home": account.home,
        "marketplace": marketplace,
    }
    if marketplace is account.home:
        return Decision.allow(
            Reason(_RULE, N_("storefront-origin.may-customise"), params)
        )
    return Decision.deny(
        Reason(_RULE, N_("storefront-origin.home-only"), params)
    )


def customise_storefront(
    account: SellerAccount,
    marketplace: Marketplace,
    link: StorefrontLink,
    *,
    edition: Edition = FAQ,
) -> StorefrontLink:
    """Set the storefront link, asking from ``marketplace``.

    Returns the link every listing will use.  Raises
    :class:`~unified_account.decision.RuleViolation` (``storefront-origin``)
    when ``marketplace`` is not the home marketplace, and
    :class:`~unified_account.errors.InvalidValueError` when ``link`` is
    not on the home marketplace's site.
    """
    decision = evaluate_storefront_customisation(
        account, marketplace, edition=edition
    )
    if not decision.allowed:
        raise RuleViolation(decision)
    if link.marketplace is not account.home:
        raise InvalidValueError(
            f"`{excerpt(link)}` is on {link.marketplace.display_name}, not on "
            "the "
            f"home marketplace {account.home.display_name}",
            field="link",
        )
    return link


def storefront_link(
    account: SellerAccount,
    marketplace: Marketplace,
    link: StorefrontLink,
    *,
    edition: Edition = FAQ,
) -> Resolved[StorefrontLink | None]:
    """The storefront link of a listing in ``marketplace``.

    ``link`` is the account's storefront link, set in the home
    marketplace; every marketplace the FAQ names (Amazon.com, Amazon.ca,
    Amazon.com.mx) uses it.  For another marketplace of a wider scope
    (Amazon.com.br) the FAQ says nothing: the value is ``None`` with a
    ``link-unknown`` reason (undetermined).  Raises
    :class:`~unified_account.decision.RuleViolation` for a marketplace
    outside the scope (``na-scope``) or a ``link`` that is not on the
    home marketplace's site (``storefront-origin``).
    """
    scope = evaluate_scope(marketplace, edition=edition)
    if not scope.allowed:
        raise RuleViolation(scope)
    if link.marketplace is not account.home:
        raise RuleViolation(
            evaluate_storefront_customisation(
                account, link.marketplace, edition=edition
            )
        )
    if marketplace not in _FAQ_MARKETPLACES or (
        account.home not in _FAQ_MARKETPLACES
    ):
        return Resolved(
            None,
            (
                Reason(
                    _RULE,
                    N_("storefront-origin.link-unknown"),
                    {"marketplace": marketplace, "home": account.home},
                ),
            ),
        )
    return Resolved(
        link,
        (
            Reason(
                _RULE,
                N_("storefront-origin.links-home"),
                {
                    "marketplace": marketplace,
                    "home": account.home,
                    "link": link.url,
                },
            ),
        ),
    )
