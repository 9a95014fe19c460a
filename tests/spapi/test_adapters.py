"""Each adapter on the project's fixtures, written in Amazon's shapes.

The fixtures cover the awkward cases: non-Amazon and shadow ids, other
regions, ``isParticipating`` false versus suspended listings, an
``AMAZON_NA`` channel, a B2B offer, a marketplace without a price, FBA
stock of another country inside a call, pending orders without a total,
a missing ``FulfillmentChannel``, a non-Amazon order, JSON-number fees
and Windows-1252 flat files.
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unified_account import Marketplace
from unified_account.errors import PayloadError
from unified_account.model.account import SellingPlan
from unified_account.model.imports import SetAsideReason
from unified_account.model.listing import FulfillmentChannel, ListingStatus
from unified_account.model.orders import OrderStatus
from unified_account.spapi import (
    decode_report,
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    read_participations,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX


def fixture(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def reasons(read):
    return [(note.reason.value, note.detail) for note in read.set_aside]


class TestSellers:
    """Participations and account: stores kept, the rest set aside."""

    def test_only_north_american_stores_the_seller_runs_are_kept(self):
        """US, CA, MX kept; BR not participating; ids that are no store."""
        read = read_participations(fixture("spapi/participations_na.json"))
        assert read.marketplaces == (US, CA, MX)
        assert reasons(read) == [
            ("suspended-listings", "MX"),
            ("not-participating", "BR"),
            ("non-amazon-marketplace", "NON_AMAZON_US"),
            ("non-amazon-marketplace", "INVOICING_SHADOW_US"),
            ("outside-region", "DE"),
        ]

    def test_suspended_listings_keep_the_marketplace(self):
        """HasSuspendedListings is a note on a kept marketplace."""
        read = read_participations(fixture("spapi/participations_na.json"))
        suspended = read.set_aside[0]
        assert suspended.reason.kept
        assert MX in read.marketplaces

    def test_not_participating_is_set_aside(self):
        """IsParticipating false: not turned on, and not kept."""
        read = read_participations(fixture("spapi/participations_na.json"))
        assert Marketplace.BR not in read.marketplaces
        assert not SetAsideReason.NOT_PARTICIPATING.kept

    def test_the_account_gives_plan_name_and_country_only(self):
        """PROFESSIONAL, the business name and country; CA non-Amazon."""
        read = read_account(fixture("spapi/account_na.json"))
        assert read.plan is SellingPlan.PROFESSIONAL
        assert (read.legal_entity_name, read.address_country) == (
            "Harbor Lane Goods LLC",
            "US",
        )
        assert reasons(read.participations) == [
            ("non-amazon-marketplace", "NON_AMAZON_CA")
        ]

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            ({"sellingPlan": "GOLD"}, "payload.sellingPlan"),
            (
                {"marketplaceParticipationList": {}},
                "payload.marketplaceParticipationList",
            ),
        ],
    )
    def test_a_bad_account_names_the_json_path(self, change, path):
        """The error names where in the payload the problem is."""
        body = fixture("spapi/account_na.json")
        body["payload"].update(change)
        with pytest.raises(PayloadError) as error:
            read_account(body)
        assert error.value.path == path


class TestListings:
    """Listings Items: per marketplace, the channel from AMAZON_NA."""

    def test_each_marketplace_has_its_own_price_status_and_title(self):
        """US B2C 19.99 (not B2B 17.99), CA 26.50; MX unpriced; DE aside."""
        item = read_listings_item(fixture("spapi/listings_item_na.json"))
        assert [
            (x.marketplace, str(x.price), x.status, x.title)
            for x in item.listings
        ] == [
            (
                US,
                "USD 19.99",
                ListingStatus.ACTIVE,
                "Harbor Lane stoneware mug",
            ),
            (
                CA,
                "CAD 26.50",
                ListingStatus.ACTIVE,
                "Tasse en grès Harbor Lane",
            ),
        ]
        assert reasons(item) == [
            ("incomplete-listing", "MX"),
            ("outside-region", "DE"),
            ("listing-issue", "18027"),
        ]

    def test_amazon_na_makes_every_na_listing_fba(self):
        """FulfillmentAvailability has no marketplace: AMAZON_NA covers NA."""
        item = read_listings_item(fixture("spapi/listings_item_na.json"))
        assert {x.channel for x in item.listings} == {FulfillmentChannel.FBA}
        assert item.mfn_quantity == 12
        assert item.listings[0].attributes["brand"] == "Harbor Lane"

    def test_default_alone_is_merchant_fulfilled(self):
        """Only DEFAULT: every listing is MFN, the quantity one pool."""
        first, odd = read_listings_search(
            fixture("spapi/listings_search_na.json")
        )
        assert {x.channel for x in first.listings} == {FulfillmentChannel.MFN}
        assert [x.marketplace for x in first.listings] == [US, MX]
        assert str(first.listings[1].price) == "MXN 249.00"
        assert reasons(odd) == [
            ("unknown-fulfillment-channel", "MYSTERY_CHANNEL")
        ]
        assert odd.listings[0].status is ListingStatus.INACTIVE

    @pytest.mark.parametrize(
        ("amount", "problem"),
        [
            ("1e2", "plain decimal"),
            ("1_000", "plain decimal"),
            ("１００", "plain decimal"),
            (" 100.00", "plain decimal"),
            ("+1", "plain decimal"),
            (".5", "plain decimal"),
            (Decimal("19.99"), "decimal string"),
            (19.99, "decimal string"),
        ],
    )
    def test_an_amount_must_be_a_plain_decimal_string(self, amount, problem):
        """No exponent, separator, full-width digit, space, sign or float."""
        body = fixture("spapi/listings_item_na.json")
        body["offers"][0]["price"]["amount"] = amount
        with pytest.raises(PayloadError) as error:
            read_listings_item(body)
        assert error.value.path == "offers[0].price.amount"
        assert problem in error.value.problem

    def test_a_price_in_another_currency_is_refused(self):
        """A CA offer in USD names its currency code."""
        body = fixture("spapi/listings_item_na.json")
        body["offers"][2]["price"]["currencyCode"] = "USD"
        with pytest.raises(PayloadError) as error:
            read_listings_item(body)
        assert error.value.path == "offers[2].price"


class TestFbaInventory:
    """One pool per country, attributed to the call's marketplace."""

    def test_a_call_fills_its_own_country(self):
        """US call: 50 fulfillable (not the total of 60)."""
        read = read_inventory_summaries(fixture("spapi/fba_us.json"))
        assert (read.marketplace, read.quantities) == (
            US,
            (("MUG-FBA-1", 50),),
        )

    def test_another_countrys_stock_inside_a_call_is_set_aside(self):
        """The CA call repeats the US figure: kept apart, not added."""
        read = read_inventory_summaries(fixture("spapi/fba_ca.json"))
        assert read.quantities == (("MUG-FBA-1", 40),)
        assert reasons(read) == [("other-country-stock", "CA")]

    def test_without_granularity_the_caller_names_the_marketplace(self):
        """No granularity: the caller's id; none at all is an error."""
        body = fixture("spapi/fba_mx_no_granularity.json")
        read = read_inventory_summaries(body, MX.id)
        assert (read.marketplace, read.quantities) == (MX, (("MUG-FBA-1", 7),))
        with pytest.raises(PayloadError):
            read_inventory_summaries(body)

    def test_a_caller_id_that_contradicts_the_response_is_an_error(self):
        """A US response read as CA's: refused, naming granularityId."""
        with pytest.raises(PayloadError) as error:
            read_inventory_summaries(fixture("spapi/fba_us.json"), CA.id)
        assert error.value.path == "payload.granularity.granularityId"


