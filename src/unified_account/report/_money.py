"""Findings of the money rules: subscription, per-item fees, payouts, orders.

Rules: ``single-subscription``, ``per-item-fees-by-sale-marketplace``,
``local-payout``, ``order-tracking``.  Only the snapshot's main account
is evaluated; separate accounts have their own subscriptions and orders.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decision import Outcome, Reason
from ..model.marketplace import Marketplace
from ..policy.account_info import effective_account_info
from ..policy.availability import active_marketplaces
from ..policy.orders import OrderReport, combined_order_report
from ..policy.payout import (
    PayoutMethod,
    convert_proceeds,
    payout_route,
    unknown_bank_reason,
)
from ..policy.per_item_fees import per_item_fee
from ..policy.split_subscription import audit_subscription_charges
from ..policy.subscription import subscription_charge
from ..rules import RuleKey
from .finding import Finding, FindingOutcome
from .subject import Subject, SubjectKind

if TYPE_CHECKING:
    from datetime import date

    from ..edition import Edition
    from ..snapshot import Snapshot

_INFO, _WARNING = FindingOutcome.INFO, FindingOutcome.WARNING
_UNDETERMINED = FindingOutcome.UNDETERMINED
# Reasons that say a fact is missing from the data: undetermined.
_UNKNOWN = frozenset(
    {
        "single-subscription.amount-unconfirmed",
        "single-subscription.tax-unconfirmed",
        "single-subscription.start-unknown",
        "single-subscription.fee-unknown",
        "single-subscription.split-activity-unknown",
        "single-subscription.split-share-unknown",
        "single-subscription.split-cap-no-rate",
    }
)
# The account has no subscription of the unified account to pay: denied.
_REFUSED = frozenset(
    {
        "single-subscription.outside-scope",
        "eu-distinct.registered-elsewhere",
    }
)


def _subscription_level(reason: Reason) -> FindingOutcome:
    if reason.message_id in _UNKNOWN:
        return _UNDETERMINED
    if reason.message_id in _REFUSED:
        return FindingOutcome.DENIED
    return _INFO


def _subscription(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    account, billed_on = snapshot.account, snapshot.as_of
    if billed_on is None:
        return
    subject = Subject(kind=SubjectKind.SUBSCRIPTION, account=account.seller_id)
    active = active_marketplaces(snapshot.catalog)  # one pass, used twice
    charge = subscription_charge(
        account,
        billed_on,
        schedule=snapshot.fee_schedule,
        edition=edition,
        active_in=active,
        rates=snapshot.rates,
    )
    for reason in charge.reasons:
        yield Finding.of(reason, _subscription_level(reason), subject)
    yield from _audit(snapshot, edition, subject, {billed_on: active})


def _audit(
    snapshot: Snapshot,
    edition: Edition,
    subject: Subject,
    active_on: dict[date, tuple[Marketplace, ...]],
) -> Iterator[Finding]:
    since = edition.split_subscription_since
    if since is None or not snapshot.subscription_charges:
        return
    # Charges before the split start are billed by the home schedule:
    # the split terms do not apply to them.
    charges = [
        c for c in snapshot.subscription_charges if c.charged_on >= since
    ]
    if not charges:
        return
    audit = audit_subscription_charges(
        charges, active_on=active_on, rates=snapshot.rates, edition=edition
    )
    # A recorded charge the terms do not allow puts the seller's money at
    # risk: a warning, with the rule and the breach.
    outcome = {
        Outcome.ALLOWED: _INFO,
        Outcome.DENIED: _WARNING,
        Outcome.UNDETERMINED: _UNDETERMINED,
    }[audit.outcome]
    for reason in audit.reasons:
        yield Finding.of(reason, outcome, subject)


def _sales(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    for sale in snapshot.sales:
        fee = per_item_fee(
            snapshot.account, sale, snapshot.per_item_fees, edition=edition
        )
        subject = Subject(
            kind=SubjectKind.SALE,
            reference=sale.reference,
            marketplace=sale.marketplace,
        )
        for reason in fee.reasons:
            yield Finding.of(reason, _INFO, subject)


def _payouts(
    snapshot: Snapshot, edition: Edition, orders: OrderReport
) -> Iterator[Finding]:
    account = snapshot.account
    totals = {
        line.marketplace: line.totals.total for line in orders.marketplaces
    }
    for marketplace in Marketplace:
        if marketplace not in account.marketplaces & edition.scope:
            continue
        subject = Subject(
            kind=SubjectKind.MARKETPLACE,
            account=account.seller_id,
            marketplace=marketplace,
        )
        info = effective_account_info(account, marketplace, edition=edition)
        if info.value.bank is None:
            # An unknown bank account: where proceeds go is not known.
            yield Finding.of(
                unknown_bank_reason(marketplace), _UNDETERMINED, subject
            )
            continue
        route = payout_route(
            account,
            marketplace,
            bank_countries=snapshot.payout_bank_countries,
            edition=edition,
        )
        outcome = {
            PayoutMethod.NOT_SUPPORTED: _WARNING,
            PayoutMethod.UNDETERMINED: _UNDETERMINED,
        }.get(route.value.method, _INFO)
        for reason in route.reasons:
            if reason.rule is RuleKey.LOCAL_PAYOUT:
                yield Finding.of(reason, outcome, subject)
        proceeds = totals.get(marketplace)
        if proceeds is None or not proceeds.amount or not route.value.converts:
            continue
        pair = (marketplace.currency, route.value.bank.currency)
        if pair not in {
            (r.source, r.target) for r in snapshot.conversion_rates
        }:
            continue  # no rate given: the route above says ACCS converts
        paid = convert_proceeds(route.value, proceeds, snapshot.rates)
        for reason in paid.reasons:
            yield Finding.of(reason, _INFO, subject)


def _orders(
    report: OrderReport, reasons: tuple[Reason, ...]
) -> Iterator[Finding]:
    outside = {line.marketplace for line in report.outside_scope}
    for reason in reasons:
        names = dict(reason.params)
        subject = Subject(kind=SubjectKind.ORDERS)
        outcome = _INFO
        if isinstance(names.get("marketplace"), Marketplace):
            marketplace = names["marketplace"]
            assert isinstance(marketplace, Marketplace)
            subject = Subject(kind=SubjectKind.ORDERS, marketplace=marketplace)
            if marketplace in outside:
                outcome = _WARNING
        elif "currency" in names:
            subject = Subject(
                kind=SubjectKind.ORDERS, currency=str(names["currency"])
            )
        elif reason.message_id == "order-tracking.converted":
            subject = Subject(kind=SubjectKind.CONVERTED_ORDERS)
        yield Finding.of(reason, outcome, subject)


def findings(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    """The money findings of ``snapshot``."""
    yield from _subscription(snapshot, edition)
    yield from _sales(snapshot, edition)
    orders = combined_order_report(
        snapshot.account,
        snapshot.orders,
        currency=snapshot.report_currency,
        rates=snapshot.rates,
        edition=edition,
    )
    yield from _payouts(snapshot, edition, orders.value)
    if snapshot.orders:
        yield from _orders(orders.value, orders.reasons)
