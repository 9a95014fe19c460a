"""Strategies for SP-API sellers payloads and notifications (hypothesis)."""

from __future__ import annotations

from hypothesis import strategies as st

from ..model.marketplace import Marketplace
from ._catalog import asins, skus
from ._spapi_common import (
    JSON,
    NON_AMAZON,
    ORDER_IDS,
    TITLES,
    V0_STATUSES,
    any_market,
    maybe,
    times,
)

__all__ = [
    "spapi_accounts",
    "spapi_notifications",
    "spapi_participations",
]


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
        "storeName": draw(TITLES),
    }
    return found


def _participation_lists() -> st.SearchStrategy[list[JSON]]:
    ids = st.one_of(
        any_market.map(lambda m: m.id), st.sampled_from(NON_AMAZON)
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
            business: JSON = {"name": draw(TITLES)}
            maybe(
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
        any_market.map(lambda m: m.id), st.sampled_from(NON_AMAZON)
    )
    payload: JSON
    if kind == "LISTINGS_ITEM_MFN_QUANTITY_CHANGE":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": sku,
            "Quantity": draw(st.integers(0, 500)),
        }
        maybe(draw, payload, "MarketplaceId", draw(market_ids))
    elif kind == "LISTINGS_ITEM_STATUS_CHANGE":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "MarketplaceId": draw(market_ids),
            "Asin": draw(asins()),
            "Sku": sku,
            "CreatedDate": draw(times()),
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
            "OrderStatus": draw(st.sampled_from(V0_STATUSES)),
            "PurchaseDate": draw(times()),
        }
        maybe(
            draw,
            summary,
            "FulfillmentType",
            draw(st.sampled_from(["MFN", "AFN"])),
        )
        payload = {
            "OrderChangeNotification": {
                "NotificationLevel": "OrderLevel",
                "SellerId": "A1EXAMPLEUS",
                "AmazonOrderId": draw(ORDER_IDS),
                "OrderChangeType": "OrderStatusChange",
                "OrderChangeTrigger": {
                    "TimeOfOrderChange": draw(times()),
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
            "PublishTime": draw(times()),
            "NotificationId": "notification-1",
        },
    }
    maybe(draw, notification, "EventTime", draw(times()))
    return notification


def spapi_notifications() -> st.SearchStrategy[JSON]:
    """Notification bodies of the four types the library replays.

    ``LISTINGS_ITEM_MFN_QUANTITY_CHANGE`` (with or without a marketplace),
    ``LISTINGS_ITEM_STATUS_CHANGE``, ``FBA_INVENTORY_AVAILABILITY_CHANGES``
    and ``ORDER_CHANGE``, for marketplaces of any region and ids that are
    no Amazon store.  Requires hypothesis.
    """
    return _notification()
