"""The account information conformance machine."""

from __future__ import annotations

from typing import Protocol, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from ..decision import RuleViolation
from ..edition import FAQ
from ..model.account import AccountInfo, SellerAccount, SellingPlan
from ..model.marketplace import Marketplace
from ..policy.account_info import (
    customise_account_info,
    effective_account_info,
    reset_account_info,
)
from ..rules import RuleKey
from ..strategies import account_infos, seller_accounts

__all__ = [
    "AccountEvent",
    "AccountInfoComponent",
    "AccountInfoConformance",
    "AccountOpened",
    "InfoCustomised",
    "InfoReset",
]


@attrs.frozen
class AccountOpened:
    """The account the machine works with, as registered."""

    account: SellerAccount


@attrs.frozen
class InfoCustomised:
    """Account information customised for one marketplace."""

    marketplace: Marketplace
    info: AccountInfo


@attrs.frozen
class InfoReset:
    """One marketplace's customised information removed."""

    marketplace: Marketplace


AccountEvent: TypeAlias = AccountOpened | InfoCustomised | InfoReset
"""Every step the account machine sends a component."""


class AccountInfoComponent(Protocol):
    """What a downstream tool's account component offers the kit."""

    def apply(self, event: AccountEvent) -> None:
        """Take one step the rules allowed."""

    def info(self, marketplace: Marketplace) -> AccountInfo:
        """The account information the component uses in ``marketplace``."""


_NA = tuple(sorted(FAQ.scope, key=list(Marketplace).index))


class AccountInfoConformance(RuleBasedStateMachine):
    """Random customisations and resets, checked against the rules.

    Subclass it, implement :meth:`make_component`, and expose
    ``TestCase``.  After every step the invariant
    ``defaults_do_not_leak`` (``account-info-defaults``) checks that the
    component uses, in every turned-on marketplace, exactly the
    information the rules give: the registration information unless that
    marketplace was customised, and a customisation never reaching
    another marketplace.  Requires hypothesis.
    """

    def __init__(self) -> None:
        super().__init__()
        self.component = self.make_component()
        self.account: SellerAccount | None = None

    def make_component(self) -> AccountInfoComponent:
        """A fresh component under test; subclasses must implement it."""
        raise NotImplementedError("implement make_component()")

    @initialize(
        account=seller_accounts(
            plans=st.just(SellingPlan.PROFESSIONAL),
            homes=st.sampled_from(_NA),
            others=st.frozensets(st.sampled_from(_NA), min_size=1),
            customised=False,
        )
    )
    def open_account(self, account: SellerAccount) -> None:
        """Start from an account with its registration information."""
        self.account = account
        self.component.apply(AccountOpened(account))

    def _current(self) -> SellerAccount:
        assert self.account is not None
        return self.account

    @rule(where=st.sampled_from(_NA), info=account_infos())
    def customise(self, where: Marketplace, info: AccountInfo) -> None:
        """Customise one marketplace's information, if the rules allow."""
        try:
            self.account = customise_account_info(self._current(), where, info)
        except RuleViolation:
            return
        self.component.apply(InfoCustomised(where, info))

    @rule(where=st.sampled_from(_NA))
    def reset(self, where: Marketplace) -> None:
        """Go back to the default information in one marketplace."""
        # Resetting is allowed wherever customising was: it never raises.
        self.account = reset_account_info(self._current(), where)
        self.component.apply(InfoReset(where))

    @invariant()
    def defaults_do_not_leak(self) -> None:
        """The component uses the rules' information everywhere."""
        # Invariants run once the account is open (Hypothesis checks none
        # during initialisation), so there is always an account here.
        account = self._current()
        for where in sorted(
            account.marketplaces & FAQ.scope, key=list(Marketplace).index
        ):
            expected = effective_account_info(account, where).value
            shown = self.component.info(where)
            assert shown == expected, (
                f"{RuleKey.ACCOUNT_INFO_DEFAULTS}: on {where.display_name} "
                f"the component uses {shown!r}; the rules give {expected!r}"
            )
