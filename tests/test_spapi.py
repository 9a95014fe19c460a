"""SP-API order payloads (Orders v0 and 2026-01-01) become Order values.

The CA and MX fixtures are our own, in Amazon's shapes; where Amazon's
model files are at hand (``../shared/spapi-models``) they are checked
against Amazon's schemas and Amazon's own examples are read too.
"""

import json
from pathlib import Path

import pytest

from unified_account import InvalidValueError, Marketplace, Money
from unified_account.model.listing import FulfillmentChannel
from unified_account.model.orders import OrderStatus
from unified_account.spapi import order_from_2026, order_from_v0

FIXTURES = Path(__file__).parent / "fixtures"
MODELS = (
    Path(__file__).resolve().parents[2] / "shared" / "spapi-models" / "models"
)


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def amazon_model(name):
    path = MODELS / "orders-api-model" / name
    if not path.exists():
        pytest.skip(
            f"shared data absent: Amazon's SP-API model files are not at "
            f"{path}: they are test data kept outside the project"
        )
    return json.loads(path.read_text(encoding="utf-8"))


class TestOrdersV0:
    """Orders v0: PascalCase, AFN/MFN, optional totals."""

    def test_na_orders_keep_their_marketplace_and_currency(self):
        """US, CA and MX orders, each in its own currency."""
        orders = [
            order_from_v0(o)
            for o in fixture("orders_v0_na.json")["payload"]["Orders"]
        ]
        assert [(o.marketplace, o.total) for o in orders] == [
            (Marketplace.US, Money("11.01", "USD")),
            (Marketplace.CA, Money("54.20", "CAD")),
            (Marketplace.MX, Money("1999.00", "MXN")),
            (Marketplace.MX, None),
        ]
        assert orders[1].fulfillment is FulfillmentChannel.FBA
        assert orders[3].status is OrderStatus.PENDING

    def test_the_sales_channel_names_the_marketplace_when_the_id_is_absent(
        self,
    ):
        """SalesChannel "Amazon.ca" is Amazon.ca."""
        payload = fixture("orders_v0_na.json")["payload"]["Orders"][1]
        del payload["MarketplaceId"]
        assert order_from_v0(payload).marketplace is Marketplace.CA

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            (
                {"OrderTotal": {"CurrencyCode": "CAD", "Amount": 54.2}},
                "OrderTotal.Amount",
            ),
            (
                {"OrderTotal": {"CurrencyCode": "CDN", "Amount": "54.20"}},
                "OrderTotal.CurrencyCode",
            ),
            (
                {"OrderTotal": {"CurrencyCode": "USD", "Amount": "54.20"}},
                "OrderTotal",
            ),
            ({"FulfillmentChannel": "FBA"}, "FulfillmentChannel"),
            ({"PurchaseDate": "1.569521782042E9"}, "PurchaseDate"),
            ({"MarketplaceId": "XXXX"}, "MarketplaceId"),
        ],
    )
    def test_bad_payloads_name_the_field(self, change, field):
        """A float, an unknown or foreign currency, ... are refused."""
        payload = {
            **fixture("orders_v0_na.json")["payload"]["Orders"][1],
            **change,
        }
        with pytest.raises(InvalidValueError) as error:
            order_from_v0(payload)
        assert error.value.field == field


class TestOrders2026:
    """Orders 2026-01-01: camelCase, AMAZON/MERCHANT, proceeds."""

    def test_na_orders_keep_their_marketplace_and_currency(self):
        """CA and MX orders in CAD and MXN; CANCELLED maps to canceled."""
        orders = [
            order_from_2026(o)
            for o in fixture("orders_2026_na.json")["orders"]
        ]
        assert [(o.marketplace, o.total, o.status) for o in orders] == [
            (Marketplace.CA, Money("130.00", "CAD"), OrderStatus.UNSHIPPED),
            (Marketplace.MX, Money("349.50", "MXN"), OrderStatus.CANCELED),
        ]


def _validator(model, definition):
    import jsonschema

    schema = {
        "$ref": f"#/definitions/{definition}",
        "definitions": model["definitions"],
    }
    return jsonschema.Draft4Validator(schema)


def test_our_v0_fixtures_validate_against_amazons_schema():
    """Our CA and MX orders have Amazon's v0 Order shape."""
    validator = _validator(amazon_model("ordersV0.json"), "Order")
    for order in fixture("orders_v0_na.json")["payload"]["Orders"]:
        validator.validate(order)


def test_our_2026_fixtures_validate_against_amazons_schema():
    """Our CA and MX orders have Amazon's 2026 Order shape."""
    validator = _validator(amazon_model("orders_2026-01-01.json"), "Order")
    for order in fixture("orders_2026_na.json")["orders"]:
        validator.validate(order)


def _sandbox_orders(model, path, key):
    found = []
    for case in model["paths"][path]["get"]["responses"]["200"][
        "x-amzn-api-sandbox"
    ]["static"]:
        body = case["response"]
        body = body.get("payload", body)
        found += body.get(key, [body["order"]] if "order" in body else [])
    return found


def test_amazons_v0_examples_read():
    """The sandbox's US orders, and its pending order without a total."""
    model = amazon_model("ordersV0.json")
    orders = [
        order_from_v0(o)
        for o in _sandbox_orders(model, "/orders/v0/orders", "Orders")
    ]
    assert {o.marketplace for o in orders} == {Marketplace.US}
    assert Money("11.01", "USD") in [o.total for o in orders]
    assert None in [o.total for o in orders]


def test_amazons_2026_examples_read():
    """JP, GB, BR, TR and US orders, each in its marketplace's currency."""
    model = amazon_model("orders_2026-01-01.json")
    payloads = _sandbox_orders(model, "/orders/2026-01-01/orders", "orders")
    payloads += _sandbox_orders(
        model, "/orders/2026-01-01/orders/{orderId}", "orders"
    )
    orders = [order_from_2026(o) for o in payloads]
    assert {o.marketplace.name for o in orders} == {
        "JP",
        "GB",
        "BR",
        "TR",
        "US",
    }
    assert all(
        o.total is None or o.total.currency == o.marketplace.currency
        for o in orders
    )
