"""Assembling a snapshot from what the adapters read.

:func:`assemble_snapshot` takes any subset of the adapters' results, the
home marketplace (SP-API does not say which marketplace the seller first
registered on: the caller does) and the seller id, and returns the
:class:`~unified_account.snapshot.Snapshot` with everything that was set
aside, and why, both on the snapshot (``set_aside``, which the report
shows) and on the result.

What SP-API does not give stays unknown: the account information has no
bank account, e-mail or display name (the legal entity name and address
country come from ``getAccount``'s business, when given); each rule that
needs one says so in its finding.  The selling plan comes from
``getAccount``, else from ``plan``; with neither it is an error, not a
guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError, MissingDataError
from ..model._validate import check_calendar_date
from ..model.account import AccountInfo, SellerAccount, SellingPlan
from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Sku, to_sku
from ..model.imports import FeeEstimate, SetAside, SetAsideReason
from ..model.inventory import MfnPool
from ..model.listing import Listing
from ..model.marketplace import Marketplace, Region
from ..model.orders import Order
from ..snapshot import Snapshot
from ._booked import BookedRecords, merged
from ._json import at
from ._stock import repeated_stock
from .fba_inventory import FbaStock
from .fees import FeeEstimates
from .listings import ListingsItem
from .notifications import replay
from .order_lists import OrderList
from .reports import ListingsReport, OrdersReport
from .sellers import Participations, SellersAccount

__all__ = ["Assembly", "assemble_snapshot"]


@attrs.frozen
class Assembly:
    """A snapshot and what was set aside building it."""

    snapshot: Snapshot
    set_aside: tuple[SetAside, ...]


class _Sku:
    def __init__(self, sku: Sku) -> None:
        self.sku = sku
        self.asin: str | None = None
        self.mfn: int | None = None
        self.fba: dict[Marketplace, int] = {}
        self.listings: dict[Marketplace, Listing] = {}
        self.remote: frozenset[Marketplace] = frozenset()

    def record(self) -> SkuRecord:
        mfn = MfnPool.shared(self.mfn or 0)
        return SkuRecord(
            sku=self.sku,
            asin=self.asin,
            mfn=mfn,
            fba=self.fba,
            remote_fulfillment=self.remote,
            listings=tuple(self.listings.values()),
        )


class _Notes(list[SetAside]):
    """Notes in order; one read repeating another's note adds nothing.

    The same SKU read from two calls (``getListingsItem`` and
    ``searchListingsItems``) gives the same notes at two paths: a note
    whose source, subject, reason and detail an earlier read gave is
    left out (within one read, each note is its own).
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str, SetAsideReason, str]] = set()

    def read(self, notes: Iterable[SetAside]) -> None:
        keys = []
        for note in notes:
            key = (note.source, note.subject, note.reason, note.detail)
            if key not in self.seen:
                keys.append(key)
                self.append(note)
        self.seen.update(keys)


