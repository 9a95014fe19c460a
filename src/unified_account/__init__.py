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
import re
import sys
from typing import TYPE_CHECKING, Any

# The public names: this block is their one table.  Type checkers and
# IDEs read it as it stands (``import X as X`` re-exports ``X``); at run
# time nothing here is imported: ``_read_table`` reads the table from
# this file and each name loads its module on first use (PEP 562), so
# importing the package costs next to nothing and a program pays only for
# the parts it uses (rendering with Babel, snapshots with cattrs, ...).
# To export a name, add its line here; tests/test_public_surface.py
# checks the table's form.
if TYPE_CHECKING:
    from .changes.diff import FindingChange as FindingChange
    from .changes.diff import ReportDiff as ReportDiff
    from .changes.diff import RuleChanges as RuleChanges
    from .changes.diff import diff_findings as diff_findings
    from .changes.diff import diff_reports as diff_reports
    from .changes.live import LiveReport as LiveReport
    from .changes.plan import ACTIONS as ACTIONS
    from .changes.plan import Action as Action
    from .changes.plan import ChangeListing as ChangeListing
    from .changes.plan import CreateListing as CreateListing
    from .changes.plan import CustomiseAccountInfo as CustomiseAccountInfo
    from .changes.plan import DeleteListing as DeleteListing
    from .changes.plan import (
        EnrollRemoteFulfillment as EnrollRemoteFulfillment,
    )
    from .changes.plan import ReceiveFbaStock as ReceiveFbaStock
    from .changes.plan import RecordSale as RecordSale
    from .changes.plan import RequestStorefrontLink as RequestStorefrontLink
    from .changes.plan import SetMfnQuantity as SetMfnQuantity
    from .changes.plan import TurnOnMarketplace as TurnOnMarketplace
    from .changes.plan import (
        WithdrawRemoteFulfillment as WithdrawRemoteFulfillment,
    )
    from .changes.saved import parse_report as parse_report
    from .changes.whatif import Step as Step
    from .changes.whatif import WhatIf as WhatIf
    from .changes.whatif import what_if as what_if
    from .data import bundled_subscription_fees as bundled_subscription_fees
    from .decision import Decision as Decision
    from .decision import Outcome as Outcome
    from .decision import Reason as Reason
    from .decision import Resolved as Resolved
    from .decision import RuleViolation as RuleViolation
    from .decision import Term as Term
    from .decision import combine as combine
    from .edition import EDITIONS as EDITIONS
    from .edition import FAQ as FAQ
    from .edition import INDIVIDUAL_PLANS as INDIVIDUAL_PLANS
    from .edition import NORTH_AMERICA_AND_BRAZIL as NORTH_AMERICA_AND_BRAZIL
    from .edition import REMOTE_FULFILLMENT as REMOTE_FULFILLMENT
    from .edition import SPLIT_SUBSCRIPTION as SPLIT_SUBSCRIPTION
    from .edition import Edition as Edition
    from .edition import SubscriptionBilling as SubscriptionBilling
    from .edition import UnknownEditionError as UnknownEditionError
    from .edition import edition_named as edition_named
    from .errors import CurrencyMismatchError as CurrencyMismatchError
    from .errors import InvalidArgumentError as InvalidArgumentError
    from .errors import InvalidValueError as InvalidValueError
    from .errors import MissingDataError as MissingDataError
    from .errors import MissingExtraError as MissingExtraError
    from .errors import MissingMessageError as MissingMessageError
    from .errors import PayloadError as PayloadError
    from .errors import RunIncompleteError as RunIncompleteError
    from .errors import SnapshotError as SnapshotError
    from .errors import UnifiedAccountError as UnifiedAccountError
    from .errors import UnknownMarketplaceError as UnknownMarketplaceError
    from .errors import UnsupportedLocaleError as UnsupportedLocaleError
    from .i18n import SUPPORTED_LOCALES as SUPPORTED_LOCALES
    from .i18n import explain as explain
    from .i18n import format_money as format_money
    from .i18n import render as render
    from .locales import ServedLocale as ServedLocale
    from .locales import resolve_locale as resolve_locale
    from .model.account import AccountInfo as AccountInfo
    from .model.account import BankAccount as BankAccount
    from .model.account import SellerAccount as SellerAccount
    from .model.account import SellingPlan as SellingPlan
    from .model.attributes import AttributeValue as AttributeValue
    from .model.brand import AsinAttributes as AsinAttributes
    from .model.brand import BrandRegistration as BrandRegistration
    from .model.catalog import Catalog as Catalog
    from .model.catalog import SkuRecord as SkuRecord
    from .model.charges import Charge as Charge
    from .model.charges import ChargeKind as ChargeKind
    from .model.charges import Deposit as Deposit
    from .model.fees import FeeSource as FeeSource
    from .model.fees import PerItemFee as PerItemFee
    from .model.fees import RecordedCharge as RecordedCharge
    from .model.fees import Sale as Sale
    from .model.fees import SubscriptionFee as SubscriptionFee
    from .model.fees import SubscriptionFeeSchedule as SubscriptionFeeSchedule
    from .model.fees import SubscriptionPlanChange as SubscriptionPlanChange
    from .model.fees import TaxTreatment as TaxTreatment
    from .model.identifiers import Asin as Asin
    from .model.identifiers import Sku as Sku
    from .model.identifiers import to_asin as to_asin
    from .model.identifiers import to_sku as to_sku
    from .model.imports import FeeEstimate as FeeEstimate
    from .model.imports import SetAside as SetAside
    from .model.imports import SetAsideReason as SetAsideReason
    from .model.inventory import MfnArrangement as MfnArrangement
    from .model.inventory import MfnPool as MfnPool
    from .model.listing import FulfillmentChannel as FulfillmentChannel
    from .model.listing import Listing as Listing
    from .model.listing import ListingStatus as ListingStatus
    from .model.marketplace import Marketplace as Marketplace
    from .model.marketplace import NonAmazonMarketplace as NonAmazonMarketplace
    from .model.marketplace import Region as Region
    from .model.money import Money as Money
    from .model.orders import Order as Order
    from .model.orders import OrderStatus as OrderStatus
    from .model.rates import ConversionRate as ConversionRate
    from .model.rates import ConversionRates as ConversionRates
    from .model.rows import ListingRow as ListingRow
    from .model.rows import SkuRow as SkuRow
    from .model.storefront import StorefrontLink as StorefrontLink
    from .model.storefront import StorefrontRequest as StorefrontRequest
    from .policy.account_info import (
        customise_account_info as customise_account_info,
    )
    from .policy.account_info import (
        effective_account_info as effective_account_info,
    )
    from .policy.account_info import (
        evaluate_customisation as evaluate_customisation,
    )
    from .policy.account_info import reset_account_info as reset_account_info
    from .policy.availability import AvailabilityTable as AvailabilityTable
    from .policy.availability import active_marketplaces as active_marketplaces
    from .policy.availability import availability_table as availability_table
    from .policy.availability import available_quantity as available_quantity
    from .policy.availability import offer_status as offer_status
    from .policy.availability import offerable_skus as offerable_skus
    from .policy.brand import AttributeDifference as AttributeDifference
    from .policy.brand import BrandApproval as BrandApproval
    from .policy.brand import BrandStatus as BrandStatus
    from .policy.brand import attribute_differences as attribute_differences
    from .policy.brand import brand_registry_status as brand_registry_status
    from .policy.brand import (
        catalog_attribute_differences as catalog_attribute_differences,
    )
    from .policy.brand import (
        propagate_brand_registry as propagate_brand_registry,
    )
    from .policy.charges_audit import ChargesAudit as ChargesAudit
    from .policy.charges_audit import CurrencySummary as CurrencySummary
    from .policy.charges_audit import Judged as Judged
    from .policy.charges_audit import audit_charges as audit_charges
    from .policy.eligibility import (
        evaluate_eligibility as evaluate_eligibility,
    )
    from .policy.eligibility import evaluate_scope as evaluate_scope
    from .policy.eligibility import scope_marketplaces as scope_marketplaces
    from .policy.inventory import evaluate_sale as evaluate_sale
    from .policy.inventory import receive_fba_stock as receive_fba_stock
    from .policy.inventory import record_sale as record_sale
    from .policy.inventory import set_mfn_quantity as set_mfn_quantity
    from .policy.listings import change_listing_info as change_listing_info
    from .policy.listings import change_price as change_price
    from .policy.listings import create_listing as create_listing
    from .policy.listings import delete_listing as delete_listing
    from .policy.listings import evaluate_deletion as evaluate_deletion
    from .policy.listings import (
        evaluate_listing_change as evaluate_listing_change,
    )
    from .policy.listings import evaluate_new_listing as evaluate_new_listing
    from .policy.orders import ConvertedTotal as ConvertedTotal
    from .policy.orders import CurrencyOrders as CurrencyOrders
    from .policy.orders import MarketplaceOrders as MarketplaceOrders
    from .policy.orders import OrderReport as OrderReport
    from .policy.orders import OrderTotals as OrderTotals
    from .policy.orders import combined_order_report as combined_order_report
    from .policy.payout import PayoutMethod as PayoutMethod
    from .policy.payout import PayoutRoute as PayoutRoute
    from .policy.payout import convert_proceeds as convert_proceeds
    from .policy.payout import payout_route as payout_route
    from .policy.per_item_fees import per_item_fee as per_item_fee
    from .policy.per_item_fees import per_item_fee_table as per_item_fee_table
    from .policy.remote import (
        enroll_remote_fulfillment as enroll_remote_fulfillment,
    )
    from .policy.remote import (
        evaluate_remote_enrollment as evaluate_remote_enrollment,
    )
    from .policy.remote import (
        withdraw_remote_fulfillment as withdraw_remote_fulfillment,
    )
    from .policy.split_subscription import SPLIT_CAP as SPLIT_CAP
    from .policy.split_subscription import (
        TAX_INCLUDED_IN_CAP as TAX_INCLUDED_IN_CAP,
    )
    from .policy.split_subscription import SplitShare as SplitShare
    from .policy.split_subscription import (
        SplitSubscription as SplitSubscription,
    )
    from .policy.split_subscription import (
        audit_subscription_charges as audit_subscription_charges,
    )
    from .policy.split_subscription import (
        split_subscription as split_subscription,
    )
    from .policy.storefront import customise_storefront as customise_storefront
    from .policy.storefront import (
        evaluate_storefront_customisation as evaluate_storefront_customisation,
    )
    from .policy.storefront import storefront_link as storefront_link
    from .policy.subscription import SubscriptionCharge as SubscriptionCharge
    from .policy.subscription import (
        UnsupportedBillingError as UnsupportedBillingError,
    )
    from .policy.subscription import (
        subscription_billing as subscription_billing,
    )
    from .policy.subscription import subscription_charge as subscription_charge
    from .policy.unified import (
        evaluate_listing_marketplace as evaluate_listing_marketplace,
    )
    from .policy.unified import evaluate_merge as evaluate_merge
    from .policy.unified import evaluate_unified as evaluate_unified
    from .policy.unified import marketplace_switcher as marketplace_switcher
    from .policy.unified import offer_marketplaces as offer_marketplaces
    from .report import Finding as Finding
    from .report import FindingFilter as FindingFilter
    from .report import FindingOutcome as FindingOutcome
    from .report import Report as Report
    from .report import build_report as build_report
    from .report.subject import Subject as Subject
    from .report.subject import SubjectKind as SubjectKind
    from .rules import RULES as RULES
    from .rules import Rule as Rule
    from .rules import RuleFamily as RuleFamily
    from .rules import RuleKey as RuleKey
    from .rules import UnknownRuleError as UnknownRuleError
    from .rules import rule as rule
    from .snapshot import Snapshot as Snapshot
    from .snapshot import dump_snapshot as dump_snapshot
    from .snapshot import example_snapshot as example_snapshot
    from .snapshot import load_snapshot as load_snapshot
    from .snapshot import parse_snapshot as parse_snapshot
    from .spapi import order_from_2026 as order_from_2026
    from .spapi import order_from_v0 as order_from_v0

