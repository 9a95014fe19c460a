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
from ..decision import ParamValue, Reason, Resolved
from ..edition import FAQ, Edition
from ..errors import MissingDataError
from ..messages import N_
from ..model.catalog import AMERICAS, Catalog, SkuRecord
from ..model.identifiers import Sku
from ..model.inventory import MfnPool
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


def mfn_marketplaces(record: SkuRecord) -> tuple[Marketplace, ...]:
    """Where ``record`` has an active merchant-fulfilled listing."""
    return tuple(
        listing.marketplace
        for listing in record.listings
        if listing.channel is FulfillmentChannel.MFN
        and listing.status is ListingStatus.ACTIVE
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


def _mfn_cell(record: SkuRecord, marketplace: Marketplace) -> Cell:
    pool = record.mfn
    listed = mfn_marketplaces(record)
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
        "quantity": pool.quantity,
        "marketplaces": listed,
    }
    if pool.is_shared:
        reason = Reason._of(
            RuleKey.MFN_INVENTORY, N_("mfn-inventory.shared"), params
        )
    else:
        reason = Reason._of(
            RuleKey.MFN_INVENTORY, N_("mfn-inventory.separate"), params
        )
    if _pool_offers(pool):
        return Cell(ListingStatus.ACTIVE, pool.quantity, (reason,))
    if not pool.is_shared:
        # Out of stock in its one marketplace: off offer there, as any
        # merchant-fulfilled listing at zero, but not by the shared-pool
        # exception of ``marketplace-specific-deletion``.
        return Cell(ListingStatus.INACTIVE, 0, (reason,))
    off_offer = Reason._of(
        RuleKey.MARKETPLACE_SPECIFIC_DELETION,
        N_("marketplace-specific-deletion.zero-quantity"),
        {"sku": record.sku, "marketplaces": listed},
    )
    return Cell(ListingStatus.INACTIVE, 0, (reason, off_offer))


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


def _remote_cell(record: SkuRecord, marketplace: Marketplace) -> Cell:
    quantity = record.fba.get(Marketplace.US, 0)
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
        "quantity": quantity,
        "pool": Marketplace.US,
    }
    reason = Reason(
        RuleKey.FBA_POOL_SEPARATION, N_("fba-pool-separation.remote"), params
    )
    local = record.fba.get(marketplace, 0)
    if not local:
        return Cell(ListingStatus.ACTIVE, quantity, (reason,))
    unknown = Reason(
        RuleKey.FBA_POOL_SEPARATION,
        N_("fba-pool-separation.remote-local-unknown"),
        {
            "sku": record.sku,
            "marketplace": marketplace,
            "local": local,
            "pool": Marketplace.US,
        },
    )
    return Cell(ListingStatus.ACTIVE, quantity, (reason, unknown), local)


def _fba_cell(record: SkuRecord, marketplace: Marketplace) -> Cell:
    fba = record.fba
    quantity = fba.get(marketplace, 0)
    # The other countries holding stock, in catalogue order.
    elsewhere = tuple(
        sorted(
            (m for m, units in fba.items() if units and m is not marketplace),
            key=_CATALOGUE_ORDER.__getitem__,
        )
    )
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
        "quantity": quantity,
    }
    if quantity or not elsewhere:
        reason = Reason._of(
            RuleKey.FBA_POOL_SEPARATION, N_("fba-pool-separation.pool"), params
        )
    else:
        params["elsewhere"] = elsewhere
        params["units"] = sum(record.fba[m] for m in elsewhere)
        reason = Reason._of(
            RuleKey.FBA_POOL_SEPARATION,
            N_("fba-pool-separation.not-here"),
            params,
        )
    return Cell(ListingStatus.ACTIVE, quantity, (reason,))


def explain_cell(
    record: SkuRecord, marketplace: Marketplace, *, edition: Edition = FAQ
) -> Cell:
    """The offer status and sellable units of ``record`` in ``marketplace``.

    .. versionchanged:: 0.2.0
       ``edition``: Remote Fulfillment serves enrolled SKUs from the US
       pool.
    """
    listing = record.listing(marketplace)
    params: dict[str, ParamValue] = {
        "sku": record.sku,
        "marketplace": marketplace,
    }
    if listing is None:
        return Cell(None, 0, (not_listed(record.sku, marketplace),))
    if listing.status is ListingStatus.DELETED:
        return Cell(
            ListingStatus.DELETED,
            0,
            (already_deleted(record.sku, marketplace),),
        )
    if listing.status is ListingStatus.INACTIVE:
        return Cell(
            ListingStatus.INACTIVE,
            0,
            (
                Reason._of(
                    RuleKey.PER_MARKETPLACE_LISTING,
                    N_("per-marketplace-listing.inactive"),
                    params,
                ),
            ),
        )
    if listing.channel is FulfillmentChannel.MFN:
        return _mfn_cell(record, marketplace)
    if remotely_served(record, marketplace, edition):
        return _remote_cell(record, marketplace)
    return _fba_cell(record, marketplace)


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
    cell = explain_cell(catalog.record(sku), marketplace, edition=edition)
    return Resolved(cell.quantity, cell.reasons)


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
    cell = explain_cell(catalog.record(sku), marketplace, edition=edition)
    return Resolved(cell.status, cell.reasons)


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
