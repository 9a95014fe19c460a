"""Amazon's own SP-API examples, read into the model.

The examples live in a folder of Amazon's API models that is not part of
this project; without it these tests are skipped.
"""

import json

from shared_data import shared
from unified_account import (
    Catalog,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    MfnPool,
    Money,
    SkuRecord,
    available_quantity,
    offer_status,
    record_sale,
    to_asin,
    to_sku,
)

MODELS, pytestmark = shared("spapi-models")


def load(relative):
    return json.loads((MODELS / relative).read_text(encoding="utf-8"))


def test_the_listings_item_example_is_one_shared_pool():
    """getListingsItem: US and CA offers, one DEFAULT (MFN) quantity."""
    model = load(
        "models/listings-items-api-model/listingsItems_2021-08-01.json"
    )
    item = model["paths"]["/listings/2021-08-01/items/{sellerId}/{sku}"][
        "get"
    ]["responses"]["200"]["x-amzn-api-sandbox"]["static"][0]["response"]
    sku = to_sku(item["sku"])
    summaries = {s["marketplaceId"]: s for s in item["summaries"]}
    listings = []
    for offer in item["offers"]:
        marketplace = Marketplace.from_id(offer["marketplaceId"])
        summary = summaries[offer["marketplaceId"]]
        to_asin(summary["asin"])
        listings.append(
            Listing(
                sku=sku,
                marketplace=marketplace,
                title=summary["itemName"],
                price=Money(
                    offer["price"]["amount"], offer["price"]["currencyCode"]
                ),
                channel=FulfillmentChannel.MFN,
                status=ListingStatus.ACTIVE
                if "BUYABLE" in summary["status"]
                else ListingStatus.INACTIVE,
            )
        )
    (default,) = item["fulfillmentAvailability"]
    assert default["fulfillmentChannelCode"] == "DEFAULT"
    catalog = Catalog(
        [
            SkuRecord(
                sku=sku,
                mfn=MfnPool.shared(default["quantity"]),
                listings=listings,
            )
        ]
    )
    us, ca = Marketplace.US, Marketplace.CA
    assert available_quantity(catalog, sku, us).value == 100
    # The CA summary is not BUYABLE: listed, inactive, nothing to sell.
    assert offer_status(catalog, sku, ca).value is ListingStatus.INACTIVE
    assert [str(catalog.listing(sku, m).price) for m in (us, ca)] == [
        "USD 100.00",
        "CAD 130.00",
    ]


def test_the_fba_notification_is_one_pool_per_country():
    """FBAInventoryAvailabilityChange: US 50 and CA 40, never shared."""
    schema = load(
        "schemas/notifications/FBAInventoryAvailabilityChangeNotification.json"
    )
    (payload,) = schema["properties"]["Payload"]["examples"]
    sku = to_sku(payload["SKU"])
    pools = {
        Marketplace.from_id(entry["MarketplaceId"]): entry[
            "FulfillmentInventory"
        ]["Fulfillable"]
        for entry in payload["FulfillmentInventoryByMarketplace"]
    }
    catalog = Catalog(
        [
            SkuRecord(
                sku=sku,
                asin=to_asin(payload["ASIN"]),
                fba=pools,
                listings=[
                    Listing(
                        sku=sku,
                        marketplace=m,
                        title="Product Title",
                        price=Money("10.00", m.currency),
                        channel=FulfillmentChannel.FBA,
                    )
                    for m in pools
                ],
            )
        ]
    )
    ca = Marketplace.CA
    assert available_quantity(catalog, sku, ca).value == 40
    after = record_sale(catalog, sku, ca, 40)
    assert available_quantity(after, sku, Marketplace.US).value == 50
    assert available_quantity(after, sku, ca).value == 0
