"""The split subscription (from 2021-08-01): ``single-subscription``.

Amazon's published terms ("Changes to Professional Selling Plan
subscription fees for global sellers", effective 2021-08-01): the
Americas subscription is billed on **one billing day**, in **each
Americas marketplace where the seller has active listings on that day**,
in **that marketplace's currency**; the total is **at most the USD 39.99
equivalent**, exclusive of tax except in Mexico and Brazil (there the cap
includes tax).  How the total is divided between marketplaces is not
published.

This module implements what is published and nothing more:

- :func:`split_subscription`: which marketplaces are charged, in which
  currency, and the cap in each currency at the caller's rates.  The
  amount of each share is the caller's ``division`` when given;
  otherwise it is *undetermined*, never guessed.
- :func:`audit_subscription_charges`: checks a seller's recorded charges
  against the terms: a charge where nothing was active that day (nor
  earlier that month: the notice also says "during the current month",
  so a charge after earlier activity is undetermined), charges on more
  than one billing day in a month, a month's total over the cap.

"Active listings" are, in this library, listings whose offer status is
active (:func:`~unified_account.policy.availability.offer_status`): the
caller says which marketplaces had them on a billing day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import attrs

from .._excerpt import excerpt
from ..decision import Decision, ParamValue, Reason, Resolved, combine
from ..edition import SPLIT_SUBSCRIPTION, Edition
from ..errors import InvalidValueError, MissingDataError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.fees import RecordedCharge
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.months import MonthText
from ..model.rates import ConversionRates
from ..rules import RuleKey

__all__ = [
    "SPLIT_CAP",
    "TAX_INCLUDED_IN_CAP",
    "SplitShare",
    "SplitSubscription",
    "audit_subscription_charges",
    "split_subscription",
]

SPLIT_CAP = Money("39.99", "USD")
"""The most the split subscription totals a month, as a USD equivalent."""

TAX_INCLUDED_IN_CAP = frozenset({Marketplace.MX, Marketplace.BR})
"""Where the cap includes tax; elsewhere it is exclusive of tax."""

_RULE = RuleKey.SINGLE_SUBSCRIPTION


@attrs.frozen(kw_only=True)
class SplitShare:
    """One marketplace's part of a split subscription.

    ``cap`` is :data:`SPLIT_CAP` in the marketplace's currency at the
    caller's rate (``None`` without a rate); ``tax_included`` says whether
    the cap includes tax there; ``amount`` is the caller's division
    (``None`` when not given: Amazon does not publish it).

    .. versionadded:: 0.2.0
    """

    marketplace: Marketplace
    cap: Money | None
    tax_included: bool
    amount: Money | None

    @property
    def currency(self) -> str:
        """The currency the share is charged in: the marketplace's."""
        return self.marketplace.currency


@attrs.frozen(kw_only=True)
class SplitSubscription:
    """A month's subscription under split billing.

    ``charged_in`` are the marketplaces with active listings on the
    billing day, in catalogue order; ``shares`` their parts.

    .. versionadded:: 0.2.0
    """

    seller_id: str
    billed_on: date
    charged_in: tuple[Marketplace, ...]
    shares: tuple[SplitShare, ...]
    cap: Money = SPLIT_CAP


def _marketplaces(
    value: Iterable[Marketplace], field: str
) -> frozenset[Marketplace]:
    if isinstance(value, str | bytes):  # type: ignore[unreachable]
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection",
            field=field,
        )
    try:
        found = frozenset(value)
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` "
            f"is not a collection of marketplaces",
            field=field,
        ) from None
    for item in found:
        if not isinstance(item, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Marketplace",
                field=field,
            )
    return found


def _usd_factor(currency: str, rates: ConversionRates) -> Decimal:
    """How many USD one unit of ``currency`` is worth, at the caller's rates.

    The rate to USD, else the inverse of the rate from USD.  Raises
    :class:`~unified_account.errors.MissingDataError` without either.
    """
    try:
        return rates.rate(currency, "USD")
    except MissingDataError:
        return Decimal(1) / rates.rate("USD", currency)


def _cap_in(currency: str, rates: ConversionRates) -> Money:
    if currency == "USD":
        return SPLIT_CAP
    try:
        return rates.convert(SPLIT_CAP, currency)
    except MissingDataError:
        factor = _usd_factor(currency, rates)
        return Money.rounded(
            SPLIT_CAP.amount / factor, currency, ROUND_HALF_EVEN
        )


def _division(
    value: Mapping[Marketplace, Money] | None, charged: frozenset[Marketplace]
) -> Mapping[Marketplace, Money]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` "
            f"is not a mapping of marketplaces to money",
            field="division",
        )
    for marketplace, amount in value.items():
        where = f"division.{getattr(marketplace, 'name', marketplace)}"
        if marketplace not in charged:
            raise InvalidValueError(
                f"`{excerpt(marketplace, as_repr=True)}` "
                f"has no active listings on the billing "
                "day, so it is not charged",
                field=where,
            )
        if not isinstance(amount, Money) or amount.currency != (
            marketplace.currency
        ):
            raise InvalidValueError(
                f"`{excerpt(amount, as_repr=True)}` "
                f"is not money in `{marketplace.currency}`",
                field=where,
            )
    return value


