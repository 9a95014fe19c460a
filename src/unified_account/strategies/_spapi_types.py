"""What ``st.from_type`` resolves each SP-API type to.

The adapters' ``TypedDict`` shapes resolve to the payload strategies of
:mod:`._spapi` (a part of a shape to that part of a drawn document), and
the adapters' results to what the adapter reads from a drawn payload, so
each is a value the library really returns.  Registered by the package's
``hypothesis`` entry point (:mod:`unified_account._hypothesis`).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping, Sequence

from hypothesis import strategies as st

from ..model.account import SellingPlan
from ..model.marketplace import Marketplace
from ..spapi import (
    Assembly,
    FbaStock,
    FeeEstimates,
    ListingsItem,
    ListingsReport,
    OrderList,
    OrdersReport,
    Participations,
    SellersAccount,
    assemble_snapshot,
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    read_participations,
)
from ..spapi.fba_inventory import (
    GranularityShape,
    InventoryDetailsShape,
    InventorySummaryShape,
    StockRow,
)
from ..spapi.fees import FeesEstimateResultShape, MoneyTypeShape
from ..spapi.listings import (
    FulfillmentAvailabilityShape,
    IssueShape,
    ItemShape,
    MoneyShape,
    OfferShape,
    SummaryShape,
)
from ..spapi.notifications import NotificationShape
from ..spapi.orders import (
    Money2026Shape,
    MoneyV0Shape,
    Order2026Shape,
    OrderV0Shape,
    SalesChannelShape,
)
from ..spapi.sellers import (
    AccountShape,
    MarketplaceParticipationShape,
    MarketplaceShape,
    ParticipationShape,
)
from . import _spapi
from . import _spapi_orders as _orders
from . import _spapi_sellers as _sellers

__all__ = ["SPAPI_STRATEGIES"]

Strategy = st.SearchStrategy[typing.Any]


def _parts(
    documents: Strategy, pick: Callable[[typing.Any], Sequence[typing.Any]]
) -> Strategy:
    """Each part ``pick`` finds in a drawn document (none: draw again)."""
    return documents.map(pick).filter(bool).flatmap(st.sampled_from)


def _at(document: typing.Any, *keys: str) -> list[typing.Any]:
    """Every value at ``keys`` below ``document``, through lists."""
    found = [document]
    for key in keys:
        step: list[typing.Any] = []
        for value in found:
            values = value if isinstance(value, list) else [value]
            for item in values:
                if isinstance(item, Mapping) and key in item:
                    step.append(item[key])
        found = step
    return [
        item
        for value in found
        for item in (value if isinstance(value, list) else [value])
    ]


def _fee_results() -> Strategy:
    return _orders.spapi_fees_estimates().map(
        lambda found: (
            found
            if isinstance(found, list)
            else [found["payload"]["FeesEstimateResult"]]
        )
    )


def _orders_v0() -> Strategy:
    return _orders.spapi_orders_v0().map(lambda found: found["payload"])


def _assemblies() -> Strategy:
    return st.builds(
        lambda home, items, stock, orders, fees, account: assemble_snapshot(
            home=home,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            listings=[read_listings_item(item) for item in items],
            inventory=[read_inventory_summaries(stock)],
            orders=[read_orders(orders)],
            fees=[read_fees_estimates(fees)],
            account=read_account(account),
        ),
        st.sampled_from([Marketplace.US, Marketplace.CA, Marketplace.MX]),
        st.lists(_spapi.spapi_listings_items(), max_size=2),
        _spapi.spapi_inventory_summaries(),
        _orders.spapi_orders_v0(),
        _orders.spapi_fees_estimates(),
        _sellers.spapi_accounts(),
    )


SPAPI_STRATEGIES: dict[type, Callable[[], Strategy]] = {
    # The adapters' input shapes.
    ItemShape: _spapi.spapi_listings_items,
    SummaryShape: lambda: _parts(
        _spapi.spapi_listings_items(), lambda d: _at(d, "summaries")
    ),
    OfferShape: lambda: _parts(
        _spapi.spapi_listings_items(), lambda d: _at(d, "offers")
    ),
    MoneyShape: lambda: _parts(
        _spapi.spapi_listings_items(), lambda d: _at(d, "offers", "price")
    ),
    FulfillmentAvailabilityShape: lambda: _parts(
        _spapi.spapi_listings_items(),
        lambda d: _at(d, "fulfillmentAvailability"),
    ),
    IssueShape: lambda: _parts(
        _spapi.spapi_listings_items(), lambda d: _at(d, "issues")
    ),
    InventorySummaryShape: lambda: _parts(
        _spapi.spapi_inventory_summaries(),
        lambda d: _at(d, "payload", "inventorySummaries"),
    ),
    InventoryDetailsShape: lambda: _parts(
        _spapi.spapi_inventory_summaries(),
        lambda d: _at(d, "payload", "inventorySummaries", "inventoryDetails"),
    ),
    GranularityShape: lambda: _parts(
        _spapi.spapi_inventory_summaries(),
        lambda d: _at(d, "payload", "granularity"),
    ),
    FeesEstimateResultShape: lambda: _parts(_fee_results(), list),
    MoneyTypeShape: lambda: _parts(
        _fee_results(),
        lambda d: _at(
            d, "FeesEstimateIdentifier", "PriceToEstimateFees", "ListingPrice"
        ),
    ),
    OrderV0Shape: lambda: _parts(_orders_v0(), lambda d: _at(d, "Orders")),
    MoneyV0Shape: lambda: _parts(
        _orders_v0(), lambda d: _at(d, "Orders", "OrderTotal")
    ),
    Order2026Shape: lambda: _parts(
        _orders.spapi_orders_2026(), lambda d: _at(d, "orders")
    ),
    Money2026Shape: lambda: _parts(
        _orders.spapi_orders_2026(),
        lambda d: _at(d, "orders", "proceeds", "grandTotal"),
    ),
    SalesChannelShape: lambda: _parts(
        _orders.spapi_orders_2026(),
        lambda d: _at(d, "orders", "salesChannel"),
    ),
    MarketplaceParticipationShape: lambda: _parts(
        _sellers.spapi_participations(), lambda d: _at(d, "payload")
    ),
    MarketplaceShape: lambda: _parts(
        _sellers.spapi_participations(),
        lambda d: _at(d, "payload", "marketplace"),
    ),
    ParticipationShape: lambda: _parts(
        _sellers.spapi_participations(),
        lambda d: _at(d, "payload", "participation"),
    ),
    AccountShape: lambda: _sellers.spapi_accounts().map(
        lambda d: d["payload"]
    ),
    NotificationShape: _sellers.spapi_notifications,
    # What the adapters return.
    ListingsItem: lambda: _spapi.spapi_listings_items().map(
        read_listings_item
    ),
    FbaStock: lambda: _spapi.spapi_inventory_summaries().map(
        read_inventory_summaries
    ),
    StockRow: lambda: _parts(
        _spapi.spapi_inventory_summaries().map(read_inventory_summaries),
        lambda stock: stock.rows,
    ),
    OrderList: lambda: st.one_of(
        _orders.spapi_orders_v0(), _orders.spapi_orders_2026()
    ).map(read_orders),
    FeeEstimates: lambda: _orders.spapi_fees_estimates().map(
        read_fees_estimates
    ),
    Participations: lambda: _sellers.spapi_participations().map(
        read_participations
    ),
    SellersAccount: lambda: _sellers.spapi_accounts().map(read_account),
    ListingsReport: lambda: _orders.spapi_merchant_listings_reports().map(
        lambda asked: read_merchant_listings_report(*asked)
    ),
    OrdersReport: lambda: _orders.spapi_orders_reports().map(
        read_orders_report
    ),
    Assembly: _assemblies,
}
"""Each SP-API type and the strategy ``st.from_type`` resolves it to."""
