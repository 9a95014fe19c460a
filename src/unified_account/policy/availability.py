"""How many units each marketplace can sell, and why.

Rules: ``mfn-inventory``, ``fba-pool-separation``,
``marketplace-specific-deletion``, ``per-marketplace-listing``.

For one SKU in one marketplace:

- no listing there, or an inactive one: nothing (``per-marketplace-listing``:
  listings are per marketplace);
- a deleted listing: nothing (``marketplace-specific-deletion``);
- a merchant-fulfilled listing: the SKU's whole merchant-fulfilled pool,
  the same number in every marketplace where it is listed, never the sum
  (``mfn-inventory``).  A pool at zero takes every merchant-fulfilled
  listing of the SKU off offer, as inactive but not deleted, until it is
  restocked (``marketplace-specific-deletion``);
- an FBA listing: the units in that country's FBA pool, and never any
  other country's (``fba-pool-separation``).  Under an edition with
  Remote Fulfillment with FBA, the FBA listing of a SKU the seller
  enrolled for that marketplace (Amazon.ca, Amazon.com.mx, and
  Amazon.com.br where the edition includes it) is served from the US
  pool: it shows the US units, the same units as on Amazon.com, never
  added to a local pool; a sale there draws from the US pool.  Units in
  that marketplace's own FBA pool are *undetermined* (what Amazon does
  with local stock of an enrolled SKU is not published; once un-enrolled
  it "will remain for sale in the marketplace where it's located"):
  counted neither as sellable nor as zero (:attr:`Cell.undetermined`).

The single-cell questions (:func:`available_quantity`,
:func:`offer_status`) return each answer with its reasons; the
whole-catalogue ones (:func:`availability_table`, :func:`offerable_skus`)
read the quantities every :class:`~unified_account.model.catalog.SkuRecord`
computed when it was built, and give the rules once for the whole table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs
import immutables

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..decision import ParamValue, Reason, Resolved, _ordered, _resolved
from ..edition import FAQ, Edition
from ..errors import MissingDataError
from ..messages import N_
from ..model.catalog import AMERICAS, Catalog, SkuRecord
from ..model.identifiers import Sku
from ..model.inventory import MfnArrangement, MfnPool
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .eligibility import scope_marketplaces
from .listings import already_deleted, not_listed

__all__ = [
    "AvailabilityTable",
    "Cell",
    "active_marketplaces",
    "availability_table",
    "available_quantity",
    "explain_cell",
    "mfn_marketplaces",
    "offer_status",
    "offerable_skus",
    "record_active_marketplaces",
    "remotely_served",
]


_CATALOGUE_ORDER = {m: i for i, m in enumerate(Marketplace)}

# Enum members read once: reading one from its class runs Python code
# (``EnumType``'s look-up), and a cell reads several.
_ACTIVE = ListingStatus.ACTIVE
_INACTIVE = ListingStatus.INACTIVE
_DELETED = ListingStatus.DELETED
_MFN = FulfillmentChannel.MFN
_SHARED = MfnArrangement.SHARED
_MFN_INVENTORY = RuleKey.MFN_INVENTORY
_FBA_POOL_SEPARATION = RuleKey.FBA_POOL_SEPARATION
_DELETION = RuleKey.MARKETPLACE_SPECIFIC_DELETION
_PER_MARKETPLACE_LISTING = RuleKey.PER_MARKETPLACE_LISTING


def mfn_marketplaces(record: SkuRecord) -> tuple[Marketplace, ...]:
    """Where ``record`` has an active merchant-fulfilled listing."""
    return tuple(
        [
            listing.marketplace
            for listing in record.listings
            if listing.channel is _MFN and listing.status is _ACTIVE
        ]
    )


@attrs.frozen
class Cell:
    """One SKU in one marketplace: its offer status and sellable units.

    ``status`` is ``None`` where the SKU has no listing; a merchant-
    fulfilled listing whose pool is at zero is ``INACTIVE`` whatever the
    seller set: for a shared pool by the ``marketplace-specific-deletion``
    exception (in every marketplace at once), for a separate SKU by
    ``mfn-inventory`` alone.  ``reasons`` are the rules that decided.
    ``undetermined`` are units that may or may not be sellable there
    besides ``quantity``: the local FBA units of a SKU served by Remote
    Fulfillment (a reason says so); 0 everywhere else.

    .. versionchanged:: 0.2.0
       ``undetermined``.
    """

    status: ListingStatus | None
    quantity: int
    reasons: tuple[Reason, ...]
    undetermined: int = 0


# A cell while it is worked out: (status, quantity, reasons,
# undetermined), the fields of :class:`Cell`.
_Explained = tuple[ListingStatus | None, int, tuple[Reason, ...], int]


def _pool_offers(pool: MfnPool) -> bool:
    """Whether a merchant-fulfilled pool keeps its listings on offer.

    At zero they are off offer (``INACTIVE``), whatever the seller set.
    """
    return pool.quantity != 0


def _offered(record: SkuRecord, listing: Listing) -> bool:
    """Whether ``listing``'s offer is up: :func:`explain_cell` says ACTIVE.

    Without the reasons, so a catalogue's active marketplaces cost no
    more than a look at each listing: an active listing is offered,
    merchant-fulfilled only while its pool has units; every other cell
    of an active listing (FBA, Remote Fulfillment) is ``ACTIVE``.
    """
    return listing.status is ListingStatus.ACTIVE and (
        listing.channel is not FulfillmentChannel.MFN
        or _pool_offers(record.mfn)
    )


def _mfn_cell(record: SkuRecord, marketplace: Marketplace) -> _Explained:
    pool = record.mfn
    quantity = pool.quantity
    sku = record.sku
    shared = pool.arrangement is _SHARED
    listed = mfn_marketplaces(record)
    # The values were checked when the record was built: the reasons
    # only take their parameters in name order.
    reason = _ordered(
        _MFN_INVENTORY,
        N_("mfn-inventory.shared") if shared else N_("mfn-inventory.separate"),
        (
            ("marketplace", marketplace),
            ("marketplaces", listed),
            ("quantity", quantity),
            ("sku", sku),
        ),
    )
    if _pool_offers(pool):
        return _ACTIVE, quantity, (reason,), 0
    if not shared:
        # Out of stock in its one marketplace: off offer there, as any
        # merchant-fulfilled listing at zero, but not by the shared-pool
        # exception of ``marketplace-specific-deletion``.
        return _INACTIVE, 0, (reason,), 0
    off_offer = _ordered(
        _DELETION,
        N_("marketplace-specific-deletion.zero-quantity"),
        (("marketplaces", listed), ("sku", sku)),
    )
    return _INACTIVE, 0, (reason, off_offer), 0


def remotely_served(
    record: SkuRecord, marketplace: Marketplace, edition: Edition
) -> bool:
    """Whether the US FBA pool serves ``record``'s offer in ``marketplace``.

    True under an edition with Remote Fulfillment, for a marketplace the
    edition serves remotely and the seller enrolled the SKU for.

    .. versionadded:: 0.2.0
    """
    return (
        marketplace in record.remote_fulfillment
        and marketplace in edition.remote_fulfillment_marketplaces
    )


def _remote_cell(record: SkuRecord, marketplace: Marketplace) -> _Explained:
    quantity = record.fba.get(Marketplace.US, 0)
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
        "quantity": quantity,
        "pool": Marketplace.US,
    }
    reason = Reason(
        _FBA_POOL_SEPARATION, N_("fba-pool-separation.remote"), params
    )
    local = record.fba.get(marketplace, 0)
    if not local:
        return _ACTIVE, quantity, (reason,), 0
    unknown = Reason(
        _FBA_POOL_SEPARATION,
        N_("fba-pool-separation.remote-local-unknown"),
        {
            "sku": record.sku,
            "marketplace": marketplace,
            "local": local,
            "pool": Marketplace.US,
        },
    )
    return _ACTIVE, quantity, (reason, unknown), local


def _fba_cell(record: SkuRecord, marketplace: Marketplace) -> _Explained:
    fba = record.fba
    quantity = fba.get(marketplace, 0)
    # The other countries holding stock, in catalogue order: asked only
    # when this country has none.
    elsewhere = (
        ()
        if quantity
        else tuple(
            sorted(
                (
                    m
                    for m, units in fba.items()
                    if units and m is not marketplace
                ),
                key=_CATALOGUE_ORDER.__getitem__,
            )
        )
    )
    if not elsewhere:
        reason = _ordered(
            _FBA_POOL_SEPARATION,
            N_("fba-pool-separation.pool"),
            (
                ("marketplace", marketplace),
                ("quantity", quantity),
                ("sku", record.sku),
            ),
        )
    else:
        reason = _ordered(
            _FBA_POOL_SEPARATION,
            N_("fba-pool-separation.not-here"),
            (
                ("elsewhere", elsewhere),
                ("marketplace", marketplace),
                ("quantity", quantity),
                ("sku", record.sku),
                ("units", sum(fba[m] for m in elsewhere)),
            ),
        )
    return _ACTIVE, quantity, (reason,), 0


def _explain(
    record: SkuRecord, marketplace: Marketplace, edition: Edition
) -> _Explained:
    """:func:`explain_cell`'s answer, as the fields of a :class:`Cell`."""
    for listing in record.listings:
        if listing.marketplace is marketplace:
            break
    else:
        return None, 0, (not_listed(record.sku, marketplace),), 0
    status = listing.status
    if status is _DELETED:
        return status, 0, (already_deleted(record.sku, marketplace),), 0
    if status is _INACTIVE:
        return (
            status,
            0,
            (
                _ordered(
                    _PER_MARKETPLACE_LISTING,
                    N_("per-marketplace-listing.inactive"),
                    (("marketplace", marketplace), ("sku", record.sku)),
                ),
            ),
            0,
        )
    if listing.channel is _MFN:
        return _mfn_cell(record, marketplace)
    if (
        marketplace in record.remote_fulfillment
        and marketplace in edition.remote_fulfillment_marketplaces
    ):
        return _remote_cell(record, marketplace)
    return _fba_cell(record, marketplace)


