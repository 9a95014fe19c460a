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
from bench_inventory import CODES, CURRENCY, Row

from unified_account import (
    Decision,
    Marketplace,
    Money,
    PerItemFee,
    Reason,
    Resolved,
    Sale,
    SellerAccount,
    SellingPlan,
    Term,
)

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


# --- policies: careful plain versions of the public calls -----------
#
# Each takes what the library's call takes (a marketplace, an account, a
# catalogue and a SKU, a sale and its schedules), makes the same checks
# (argument types, an unknown SKU, two schedules for one marketplace, the
# sale's currency) and returns the same value and reasons, every
# parameter included, as plain tuples: ``(outcome, reasons)`` or
# ``(value, reasons)``, each reason ``(rule, message id, params)`` with
# its parameters written in name order, as a careful hand-written
# version would, never sorted at run time.  ``plain_form`` turns the
# library's answer into the same tuples, so the two are compared before
# they are timed.

ALLOWED, DENIED = "allowed", "denied"
NA_ORDER = (Marketplace.US, Marketplace.CA, Marketplace.MX)
NA = frozenset(NA_ORDER)
PROFESSIONAL = SellingPlan.PROFESSIONAL
PLAN_TERM = {
    SellingPlan.PROFESSIONAL: "term.plan.professional",
    SellingPlan.INDIVIDUAL: "term.plan.individual",
}
FIELD_TERM = {
    "legal_entity_name": "term.info.legal-entity-name",
    "address_country": "term.info.address-country",
    "bank": "term.info.bank",
    "contact_email": "term.info.contact-email",
    "display_name": "term.info.display-name",
}
MARKETPLACE_CURRENCY = {m: m.currency for m in Marketplace}
CENT = Decimal("0.01")


def _refuse(name: str, value: object, kind: type) -> None:
    raise TypeError(f"{name}: {value!r} is not a {kind.__name__}")


def careful_scope(marketplace: Marketplace) -> tuple[Any, ...]:
    """``evaluate_scope``."""
    if not isinstance(marketplace, Marketplace):
        _refuse("marketplace", marketplace, Marketplace)
    params = (("marketplace", marketplace), ("scope", NA_ORDER))
    if marketplace in NA:
        return ALLOWED, (("na-scope", "na-scope.in-scope", params),)
    return DENIED, (("na-scope", "na-scope.out-of-scope", params),)


def _eligibility(account: SellerAccount) -> tuple[Any, ...]:
    home, plan = account.home, account.plan
    registered = home in NA
    qualifies = plan is PROFESSIONAL
    where = (
        "eu-distinct",
        "eu-distinct.registered-in-scope"
        if registered
        else "eu-distinct.registered-elsewhere",
        (("home", home), ("scope", NA_ORDER)),
    )
    kind = (
        "professional-only",
        "professional-only.plan-qualifies"
        if qualifies
        else "professional-only.plan-excluded",
        (("plan", PLAN_TERM[plan]),),
    )
    if registered and qualifies:
        return ALLOWED, (where, kind)
    if registered:
        return DENIED, (kind,)
    if qualifies:
        return DENIED, (where,)
    return DENIED, (where, kind)


def careful_eligibility(account: SellerAccount) -> tuple[Any, ...]:
    """``evaluate_eligibility``."""
    if not isinstance(account, SellerAccount):
        _refuse("account", account, SellerAccount)
    return _eligibility(account)


def careful_listing_marketplace(
    account: SellerAccount, marketplace: Marketplace
) -> tuple[Any, ...]:
    """``evaluate_listing_marketplace``."""
    if not isinstance(account, SellerAccount):
        _refuse("account", account, SellerAccount)
    if not isinstance(marketplace, Marketplace):
        _refuse("marketplace", marketplace, Marketplace)
    home = account.home
    params = (("home", home), ("marketplace", marketplace))
    in_scope = marketplace in NA
    if marketplace is home and in_scope:
        return ALLOWED, (
            ("home-only-by-default", "home-only-by-default.home", params),
        )
    scope = careful_scope(marketplace)
    eligible = _eligibility(account)
    if not in_scope or eligible[0] is DENIED:
        return DENIED, (
            *(scope[1] if not in_scope else ()),
            *(eligible[1] if eligible[0] is DENIED else ()),
        )
    if marketplace not in account.marketplaces:
        return DENIED, (
            (
                "home-only-by-default",
                "home-only-by-default.not-turned-on",
                params,
            ),
        )
    return ALLOWED, (
        ("list-anywhere", "list-anywhere.allowed", params),
        *scope[1],
        *eligible[1],
    )


def careful_account_info(
    account: SellerAccount, marketplace: Marketplace
) -> tuple[Any, ...]:
    """``effective_account_info``."""
    if not isinstance(account, SellerAccount):
        _refuse("account", account, SellerAccount)
    if not isinstance(marketplace, Marketplace):
        _refuse("marketplace", marketplace, Marketplace)
    if marketplace not in NA:
        raise LookupError(f"{marketplace.name} is outside the scope")
    custom = account.info_overrides.get(marketplace)
    if custom is None:
        info, message = (
            account.registration_info,
            "account-info-defaults.registration",
        )
    else:
        info, message = custom, "account-info-defaults.customised"
    reason = (
        "account-info-defaults",
        message,
        (("marketplace", marketplace),),
    )
    unknown = info.unknown_fields
    if not unknown:
        return info, (reason,)
    return info, (
        reason,
        (
            "account-info-defaults",
            "account-info-defaults.unknown",
            (
                ("fields", tuple(FIELD_TERM[name] for name in unknown)),
                ("marketplace", marketplace),
            ),
        ),
    )


