"""Strategies for SP-API orders, fees and flat-file reports (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from ..model.marketplace import Marketplace
from ._catalog import asins, skus
from ._core import check_flag
from ._spapi_common import (
    JSON,
    NON_AMAZON,
    ORDER_IDS,
    TITLES,
    V0_STATUSES,
    amounts,
    any_market,
    maybe,
    na,
    times,
)

__all__ = [
    "spapi_fees_estimates",
    "spapi_merchant_listings_reports",
    "spapi_orders_2026",
    "spapi_orders_reports",
    "spapi_orders_v0",
]


@st.composite
def _order_v0(draw: st.DrawFn, order_id: str) -> JSON:
    kind = draw(st.integers(0, 9))
    order: JSON = {
        "AmazonOrderId": order_id,
        "PurchaseDate": draw(times()),
        "LastUpdateDate": draw(times()),
        "OrderStatus": draw(st.sampled_from(V0_STATUSES)),
    }
    if kind == 0:  # placed outside Amazon
        order["SalesChannel"] = "Non-Amazon"
        maybe(draw, order, "MarketplaceId", draw(st.sampled_from(NON_AMAZON)))
        return order
    market = draw(any_market)
    order["MarketplaceId"] = market.id
    order["SalesChannel"] = market.display_name
    maybe(
        draw,
        order,
        "FulfillmentChannel",
        draw(st.sampled_from(["MFN", "AFN"])),
    )
    if order["OrderStatus"] != "Pending" and draw(st.booleans()):
        order["OrderTotal"] = {
            "CurrencyCode": market.currency,
            "Amount": draw(amounts(market.currency)),
        }
    return order


def spapi_orders_v0() -> st.SearchStrategy[JSON]:
    """``getOrders`` (Orders v0) responses: ``{"payload": {"Orders": ...}}``.

    Orders of North America and other regions, orders placed outside
    Amazon (``SalesChannel`` ``Non-Amazon``), pending orders without a
    total, and a ``NextToken`` on some.  Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        ids = draw(st.lists(ORDER_IDS, unique=True, max_size=4))
        payload: JSON = {"Orders": [draw(_order_v0(i)) for i in ids]}
        maybe(draw, payload, "NextToken", "next-page")
        maybe(draw, payload, "CreatedBefore", draw(times()))
        return {"payload": payload}

    return build()


@st.composite
def _order_2026(draw: st.DrawFn, order_id: str) -> JSON:
    order: JSON = {"orderId": order_id, "createdTime": draw(times())}
    if draw(st.integers(0, 9)) == 0:
        channel: JSON = {"channelName": "NON_AMAZON"}
        maybe(
            draw, channel, "marketplaceId", draw(st.sampled_from(NON_AMAZON))
        )
        order["salesChannel"] = channel
        return order
    market = draw(any_market)
    order["salesChannel"] = {
        "channelName": "AMAZON",
        "marketplaceId": market.id,
    }
    fulfillment: JSON = {}
    maybe(
        draw,
        fulfillment,
        "fulfilledBy",
        draw(st.sampled_from(["MERCHANT", "AMAZON"])),
    )
    maybe(
        draw,
        fulfillment,
        "fulfillmentStatus",
        draw(
            st.sampled_from(["PENDING", "UNSHIPPED", "SHIPPED", "CANCELLED"])
        ),
    )
    maybe(draw, order, "fulfillment", fulfillment)
    if draw(st.booleans()):
        order["proceeds"] = {
            "grandTotal": {
                "currencyCode": market.currency,
                "amount": draw(amounts(market.currency)),
            }
        }
    return order


