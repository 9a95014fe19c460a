"""The Professional subscription: ``single-subscription``.

Under the FAQ a unified account pays **one** monthly Professional
subscription for all of North America, by the fee schedule of its home
marketplace and in that marketplace's currency, however many
marketplaces it sells in.  The fee data are dated from their sources;
where a source gives no start date the amount is the earliest known, and
the charge says its start is unknown, so the FAQ's own era is answered.
A reported plan change (Amazon.com.mx in 2026) makes the charge from its
date not one known amount: undetermined, never the old amount stated as
certain.  Sources are named by their kind, from the catalogs.

From 2021-08-01 (the :data:`~unified_account.edition.SPLIT_SUBSCRIPTION`
edition) Amazon instead bills each Americas marketplace with active
listings on one billing day, capped at the USD 39.99 equivalent:
:func:`subscription_charge` then answers with
:func:`~unified_account.policy.split_subscription.split_subscription`.

An account registered outside the scope (on amazon.de, say) has no
unified-account subscription: the answer is a denial, with the
``eu-distinct`` reason.  A fee the data do not hold is undetermined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

import attrs

from ..decision import ParamValue, Reason, Resolved, Term
from ..edition import FAQ, Edition, SubscriptionBilling
from ..errors import MissingDataError, UnifiedAccountError
from ..messages import N_
from ..model._validate import check_calendar_date
from ..model.account import SellerAccount, SellingPlan
from ..model.fees import (
    FeeSource,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    SubscriptionPlanChange,
    TaxTreatment,
)
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.rates import ConversionRates
from ..rules import RuleKey
from .eligibility import evaluate_eligibility
from .split_subscription import SplitSubscription, split_subscription
from .unified import marketplace_switcher

__all__ = [
    "SubscriptionCharge",
    "UnsupportedBillingError",
    "subscription_billing",
    "subscription_charge",
]

# How messages name each kind of fee source.
_FEE_SOURCE_TERMS: Mapping[FeeSource, Term] = MappingProxyType(
    {
        FeeSource.FEE_SCHEDULE: Term(N_("term.fee-source.fee-schedule")),
        FeeSource.ANNOUNCEMENT: Term(N_("term.fee-source.announcement")),
        FeeSource.PRESS: Term(N_("term.fee-source.press")),
        FeeSource.OTHER: Term(N_("term.fee-source.other")),
    }
)


class UnsupportedBillingError(UnifiedAccountError, ValueError):
    """A subscription charge this library could not compute.

    .. versionadded:: 0.1.0
    .. deprecated:: 0.2.0
       No longer raised: a split-billed month is answered by
       :func:`~unified_account.policy.split_subscription.split_subscription`.
    """


@attrs.frozen(kw_only=True)
class SubscriptionCharge:
    """The one monthly subscription charge of an account.

    ``fee`` is the schedule entry charged (amount, currency, source,
    whether confirmed); ``covers`` are the marketplaces the one charge
    pays for; ``billed_on`` is the billing date asked about.
    """

    seller_id: str
    home: Marketplace
    billed_on: date
    fee: SubscriptionFee
    covers: tuple[Marketplace, ...]

    @property
    def amount(self) -> Money:
        """The amount charged, in the home marketplace's currency."""
        return self.fee.amount


def subscription_billing(
    billed_on: date, *, edition: Edition = FAQ
) -> SubscriptionBilling:
    """How ``edition`` bills the subscription for ``billed_on``.

    The split edition bills the split way only from its start date.

    >>> from unified_account.edition import SPLIT_SUBSCRIPTION
    >>> subscription_billing(date(2021, 7, 31), edition=SPLIT_SUBSCRIPTION)
    <SubscriptionBilling.HOME_MARKETPLACE: 'home-marketplace'>
    """
    check_calendar_date(billed_on, "billed_on")
    since = edition.split_subscription_since
    if edition.subscription_billing is SubscriptionBilling.SPLIT and (
        since is None or billed_on >= since
    ):
        return SubscriptionBilling.SPLIT
    return SubscriptionBilling.HOME_MARKETPLACE


def _outside_scope(
    account: SellerAccount, edition: Edition
) -> Resolved[SubscriptionCharge | SplitSubscription | None] | None:
    eligibility = evaluate_eligibility(account, edition=edition)
    if account.home in edition.scope:
        return None
    registration = [
        r for r in eligibility.reasons if r.rule is RuleKey.EU_DISTINCT
    ]
    return Resolved(
        None,
        (
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.outside-scope"),
                {"home": account.home},
            ),
            *registration,
        ),
    )


