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

from collections.abc import Iterable

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError, MissingDataError
from ..model.account import AccountInfo, SellerAccount, SellingPlan
from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Sku
from ..model.imports import FeeEstimate, SetAside, SetAsideReason
from ..model.inventory import MfnPool
from ..model.listing import Listing
from ..model.marketplace import Marketplace, Region
from ..model.orders import Order
from ..snapshot import Snapshot
from ._booked import BookedRecords, merged
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

    def record(self) -> SkuRecord:
        mfn = MfnPool.shared(self.mfn or 0)
        return SkuRecord(
            sku=self.sku,
            asin=self.asin,
            mfn=mfn,
            fba=self.fba,
            listings=tuple(self.listings.values()),
        )


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
    ``booked``: charges and deposits from the Finances API and settlement
    reports; a booking several sources give counts once.
    """
    if (
        not isinstance(home, Marketplace)
        or home.region is not Region.NORTH_AMERICA
    ):
        raise InvalidValueError(
            f"`{excerpt(home, as_repr=True)}` "
            f"is not a North American marketplace",
            field="home",
        )
    notes: list[SetAside] = []
    known = account.participations if account is not None else participations
    if account is not None:
        notes.extend(account.set_aside)
    if participations is not None:
        if account is not None:
            known = participations
        notes.extend(participations.set_aside)
    skus: dict[Sku, _Sku] = {}

    def entry(sku: Sku) -> _Sku:
        return skus.setdefault(sku, _Sku(sku))

    for item in listings:
        notes.extend(item.set_aside)
        found = entry(item.sku)
        found.asin = found.asin or item.asin
        if item.mfn_quantity is not None:
            found.mfn = item.mfn_quantity
        for listing in item.listings:
            found.listings[listing.marketplace] = listing
    for report in listing_reports:
        notes.extend(report.set_aside)
        for listing, quantity, asin in report.rows:
            found = entry(listing.sku)
            found.asin = found.asin or asin
            found.listings.setdefault(listing.marketplace, listing)
            if quantity is not None and found.mfn is None:
                found.mfn = quantity
    for stock in inventory:
        notes.extend(stock.set_aside)
        if stock.marketplace is None:
            continue
        for sku, units in stock.quantities:
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
        notes.extend(read.set_aside)
        for order in read.orders:
            kept.setdefault(order.order_id, order)
    estimates: list[FeeEstimate] = []
    for read_fees in fees:
        notes.extend(read_fees.set_aside)
        estimates.extend(read_fees.estimates)
    money = merged(booked)
    notes.extend(money.set_aside)
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
        fee_estimates=tuple(estimates),
        set_aside=tuple(notes),
        charges=money.charges,
        deposits=money.deposits,
    )
    snapshot = replay(snapshot, notifications)
    return Assembly(snapshot=snapshot, set_aside=snapshot.set_aside)
