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

from hypothesis import strategies as st

from ..model.marketplace import Marketplace, NonAmazonMarketplace
from ._catalog import asins, skus
from ._spapi_common import (
    ELSEWHERE,
    JSON,
    NON_AMAZON,
    TAGS,
    TITLES,
    amounts,
    any_market,
    maybe,
    na,
    times,
)

__all__ = [
    "spapi_inventory_summaries",
    "spapi_listings_items",
    "spapi_listings_searches",
]


@st.composite
def _item(draw: st.DrawFn, sku: str | None = None) -> JSON:
    sku = sku or draw(skus())
    markets = draw(
        st.lists(
            st.one_of(
                any_market,
                st.sampled_from(NON_AMAZON).map(NonAmazonMarketplace),
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
            "createdDate": draw(times()),
            "lastUpdatedDate": draw(times()),
        }
        maybe(draw, summary, "asin", asin)
        maybe(draw, summary, "conditionType", "new_new")
        maybe(draw, summary, "itemName", draw(TITLES))
        summaries.append(summary)
        if isinstance(market, Marketplace) and draw(st.integers(0, 4)):
            offers.append(
                {
                    "marketplaceId": market.id,
                    "offerType": "B2C",
                    "price": {
                        "currencyCode": market.currency,
                        "amount": draw(amounts(market.currency)),
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
    maybe(draw, item, "summaries", summaries)
    maybe(draw, item, "offers", offers)
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
            value: JSON = {"value": draw(TITLES)}
            maybe(draw, value, "language_tag", draw(TAGS))
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
        maybe(draw, found, "pagination", {"nextToken": "next-page"})
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
        st.one_of(na, st.sampled_from(ELSEWHERE))
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
                "lastUpdatedTime": draw(times()),
                "stores": [],
            }
            maybe(draw, row, "asin", draw(asins()))
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
        maybe(draw, found, "pagination", {"nextToken": "next-page"})
        return found

    return build()
