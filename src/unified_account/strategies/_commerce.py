"""Strategies for fees, rates, orders, brands and storefront links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model.attributes import AttributeText, AttributeValue
from ..model.brand import AsinAttributes, BrandRegistration
from ..model.fees import (
    FeeSource,
    PerItemFee,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
)
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.orders import Order, OrderStatus
from ..model.rates import ConversionRate, ConversionRates
from ..model.storefront import StorefrontLink, StorefrontRequest
from ._catalog import asins, fulfillment_channels
from ._core import (
    _NA_CURRENCIES,
    _NAMES,
    _OTHER_CURRENCIES,
    check_flag,
    currencies,
    marketplaces,
    money,
)

_any_marketplace = marketplaces  # parameters below shadow the name


def _in_scope(
    value: st.SearchStrategy[Marketplace] | None,
) -> st.SearchStrategy[Marketplace]:
    return marketplaces(in_scope=True) if value is None else value


def _priced(
    marketplace: Marketplace, low: int = 0
) -> st.SearchStrategy[Money]:
    return money(
        currencies=st.just(marketplace.currency),
        min_minor_units=low,
        max_minor_units=10**8,
    )


def _flag(value: bool | None) -> st.SearchStrategy[bool]:
    return st.booleans() if value is None else st.just(value)


_DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def tax_treatments() -> st.SearchStrategy[TaxTreatment]:
    """How a fee amount treats tax.  Requires hypothesis."""
    return st.sampled_from(TaxTreatment)


def subscription_fees(
    *,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    effective: st.SearchStrategy[date | None] | None = None,
    confirmed: bool | None = None,
) -> st.SearchStrategy[SubscriptionFee]:
    """Subscription fee entries, in their marketplace's currency.

    ``marketplaces`` defaults to the FAQ scope; ``effective`` to a date
    (``st.none()`` draws an entry whose start is unknown); ``confirmed``
    is a flag (``None``: either).  Requires hypothesis.
    Shrinks towards a free, confirmed Amazon.com entry.
    """
    check_flag("confirmed", confirmed)

    @st.composite
    def build(draw: st.DrawFn) -> SubscriptionFee:
        marketplace = draw(_in_scope(marketplaces))
        start = draw(_DATES if effective is None else effective)
        return SubscriptionFee(
            marketplace=marketplace,
            amount=draw(_priced(marketplace)),
            effective=start,
            source=draw(st.sampled_from(("fee schedule", "caller"))),
            source_kind=draw(st.sampled_from(FeeSource)),
            confirmed=draw(_flag(confirmed)),
            tax=draw(tax_treatments()),
            attested=draw(st.none() | _DATES) if start is None else start,
        )

    return build()


def subscription_fee_schedules(
    *,
    marketplaces: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    max_entries: int = 3,
) -> st.SearchStrategy[SubscriptionFeeSchedule]:
    """Schedules with 1 to ``max_entries`` entries per marketplace.

    ``marketplaces``: the marketplaces with entries (default: a non-empty
    subset of the FAQ scope).  One entry of a marketplace may have an
    unknown start (the earliest amount).  Requires hypothesis.
    """
    if max_entries < 1:
        raise InvalidArgument("max_entries must be at least 1")
    chosen = (
        st.frozensets(_in_scope(None), min_size=1)
        if marketplaces is None
        else marketplaces
    )

    @st.composite
    def build(draw: st.DrawFn) -> SubscriptionFeeSchedule:
        entries = []
        for marketplace in sorted(draw(chosen), key=list(Marketplace).index):
            days: list[date | None] = draw(
                st.lists(_DATES, min_size=1, max_size=max_entries, unique=True)
            )
            if draw(st.booleans()):
                days[0] = None  # the earliest amount, start unknown
            entries += [
                draw(
                    subscription_fees(
                        marketplaces=st.just(marketplace),
                        effective=st.just(day),
                    )
                )
                for day in days
            ]
        return SubscriptionFeeSchedule(entries)

    return build()


_RATES = st.decimals(min_value=Decimal(0), max_value=Decimal("0.5"), places=4)


def per_item_fees(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[PerItemFee]:
    """Per-item fee schedules: a rate, a fixed amount or both, maybe a minimum.

    Requires hypothesis.  Shrinks towards a zero rate with no minimum.
    """

    @st.composite
    def build(draw: st.DrawFn) -> PerItemFee:
        marketplace = draw(_in_scope(marketplaces))
        kind = draw(st.sampled_from(("rate", "fixed", "both")))
        return PerItemFee(
            marketplace=marketplace,
            rate=draw(_RATES) if kind != "fixed" else None,
            fixed=draw(_priced(marketplace)) if kind != "rate" else None,
            minimum=draw(st.none() | _priced(marketplace)),
        )

    return build()


def sales(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[Sale]:
    """Sales priced in their marketplace's currency.  Requires hypothesis."""

    @st.composite
    def build(draw: st.DrawFn) -> Sale:
        marketplace = draw(_in_scope(marketplaces))
        return Sale(
            marketplace=marketplace,
            price=draw(_priced(marketplace)),
            reference=draw(
                st.from_regex(r"[A-Z]{2}-[0-9]{1,4}", fullmatch=True)
            ),
        )

    return build()


