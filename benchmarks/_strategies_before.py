"""The strategies as they were before 0.1.0's speed-up, frozen for comparison.

``bench_strategies.py`` measures the library's current strategies against
these, in the same run.  Copied from the library's history (the commit
before the change), with imports made absolute; not maintained, not
public, only measured.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import functools
from decimal import Decimal

import attrs
import immutables
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from unified_account import (
    EDITIONS,
    FAQ,
    AccountInfo,
    Asin,
    BankAccount,
    Catalog,
    Decision,
    Edition,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    MfnPool,
    Money,
    Outcome,
    Reason,
    Region,
    RuleKey,
    SellerAccount,
    SellingPlan,
    Sku,
    SkuRecord,
    Snapshot,
    to_asin,
    to_sku,
)
from unified_account.model.money import currency_precision


_NA_CURRENCIES = ("USD", "CAD", "MXN")
_UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789"
_AMERICAS = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
_OTHER_CURRENCIES = ("BRL", "EUR", "GBP", "JPY", "SEK", "AUD")


def marketplaces(
    *, in_scope: bool | None = None, edition: Edition = FAQ
) -> st.SearchStrategy[Marketplace]:
    """Marketplaces; ``in_scope`` keeps those in (or out of) ``edition``.

    Requires hypothesis.  Shrinks towards Amazon.com.
    """
    if in_scope is None:
        chosen = list(Marketplace)
    else:
        chosen = [m for m in Marketplace if (m in edition.scope) == in_scope]
    if not chosen:
        raise InvalidArgument("no marketplace matches these arguments")
    return st.sampled_from(chosen)


def currencies(*, north_america: bool | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 codes: USD, CAD, MXN and some others.  Requires hypothesis."""
    if north_america is None:
        return st.sampled_from(_NA_CURRENCIES + _OTHER_CURRENCIES)
    return st.sampled_from(
        _NA_CURRENCIES if north_america else _OTHER_CURRENCIES
    )


def money(
    *,
    currencies: st.SearchStrategy[str] | None = None,
    min_minor_units: int = 0,
    max_minor_units: int = 10**9,
) -> st.SearchStrategy[Money]:
    """Money whose amount is a whole number of the currency's minor units.

    ``min_minor_units`` and ``max_minor_units`` bound the amount in minor
    units (cents for USD, yen for JPY).  Requires hypothesis.  Shrinks
    towards ``min_minor_units``.
    """
    if min_minor_units > max_minor_units:
        raise InvalidArgument("min_minor_units > max_minor_units")
    codes = _currencies_default(currencies)

    @st.composite
    def build(draw: st.DrawFn) -> Money:
        currency = draw(codes)
        units = draw(st.integers(min_minor_units, max_minor_units))
        amount = Decimal(units).scaleb(-currency_precision(currency))
        return Money(amount, currency)

    return build()


def _currencies_default(
    value: st.SearchStrategy[str] | None,
) -> st.SearchStrategy[str]:
    return currencies() if value is None else value


def selling_plans(
    *, professional: bool | None = None
) -> st.SearchStrategy[SellingPlan]:
    """Selling plans; ``professional`` pins one side.  Requires hypothesis."""
    if professional is None:
        return st.sampled_from(SellingPlan)
    return st.just(
        SellingPlan.PROFESSIONAL if professional else SellingPlan.INDIVIDUAL
    )


def seller_ids() -> st.SearchStrategy[str]:
    """Seller ids shaped like SP-API merchant ids.  Requires hypothesis."""
    return st.text(_UPPER_DIGITS, min_size=5, max_size=13).map("A".__add__)


_COUNTRIES = ("US", "CA", "MX", "BR", "GB", "DE", "JP", "CN", "HK", "TW")


def bank_accounts(
    *, currencies: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[BankAccount]:
    """Bank accounts with masked ids.  Requires hypothesis."""
    return st.builds(
        BankAccount,
        country=st.sampled_from(_COUNTRIES),
        currency=_currencies_default(currencies),
        masked_id=st.builds(
            lambda stars, tail: "*" * stars + tail,
            st.integers(2, 8),
            st.text("0123456789", max_size=4),
        ),
    )


# Names start with a letter, so they are never blank: built, not filtered.
_NAMES = st.builds(
    str.__add__,
    st.characters(codec="utf-8", categories=["L"]),
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "Zs")),
        max_size=29,
    ),
)


