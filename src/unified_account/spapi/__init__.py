"""Selling Partner API adapters: payloads and reports in, snapshots out.

One small, pure module per source; each reads the JSON the API returns
(a ``Mapping``, as ``python-amazon-sp-api``'s ``ApiResponse.payload`` or
a notification body holds it) and returns model values plus what it set
aside, and why.  Any other value raises
:class:`~unified_account.errors.PayloadError`, naming the JSON path.

- :mod:`~unified_account.spapi.sellers`: participations and account;
- :mod:`~unified_account.spapi.listings`: Listings Items;
- :mod:`~unified_account.spapi.fba_inventory`: FBA inventory summaries;
- :mod:`~unified_account.spapi.orders` and
  :mod:`~unified_account.spapi.order_lists`: Orders v0 and 2026-01-01;
- :mod:`~unified_account.spapi.fees`: Product Fees (the one place JSON
  numbers are money: parse with ``parse_float=decimal.Decimal``);
- :mod:`~unified_account.spapi.notifications`: four notification types,
  as transitions on a snapshot;
- :mod:`~unified_account.spapi.reports`: flat-file listings and orders;
- :mod:`~unified_account.spapi.finances`,
  :mod:`~unified_account.spapi.event_groups`,
  :mod:`~unified_account.spapi.transactions` and
  :mod:`~unified_account.spapi.settlement`: what Amazon booked (Finances
  v0 events and event groups, 2024-06-19 transactions, the V2
  settlement report);
- :mod:`~unified_account.spapi.assemble`: all of them into a snapshot;
- :mod:`~unified_account.spapi.files`: recognising files by their shape.
"""

from ._booked import BookedRecords
from .assemble import Assembly, assemble_snapshot
from .event_groups import read_financial_event_groups
from .fba_inventory import FbaStock, read_inventory_summaries
from .fees import FeeEstimates, read_fees_estimates
from .finances import read_financial_events
from .listings import ListingsItem, read_listings_item, read_listings_search
from .notifications import apply_notification, replay
from .order_lists import OrderList, read_orders
from .orders import order_from_2026, order_from_v0
from .reports import (
    ListingsReport,
    OrdersReport,
    decode_report,
    read_merchant_listings_report,
    read_orders_report,
)
from .sellers import (
    Participations,
    SellersAccount,
    read_account,
    read_participations,
)
from .settlement import read_settlement_report
from .transactions import read_transactions

__all__ = [
    "Assembly",
    "BookedRecords",
    "FbaStock",
    "FeeEstimates",
    "ListingsItem",
    "ListingsReport",
    "OrderList",
    "OrdersReport",
    "Participations",
    "SellersAccount",
    "apply_notification",
    "assemble_snapshot",
    "decode_report",
    "order_from_2026",
    "order_from_v0",
    "read_account",
    "read_fees_estimates",
    "read_financial_event_groups",
    "read_financial_events",
    "read_inventory_summaries",
    "read_listings_item",
    "read_listings_search",
    "read_merchant_listings_report",
    "read_orders",
    "read_orders_report",
    "read_participations",
    "read_settlement_report",
    "read_transactions",
    "replay",
]
