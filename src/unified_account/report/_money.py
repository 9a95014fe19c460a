"""Findings of the money rules: subscription, per-item fees, payouts, orders.

Rules: ``single-subscription``, ``per-item-fees-by-sale-marketplace``,
``local-payout``, ``order-tracking``.  Only the snapshot's main account
is evaluated; separate accounts have their own subscriptions and orders.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decision import Reason
from ..edition import SubscriptionBilling
from ..messages import N_
from ..model.marketplace import Marketplace
from ..policy.account_info import effective_account_info
from ..policy.orders import OrderReport, combined_order_report
from ..policy.payout import (
    PayoutMethod,
    convert_proceeds,
    payout_route,
    unknown_bank_reason,
)
from ..policy.per_item_fees import per_item_fee
from ..policy.subscription import subscription_billing, subscription_charge
from ..rules import RuleKey
from .finding import Finding, FindingOutcome
from .subject import Subject, SubjectKind

if TYPE_CHECKING:
    from ..edition import Edition
    from ..snapshot import Snapshot

_INFO, _WARNING = FindingOutcome.INFO, FindingOutcome.WARNING
_CAVEATS = frozenset(
    {
        "single-subscription.amount-unconfirmed",
        "single-subscription.tax-unconfirmed",
    }
)


def _subscription(snapshot: Snapshot, edition: Edition) -> Iterator[Finding]:
    account, billed_on = snapshot.account, snapshot.as_of
    if billed_on is None:
        return
    subject = Subject(kind=SubjectKind.SUBSCRIPTION, account=account.seller_id)
    if subscription_billing(billed_on, edition=edition) is (
        SubscriptionBilling.SPLIT
    ):
        reason = Reason(
            RuleKey.SINGLE_SUBSCRIPTION,
            N_("single-subscription.split-not-computed"),
            {"edition": edition.name, "billed_on": billed_on},
        )
        yield Finding.of(reason, _WARNING, subject)
        return
    charge = subscription_charge(
        account, billed_on, schedule=snapshot.fee_schedule, edition=edition
    )
    for reason in charge.reasons:
        outcome = _WARNING if reason.message_id in _CAVEATS else _INFO
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
            yield Finding.of(unknown_bank_reason(marketplace), _INFO, subject)
            continue
        route = payout_route(account, marketplace, edition=edition)
        outcome = (
            _WARNING
            if route.value.method is PayoutMethod.NOT_SUPPORTED
            else _INFO
        )
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