def careful_available(
    catalog: immutables.Map[str, PlainRecord], sku: str, marketplace: str
) -> tuple[Any, ...]:
    """``available_quantity`` (on the plain catalogue, codes for members)."""
    if not isinstance(sku, str):
        _refuse("sku", sku, str)
    if marketplace not in CURRENCY:
        raise LookupError(f"no marketplace {marketplace!r}")
    record = catalog.get(sku)
    if record is None:
        raise LookupError(f"no SKU {sku!r} in the catalogue")
    for listing in record.listings:
        if listing.marketplace == marketplace:
            break
    else:
        return 0, (
            (
                "per-marketplace-listing",
                "per-marketplace-listing.not-listed",
                (("marketplace", marketplace), ("sku", sku)),
            ),
        )
    status = listing.status
    if status == "deleted":
        return 0, (
            (
                "marketplace-specific-deletion",
                "marketplace-specific-deletion.deleted",
                (("marketplace", marketplace), ("sku", sku)),
            ),
        )
    if status == "inactive":
        return 0, (
            (
                "per-marketplace-listing",
                "per-marketplace-listing.inactive",
                (("marketplace", marketplace), ("sku", sku)),
            ),
        )
    if listing.channel == "mfn":
        pool = record.mfn
        quantity = pool.quantity
        listed = tuple(
            x.marketplace
            for x in record.listings
            if x.channel == "mfn" and x.status == "active"
        )
        shared = pool.arrangement == "shared"
        reason = (
            "mfn-inventory",
            "mfn-inventory.shared" if shared else "mfn-inventory.separate",
            (
                ("marketplace", marketplace),
                ("marketplaces", listed),
                ("quantity", quantity),
                ("sku", sku),
            ),
        )
        if quantity or not shared:
            return quantity, (reason,)
        return 0, (
            reason,
            (
                "marketplace-specific-deletion",
                "marketplace-specific-deletion.zero-quantity",
                (("marketplaces", listed), ("sku", sku)),
            ),
        )
    fba = record.fba
    quantity = fba.get(marketplace, 0)
    elsewhere = (
        ()
        if quantity
        else tuple(
            code for code in CODES if code != marketplace and fba.get(code)
        )
    )
    if not elsewhere:
        return quantity, (
            (
                "fba-pool-separation",
                "fba-pool-separation.pool",
                (
                    ("marketplace", marketplace),
                    ("quantity", quantity),
                    ("sku", sku),
                ),
            ),
        )
    return 0, (
        (
            "fba-pool-separation",
            "fba-pool-separation.not-here",
            (
                ("elsewhere", elsewhere),
                ("marketplace", marketplace),
                ("quantity", 0),
                ("sku", sku),
                ("units", sum(fba[code] for code in elsewhere)),
            ),
        ),
    )


def careful_per_item_fee(
    account: SellerAccount, sale: Sale, fees: Iterable[PerItemFee]
) -> tuple[Any, ...]:
    """``per_item_fee``; money as ``(amount, currency)``."""
    if not isinstance(account, SellerAccount):
        _refuse("account", account, SellerAccount)
    if not isinstance(sale, Sale):
        _refuse("sale", sale, Sale)
    table = {}
    for index, fee in enumerate(fees):
        if not isinstance(fee, PerItemFee):
            _refuse(f"fees[{index}]", fee, PerItemFee)
        if fee.marketplace in table:
            raise ValueError(f"fees[{index}]: two schedules")
        table[fee.marketplace] = fee
    marketplace = sale.marketplace
    schedule = table.get(marketplace)
    if schedule is None:
        raise LookupError(f"no schedule for {marketplace.name}")
    price = sale.price
    currency = price.currency
    if currency != MARKETPLACE_CURRENCY[marketplace]:
        raise ValueError(f"{currency} is not the currency of the sale")
    rate, fixed, minimum = schedule.rate, schedule.fixed, schedule.minimum
    amount = (
        (price.amount * rate).quantize(CENT)
        if rate is not None
        else Decimal("0.00")
    )
    if fixed is not None:
        amount += fixed.amount
    if minimum is not None and amount < minimum.amount:
        amount = minimum.amount
    fee_money = (amount, currency)
    return fee_money, (
        (
            "per-item-fees-by-sale-marketplace",
            "per-item-fees-by-sale-marketplace.charged",
            (
                ("fee", fee_money),
                ("home", account.home),
                ("marketplace", marketplace),
                ("price", (price.amount, currency)),
                ("reference", sale.reference),
            ),
        ),
    )


def plain_form(value: Any) -> Any:
    """An answer (the library's, or a baseline's) in one plain form.

    Marketplaces become their codes, money ``(amount, currency)``, terms
    their message ids, enums (rule keys, outcomes) their values.
    """
    if isinstance(value, Decision):
        return value.outcome.value, plain_form(value.reasons)
    if isinstance(value, Resolved):
        return plain_form(value.value), plain_form(value.reasons)
    if isinstance(value, Reason):
        return str(value.rule), value.message_id, plain_form(value.params)
    if isinstance(value, Marketplace):
        return value.name
    if isinstance(value, Money):
        return value.amount, value.currency
    if isinstance(value, Term):
        return value.message_id
    if isinstance(value, tuple):
        return tuple(plain_form(item) for item in value)
    return value


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
