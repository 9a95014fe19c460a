"""What the money adapters share: kinds of charge, marketplace names, merging.

The Finances API and the settlement report name fees the same way
(``Commission``, ``FBAPerUnitFulfillmentFee``, ``Subscription Fee``) and
marketplaces by their storefront name (``Amazon.com.mx``, sometimes in
lower case, ``Non-Amazon`` for sales outside Amazon).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .._gc import bulk
from ..model.charges import Charge, ChargeKind, Deposit
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace, Region
from ._common import Read

__all__ = ["BookedRecords", "charge_kind", "marketplace_named", "merged"]

_KINDS = {
    "subscription": ChargeKind.SUBSCRIPTION,
    "subscriptionfee": ChargeKind.SUBSCRIPTION,
    "commission": ChargeKind.REFERRAL_FEE,
    "refundcommission": ChargeKind.REFERRAL_FEE,
    "referralfee": ChargeKind.REFERRAL_FEE,
    "variableclosingfee": ChargeKind.PER_ITEM_FEE,
    "fixedclosingfee": ChargeKind.PER_ITEM_FEE,
    "closingfee": ChargeKind.PER_ITEM_FEE,
    "peritemfee": ChargeKind.PER_ITEM_FEE,
}
_SEPARATORS = re.compile(r"[\s_-]+")
_NAMES = {m.display_name.lower(): m for m in Marketplace}


def charge_kind(description: str) -> ChargeKind:
    """The kind of a fee from Amazon's name for it.

    Case, spaces, ``_`` and ``-`` do not matter (``Subscription Fee``,
    ``SUBSCRIPTION_FEE``).  A fulfilment fee is any ``FBA...`` fee whose
    name speaks of fulfilment or weight; a name not known is ``OTHER``.
    """
    key = _SEPARATORS.sub("", description).lower()
    found = _KINDS.get(key)
    if found is not None:
        return found
    if key.startswith("fba") and ("fulfillment" in key or "weight" in key):
        return ChargeKind.FULFILLMENT_FEE
    return ChargeKind.OTHER


def marketplace_named(
    name: str, *, source: str, path: str, subject: str
) -> Marketplace | SetAside | None:
    """The North American marketplace Amazon's ``name`` means, or why not.

    An empty name is ``None`` (the source names none).  ``Non-Amazon``
    (sales outside Amazon) and a marketplace of another region are set
    aside with their reason, as is a name no table knows.
    """
    key = name.strip().lower()
    if not key:
        return None
    found = _NAMES.get(key.removeprefix("www."))
    if found is not None and found.region is Region.NORTH_AMERICA:
        return found
    if found is not None:
        reason = SetAsideReason.OUTSIDE_REGION
    elif key.startswith("non-amazon"):
        reason = SetAsideReason.NON_AMAZON_ORDER
    else:
        reason = SetAsideReason.UNKNOWN_MARKETPLACE
    return SetAside(
        source=source, path=path, subject=subject, reason=reason, detail=name
    )


def _charges(value: Iterable[Charge]) -> tuple[Charge, ...]:
    return tuple(value)


def _deposits(value: Iterable[Deposit]) -> tuple[Deposit, ...]:
    return tuple(value)


def _ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen
class BookedRecords(Read):
    """Charges and deposits one source holds, and what it set aside."""

    charges: tuple[Charge, ...] = attrs.field(
        default=(), converter=_charges, kw_only=True
    )
    deposits: tuple[Deposit, ...] = attrs.field(
        default=(), converter=_deposits, kw_only=True
    )
    settlements: frozenset[str] = attrs.field(
        default=frozenset(), converter=_ids, kw_only=True
    )
    """The settlements the source holds whole (a settlement report's)."""


def merged(reads: Iterable[BookedRecords]) -> BookedRecords:
    """The records of several sources, each booking counted once.

    A charge whose :attr:`~unified_account.model.charges.Charge.identity`
    and amount an earlier source already gave is the same booking seen
    again (in a settlement report and in the Finances API): it is left
    out.  Within one source every record counts (one order may have two
    equal fees).  Records with one identity and different amounts are
    both kept: the audit reports the conflict.

    A deposit counts once per settlement id and total; two totals for one
    settlement id are both kept, a conflict the audit reports.  The
    settlement report's ``settlement-id`` and the Finances API's
    ``FinancialEventGroupId`` may be ids of two kinds for one payment
    (Amazon says so in amzn/selling-partner-api-models#5143): a deposit
    with the date and total (amount and currency) of one an earlier
    source gave is that deposit seen again, and left out too.
    """
    sources = list(reads)
    with bulk():
        if _apart(sources):
            return BookedRecords(
                charges=[c for read in sources for c in read.charges],
                deposits=[d for read in sources for d in read.deposits],
                set_aside=[n for read in sources for n in read.set_aside],
                settlements=[s for read in sources for s in read.settlements],
            )
        return _counted(sources)


def _apart(sources: list[BookedRecords]) -> bool:
    """Whether no two sources can hold one booking.

    Each holds whole settlements, none holds one another holds: a
    booking belongs to one settlement.
    """
    seen: set[str] = set()
    for read in sources:
        if not read.settlements or not seen.isdisjoint(read.settlements):
            return False
        seen |= read.settlements
    return True


def _counted(sources: list[BookedRecords]) -> BookedRecords:
    charges: list[Charge] = []
    deposits: list[Deposit] = []
    notes: list[SetAside] = []
    seen: dict[tuple[object, ...], int] = {}
    paid: set[tuple[str, object]] = set()
    dated: set[tuple[object, object]] = set()
    for read in sources:
        days: list[tuple[object, object]] = []
        counts: dict[tuple[object, ...], int] = {}
        for charge in read.charges:
            amount = charge.amount
            key: tuple[object, ...] = (
                charge.kind._value_,  # a plain attribute: hashed quickly
                charge.description,
                charge.order_id,
                charge.sku,
                charge.booked_on,
                amount.amount,
                amount.currency,
            )
            count = counts[key] = counts.get(key, 0) + 1
            if count > seen.get(key, 0):
                charges.append(charge)
        for known, count in counts.items():
            if count > seen.get(known, 0):
                seen[known] = count
        for deposit in read.deposits:
            pair = (deposit.settlement_id, deposit.amount)
            day = (deposit.deposited_on, deposit.amount)
            if pair in paid or (deposit.deposited_on and day in dated):
                continue
            paid.add(pair)
            days.append(day)
            deposits.append(deposit)
        dated.update(days)
        notes.extend(read.set_aside)
    return BookedRecords(charges=charges, deposits=deposits, set_aside=notes)