def conversion_rates(
    *,
    sources: st.SearchStrategy[str] | None = None,
    targets: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[ConversionRate]:
    """Rates between two different currencies (default: NA currencies).

    Each drawn currency comes from its argument.  Where one argument is
    left out, its currency is drawn from the others, so nothing is
    filtered; only when both are given and draw the same currency is the
    example rejected.  Requires hypothesis.
    """
    everything = _NA_CURRENCIES + _OTHER_CURRENCIES

    def _other(drawn: str) -> st.SearchStrategy[str]:
        return st.sampled_from(
            [c for c in _NA_CURRENCIES if c != drawn]
            or [c for c in everything if c != drawn]
        )

    @st.composite
    def build(draw: st.DrawFn) -> ConversionRate:
        if sources is None and targets is not None:
            target = draw(targets)
            source = draw(_other(target))
        else:
            source = draw(
                currencies(north_america=True) if sources is None else sources
            )
            target = draw(_other(source) if targets is None else targets)
            assume(source != target)
        rate = draw(
            st.decimals(
                min_value=Decimal("0.0001"), max_value=Decimal(100), places=4
            )
        )
        return ConversionRate(source, target, rate)

    return build()


def conversion_rate_tables(
    *, rates: st.SearchStrategy[ConversionRate] | None = None
) -> st.SearchStrategy[ConversionRates]:
    """Tables of rates with at most one rate per currency pair.

    Requires hypothesis.
    """
    rates = conversion_rates() if rates is None else rates
    return st.builds(
        ConversionRates,
        st.lists(rates, max_size=6, unique_by=lambda r: (r.source, r.target)),
    )


def order_statuses(
    *, canceled: bool | None = None
) -> st.SearchStrategy[OrderStatus]:
    """Order statuses; ``canceled`` pins one side.  Requires hypothesis."""
    check_flag("canceled", canceled)
    if canceled is None:
        return st.sampled_from(OrderStatus)
    if canceled:
        return st.just(OrderStatus.CANCELED)
    return st.sampled_from(
        [s for s in OrderStatus if s is not OrderStatus.CANCELED]
    )


_ZONES = st.sampled_from(
    [UTC] + [timezone(timedelta(hours=h)) for h in (-8, -6, -5, -4)]
)


def orders(
    *,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    statuses: st.SearchStrategy[OrderStatus] | None = None,
    totals: bool | None = None,
) -> st.SearchStrategy[Order]:
    """Orders, totalled in their marketplace's currency.

    ``marketplaces`` defaults to every marketplace (so some are outside
    the scope); ``totals`` is a flag: whether an order has a total yet
    (``None``: either).  Ids are random: to get distinct ones use
    ``st.lists(orders(), unique_by=lambda o: o.order_id)``.  Requires
    hypothesis.
    """
    check_flag("totals", totals)
    where = _any_marketplace() if marketplaces is None else marketplaces

    @st.composite
    def build(draw: st.DrawFn) -> Order:
        marketplace = draw(where)
        has_total = draw(_flag(totals))
        return Order(
            order_id=draw(
                st.from_regex(r"[0-9]{3}-[0-9]{7}-[0-9]{7}", fullmatch=True)
            ),
            marketplace=marketplace,
            purchased_at=draw(
                st.datetimes(
                    min_value=datetime(2015, 1, 1),
                    max_value=datetime(2035, 12, 31),
                    timezones=_ZONES,
                )
            ),
            total=draw(_priced(marketplace)) if has_total else None,
            fulfillment=draw(fulfillment_channels()),
            status=draw(order_statuses() if statuses is None else statuses),
        )

    return build()


def brand_registrations(
    *,
    approved: st.SearchStrategy[frozenset[Marketplace]] | None = None,
) -> st.SearchStrategy[BrandRegistration]:
    """Brands with direct approvals (default: any subset of the FAQ scope).

    Requires hypothesis.
    """
    return st.builds(
        BrandRegistration,
        brand=_NAMES,
        approved=(
            st.frozensets(_in_scope(None)) if approved is None else approved
        ),
    )


_any_asin = asins  # a parameter below shadows the name

_ATTRIBUTE_NAMES = st.sampled_from(
    ("brand", "model_number", "color", "size", "item_package_quantity")
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


def asin_attributes(
    *,
    asins: st.SearchStrategy[str] | None = None,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    values: st.SearchStrategy[AttributeText] | None = None,
) -> st.SearchStrategy[AsinAttributes]:
    """Key attribute values of an ASIN in a marketplace.

    ``values`` defaults to :func:`attribute_values` (``"A"`` or ``"B"``,
    with or without a language tag).  Requires hypothesis.
    """
    return st.builds(
        AsinAttributes,
        asin=_any_asin() if asins is None else asins,
        marketplace=_in_scope(marketplaces),
        attributes=st.dictionaries(
            _ATTRIBUTE_NAMES,
            attribute_values() if values is None else values,
            min_size=1,
        ),
    )


def storefront_links(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[StorefrontLink]:
    """Storefront links on a marketplace's site.  Requires hypothesis."""

    @st.composite
    def build(draw: st.DrawFn) -> StorefrontLink:
        marketplace = draw(_in_scope(marketplaces))
        name = draw(st.from_regex(r"[A-Za-z0-9]{1,20}", fullmatch=True))
        return StorefrontLink(f"https://{marketplace.domain}/stores/{name}")

    return build()


def storefront_requests(
    *,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    links: st.SearchStrategy[StorefrontLink] | None = None,
) -> st.SearchStrategy[StorefrontRequest]:
    """Requests to set the storefront link.  Requires hypothesis."""
    return st.builds(
        StorefrontRequest,
        marketplace=_in_scope(marketplaces),
        link=storefront_links() if links is None else links,
    )
