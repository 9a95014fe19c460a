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

This package needs the ``hypothesis`` extra:
``pip install "unified-account[hypothesis]"``.
"""

from __future__ import annotations

from ._catalog import (
    asins,
    catalogs,
    fba_pools,
    fulfillment_channels,
    listing_statuses,
    listings,
    mfn_arrangements,
    mfn_pools,
    sku_records,
    skus,
)
from ._charges import charge_kinds, charges, deposits
from ._commerce import (
    asin_attributes,
    attribute_values,
    brand_registrations,
    conversion_rate_tables,
    conversion_rates,
    order_statuses,
    orders,
    per_item_fees,
    sales,
    storefront_links,
    storefront_requests,
    subscription_fee_schedules,
    subscription_fees,
    tax_treatments,
)
from ._core import (
    account_infos,
    bank_accounts,
    currencies,
    decisions,
    editions,
    marketplaces,
    money,
    reasons,
    rule_keys,
    seller_accounts,
    seller_ids,
    selling_plans,
)
from ._fee_changes import fee_sources, subscription_plan_changes
from ._imports import fee_estimates, set_asides
from ._rows import listing_rows, sku_rows
from ._snapshots import snapshots
from ._spapi import (
    spapi_inventory_summaries,
    spapi_listings_items,
    spapi_listings_searches,
)
from ._spapi_orders import (
    spapi_fees_estimates,
    spapi_merchant_listings_reports,
    spapi_orders_2026,
    spapi_orders_reports,
    spapi_orders_v0,
)
from ._spapi_sellers import (
    spapi_accounts,
    spapi_notifications,
    spapi_participations,
)

__all__ = [
    "account_infos",
    "asin_attributes",
    "asins",
    "attribute_values",
    "bank_accounts",
    "brand_registrations",
    "catalogs",
    "charge_kinds",
    "charges",
    "conversion_rate_tables",
    "conversion_rates",
    "currencies",
    "decisions",
    "deposits",
    "editions",
    "fba_pools",
    "fee_estimates",
    "fee_sources",
    "fulfillment_channels",
    "listing_rows",
    "listing_statuses",
    "listings",
    "marketplaces",
    "mfn_arrangements",
    "mfn_pools",
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
    "set_asides",
    "sku_records",
    "sku_rows",
    "skus",
    "snapshots",
    "spapi_accounts",
    "spapi_fees_estimates",
    "spapi_inventory_summaries",
    "spapi_listings_items",
    "spapi_listings_searches",
    "spapi_merchant_listings_reports",
    "spapi_notifications",
    "spapi_orders_2026",
    "spapi_orders_reports",
    "spapi_orders_v0",
    "spapi_participations",
    "storefront_links",
    "storefront_requests",
    "subscription_fee_schedules",
    "subscription_fees",
    "subscription_plan_changes",
    "tax_treatments",
]
