"""Strategies for SP-API payloads, shaped as Amazon's models say.

Each draws a JSON document (the ``dict``/``list`` values ``json.loads``
gives, amounts of Product Fees as ``Decimal`` or ``float``) that the
matching adapter of :mod:`unified_account.spapi` reads without error,
with the awkward cases Amazon produces: marketplaces of other regions
and ids that are no Amazon store, optional fields left out, another
country's rows in an FBA call, failed fee estimates.  A downstream tool
tests its own SP-API code with them.  Requires hypothesis.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ..model.marketplace import Marketplace, NonAmazonMarketplace, Region
from ._catalog import asins, skus
from ._core import check_flag

__all__ = [
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
]

JSON = dict[str, Any]

_NA = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
_ELSEWHERE = (Marketplace.GB, Marketplace.DE, Marketplace.JP)
_NON_AMAZON = tuple(m.value for m in NonAmazonMarketplace)

_na = st.sampled_from(_NA)
_any_market = st.one_of(_na, st.sampled_from(_ELSEWHERE))
_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
    min_size=1,
    max_size=24,
).filter(str.strip)
_TITLES = st.one_of(
    st.sampled_from(
        [
            "Harbor Lane stoneware mug",
            "Tasse en grès Harbor Lane",
            "Taza de gres Harbor Lane",
            "港灣馬克杯",
        ]
    ),
    _TEXT,
)
_TAGS = st.sampled_from(["en_US", "en_CA", "fr_CA", "es_MX", "pt_BR"])


def _times() -> st.SearchStrategy[str]:
    start = datetime(2021, 8, 1, tzinfo=UTC)
    return st.integers(0, 5 * 365 * 24 * 3600).map(
        lambda s: (
            (start + timedelta(seconds=s)).isoformat().replace("+00:00", "Z")
        )
    )


def _amounts(currency: str) -> st.SearchStrategy[str]:
    places = 0 if currency == "JPY" else 2
    return st.integers(0, 10**7).map(
        lambda cents: str(Decimal(cents).scaleb(-places))
    )


def _maybe(draw: st.DrawFn, fields: JSON, key: str, value: Any) -> None:
    if draw(st.booleans()):
        fields[key] = value


@st.composite
def _item(draw: st.DrawFn, sku: str | None = None) -> JSON:
    sku = sku or draw(skus())
    markets = draw(
        st.lists(
            st.one_of(
                _any_market,
                st.sampled_from(_NON_AMAZON).map(NonAmazonMarketplace),
            ),
            unique=True,
            max_size=4,
        )
    )
    asin = draw(asins())
    item: JSON = {"sku": sku}
    summaries = []
    offers = []
    for market in markets:
        summary: JSON = {
            "marketplaceId": market.value,
            "productType": "DRINKING_CUP",
            "status": draw(
                st.lists(
                    st.sampled_from(["BUYABLE", "DISCOVERABLE"]),
                    unique=True,
                )
            ),
            "createdDate": draw(_times()),
            "lastUpdatedDate": draw(_times()),
        }
        _maybe(draw, summary, "asin", asin)
        _maybe(draw, summary, "conditionType", "new_new")
        _maybe(draw, summary, "itemName", draw(_TITLES))
        summaries.append(summary)
        if isinstance(market, Marketplace) and draw(st.integers(0, 4)):
            offers.append(
                {
                    "marketplaceId": market.id,
                    "offerType": "B2C",
                    "price": {
                        "currencyCode": market.currency,
                        "amount": draw(_amounts(market.currency)),
                    },
                }
            )
            if draw(st.integers(0, 3)) == 0:
                offers.append(
                    {
                        "marketplaceId": market.id,
                        "offerType": "B2B",
                        "price": {"currencyCode": "USD", "amount": "1.00"},
                    }
                )
    _maybe(draw, item, "summaries", summaries)
    _maybe(draw, item, "offers", offers)
    if draw(st.booleans()):
        item["attributes"] = draw(_attributes(markets))
    if draw(st.booleans()):
        codes = draw(
            st.lists(
                st.sampled_from(["DEFAULT", "AMAZON_NA", "AMAZON_EU"]),
                unique=True,
                min_size=1,
            )
        )
        item["fulfillmentAvailability"] = [
            {"fulfillmentChannelCode": code}
            | (
                {"quantity": draw(st.integers(0, 500))}
                if draw(st.booleans())
                else {}
            )
            for code in codes
        ]
    if draw(st.booleans()):
        item["issues"] = [
            {
                "code": draw(st.sampled_from(["18027", "90220", "8541"])),
                "message": "An issue.",
                "severity": draw(
                    st.sampled_from(["ERROR", "WARNING", "INFO"])
                ),
                "categories": [],
                "marketplaceIds": [m.value for m in markets[:1]],
            }
            for _ in range(draw(st.integers(1, 2)))
        ]
    return item


@st.composite
def _attributes(
    draw: st.DrawFn, markets: list[Marketplace | NonAmazonMarketplace]
) -> JSON:
    found: JSON = {
        "list_price": [
            {
                "currency": "USD",
                "value": 24.99,
                "marketplace_id": Marketplace.US.id,
            }
        ]
    }
    for name in draw(
        st.lists(
            st.sampled_from(["brand", "item_name", "color", "size", "style"]),
            unique=True,
            max_size=3,
        )
    ):
        values = []
        for market in [None, *markets]:
            if draw(st.booleans()):
                continue
            value: JSON = {"value": draw(_TITLES)}
            _maybe(draw, value, "language_tag", draw(_TAGS))
            if market is not None:
                value["marketplace_id"] = market.value
            values.append(value)
        found[name] = values
    return found


def spapi_listings_items() -> st.SearchStrategy[JSON]:
    """``getListingsItem`` responses (an ``Item``, every ``includedData``).

    Summaries of North American marketplaces, other regions and ids that
    are no Amazon store; offers (some missing, some ``B2B``); key
    attributes with and without ``language_tag`` and ``marketplace_id``;
    fulfilment codes and issues.  Requires hypothesis.
    """
    return _item()


def spapi_listings_searches() -> st.SearchStrategy[JSON]:
    """``searchListingsItems`` responses: items with distinct SKUs.

    Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        names = draw(st.lists(skus(), unique=True, max_size=3))
        found: JSON = {
            "numberOfResults": len(names),
            "items": [draw(_item(sku=name)) for name in names],
        }
        _maybe(draw, found, "pagination", {"nextToken": "next-page"})
        return found

    return build()


