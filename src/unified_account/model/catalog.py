"""A seller's catalogue: each SKU's pools and its listings per marketplace.

A :class:`SkuRecord` holds one SKU: its ASIN, its merchant-fulfilled pool,
its FBA pools (one per country) and its listings (at most one per
marketplace).  A :class:`Catalog` holds the records in a persistent hash
map (:class:`immutables.Map`), so a change to one SKU makes a new
catalogue that shares everything else with the old one: an update costs
the same for a thousand SKUs as for a million.

Each record also keeps, computed once when it is built, how many units
each Americas marketplace can sell (:attr:`SkuRecord.sellable_quantities`),
so a whole-catalogue availability table reads one small tuple per SKU.
The policies in :mod:`unified_account.policy.availability` explain those
numbers with their rule keys.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NoReturn, cast

import attrs
import immutables

from .._arguments import checked_methods, checked_methods_but
from .._excerpt import excerpt
from ..errors import InvalidValueError, MissingDataError
from ._validate import instance_of
from .identifiers import Asin, Sku, to_asin, to_sku
from .inventory import NO_MFN_STOCK, MfnArrangement, MfnPool
from .listing import FulfillmentChannel, Listing, ListingStatus
from .marketplace import Marketplace, Region
from .rows import Batch, SkuRow, read_row

__all__ = [
    "AMERICAS",
    "NO_FBA_STOCK",
    "REMOTE_FULFILLMENT_TARGETS",
    "Catalog",
    "SkuRecord",
]

AMERICAS: tuple[Marketplace, ...] = tuple(
    m for m in Marketplace if m.region is Region.NORTH_AMERICA
)
"""The marketplaces :attr:`SkuRecord.sellable_quantities` is aligned with."""

NO_FBA_STOCK: immutables.Map[Marketplace, int] = immutables.Map()
"""The FBA pools of a SKU with none (one shared value)."""

REMOTE_FULFILLMENT_TARGETS = frozenset(
    {Marketplace.CA, Marketplace.MX, Marketplace.BR}
)
"""Where a SKU may be enrolled in Remote Fulfillment with FBA."""

_NOT_ENROLLED: frozenset[Marketplace] = frozenset()
_ORDER = {m: i for i, m in enumerate(Marketplace)}
_AMERICAS_INDEX = {m: i for i, m in enumerate(AMERICAS)}
_NOTHING = (0,) * len(AMERICAS)
_ACTIVE = ListingStatus.ACTIVE
_new = object.__new__
_MFN = FulfillmentChannel.MFN


def _sku(value: str) -> Sku:
    try:
        return to_sku(value)
    except InvalidValueError as error:
        raise InvalidValueError(error.problem, field="sku") from None


def _asin(value: str | None) -> Asin | None:
    if value is None:
        return None
    try:
        return to_asin(value)
    except InvalidValueError as error:
        raise InvalidValueError(error.problem, field="asin") from None


def _fba(value: Mapping[Marketplace, int]) -> immutables.Map[Marketplace, int]:
    if value is NO_FBA_STOCK:
        return value
    if type(value) is not immutables.Map and not isinstance(value, Mapping):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a mapping of "
            "marketplaces to quantities",
            field="fba",
        )
    for marketplace, quantity in value.items():
        if not isinstance(marketplace, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(marketplace, as_repr=True)}` is not a Marketplace",
                field="fba",
            )
        if (
            isinstance(quantity, bool)
            or not isinstance(quantity, int)
            or quantity < 0
        ):
            raise InvalidValueError(
                f"`{excerpt(quantity, as_repr=True)}` is not a whole number "
                "of at least 0",
                field=f"fba.{marketplace.name}",
            )
    if not value:
        return NO_FBA_STOCK
    return (
        value if isinstance(value, immutables.Map) else immutables.Map(value)
    )


def _remote(value: Any) -> frozenset[Marketplace]:
    # Not enrolled: one shared empty set (a reader's own empty set too,
    # which costs the checks below on every record otherwise).
    if value is _NOT_ENROLLED or (type(value) is frozenset and not value):
        return _NOT_ENROLLED
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` "
            f"is not a collection of marketplaces",
            field="remote_fulfillment",
        )
    enrolled = frozenset(value)
    for marketplace in enrolled:
        if marketplace not in REMOTE_FULFILLMENT_TARGETS:
            raise InvalidValueError(
                f"`{getattr(marketplace, 'name', marketplace)}` is not a "
                "Remote Fulfillment marketplace (CA, MX or BR)",
                field="remote_fulfillment",
            )
    return enrolled or _NOT_ENROLLED


def _listings(
    value: Iterable[Listing] | Mapping[Marketplace, Listing],
) -> tuple[Listing, ...]:
    return _listings_of(value)


def _listings_of(value: Any) -> tuple[Listing, ...]:
    # ``value``: an iterable of listings or a mapping by marketplace.
    if type(value) in (list, tuple):
        return _ordered(tuple(value))
    if isinstance(value, str | bytes) or not isinstance(
        value, Iterable | Mapping
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection of "
            "listings",
            field="listings",
        )
    if isinstance(value, Mapping):
        for marketplace, listing in value.items():
            key = getattr(marketplace, "name", marketplace)
            if not isinstance(marketplace, Marketplace):
                raise InvalidValueError(
                    f"`{excerpt(marketplace, as_repr=True)}` is not a "
                    "Marketplace",
                    field="listings",
                )
            if not isinstance(listing, Listing):
                raise InvalidValueError(
                    f"`{excerpt(listing, as_repr=True)}` is not a Listing",
                    field=f"listings.{key}",
                )
            if listing.marketplace is not marketplace:
                raise InvalidValueError(
                    f"a listing for `{listing.marketplace.name}` is filed "
                    f"under `{excerpt(key)}`",
                    field=f"listings.{key}",
                )
        items = tuple(value.values())
    else:
        items = tuple(value)
    return _ordered(items)


def _ordered(items: tuple[Any, ...]) -> tuple[Listing, ...]:
    """``items``, all listings, in catalogue order."""
    for listing in items:
        if type(listing) is not Listing and not isinstance(listing, Listing):
            raise InvalidValueError(
                f"`{excerpt(listing, as_repr=True)}` is not a Listing",
                field="listings",
            )
    return _in_order(items)


def _in_order(items: tuple[Listing, ...]) -> tuple[Listing, ...]:
    """Listings in catalogue order (sorted only when they are not)."""
    last = -1
    for listing in items:
        position = _ORDER[listing.marketplace]
        if position <= last:
            return tuple(sorted(items, key=_position))
        last = position
    return items


def _position(listing: Listing) -> int:
    return _ORDER[listing.marketplace]


def _sellable(
    listing: Listing, mfn: MfnPool, fba: immutables.Map[Marketplace, int]
) -> int:
    if listing.status is not _ACTIVE:
        return 0
    if listing.channel is _MFN:
        return mfn.quantity
    return fba.get(listing.marketplace, 0)


def _mfn_refused(
    sku: Sku, mfn: MfnPool, marketplace: Marketplace, separate: bool
) -> NoReturn:
    """Why ``sku`` cannot have a merchant-fulfilled listing there."""
    if separate and marketplace is not mfn.marketplace:
        assert mfn.marketplace is not None
        raise InvalidValueError(
            f"`{excerpt(sku)}` is the separate SKU for "
            f"`{mfn.marketplace.name}`; it cannot be merchant-"
            f"fulfilled in `{marketplace.name}`",
            field=f"listings.{marketplace.name}",
        )
    raise InvalidValueError(
        f"`{sku}` is enrolled in Remote Fulfillment with "
        "FBA; its merchant-fulfilled offer in "
        f"`{marketplace.name}` must be at quantity 0, not {mfn.quantity}",
        field=f"listings.{marketplace.name}",
    )


@checked_methods
@attrs.frozen(kw_only=True, weakref_slot=False)
class SkuRecord:
    """One SKU of a seller's catalogue.

    ``asin`` is the Amazon product it is offered as (``None`` if unknown);
    ``mfn`` is its merchant-fulfilled pool; ``fba`` maps a marketplace to
    the units in that country's FBA pool; ``listings`` holds at most one
    :class:`~unified_account.model.listing.Listing` per marketplace
    (given as an iterable or a mapping by marketplace, kept as a tuple in
    catalogue order); ``remote_fulfillment`` are the marketplaces where
    the seller enrolled the SKU in Remote Fulfillment with FBA (Amazon.ca,
    Amazon.com.mx, Amazon.com.br), empty when it is not enrolled.

    Invariants: every listing is of ``sku``; no marketplace has two
    listings; a separate SKU (``mfn.arrangement`` is ``SEPARATE``) has
    merchant-fulfilled listings only in ``mfn.marketplace``; an enrolled
    SKU's merchant-fulfilled listings that are not deleted are at
    quantity 0 (Amazon: while enrolled, a seller-fulfilled offer may not
    share a SKU with an FBA offer; enrolling sets its quantity to zero);
    FBA quantities are whole numbers of at least 0.

    :attr:`sellable_quantities` is derived: for each marketplace of
    :data:`AMERICAS`, the units its listing can sell now.  That is 0
    without an active listing; the whole merchant-fulfilled pool for an
    MFN listing (``mfn-inventory``); that country's FBA pool, and no
    other's, for an FBA listing (``fba-pool-separation``).
    """

    sku: Sku = attrs.field(converter=_sku)
    asin: Asin | None = attrs.field(default=None, converter=_asin)
    mfn: MfnPool = attrs.field(
        default=NO_MFN_STOCK, validator=instance_of(MfnPool)
    )
    fba: immutables.Map[Marketplace, int] = attrs.field(
        default=NO_FBA_STOCK, converter=_fba
    )
    listings: tuple[Listing, ...] = attrs.field(
        default=(), converter=_listings
    )
    remote_fulfillment: frozenset[Marketplace] = attrs.field(
        default=_NOT_ENROLLED, converter=_remote
    )
    sellable_quantities: tuple[int, ...] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        row = list(_NOTHING)
        previous = None
        sku, mfn, fba = self.sku, self.mfn, self.fba
        separate = mfn.arrangement is MfnArrangement.SEPARATE
        enrolled = bool(self.remote_fulfillment)
        for listing in self.listings:
            marketplace = listing.marketplace
            if listing.sku != sku:
                raise InvalidValueError(
                    f"a listing of `{excerpt(listing.sku)}` cannot be filed "
                    "under "
                    f"`{excerpt(sku)}`",
                    field=f"listings.{marketplace.name}.sku",
                )
            if marketplace is previous:
                raise InvalidValueError(
                    f"`{excerpt(sku)}` has two listings in "
                    f"`{marketplace.name}`",
                    field=f"listings.{marketplace.name}",
                )
            previous = marketplace
            if listing.channel is _MFN and (
                (separate and marketplace is not mfn.marketplace)
                or (
                    enrolled
                    and mfn.quantity
                    and listing.status is not ListingStatus.DELETED
                )
            ):
                _mfn_refused(sku, mfn, marketplace, separate)
            index = _AMERICAS_INDEX.get(marketplace)
            if index is not None:
                row[index] = _sellable(listing, mfn, fba)
        _set_sellable(self, tuple(row))

    @classmethod
    def _from_row(
        cls,
        sku: Sku,
        asin: Asin | None,
        mfn: MfnPool,
        fba: immutables.Map[Marketplace, int] | None,
        listings: tuple[Listing, ...],
        remote_fulfillment: frozenset[Marketplace],
    ) -> SkuRecord:
        # ``Catalog.from_rows``'s constructor: each value is already
        # checked (``rows.read_row``), so only the invariants across
        # fields are, by the same code as the public constructor's.
        record = _new(cls)
        _set_sku(record, sku)
        _set_asin(record, asin)
        _set_mfn(record, mfn)
        _set_fba(record, NO_FBA_STOCK if fba is None else fba)
        _set_listings(record, _in_order(listings))
        _set_remote(record, _remote(remote_fulfillment))
        record.__attrs_post_init__()
        return record

    def listing(self, marketplace: Marketplace) -> Listing | None:
        """The listing in ``marketplace``, if there is one."""
        for listing in self.listings:
            if listing.marketplace is marketplace:
                return listing
        return None

    def sellable(self, marketplace: Marketplace) -> int:
        """The units ``marketplace``'s listing can sell now (0 if none)."""
        index = _AMERICAS_INDEX.get(marketplace)
        if index is not None:
            return self.sellable_quantities[index]
        listing = self.listing(marketplace)
        return 0 if listing is None else _sellable(listing, self.mfn, self.fba)

    def _with_quantity(self, quantity: int) -> SkuRecord:
        # The transitions' update of the merchant-fulfilled quantity:
        # ``quantity`` is a checked whole number, and nothing else
        # changes, so every invariant still holds and only the derived
        # column is computed again (``attrs.evolve`` would re-check all).
        mfn, fba = self.mfn, self.fba
        pool = _new(MfnPool)
        _set_quantity(pool, quantity)
        _set_arrangement(pool, mfn.arrangement)
        _set_pool_marketplace(pool, mfn.marketplace)
        record = _new(SkuRecord)
        _set_sku(record, self.sku)
        _set_asin(record, self.asin)
        _set_mfn(record, pool)
        _set_fba(record, fba)
        _set_listings(record, self.listings)
        _set_remote(record, self.remote_fulfillment)
        # Only the cells of active merchant-fulfilled listings change.
        row = list(self.sellable_quantities)
        for listing in self.listings:
            if listing.channel is _MFN and listing.status is _ACTIVE:
                index = _AMERICAS_INDEX.get(listing.marketplace)
                if index is not None:
                    row[index] = quantity
        _set_sellable(record, tuple(row))
        return record

    def with_listing(self, listing: Listing) -> SkuRecord:
        """A copy with ``listing`` added, or replacing its marketplace's."""
        others = [
            item
            for item in self.listings
            if item.marketplace is not listing.marketplace
        ]
        return attrs.evolve(self, listings=(*others, listing))