def explain_cell(
    record: SkuRecord, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Cell:
    """The offer status and sellable units of ``record`` in ``marketplace``.

    .. versionchanged:: 0.2.0
       ``edition``: Remote Fulfillment serves enrolled SKUs from the US
       pool.
    """
    return Cell(*_explain(record, marketplace, edition))


def cell_reasons(
    record: SkuRecord, marketplace: Marketplace, edition: Edition
) -> tuple[Reason, ...]:
    """The reasons of :func:`explain_cell`, without the cell.

    For the report, which states the reasons of every listing's cell.
    """
    return _explain(record, marketplace, edition)[2]


def _record(catalog: Catalog, sku: str) -> SkuRecord:
    # ``Catalog.record``, without the argument check its callers made.
    # A SKU is text: no ``Sku(...)`` call to tell the type checker so.
    record: SkuRecord | None = catalog.skus.get(sku)  # type: ignore[call-overload]
    if record is None:
        raise MissingDataError(f"no SKU `{excerpt(sku)}` in the catalogue")
    return record


def available_quantity(
    catalog: Catalog,
    sku: str,
    marketplace: Marketplace,
    *,
    edition: Edition = FAQ,
) -> Resolved[int]:
    """The units of ``sku`` that ``marketplace`` can sell, with the rules.

    Units that may or may not be sellable (the local FBA units of a SKU
    served by Remote Fulfillment) are not counted; a reason names them.
    An unknown SKU raises
    :class:`~unified_account.errors.MissingDataError`.
    """
    _, quantity, reasons, _ = _explain(
        _record(catalog, sku), marketplace, edition
    )
    return _resolved(quantity, reasons)


def offer_status(
    catalog: Catalog,
    sku: str,
    marketplace: Marketplace,
    *,
    edition: Edition = FAQ,
) -> Resolved[ListingStatus | None]:
    """Whether ``sku`` is offered in ``marketplace``, with the rules.

    ``ACTIVE``, ``INACTIVE`` or ``DELETED``, or ``None`` where the SKU has
    no listing.  A merchant-fulfilled listing whose pool is at zero reads
    ``INACTIVE`` (off offer, not deleted) until the pool is restocked.
    """
    status, _, reasons, _ = _explain(
        _record(catalog, sku), marketplace, edition
    )
    return _resolved(status, reasons)


def _table_reasons(columns: tuple[Marketplace, ...]) -> tuple[Reason, ...]:
    params = {"marketplaces": columns}
    return (
        Reason(
            RuleKey.PER_MARKETPLACE_LISTING,
            N_("per-marketplace-listing.table"),
            params,
        ),
        Reason(RuleKey.MFN_INVENTORY, N_("mfn-inventory.table"), params),
        Reason(
            RuleKey.FBA_POOL_SEPARATION,
            N_("fba-pool-separation.table"),
            params,
        ),
        Reason(
            RuleKey.MARKETPLACE_SPECIFIC_DELETION,
            N_("marketplace-specific-deletion.table"),
            params,
        ),
    )


@checked_methods
@attrs.frozen(eq=False)
class AvailabilityTable:
    """Sellable units for every SKU of a catalogue in every marketplace.

    ``marketplaces`` are the columns.  :meth:`row` gives a SKU's units in
    that order, :meth:`quantity` one cell; iterating gives every cell as
    ``(sku, marketplace, quantity)``.  Two tables are equal when they have
    the same columns and the same units in every cell.  Build one with
    :func:`availability_table`.
    """

    marketplaces: tuple[Marketplace, ...]
    by_sku: Mapping[str, tuple[int, ...]] = attrs.field(repr=False)
    """Each SKU's sellable units in the order of
    :data:`~unified_account.model.catalog.AMERICAS` (a read-only mapping)."""

    def _positions(self) -> tuple[int, ...]:
        return tuple(AMERICAS.index(m) for m in self.marketplaces)

    def _units(self, sku: str) -> tuple[int, ...]:
        try:
            return self.by_sku[sku]
        except (KeyError, TypeError):  # TypeError: an unhashable sku
            raise MissingDataError(
                f"sku `{excerpt(sku)}` is not in the availability table"
            ) from None

    def row(self, sku: str) -> tuple[int, ...]:
        """The units of ``sku`` in each of :attr:`marketplaces`.

        A SKU not in the table raises
        :class:`~unified_account.errors.MissingDataError`.
        """
        quantities = self._units(sku)
        return tuple(quantities[i] for i in self._positions())

    def quantity(self, sku: str, marketplace: Marketplace) -> int:
        """The units of ``sku`` that ``marketplace`` can sell.

        A SKU or marketplace not in the table raises
        :class:`~unified_account.errors.MissingDataError`.
        """
        quantities = self._units(sku)
        if marketplace not in self.marketplaces:
            raise MissingDataError(
                f"marketplace `{excerpt(marketplace)}` is not a column of the "
                "availability table"
            )
        return quantities[AMERICAS.index(marketplace)]

    def __len__(self) -> int:
        return len(self.by_sku)

    def __contains__(self, sku: object) -> bool:
        return sku in self.by_sku

    def __iter__(self) -> Iterator[tuple[str, Marketplace, int]]:
        """Every cell as ``(sku, marketplace, quantity)``."""
        columns = tuple(zip(self.marketplaces, self._positions(), strict=True))
        for sku, quantities in self.by_sku.items():
            for marketplace, position in columns:
                yield sku, marketplace, quantities[position]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AvailabilityTable):
            return NotImplemented
        return self.marketplaces == other.marketplaces and set(self) == set(
            other
        )

    __hash__ = None  # type: ignore[assignment]


