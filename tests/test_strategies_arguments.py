"""Every strategy argument restricts what it names, in every draw.

Each row passes one argument a narrow value and states what every draw
must then satisfy.  A strategy that quietly overrides an argument (a
merchant-fulfilled listing turned into FBA, a zero price where none was
asked for) fails its row.  A final check makes sure no argument of a
public strategy is missing from the table.
"""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal

import immutables
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from unified_account import (
    FAQ,
    ChargeKind,
    ConversionRate,
    FulfillmentChannel,
    ListingStatus,
    Marketplace,
    MfnArrangement,
    MfnPool,
    OrderStatus,
    Outcome,
    RuleKey,
    SellingPlan,
    StorefrontLink,
    to_asin,
    to_sku,
)
from unified_account import strategies as ua
from unified_account.model.imports import SetAsideReason
from unified_account.model.money import currency_precision

# The strategies; constants such as INFO_FIELDS take no arguments.
STRATEGY_NAMES = [n for n in ua.__all__ if callable(getattr(ua, n))]

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
SKU = to_sku("PINNED-1")
ASIN = to_asin("B000000001")
SEPARATE_CA = MfnPool.separate(CA, 5)
FBA = immutables.Map({MX: 7})
LINK = StorefrontLink("https://www.amazon.ca/stores/Pinned")


def _minor_units(money):
    return money.amount.scaleb(currency_precision(money.currency))


def _listed_in(record):
    return {listing.marketplace for listing in record.listings}


