"""unified-account: the rules of Amazon's North America unified account.

Immutable values (:class:`Marketplace`, :class:`Money`,
:class:`SellerAccount`, ...) and pure policy functions that answer what
the seller FAQ answers, each answer a :class:`Decision` or a
:class:`Resolved` value naming the rules that produced it.

>>> from unified_account import Marketplace, evaluate_scope
>>> evaluate_scope(Marketplace.CA).allowed
True
"""

from __future__ import annotations

from .data import bundled_subscription_fees
from .decision import (
    Decision,
    Outcome,
    Reason,
    Resolved,
    RuleViolation,
    Term,
    combine,
)
from .edition import (
    EDITIONS,
    FAQ,
    INDIVIDUAL_PLANS,
    NORTH_AMERICA_AND_BRAZIL,
    REMOTE_FULFILLMENT,
    SPLIT_SUBSCRIPTION,
    Edition,
    SubscriptionBilling,
    UnknownEditionError,
    edition_named,
)
from .errors import (
    CurrencyMismatchError,
    InvalidValueError,
    MissingDataError,
    MissingMessageError,
    PayloadError,
    SnapshotError,
    UnifiedAccountError,
    UnknownMarketplaceError,
    UnsupportedLocaleError,
)
from .i18n import SUPPORTED_LOCALES, explain, format_money, render
from .model.account import AccountInfo, BankAccount, SellerAccount, SellingPlan
from .model.attributes import AttributeValue
from .model.brand import AsinAttributes, BrandRegistration
from .model.catalog import Catalog, SkuRecord
from .model.fees import (
    PerItemFee,
    RecordedCharge,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    TaxTreatment,
)
from .model.identifiers import Asin, Sku, to_asin, to_sku
from .model.inventory import MfnArrangement, MfnPool
from .model.listing import FulfillmentChannel, Listing, ListingStatus
from .model.marketplace import Marketplace, NonAmazonMarketplace, Region
from .model.money import Money
from .model.orders import Order, OrderStatus
from .model.rates import ConversionRate, ConversionRates
from .model.storefront import StorefrontLink, StorefrontRequest
from .policy.account_info import (
    customise_account_info,
    effective_account_info,
    evaluate_customisation,
    reset_account_info,
)
from .policy.availability import (
    AvailabilityTable,
    active_marketplaces,
    availability_table,
    available_quantity,
    offer_status,
    offerable_skus,
)
from .policy.brand import (
    AttributeDifference,
    BrandApproval,
    BrandStatus,
    attribute_differences,
    brand_registry_status,
    catalog_attribute_differences,
    propagate_brand_registry,
)
from .policy.eligibility import (
    evaluate_eligibility,
    evaluate_scope,
    scope_marketplaces,
)
from .policy.inventory import (
    evaluate_sale,
    receive_fba_stock,
    record_sale,
    set_mfn_quantity,
)
from .policy.listings import (
    change_listing_info,
    change_price,
    create_listing,
    delete_listing,
    evaluate_deletion,
    evaluate_listing_change,
    evaluate_new_listing,
)
from .policy.orders import (
    ConvertedTotal,
    CurrencyOrders,
    MarketplaceOrders,
    OrderReport,
    OrderTotals,
    combined_order_report,
)
from .policy.payout import (
    PayoutMethod,
    PayoutRoute,
    convert_proceeds,
    payout_route,
)
from .policy.per_item_fees import per_item_fee, per_item_fee_table
from .policy.remote import (
    enroll_remote_fulfillment,
    evaluate_remote_enrollment,
    withdraw_remote_fulfillment,
)
from .policy.split_subscription import (
    SPLIT_CAP,
    TAX_INCLUDED_IN_CAP,
    SplitShare,
    SplitSubscription,
    audit_subscription_charges,
    split_subscription,
)
from .policy.storefront import (
    customise_storefront,
    evaluate_storefront_customisation,
    storefront_link,
)
from .policy.subscription import (
    SubscriptionCharge,
    UnsupportedBillingError,
    subscription_billing,
    subscription_charge,
)
from .policy.unified import (
    evaluate_listing_marketplace,
    evaluate_merge,
    evaluate_unified,
    marketplace_switcher,
    offer_marketplaces,
)
from .report import Finding, FindingOutcome, Report, build_report
from .report.subject import Subject, SubjectKind
from .rules import RULES, Rule, RuleFamily, RuleKey, UnknownRuleError, rule
from .snapshot import (
    Snapshot,
    dump_snapshot,
    example_snapshot,
    load_snapshot,
    parse_snapshot,
)
from .spapi import order_from_2026, order_from_v0