# The slots' own setters: the fastest way to fill a frozen record.
_set_sku = SkuRecord.__dict__["sku"].__set__
_set_asin = SkuRecord.__dict__["asin"].__set__
_set_mfn = SkuRecord.__dict__["mfn"].__set__
_set_fba = SkuRecord.__dict__["fba"].__set__
_set_listings = SkuRecord.__dict__["listings"].__set__
_set_remote = SkuRecord.__dict__["remote_fulfillment"].__set__
_set_sellable = SkuRecord.__dict__["sellable_quantities"].__set__
_set_quantity = MfnPool.__dict__["quantity"].__set__
_set_arrangement = MfnPool.__dict__["arrangement"].__set__
_set_pool_marketplace = MfnPool.__dict__["marketplace"].__set__


def _records(
    value: Iterable[SkuRecord] | Mapping[str, SkuRecord],
) -> immutables.Map[Sku, SkuRecord]:
    return _records_of(value)


def _records_of(value: Any) -> immutables.Map[Sku, SkuRecord]:
    # ``value``: an iterable of records or a mapping by SKU.
    if isinstance(value, str | bytes) or not isinstance(
        value, Iterable | Mapping
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection of SKU "
            "records",
            field="skus",
        )
    if isinstance(value, Mapping):
        for key, record in value.items():
            if not isinstance(record, SkuRecord) or record.sku != key:
                raise InvalidValueError(
                    f"`{excerpt(record, as_repr=True)}` is not the record of "
                    f"`{excerpt(key)}`",
                    field=f"skus.{key}",
                )
        if isinstance(value, immutables.Map):
            return value
        value = value.values()
    records = immutables.Map[Sku, SkuRecord]().mutate()
    for index, record in enumerate(value):
        if not isinstance(record, SkuRecord):
            raise InvalidValueError(
                f"`{excerpt(record, as_repr=True)}` is not a SkuRecord",
                field=f"skus[{index}]",
            )
        if record.sku in records:
            raise InvalidValueError(
                f"SKU `{excerpt(record.sku)}` appears twice",
                field=f"skus[{index}].sku",
            )
        records[record.sku] = record
    return records.finish()