def account_infos(
    *, banks: st.SearchStrategy[BankAccount] | None = None
) -> st.SearchStrategy[AccountInfo]:
    """Account information, as entered at registration or customised.

    Requires hypothesis.
    """
    return st.builds(
        AccountInfo,
        legal_entity_name=_NAMES,
        address_country=st.sampled_from(_COUNTRIES),
        bank=bank_accounts() if banks is None else banks,
        contact_email=st.builds(
            "{}@{}.example".format,
            st.text(_LOWER_DIGITS, min_size=1, max_size=10),
            st.text(_LOWER_DIGITS, min_size=1, max_size=10),
        ),
        display_name=_NAMES,
    )


def seller_accounts(
    *,
    plans: st.SearchStrategy[SellingPlan] | None = None,
    homes: st.SearchStrategy[Marketplace] | None = None,
    others: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    customised: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[SellerAccount]:
    """Seller accounts; every draw passes the model's validation.

    ``homes``: where the account registered (any marketplace).
    ``others``: further marketplaces turned on (default: any subset of
    the Americas marketplaces: US, CA, MX and BR).  ``customised``:
    whether some turned-on Americas marketplaces get customised
    information (default: either).  Requires hypothesis.
    Shrinks towards a Professional Amazon.com account with nothing else
    turned on and no customised information.
    """
    plans = selling_plans() if plans is None else plans
    homes = marketplaces() if homes is None else homes
    if others is None:
        others = st.frozensets(st.sampled_from(_AMERICAS))
    customised = st.booleans() if customised is None else customised

    @st.composite
    def build(draw: st.DrawFn) -> SellerAccount:
        home = draw(homes)
        turned_on = draw(others) | {home}
        overrides: dict[Marketplace, AccountInfo] = {}
        americas = [m for m in _AMERICAS if m in turned_on]
        wanted = draw(customised)
        if americas and wanted:
            chosen = draw(
                st.lists(st.sampled_from(americas), min_size=1, unique=True)
            )
            overrides = {m: draw(account_infos()) for m in chosen}
        return SellerAccount(
            seller_id=draw(seller_ids()),
            plan=draw(plans),
            home=home,
            marketplaces=turned_on,
            registration_info=draw(account_infos()),
            info_overrides=overrides,
        )

    return build()


def editions() -> st.SearchStrategy[Edition]:
    """The named editions (the FAQ first).  Requires hypothesis."""
    return st.sampled_from(list(EDITIONS.values()))


def rule_keys() -> st.SearchStrategy[RuleKey]:
    """Rule keys.  Requires hypothesis."""
    return st.sampled_from(RuleKey)


def reasons(
    *, rules: st.SearchStrategy[RuleKey] | None = None
) -> st.SearchStrategy[Reason]:
    """Reasons with short message ids and string parameters.

    Requires hypothesis.
    """
    return st.builds(
        Reason,
        rule=rule_keys() if rules is None else rules,
        message_id=st.sampled_from(("a.one", "a.two", "b.one", "b.two")),
        params=st.dictionaries(
            st.sampled_from(("marketplace", "home", "count")),
            st.sampled_from(("US", "CA", "MX", "1")),
            max_size=2,
        ),
    )


def decisions(
    *, outcomes: st.SearchStrategy[Outcome] | None = None
) -> st.SearchStrategy[Decision]:
    """Decisions; an explicit deny always has a reason.

    Requires hypothesis.
    """
    outcomes = st.sampled_from(Outcome) if outcomes is None else outcomes

    @st.composite
    def build(draw: st.DrawFn) -> Decision:
        outcome = draw(outcomes)
        minimum = 1 if outcome is Outcome.DENIED else 0
        found = draw(st.lists(reasons(), min_size=minimum, max_size=4))
        errors = draw(st.lists(reasons(), max_size=2))
        errors = [e for e in errors if e not in found]
        return Decision(outcome, found, errors)

    return build()


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
) -> st.SearchStrategy[SkuRecord]:
    """SKU records: a SKU, its pools, and a listing in some marketplaces.

    ``marketplaces`` draws where the SKU is listed (default: any subset of
    the FAQ scope); ``channels`` and ``statuses`` draw each listing's.  A
    separate SKU is merchant-fulfilled only in its own marketplace: where
    a listing would break that, it is FBA instead.  Requires hypothesis.
    Shrinks towards a SKU with an empty shared pool and no listings.
    """
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
        built = []
        for marketplace in sorted(draw(marketplaces), key=_catalogue_order):
            channel = draw(channels)
            if (
                channel is FulfillmentChannel.MFN
                and not pool.is_shared
                and marketplace is not pool.marketplace
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