__version__ = "0.1.0"

__all__ = [
    "EDITIONS",
    "FAQ",
    "INDIVIDUAL_PLANS",
    "NORTH_AMERICA_AND_BRAZIL",
    "REMOTE_FULFILLMENT",
    "RULES",
    "SPLIT_CAP",
    "SPLIT_SUBSCRIPTION",
    "SUPPORTED_LOCALES",
    "TAX_INCLUDED_IN_CAP",
    "AccountInfo",
    "Asin",
    "AsinAttributes",
    "AttributeDifference",
    "AttributeValue",
    "AvailabilityTable",
    "BankAccount",
    "BrandApproval",
    "BrandRegistration",
    "BrandStatus",
    "Catalog",
    "ConversionRate",
    "ConversionRates",
    "ConvertedTotal",
    "CurrencyMismatchError",
    "CurrencyOrders",
    "Decision",
    "Edition",
    "Finding",
    "FindingOutcome",
    "FulfillmentChannel",
    "InvalidValueError",
    "Listing",
    "ListingStatus",
    "Marketplace",
    "MarketplaceOrders",
    "MfnArrangement",
    "MfnPool",
    "MissingDataError",
    "MissingMessageError",
    "Money",
    "NonAmazonMarketplace",
    "Order",
    "OrderReport",
    "OrderStatus",
    "OrderTotals",
    "Outcome",
    "PayloadError",
    "PayoutMethod",
    "PayoutRoute",
    "PerItemFee",
    "Reason",
    "RecordedCharge",
    "Region",
    "Report",
    "Resolved",
    "Rule",
    "RuleFamily",
    "RuleKey",
    "RuleViolation",
    "Sale",
    "SellerAccount",
    "SellingPlan",
    "Sku",
    "SkuRecord",
    "Snapshot",
    "SnapshotError",
    "SplitShare",
    "SplitSubscription",
    "StorefrontLink",
    "StorefrontRequest",
    "Subject",
    "SubjectKind",
    "SubscriptionBilling",
    "SubscriptionCharge",
    "SubscriptionFee",
    "SubscriptionFeeSchedule",
    "TaxTreatment",
    "Term",
    "UnifiedAccountError",
    "UnknownEditionError",
    "UnknownMarketplaceError",
    "UnknownRuleError",
    "UnsupportedBillingError",
    "UnsupportedLocaleError",
    "active_marketplaces",
    "attribute_differences",
    "audit_subscription_charges",
    "availability_table",
    "available_quantity",
    "brand_registry_status",
    "build_report",
    "bundled_subscription_fees",
    "catalog_attribute_differences",
    "change_listing_info",
    "change_price",
    "combine",
    "combined_order_report",
    "convert_proceeds",
    "create_listing",
    "customise_account_info",
    "customise_storefront",
    "delete_listing",
    "dump_snapshot",
    "edition_named",
    "effective_account_info",
    "enroll_remote_fulfillment",
    "evaluate_customisation",
    "evaluate_deletion",
    "evaluate_eligibility",
    "evaluate_listing_change",
    "evaluate_listing_marketplace",
    "evaluate_merge",
    "evaluate_new_listing",
    "evaluate_remote_enrollment",
    "evaluate_sale",
    "evaluate_scope",
    "evaluate_storefront_customisation",
    "evaluate_unified",
    "example_snapshot",
    "explain",
    "format_money",
    "load_snapshot",
    "marketplace_switcher",
    "offer_marketplaces",
    "offer_status",
    "offerable_skus",
    "order_from_2026",
    "order_from_v0",
    "parse_snapshot",
    "payout_route",
    "per_item_fee",
    "per_item_fee_table",
    "propagate_brand_registry",
    "receive_fba_stock",
    "record_sale",
    "render",
    "reset_account_info",
    "rule",
    "scope_marketplaces",
    "set_mfn_quantity",
    "split_subscription",
    "storefront_link",
    "subscription_billing",
    "subscription_charge",
    "to_asin",
    "to_sku",
    "withdraw_remote_fulfillment",
]