def spapi_inventory_summaries(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[JSON]:
    """``getInventorySummaries`` responses for one marketplace each.

    ``marketplaces`` is the call's (default: North America's, sometimes
    another region's).  A SKU may appear twice (another country's row),
    ``inventoryDetails`` may be missing (``totalQuantity`` is then read).
    Requires hypothesis.
    """
    called = (
        st.one_of(_na, st.sampled_from(_ELSEWHERE))
        if marketplaces is None
        else marketplaces
    )

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        market = draw(called)
        names = draw(st.lists(skus(), max_size=4))
        rows = []
        for name in names:
            row: JSON = {
                "sellerSku": name,
                "fnSku": "X00"
                + draw(st.from_regex(r"[A-Z0-9]{7}", fullmatch=True)),
                "condition": "NewItem",
                "totalQuantity": draw(st.integers(0, 900)),
                "lastUpdatedTime": draw(_times()),
                "stores": [],
            }
            _maybe(draw, row, "asin", draw(asins()))
            if draw(st.booleans()):
                row["inventoryDetails"] = {
                    "fulfillableQuantity": draw(st.integers(0, 900)),
                    "inboundWorkingQuantity": draw(st.integers(0, 50)),
                    "inboundShippedQuantity": draw(st.integers(0, 50)),
                    "inboundReceivingQuantity": draw(st.integers(0, 50)),
                }
            rows.append(row)
        found: JSON = {
            "payload": {
                "granularity": {
                    "granularityType": "Marketplace",
                    "granularityId": market.id,
                },
                "inventorySummaries": rows,
            }
        }
        _maybe(draw, found, "pagination", {"nextToken": "next-page"})
        return found

    return build()


_V0_STATUSES = (
    "Pending",
    "Unshipped",
    "PartiallyShipped",
    "Shipped",
    "Canceled",
    "Unfulfillable",
    "InvoiceUnconfirmed",
    "PendingAvailability",
)
_ORDER_IDS = st.from_regex(r"[0-9]{3}-[0-9]{7}-[0-9]{7}", fullmatch=True)


@st.composite
def _order_v0(draw: st.DrawFn, order_id: str) -> JSON:
    kind = draw(st.integers(0, 9))
    order: JSON = {
        "AmazonOrderId": order_id,
        "PurchaseDate": draw(_times()),
        "LastUpdateDate": draw(_times()),
        "OrderStatus": draw(st.sampled_from(_V0_STATUSES)),
    }
    if kind == 0:  # placed outside Amazon
        order["SalesChannel"] = "Non-Amazon"
        _maybe(
            draw, order, "MarketplaceId", draw(st.sampled_from(_NON_AMAZON))
        )
        return order
    market = draw(_any_market)
    order["MarketplaceId"] = market.id
    order["SalesChannel"] = market.display_name
    _maybe(
        draw,
        order,
        "FulfillmentChannel",
        draw(st.sampled_from(["MFN", "AFN"])),
    )
    if order["OrderStatus"] != "Pending" and draw(st.booleans()):
        order["OrderTotal"] = {
            "CurrencyCode": market.currency,
            "Amount": draw(_amounts(market.currency)),
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
        ids = draw(st.lists(_ORDER_IDS, unique=True, max_size=4))
        payload: JSON = {"Orders": [draw(_order_v0(i)) for i in ids]}
        _maybe(draw, payload, "NextToken", "next-page")
        _maybe(draw, payload, "CreatedBefore", draw(_times()))
        return {"payload": payload}

    return build()


@st.composite
def _order_2026(draw: st.DrawFn, order_id: str) -> JSON:
    order: JSON = {"orderId": order_id, "createdTime": draw(_times())}
    if draw(st.integers(0, 9)) == 0:
        channel: JSON = {"channelName": "NON_AMAZON"}
        _maybe(
            draw, channel, "marketplaceId", draw(st.sampled_from(_NON_AMAZON))
        )
        order["salesChannel"] = channel
        return order
    market = draw(_any_market)
    order["salesChannel"] = {
        "channelName": "AMAZON",
        "marketplaceId": market.id,
    }
    fulfillment: JSON = {}
    _maybe(
        draw,
        fulfillment,
        "fulfilledBy",
        draw(st.sampled_from(["MERCHANT", "AMAZON"])),
    )
    _maybe(
        draw,
        fulfillment,
        "fulfillmentStatus",
        draw(
            st.sampled_from(["PENDING", "UNSHIPPED", "SHIPPED", "CANCELLED"])
        ),
    )
    _maybe(draw, order, "fulfillment", fulfillment)
    if draw(st.booleans()):
        order["proceeds"] = {
            "grandTotal": {
                "currencyCode": market.currency,
                "amount": draw(_amounts(market.currency)),
            }
        }
    return order


def spapi_orders_2026() -> st.SearchStrategy[JSON]:
    """``searchOrders`` (Orders 2026-01-01) responses: ``{"orders": ...}``.

    Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        ids = draw(st.lists(_ORDER_IDS, unique=True, max_size=4))
        found: JSON = {"orders": [draw(_order_2026(i)) for i in ids]}
        _maybe(draw, found, "pagination", {"nextToken": "next-page"})
        return found

    return build()


@st.composite
def _fee_result(draw: st.DrawFn, floats: bool) -> JSON:
    market = draw(_any_market)
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
        "TimeOfFeesEstimation": draw(_times()),
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


@st.composite
def _participation(draw: st.DrawFn, market_id: str) -> JSON:
    try:
        market = Marketplace(market_id)
    except ValueError:
        country, currency = "US", "USD"
    else:
        country, currency = market.name, market.currency
    found: JSON = {
        "marketplace": {
            "id": market_id,
            "name": f"Amazon.{country.lower()}",
            "countryCode": country,
            "defaultCurrencyCode": currency,
            "defaultLanguageCode": "en_US",
            "domainName": f"www.amazon.{country.lower()}",
        },
        "participation": {
            "isParticipating": draw(st.integers(0, 4)) > 0,
            "hasSuspendedListings": draw(st.integers(0, 4)) == 0,
        },
        "storeName": draw(_TITLES),
    }
    return found


def _participation_lists() -> st.SearchStrategy[list[JSON]]:
    ids = st.one_of(
        _any_market.map(lambda m: m.id), st.sampled_from(_NON_AMAZON)
    )
    return st.lists(ids, unique=True, max_size=5).flatmap(
        lambda chosen: st.tuples(*(_participation(i) for i in chosen)).map(
            list
        )
    )


def spapi_participations() -> st.SearchStrategy[JSON]:
    """``getMarketplaceParticipations`` responses: ``{"payload": [...]}``.

    North American stores, other regions, ids that are no Amazon store
    (non-Amazon, invoicing shadow), stores not participating or with
    suspended listings.  Requires hypothesis.
    """
    return _participation_lists().map(lambda items: {"payload": items})


def spapi_accounts() -> st.SearchStrategy[JSON]:
    """``getAccount`` responses: ``{"payload": Account}``.

    The business (name and registered address) is sometimes missing.
    Requires hypothesis.
    """

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        account: JSON = {
            "marketplaceParticipationList": draw(_participation_lists()),
            "businessType": draw(
                st.sampled_from(["PRIVATE_LIMITED", "SOLE_PROPRIETORSHIP"])
            ),
            "sellingPlan": draw(
                st.sampled_from(["PROFESSIONAL", "INDIVIDUAL"])
            ),
        }
        if draw(st.booleans()):
            business: JSON = {"name": draw(_TITLES)}
            _maybe(
                draw,
                business,
                "registeredBusinessAddress",
                {
                    "addressLine1": "1 Harbor Lane",
                    "city": "Seattle",
                    "countryCode": draw(st.sampled_from(["US", "CA", "MX"])),
                    "postalCode": "98101",
                },
            )
            account["business"] = business
        return {"payload": account}

    return build()


@st.composite
def _notification(draw: st.DrawFn) -> JSON:
    kind = draw(
        st.sampled_from(
            [
                "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
                "LISTINGS_ITEM_STATUS_CHANGE",
                "FBA_INVENTORY_AVAILABILITY_CHANGES",
                "ORDER_CHANGE",
            ]
        )
    )
    sku = draw(skus())
    market_ids = st.one_of(
        _any_market.map(lambda m: m.id), st.sampled_from(_NON_AMAZON)
    )
    payload: JSON
    if kind == "LISTINGS_ITEM_MFN_QUANTITY_CHANGE":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": sku,
            "Quantity": draw(st.integers(0, 500)),
        }
        _maybe(draw, payload, "MarketplaceId", draw(market_ids))
    elif kind == "LISTINGS_ITEM_STATUS_CHANGE":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "MarketplaceId": draw(market_ids),
            "Asin": draw(asins()),
            "Sku": sku,
            "CreatedDate": draw(_times()),
            "Status": draw(
                st.lists(
                    st.sampled_from(["BUYABLE", "DISCOVERABLE"]), unique=True
                )
            ),
        }
    elif kind == "FBA_INVENTORY_AVAILABILITY_CHANGES":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "FNSKU": "X00MUG0001",
            "ASIN": draw(asins()),
            "SKU": sku,
            "FulfillmentInventoryByMarketplace": [
                {
                    "MarketplaceId": market_id,
                    "FulfillmentInventory": {
                        "Inbound": draw(st.integers(0, 50)),
                        "Fulfillable": draw(st.integers(0, 500)),
                        "Unfulfillable": draw(st.integers(0, 5)),
                        "Reserved": {"PendingCustomerOrder": 0},
                    },
                }
                for market_id in draw(st.lists(market_ids, unique=True))
            ],
        }
    else:
        summary: JSON = {
            "MarketplaceId": draw(market_ids),
            "OrderStatus": draw(st.sampled_from(_V0_STATUSES)),
            "PurchaseDate": draw(_times()),
        }
        _maybe(
            draw,
            summary,
            "FulfillmentType",
            draw(st.sampled_from(["MFN", "AFN"])),
        )
        payload = {
            "OrderChangeNotification": {
                "NotificationLevel": "OrderLevel",
                "SellerId": "A1EXAMPLEUS",
                "AmazonOrderId": draw(_ORDER_IDS),
                "OrderChangeType": "OrderStatusChange",
                "OrderChangeTrigger": {
                    "TimeOfOrderChange": draw(_times()),
                    "ChangeReason": "OrderStatusChange",
                },
                "Summary": summary,
            }
        }
    notification: JSON = {
        "NotificationVersion": "1.0",
        "NotificationType": kind,
        "PayloadVersion": "1.0",
        "Payload": payload,
        "NotificationMetadata": {
            "ApplicationId": "amzn1.sellerapps.app.example",
            "SubscriptionId": "subscription-1",
            "PublishTime": draw(_times()),
            "NotificationId": "notification-1",
        },
    }
    _maybe(draw, notification, "EventTime", draw(_times()))
    return notification


def spapi_notifications() -> st.SearchStrategy[JSON]:
    """Notification bodies of the four types the library replays.

    ``LISTINGS_ITEM_MFN_QUANTITY_CHANGE`` (with or without a marketplace),
    ``LISTINGS_ITEM_STATUS_CHANGE``, ``FBA_INVENTORY_AVAILABILITY_CHANGES``
    and ``ORDER_CHANGE``, for marketplaces of any region and ids that are
    no Amazon store.  Requires hypothesis.
    """
    return _notification()


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
    asked = _na if marketplaces is None else marketplaces

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Marketplace]:
        marketplace = draw(asked)
        header = "item-name\tseller-sku\tprice\tquantity\tasin1\t"
        header += "fulfillment-channel\tstatus"
        lines = [header]
        for sku in draw(st.lists(skus(), unique=True, max_size=4)):
            cells = [
                draw(_TITLES).strip(),
                sku,
                draw(_amounts(marketplace.currency)),
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
        for order_id in draw(st.lists(_ORDER_IDS, unique=True, max_size=4)):
            channel = draw(
                st.sampled_from(
                    ["Amazon.com", "Amazon.ca", "Amazon.com.mx", "Non-Amazon"]
                )
            )
            cells = [
                order_id,
                draw(_times()),
                draw(st.sampled_from(["Pending", "Shipped", "Cancelled"])),
                draw(st.sampled_from(["Amazon", "Merchant"])),
                channel,
            ]
            for _ in range(draw(st.integers(1, 2))):
                lines.append("\t".join([*cells, draw(skus())]))
        return "\n".join(lines) + "\n"

    return build()