# (strategy, argument, value, what every draw then satisfies)
ROWS = [
    (
        "account_infos",
        "unknown",
        st.just(frozenset({"bank"})),
        lambda info: info.bank is None,
    ),
    (
        "charges",
        "marketplaces",
        st.just(CA),
        lambda c: c.marketplace is CA and c.amount.currency == "CAD",
    ),
    (
        "charges",
        "kinds",
        st.just(ChargeKind.REFERRAL_FEE),
        lambda c: c.kind is ChargeKind.REFERRAL_FEE and c.order_id,
    ),
    (
        "deposits",
        "marketplaces",
        st.just(MX),
        lambda d: d.marketplace is MX and d.amount.currency == "MXN",
    ),
    (
        "set_asides",
        "reasons",
        st.just(SetAsideReason.UNKNOWN_MARKETPLACE),
        lambda note: note.reason is SetAsideReason.UNKNOWN_MARKETPLACE,
    ),
    (
        "fee_estimates",
        "marketplaces",
        st.just(Marketplace.CA),
        lambda estimate: estimate.marketplace is Marketplace.CA,
    ),
    ("marketplaces", "in_scope", False, lambda m: m not in FAQ.scope),
    ("marketplaces", "edition", FAQ, lambda m: isinstance(m, Marketplace)),
    (
        "currencies",
        "north_america",
        True,
        lambda c: c in {"USD", "CAD", "MXN"},
    ),
    ("money", "currencies", st.just("MXN"), lambda m: m.currency == "MXN"),
    ("money", "min_minor_units", 500, lambda m: _minor_units(m) >= 500),
    ("money", "max_minor_units", 3, lambda m: _minor_units(m) <= 3),
    (
        "selling_plans",
        "professional",
        False,
        lambda p: p is SellingPlan.INDIVIDUAL,
    ),
    (
        "bank_accounts",
        "currencies",
        st.just("CAD"),
        lambda b: b.currency == "CAD",
    ),
    (
        "account_infos",
        "banks",
        ua.bank_accounts(currencies=st.just("MXN")),
        lambda info: info.bank.currency == "MXN",
    ),
    (
        "seller_accounts",
        "plans",
        st.just(SellingPlan.INDIVIDUAL),
        lambda a: a.plan is SellingPlan.INDIVIDUAL,
    ),
    ("seller_accounts", "homes", st.just(MX), lambda a: a.home is MX),
    (
        "seller_accounts",
        "others",
        st.just(frozenset({CA})),
        lambda a: CA in a.marketplaces and a.marketplaces <= {CA, a.home},
    ),
    ("seller_accounts", "customised", True, lambda a: bool(a.info_overrides)),
    (
        "reasons",
        "rules",
        st.just(RuleKey.NO_MERGE),
        lambda r: r.rule is RuleKey.NO_MERGE,
    ),
    (
        "decisions",
        "outcomes",
        st.just(Outcome.DENIED),
        lambda d: d.outcome is Outcome.DENIED and d.reasons,
    ),
    ("listings", "skus", st.just(SKU), lambda li: li.sku == SKU),
    ("listings", "marketplaces", st.just(CA), lambda li: li.marketplace is CA),
    (
        "listings",
        "channels",
        st.just(FulfillmentChannel.FBA),
        lambda li: li.channel is FulfillmentChannel.FBA,
    ),
    (
        "listings",
        "statuses",
        st.just(ListingStatus.INACTIVE),
        lambda li: li.status is ListingStatus.INACTIVE,
    ),
    ("listings", "allow_zero_price", False, lambda li: li.price.amount > 0),
    (
        "mfn_pools",
        "arrangements",
        st.just(MfnArrangement.SEPARATE),
        lambda p: not p.is_shared,
    ),
    (
        "mfn_pools",
        "marketplaces",
        st.just(MX),
        lambda p: p.is_shared or p.marketplace is MX,
    ),
    ("mfn_pools", "quantities", st.just(9), lambda p: p.quantity == 9),
    ("fba_pools", "marketplaces", st.just(CA), lambda f: set(f) <= {CA}),
    ("fba_pools", "quantities", st.just(3), lambda f: set(f.values()) <= {3}),
    ("sku_records", "skus", st.just(SKU), lambda r: r.sku == SKU),
    (
        "sku_records",
        "mfn",
        st.just(SEPARATE_CA),
        lambda r: r.mfn == SEPARATE_CA,
    ),
    ("sku_records", "fba", st.just(FBA), lambda r: r.fba == FBA),
    (
        "sku_records",
        "marketplaces",
        st.just(frozenset({US, MX})),
        lambda r: _listed_in(r) <= {US, MX},
    ),
    (
        "sku_records",
        "channels",
        st.just(FulfillmentChannel.MFN),
        lambda r: all(
            li.channel is FulfillmentChannel.MFN for li in r.listings
        ),
    ),
    (
        "sku_records",
        "statuses",
        st.just(ListingStatus.ACTIVE),
        lambda r: all(li.status is ListingStatus.ACTIVE for li in r.listings),
    ),
    (
        "sku_records",
        "allow_zero_price",
        False,
        lambda r: all(li.price.amount > 0 for li in r.listings),
    ),
    (
        "catalogs",
        "records",
        ua.sku_records(mfn=st.just(SEPARATE_CA)),
        lambda c: all(record.mfn == SEPARATE_CA for record in c),
    ),
    ("catalogs", "max_skus", 2, lambda c: len(c) <= 2),
    (
        "sku_rows",
        "records",
        ua.sku_records(skus=st.just(SKU), mfn=st.just(SEPARATE_CA)),
        lambda row: row.sku == SKU and row.separate == "CA",
    ),
    (
        "listing_rows",
        "listings",
        ua.listings(marketplaces=st.just(CA)),
        lambda row: row.marketplace == "CA",
    ),
    (
        "snapshots",
        "accounts",
        ua.seller_accounts(homes=st.just(MX)),
        lambda s: s.account.home is MX,
    ),
    (
        "snapshots",
        "separate",
        st.just([]),
        lambda s: s.separate_accounts == (),
    ),
    (
        "snapshots",
        "catalogs",
        ua.catalogs(max_skus=0),
        lambda s: len(s.catalog) == 0,
    ),
    (
        "subscription_fees",
        "marketplaces",
        st.just(CA),
        lambda f: f.marketplace is CA,
    ),
    (
        "subscription_fees",
        "effective",
        st.just(date(2024, 1, 1)),
        lambda f: f.effective == date(2024, 1, 1),
    ),
    ("subscription_fees", "confirmed", False, lambda f: not f.confirmed),
    (
        "subscription_fee_schedules",
        "marketplaces",
        st.just(frozenset({MX})),
        lambda s: {e.marketplace for e in s.entries} == {MX},
    ),
    (
        "subscription_fee_schedules",
        "max_entries",
        1,
        lambda s: len(s.entries) == len({e.marketplace for e in s.entries}),
    ),
    (
        "per_item_fees",
        "marketplaces",
        st.just(MX),
        lambda f: f.marketplace is MX,
    ),
    ("sales", "marketplaces", st.just(CA), lambda s: s.marketplace is CA),
    (
        "conversion_rates",
        "sources",
        st.just("MXN"),
        lambda r: r.source == "MXN",
    ),
    (
        "conversion_rates",
        "targets",
        st.just("CAD"),
        lambda r: r.target == "CAD",
    ),
    (
        "conversion_rate_tables",
        "rates",
        st.just(ConversionRate("USD", "CAD", Decimal("1.3"))),
        lambda t: all(r.source == "USD" for r in t.rates),
    ),
    ("order_statuses", "canceled", True, lambda s: s is OrderStatus.CANCELED),
    ("orders", "marketplaces", st.just(MX), lambda o: o.marketplace is MX),
    (
        "orders",
        "statuses",
        ua.order_statuses(canceled=True),
        lambda o: o.status is OrderStatus.CANCELED,
    ),
    ("orders", "totals", False, lambda o: o.total is None),
    (
        "brand_registrations",
        "approved",
        st.just(frozenset({CA})),
        lambda b: b.approved == {CA},
    ),
    ("asin_attributes", "asins", st.just(ASIN), lambda a: a.asin == ASIN),
    (
        "asin_attributes",
        "marketplaces",
        st.just(MX),
        lambda a: a.marketplace is MX,
    ),
    (
        "asin_attributes",
        "values",
        st.just("Z"),
        lambda a: set(a.attributes.values()) == {"Z"},
    ),
    (
        "attribute_values",
        "texts",
        st.just("Z"),
        lambda v: getattr(v, "value", v) == "Z",
    ),
    (
        "attribute_values",
        "language_tags",
        st.just("fr_CA"),
        lambda v: getattr(v, "language_tag", None) == "fr_CA",
    ),
    (
        "storefront_links",
        "marketplaces",
        st.just(CA),
        lambda link: link.url.startswith("https://www.amazon.ca/"),
    ),
    (
        "storefront_requests",
        "marketplaces",
        st.just(MX),
        lambda r: r.marketplace is MX,
    ),
    ("storefront_requests", "links", st.just(LINK), lambda r: r.link == LINK),
    (
        "account_infos",
        "unknown",
        st.just(frozenset({"bank", "display_name"})),
        lambda i: i.unknown_fields == ("bank", "display_name"),
    ),
    (
        "fee_estimates",
        "marketplaces",
        st.just(MX),
        lambda e: e.marketplace is MX and e.total.currency == "MXN",
    ),
    (
        "charges",
        "marketplaces",
        st.just(CA),
        lambda c: c.marketplace is CA and c.amount.currency == "CAD",
    ),
    (
        "charges",
        "kinds",
        st.just(ChargeKind.REFERRAL_FEE),
        lambda c: c.kind is ChargeKind.REFERRAL_FEE and c.order_id,
    ),
    (
        "deposits",
        "marketplaces",
        st.just(MX),
        lambda d: d.marketplace is MX and d.amount.currency == "MXN",
    ),
    (
        "set_asides",
        "reasons",
        st.just(SetAsideReason.CONTRADICTION),
        lambda n: n.reason is SetAsideReason.CONTRADICTION,
    ),
    (
        "snapshots",
        "orders",
        st.just([]),
        lambda s: s.orders == (),
    ),
    (
        "snapshots",
        "fee_estimates",
        st.lists(ua.fee_estimates(marketplaces=st.just(CA)), min_size=1),
        lambda s: {e.marketplace for e in s.fee_estimates} == {CA},
    ),
    (
        "snapshots",
        "set_asides",
        st.just([]),
        lambda s: s.set_aside == (),
    ),
    (
        "snapshots",
        "billing_dates",
        st.just(date(2026, 7, 1)),
        lambda s: s.as_of == date(2026, 7, 1),
    ),
    (
        "snapshots",
        "charges",
        st.lists(
            ua.charges(kinds=st.just(ChargeKind.SUBSCRIPTION)), min_size=1
        ),
        lambda s: {c.kind for c in s.charges} == {ChargeKind.SUBSCRIPTION},
    ),
    (
        "snapshots",
        "deposits",
        st.just([]),
        lambda s: s.deposits == (),
    ),
    (
        "spapi_inventory_summaries",
        "marketplaces",
        st.just(MX),
        lambda d: d["payload"]["granularity"]["granularityId"] == MX.id,
    ),
    (
        "spapi_fees_estimates",
        "floats",
        True,
        lambda d: all(
            isinstance(
                r["FeesEstimateIdentifier"]["PriceToEstimateFees"][
                    "ListingPrice"
                ]["Amount"],
                float,
            )
            for r in (
                d
                if isinstance(d, list)
                else [d["payload"]["FeesEstimateResult"]]
            )
        ),
    ),
    (
        "spapi_merchant_listings_reports",
        "marketplaces",
        st.just(CA),
        lambda drawn: drawn[1] is CA,
    ),
]


