"""Rows for :meth:`~unified_account.model.catalog.Catalog.from_rows`.

A catalogue of a million SKUs is built from rows of plain values (what a
database query or a CSV reader gives): :class:`SkuRow` and
:class:`ListingRow`, or tuples in the same order.  Each value is checked
once, at this boundary; equal prices and pools are built once per batch
and shared (they are immutable values).

A marketplace is a :class:`~unified_account.model.marketplace.Marketplace`
or its country code (``"CA"``); a channel and a status are the enum
members or their values (``"mfn"``, ``"active"``); a price is
:class:`~unified_account.model.money.Money` or an amount (a numeric
string, a ``Decimal`` or an ``int``) in the listing marketplace's
currency.

>>> row = SkuRow("MUG-1", "B000000001", 12, None, {},
...              [ListingRow("CA", "Tasse", "16.00", "mfn")])
>>> row.listings[0].status
'active'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, NoReturn

import immutables

from .._excerpt import excerpt
from ..errors import InvalidValueError
from .attributes import AttributeText
from .identifiers import Asin, Sku, to_asin, to_sku
from .inventory import MfnArrangement, MfnPool
from .listing import (
    EMPTY_ATTRIBUTES,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    _attributes,
)
from .marketplace import Marketplace
from .money import MAX_DIGITS, Money, currency_precision

__all__ = ["ListingRow", "SkuRow"]


class ListingRow(NamedTuple):
    """One listing of a :class:`SkuRow`: the SKU offered in a marketplace."""

    marketplace: Marketplace | str
    """The marketplace, or its country code."""
    title: str
    """The title in this marketplace."""
    price: Money | Decimal | str | int
    """The price, or its amount in the marketplace's currency."""
    channel: FulfillmentChannel | str
    """Who fulfils it (``"mfn"`` or ``"fba"``)."""
    status: ListingStatus | str = "active"
    """What the seller set (``"active"``, ``"inactive"``, ``"deleted"``)."""
    attributes: Mapping[str, AttributeText] = EMPTY_ATTRIBUTES
    """Key attributes (names to text), as :class:`Listing` takes them."""


class SkuRow(NamedTuple):
    """One SKU: the values of a :class:`~.catalog.SkuRecord`, flat."""

    sku: str
    """The seller's SKU."""
    asin: str | None
    """The ASIN it is offered as, or ``None``."""
    mfn: int
    """The units in its merchant-fulfilled pool."""
    separate: Marketplace | str | None
    """The marketplace of a separate SKU; ``None`` for a shared pool."""
    fba: Mapping[Marketplace | str, int]
    """The units in each country's FBA pool."""
    listings: Iterable[ListingRow | tuple[Any, ...]]
    """Its listings, at most one per marketplace."""
    remote_fulfillment: Iterable[Marketplace | str] = ()
    """Where it is enrolled in Remote Fulfillment with FBA."""


_MARKETPLACES: dict[object, Marketplace] = {
    **{m.name: m for m in Marketplace},
    **{m: m for m in Marketplace},
}
_CHANNELS: dict[object, FulfillmentChannel] = {
    **{c.value: c for c in FulfillmentChannel},
    **{c: c for c in FulfillmentChannel},
}
_STATUSES: dict[object, ListingStatus] = {
    **{s.value: s for s in ListingStatus},
    **{s: s for s in ListingStatus},
}
_SKU_ROW = "a SKU row (sku, asin, mfn, separate, fba, listings[, remote])"
_LISTING_ROW = "a listing row (marketplace, title, price, channel[, ...])"
_new = object.__new__
_ACTIVE = ListingStatus.ACTIVE
_CURRENCY = {m: m.currency for m in Marketplace}
_PLACES = {m.currency: currency_precision(m.currency) for m in Marketplace}
# The slots' own setters: the fastest way to fill a frozen instance.
_set_sku = Listing.__dict__["sku"].__set__
_set_marketplace = Listing.__dict__["marketplace"].__set__
_set_title = Listing.__dict__["title"].__set__
_set_price = Listing.__dict__["price"].__set__
_set_channel = Listing.__dict__["channel"].__set__
_set_status = Listing.__dict__["status"].__set__
_set_attributes = Listing.__dict__["attributes"].__set__
_set_amount = Money.__dict__["amount"].__set__
_set_currency = Money.__dict__["currency"].__set__


