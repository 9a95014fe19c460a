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
    RuleViolation,
    SnapshotError,
    UnifiedAccountError,
    UnknownMarketplaceError,
    UnsupportedLocaleError,
)
from .i18n import SUPPORTED_LOCALES, explain, format_money, render
from .model.account import AccountInfo, BankAccount, SellerAccount, SellingPlan
from .model.catalog import Catalog, SkuRecord
from .model.identifiers import Asin, Sku, to_asin, to_sku
from .model.inventory import MfnArrangement, MfnPool
from .model.listing import FulfillmentChannel, Listing, ListingStatus
from .model.marketplace import Marketplace, Region
from .model.money import Money
from .policy.account_info import (
    customise_account_info,
    effective_account_info,
    evaluate_customisation,
    reset_account_info,
)
from .policy.availability import (
    AvailabilityTable,
    availability_table,
    available_quantity,
    offer_status,
    offerable_skus,
)
from .policy.decision import (
    Decision,
    Outcome,
    Reason,
    Resolved,
    Term,
    combine,
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
from .policy.unified import (
    evaluate_listing_marketplace,
    evaluate_merge,
    evaluate_unified,
    marketplace_switcher,
    offer_marketplaces,
)
from .report import Finding, FindingOutcome, Report, build_report
from .rules import RULES, Rule, RuleFamily, RuleKey, UnknownRuleError, rule
from .snapshot import (
    Snapshot,
    example_snapshot,
    load_snapshot,
    parse_snapshot,
)

__version__ = "0.1.0"

__all__ = [
    "EDITIONS",
    "FAQ",
    "INDIVIDUAL_PLANS",
    "NORTH_AMERICA_AND_BRAZIL",
    "REMOTE_FULFILLMENT",
    "RULES",
    "SPLIT_SUBSCRIPTION",
    "SUPPORTED_LOCALES",
    "AccountInfo",
    "Asin",
    "AvailabilityTable",
    "BankAccount",
    "Catalog",
    "CurrencyMismatchError",
    "Decision",
    "Edition",
    "Finding",
    "FindingOutcome",
    "FulfillmentChannel",
    "InvalidValueError",
    "Listing",
    "ListingStatus",
    "Marketplace",
    "MfnArrangement",
    "MfnPool",
    "MissingDataError",
    "MissingMessageError",
    "Money",
    "Outcome",
    "Reason",
    "Region",
    "Report",
    "Resolved",
    "Rule",
    "RuleFamily",
    "RuleKey",
    "RuleViolation",
    "SellerAccount",
    "SellingPlan",
    "Sku",
    "SkuRecord",
    "Snapshot",
    "SnapshotError",
    "SubscriptionBilling",
    "Term",
    "UnifiedAccountError",
    "UnknownEditionError",
    "UnknownMarketplaceError",
    "UnknownRuleError",
    "UnsupportedLocaleError",
    "availability_table",
    "available_quantity",
    "build_report",
    "change_listing_info",
    "change_price",
    "combine",
    "create_listing",
    "customise_account_info",
    "delete_listing",
    "edition_named",
    "effective_account_info",
    "evaluate_customisation",
    "evaluate_deletion",
    "evaluate_eligibility",
    "evaluate_listing_change",
    "evaluate_listing_marketplace",
    "evaluate_merge",
    "evaluate_new_listing",
    "evaluate_sale",
    "evaluate_scope",
    "evaluate_unified",
    "example_snapshot",
    "explain",
    "format_money",
    "load_snapshot",
    "marketplace_switcher",
    "offer_marketplaces",
    "offer_status",
    "offerable_skus",
    "parse_snapshot",
    "receive_fba_stock",
    "record_sale",
    "render",
    "reset_account_info",
    "rule",
    "scope_marketplaces",
    "set_mfn_quantity",
    "to_asin",
    "to_sku",
]