def spapi_orders_2026() -> st.SearchStrategy[JSON]:
    """``searchOrders`` (Orders 2026-01-01) responses: ``{"orders": ...}``.

    Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        ids = draw(st.lists(ORDER_IDS, unique=True, max_size=4))
        found: JSON = {"orders": [draw(_order_2026(i)) for i in ids]}
        maybe(draw, found, "pagination", {"nextToken": "next-page"})
        return found

    return build()


@st.composite
def _fee_result(draw: st.DrawFn, floats: bool) -> JSON:
    market = draw(any_market)
    places = 0 if market.currency == "JPY" else 2

    def amount(cents: int) -> Decimal | float:
        value = Decimal(cents).scaleb(-places)
        return float(value) if floats else value

    result: JSON = {
        "FeesEstimateIdentifier": {
            "MarketplaceId": market.id,
            "IdType": draw(st.sampled_from(["SellerSKU", "ASIN"])),
            "SellerId": "A1EXAMPLEUS",
            "SellerInputIdentifier": "request-1",
            "IsAmazonFulfilled": draw(st.booleans()),
            "IdValue": draw(skus()),
            "PriceToEstimateFees": {
                "ListingPrice": {
                    "CurrencyCode": market.currency,
                    "Amount": amount(draw(st.integers(0, 10**7))),
                }
            },
        }
    }
    if draw(st.integers(0, 5)) == 0:
        result["Status"] = "ClientError"
        result["Error"] = {"Type": "Sender", "Code": "InvalidParameterValue"}
        return result
    result["Status"] = "Success"
    result["FeesEstimate"] = {
        "TimeOfFeesEstimation": draw(times()),
        "TotalFeesEstimate": {
            "CurrencyCode": market.currency,
            "Amount": amount(draw(st.integers(0, 10**6))),
        },
        "FeeDetailList": [],
    }
    return result


def spapi_fees_estimates(
    *, floats: bool | None = None
) -> st.SearchStrategy[JSON | list[JSON]]:
    """``getMyFeesEstimate`` (one result) or ``getMyFeesEstimates`` (a list).

    Amounts are ``Decimal`` (JSON parsed with ``parse_float=Decimal``) or
    ``float`` (as python-amazon-sp-api gives them); ``floats`` is a flag
    (``None``: either).  Some estimates failed (``ClientError``).
    Requires hypothesis.
    """
    check_flag("floats", floats)
    as_floats = st.booleans() if floats is None else st.just(floats)

    @st.composite
    def build(draw: st.DrawFn) -> JSON | list[JSON]:
        plain = draw(as_floats)
        if draw(st.booleans()):
            result = draw(_fee_result(plain))
            return {"payload": {"FeesEstimateResult": result}}
        return draw(st.lists(_fee_result(plain), max_size=3))

    return build()


def spapi_merchant_listings_reports(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[tuple[str, Marketplace]]:
    """``GET_MERCHANT_LISTINGS_ALL_DATA`` text and the marketplace asked.

    The report has no marketplace column: each draw is the text and the
    marketplace it was requested for (``marketplaces``, default North
    America's), to give to
    :func:`~unified_account.spapi.read_merchant_listings_report`.
    Tab-separated, one row per SKU, prices in the marketplace's currency;
    quantity and ASIN sometimes empty.  Requires hypothesis.
    """
    asked = na if marketplaces is None else marketplaces

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Marketplace]:
        marketplace = draw(asked)
        header = "item-name\tseller-sku\tprice\tquantity\tasin1\t"
        header += "fulfillment-channel\tstatus"
        lines = [header]
        for sku in draw(st.lists(skus(), unique=True, max_size=4)):
            cells = [
                draw(TITLES).strip(),
                sku,
                draw(amounts(marketplace.currency)),
                draw(st.one_of(st.just(""), st.integers(0, 99).map(str))),
                draw(st.one_of(st.just(""), asins())),
                draw(st.sampled_from(["DEFAULT", "AMAZON_NA"])),
                draw(st.sampled_from(["Active", "Inactive"])),
            ]
            lines.append("\t".join(cells))
        return "\r\n".join(lines) + "\r\n", marketplace

    return build()


def spapi_orders_reports() -> st.SearchStrategy[str]:
    """``GET_FLAT_FILE_ALL_ORDERS_DATA_BY_*`` text: every order of the region.

    Rows of North American stores and ``Non-Amazon`` rows, one or two
    item rows per order.  Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> str:
        lines = [
            "amazon-order-id\tpurchase-date\torder-status\t"
            "fulfillment-channel\tsales-channel\tsku"
        ]
        for order_id in draw(st.lists(ORDER_IDS, unique=True, max_size=4)):
            channel = draw(
                st.sampled_from(
                    ["Amazon.com", "Amazon.ca", "Amazon.com.mx", "Non-Amazon"]
                )
            )
            cells = [
                order_id,
                draw(times()),
                draw(st.sampled_from(["Pending", "Shipped", "Cancelled"])),
                draw(st.sampled_from(["Amazon", "Merchant"])),
                channel,
            ]
            for _ in range(draw(st.integers(1, 2))):
                lines.append("\t".join([*cells, draw(skus())]))
        return "\n".join(lines) + "\n"

    return build()
