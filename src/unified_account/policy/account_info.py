"""Account information per marketplace: ``account-info-defaults``."""

from __future__ import annotations

import attrs

from ..decision import (
    Decision,
    Reason,
    Resolved,
    RuleViolation,
    _resolved,
)
from ..edition import FAQ, Edition
from ..messages import N_
from ..model.account import AccountInfo, SellerAccount
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .eligibility import evaluate_scope
from .terms import INFO_FIELD_TERMS
from .unified import evaluate_listing_marketplace

__all__ = [
    "customise_account_info",
    "effective_account_info",
    "evaluate_customisation",
    "reset_account_info",
]


def effective_account_info(
    account: SellerAccount, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Resolved[AccountInfo]:
    """The account information ``marketplace`` uses.

    Its customised information if the seller has customised it, else
    what was entered at registration: the registration data is every
    marketplace's default until that marketplace is updated.  Fields the
    source did not give stay unknown (``None``) and a second reason,
    ``account-info-defaults.unknown``, names them.  A
    marketplace outside the scope has no unified-account information:
    asking for one raises :class:`~unified_account.decision.RuleViolation`
    carrying the ``na-scope`` decision.
    """
    if marketplace not in edition.scope:
        raise RuleViolation(evaluate_scope(marketplace, edition=edition))
    custom = account.info_overrides.get(marketplace)
    if custom is None:
        info, reason = account.registration_info, _REGISTRATION[marketplace]
    else:
        info, reason = custom, _CUSTOMISED[marketplace]
    if not info.unknown_fields:
        return _resolved(info, (reason,))
    unknown = Reason._of(
        RuleKey.ACCOUNT_INFO_DEFAULTS,
        N_("account-info-defaults.unknown"),
        {
            "marketplace": marketplace,
            "fields": tuple(
                INFO_FIELD_TERMS[name] for name in info.unknown_fields
            ),
        },
    )
    return _resolved(info, (reason, unknown))


def _reasons_by_marketplace(message: str) -> dict[Marketplace, Reason]:
    return {
        marketplace: Reason._of(
            RuleKey.ACCOUNT_INFO_DEFAULTS,
            message,
            {"marketplace": marketplace},
        )
        for marketplace in Marketplace
    }


# The reason for each marketplace, built once: constants, like the
# marketplaces they name.
_REGISTRATION = _reasons_by_marketplace(
    N_("account-info-defaults.registration")
)
_CUSTOMISED = _reasons_by_marketplace(N_("account-info-defaults.customised"))


def evaluate_customisation(
    account: SellerAccount, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Decision:
    """May ``account`` customise its information for ``marketplace``?

    Yes for a marketplace where the account may list
    (:func:`~unified_account.policy.unified.evaluate_listing_marketplace`:
    the home marketplace, or one in the scope that an eligible account
    has turned on).
    """
    listing = evaluate_listing_marketplace(
        account, marketplace, edition=edition
    )
    if not listing.allowed:
        return listing
    params = {"marketplace": marketplace}
    return Decision.allow(
        Reason(
            RuleKey.ACCOUNT_INFO_DEFAULTS,
            N_("account-info-defaults.may-customise"),
            params,
        )
    )


def customise_account_info(
    account: SellerAccount,
    marketplace: Marketplace,
    info: AccountInfo,
    *,
    edition: Edition = FAQ,
) -> SellerAccount:
    """A copy of ``account`` with ``info`` customised for ``marketplace``.

    Every other marketplace keeps the information it had.  Raises
    :class:`~unified_account.decision.RuleViolation` when
    :func:`evaluate_customisation` denies.
    """
    decision = evaluate_customisation(account, marketplace, edition=edition)
    if not decision.allowed:
        raise RuleViolation(decision)
    return attrs.evolve(
        account, info_overrides=account.info_overrides.set(marketplace, info)
    )


def reset_account_info(
    account: SellerAccount, marketplace: Marketplace, *, edition: Edition = FAQ
) -> SellerAccount:
    """A copy of ``account`` whose ``marketplace`` uses registration data."""
    del edition  # resetting is allowed wherever customising was
    if marketplace not in account.info_overrides:
        return account
    return attrs.evolve(
        account, info_overrides=account.info_overrides.delete(marketplace)
    )
