"""Strategies for SKUs, listings, stock pools, catalogues and snapshots."""

from __future__ import annotations

import functools

import attrs
import immutables
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model.account import (
    SellerAccount,
)
from ..model.attributes import AttributeText, AttributeValue
from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.inventory import MfnArrangement, MfnPool
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..snapshot import Snapshot
from ._core import marketplaces, money, seller_accounts


def _any_skus() -> st.SearchStrategy[Sku]:
    return skus()


def _scope_marketplaces() -> st.SearchStrategy[Marketplace]:
    return marketplaces(in_scope=True)


def skus() -> st.SearchStrategy[Sku]:
    """Seller SKUs: 1 to 40 printable ASCII characters, no outer space.

    Requires hypothesis.  Shrinks towards one character.
    """
    edge = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
    inner = st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=38
    )
    return st.one_of(
        edge.map(to_sku),
        st.builds(lambda a, b, c: to_sku(a + b + c), edge, inner, edge),
    )


def asins() -> st.SearchStrategy[Asin]:
    """ASINs: 10 capital letters or digits.  Requires hypothesis."""
    return st.text(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=10, max_size=10
    ).map(to_asin)


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


# Letters of the three NA languages and of the FAQ's, digits, punctuation.
_TITLE_START = "AaBbCcÉéÑñÇç0123456789商品訊息库存"
_TITLES = st.builds(
    str.__add__,
    st.sampled_from(_TITLE_START),
    st.text(_TITLE_START + " -,.()'&/«»", max_size=19),
)

_QUANTITIES = st.integers(0, 10_000)


def listings(
    *,
    skus: st.SearchStrategy[Sku] | None = None,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    channels: st.SearchStrategy[FulfillmentChannel] | None = None,
    statuses: st.SearchStrategy[ListingStatus] | None = None,
) -> st.SearchStrategy[Listing]:
    """Listings priced in their marketplace's currency.

    ``marketplaces`` defaults to those of the FAQ scope.  Requires
    hypothesis.  Shrinks towards an active merchant-fulfilled listing on
    Amazon.com at the lowest price.
    """
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
        )

    return build()


_ATTRIBUTES = st.dictionaries(
    st.sampled_from(("color", "size", "material")), _TITLES, max_size=1
)


def attribute_values(
    *,
    texts: st.SearchStrategy[str] | None = None,
    language_tags: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[AttributeText]:
    """Key attribute values: plain text, or text with a language tag.

    ``texts`` defaults to ``"A"`` or ``"B"`` (so equal values are
    likely); ``language_tags`` to none or one of ``en_US``, ``fr_CA``,
    ``es_MX``.  Requires hypothesis.  Shrinks towards plain ``"A"``.
    """
    texts = st.sampled_from(("A", "B")) if texts is None else texts
    tags = (
        st.none() | st.sampled_from(("en_US", "fr_CA", "es_MX"))
        if language_tags is None
        else language_tags
    )

    @st.composite
    def build(draw: st.DrawFn) -> AttributeText:
        text, tag = draw(texts), draw(tags)
        return text if tag is None else AttributeValue(text, tag)

    return build()


_KEY_ATTRIBUTES = st.dictionaries(
    st.sampled_from(("color", "model_number")), attribute_values(), max_size=2
)


@functools.cache
def _prices(currency: str) -> st.SearchStrategy[Money]:
    return money(currencies=st.just(currency), max_minor_units=10**7)


def _draw_listing(
    draw: st.DrawFn,
    sku: Sku,
    marketplace: Marketplace,
    channel: FulfillmentChannel,
    statuses: st.SearchStrategy[ListingStatus],
) -> Listing:
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title=draw(_TITLES),
        price=draw(_prices(marketplace.currency)),
        channel=channel,
        status=draw(statuses),
        attributes=draw(_ATTRIBUTES | _KEY_ATTRIBUTES),
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
    remote: st.SearchStrategy[frozenset[Marketplace]] | None = None,
) -> st.SearchStrategy[SkuRecord]:
    """SKU records: a SKU, its pools, and a listing in some marketplaces.

    ``marketplaces`` draws where the SKU is listed (default: any subset of
    the FAQ scope); ``channels`` and ``statuses`` draw each listing's.  A
    separate SKU is merchant-fulfilled only in its own marketplace: where
    a listing would break that, it is FBA instead.  ``remote`` draws the
    Remote Fulfillment enrolment (default: none, or some of CA and MX); an
    enrolled SKU's listings are all FBA.  Requires hypothesis.  Shrinks
    towards a SKU with an empty shared pool, no listings, not enrolled.
    """
    if remote is None:
        remote = st.frozensets(
            st.sampled_from((Marketplace.CA, Marketplace.MX))
        )
    skus = _any_skus() if skus is None else skus
    mfn = mfn_pools() if mfn is None else mfn
    fba = fba_pools() if fba is None else fba
    if marketplaces is None:
        marketplaces = st.frozensets(_scope_marketplaces())
    channels = fulfillment_channels() if channels is None else channels
    statuses = listing_statuses() if statuses is None else statuses

    @st.composite
    def build(draw: st.DrawFn) -> SkuRecord:
        sku = draw(skus)
        pool = draw(mfn)
        enrolled = draw(remote)
        built = []
        for marketplace in sorted(draw(marketplaces), key=_catalogue_order):
            channel = draw(channels)
            if channel is FulfillmentChannel.MFN and (
                enrolled
                or (not pool.is_shared and marketplace is not pool.marketplace)
            ):
                channel = FulfillmentChannel.FBA
            built.append(
                _draw_listing(draw, sku, marketplace, channel, statuses)
            )
        return SkuRecord(
            sku=sku,
            asin=draw(st.none() | asins()),
            mfn=pool,
            fba=draw(fba),
            listings=built,
            remote_fulfillment=enrolled,
        )

    return build()


def _catalogue_order(marketplace: Marketplace) -> int:
    return list(Marketplace).index(marketplace)


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
    records = sku_records() if records is None else records
    return st.lists(
        records, max_size=max_skus, unique_by=lambda record: record.sku
    ).map(Catalog)


def snapshots(
    *,
    accounts: st.SearchStrategy[SellerAccount] | None = None,
    separate: st.SearchStrategy[list[SellerAccount]] | None = None,
    catalogs: st.SearchStrategy[Catalog] | None = None,
) -> st.SearchStrategy[Snapshot]:
    """Seller snapshots with distinct seller ids.

    ``catalogs``: the catalogue (default: small catalogues of any shape).
    Requires hypothesis.
    """
    accounts = seller_accounts() if accounts is None else accounts
    separate = (
        st.lists(seller_accounts(), max_size=2)
        if separate is None
        else separate
    )
    catalogs = _catalogs(max_skus=3) if catalogs is None else catalogs

    @st.composite
    def build(draw: st.DrawFn) -> Snapshot:
        main = draw(accounts)
        seen = {main.seller_id}
        others = []
        for index, other in enumerate(draw(separate)):
            while other.seller_id in seen:
                other = attrs.evolve(
                    other, seller_id=f"{other.seller_id}X{index}"
                )
            seen.add(other.seller_id)
            others.append(other)
        return Snapshot(
            account=main, separate_accounts=others, catalog=draw(catalogs)
        )

    return build()
