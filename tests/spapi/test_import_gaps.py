"""What the import keeps and what it sets aside (issues 17, 18 and 22).

Language tags of attribute values, another country's FBA stock decided
from the whole import, one note per fact however many calls read it,
and the snapshot's limits held by every adapter.
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unified_account import Marketplace
from unified_account.errors import InvalidValueError, PayloadError
from unified_account.model.account import SellingPlan
from unified_account.model.attributes import AttributeValue
from unified_account.model.imports import SetAsideReason
from unified_account.policy.brand import catalog_attribute_differences
from unified_account.snapshot import dump_snapshot, parse_snapshot
from unified_account.spapi import (
    assemble_snapshot,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_merchant_listings_report,
    read_orders,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spapi"
US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX


def fixture(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def colour_item():
    """The fixture item, black in English on .com, noire in French on .ca."""
    item = fixture("listings_item_na.json")
    item["attributes"]["color"] = [
        {"value": "Black", "language_tag": "en_US", "marketplace_id": US.id},
        {"value": "Noire", "language_tag": "fr_CA", "marketplace_id": CA.id},
    ]
    return item


class TestLanguageTags:
    """Issue 17 item 4: each value keeps its language and marketplace."""

    def test_each_marketplace_keeps_its_value_and_language(self):
        read = read_listings_item(colour_item())
        colours = {
            listing.marketplace: listing.attributes["color"]
            for listing in read.listings
        }
        assert colours[US] == AttributeValue("Black", "en_US")
        assert colours[CA] == AttributeValue("Noire", "fr_CA")

    def test_a_translation_is_not_a_key_attribute_difference(self):
        """The issue's call: Black (en_US) and Noire (fr_CA) agree."""
        read = read_listings_item(colour_item())
        snapshot = assemble_snapshot(
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            listings=[read],
        ).snapshot
        differences = catalog_attribute_differences(snapshot.catalog).value
        assert not [d for d in differences if "color" in str(d)]

    def test_two_values_in_one_language_still_differ(self):
        """Control: Black and Blue, both en_US, are a difference."""
        item = colour_item()
        item["attributes"]["color"][1] = {
            "value": "Blue",
            "language_tag": "en_US",
            "marketplace_id": CA.id,
        }
        snapshot = assemble_snapshot(
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            listings=[read_listings_item(item)],
        ).snapshot
        differences = catalog_attribute_differences(snapshot.catalog).value
        assert [d for d in differences if "color" in str(d)]

    def test_a_value_for_the_marketplace_wins_over_one_for_none(self):
        item = fixture("listings_item_na.json")
        item["attributes"]["size"] = [
            {"value": "Any"},
            {"value": "12 oz", "marketplace_id": US.id},
        ]
        (us,) = [
            listing
            for listing in read_listings_item(item).listings
            if listing.marketplace is US
        ]
        assert us.attributes["size"] == "12 oz"

    def test_a_tagged_item_name_gives_the_title_text(self):
        item = fixture("listings_item_na.json")
        del item["summaries"][0]["itemName"]
        item["attributes"]["item_name"] = [
            {"value": "Mug", "language_tag": "en_US", "marketplace_id": US.id}
        ]
        (us,) = [
            listing
            for listing in read_listings_item(item).listings
            if listing.marketplace is US
        ]
        assert us.title == "Mug"
        assert us.attributes["item_name"] == AttributeValue("Mug", "en_US")

    def test_a_tag_that_is_no_language_tag_is_refused_at_its_path(self):
        item = colour_item()
        item["attributes"]["color"][0]["language_tag"] = "english"
        with pytest.raises(PayloadError) as error:
            read_listings_item(item)
        assert error.value.path == "attributes.color[0].language_tag"


def inventory(market, *rows):
    """A getInventorySummaries response for ``market``: (sku, fulfillable)."""
    return {
        "payload": {
            "granularity": {
                "granularityType": "Marketplace",
                "granularityId": market.id,
            },
            "inventorySummaries": [
                {
                    "sellerSku": sku,
                    "totalQuantity": units,
                    "inventoryDetails": {"fulfillableQuantity": units},
                }
                for sku, units in rows
            ],
        }
    }