class Batch:
    """The values built once per batch: prices and pools, by their row."""

    __slots__ = ("pools", "prices")

    def __init__(self) -> None:
        self.prices: dict[tuple[str, Marketplace], Money] = {}
        self.pools: dict[tuple[int, object], MfnPool] = {}


def _refuse(value: object, what: str, field: str | None = None) -> NoReturn:
    raise InvalidValueError(
        f"`{excerpt(value, as_repr=True)}` is not {what}", field=field
    )


def _named(field: str, error: InvalidValueError) -> InvalidValueError:
    return InvalidValueError(error.problem, field=field)


def _marketplace(value: object, field: str) -> Marketplace:
    try:
        found = _MARKETPLACES.get(value)
    except TypeError:  # unhashable
        found = None
    if found is None:
        _refuse(value, "a marketplace or its country code", field)
    return found


def _member(table: dict[object, Any], value: object, field: str) -> Any:
    try:
        found = table.get(value)
    except TypeError:  # unhashable
        found = None
    if found is None:
        names = sorted(key for key in table if type(key) is str)
        _refuse(value, "one of " + ", ".join(f"`{n}`" for n in names), field)
    return found


def _pool(quantity: object, separate: object, batch: Batch) -> MfnPool:
    if type(quantity) is int and (
        separate is None or type(separate) in (str, Marketplace)
    ):
        pool = batch.pools.get((quantity, separate))
        if pool is not None:
            return pool
    marketplace = (
        None if separate is None else _marketplace(separate, "separate")
    )
    try:
        pool = MfnPool(
            quantity=quantity,  # type: ignore[arg-type]
            arrangement=MfnArrangement.SHARED
            if marketplace is None
            else MfnArrangement.SEPARATE,
            marketplace=marketplace,
        )
    except InvalidValueError as error:
        raise _named("mfn", error) from None
    if type(quantity) is int:
        batch.pools[quantity, separate] = pool
    return pool


def _fba(value: object) -> immutables.Map[Marketplace, int] | None:
    if not value and type(value) is dict:
        return None
    if not isinstance(value, Mapping):
        _refuse(value, "a mapping of marketplaces to quantities", "fba")
    pools = {}
    for key, units in value.items():
        marketplace = _marketplace(key, "fba")
        if isinstance(units, bool) or not isinstance(units, int) or units < 0:
            where = f"fba.{marketplace.name}"
            _refuse(units, "a whole number of at least 0", where)
        pools[marketplace] = units
    return immutables.Map(pools) if pools else None


def money_of(value: object, currency: str) -> Money:
    """``Money(value, currency)``, quickly for a plain amount text.

    An amount the constructor refuses raises its error, its field named
    ``price``.
    """
    if type(value) is str:
        whole, point, fraction = value.partition(".")
        if (
            point
            and len(fraction) == _PLACES.get(currency)
            and 0 < len(whole) <= MAX_DIGITS
            and value.isascii()
            and whole.isdigit()
            and fraction.isdigit()
        ):
            # The common case: digits, a point and as many decimals as
            # the currency has, so the amount is exact as written.
            money = _new(Money)
            _set_amount(money, Decimal(value))
            _set_currency(money, currency)
            return money
    try:  # anything else: the constructor decides, and names the problem
        return Money(value, currency)  # type: ignore[arg-type]
    except InvalidValueError as error:
        raise _named("price", error) from None


def plain_money(value: str, currency: str) -> Money:
    """The money of a plain amount text already checked, in ``currency``.

    For a reader that has checked what :func:`money_of` checks first:
    ``value`` is ASCII digits, a point and as many decimals as
    ``currency`` (a marketplace's) has, within :data:`MAX_DIGITS`.
    """
    money = _new(Money)
    _set_amount(money, Decimal(value))
    _set_currency(money, currency)
    return money


