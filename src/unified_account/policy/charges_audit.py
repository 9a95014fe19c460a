"""The seller's money against the rules: auditing what Amazon booked.

:func:`audit_charges` judges the charges and deposits of the seller's
records (:mod:`unified_account.model.charges`) rule by rule:

- ``single-subscription``: per billing month, the subscription charges
  against the rules in force on their date (see
  :func:`~unified_account.policy._subscription_charges.edition_on`);
- ``per-item-fees-by-sale-marketplace``: each order's per-item fees in
  the currency of the marketplace where it sold and, where the caller
  gives that marketplace's schedule and the sale, of its amount within
  one minor unit;
- ``local-payout``: each deposit's currency against the bank account
  that marketplace pays out to, directly or through ACCS.

A charge that is right gives no finding; a breach is ``DENIED`` (a
warning in the report), a check the data cannot settle
``UNDETERMINED``.  Each finding names the charge's source (file and
line, or JSON path) and the edition that judged it.  The same booking
read from two files (or two pages of one response) with different
amounts is a conflict: reported, and only the first reading is judged.
So is a settlement whose deposit two readings give with two totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import attrs

from .._gc import bulk
from ..data import bundled_subscription_fees
from ..decision import Outcome, ParamValue, Reason
from ..edition import FAQ, Edition
from ..errors import MissingDataError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.charges import Charge, ChargeKind, Deposit
from ..model.fees import PerItemFee, Sale, SubscriptionFeeSchedule
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.rates import ConversionRates
from ..rules import RuleKey
from ._fee_charges import fee_findings, sold
from ._subscription_charges import Judged, subscription_findings
from .payout import PayoutMethod, payout_route
from .per_item_fees import per_item_fee_table

__all__ = ["ChargesAudit", "CurrencySummary", "Judged", "audit_charges"]

_FEES = RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE
# Compared by identity: an enumeration's hash is computed in Python.
_SUBSCRIPTION = ChargeKind.SUBSCRIPTION
_REFERRAL = ChargeKind.REFERRAL_FEE
_PER_ITEM_FEE = ChargeKind.PER_ITEM_FEE


@attrs.frozen
class CurrencySummary:
    """What the audit saw in one currency.

    ``audited``: charges and deposits judged; ``in_question``: the sum
    of the amounts of those a warning concerns; ``undetermined``: how
    many findings could not be settled.
    """

    currency: str
    audited: int
    in_question: Money
    undetermined: int


@attrs.frozen
class ChargesAudit:
    """The findings of :func:`audit_charges`, and a summary per currency."""

    findings: tuple[Judged, ...]
    summaries: tuple[CurrencySummary, ...]

    @property
    def warnings(self) -> tuple[Judged, ...]:
        """The findings that are breaches of the rules."""
        return tuple(f for f in self.findings if f.outcome is Outcome.DENIED)


def _reading(source: str) -> tuple[str, str]:
    """The file and the page a source names (``f.json: [2].payload``).

    Records of one page of one file are each their own (one order may
    have two equal fees); records of two files, or of two pages of one
    response, are two readings of the bookings they share.
    """
    file, sep, path = source.partition(": ")
    if not sep:
        file, path = "", source
    page = path.partition("]")[0] if path.startswith("[") else ""
    return file, page


def _conflicts(
    charges: Iterable[Charge], edition: Edition
) -> tuple[list[Charge], list[Judged]]:
    """The charges to judge, and a finding per conflicting second reading.

    Only charges a rule judges (the subscription, per-item fees) are
    compared: the rules say nothing of the others.
    """
    first: dict[tuple[object, ...], Charge] = {}
    kept, found = [], []
    for charge in charges:
        kind = charge.kind
        if (
            kind is not _SUBSCRIPTION
            and kind is not _REFERRAL
            and kind is not _PER_ITEM_FEE
        ):
            kept.append(charge)
            continue
        amount = charge.amount
        key = (
            charge.kind._value_,  # a plain attribute: hashed quickly
            charge.description,
            charge.order_id,
            charge.sku,
            charge.booked_on,
            amount.currency,
        )
        seen = first.setdefault(key, charge)
        if (
            seen is charge
            or seen.amount.amount == amount.amount
            or _reading(seen.source) == _reading(charge.source)
        ):
            kept.append(charge)
            continue
        rule = (
            RuleKey.SINGLE_SUBSCRIPTION
            if charge.kind is ChargeKind.SUBSCRIPTION
            else _FEES
        )
        message = (
            N_("single-subscription.charge-conflict")
            if charge.kind is ChargeKind.SUBSCRIPTION
            else N_("per-item-fees-by-sale-marketplace.charge-conflict")
        )
        params: dict[str, ParamValue] = {
            "description": charge.description,
            "amount": charge.amount,
            "other": seen.amount,
            "source": charge.source,
            "other_source": seen.source,
            "edition": edition.name,
        }
        found.append(
            Judged(Reason(rule, message, params), Outcome.DENIED, charge)
        )
    return kept, found


def _deposit_conflicts(
    deposits: Iterable[Deposit], edition: Edition
) -> tuple[list[Deposit], list[tuple[Deposit, Judged]]]:
    """The deposits to judge, and a finding per conflicting second total.

    A settlement is paid once: a second reading of its deposit (a
    settlement report and a financial event group) with another total
    is a conflict.  One with the same total is judged as given.
    """
    first: dict[str, Deposit] = {}
    kept: list[Deposit] = []
    found: list[tuple[Deposit, Judged]] = []
    for deposit in deposits:
        seen = first.setdefault(deposit.settlement_id, deposit)
        if seen is deposit or seen.amount == deposit.amount:
            kept.append(deposit)
            continue
        params: dict[str, ParamValue] = {
            "settlement": deposit.settlement_id,
            "amount": deposit.amount,
            "other": seen.amount,
            "source": deposit.source,
            "other_source": seen.source,
            "edition": edition.name,
        }
        reason = Reason(
            RuleKey.LOCAL_PAYOUT, N_("local-payout.deposit-conflict"), params
        )
        found.append(
            (deposit, Judged(reason, Outcome.DENIED, deposit=deposit))
        )
    return kept, found


def _deposit_findings(
    deposits: Iterable[Deposit],
    account: SellerAccount,
    bank_countries: Iterable[str] | None,
    edition: Edition,
) -> list[tuple[Deposit, Judged]]:
    found = []
    for deposit in deposits:
        where = deposit.marketplace or _by_currency(deposit.amount, edition)
        params: dict[str, ParamValue] = {
            "settlement": deposit.settlement_id,
            "amount": deposit.amount,
            "source": deposit.source,
            "edition": edition.name,
        }
        method, bank = PayoutMethod.UNDETERMINED, None
        if where is not None:
            try:
                route = payout_route(
                    account,
                    where,
                    bank_countries=bank_countries,
                    edition=edition,
                ).value
            except MissingDataError:  # the bank account is unknown
                pass
            else:
                method, bank = route.method, route.bank
        if (
            method is PayoutMethod.UNDETERMINED
            or bank is None
            or where is None
        ):
            reason = Reason(
                RuleKey.LOCAL_PAYOUT,
                N_("local-payout.deposit-undetermined"),
                params,
            )
            judged = Judged(reason, Outcome.UNDETERMINED, deposit=deposit)
            found.append((deposit, judged))
            continue
        receivable = {where.currency, bank.currency}
        if method is not PayoutMethod.NOT_SUPPORTED and (
            deposit.amount.currency in receivable
        ):
            continue
        params["marketplace"] = where
        params["bank_currency"] = bank.currency
        reason = Reason(
            RuleKey.LOCAL_PAYOUT, N_("local-payout.deposit-currency"), params
        )
        found.append(
            (deposit, Judged(reason, Outcome.DENIED, deposit=deposit))
        )
    return found


def _by_currency(amount: Money, edition: Edition) -> Marketplace | None:
    found = [m for m in edition.scope if m.currency == amount.currency]
    return found[0] if len(found) == 1 else None


def audit_charges(
    charges: Iterable[Charge],
    *,
    account: SellerAccount,
    deposits: Iterable[Deposit] = (),
    schedule: SubscriptionFeeSchedule | None = None,
    per_item_fees: Iterable[PerItemFee] = (),
    sales: Iterable[Sale] = (),
    active_on: Mapping[date, Iterable[Marketplace]] | None = None,
    rates: ConversionRates | None = None,
    bank_countries: Iterable[str] | None = None,
    edition: Edition = FAQ,
) -> ChargesAudit:
    """Judge what Amazon booked against the money rules (see the module).

    ``schedule``: the subscription fee schedule (default: the bundled
    one).  ``per_item_fees`` and ``sales``: schedules and sales to check
    per-item fee amounts by; a sale's ``reference`` is the order id, or
    ``ORDER/SKU``.  ``active_on``: the marketplaces with active listings
    on each billing day, for the split subscription.  ``rates``: for the
    split subscription's cap.  ``bank_countries``: as for
    :func:`~unified_account.policy.payout.payout_route`.  ``edition``:
    the caller's edition, which stands wherever no dated start decides.
    """
    with bulk():
        return _audit(
            tuple(charges),
            account=account,
            deposits=tuple(deposits),
            schedule=schedule or bundled_subscription_fees(),
            per_item_fees=per_item_fees,
            sales=sales,
            active_on=active_on,
            rates=rates,
            bank_countries=bank_countries,
            edition=edition,
        )


def _audit(
    booked: tuple[Charge, ...],
    *,
    account: SellerAccount,
    deposits: tuple[Deposit, ...],
    schedule: SubscriptionFeeSchedule,
    per_item_fees: Iterable[PerItemFee],
    sales: Iterable[Sale],
    active_on: Mapping[date, Iterable[Marketplace]] | None,
    rates: ConversionRates | None,
    bank_countries: Iterable[str] | None,
    edition: Edition,
) -> ChargesAudit:
    kept, found = _conflicts(booked, edition)
    found += subscription_findings(
        [c for c in kept if c.kind is _SUBSCRIPTION],
        account=account,
        schedule=schedule,
        edition=edition,
        active_on=active_on,
        rates=ConversionRates() if rates is None else rates,
    )
    found += fee_findings(
        [c for c in kept if c.kind is _REFERRAL or c.kind is _PER_ITEM_FEE],
        per_item_fee_table(per_item_fees),
        sold(sales),
        edition,
    )
    paid, payouts = _deposit_conflicts(deposits, edition)
    payouts += _deposit_findings(paid, account, bank_countries, edition)
    found += [judged for _, judged in payouts]
    judged_charges = {id(f.charge): f for f in found if f.charge is not None}
    audited: list[tuple[Money, Judged | None]] = [
        (charge.amount, judged_charges.get(id(charge)))
        for charge in booked
        if charge.kind is _SUBSCRIPTION
        or charge.kind is _REFERRAL
        or charge.kind is _PER_ITEM_FEE
    ]
    flagged = {id(d): j for d, j in payouts}
    for deposit in deposits:
        audited.append((deposit.amount, flagged.get(id(deposit))))
    return ChargesAudit(tuple(found), _summaries(audited))


def _summaries(
    audited: list[tuple[Money, Judged | None]],
) -> tuple[CurrencySummary, ...]:
    counts: dict[str, int] = {}
    questioned: dict[str, Decimal] = {}
    open_: dict[str, int] = {}
    for amount, judged in audited:
        currency = amount.currency
        counts[currency] = counts.get(currency, 0) + 1
        if judged is None:
            continue
        if judged.outcome is Outcome.DENIED:
            questioned[currency] = questioned.get(currency, Decimal(0)) + abs(
                amount.amount
            )
        else:
            open_[currency] = open_.get(currency, 0) + 1
    return tuple(
        CurrencySummary(
            currency=currency,
            audited=counts[currency],
            in_question=Money(questioned.get(currency, Decimal(0)), currency),
            undetermined=open_.get(currency, 0),
        )
        for currency in sorted(counts)
    )