def listed_in(sku, *markets):
    """A getListingsItem response: ``sku`` listed in ``markets``."""
    return {
        "sku": sku,
        "summaries": [
            {"marketplaceId": m.id, "status": ["BUYABLE"], "itemName": "Mug"}
            for m in markets
        ],
        "offers": [
            {
                "marketplaceId": m.id,
                "offerType": "B2C",
                "price": {"currencyCode": m.currency, "amount": "20.00"},
            }
            for m in markets
        ],
        "fulfillmentAvailability": [{"fulfillmentChannelCode": "AMAZON_NA"}],
    }


def assemble(listed, calls, remote=None):
    return assemble_snapshot(
        home=US,
        seller_id="A1EXAMPLEUS",
        plan=SellingPlan.PROFESSIONAL,
        listings=[read_listings_item(item) for item in listed],
        inventory=[read_inventory_summaries(call) for call in calls],
        remote_fulfillment=remote,
    )


def repeated(assembly):
    return [
        (note.subject, note.path.split(" ")[0], note.detail)
        for note in assembly.set_aside
        if note.reason is SetAsideReason.REPEATED_STOCK
    ]


class TestAnotherCountrysStock:
    """Issue 17 item 5: decided from everything the import holds."""

    def test_the_issues_case_counts_one_canadian_pool(self):
        """Same SKU and figures in the US and CA calls, listed on .ca only."""
        found = assemble(
            [listed_in("MUG-1", CA)],
            [inventory(US, ("MUG-1", 25)), inventory(CA, ("MUG-1", 25))],
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {CA: 25}
        assert repeated(found) == [("MUG-1", "US", "CA")]
        (note,) = [
            n for n in found.set_aside if n.reason.value == "repeated-stock"
        ]
        assert note.reason.rule.value == "fba-pool-separation"

    def test_listed_in_both_keeps_both_pools(self):
        """Listed on .com and .ca: the same figures may be two pools."""
        found = assemble(
            [listed_in("MUG-1", US, CA)],
            [inventory(US, ("MUG-1", 25)), inventory(CA, ("MUG-1", 25))],
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {US: 25, CA: 25}
        assert repeated(found) == []

    def test_other_figures_are_each_countrys_own(self):
        """Listed on .ca only, but 25 and 24: two pools, none repeated."""
        found = assemble(
            [listed_in("MUG-1", CA)],
            [inventory(US, ("MUG-1", 25)), inventory(CA, ("MUG-1", 24))],
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {US: 25, CA: 24}

    def test_remote_fulfillment_makes_the_us_pool_the_one(self):
        """Enrolled for CA: the CA call shows the US pool that serves it."""
        found = assemble(
            [listed_in("MUG-1", US, CA)],
            [inventory(US, ("MUG-1", 25)), inventory(CA, ("MUG-1", 25))],
            remote={"MUG-1": [CA]},
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {US: 25}
        assert record.remote_fulfillment == frozenset({CA})
        assert repeated(found) == [("MUG-1", "CA", "US")]

    def test_a_row_no_other_call_repeats_is_kept(self):
        """Stock in the US for a SKU listed only on .ca: stranded, kept."""
        found = assemble(
            [listed_in("MUG-1", CA)], [inventory(US, ("MUG-1", 25))]
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {US: 25}

    def test_three_calls_listed_in_one(self):
        found = assemble(
            [listed_in("MUG-1", MX)],
            [
                inventory(US, ("MUG-1", 7)),
                inventory(CA, ("MUG-1", 7)),
                inventory(MX, ("MUG-1", 7)),
            ],
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {MX: 7}
        assert sorted(repeated(found)) == [
            ("MUG-1", "CA", "MX"),
            ("MUG-1", "US", "MX"),
        ]

    def test_without_the_us_call_remote_fulfillment_does_not_count(self):
        """CA and MX calls alike, listed on .com.mx only: MX holds it."""
        found = assemble(
            [listed_in("MUG-1", MX)],
            [inventory(CA, ("MUG-1", 3)), inventory(MX, ("MUG-1", 3))],
            remote={"MUG-1": [MX]},
        )
        (record,) = found.snapshot.catalog
        assert dict(record.fba) == {MX: 3}
        assert repeated(found) == [("MUG-1", "CA", "MX")]


class TestOneNotePerFact:
    """Issue 18: the same SKU read from two calls keeps its notes once."""

    def test_issue_notes_are_not_doubled(self):
        item = fixture("listings_item_na.json")
        search = {"numberOfResults": 1, "items": [item]}
        once = assemble_snapshot(
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            listings=[read_listings_item(item)],
        )
        twice = assemble_snapshot(
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            listings=[read_listings_item(item), *read_listings_search(search)],
        )
        issues = [
            n
            for n in once.set_aside
            if n.reason is SetAsideReason.LISTING_ISSUE
        ]
        assert issues
        assert [(n.reason, n.subject, n.detail) for n in twice.set_aside] == [
            (n.reason, n.subject, n.detail) for n in once.set_aside
        ]


LONG = "x" * 10_001
SURROGATE = "Mug \ud800"


class TestLimitsOnEveryPath:
    """Issue 22 items 1 and 2: what an adapter reads, a snapshot holds."""

    @pytest.mark.parametrize("value", [LONG, SURROGATE])
    def test_an_item_name_used_as_title_is_held_to_the_limits(self, value):
        item = fixture("listings_item_na.json")
        del item["summaries"][0]["itemName"]
        item["attributes"]["item_name"] = [{"value": value}]
        with pytest.raises(PayloadError) as error:
            read_listings_item(item)
        assert error.value.path == "attributes.item_name[0].value"

    @pytest.mark.parametrize("value", [LONG, SURROGATE])
    def test_a_key_attribute_is_held_to_the_limits(self, value):
        item = fixture("listings_item_na.json")
        item["attributes"]["color"] = [{"value": value}]
        with pytest.raises(PayloadError) as error:
            read_listings_item(item)
        assert error.value.path == "attributes.color[0].value"

    @pytest.mark.parametrize("field", ["AmazonOrderId", "MarketplaceId"])
    @pytest.mark.parametrize("value", [LONG, SURROGATE])
    def test_an_order_set_aside_is_held_to_the_limits(self, field, value):
        order = {
            "AmazonOrderId": "113-0000000-0000001",
            "PurchaseDate": "2026-07-01T10:00:00Z",
            "OrderStatus": "Shipped",
            "MarketplaceId": "NON_AMAZON_US",
            "SalesChannel": "Non-Amazon",
        }
        order[field] = value
        with pytest.raises(PayloadError) as error:
            read_orders({"payload": {"Orders": [order]}})
        assert error.value.path == f"payload.Orders[0].{field}"

    def test_an_offer_price_past_15_digits_is_refused(self):
        item = fixture("listings_item_na.json")
        item["offers"][0]["price"]["amount"] = "1234567890123456.00"
        with pytest.raises(PayloadError) as error:
            read_listings_item(item)
        assert "more than 15 digits" in error.value.problem
        assert error.value.path == "offers[0].price.amount"

    def test_a_report_price_past_12_decimals_is_refused(self):
        text = "seller-sku\titem-name\tprice\nMUG-1\tMug\t1.0000000000001\n"
        with pytest.raises(PayloadError) as error:
            read_merchant_listings_report(text, US)
        assert "12 after it" in error.value.problem

    @pytest.mark.parametrize(
        "amount", [Decimal("1234567890123456"), 10**16, 1e16]
    )
    def test_a_fee_amount_past_15_digits_is_refused(self, amount):
        data = fixture("fees_na.json")
        data[0]["FeesEstimate"]["TotalFeesEstimate"]["Amount"] = amount
        with pytest.raises(PayloadError) as error:
            read_fees_estimates(data)
        assert "more than 15 digits" in error.value.problem
        assert error.value.path.endswith("TotalFeesEstimate.Amount")

    def test_what_the_adapters_read_dumps_and_loads_equal(self):
        """Every fixture together: dump, then load, gives it back."""
        snapshot = assemble(
            [colour_item()],
            [inventory(US, ("MUG-FBA-1", 5))],
            remote={"MUG-FBA-1": [CA]},
        ).snapshot
        assert parse_snapshot(dump_snapshot(snapshot)) == snapshot


class TestTheModelHoldsTheSameLimits:
    """The model's text fields ask the same question as the loader."""

    @pytest.mark.parametrize("value", [LONG, SURROGATE])
    def test_a_listing_title(self, value):
        from unified_account.model.listing import FulfillmentChannel, Listing
        from unified_account.model.money import Money

        with pytest.raises(InvalidValueError) as error:
            Listing(
                sku="MUG-1",
                marketplace=US,
                title=value,
                price=Money("1.00", "USD"),
                channel=FulfillmentChannel.MFN,
            )
        assert error.value.field == "title"

    @pytest.mark.parametrize(
        "attributes", [{"color": LONG}, {LONG: "Black"}, {"color": SURROGATE}]
    )
    def test_listing_attributes(self, attributes):
        from unified_account.model.listing import FulfillmentChannel, Listing
        from unified_account.model.money import Money

        with pytest.raises(InvalidValueError) as error:
            Listing(
                sku="MUG-1",
                marketplace=US,
                title="Mug",
                price=Money("1.00", "USD"),
                channel=FulfillmentChannel.MFN,
                attributes=attributes,
            )
        assert error.value.field.startswith("attributes.")

    def test_an_attribute_value(self):
        with pytest.raises(InvalidValueError) as error:
            AttributeValue(LONG, "en_US")
        assert error.value.field == "value"

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("subject", LONG),
            ("detail", SURROGATE),
            ("path", LONG),
            ("detail", 7),
        ],
    )
    def test_a_note(self, field, value):
        from unified_account.model.imports import SetAside

        fields = {
            "source": "orders",
            "path": "",
            "subject": "113-1",
            "reason": SetAsideReason.NON_AMAZON_ORDER,
        }
        fields[field] = value
        with pytest.raises(InvalidValueError) as error:
            SetAside(**fields)
        assert error.value.field == field


class TestAdapterEdges:
    """The branches the forms above leave: each with its named case."""

    def test_a_fee_amount_as_a_string_is_refused(self):
        data = fixture("fees_na.json")
        data[0]["FeesEstimate"]["TotalFeesEstimate"]["Amount"] = "8.07"
        with pytest.raises(PayloadError) as error:
            read_fees_estimates(data)
        assert error.value.problem == "expected a JSON number, got a string"

    def test_an_item_without_fulfillment_availability_is_mfn(self):
        item = listed_in("MUG-1", US)
        del item["fulfillmentAvailability"]
        read = read_listings_item(item)
        assert read.mfn_quantity is None
        assert read.listings[0].channel.value == "mfn"

    def test_the_first_value_of_an_attribute_wins(self):
        item = listed_in("MUG-1", US)
        item["attributes"] = {"size": [{"value": "S"}, {"value": "M"}]}
        assert read_listings_item(item).listings[0].attributes["size"] == "S"


class TestDumpHoldsTheLimits:
    """dump_snapshot writes only what load_snapshot reads back."""

    def test_an_amount_the_model_allows_but_a_snapshot_does_not(self):
        import attrs

        from unified_account.model.money import Money
        from unified_account.snapshot import example_snapshot

        snapshot = example_snapshot()
        record = next(r for r in snapshot.catalog if r.listings)
        listing = record.listings[0]
        big = Money("1" + "0" * 16, listing.price.currency)
        changed = attrs.evolve(
            snapshot,
            catalog=snapshot.catalog.with_record(
                record.with_listing(attrs.evolve(listing, price=big))
            ),
        )
        with pytest.raises(InvalidValueError) as error:
            dump_snapshot(changed)
        assert "more than 15 digits" in error.value.problem
        assert error.value.field.endswith(".price.amount")

    def test_the_example_round_trips(self):
        from unified_account.snapshot import example_snapshot

        snapshot = example_snapshot()
        assert parse_snapshot(dump_snapshot(snapshot)) == snapshot


def test_details_without_fulfillable_read_the_total():
    """``inventoryDetails`` without ``fulfillableQuantity``: the total."""
    response = inventory(US, ("MUG-1", 9))
    summary = response["payload"]["inventorySummaries"][0]
    summary["inventoryDetails"] = {"inboundWorkingQuantity": 2}
    read = read_inventory_summaries(response)
    assert read.quantities == (("MUG-1", 9),)
    assert read.rows[0].figures == (9, None, 2, None, None, None, None, None)
