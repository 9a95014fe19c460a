"""Strategies for SKUs, listings, stock pools and catalogues."""

from __future__ import annotations

import functools

import attrs
import immutables
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.inventory import MfnArrangement, MfnPool
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._blob import ATTRIBUTES, SCOPE, SKU_STEMS, TITLES, Reader, blobs
from ._core import check_flag, marketplaces, money


def _any_skus() -> st.SearchStrategy[Sku]:
    return skus()


def _scope_marketplaces() -> st.SearchStrategy[Marketplace]:
    return marketplaces(in_scope=True)


# A SKU is a stem and a number: two choices, where free text of up to 40
# characters cost Hypothesis one choice a character.  The stems cover the
# shapes the model accepts: one character, inner spaces, every printable
# ASCII punctuation mark, the longest length.
_SKUS = st.builds(
    lambda stem, number: to_sku(f"{stem}{number}"),
    st.sampled_from(SKU_STEMS),
    st.integers(0, 9999),
)


def skus() -> st.SearchStrategy[Sku]:
    """Seller SKUs: 1 to 40 printable ASCII characters, no outer space.

    Requires hypothesis.  Shrinks towards ``0``.
    """
    return _SKUS


def _base36(number: int, width: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = []
    for _ in range(width):
        number, digit = divmod(number, 36)
        digits.append(alphabet[digit])
    return "".join(reversed(digits))


_ASINS = st.integers(0, 36**10 - 1).map(lambda n: to_asin(_base36(n, 10)))


def asins() -> st.SearchStrategy[Asin]:
    """ASINs: 10 capital letters or digits.

    Requires hypothesis.  Shrinks towards ``0000000000``.
    """
    return _ASINS


def listing_statuses() -> st.SearchStrategy[ListingStatus]:
    """Listing statuses; shrinks towards active.  Requires hypothesis."""
    return st.sampled_from(ListingStatus)


def fulfillment_channels() -> st.SearchStrategy[FulfillmentChannel]:
    """MFN or FBA; shrinks towards MFN.  Requires hypothesis."""
    return st.sampled_from(FulfillmentChannel)


def mfn_arrangements() -> st.SearchStrategy[MfnArrangement]:
    """Shared pool or separate SKU; shrinks towards shared.

    Requires hypothesis.
    """
    return st.sampled_from(MfnArrangement)


# Titles in the three languages of North America and the FAQ's two
# Chinese scripts, with digits and punctuation: one choice each.
_TITLES = st.sampled_from(TITLES)

_QUANTITIES = st.integers(0, 10_000)


def listings(
    *,
    skus: st.SearchStrategy[Sku] | None = None,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    channels: st.SearchStrategy[FulfillmentChannel] | None = None,
    statuses: st.SearchStrategy[ListingStatus] | None = None,
    allow_zero_price: bool = False,
) -> st.SearchStrategy[Listing]:
    """Listings priced in their marketplace's currency.

    ``marketplaces`` defaults to those of the FAQ scope.  Prices are
    positive unless ``allow_zero_price`` is true.  Requires hypothesis.
    Shrinks towards an active merchant-fulfilled listing on Amazon.com at
    the lowest price.
    """
    check_flag("allow_zero_price", allow_zero_price)
    skus = _any_skus() if skus is None else skus
    marketplaces = (
        _scope_marketplaces() if marketplaces is None else marketplaces
    )
    channels = fulfillment_channels() if channels is None else channels
    statuses = listing_statuses() if statuses is None else statuses

    @st.composite
    def build(draw: st.DrawFn) -> Listing:
        return _draw_listing(
            draw,
            draw(skus),
            draw(marketplaces),
            draw(channels),
            statuses,
            allow_zero_price,
        )

    return build()


_ATTRIBUTES = st.sampled_from(ATTRIBUTES)


@functools.cache
def _prices(currency: str, allow_zero: bool) -> st.SearchStrategy[Money]:
    return money(
        currencies=st.just(currency),
        min_minor_units=0 if allow_zero else 1,
        max_minor_units=10**7,
    )


def _draw_listing(
    draw: st.DrawFn,
    sku: Sku,
    marketplace: Marketplace,
    channel: FulfillmentChannel,
    statuses: st.SearchStrategy[ListingStatus],
    allow_zero_price: bool,
) -> Listing:
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title=draw(_TITLES),
        price=draw(_prices(marketplace.currency, allow_zero_price)),
        channel=channel,
        status=draw(statuses),
        attributes=draw(_ATTRIBUTES),
    )