@checked_methods_but("from_rows", "with_record")
@attrs.frozen
class Catalog:
    """A seller's SKUs, each with its pools and listings.

    ``skus`` may be given as an iterable of
    :class:`SkuRecord` (each SKU once) or a mapping from SKU to record;
    it is kept as an :class:`immutables.Map` from :class:`Sku` to record.
    A plain string finds a SKU too.

    Changes return a new catalogue (:meth:`with_record`, and the
    transitions of :mod:`unified_account.policy.listings` and
    :mod:`unified_account.policy.inventory`), sharing the unchanged
    records with this one.

    >>> catalog = Catalog([SkuRecord(sku="MUG-1", mfn=MfnPool.shared(100))])
    >>> len(catalog), catalog.record("MUG-1").mfn.quantity
    (1, 100)
    """

    skus: immutables.Map[Sku, SkuRecord] = attrs.field(
        factory=immutables.Map, converter=_records
    )

    @classmethod
    def _of(cls, skus: immutables.Map[Sku, SkuRecord]) -> Catalog:
        # The transitions' constructor: ``skus`` is built from a valid
        # catalogue by replacing valid records, so the O(n) check of the
        # public constructor is skipped.
        catalog = _new(cls)
        _set_skus(catalog, skus)
        return catalog

    @classmethod
    def from_rows(cls, rows: Iterable[SkuRow | tuple[Any, ...]]) -> Catalog:
        """A catalogue built from rows of plain values, in one batch.

        Each row is a :class:`~unified_account.model.rows.SkuRow` (or a
        tuple in its order), each of its listings a
        :class:`~unified_account.model.rows.ListingRow`.  The result
        equals the catalogue built one value at a time with
        :class:`SkuRecord`, :class:`~unified_account.model.listing.Listing`,
        :class:`~unified_account.model.inventory.MfnPool` and
        :class:`~unified_account.model.money.Money`, at a fraction of the
        cost: each value is checked once, equal prices and pools are
        shared, and the garbage collector is paused while the batch is
        built (the caller's state is restored).  A row that any of those
        constructors would refuse raises
        :class:`~unified_account.errors.InvalidValueError` naming the row
        and the field (``rows[2].listings[0].price``); nothing is built.

        >>> from unified_account.model.rows import ListingRow, SkuRow
        >>> catalog = Catalog.from_rows([
        ...     SkuRow("MUG-1", "B000000001", 12, None, {"CA": 3}, [
        ...         ListingRow("US", "Mug", "12.00", "mfn"),
        ...         ListingRow("CA", "Tasse", "16.00", "fba"),
        ...     ]),
        ...     ("MUG-2", None, 0, "MX", {}, [("MX", "Taza", "99", "mfn")]),
        ... ])
        >>> catalog.record("MUG-1").sellable_quantities
        (12, 3, 0, 0)
        >>> Catalog.from_rows([("MUG-3", None, 1, None, {},
        ...                     [("CA", "Tasse", "16.001", "mfn")])])
        Traceback (most recent call last):
        ...
        unified_account.errors.InvalidValueError: rows[0].listings[0].price: \
`16.001` has more decimal places than `CAD` allows (2); round it \
explicitly with Money.rounded
        """
        if isinstance(rows, str | bytes) or not isinstance(  # type: ignore[unreachable]
            rows, Iterable
        ):
            raise InvalidValueError(
                f"`{excerpt(rows, as_repr=True)}` is not a collection of "
                "SKU rows",
                field="rows",
            )
        batch = Batch()
        records = immutables.Map[Sku, SkuRecord]().mutate()
        enabled = gc.isenabled()
        gc.disable()  # a batch frees nothing: no collection would find any
        try:
            for index, row in enumerate(rows):
                try:
                    record = SkuRecord._from_row(*read_row(row, batch))
                except InvalidValueError as error:
                    where = f"rows[{index}]"
                    raise InvalidValueError(
                        error.problem,
                        field=f"{where}.{error.field}"
                        if error.field
                        else where,
                    ) from None
                if record.sku in records:
                    raise InvalidValueError(
                        f"SKU `{excerpt(record.sku)}` appears twice",
                        field=f"rows[{index}].sku",
                    )
                records[record.sku] = record
        finally:
            if enabled:
                gc.enable()
        return cls._of(records.finish())

    def __len__(self) -> int:
        return len(self.skus)

    def __contains__(self, sku: object) -> bool:
        return sku in self.skus

    def __iter__(self) -> Iterator[SkuRecord]:
        """The records, in no particular order."""
        return iter(self.skus.values())

    def get(self, sku: str) -> SkuRecord | None:
        """The record of ``sku``, or ``None``."""
        return self.skus.get(cast(Sku, sku))

    def record(self, sku: str) -> SkuRecord:
        """The record of ``sku``; raises ``MissingDataError`` if unknown."""
        record = self.skus.get(cast(Sku, sku))
        if record is None:
            raise MissingDataError(f"no SKU `{excerpt(sku)}` in the catalogue")
        return record

    def listing(self, sku: str, marketplace: Marketplace) -> Listing | None:
        """The listing of ``sku`` in ``marketplace``, if there is one."""
        record = self.skus.get(cast(Sku, sku))
        return None if record is None else record.listing(marketplace)

    def with_record(self, record: SkuRecord) -> Catalog:
        """A copy with ``record`` added, or replacing its SKU's record."""
        if not isinstance(record, SkuRecord):
            raise InvalidValueError(
                f"`{excerpt(record, as_repr=True)}` is not a SkuRecord",
                field="record",
            )
        return Catalog._of(self.skus.set(record.sku, record))


_set_skus = Catalog.__dict__["skus"].__set__