__version__ = "0.1.0"


# One import statement per name (``combine-as-imports`` is off), on one
# line or wrapped in parentheses by the formatter.
_ENTRY = re.compile(r"^    from (\.[\w.]*) import \(?\s*(\w+) as \2\b", re.M)


def _read_table() -> dict[str, str]:
    """Each public name and its module, read from the table above.

    A regular expression rather than :mod:`ast`: it costs a tenth of
    parsing, and tests/test_public_surface.py checks that it reads what
    the type checkers read.
    """
    get_source = getattr(__spec__.loader, "get_source", None)
    source = get_source(__name__) if get_source else None
    if not isinstance(source, str):  # pragma: no cover - never in a wheel
        # Only an install stripped of its ``.py`` files (bytecode only)
        # gets here; the wheel and the sdist carry the sources.
        raise ImportError(f"{__name__} needs its source to list its names")
    start = source.index("\nif TYPE_CHECKING:\n")
    end = source.index("\n__version__ = ", start)
    return {
        name: module for module, name in _ENTRY.findall(source, start, end)
    }


_LAZY = _read_table()
__all__ = sorted(_LAZY)

# Every public function checks its arguments' types (see ``_arguments``),
# but ``to_sku`` and ``to_asin``: they read any value and say what a SKU
# or an ASIN is when it is none, the better message.
_UNCHECKED = frozenset({"to_asin", "to_sku"})


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from ._gc import bulk

    # Importing builds classes, functions and tables and frees next to
    # nothing: collections then would walk them all to find no garbage.
    with bulk():
        value = getattr(importlib.import_module(module, __name__), name)
    if name not in _UNCHECKED and inspect.isfunction(value):
        from ._arguments import ModuleNames, checked

        value = checked(value, ModuleNames(sys.modules[__name__]))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