def availability_table(
    catalog: Catalog, *, edition: Edition = FAQ
) -> Resolved[AvailabilityTable]:
    """Sellable units of every SKU in every marketplace of ``edition``.

    One pass over the catalogue, reading the units each record computed
    when it was built; every cell equals :func:`available_quantity` for
    that SKU and marketplace.
    """
    columns = scope_marketplaces(edition=edition)
    remote = edition.remote_fulfillment_marketplaces
    by_sku: dict[str, tuple[int, ...]] = {
        record.sku: (
            _remote_row(record, edition)
            if remote and record.remote_fulfillment
            else record.sellable_quantities
        )
        for record in catalog.skus.values()
    }
    table = AvailabilityTable(columns, immutables.Map(by_sku))
    return Resolved(table, _table_reasons(columns))


def _remote_row(record: SkuRecord, edition: Edition) -> tuple[int, ...]:
    return tuple(
        explain_cell(record, m, edition=edition).quantity
        if remotely_served(record, m, edition)
        else units
        for m, units in zip(AMERICAS, record.sellable_quantities, strict=True)
    )


def offerable_skus(
    catalog: Catalog, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Resolved[frozenset[Sku]]:
    """The SKUs ``marketplace`` offers now: active, with units to sell."""
    remote = marketplace in edition.remote_fulfillment_marketplaces
    skus = frozenset(
        record.sku
        for record in catalog.skus.values()
        if (
            explain_cell(record, marketplace, edition=edition).quantity
            if remote and marketplace in record.remote_fulfillment
            else record.sellable(marketplace)
        )
        > 0
    )
    return Resolved(skus, _table_reasons((marketplace,)))


def active_marketplaces(catalog: Catalog) -> tuple[Marketplace, ...]:
    """The marketplaces where at least one listing is active and offered.

    "Active listings" as the split subscription counts them: a listing
    whose offer status (:func:`offer_status`) is ``ACTIVE``.

    .. versionadded:: 0.2.0
    """
    found: set[Marketplace] = set()
    for record in catalog.skus.values():
        for listing in record.listings:
            marketplace = listing.marketplace
            # One active listing is enough: a marketplace already found
            # is not explained again (a catalogue lists in a handful).
            if marketplace not in found and _offered(record, listing):
                found.add(marketplace)
    return tuple(m for m in Marketplace if m in found)


def record_active_marketplaces(record: SkuRecord) -> frozenset[Marketplace]:
    """The marketplaces where ``record`` has an active, offered listing.

    :func:`active_marketplaces` is the union of these over a catalogue's
    records, so it can be kept current one record at a time.
    """
    return frozenset(
        listing.marketplace
        for listing in record.listings
        if _offered(record, listing)
    )
