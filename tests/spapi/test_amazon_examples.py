"""Every example payload Amazon ships for these APIs, through the adapters.

The examples sit in Amazon's SP-API models, a folder that is not part of
this project (``../shared/spapi-models``): without it these tests skip,
saying why.  The models are read with ``parse_float=Decimal``, as the
Product Fees adapter asks.
"""

import json
from decimal import Decimal

import pytest

from shared_data import shared
from unified_account import Marketplace
from unified_account.model.listing import FulfillmentChannel, ListingStatus
from unified_account.snapshot import Snapshot
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    read_account,
    read_fees_estimates,
    read_listings_item,
    read_listings_search,
    read_orders,
    read_participations,
)

MODELS, pytestmark = shared("spapi-models")

SELLERS = "sellers-api-model/sellers.json"
LISTINGS = "listings-items-api-model/listingsItems_2021-08-01.json"
V0 = "orders-api-model/ordersV0.json"
V2026 = "orders-api-model/orders_2026-01-01.json"
FEES = "product-fees-api-model/productFeesV0.json"

# (model file, path, method) -> adapter: every operation whose response
# one of the adapters reads.  getInventorySummaries has no concrete
# example (its sandbox is dynamic): the project's fixtures stand in.
OPERATIONS = {
    (SELLERS, "/sellers/v1/marketplaceParticipations", "get"):
        read_participations,
    (SELLERS, "/sellers/v1/account", "get"): read_account,
    (LISTINGS, "/listings/2021-08-01/items/{sellerId}/{sku}", "get"):
        read_listings_item,
    (LISTINGS, "/listings/2021-08-01/items/{sellerId}", "get"):
        read_listings_search,
    (V0, "/orders/v0/orders", "get"): read_orders,
    (V0, "/orders/v0/orders/{orderId}", "get"): read_orders,
    (V2026, "/orders/2026-01-01/orders", "get"): read_orders,
    (V2026, "/orders/2026-01-01/orders/{orderId}", "get"): read_orders,
    (FEES, "/products/fees/v0/listings/{SellerSKU}/feesEstimate", "post"):
        read_fees_estimates,
    (FEES, "/products/fees/v0/items/{Asin}/feesEstimate", "post"):
        read_fees_estimates,
    (FEES, "/products/fees/v0/feesEstimate", "post"): read_fees_estimates,
}  # fmt: skip


def load(relative):
    text = (MODELS / relative).read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def examples():
    """``(id, adapter, payload)`` for each 200 example of each operation."""
    found = []
    for (file, path, method), adapter in OPERATIONS.items():
        response = load(f"models/{file}")["paths"][path][method]["responses"][
            "200"
        ]
        cases = response.get("x-amzn-api-sandbox", {}).get("static", [])
        for index, case in enumerate(cases):
            found.append(
                (f"{path} sandbox {index}", adapter, case["response"])
            )
        for key, body in response.get("examples", {}).items():
            found.append((f"{path} example {key}", adapter, body))
    return found


EXAMPLES = examples() if MODELS.is_dir() else []


@pytest.mark.parametrize(
    ("adapter", "payload"),
    [pytest.param(a, p, id=i) for i, a, p in EXAMPLES],
)
def test_every_amazon_example_goes_through_its_adapter(adapter, payload):
    """No example of these APIs is refused; each yields model values."""
    read = adapter(payload)
    assert read is not None


def test_every_operation_has_an_example_read():
    """The list above names no operation that lacks examples."""
    operations = {i.split(" ")[0] for i, _, _ in EXAMPLES}
    assert operations == {path for _, path, _ in OPERATIONS}


def test_the_participations_example_is_one_us_store():
    """getMarketplaceParticipations: one US store, nothing set aside."""
    model = load("models/sellers-api-model/sellers.json")
    body = model["paths"]["/sellers/v1/marketplaceParticipations"]["get"][
        "responses"
    ]["200"]["examples"]
    read = read_participations(body)
    assert read.marketplaces == (Marketplace.US,)
    assert read.set_aside == ()


def test_the_account_example_lacks_currencies_and_still_reads():
    """GetAccount's example breaks Amazon's schema; it is read anyway."""
    model = load("models/sellers-api-model/sellers.json")
    body = model["paths"]["/sellers/v1/account"]["get"]["responses"]["200"][
        "examples"
    ]["application/json"]
    read = read_account(body)
    assert read.legal_entity_name == "BestSeller Inc."
    assert read.address_country == "US"


def test_the_listings_example_is_us_and_ca_sharing_one_pool():
    """US USD 100.00 active, CA CAD 130.00 inactive, DEFAULT 100: MFN."""
    model = load(
        "models/listings-items-api-model/listingsItems_2021-08-01.json"
    )
    body = model["paths"]["/listings/2021-08-01/items/{sellerId}/{sku}"][
        "get"
    ]["responses"]["200"]["x-amzn-api-sandbox"]["static"][0]["response"]
    item = read_listings_item(body)
    us, ca = item.listings
    assert (us.marketplace, str(us.price), us.status) == (
        Marketplace.US,
        "USD 100.00",
        ListingStatus.ACTIVE,
    )
    assert (ca.marketplace, str(ca.price), ca.status) == (
        Marketplace.CA,
        "CAD 130.00",
        ListingStatus.INACTIVE,
    )
    assert {us.channel, ca.channel} == {FulfillmentChannel.MFN}
    assert item.mfn_quantity == 100


def test_the_fees_example_keeps_each_marketplace_currency_exactly():
    """The batch: US in USD, MX in MXN, amounts exact from their text."""
    model = load("models/product-fees-api-model/productFeesV0.json")
    body = model["paths"]["/products/fees/v0/feesEstimate"]["post"][
        "responses"
    ]["200"]["x-amzn-api-sandbox"]["static"][0]["response"]
    estimates = read_fees_estimates(body).estimates
    assert [(e.marketplace, str(e.total)) for e in estimates] == [
        (Marketplace.US, "USD 3.00"),
        (Marketplace.MX, "MXN 3.00"),
    ]


def _notification_examples():
    folder = MODELS / "schemas" / "notifications"
    found = []
    for name, kind in (
        (
            "ListingsItemMfnQuantityChange.json",
            "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
        ),
        (
            "FBAInventoryAvailabilityChangeNotification.json",
            "FBA_INVENTORY_AVAILABILITY_CHANGES",
        ),
    ):
        schema = json.loads(
            (folder / name).read_text(encoding="utf-8"), parse_float=Decimal
        )
        for body in schema.get("examples") or []:
            found.append(body)
        payload = schema.get("properties", {}).get("Payload", {})
        for example in payload.get("examples") or []:
            found.append({"NotificationType": kind, "Payload": example})
    return found


def test_every_notification_example_applies():
    """Amazon's notification examples: an MFN pool and US and CA FBA pools."""
    account = assemble_snapshot(
        home=Marketplace.US,
        seller_id="AXXXXXXXXXXXXX",
        plan=None,
        account=read_account(
            load("models/sellers-api-model/sellers.json")["paths"][
                "/sellers/v1/account"
            ]["get"]["responses"]["200"]["examples"]["application/json"]
        ),
    ).snapshot
    assert isinstance(account, Snapshot)
    bodies = _notification_examples()
    assert len(bodies) >= 2
    snapshot = account
    for body in bodies:
        snapshot = apply_notification(snapshot, body)
    mfn = [r for r in snapshot.catalog if r.mfn.quantity]
    fba = [r for r in snapshot.catalog if r.fba]
    assert mfn
    assert fba
    assert {m.name for r in fba for m in r.fba} >= {"US", "CA"}