def subscription_charge(
    account: SellerAccount,
    billed_on: date,
    *,
    schedule: SubscriptionFeeSchedule | None = None,
    edition: Edition = FAQ,
    active_in: Iterable[Marketplace] | None = None,
    rates: ConversionRates | None = None,
    division: Mapping[Marketplace, Money] | None = None,
) -> Resolved[SubscriptionCharge | SplitSubscription | None]:
    """``single-subscription``: what ``account`` pays for ``billed_on``.

    Billed by the home marketplace (the FAQ): one charge, the home
    marketplace's entry of ``schedule`` (the bundled schedule by default)
    in effect on ``billed_on``, covering every marketplace the account
    can sell in.  An unconfirmed amount or tax treatment, or an amount
    whose start is unknown and not shown in effect by ``billed_on``, adds
    a reason saying so.  No entry for that date: the value is ``None``
    with a ``fee-unknown`` reason (undetermined).  A plan change of the
    home marketplace reported by ``billed_on`` (Amazon.com.mx, 2026):
    ``None`` with a ``plan-changed`` reason naming the listed amount and
    the reported plan, and ``amount-unconfirmed`` while it is not
    confirmed; never the listed amount as if it were certain.

    Billed the split way (``edition``, from its start date): a
    :class:`~unified_account.policy.split_subscription.SplitSubscription`
    for the marketplaces in ``active_in`` (those with active listings on
    the billing day), with the cap at ``rates`` and the caller's
    ``division``; without ``active_in`` the charged marketplaces are not
    known: ``None`` with a ``split-activity-unknown`` reason.

    An Individual account pays no subscription (``None``).  An account
    registered outside the scope is denied: ``None``, with the
    ``outside-scope`` and ``eu-distinct`` reasons.

    .. versionchanged:: 0.2.0
       Answers split-billed months, months before the bundled data's
       first dated entry, and accounts registered outside the scope,
       instead of raising.
    """
    check_calendar_date(billed_on, "billed_on")
    home = account.home
    if account.plan is SellingPlan.INDIVIDUAL:
        return Resolved(
            None,
            (
                Reason(
                    RuleKey.SINGLE_SUBSCRIPTION,
                    N_("single-subscription.individual"),
                    {"home": home},
                ),
            ),
        )
    outside = _outside_scope(account, edition)
    if outside is not None:
        return outside
    if subscription_billing(billed_on, edition=edition) is (
        SubscriptionBilling.SPLIT
    ):
        if active_in is None:
            return Resolved(
                None,
                (
                    Reason(
                        RuleKey.SINGLE_SUBSCRIPTION,
                        N_("single-subscription.split-activity-unknown"),
                        {"billed_on": billed_on},
                    ),
                ),
            )
        split = split_subscription(
            account,
            billed_on,
            active_in,
            rates=rates,
            division=division,
            edition=edition,
        )
        return Resolved(split.value, split.reasons)
    return _home_charge(account, billed_on, schedule, edition)


def _home_charge(
    account: SellerAccount,
    billed_on: date,
    schedule: SubscriptionFeeSchedule | None,
    edition: Edition,
) -> Resolved[SubscriptionCharge | SplitSubscription | None]:
    home = account.home
    if schedule is None:
        from ..data import bundled_subscription_fees  # read on first use

        schedule = bundled_subscription_fees()
    try:
        fee = schedule.fee_on(home, billed_on)
    except MissingDataError:
        return Resolved(
            None,
            (
                Reason(
                    RuleKey.SINGLE_SUBSCRIPTION,
                    N_("single-subscription.fee-unknown"),
                    {"home": home, "billed_on": billed_on},
                ),
            ),
        )
    change = schedule.change_on(home, billed_on)
    if change is not None:
        return _changed(change, fee, billed_on)
    covers = marketplace_switcher(account, edition=edition).value
    charge = SubscriptionCharge(
        seller_id=account.seller_id,
        home=home,
        billed_on=billed_on,
        fee=fee,
        covers=covers,
    )
    params: dict[str, ParamValue] = {
        "amount": fee.amount,
        "home": home,
        "marketplaces": covers,
    }
    if fee.effective is not None:
        params["effective"] = fee.effective
    reasons = [
        Reason(
            RuleKey.SINGLE_SUBSCRIPTION,
            N_("single-subscription.one-charge"),
            params,
        )
    ]
    if not fee.known_on(billed_on):
        reasons.append(
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.start-unknown"),
                {
                    "amount": fee.amount,
                    "home": home,
                    "billed_on": billed_on,
                    "source": _FEE_SOURCE_TERMS[fee.source_kind],
                },
            )
        )
    if not fee.confirmed:
        reasons.append(
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.amount-unconfirmed"),
                {
                    "amount": fee.amount,
                    "home": home,
                    "source": _FEE_SOURCE_TERMS[fee.source_kind],
                },
            )
        )
    if fee.tax is TaxTreatment.UNCONFIRMED:
        reasons.append(
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.tax-unconfirmed"),
                {"amount": fee.amount, "home": home},
            )
        )
    return Resolved(charge, tuple(reasons))


def _changed(
    change: SubscriptionPlanChange, fee: SubscriptionFee, billed_on: date
) -> Resolved[SubscriptionCharge | SplitSubscription | None]:
    """A reported plan change: the charge is not one known amount."""
    source = _FEE_SOURCE_TERMS[change.source_kind]
    reasons = [
        Reason(
            RuleKey.SINGLE_SUBSCRIPTION,
            N_("single-subscription.plan-changed"),
            {
                "home": change.marketplace,
                "billed_on": billed_on,
                "reported": change.reported,
                "free_months": change.free_months,
                "amount": change.amount,
                "below": change.below_sales,
                "listed": fee.amount,
                "source": source,
            },
        )
    ]
    if not change.confirmed:
        reasons.append(
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.amount-unconfirmed"),
                {
                    "amount": change.amount,
                    "home": change.marketplace,
                    "source": source,
                },
            )
        )
    return Resolved(None, tuple(reasons))