@pytest.mark.parametrize(
    ("name", "argument", "value", "holds"),
    ROWS,
    ids=[f"{row[0]}-{row[1]}" for row in ROWS],
)
def test_each_argument_restricts_what_it_names(name, argument, value, holds):
    """Every draw made with the argument satisfies what the argument says."""

    @settings(max_examples=30, deadline=None)
    @given(getattr(ua, name)(**{argument: value}))
    def check(drawn):
        assert holds(drawn), drawn

    check()


def test_every_argument_of_every_strategy_is_in_the_table():
    """A new argument gets a row above before it ships."""
    covered = {(row[0], row[1]) for row in ROWS}
    declared = {
        (name, parameter)
        for name in STRATEGY_NAMES
        for parameter in inspect.signature(getattr(ua, name)).parameters
    }
    assert declared - covered == set()


def test_prices_are_positive_unless_zero_is_allowed():
    """A zero price is drawn only when asked for."""

    @settings(max_examples=200, deadline=None)
    @given(ua.listings(allow_zero_price=True))
    def check(listing):
        assert listing.price.amount >= 0

    check()
    zero = ua.listings(allow_zero_price=True, marketplaces=st.just(US))
    found = find(zero, lambda li: li.price.amount == 0)
    assert found.price.amount == 0


def test_flags_are_plain_values_and_parts_are_strategies():
    """One argument style: a flag or a bound is a value; a part is drawn."""
    for name in STRATEGY_NAMES:
        for parameter in inspect.signature(
            getattr(ua, name)
        ).parameters.values():
            annotation = str(parameter.annotation)
            if parameter.name in {
                "in_scope",
                "north_america",
                "professional",
                "customised",
                "confirmed",
                "totals",
                "canceled",
                "allow_zero_price",
                "floats",
            }:
                assert annotation in {"bool | None", "bool"}, (name, parameter)
            elif parameter.name in {
                "min_minor_units",
                "max_minor_units",
                "max_skus",
                "max_entries",
            }:
                assert annotation == "int", (name, parameter)
            elif parameter.name == "edition":
                assert annotation == "Edition"
            else:
                assert annotation.startswith("st.SearchStrategy["), (
                    name,
                    parameter,
                )


FLAGS = [
    (name, parameter.name)
    for name in STRATEGY_NAMES
    for parameter in inspect.signature(getattr(ua, name)).parameters.values()
    if str(parameter.annotation) in {"bool | None", "bool"}
]


@pytest.mark.parametrize(("name", "flag"), FLAGS)
def test_a_strategy_given_for_a_flag_is_an_invalid_argument(name, flag):
    """The old style, ``customised=st.just(True)``, fails loudly."""
    with pytest.raises(InvalidArgument, match=f"^{flag}="):
        getattr(ua, name)(**{flag: st.just(True)})
