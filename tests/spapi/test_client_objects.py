"""python-amazon-sp-api's objects as they come (issue 18 item 1).

Each source is fetched through the client's own classes with only its
HTTP transport replaced (``httpx.MockTransport``: no network), so the
``ApiResponse`` objects, their ``payload`` and the pages of a
``nextToken`` loop are exactly what a tool holds.  Each adapter must
read them as it reads the JSON document Amazon sends.
"""

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from sp_api.api import (
    Inventories,
    ListingsItems,
    OrdersV0,
    OrdersV20260101,
    ProductFees,
    Sellers,
)
from sp_api.base import ApiResponse

from finance_responses import client
from unified_account import Marketplace
from unified_account.errors import PayloadError
from unified_account.model.account import SellingPlan
from unified_account.spapi import (
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_orders,
    read_participations,
)
from unified_account.spapi.files import import_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def text(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def exact(name):
    return json.loads(text(name), parse_float=Decimal)


def facts(read):
    """``read`` with the paths of its notes and rows left out.

    A client's ``payload`` has no ``{"payload": ...}`` around it, so the
    same note sits at ``inventorySummaries[1]`` rather than at
    ``payload.inventorySummaries[1]``; everything else must be equal.
    """
    if isinstance(read, tuple):
        return tuple(facts(item) for item in read)
    changes = {}
    for field in attrs.fields(type(read)):
        value = getattr(read, field.name)
        if field.name in ("set_aside", "rows"):
            changes[field.name] = tuple(
                attrs.evolve(item, path="") for item in value
            )
        elif hasattr(value, "set_aside"):
            changes[field.name] = facts(value)
    return attrs.evolve(read, **changes)


def every_page(call, token_name, **query):
    """The pages of a ``nextToken`` loop, as a tool writes it."""
    found = []
    token = None
    while True:
        response = call(**query, **({token_name: token} if token else {}))
        found.append(response)
        token = response.next_token
        if not token:
            return found


def orders_pages():
    """The v0 fixture split in two pages, the first with a NextToken."""
    data = json.loads(text("orders_v0_na.json"))
    orders = data["payload"]["Orders"]
    first = {"payload": {"Orders": orders[:1], "NextToken": "page-2"}}
    second = {"payload": {"Orders": orders[1:]}}
    return json.dumps(first), json.dumps(second)


class TestEverySource:
    """The whole response, its payload and the pages read alike."""

    def test_participations(self):
        api = client(Sellers, text("spapi/participations_na.json"))
        response = api.get_marketplace_participation()
        assert isinstance(response, ApiResponse)
        expected = read_participations(exact("spapi/participations_na.json"))
        assert facts(read_participations(response)) == facts(expected)
        assert facts(read_participations(response.payload)) == facts(expected)
        assert read_participations([response]).marketplaces == (
            expected.marketplaces
        )

    def test_account(self):
        response = client(Sellers, text("spapi/account_na.json")).get_account()
        expected = read_account(exact("spapi/account_na.json"))
        assert facts(read_account(response)) == facts(expected)
        assert facts(read_account(response.payload)) == facts(expected)

    def test_listings_item(self):
        api = client(ListingsItems, text("spapi/listings_item_na.json"))
        response = api.get_listings_item("A1EXAMPLEUS", "MUG-FBA-1")
        expected = read_listings_item(exact("spapi/listings_item_na.json"))
        assert facts(read_listings_item(response)) == facts(expected)
        assert facts(read_listings_item(response.payload)) == facts(expected)

    def test_listings_search_pages(self):
        data = json.loads(text("spapi/listings_search_na.json"))
        first = dict(data, items=data["items"][:1])
        first["pagination"] = {"nextToken": "page-2"}
        second = dict(data, items=data["items"][1:])
        api = client(ListingsItems, json.dumps(first), json.dumps(second))
        found = every_page(
            api.search_listings_items, "pageToken", sellerId="A1EXAMPLEUS"
        )
        assert len(found) == 2
        expected = read_listings_search(exact("spapi/listings_search_na.json"))
        assert facts(read_listings_search(found)) == facts(expected)
        assert facts(read_listings_search(r.payload for r in found)) == facts(
            expected
        )

    def test_inventory(self):
        api = client(Inventories, text("spapi/fba_ca.json"))
        response = api.get_inventory_summary_marketplace(
            marketplaceIds=["A2EUQ1WTGCTBG2"]
        )
        expected = read_inventory_summaries(exact("spapi/fba_ca.json"))
        assert facts(read_inventory_summaries(response)) == facts(expected)
        assert facts(read_inventory_summaries(response.payload)) == facts(
            expected
        )
        assert facts(read_inventory_summaries([response])) == facts(expected)

    def test_orders_v0_payload_and_pages(self):
        """The issue's case: getOrders v0's ``.payload`` has no wrapper."""
        api = client(OrdersV0, *orders_pages())
        found = every_page(
            api.get_orders, "NextToken", CreatedAfter="2026-01-01"
        )
        assert len(found) == 2
        assert "Orders" in found[0].payload  # no {"payload": ...} around
        expected = read_orders(exact("orders_v0_na.json"))
        assert read_orders(found).orders == expected.orders
        assert read_orders([r.payload for r in found]).orders == (
            expected.orders
        )
        assert read_orders(found[0].payload).orders == expected.orders[:1]

    def test_orders_2026(self):
        api = client(OrdersV20260101, text("orders_2026_na.json"))
        response = api.search_orders(createdAfter="2026-01-01")
        expected = read_orders(exact("orders_2026_na.json"))
        assert facts(read_orders(response)) == facts(expected)
        assert facts(read_orders([response])) == facts(expected)

    def test_fees_as_floats(self):
        """The client parses amounts as floats: read as their JSON text."""
        api = client(ProductFees, text("spapi/fees_na.json"))
        response = api.get_product_fees_estimate(
            [{"price": 10, "identifier": "MUG-FBA-1", "id_type": "SellerSKU"}]
        )
        assert any(
            isinstance(
                result["FeesEstimate"]["TotalFeesEstimate"]["Amount"], float
            )
            for result in response.payload
            if "FeesEstimate" in result
        )
        expected = read_fees_estimates(exact("spapi/fees_na.json"))
        assert facts(read_fees_estimates(response)) == facts(expected)
        assert facts(read_fees_estimates(response.payload)) == facts(expected)
        assert read_fees_estimates([response, response]).estimates == (
            expected.estimates * 2
        )


class TestPagesNameTheirPlace:
    """An error or a note inside a page names the page first."""

    def test_an_error_names_the_page(self):
        first, second = orders_pages()
        broken = json.loads(second)
        broken["payload"]["Orders"][0]["PurchaseDate"] = "yesterday"
        with pytest.raises(PayloadError) as error:
            read_orders([json.loads(first), broken])
        assert error.value.path.startswith("[1].payload.Orders[0]")

    def test_a_note_names_the_page(self):
        read = read_participations([exact("spapi/participations_na.json")] * 2)
        assert read.set_aside
        assert {note.path[:3] for note in read.set_aside} == {"[0]", "[1]"}

    def test_pages_of_two_marketplaces_are_refused(self):
        with pytest.raises(PayloadError) as error:
            read_inventory_summaries(
                [exact("spapi/fba_ca.json"), exact("spapi/fba_us.json")]
            )
        assert "different marketplaces" in error.value.problem

    def test_a_sku_a_later_page_repeats_is_set_aside(self):
        page = exact("spapi/fba_ca.json")
        read = read_inventory_summaries([page, page])
        assert read.quantities == read_inventory_summaries(page).quantities
        assert {note.reason.value for note in read.set_aside} == {
            "other-country-stock"
        }

    def test_something_else_is_refused_as_before(self):
        with pytest.raises(PayloadError) as error:
            read_account(42)
        assert error.value.problem == "expected an object, got a number"


class TestImportSpapiFiles:
    """What a tool saves of a client's response, import-spapi reads."""

    def test_the_payload_of_get_orders_v0_as_a_file(self):
        first, _ = orders_pages()
        payload = json.dumps(json.loads(first)["payload"]).encode()
        files = {"orders.json": payload}
        assembly = import_files(
            ["orders.json"],
            home=Marketplace.US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            read=files.__getitem__,
        )
        assert len(assembly.snapshot.orders) == 1

    def test_a_file_of_pages_is_recognised_and_read_as_one(self):
        first, second = orders_pages()
        pages = json.dumps([json.loads(first), json.loads(second)])
        search_items = json.loads(text("spapi/listings_search_na.json"))
        listings = json.dumps(
            [
                json.loads(text("spapi/listings_item_na.json")),
                search_items["items"][0],
            ]
        )
        search = json.dumps(
            [json.loads(text("spapi/listings_search_na.json"))]
        )
        files = {
            "orders.json": pages.encode(),
            "items.json": listings.encode(),
            "search.json": search.encode(),
        }
        assembly = import_files(
            list(files),
            home=Marketplace.US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            read=files.__getitem__,
        )
        expected = read_orders(exact("orders_v0_na.json"))
        assert assembly.snapshot.orders == expected.orders
        assert len(assembly.snapshot.catalog) >= 2

    def test_a_list_of_unknown_things_is_not_recognised(self):
        files = {"odd.json": b'[{"what": 1}, 7]'}
        with pytest.raises(PayloadError) as error:
            import_files(
                list(files),
                home=Marketplace.US,
                seller_id="A1EXAMPLEUS",
                plan=SellingPlan.PROFESSIONAL,
                read=files.__getitem__,
            )
        assert "not a shape this library recognises" in error.value.problem
