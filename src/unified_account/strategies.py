"""Hypothesis strategies for every type of the library (requires hypothesis).

Seller tools test their own code against the rules with these::

    from hypothesis import given
    from unified_account import strategies as ua

    @given(ua.seller_accounts(plans=ua.selling_plans(professional=True)))
    def test_my_tool_accepts_every_professional_account(account): ...

The house style is Hypothesis's own: plural names, keyword-only
arguments, arguments that vary are strategies (pass ``st.just(x)`` for a
fixed value), and every value is built constructively, so each draw passes
the model's validation without filtering.  Strategies shrink towards the
first marketplace (Amazon.com), the Professional plan, small amounts and
accounts with no customised information.

This module needs the ``hypothesis`` extra:
``pip install "unified-account[hypothesis]"``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .edition import EDITIONS, FAQ, Edition
from .model.account import AccountInfo, BankAccount, SellerAccount, SellingPlan
from .model.brand import AsinAttributes, BrandRegistration
from .model.fees import (
    PerItemFee,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
)
from .model.marketplace import Marketplace
from .model.money import Money, currency_precision
from .model.orders import FulfillmentChannel, Order, OrderStatus
from .model.rates import ConversionRate, ConversionRates
from .model.storefront import StorefrontLink, StorefrontRequest
from .policy.decision import Decision, Outcome, Reason
from .rules import RuleKey
from .snapshot import Snapshot

__all__ = [
    "account_infos",
    "asin_attributes",
    "asins",
    "bank_accounts",
    "brand_registrations",
    "conversion_rate_tables",
    "conversion_rates",
    "currencies",
    "decisions",
    "editions",
    "fulfillment_channels",
    "marketplaces",
    "money",
    "order_statuses",
    "orders",
    "per_item_fees",
    "reasons",
    "rule_keys",
    "sales",
    "seller_accounts",
    "seller_ids",
    "selling_plans",
    "snapshots",
    "storefront_links",
    "storefront_requests",
    "subscription_fee_schedules",
    "subscription_fees",
    "tax_treatments",
]

_NA_CURRENCIES = ("USD", "CAD", "MXN")
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
    return st.from_regex(r"A[0-9A-Z]{5,13}", fullmatch=True)


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
            st.from_regex(r"[0-9]{0,4}", fullmatch=True),
        ),
    )


_NAMES = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs")),
    min_size=1,
    max_size=30,
).filter(str.strip)


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
        contact_email=st.from_regex(
            r"[a-z0-9]{1,10}@[a-z0-9]{1,10}\.example", fullmatch=True
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
    the FAQ scope).  ``customised``: whether some turned-on marketplaces
    get customised information (default: either).  Requires hypothesis.
    Shrinks towards a Professional Amazon.com account with nothing else
    turned on and no customised information.
    """
    plans = selling_plans() if plans is None else plans
    homes = marketplaces() if homes is None else homes
    if others is None:
        others = st.frozensets(marketplaces(in_scope=True))
    customised = st.booleans() if customised is None else customised

    @st.composite
    def build(draw: st.DrawFn) -> SellerAccount:
        home = draw(homes)
        turned_on = draw(others) | {home}
        overrides: dict[Marketplace, AccountInfo] = {}
        if draw(customised):
            ordered = sorted(turned_on, key=list(Marketplace).index)
            chosen = draw(
                st.lists(st.sampled_from(ordered), min_size=1, unique=True)
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
    """Reasons with string parameters.  Requires hypothesis."""
    return st.builds(
        Reason,
        rule=rule_keys() if rules is None else rules,
        message_id=st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}", fullmatch=True),
        params=st.dictionaries(
            st.from_regex(r"[a-z]{1,6}", fullmatch=True),
            st.text(max_size=5),
            max_size=3,
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


def snapshots(
    *,
    accounts: st.SearchStrategy[SellerAccount] | None = None,
    separate: st.SearchStrategy[list[SellerAccount]] | None = None,
) -> st.SearchStrategy[Snapshot]:
    """Seller snapshots with distinct seller ids.  Requires hypothesis."""
    accounts = seller_accounts() if accounts is None else accounts
    separate = (
        st.lists(seller_accounts(), max_size=2)
        if separate is None
        else separate
    )

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
        return Snapshot(account=main, separate_accounts=others)

    return build()


# Money, orders, brands and storefront ----------------------------------

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


_DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def tax_treatments() -> st.SearchStrategy[TaxTreatment]:
    """How a fee amount treats tax.  Requires hypothesis."""
    return st.sampled_from(TaxTreatment)


def subscription_fees(
    *,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    effective: st.SearchStrategy[date] | None = None,
    confirmed: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[SubscriptionFee]:
    """Subscription fee entries, in their marketplace's currency.

    ``marketplaces`` defaults to the FAQ scope.  Requires hypothesis.
    Shrinks towards a free, confirmed Amazon.com entry.
    """

    @st.composite
    def build(draw: st.DrawFn) -> SubscriptionFee:
        marketplace = draw(_in_scope(marketplaces))
        return SubscriptionFee(
            marketplace=marketplace,
            amount=draw(_priced(marketplace)),
            effective=draw(_DATES if effective is None else effective),
            source=draw(st.sampled_from(("fee schedule", "caller"))),
            confirmed=draw(st.booleans() if confirmed is None else confirmed),
            tax=draw(tax_treatments()),
        )

    return build()


def subscription_fee_schedules(
    *,
    marketplaces: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    max_entries: int = 3,
) -> st.SearchStrategy[SubscriptionFeeSchedule]:
    """Schedules with 1 to ``max_entries`` dated entries per marketplace.

    ``marketplaces``: the marketplaces with entries (default: a non-empty
    subset of the FAQ scope).  Requires hypothesis.
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
            days = draw(
                st.lists(_DATES, min_size=1, max_size=max_entries, unique=True)
            )
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

    A drawn target equal to the source is replaced by another currency,
    so no draw is filtered.  Requires hypothesis.
    """
    sources = currencies(north_america=True) if sources is None else sources
    targets = currencies(north_america=True) if targets is None else targets

    @st.composite
    def build(draw: st.DrawFn) -> ConversionRate:
        source, target = draw(sources), draw(targets)
        if source == target:
            others = [
                c for c in _NA_CURRENCIES + _OTHER_CURRENCIES if c != source
            ]
            target = draw(st.sampled_from(others))
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


def fulfillment_channels() -> st.SearchStrategy[FulfillmentChannel]:
    """Merchant or Amazon fulfilment.  Requires hypothesis."""
    return st.sampled_from(FulfillmentChannel)


def order_statuses(
    *, canceled: bool | None = None
) -> st.SearchStrategy[OrderStatus]:
    """Order statuses; ``canceled`` pins one side.  Requires hypothesis."""
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
    totals: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[Order]:
    """Orders, totalled in their marketplace's currency.

    ``marketplaces`` defaults to every marketplace (so some are outside
    the scope); ``totals`` says whether an order has a total yet
    (default: either).  Ids are random: to get distinct ones use
    ``st.lists(orders(), unique_by=lambda o: o.order_id)``.  Requires
    hypothesis.
    """
    where = _any_marketplace() if marketplaces is None else marketplaces

    @st.composite
    def build(draw: st.DrawFn) -> Order:
        marketplace = draw(where)
        has_total = draw(st.booleans() if totals is None else totals)
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


def asins() -> st.SearchStrategy[str]:
    """ASINs (ten capitals or digits).  Requires hypothesis."""
    return st.from_regex(r"B0[0-9A-Z]{8}", fullmatch=True)


_any_asin = asins  # a parameter below shadows the name

_ATTRIBUTE_NAMES = st.sampled_from(
    ("brand", "model_number", "color", "size", "item_package_quantity")
)


def asin_attributes(
    *,
    asins: st.SearchStrategy[str] | None = None,
    marketplaces: st.SearchStrategy[Marketplace] | None = None,
    values: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[AsinAttributes]:
    """Key attribute values of an ASIN in a marketplace.

    Requires hypothesis.  Narrow ``values`` (``st.sampled_from(("A",
    "B"))``) to make equal values likely.
    """
    return st.builds(
        AsinAttributes,
        asin=_any_asin() if asins is None else asins,
        marketplace=_in_scope(marketplaces),
        attributes=st.dictionaries(
            _ATTRIBUTE_NAMES,
            st.sampled_from(("A", "B")) if values is None else values,
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