def _share(
    marketplace: Marketplace,
    rates: ConversionRates,
    amount: Money | None,
) -> tuple[SplitShare, list[Reason]]:
    params: dict[str, ParamValue] = {
        "marketplace": marketplace,
        "currency": marketplace.currency,
    }
    reasons = []
    try:
        cap: Money | None = _cap_in(marketplace.currency, rates)
    except MissingDataError:
        cap = None
        reasons.append(
            Reason(_RULE, N_("single-subscription.split-cap-no-rate"), params)
        )
    tax_included = marketplace in TAX_INCLUDED_IN_CAP
    if cap is not None:
        message = (
            N_("single-subscription.split-cap-tax-included")
            if tax_included
            else N_("single-subscription.split-cap-tax-excluded")
        )
        reasons.append(Reason(_RULE, message, {**params, "cap": cap}))
    if amount is None:
        reasons.append(
            Reason(
                _RULE, N_("single-subscription.split-share-unknown"), params
            )
        )
    else:
        reasons.append(
            Reason(
                _RULE,
                N_("single-subscription.split-share"),
                {**params, "amount": amount},
            )
        )
    share = SplitShare(
        marketplace=marketplace,
        cap=cap,
        tax_included=tax_included,
        amount=amount,
    )
    return share, reasons


def split_subscription(
    account: SellerAccount,
    billed_on: date,
    active_in: Iterable[Marketplace],
    *,
    rates: ConversionRates | None = None,
    division: Mapping[Marketplace, Money] | None = None,
    edition: Edition = SPLIT_SUBSCRIPTION,
) -> Resolved[SplitSubscription]:
    """The split subscription of ``account`` for the billing day ``billed_on``.

    Charged in each marketplace of the scope in ``active_in`` (those with
    active listings that day), each in its own currency.  Each share
    carries the cap in its currency at ``rates`` and the caller's
    ``division`` amount, if given.  Reasons: ``split-billed`` (where and
    how), per share the cap (or that no rate was given) and the amount
    (or that Amazon does not publish the division: undetermined).
    """
    rates = ConversionRates() if rates is None else rates
    active = _marketplaces(active_in, "active_in")
    charged = tuple(m for m in Marketplace if m in active & edition.scope)
    amounts = _division(division, frozenset(charged))
    params: dict[str, ParamValue] = {
        "billed_on": billed_on,
        "marketplaces": charged,
        "cap": SPLIT_CAP,
    }
    if not charged:
        reason = Reason(
            _RULE, N_("single-subscription.split-nothing-active"), params
        )
        return Resolved(
            SplitSubscription(
                seller_id=account.seller_id,
                billed_on=billed_on,
                charged_in=(),
                shares=(),
            ),
            (reason,),
        )
    reasons = [Reason(_RULE, N_("single-subscription.split-billed"), params)]
    shares = []
    for marketplace in charged:
        share, why = _share(marketplace, rates, amounts.get(marketplace))
        shares.append(share)
        reasons += why
    value = SplitSubscription(
        seller_id=account.seller_id,
        billed_on=billed_on,
        charged_in=charged,
        shares=tuple(shares),
    )
    return Resolved(value, tuple(reasons))


def _month(day: date) -> MonthText:
    return MonthText.of(day)