class TestOrders:
    """Orders v0 and 2026: everything the schema allows, nothing dropped."""

    def test_pending_missing_channel_and_foreign_orders_are_read(self):
        """Pending MX without total, CA without channel, DE kept; US {}."""
        read = read_orders(fixture("spapi/orders_v0_awkward.json"))
        by_id = {o.order_id: o for o in read.orders}
        assert by_id["701-1111111-1111111"].total is None
        assert by_id["701-1111111-1111111"].status is OrderStatus.PENDING
        assert by_id["702-4444444-4444444"].fulfillment is None
        assert by_id["302-3333333-3333333"].marketplace is Marketplace.DE
        assert by_id["113-5555555-5555555"].total is None
        assert reasons(read) == [("non-amazon-order", "A2ZV50J4W1RKNI")]

    def test_2026_orders_read_from_the_search_response(self):
        """searchOrders: camelCase, each in its marketplace's currency."""
        read = read_orders(fixture("orders_2026_na.json"))
        assert {o.marketplace for o in read.orders} <= {US, CA, MX}
        assert read.orders

    def test_a_non_amazon_2026_order_is_set_aside(self):
        """ChannelName NON_AMAZON: set aside with its order id."""
        body = fixture("orders_2026_na.json")
        body["orders"][0]["salesChannel"] = {"channelName": "NON_AMAZON"}
        read = read_orders(body)
        assert read.set_aside[0].reason is SetAsideReason.NON_AMAZON_ORDER
        assert read.set_aside[0].subject == body["orders"][0]["orderId"]


