"""Plain-Python baselines doing the same work as the library.

Each baseline keeps what the library keeps (immutable values, the same
precomputed columns) and returns what the library returns (the same
reasons, as plain tuples), without validation, enums' Python code or
attrs machinery: what a careful hand-written version would cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
import immutables
from bench_inventory import CURRENCY, Row

CODES = ("US", "CA", "MX")
SCOPE = frozenset(CODES)
SCOPE_ORDER = CODES


# --- values: plain frozen attrs classes without validators ------------


@attrs.frozen(weakref_slot=False)
class PlainListing:
    sku: str
    marketplace: str
    title: str
    price: tuple[Decimal, str]
    channel: str
    status: str


@attrs.frozen(weakref_slot=False)
class PlainPool:
    quantity: int
    arrangement: str
    marketplace: str | None


@attrs.frozen(weakref_slot=False)
class PlainRecord:
    sku: str
    asin: str
    mfn: PlainPool
    fba: immutables.Map[str, int]
    listings: tuple[PlainListing, ...]
    sellable: tuple[int, ...]


def _sellable(listing: PlainListing, mfn: int, fba: Any) -> int:
    if listing.status != "active":
        return 0
    if listing.channel == "mfn":
        return mfn
    return fba.get(listing.marketplace, 0)


def plain_record(row: Row) -> PlainRecord:
    sku, asin, mfn, separate, fba, listings = row
    built = tuple(
        PlainListing(
            sku, code, title, (Decimal(price), CURRENCY[code]), channel, status
        )
        for code, title, price, channel, status in listings
    )
    pools = immutables.Map(fba)
    by_code = {listing.marketplace: listing for listing in built}
    sellable = tuple(
        0 if code not in by_code else _sellable(by_code[code], mfn, pools)
        for code in CODES
    )
    return PlainRecord(
        sku,
        asin,
        PlainPool(mfn, "separate" if separate else "shared", separate),
        pools,
        built,
        sellable,
    )


def plain_catalog(data: Iterable[Row]) -> immutables.Map[str, PlainRecord]:
    """The baseline catalogue: a persistent map of plain records."""
    records = immutables.Map[str, PlainRecord]().mutate()
    for row in data:
        record = plain_record(row)
        records[record.sku] = record
    return records.finish()


def plain_availability(
    catalog: immutables.Map[str, PlainRecord],
) -> immutables.Map[str, tuple[int, ...]]:
    """The precomputed column of every record, as the library reads it.

    Kept in a persistent map, as the library's table is: the same
    immutability.
    """
    return immutables.Map(
        {sku: record.sellable for sku, record in catalog.items()}
    )


def plain_update(
    catalog: immutables.Map[str, tuple[Any, ...]], sku: str, quantity: int
) -> immutables.Map[str, tuple[Any, ...]]:
    """One quantity changed: a new tuple in the persistent map."""
    row = catalog[sku]
    return catalog.set(sku, (*row[:3], quantity, *row[4:]))


# --- policies: plain if-chains returning the same reasons -------------


def _reason(rule: str, message: str, **params: Any) -> tuple[Any, ...]:
    return (rule, message, tuple(sorted(params.items())))


def plain_scope(marketplace: str) -> tuple[str, tuple[Any, ...]]:
    if marketplace in SCOPE:
        return "allowed", (
            _reason(
                "na-scope",
                "na-scope.in-scope",
                marketplace=marketplace,
                scope=SCOPE_ORDER,
            ),
        )
    return "denied", (
        _reason(
            "na-scope",
            "na-scope.out-of-scope",
            marketplace=marketplace,
            scope=SCOPE_ORDER,
        ),
    )


def plain_eligibility(home: str, plan: str) -> tuple[str, tuple[Any, ...]]:
    if home in SCOPE:
        where = _reason(
            "eu-distinct",
            "eu-distinct.registered-in-scope",
            home=home,
            scope=SCOPE_ORDER,
        )
        registered = True
    else:
        where = _reason(
            "eu-distinct",
            "eu-distinct.registered-elsewhere",
            home=home,
            scope=SCOPE_ORDER,
        )
        registered = False
    if plan == "professional":
        kind = _reason(
            "professional-only", "professional-only.plan-qualifies", plan=plan
        )
        qualifies = True
    else:
        kind = _reason(
            "professional-only", "professional-only.plan-excluded", plan=plan
        )
        qualifies = False
    if registered and qualifies:
        return "allowed", (where, kind)
    return "denied", tuple(
        r for r, ok in ((where, registered), (kind, qualifies)) if not ok
    )


def plain_listing_marketplace(
    home: str, plan: str, turned_on: frozenset[str], marketplace: str
) -> tuple[str, tuple[Any, ...]]:
    if marketplace == home and marketplace in SCOPE:
        return "allowed", (
            _reason(
                "home-only-by-default",
                "home-only-by-default.home",
                home=home,
                marketplace=marketplace,
            ),
        )
    scope = plain_scope(marketplace)
    eligible = plain_eligibility(home, plan)
    if scope[0] == "denied" or eligible[0] == "denied":
        return "denied", tuple(
            r for d in (scope, eligible) if d[0] == "denied" for r in d[1]
        )
    if marketplace not in turned_on:
        return "denied", (
            _reason(
                "home-only-by-default",
                "home-only-by-default.not-turned-on",
                home=home,
                marketplace=marketplace,
            ),
        )
    return "allowed", (
        _reason(
            "list-anywhere",
            "list-anywhere.allowed",
            home=home,
            marketplace=marketplace,
        ),
        *scope[1],
        *eligible[1],
    )


def plain_account_info(
    overrides: dict[str, Any], registration: Any, marketplace: str
) -> tuple[Any, tuple[Any, ...]]:
    if marketplace not in SCOPE:
        raise LookupError(marketplace)
    custom = overrides.get(marketplace)
    if custom is not None:
        return custom, (
            _reason(
                "account-info-defaults",
                "account-info-defaults.customised",
                marketplace=marketplace,
            ),
        )
    return registration, (
        _reason(
            "account-info-defaults",
            "account-info-defaults.registration",
            marketplace=marketplace,
        ),
    )


def plain_available(
    catalog: immutables.Map[str, PlainRecord], sku: str, marketplace: str
) -> tuple[int, tuple[Any, ...]]:
    """``available_quantity`` for an MFN listing, as an if-chain."""
    record = catalog[sku]
    listing = next(
        (x for x in record.listings if x.marketplace == marketplace), None
    )
    if listing is None:
        return 0, (
            _reason(
                "per-marketplace-listing",
                "per-marketplace-listing.not-listed",
                sku=sku,
                marketplace=marketplace,
            ),
        )
    if listing.status != "active":
        return 0, (
            _reason(
                "per-marketplace-listing",
                "per-marketplace-listing.inactive",
                sku=sku,
                marketplace=marketplace,
            ),
        )
    if listing.channel == "mfn":
        listed = tuple(
            x.marketplace for x in record.listings if x.channel == "mfn"
        )
        quantity = record.mfn.quantity
        message = (
            "mfn-inventory.shared"
            if record.mfn.arrangement == "shared"
            else "mfn-inventory.separate"
        )
        return quantity, (
            _reason(
                "mfn-inventory",
                message,
                sku=sku,
                marketplace=marketplace,
                quantity=quantity,
                marketplaces=listed,
            ),
        )
    quantity = record.fba.get(marketplace, 0)
    return quantity, (
        _reason(
            "fba-pool-separation",
            "fba-pool-separation.pool",
            sku=sku,
            marketplace=marketplace,
            quantity=quantity,
        ),
    )


def plain_per_item_fee(
    home: str,
    reference: str,
    marketplace: str,
    price: Decimal,
    rates: dict[str, Decimal],
) -> tuple[Decimal, tuple[Any, ...]]:
    rate = rates.get(marketplace)
    if rate is None:
        raise LookupError(marketplace)
    fee = (price * rate).quantize(Decimal("0.01"))
    return fee, (
        _reason(
            "per-item-fees-by-sale-marketplace",
            "per-item-fees-by-sale-marketplace.charged",
            reference=reference,
            marketplace=marketplace,
            price=price,
            fee=fee,
            home=home,
        ),
    )


# --- rendering: plain str.format --------------------------------------

SYMBOLS = {"USD": "$", "CAD": "CA$", "MXN": "MX$"}


def plain_render(template: str, params: dict[str, Any]) -> str:
    """``str.format`` with each value turned to text by plain Python."""
    values = {}
    for name, value in params.items():
        if isinstance(value, tuple) and len(value) == 2:
            amount, currency = value
            symbol = SYMBOLS.get(currency, currency)
            values[name] = f"{symbol}{amount:,.2f}"
        elif isinstance(value, int):
            values[name] = f"{value:,}"
        else:
            values[name] = str(value)
    return template.format(**values)