def assemble_snapshot(
    *,
    home: Marketplace,
    seller_id: str,
    plan: SellingPlan | None = None,
    account: SellersAccount | None = None,
    participations: Participations | None = None,
    listings: Iterable[ListingsItem] = (),
    inventory: Iterable[FbaStock] = (),
    orders: Iterable[OrderList | OrdersReport] = (),
    fees: Iterable[FeeEstimates] = (),
    listing_reports: Iterable[ListingsReport] = (),
    notifications: Iterable[object] = (),
    as_of: date | None = None,
    remote_fulfillment: Mapping[str, Iterable[Marketplace]] | None = None,
    booked: Iterable[BookedRecords] = (),
) -> Assembly:
    """The snapshot the given SP-API results describe.

    ``home`` must be a North American marketplace.  The account's
    marketplaces are those it participates in (``getAccount`` or
    ``getMarketplaceParticipations``), else those it has listings in,
    plus ``home``.  Listings of the API win over a listings report's for
    the same SKU and marketplace; each FBA response fills its own
    country's pools, and a second figure for the same SKU and country is
    set aside (``other-country-stock``), never added.  An order id seen
    twice keeps its first reading.  ``notifications`` are replayed last,
    in order (:func:`~unified_account.spapi.notifications.replay`).

    ``remote_fulfillment`` maps a SKU to the marketplaces where the
    seller enrolled it in Remote Fulfillment with FBA (SP-API does not
    say); it is kept on the SKU's record.  With the listings, it decides
    which FBA rows are another country's stock repeated by a call
    (``repeated-stock``, :mod:`~unified_account.spapi._stock`).  A note
    a read repeats from an earlier read (the same SKU from two calls) is
    kept once.

    ``booked``: charges and deposits from the Finances API and settlement
    reports; a booking several sources give counts once.

    ``as_of`` is the day the snapshot describes: the subscription's
    billing date, on which the report judges the dated rules (the
    subscription fee and split billing).  SP-API gives no such date, so
    without it the snapshot has none and the report has no
    ``single-subscription`` findings.

    .. versionchanged:: 0.2.0
       ``as_of``.
    """
    if as_of is not None:
        check_calendar_date(as_of, "as_of")
    if (
        not isinstance(home, Marketplace)
        or home.region is not Region.NORTH_AMERICA
    ):
        raise InvalidValueError(
            f"`{excerpt(home, as_repr=True)}` "
            f"is not a North American marketplace",
            field="home",
        )
    notes = _Notes()
    known = account.participations if account is not None else participations
    if account is not None:
        notes.read(account.set_aside)
    if participations is not None:
        if account is not None:
            known = participations
        notes.read(participations.set_aside)
    skus: dict[Sku, _Sku] = {}

    def entry(sku: Sku) -> _Sku:
        return skus.setdefault(sku, _Sku(sku))

    for item in listings:
        notes.read(item.set_aside)
        found = entry(item.sku)
        found.asin = found.asin or item.asin
        if item.mfn_quantity is not None:
            found.mfn = item.mfn_quantity
        for listing in item.listings:
            found.listings[listing.marketplace] = listing
    for report in listing_reports:
        notes.read(report.set_aside)
        for listing, quantity, asin in report.rows:
            found = entry(listing.sku)
            found.asin = found.asin or asin
            found.listings.setdefault(listing.marketplace, listing)
            if quantity is not None and found.mfn is None:
                found.mfn = quantity
    for sku_text, markets in (remote_fulfillment or {}).items():
        found = entry(at("remote_fulfillment", to_sku, sku_text))
        found.remote = frozenset(markets)
    stocks = tuple(inventory)
    repeated = repeated_stock(
        (
            (stock.marketplace, row)
            for stock in stocks
            if stock.marketplace is not None
            for row in stock.rows
        ),
        {sku: tuple(found.listings) for sku, found in skus.items()},
        {sku: found.remote for sku, found in skus.items()},
    )
    for stock in stocks:
        notes.read(stock.set_aside)
        if stock.marketplace is None:
            continue
        for sku, units in stock.quantities:
            note = repeated.get((stock.marketplace, sku))
            if note is not None:
                notes.append(note)
                continue
            found = entry(sku)
            if stock.marketplace in found.fba:
                notes.append(
                    SetAside(
                        source="fba-inventory",
                        path="",
                        subject=str(sku),
                        reason=SetAsideReason.OTHER_COUNTRY_STOCK,
                        detail=stock.marketplace.name,
                    )
                )
                continue
            found.fba[stock.marketplace] = units
    kept: dict[str, Order] = {}
    for read in orders:
        notes.read(read.set_aside)
        for order in read.orders:
            kept.setdefault(order.order_id, order)
    estimates: list[FeeEstimate] = []
    for read_fees in fees:
        notes.read(read_fees.set_aside)
        estimates.extend(read_fees.estimates)
    money = merged(booked)
    notes.read(money.set_aside)
    if account is not None:
        plan = account.plan
    if plan is None:
        raise MissingDataError(
            "the selling plan is unknown: give a getAccount response or "
            "the plan"
        )
    if known is not None:
        marketplaces = {*known.marketplaces, home}
    else:
        marketplaces = {home} | {
            market for found in skus.values() for market in found.listings
        }
    info = AccountInfo(
        legal_entity_name=None
        if account is None
        else account.legal_entity_name,
        address_country=None if account is None else account.address_country,
        bank=None,
        contact_email=None,
        display_name=None,
    )
    seller = SellerAccount(
        seller_id=seller_id,
        plan=plan,
        home=home,
        marketplaces=marketplaces,
        registration_info=info,
    )
    snapshot = Snapshot(
        account=seller,
        catalog=Catalog([found.record() for found in skus.values()]),
        orders=tuple(kept.values()),
        as_of=as_of,
        fee_estimates=tuple(estimates),
        set_aside=tuple(notes),
        charges=money.charges,
        deposits=money.deposits,
    )
    snapshot = replay(snapshot, notifications)
    return Assembly(snapshot=snapshot, set_aside=snapshot.set_aside)
