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

import importlib
import inspect
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .data import (
        bundled_subscription_fees,
    )
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
        InvalidArgumentError,
        InvalidValueError,
        MissingDataError,
        MissingMessageError,
        PayloadError,
        SnapshotError,
        UnifiedAccountError,
        UnknownMarketplaceError,
        UnsupportedLocaleError,
    )
    from .i18n import (
        SUPPORTED_LOCALES,
        explain,
        format_money,
        render,
    )
    from .model.account import (
        AccountInfo,
        BankAccount,
        SellerAccount,
        SellingPlan,
    )
    from .model.attributes import (
        AttributeValue,
    )
    from .model.brand import (
        AsinAttributes,
        BrandRegistration,
    )
    from .model.catalog import (
        Catalog,
        SkuRecord,
    )
    from .model.charges import (
        Charge,
        ChargeKind,
        Deposit,
    )
    from .model.fees import (
        PerItemFee,
        RecordedCharge,
        Sale,
        SubscriptionFee,
        SubscriptionFeeSchedule,
        TaxTreatment,
    )
    from .model.identifiers import (
        Asin,
        Sku,
        to_asin,
        to_sku,
    )
    from .model.inventory import (
        MfnArrangement,
        MfnPool,
    )
    from .model.listing import (
        FulfillmentChannel,
        Listing,
        ListingStatus,
    )
    from .model.marketplace import (
        Marketplace,
        NonAmazonMarketplace,
        Region,
    )
    from .model.money import (
        Money,
    )
    from .model.orders import (
        Order,
        OrderStatus,
    )
    from .model.rates import (
        ConversionRate,
        ConversionRates,
    )
    from .model.rows import (
        ListingRow,
        SkuRow,
    )
    from .model.storefront import (
        StorefrontLink,
        StorefrontRequest,
    )
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
    from .policy.charges_audit import (
        ChargesAudit,
        CurrencySummary,
        audit_charges,
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
    from .policy.per_item_fees import (
        per_item_fee,
        per_item_fee_table,
    )
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
    from .report import (
        Finding,
        FindingOutcome,
        Report,
        build_report,
    )
    from .report.subject import (
        Subject,
        SubjectKind,
    )
    from .rules import (
        RULES,
        Rule,
        RuleFamily,
        RuleKey,
        UnknownRuleError,
        rule,
    )
    from .snapshot import (
        Snapshot,
        dump_snapshot,
        example_snapshot,
        load_snapshot,
        parse_snapshot,
    )
    from .spapi import (
        order_from_2026,
        order_from_v0,
    )

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
    "Charge",
    "ChargeKind",
    "ChargesAudit",
    "ConversionRate",
    "ConversionRates",
    "ConvertedTotal",
    "CurrencyMismatchError",
    "CurrencyOrders",
    "CurrencySummary",
    "Decision",
    "Deposit",
    "Edition",
    "Finding",
    "FindingOutcome",
    "FulfillmentChannel",
    "InvalidArgumentError",
    "InvalidValueError",
    "Listing",
    "ListingRow",
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
    "SkuRow",
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
    "audit_charges",
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

# Every public name loads its module on first use (PEP 562), so importing
# the package costs next to nothing and a program pays only for the
# parts it uses: rendering (Babel), snapshots (cattrs), the report, ...
_LAZY = {
    "bundled_subscription_fees": ".data",
    "Decision": ".decision",
    "Outcome": ".decision",
    "Reason": ".decision",
    "Resolved": ".decision",
    "RuleViolation": ".decision",
    "Term": ".decision",
    "combine": ".decision",
    "EDITIONS": ".edition",
    "FAQ": ".edition",
    "INDIVIDUAL_PLANS": ".edition",
    "NORTH_AMERICA_AND_BRAZIL": ".edition",
    "REMOTE_FULFILLMENT": ".edition",
    "SPLIT_SUBSCRIPTION": ".edition",
    "Edition": ".edition",
    "SubscriptionBilling": ".edition",
    "UnknownEditionError": ".edition",
    "edition_named": ".edition",
    "CurrencyMismatchError": ".errors",
    "InvalidArgumentError": ".errors",
    "InvalidValueError": ".errors",
    "MissingDataError": ".errors",
    "MissingMessageError": ".errors",
    "PayloadError": ".errors",
    "SnapshotError": ".errors",
    "UnifiedAccountError": ".errors",
    "UnknownMarketplaceError": ".errors",
    "UnsupportedLocaleError": ".errors",
    "SUPPORTED_LOCALES": ".i18n",
    "explain": ".i18n",
    "format_money": ".i18n",
    "render": ".i18n",
    "AccountInfo": ".model.account",
    "BankAccount": ".model.account",
    "SellerAccount": ".model.account",
    "SellingPlan": ".model.account",
    "AttributeValue": ".model.attributes",
    "AsinAttributes": ".model.brand",
    "BrandRegistration": ".model.brand",
    "Catalog": ".model.catalog",
    "SkuRecord": ".model.catalog",
    "Charge": ".model.charges",
    "ChargeKind": ".model.charges",
    "Deposit": ".model.charges",
    "SkuRow": ".model.rows",
    "ListingRow": ".model.rows",
    "PerItemFee": ".model.fees",
    "RecordedCharge": ".model.fees",
    "Sale": ".model.fees",
    "SubscriptionFee": ".model.fees",
    "SubscriptionFeeSchedule": ".model.fees",
    "TaxTreatment": ".model.fees",
    "Asin": ".model.identifiers",
    "Sku": ".model.identifiers",
    "to_asin": ".model.identifiers",
    "to_sku": ".model.identifiers",
    "MfnArrangement": ".model.inventory",
    "MfnPool": ".model.inventory",
    "FulfillmentChannel": ".model.listing",
    "Listing": ".model.listing",
    "ListingStatus": ".model.listing",
    "Marketplace": ".model.marketplace",
    "NonAmazonMarketplace": ".model.marketplace",
    "Region": ".model.marketplace",
    "Money": ".model.money",
    "Order": ".model.orders",
    "OrderStatus": ".model.orders",
    "ConversionRate": ".model.rates",
    "ConversionRates": ".model.rates",
    "StorefrontLink": ".model.storefront",
    "StorefrontRequest": ".model.storefront",
    "customise_account_info": ".policy.account_info",
    "effective_account_info": ".policy.account_info",
    "evaluate_customisation": ".policy.account_info",
    "reset_account_info": ".policy.account_info",
    "AvailabilityTable": ".policy.availability",
    "active_marketplaces": ".policy.availability",
    "availability_table": ".policy.availability",
    "available_quantity": ".policy.availability",
    "offer_status": ".policy.availability",
    "offerable_skus": ".policy.availability",
    "AttributeDifference": ".policy.brand",
    "BrandApproval": ".policy.brand",
    "BrandStatus": ".policy.brand",
    "attribute_differences": ".policy.brand",
    "brand_registry_status": ".policy.brand",
    "catalog_attribute_differences": ".policy.brand",
    "propagate_brand_registry": ".policy.brand",
    "evaluate_eligibility": ".policy.eligibility",
    "evaluate_scope": ".policy.eligibility",
    "scope_marketplaces": ".policy.eligibility",
    "evaluate_sale": ".policy.inventory",
    "receive_fba_stock": ".policy.inventory",
    "record_sale": ".policy.inventory",
    "set_mfn_quantity": ".policy.inventory",
    "change_listing_info": ".policy.listings",
    "change_price": ".policy.listings",
    "create_listing": ".policy.listings",
    "delete_listing": ".policy.listings",
    "evaluate_deletion": ".policy.listings",
    "evaluate_listing_change": ".policy.listings",
    "evaluate_new_listing": ".policy.listings",
    "ConvertedTotal": ".policy.orders",
    "CurrencyOrders": ".policy.orders",
    "MarketplaceOrders": ".policy.orders",
    "OrderReport": ".policy.orders",
    "OrderTotals": ".policy.orders",
    "combined_order_report": ".policy.orders",
    "PayoutMethod": ".policy.payout",
    "PayoutRoute": ".policy.payout",
    "convert_proceeds": ".policy.payout",
    "payout_route": ".policy.payout",
    "per_item_fee": ".policy.per_item_fees",
    "per_item_fee_table": ".policy.per_item_fees",
    "enroll_remote_fulfillment": ".policy.remote",
    "evaluate_remote_enrollment": ".policy.remote",
    "withdraw_remote_fulfillment": ".policy.remote",
    "SPLIT_CAP": ".policy.split_subscription",
    "TAX_INCLUDED_IN_CAP": ".policy.split_subscription",
    "SplitShare": ".policy.split_subscription",
    "SplitSubscription": ".policy.split_subscription",
    "audit_subscription_charges": ".policy.split_subscription",
    "ChargesAudit": ".policy.charges_audit",
    "CurrencySummary": ".policy.charges_audit",
    "audit_charges": ".policy.charges_audit",
    "split_subscription": ".policy.split_subscription",
    "customise_storefront": ".policy.storefront",
    "evaluate_storefront_customisation": ".policy.storefront",
    "storefront_link": ".policy.storefront",
    "SubscriptionCharge": ".policy.subscription",
    "UnsupportedBillingError": ".policy.subscription",
    "subscription_billing": ".policy.subscription",
    "subscription_charge": ".policy.subscription",
    "evaluate_listing_marketplace": ".policy.unified",
    "evaluate_merge": ".policy.unified",
    "evaluate_unified": ".policy.unified",
    "marketplace_switcher": ".policy.unified",
    "offer_marketplaces": ".policy.unified",
    "Finding": ".report",
    "FindingOutcome": ".report",
    "Report": ".report",
    "build_report": ".report",
    "Subject": ".report.subject",
    "SubjectKind": ".report.subject",
    "RULES": ".rules",
    "Rule": ".rules",
    "RuleFamily": ".rules",
    "RuleKey": ".rules",
    "UnknownRuleError": ".rules",
    "rule": ".rules",
    "Snapshot": ".snapshot",
    "dump_snapshot": ".snapshot",
    "example_snapshot": ".snapshot",
    "load_snapshot": ".snapshot",
    "parse_snapshot": ".snapshot",
    "order_from_2026": ".spapi",
    "order_from_v0": ".spapi",
}


# Every public function checks its arguments' types (see ``_arguments``),
# but ``to_sku`` and ``to_asin``: they read any value and say what a SKU
# or an ASIN is when it is none, the better message.
_UNCHECKED = frozenset({"to_asin", "to_sku"})


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    if name not in _UNCHECKED and inspect.isfunction(value):
        from ._arguments import ModuleNames, checked

        value = checked(value, ModuleNames(sys.modules[__name__]))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
