"""The Professional subscription: ``single-subscription``.

Under the FAQ a unified account pays **one** monthly Professional
subscription for all of North America, by the fee schedule of its home
marketplace and in that marketplace's currency, however many
marketplaces it sells in.

From 2021-08-01 (the :data:`~unified_account.edition.SPLIT_SUBSCRIPTION`
edition) Amazon instead bills a share in each Americas marketplace with
active listings, the total capped at the USD 39.99 equivalent.  Amazon
publishes no rule for dividing the fee, so this library does not invent
one: asking for a split-billed charge raises
:class:`UnsupportedBillingError`.  Ask :func:`subscription_billing` first
to know which way a month is billed.
"""

from __future__ import annotations

from datetime import date

import attrs

from ..decision import ParamValue, Reason, Resolved
from ..edition import FAQ, Edition, SubscriptionBilling
from ..errors import UnifiedAccountError
from ..messages import N_
from ..model._validate import check_calendar_date
from ..model.account import SellerAccount, SellingPlan
from ..model.fees import (
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
)
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RuleKey
from .unified import marketplace_switcher

__all__ = [
    "SubscriptionCharge",
    "UnsupportedBillingError",
    "subscription_billing",
    "subscription_charge",
]


class UnsupportedBillingError(UnifiedAccountError, ValueError):
    """A subscription charge this library cannot compute honestly.

    Raised for a month billed the split way (the
    :data:`~unified_account.edition.SPLIT_SUBSCRIPTION` edition, from its
    start date): Amazon does not publish how it divides the fee.

    .. versionadded:: 0.1.0
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


def subscription_charge(
    account: SellerAccount,
    billed_on: date,
    *,
    schedule: SubscriptionFeeSchedule | None = None,
    edition: Edition = FAQ,
) -> Resolved[SubscriptionCharge | None]:
    """``single-subscription``: what ``account`` pays for ``billed_on``.

    One charge, the home marketplace's entry of ``schedule`` (the bundled
    schedule by default) in effect on ``billed_on``, covering every
    marketplace the account can sell in.  An Individual account pays no
    subscription: the value is ``None``.  An unconfirmed amount or tax
    treatment adds a reason saying so.

    Raises :class:`~unified_account.errors.MissingDataError` when the
    schedule has no entry for the home marketplace on that date, and
    :class:`UnsupportedBillingError` for a split-billed month.
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
    if subscription_billing(billed_on, edition=edition) is (
        SubscriptionBilling.SPLIT
    ):
        raise UnsupportedBillingError(
            f"`{edition.name}` bills the subscription for `{billed_on}` in "
            "each marketplace with active listings, capped at the USD 39.99 "
            "equivalent; Amazon publishes no rule for the shares, so no "
            "charge is computed"
        )
    if schedule is None:
        from ..data import bundled_subscription_fees  # read on first use

        schedule = bundled_subscription_fees()
    fee = schedule.fee_on(home, billed_on)
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
        "effective": fee.effective,
    }
    reasons = [
        Reason(
            RuleKey.SINGLE_SUBSCRIPTION,
            N_("single-subscription.one-charge"),
            params,
        )
    ]
    if not fee.confirmed:
        reasons.append(
            Reason(
                RuleKey.SINGLE_SUBSCRIPTION,
                N_("single-subscription.amount-unconfirmed"),
                {"amount": fee.amount, "home": home, "source": fee.source},
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
