"""A strategy for every public type, as ``st.from_type`` resolves it.

The package's ``hypothesis`` entry point (:mod:`unified_account._hypothesis`)
registers :func:`strategy_for` for every public type when Hypothesis is
imported, so ``st.from_type(Listing)`` and ``st.builds(f)`` for a function
taking library values work with nothing else to do.  Values are built
constructively, as by the public strategies; results of the rules (a
report, an availability table, an order report) are built by running the
rules on drawn inputs, so each is a value the library really returns.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import date

from hypothesis import strategies as st

from ..decision import Decision, Outcome, Reason, Resolved, Term
from ..edition import Edition, SubscriptionBilling
from ..locales import SUPPORTED_LOCALES, ServedLocale, resolve_locale
from ..model.account import (
    AccountInfo,
    BankAccount,
    SellerAccount,
    SellingPlan,
)
from ..model.attributes import AttributeValue
from ..model.brand import AsinAttributes, BrandRegistration
from ..model.catalog import Catalog, SkuRecord
from ..model.charges import Charge, ChargeKind, Deposit
from ..model.fees import (
    FeeSource,
    PerItemFee,
    RecordedCharge,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    SubscriptionPlanChange,
    TaxTreatment,
)
from ..model.identifiers import Asin, Sku
from ..model.imports import FeeEstimate, SetAside, SetAsideReason
from ..model.inventory import MfnArrangement, MfnPool
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace, NonAmazonMarketplace, Region
from ..model.money import Money
from ..model.orders import Order, OrderStatus
from ..model.rates import ConversionRate, ConversionRates
from ..model.rows import ListingRow, SkuRow
from ..model.storefront import StorefrontLink, StorefrontRequest
from ..policy.availability import AvailabilityTable, availability_table
from ..policy.brand import (
    AttributeDifference,
    BrandApproval,
    BrandStatus,
    attribute_differences,
    brand_registry_status,
)
from ..policy.charges_audit import (
    ChargesAudit,
    CurrencySummary,
    Judged,
    audit_charges,
)
from ..policy.orders import (
    ConvertedTotal,
    CurrencyOrders,
    MarketplaceOrders,
    OrderReport,
    OrderTotals,
    combined_order_report,
)
from ..policy.payout import PayoutMethod, PayoutRoute, payout_route
from ..policy.split_subscription import (
    SplitShare,
    SplitSubscription,
    split_subscription,
)
from ..policy.subscription import SubscriptionCharge, subscription_charge
from ..policy.terms import PLAN_TERMS
from ..report import FindingFilter, Report, build_report
from ..report.finding import Finding, FindingOutcome
from ..report.subject import Subject, SubjectKind
from ..rules import RULES, Rule, RuleFamily, RuleKey
from ..snapshot import Snapshot
from . import (
    _catalog,
    _charges,
    _commerce,
    _core,
    _fee_changes,
    _imports,
    _rows,
    _snapshots,
)
from ._changes import CHANGES_STRATEGIES
from ._spapi_types import SPAPI_STRATEGIES

__all__ = ["STRATEGIES", "strategy_for"]

T = typing.TypeVar("T")

_NA = _core.marketplaces(in_scope=True)
_NA_ACCOUNTS = _core.seller_accounts(homes=_NA)


def _order_reports() -> st.SearchStrategy[OrderReport]:
    """Order reports with a converted total: every part is present."""

    @st.composite
    def build(draw: st.DrawFn) -> OrderReport:
        account = draw(_NA_ACCOUNTS)
        home = account.home
        orders = draw(
            st.lists(
                _commerce.orders(marketplaces=st.just(home), totals=True),
                min_size=1,
                max_size=3,
                unique_by=lambda order: order.order_id,
            )
        )
        report = combined_order_report(
            account, orders, currency=home.currency, rates=ConversionRates()
        )
        return report.value

    return build()


def _nonempty(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(values) if values else st.nothing()


def _attribute_differences() -> st.SearchStrategy[AttributeDifference]:
    @st.composite
    def build(draw: st.DrawFn) -> AttributeDifference:
        asin = draw(_catalog.asins())
        first, second = draw(
            st.lists(_NA, min_size=2, max_size=2, unique=True)
        )
        records = [
            AsinAttributes(
                asin=asin, marketplace=first, attributes={"color": "A"}
            ),
            AsinAttributes(
                asin=asin, marketplace=second, attributes={"color": "B"}
            ),
        ]
        return attribute_differences(records).value[0]

    return build()


def _brand_approvals() -> st.SearchStrategy[BrandApproval]:
    return st.builds(
        brand_registry_status, _NA_ACCOUNTS, _commerce.brand_registrations()
    ).flatmap(lambda resolved: _nonempty(resolved.value))


def _subscription_charges() -> st.SearchStrategy[SubscriptionCharge]:
    accounts = _core.seller_accounts(
        plans=st.just(SellingPlan.PROFESSIONAL), homes=_NA
    )
    days = st.dates(date(2021, 8, 1), date(2035, 12, 31))
    return st.builds(subscription_charge, accounts, days).flatmap(
        lambda resolved: (
            st.just(resolved.value)
            if isinstance(resolved.value, SubscriptionCharge)
            else st.nothing()
        )
    )


def _recorded_charges() -> st.SearchStrategy[RecordedCharge]:
    @st.composite
    def build(draw: st.DrawFn) -> RecordedCharge:
        marketplace = draw(_NA)
        return RecordedCharge(
            marketplace=marketplace,
            charged_on=draw(st.dates(date(2021, 8, 1), date(2035, 12, 31))),
            amount=draw(_core.money(currencies=st.just(marketplace.currency))),
        )

    return build()


def _charges_audits(
    kinds: st.SearchStrategy[ChargeKind] | None = None,
) -> st.SearchStrategy[ChargesAudit]:
    return st.builds(
        lambda account, charges, deposits: audit_charges(
            charges, account=account, deposits=deposits
        ),
        _NA_ACCOUNTS,
        st.lists(_charges.charges(kinds=kinds), min_size=1, max_size=4),
        st.lists(_charges.deposits(), max_size=2),
    )


def _split_subscriptions() -> st.SearchStrategy[SplitSubscription]:
    return st.builds(
        lambda account, day, active: (
            split_subscription(account, day, active).value
        ),
        _NA_ACCOUNTS,
        st.dates(date(2021, 8, 1), date(2035, 12, 31)),
        st.frozensets(_NA, min_size=1),
    )


def _resolved(kind: type[Resolved[T]]) -> st.SearchStrategy[Resolved[T]]:
    arguments = typing.get_args(kind)
    values: st.SearchStrategy[typing.Any] = (
        st.from_type(arguments[0]) if arguments else _core.money()
    )
    return st.builds(
        Resolved, values, st.lists(_core.reasons(), min_size=1, max_size=3)
    )


# Locale names as people and SP-API write them, each with a fallback.
_LOCALE_NAMES = (
    *SUPPORTED_LOCALES,
    "en_US",
    "en-CA",
    "fr",
    "fr-FR",
    "es",
    "es_419",
    "zh_TW",
    "zh-Hant-HK",
    "zh_CN",
)


def _reports() -> st.SearchStrategy[Report]:
    return _snapshots.snapshots().map(build_report)


def _finding_filters() -> st.SearchStrategy[FindingFilter]:
    def some(values: st.SearchStrategy[T]) -> st.SearchStrategy[typing.Any]:
        return st.none() | st.frozensets(values, max_size=3)

    return st.builds(
        FindingFilter,
        rule=some(_core.rule_keys()),
        outcome=some(st.sampled_from(FindingOutcome)),
        marketplace=some(_core.marketplaces()),
        kind=some(st.sampled_from(SubjectKind)),
        sku=some(_catalog.skus()),
        asin=some(_catalog.asins()),
    )


STRATEGIES: dict[type, Callable[[], st.SearchStrategy[typing.Any]]] = {
    # The base: decisions and the rule catalogue.
    Decision: _core.decisions,
    Outcome: lambda: st.sampled_from(Outcome),
    Reason: _core.reasons,
    Term: lambda: st.sampled_from(tuple(PLAN_TERMS.values())),
    Rule: lambda: st.sampled_from(tuple(RULES.values())),
    RuleFamily: lambda: st.sampled_from(RuleFamily),
    RuleKey: _core.rule_keys,
    # The model.
    Marketplace: _core.marketplaces,
    NonAmazonMarketplace: lambda: st.sampled_from(NonAmazonMarketplace),
    Region: lambda: st.sampled_from(Region),
    Money: _core.money,
    Edition: _core.editions,
    SubscriptionBilling: lambda: st.sampled_from(SubscriptionBilling),
    SellingPlan: _core.selling_plans,
    BankAccount: _core.bank_accounts,
    AccountInfo: _core.account_infos,
    SellerAccount: _core.seller_accounts,
    Sku: _catalog.skus,
    Asin: _catalog.asins,
    FulfillmentChannel: _catalog.fulfillment_channels,
    ListingStatus: _catalog.listing_statuses,
    Listing: _catalog.listings,
    MfnArrangement: _catalog.mfn_arrangements,
    MfnPool: _catalog.mfn_pools,
    SkuRecord: _catalog.sku_records,
    Catalog: _catalog.catalogs,
    SkuRow: _rows.sku_rows,
    ListingRow: _rows.listing_rows,
    TaxTreatment: _commerce.tax_treatments,
    SubscriptionFee: _commerce.subscription_fees,
    SubscriptionFeeSchedule: _commerce.subscription_fee_schedules,
    FeeSource: _fee_changes.fee_sources,
    SubscriptionPlanChange: _fee_changes.subscription_plan_changes,
    PerItemFee: _commerce.per_item_fees,
    Sale: _commerce.sales,
    ConversionRate: _commerce.conversion_rates,
    ConversionRates: _commerce.conversion_rate_tables,
    OrderStatus: _commerce.order_statuses,
    Order: _commerce.orders,
    BrandRegistration: _commerce.brand_registrations,
    AsinAttributes: _commerce.asin_attributes,
    StorefrontLink: _commerce.storefront_links,
    StorefrontRequest: _commerce.storefront_requests,
    # What the rules return.
    AvailabilityTable: lambda: _catalog.catalogs().map(
        lambda catalog: availability_table(catalog).value
    ),
    AttributeDifference: _attribute_differences,
    BrandApproval: _brand_approvals,
    BrandStatus: lambda: st.sampled_from(BrandStatus),
    OrderReport: _order_reports,
    MarketplaceOrders: lambda: _order_reports().flatmap(
        lambda report: _nonempty(report.marketplaces)
    ),
    CurrencyOrders: lambda: _order_reports().flatmap(
        lambda report: _nonempty(report.currencies)
    ),
    OrderTotals: lambda: (
        _order_reports()
        .flatmap(lambda report: _nonempty(report.currencies))
        .map(lambda line: line.totals)
    ),
    ConvertedTotal: lambda: _order_reports().flatmap(
        lambda report: (
            st.nothing()
            if report.converted is None
            else st.just(report.converted)
        )
    ),
    PayoutMethod: lambda: st.sampled_from(PayoutMethod),
    PayoutRoute: lambda: st.builds(
        lambda account: payout_route(account, account.home).value,
        _NA_ACCOUNTS,
    ),
    SubscriptionCharge: _subscription_charges,
    AttributeValue: lambda: _commerce.attribute_values().filter(
        lambda value: isinstance(value, AttributeValue)
    ),
    RecordedCharge: _recorded_charges,
    SplitSubscription: _split_subscriptions,
    SplitShare: lambda: _split_subscriptions().flatmap(
        lambda split: _nonempty(split.shares)
    ),
    # The edges.
    Snapshot: _snapshots.snapshots,
    Report: _reports,
    Finding: lambda: _reports().flatmap(
        lambda report: _nonempty(report.findings)
    ),
    FindingOutcome: lambda: st.sampled_from(FindingOutcome),
    FindingFilter: _finding_filters,
    Subject: lambda: _reports().flatmap(
        lambda report: _nonempty(tuple(f.subject for f in report.findings))
    ),
    SubjectKind: lambda: st.sampled_from(SubjectKind),
    ServedLocale: lambda: st.sampled_from(_LOCALE_NAMES).map(resolve_locale),
    # What an SP-API import adds.
    SetAsideReason: lambda: st.sampled_from(SetAsideReason),
    SetAside: _imports.set_asides,
    # What Amazon booked.
    ChargeKind: _charges.charge_kinds,
    Charge: _charges.charges,
    Deposit: _charges.deposits,
    ChargesAudit: _charges_audits,
    CurrencySummary: lambda: _charges_audits(
        st.just(ChargeKind.SUBSCRIPTION)
    ).flatmap(lambda audit: _nonempty(audit.summaries)),
    Judged: lambda: st.builds(
        Judged,
        _core.reasons(),
        st.sampled_from((Outcome.DENIED, Outcome.UNDETERMINED)),
        st.none() | _charges.charges(),
        st.none() | _charges.deposits(),
    ),
    FeeEstimate: _imports.fee_estimates,
    # Changes over time: plans' actions, diffs, what-ifs, live reports.
    **CHANGES_STRATEGIES,
}
"""Each public type and the strategy ``st.from_type`` resolves it to."""


def strategy_for(kind: typing.Any) -> st.SearchStrategy[typing.Any]:
    """The strategy for public type ``kind`` (``Resolved[T]`` included).

    The SP-API adapters' shapes and results are resolved too
    (:data:`._spapi_types.SPAPI_STRATEGIES`).

    Requires hypothesis.
    """
    if typing.get_origin(kind) is Resolved or kind is Resolved:
        return _resolved(kind)
    if kind in SPAPI_STRATEGIES:
        return SPAPI_STRATEGIES[kind]()
    return STRATEGIES[kind]()