def mfn_pools(
    *,
    arrangements: st.SearchStrategy[MfnArrangement] | None = None,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    quantities: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[MfnPool]:
    """Merchant-fulfilled pools, shared or separate.

    ``marketplaces``: where a separate SKU sells (default: the FAQ
    scope).  ``quantities`` must draw whole numbers of at least 0.
    Requires hypothesis.  Shrinks towards an empty shared pool.
    """
    arrangements = mfn_arrangements() if arrangements is None else arrangements
    marketplaces = (
        _scope_marketplaces() if marketplaces is None else marketplaces
    )
    quantities = _QUANTITIES if quantities is None else quantities

    @st.composite
    def build(draw: st.DrawFn) -> MfnPool:
        quantity = draw(quantities)
        if draw(arrangements) is MfnArrangement.SHARED:
            return MfnPool.shared(quantity)
        return MfnPool.separate(draw(marketplaces), quantity)

    return build()


def fba_pools(
    *,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    quantities: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[immutables.Map[Marketplace, int]]:
    """FBA pools: units per country, as a SKU record holds them.

    Requires hypothesis.  Shrinks towards no pools.
    """
    marketplaces = (
        _scope_marketplaces() if marketplaces is None else marketplaces
    )
    quantities = _QUANTITIES if quantities is None else quantities
    return st.dictionaries(marketplaces, quantities, max_size=3).map(
        immutables.Map
    )


def sku_records(
    *,
    skus: st.SearchStrategy[Sku] | None = None,
    mfn: st.SearchStrategy[MfnPool] | None = None,
    fba: st.SearchStrategy[immutables.Map[Marketplace, int]] | None = None,
    marketplaces: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    channels: st.SearchStrategy[FulfillmentChannel] | None = None,
    statuses: st.SearchStrategy[ListingStatus] | None = None,
    allow_zero_price: bool = False,
) -> st.SearchStrategy[SkuRecord]:
    """SKU records: a SKU, its pools, and a listing in some marketplaces.

    Each argument draws what it names, and nothing else decides it:
    ``skus`` the SKU, ``mfn`` and ``fba`` its pools, ``marketplaces`` the
    marketplaces it may be listed in (default: any subset of the FAQ
    scope), ``channels`` and ``statuses`` each listing's channel and
    status.  A separate SKU is merchant-fulfilled only in its own
    marketplace, so where ``channels`` draws MFN for another marketplace
    that listing is left out (never switched to FBA).  Prices are
    positive unless ``allow_zero_price`` is true.  Requires hypothesis.
    Shrinks towards a SKU with an empty shared pool and no listings.
    """
    check_flag("allow_zero_price", allow_zero_price)
    parts = _Parts(skus, mfn, fba, marketplaces, channels, statuses)

    @st.composite
    def build(draw: st.DrawFn) -> SkuRecord:
        return _record(
            draw, Reader(draw(_RECORD_BYTES)), parts, None, allow_zero_price
        )

    return build()


_RECORD_SIZE = 40
_RECORD_BYTES = blobs(_RECORD_SIZE)


@attrs.frozen
class _Parts:
    """The strategies a caller gave for the parts of a record, if any."""

    skus: st.SearchStrategy[Sku] | None
    mfn: st.SearchStrategy[MfnPool] | None
    fba: st.SearchStrategy[immutables.Map[Marketplace, int]] | None
    marketplaces: st.SearchStrategy[frozenset[Marketplace]] | None
    channels: st.SearchStrategy[FulfillmentChannel] | None
    statuses: st.SearchStrategy[ListingStatus] | None


_DEFAULTS = _Parts(None, None, None, None, None, None)


def _record(
    draw: st.DrawFn,
    read: Reader,
    parts: _Parts,
    number: int | None,
    allow_zero_price: bool,
) -> SkuRecord:
    # A part the caller gave a strategy for is drawn from it; the others
    # are read from the record's bytes (see ``_blob``).
    sku = read.sku(number) if parts.skus is None else draw(parts.skus)
    pool = read.pool() if parts.mfn is None else draw(parts.mfn)
    fba = read.fba() if parts.fba is None else draw(parts.fba)
    where = (
        read.subset(SCOPE)
        if parts.marketplaces is None
        else sorted(draw(parts.marketplaces), key=_catalogue_order)
    )
    built = []
    for marketplace in where:
        channel = (
            read.channel() if parts.channels is None else draw(parts.channels)
        )
        status = (
            read.status() if parts.statuses is None else draw(parts.statuses)
        )
        if (
            channel is FulfillmentChannel.MFN
            and not pool.is_shared
            and marketplace is not pool.marketplace
        ):
            continue
        built.append(
            Listing(
                sku=sku,
                marketplace=marketplace,
                title=read.choice(TITLES),
                price=read.price(marketplace.currency, allow_zero_price),
                channel=channel,
                status=status,
                attributes=read.choice(ATTRIBUTES),
            )
        )
    return SkuRecord(
        sku=sku, asin=read.asin(), mfn=pool, fba=fba, listings=built
    )


_ORDER = {marketplace: index for index, marketplace in enumerate(Marketplace)}


def _catalogue_order(marketplace: Marketplace) -> int:
    return _ORDER[marketplace]


def catalogs(
    *,
    records: st.SearchStrategy[SkuRecord] | None = None,
    max_skus: int = 10,
) -> st.SearchStrategy[Catalog]:
    """Catalogues of up to ``max_skus`` SKUs, each SKU once.

    Requires hypothesis.  Shrinks towards the empty catalogue.
    """
    return _catalogs(records=records, max_skus=max_skus)


def _catalogs(
    *, records: st.SearchStrategy[SkuRecord] | None = None, max_skus: int
) -> st.SearchStrategy[Catalog]:
    if max_skus < 0:
        raise InvalidArgument("max_skus must be at least 0")
    if records is not None:
        return st.lists(
            records, max_size=max_skus, unique_by=lambda record: record.sku
        ).map(Catalog)

    # The default: one byte string for the whole catalogue, 40 bytes a
    # record, and SKUs numbered by position, so every SKU is distinct
    # without filtering.
    @st.composite
    def build(draw: st.DrawFn) -> Catalog:
        count = draw(st.integers(0, max_skus))
        data = draw(blobs(_RECORD_SIZE * count))
        return Catalog(
            [
                _record(
                    draw,
                    Reader(data[_RECORD_SIZE * i : _RECORD_SIZE * (i + 1)]),
                    _DEFAULTS,
                    i,
                    False,
                )
                for i in range(count)
            ]
        )

    return build()