def _listing(row: object, sku: Sku, batch: Batch) -> Listing:
    if not isinstance(row, tuple) or not 4 <= len(row) <= 6:
        _refuse(row, _LISTING_ROW)
    try:
        marketplace = _MARKETPLACES[row[0]]
        channel = _CHANNELS[row[3]]
        status = _ACTIVE if len(row) < 5 else _STATUSES[row[4]]
    except (KeyError, TypeError):  # unknown or unhashable: name which
        marketplace = _marketplace(row[0], "marketplace")
        channel = _member(_CHANNELS, row[3], "channel")
        status = _member(_STATUSES, row[4], "status")  # len(row) >= 5 here
    title = row[1]
    price = row[2]
    currency = _CURRENCY[marketplace]
    if type(price) is str:  # equal prices are built once per batch
        key = (price, marketplace)
        money = batch.prices.get(key)
        if money is None:
            money = batch.prices[key] = money_of(price, currency)
        price = money
    elif not isinstance(price, Money):
        price = money_of(price, currency)
    attributes = EMPTY_ATTRIBUTES if len(row) < 6 else row[5]
    return listing_of(
        sku, marketplace, title, price, channel, status, attributes
    )


def listing_of(
    sku: Sku,
    marketplace: Marketplace,
    title: object,
    price: Money,
    channel: FulfillmentChannel,
    status: ListingStatus,
    attributes: object = EMPTY_ATTRIBUTES,
    *,
    attributes_checked: bool = False,
) -> Listing:
    """A listing of values already read; the title and currency checked.

    ``attributes_checked``: ``attributes`` is an :class:`immutables.Map`
    the caller has held to every check of :class:`Listing`'s, so it is
    kept as it is.

    ``sku`` is a checked SKU and the others are what they are annotated
    as; ``title`` and ``attributes`` are checked here, and ``price``'s
    currency against ``marketplace``'s.  Anything wrong goes to
    :class:`Listing`'s constructor, which names the problem.
    """
    if (
        type(title) is not str
        or not title
        or title.isspace()
        or price.currency != _CURRENCY[marketplace]
    ):
        # The constructor names the problem.
        return Listing(
            sku=sku,
            marketplace=marketplace,
            title=title,  # type: ignore[arg-type]
            price=price,
            channel=channel,
            status=status,
            attributes=attributes,  # type: ignore[arg-type]
        )
    listing = _new(Listing)
    _set_sku(listing, sku)
    _set_marketplace(listing, marketplace)
    _set_title(listing, title)
    _set_price(listing, price)
    _set_channel(listing, channel)
    _set_status(listing, status)
    _set_attributes(
        listing,
        attributes
        if attributes_checked or attributes is EMPTY_ATTRIBUTES
        else _attributes(attributes),  # type: ignore[arg-type]
    )
    return listing


def _listings(value: object, sku: Sku, batch: Batch) -> tuple[Listing, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        _refuse(value, "a collection of listing rows", "listings")
    built = []
    for index, row in enumerate(value):
        try:
            built.append(_listing(row, sku, batch))
        except InvalidValueError as error:
            field = f"listings[{index}]"
            raise InvalidValueError(
                error.problem,
                field=f"{field}.{error.field}" if error.field else field,
            ) from None
    return tuple(built)


def _remote(value: object) -> frozenset[Marketplace]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        _refuse(value, "a collection of marketplaces", "remote_fulfillment")
    return frozenset(
        _marketplace(item, "remote_fulfillment") for item in value
    )


def read_row(
    row: object, batch: Batch
) -> tuple[
    Sku,
    Asin | None,
    MfnPool,
    immutables.Map[Marketplace, int] | None,
    tuple[Listing, ...],
    frozenset[Marketplace],
]:
    """The checked values of one row, for ``Catalog.from_rows``.

    Raises :class:`~unified_account.errors.InvalidValueError` naming the
    field of the row (``listings[1].price``).  The record's invariants
    across fields are checked by the record.
    """
    if not isinstance(row, tuple) or not 6 <= len(row) <= 7:
        _refuse(row, _SKU_ROW)
    try:
        sku = to_sku(row[0])
    except InvalidValueError as error:
        raise _named("sku", error) from None
    asin = row[1]
    if asin is not None:
        try:
            asin = to_asin(asin)
        except InvalidValueError as error:
            raise _named("asin", error) from None
    return (
        sku,
        asin,
        _pool(row[2], row[3], batch),
        _fba(row[4]),
        _listings(row[5], sku, batch),
        frozenset() if len(row) < 7 else _remote(row[6]),
    )