class TestFees:
    """Product Fees: JSON numbers, exact, in the sale marketplace's money."""

    def test_json_numbers_are_exact_decimals_from_their_text(self):
        """CA 8.07 and MX 37.35 exactly; a failure and DE set aside."""
        read = read_fees_estimates(fixture("spapi/fees_na.json"))
        assert [
            (e.marketplace, str(e.price), str(e.total)) for e in read.estimates
        ] == [
            (CA, "CAD 26.50", "CAD 8.07"),
            (MX, "MXN 249.00", "MXN 37.35"),
        ]
        assert reasons(read) == [
            ("fee-estimate-failed", "ClientError"),
            ("outside-region", "DE"),
        ]

    def test_floats_from_plain_json_loads_read_as_their_text(self):
        """json.loads without parse_float: each float is its JSON text.

        (This replaces the refusal of every float: a float parsed from
        JSON text of at most 15 significant digits holds exactly it.)
        """
        text = (FIXTURES / "spapi/fees_na.json").read_text(encoding="utf-8")
        plain = read_fees_estimates(json.loads(text))
        exact = read_fees_estimates(json.loads(text, parse_float=Decimal))
        assert plain == exact

    @pytest.mark.parametrize(
        "amount", [0.1 + 0.2, 1 / 3, float("nan"), float("inf")]
    )
    def test_a_float_that_may_not_be_its_text_is_refused(self, amount):
        """Past 15 significant digits (or not finite): refused, with why."""
        text = (FIXTURES / "spapi/fees_na.json").read_text(encoding="utf-8")
        data = json.loads(text)
        result = data[0] if isinstance(data, list) else data["payload"]
        result = result.get("FeesEstimateResult", result)
        result["FeesEstimateIdentifier"]["PriceToEstimateFees"][
            "ListingPrice"
        ]["Amount"] = amount
        with pytest.raises(PayloadError) as error:
            read_fees_estimates(data)
        assert error.value.path.endswith("ListingPrice.Amount")
        if amount == amount and abs(amount) != float("inf"):
            assert "parse_float" in error.value.problem
            assert "15 significant digits" in error.value.problem
        else:
            assert "not a finite number" in error.value.problem


class TestFlatFiles:
    """Merchant listings and flat-file orders, Windows-1252 encoded."""

    def test_the_listings_report_is_read_for_its_marketplace(self):
        """CA rows: the accented title survives; AMAZON_NA is FBA."""
        text = decode_report(
            (FIXTURES / "spapi/merchant_listings_ca.txt").read_bytes()
        )
        read = read_merchant_listings_report(text, CA)
        (bowl, bowl_quantity, _), (mug, mug_quantity, _) = read.rows
        assert bowl.title == "Bol à café Harbor Lane — grès"
        assert (str(bowl.price), bowl_quantity) == ("CAD 18.75", 6)
        assert (mug.channel, mug_quantity) == (FulfillmentChannel.FBA, None)

    def test_sales_channel_names_each_orders_marketplace(self):
        """Amazon.ca and Amazon.com.mx rows; Non-Amazon set aside."""
        text = decode_report(
            (FIXTURES / "spapi/flat_file_orders_na.txt").read_bytes()
        )
        read = read_orders_report(text)
        assert [(o.order_id, o.marketplace) for o in read.orders] == [
            ("702-6666666-6666666", CA),
            ("701-7777777-7777777", MX),
        ]
        assert reasons(read) == [("non-amazon-order", "Non-Amazon")]

    def test_utf8_with_a_byte_order_mark_is_read_too(self):
        """A UTF-8 document (with BOM) decodes the same text."""
        data = (FIXTURES / "spapi/merchant_listings_ca.txt").read_bytes()
        text = data.decode("cp1252")
        assert decode_report(b"\xef\xbb\xbf" + text.encode("utf-8")) == text

    def test_a_bad_cell_names_its_line_and_column(self):
        """A price of `1e2` on line 2: refused at line 2, column 5."""
        text = decode_report(
            (FIXTURES / "spapi/merchant_listings_ca.txt").read_bytes()
        )
        lines = text.split("\r\n")
        cells = lines[1].split("\t")
        cells[4] = "1e2"
        lines[1] = "\t".join(cells)
        with pytest.raises(PayloadError) as error:
            read_merchant_listings_report("\r\n".join(lines), CA)
        assert error.value.path == "line 2, column 5"