def _active_check(
    charge: RecordedCharge, active_on: Mapping[date, frozenset[Marketplace]]
) -> Decision:
    params: dict[str, ParamValue] = {
        "marketplace": charge.marketplace,
        "charged_on": charge.charged_on,
        "amount": charge.amount,
        "reference": charge.reference,
    }
    active = active_on.get(charge.charged_on)
    if active is None:
        return Decision.undetermined(
            Reason(
                _RULE, N_("single-subscription.audit-activity-unknown"), params
            )
        )
    if charge.marketplace not in active:
        earlier = [
            day
            for day, found in active_on.items()
            if charge.marketplace in found
            and _month(day) == _month(charge.charged_on)
            and day < charge.charged_on
        ]
        if earlier:
            # Amazon's notice says both "on your billing day" and "during
            # the current month": which one charges is not settled.
            return Decision.undetermined(
                Reason(
                    _RULE,
                    N_("single-subscription.audit-active-earlier-in-month"),
                    {**params, "active_on": max(earlier)},
                )
            )
        return Decision.deny(
            Reason(
                _RULE,
                N_(
                    "single-subscription.audit-charged-without-active-listings"
                ),
                params,
            )
        )
    return Decision.allow()


def _month_check(
    month: str, charges: list[RecordedCharge], rates: ConversionRates
) -> Decision:
    days = tuple(sorted({c.charged_on for c in charges}))
    decisions = []
    if len(days) > 1:
        decisions.append(
            Decision.deny(
                Reason(
                    _RULE,
                    N_("single-subscription.audit-several-billing-days"),
                    {"month": month, "days": days},
                )
            )
        )
    total = Decimal(0)
    missing = []
    for charge in charges:
        try:
            total += charge.amount.amount * _usd_factor(
                charge.amount.currency, rates
            )
        except MissingDataError:
            missing.append(charge.amount.currency)
    if missing:
        decisions.append(
            Decision.undetermined(
                Reason(
                    _RULE,
                    N_("single-subscription.audit-cap-needs-rate"),
                    {
                        "month": month,
                        "currencies": tuple(sorted(set(missing))),
                    },
                )
            )
        )
    elif total > SPLIT_CAP.amount:
        decisions.append(
            Decision.deny(
                Reason(
                    _RULE,
                    N_("single-subscription.audit-over-cap"),
                    {
                        "month": month,
                        "total": Money.rounded(total, "USD"),
                        "cap": SPLIT_CAP,
                    },
                )
            )
        )
    return combine(*decisions) if decisions else Decision.allow()


def _active_on(
    value: Mapping[date, Iterable[Marketplace]],
) -> dict[date, frozenset[Marketplace]]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` "
            f"is not a mapping of dates to marketplaces",
            field="active_on",
        )
    return {
        day: _marketplaces(found, f"active_on.{day}")
        for day, found in value.items()
    }


def audit_subscription_charges(
    charges: Iterable[RecordedCharge],
    *,
    active_on: Mapping[date, Iterable[Marketplace]],
    rates: ConversionRates | None = None,
    edition: Edition = SPLIT_SUBSCRIPTION,
) -> Decision:
    """Do recorded subscription charges keep the split subscription's terms?

    ``active_on`` maps a billing day to the marketplaces with active
    listings that day.  Denied, naming each breach: a charge in a
    marketplace with no active listings that day nor earlier that month
    (with some earlier that month, undetermined: Amazon's notice says
    both "on your billing day" and "during the current month"); charges
    on more than one day of a month (one billing day); a month's charges
    over the USD 39.99 equivalent at ``rates``.  Undetermined where a
    check needs what the caller did not give (the activity on a day, a
    rate).  Allowed,
    with an ``audit-consistent`` reason, when every check passes.
    Charges before the edition's split start, or under an edition
    without split billing, are outside these terms: refused as input.
    """
    rates = ConversionRates() if rates is None else rates
    since = edition.split_subscription_since
    activity = _active_on(active_on)
    recorded = tuple(charges)
    by_month: dict[str, list[RecordedCharge]] = {}
    for index, charge in enumerate(recorded):
        if not isinstance(charge, RecordedCharge):
            raise InvalidValueError(
                f"`{excerpt(charge, as_repr=True)}` is not a RecordedCharge",
                field=f"charges[{index}]",
            )
        if since is None or charge.charged_on < since:
            raise InvalidValueError(
                f"`{charge.charged_on}` is not billed the split way under "
                f"`{edition.name}`",
                field=f"charges[{index}].charged_on",
            )
        by_month.setdefault(_month(charge.charged_on), []).append(charge)
    checks = [_active_check(c, activity) for c in recorded]
    checks += [
        _month_check(m, found, rates) for m, found in sorted(by_month.items())
    ]
    result = combine(*checks) if checks else Decision.allow()
    if result.allowed:
        return Decision.allow(
            Reason(
                _RULE,
                N_("single-subscription.audit-consistent"),
                {"count": len(recorded)},
            )
        )
    return result
