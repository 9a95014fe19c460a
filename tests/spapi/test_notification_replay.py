"""Replaying a notification stream equals a fresh pull of the same facts.

A generated catalogue is pulled (Listings Items, FBA summaries, Orders v0
payloads) and assembled; a generated stream of the four notification
types is replayed onto it.  A second, *fresh* pull is written from the
facts the stream leaves (a plain dict model: last value wins) and
assembled on its own.  Both snapshots must be equal: the transitions and
the pull adapters agree.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import Marketplace
from unified_account.model.account import SellingPlan
from unified_account.spapi import (
    assemble_snapshot,
    read_inventory_summaries,
    read_listings_item,
    read_orders,
    replay,
)

MARKETS = (Marketplace.US, Marketplace.CA, Marketplace.MX)
PRICE = {"US": "10.00", "CA": "13.00", "MX": "170.00"}
SKUS = ("MUG-1", "MUG-2", "BOWL-3", "CUP-4")
ORDER_IDS = ("111-0000000-0000001", "702-0000000-0000002", "701-0000000-0003")
V0_STATUS = ("Pending", "Unshipped", "PartiallyShipped", "Shipped", "Canceled")


@st.composite
def pulls(draw):
    """Initial facts: listings, MFN and FBA quantities, orders."""
    names = draw(st.lists(st.sampled_from(SKUS[:3]), unique=True, max_size=3))
    items = {}
    for name in names:
        markets = draw(
            st.lists(st.sampled_from(MARKETS), unique=True, min_size=1)
        )
        items[name] = {
            "fba": draw(st.booleans()),
            "mfn": draw(st.integers(0, 50)),
            "status": {m: draw(st.booleans()) for m in markets},
        }
    pools = {
        (name, market): draw(st.integers(0, 30))
        for name in names
        for market in draw(st.lists(st.sampled_from(MARKETS), unique=True))
    }
    orders = {}
    for order_id in draw(st.lists(st.sampled_from(ORDER_IDS), unique=True)):
        orders[order_id] = {
            "market": draw(st.sampled_from(MARKETS)),
            "status": draw(st.sampled_from(V0_STATUS)),
            "channel": draw(st.sampled_from(["MFN", "AFN"])),
            "total": draw(st.booleans()),
        }
    return {"items": items, "pools": pools, "orders": orders}


@st.composite
def streams(draw, facts):
    """Notifications about those facts (and a few new ones)."""
    events = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["mfn", "status", "fba", "order"]))
        if kind == "mfn" and facts["items"]:
            events.append(
                (
                    "mfn",
                    draw(st.sampled_from(sorted(facts["items"]))),
                    draw(st.integers(0, 50)),
                )
            )
        elif kind == "status" and facts["items"]:
            name = draw(st.sampled_from(sorted(facts["items"])))
            market = draw(
                st.sampled_from(
                    sorted(facts["items"][name]["status"], key=MARKETS.index)
                )
            )
            events.append(("status", name, market, draw(st.booleans())))
        elif kind == "fba":
            name = draw(st.sampled_from(SKUS))
            markets = draw(
                st.lists(st.sampled_from(MARKETS), unique=True, min_size=1)
            )
            events.append(
                ("fba", name, {m: draw(st.integers(0, 30)) for m in markets})
            )
        elif kind == "order":
            order_id = draw(st.sampled_from(ORDER_IDS))
            known = facts["orders"].get(order_id)
            market = (
                known["market"] if known else draw(st.sampled_from(MARKETS))
            )
            events.append(
                (
                    "order",
                    order_id,
                    market,
                    draw(st.sampled_from(V0_STATUS)),
                    draw(st.sampled_from(["MFN", "AFN"])),
                )
            )
    return events


def item_payload(name, item):
    markets = sorted(item["status"], key=MARKETS.index)
    availability = [
        {"fulfillmentChannelCode": "DEFAULT", "quantity": item["mfn"]}
    ]
    if item["fba"]:
        availability.append({"fulfillmentChannelCode": "AMAZON_NA"})
    return {
        "sku": name,
        "summaries": [
            {
                "marketplaceId": m.id,
                "asin": "B0000000A1",
                "productType": "CUP",
                "status": ["BUYABLE", "DISCOVERABLE"]
                if item["status"][m]
                else ["DISCOVERABLE"],
                "itemName": f"{name} in {m.name}",
                "createdDate": "2026-01-01T00:00:00Z",
                "lastUpdatedDate": "2026-01-01T00:00:00Z",
            }
            for m in markets
        ],
        "offers": [
            {
                "marketplaceId": m.id,
                "offerType": "B2C",
                "price": {"currencyCode": m.currency, "amount": PRICE[m.name]},
            }
            for m in markets
        ],
        "fulfillmentAvailability": availability,
    }


def fba_payload(market, pools):
    return {
        "payload": {
            "granularity": {
                "granularityType": "Marketplace",
                "granularityId": market.id,
            },
            "inventorySummaries": [
                {
                    "sellerSku": name,
                    # Each country's own pool: its inbound figure tells
                    # it from another country's (``repeated-stock`` is
                    # for a call that repeats every figure of another).
                    "inventoryDetails": {
                        "fulfillableQuantity": units,
                        "inboundWorkingQuantity": MARKETS.index(market),
                    },
                    "totalQuantity": units,
                }
                for (name, where), units in pools.items()
                if where is market
            ],
        }
    }


def orders_payload(orders):
    found = []
    for order_id, order in orders.items():
        market = order["market"]
        body = {
            "AmazonOrderId": order_id,
            "PurchaseDate": "2026-07-01T00:00:00Z",
            "LastUpdateDate": "2026-07-01T00:00:00Z",
            "OrderStatus": order["status"],
            "MarketplaceId": market.id,
        }
        if order.get("channel"):
            body["FulfillmentChannel"] = order["channel"]
        if order["total"]:
            body["OrderTotal"] = {
                "CurrencyCode": market.currency,
                "Amount": "5.00",
            }
        found.append(body)
    return {"payload": {"Orders": found}}


def build(facts):
    return assemble_snapshot(
        home=Marketplace.US,
        seller_id="A1EXAMPLEUS",
        plan=SellingPlan.PROFESSIONAL,
        listings=[
            read_listings_item(item_payload(n, i))
            for n, i in facts["items"].items()
        ],
        inventory=[
            read_inventory_summaries(fba_payload(m, facts["pools"]))
            for m in MARKETS
        ],
        orders=[read_orders(orders_payload(facts["orders"]))],
    ).snapshot


def notification(event):
    kind = event[0]
    if kind == "mfn":
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": event[1],
            "Quantity": event[2],
        }
        return {
            "NotificationType": "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
            "Payload": payload,
        }
    if kind == "status":
        _, name, market, buyable = event
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "MarketplaceId": market.id,
            "Asin": "B0000000A1",
            "Sku": name,
            "CreatedDate": "2026-01-01T00:00:00Z",
            "Status": ["BUYABLE"] if buyable else [],
        }
        return {
            "NotificationType": "LISTINGS_ITEM_STATUS_CHANGE",
            "Payload": payload,
        }
    if kind == "fba":
        _, name, pools = event
        payload = {
            "SellerId": "A1EXAMPLEUS",
            "FNSKU": "X000000001",
            "ASIN": "B0000000A1",
            "SKU": name,
            "FulfillmentInventoryByMarketplace": [
                {
                    "MarketplaceId": m.id,
                    "ItemName": name,
                    "FulfillmentInventory": {"Fulfillable": units},
                    "Stores": [],
                }
                for m, units in pools.items()
            ],
        }
        return {
            "NotificationType": "FBA_INVENTORY_AVAILABILITY_CHANGES",
            "Payload": payload,
        }
    _, order_id, market, status, channel = event
    summary = {
        "MarketplaceId": market.id,
        "OrderStatus": status,
        "PurchaseDate": "2026-07-01T00:00:00Z",
        "FulfillmentType": channel,
    }
    return {
        "NotificationType": "ORDER_CHANGE",
        "Payload": {
            "OrderChangeNotification": {
                "AmazonOrderId": order_id,
                "Summary": summary,
            }
        },
    }


def apply_to_facts(facts, events):
    """The naive model: each event overwrites the fact it names."""
    items = {
        n: {**i, "status": dict(i["status"])}
        for n, i in facts["items"].items()
    }
    pools = dict(facts["pools"])
    orders = {k: dict(v) for k, v in facts["orders"].items()}
    mfn_only = {}
    for event in events:
        if event[0] == "mfn":
            items[event[1]]["mfn"] = event[2]
        elif event[0] == "status":
            items[event[1]]["status"][event[2]] = event[3]
        elif event[0] == "fba":
            for market, units in event[2].items():
                pools[(event[1], market)] = units
        else:
            _, order_id, market, status, channel = event
            if order_id in orders:
                orders[order_id].update(status=status, channel=channel)
            else:
                orders[order_id] = {
                    "market": market,
                    "status": status,
                    "channel": channel,
                    "total": False,
                }
    del mfn_only
    return {"items": items, "pools": pools, "orders": orders}


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_replaying_a_stream_equals_a_fresh_pull(data):
    """Transitions and pull adapters agree on every generated stream."""
    facts = data.draw(pulls())
    events = data.draw(streams(facts))
    replayed = replay(build(facts), [notification(e) for e in events])
    fresh = build(apply_to_facts(facts, events))
    assert replayed == fresh


def test_a_quantity_for_one_marketplace_of_a_shared_pool_is_a_finding():
    """An MFN quantity naming MX, unlike the pool US and MX share: noted."""
    facts = {
        "items": {
            "MUG-1": {
                "fba": False,
                "mfn": 20,
                "status": {Marketplace.US: True, Marketplace.MX: True},
            }
        },
        "pools": {},
        "orders": {},
    }
    before = build(facts)
    body = notification(("mfn", "MUG-1", 5))
    body["Payload"]["MarketplaceId"] = Marketplace.MX.id
    after = replay(before, [body])
    assert after.catalog == before.catalog
    (note,) = after.set_aside
    assert (note.reason.value, note.subject, note.path) == (
        "contradiction",
        "MUG-1",
        "[0].Payload",
    )
