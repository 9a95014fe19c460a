"""``single-subscription`` over booked charges, month by month.

Each subscription charge is judged by the rules in force on its date
(:func:`edition_on`): before the split subscription (2021-08-01) one
charge a month, in the home marketplace's currency, by its schedule;
from then on the split terms (``audit_subscription_charges`` of
:mod:`unified_account.policy.split_subscription`), where the caller
gives the listings' activity on the billing day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from ..decision import Outcome, ParamValue, Reason
from ..edition import FAQ, SPLIT_SUBSCRIPTION, Edition
from ..errors import MissingDataError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.charges import Charge, Deposit
from ..model.fees import RecordedCharge, SubscriptionFeeSchedule
from ..model.marketplace import Marketplace
from ..model.rates import ConversionRates
from ..rules import RuleKey
from .split_subscription import audit_subscription_charges

__all__ = ["Judged", "edition_on", "subscription_findings"]

_RULE = RuleKey.SINGLE_SUBSCRIPTION


@attrs.frozen
class Judged:
    """One finding of the audit: a reason, its outcome, what it concerns.

    ``charge`` or ``deposit`` is the record the finding is about, when
    it is about one (a month's total under the split terms is not).
    """

    reason: Reason
    outcome: Outcome
    charge: Charge | None = None
    deposit: Deposit | None = None


def edition_on(day: date, edition: Edition) -> Edition:
    """The edition that judges a subscription charge booked on ``day``.

    The split subscription's start is dated: from it, a charge is judged
    by the split terms (``edition`` when it has them, else the
    ``split-subscription`` edition); before it, by the home marketplace's
    billing (``edition`` when it bills that way, else the FAQ's).
    """
    start = SPLIT_SUBSCRIPTION.split_subscription_since
    assert start is not None  # the split edition is dated
    split = edition.split_subscription_since is not None
    if day >= start:
        return edition if split else SPLIT_SUBSCRIPTION
    return FAQ if split else edition


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _net(charges: list[Charge]) -> list[Charge]:
    """The month's charges, each refund cancelling one equal charge."""
    kept = [c for c in charges if c.amount.amount < 0]
    for refund in (c for c in charges if c.amount.amount > 0):
        for charge in kept:
            if -charge.amount == refund.amount:
                kept.remove(charge)
                break
    return kept


def _params(charge: Charge, edition: Edition) -> dict[str, ParamValue]:
    return {
        "month": _month(charge.booked_on),
        "amount": -charge.amount,
        "source": charge.source,
        "edition": edition.name,
    }


def subscription_findings(
    charges: Iterable[Charge],
    *,
    account: SellerAccount,
    schedule: SubscriptionFeeSchedule,
    edition: Edition,
    active_on: Mapping[date, Iterable[Marketplace]] | None,
    rates: ConversionRates,
) -> list[Judged]:
    """The ``single-subscription`` findings of subscription charges."""
    months: dict[str, list[Charge]] = {}
    for charge in charges:
        months.setdefault(_month(charge.booked_on), []).append(charge)
    found: list[Judged] = []
    for _, booked in sorted(months.items()):
        month = sorted(_net(booked), key=lambda c: c.booked_on)
        if not month:
            continue
        judge = edition_on(month[0].booked_on, edition)
        if judge.split_subscription_since is None:
            found += _home_billed(month, account, schedule, judge)
        else:
            found += _split_billed(month, judge, active_on, rates)
    return found


def _home_billed(
    month: list[Charge],
    account: SellerAccount,
    schedule: SubscriptionFeeSchedule,
    edition: Edition,
) -> list[Judged]:
    found = []
    first, *others = month
    for other in others:
        params = _params(other, edition)
        params["first"] = -first.amount
        found.append(
            _warning(N_("single-subscription.charge-repeated"), params, other)
        )
    home = account.home
    try:
        fee = schedule.fee_on(home, first.booked_on)
    except MissingDataError:
        return found  # no amount known for the date: nothing to compare
    if first.amount.currency != home.currency:
        found.append(_wrong_currency(first, home, edition))
    elif fee.confirmed and -first.amount != fee.amount:
        params = _params(first, edition)
        params["expected"] = fee.amount
        found.append(
            _warning(N_("single-subscription.charge-amount"), params, first)
        )
    return found


def _wrong_currency(
    charge: Charge, marketplace: Marketplace, edition: Edition
) -> Judged:
    params = _params(charge, edition)
    params["currency"] = marketplace.currency
    params["marketplace"] = marketplace
    return _warning(N_("single-subscription.charge-currency"), params, charge)


def _warning(
    message: str, params: dict[str, ParamValue], charge: Charge
) -> Judged:
    return Judged(Reason(_RULE, message, params), Outcome.DENIED, charge)


def _split_billed(
    month: list[Charge],
    edition: Edition,
    active_on: Mapping[date, Iterable[Marketplace]] | None,
    rates: ConversionRates,
) -> list[Judged]:
    activity: Mapping[date, Iterable[Marketplace]] = (
        {} if active_on is None else active_on
    )
    recorded = []
    for charge in month:
        where = charge.marketplace or _by_currency(charge, edition)
        if where is not None and charge.amount.currency != where.currency:
            return [_wrong_currency(charge, where, edition)]
        if where is None or charge.booked_on not in activity:
            return [
                Judged(
                    Reason(
                        _RULE,
                        N_("single-subscription.charge-undetermined"),
                        _params(charge, edition),
                    ),
                    Outcome.UNDETERMINED,
                    charge,
                )
            ]
        recorded.append(
            RecordedCharge(
                marketplace=where,
                charged_on=charge.booked_on,
                amount=-charge.amount,
                reference=charge.source,
            )
        )
    audit = audit_subscription_charges(
        recorded, active_on=activity, rates=rates, edition=edition
    )
    if audit.allowed:
        return []
    # Each finding names the edition that judged it, and where Amazon
    # booked what it is about: its charge, or a month's charges.
    by_source = {booked.source: booked for booked in month}
    sources = tuple(sorted(by_source))
    judged = []
    for reason in audit.reasons:
        params = dict(reason.params)
        about = by_source.get(str(params.get("reference")))
        if about is None:
            params["sources"] = sources
        params["edition"] = edition.name
        judged.append(
            Judged(
                Reason(reason.rule, reason.message_id, params),
                audit.outcome,
                about,
            )
        )
    return judged


def _by_currency(charge: Charge, edition: Edition) -> Marketplace | None:
    found = [m for m in edition.scope if m.currency == charge.amount.currency]
    return found[0] if len(found) == 1 else None
