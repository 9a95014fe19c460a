"""Every note and refusal of each adapter, on a fixture changed in one place.

The fixtures hold the common awkward cases; these are the rarer ones: an
id in no table, a marketplace listed twice, a single order at the root,
blank report rows, a second FBA figure for the same country, a file that
cannot be read or parsed, each with the path, reason and message the
user sees.
"""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from unified_account import Marketplace
from unified_account.errors import (
    InvalidValueError,
    MissingDataError,
    PayloadError,
)
from unified_account.model.account import SellingPlan
from unified_account.model.imports import SetAsideReason
from unified_account.model.listing import FulfillmentChannel, ListingStatus
from unified_account.model.orders import OrderStatus
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    read_participations,
)
from unified_account.spapi._json import kind, obj
from unified_account.spapi.files import import_files, recognise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SPAPI = FIXTURES / "spapi"
US, CA, MX, DE = (
    Marketplace.US,
    Marketplace.CA,
    Marketplace.MX,
    Marketplace.DE,
)
PRO = SellingPlan.PROFESSIONAL


def fixture(name):
    return json.loads((SPAPI / name).read_text("utf-8"), parse_float=Decimal)


def notes(read):
    return [
        (note.path, note.subject, note.reason, note.detail)
        for note in read.set_aside
    ]


def empty(home=US):
    return assemble_snapshot(home=home, seller_id="A1EXAMPLEUS", plan=PRO)


class TestJsonValues:
    """How a value is named in an error, whatever its Python type."""

    @pytest.mark.parametrize(
        ("value", "named"),
        [
            ({1, 2}, "set"),
            (b"{}", "bytes"),
            (1.5, "a float"),
            (Decimal(1), "a number"),
            (True, "a boolean"),
            ((), "an array"),
        ],
    )
    def test_a_value_is_named_by_its_json_kind_or_its_type(self, value, named):
        """A value JSON cannot hold is named by its Python type."""
        assert kind(value) == named
        with pytest.raises(PayloadError) as caught:
            obj(value, "payload")
        assert str(caught.value) == f"payload: expected an object, got {named}"


class TestParticipations:
    """``getMarketplaceParticipations``: kept, set aside, listed once."""

    def test_an_id_in_no_table_is_set_aside_as_unknown(self):
        """``A0NOSUCHSTORE``: neither Amazon's nor a known non-Amazon id."""
        response = fixture("participations_na.json")
        response["payload"][1]["marketplace"]["id"] = "A0NOSUCHSTORE"
        read = read_participations(response)
        assert CA not in read.marketplaces
        assert (
            "payload[1].marketplace.id",
            "A0NOSUCHSTORE",
            SetAsideReason.UNKNOWN_MARKETPLACE,
            "",
        ) in notes(read)

    def test_a_marketplace_listed_twice_is_kept_once_with_its_first_name(
        self,
    ):
        """The second entry for the same store adds nothing."""
        response = fixture("participations_na.json")
        again = copy.deepcopy(response["payload"][0])
        again["storeName"] = "Another name"
        response["payload"].append(again)
        read = read_participations(response)
        assert read.marketplaces.count(US) == 1
        assert dict(read.store_names)[US] == "Harbor Lane"


class TestAccountBusiness:
    """``getAccount``'s business: name and country only when given."""

    @pytest.mark.parametrize(
        ("remove", "name", "country"),
        [
            (("business",), None, None),
            (
                ("business", "registeredBusinessAddress"),
                "Harbor Lane Goods LLC",
                None,
            ),
            (
                ("business", "registeredBusinessAddress", "countryCode"),
                "Harbor Lane Goods LLC",
                None,
            ),
            (("business", "name"), None, "US"),
            ((), "Harbor Lane Goods LLC", "US"),
        ],
        ids=["no-business", "no-address", "no-country", "no-name", "all"],
    )
    def test_what_is_absent_stays_unknown(self, remove, name, country):
        """Each missing part leaves its field ``None``, never a guess."""
        response = fixture("account_na.json")
        if remove:
            node = response["payload"]
            for step in remove[:-1]:
                node = node[step]
            del node[remove[-1]]
        read = read_account(response)
        assert (read.legal_entity_name, read.address_country) == (
            name,
            country,
        )


class TestListingsChannels:
    """``fulfillmentAvailability``: DEFAULT, AMAZON_NA, others."""

    def channels(self, *codes):
        item = fixture("listings_item_na.json")
        item["fulfillmentAvailability"] = [
            {"fulfillmentChannelCode": code} for code in codes
        ]
        return read_listings_item(item)

    def test_another_regions_amazon_channel_changes_nothing(self):
        """``AMAZON_EU`` is Amazon's, elsewhere: merchant, and no note."""
        read = self.channels("AMAZON_EU")
        assert {x.channel for x in read.listings} == {FulfillmentChannel.MFN}
        assert SetAsideReason.UNKNOWN_FULFILLMENT_CHANNEL not in {
            note.reason for note in read.set_aside
        }

    def test_an_unknown_channel_is_noted_with_its_code(self):
        """``WAREHOUSE_9``: a note naming the code and its path."""
        read = self.channels("AMAZON_NA", "WAREHOUSE_9")
        assert {x.channel for x in read.listings} == {FulfillmentChannel.FBA}
        assert (
            "fulfillmentAvailability[1]",
            "MUG-FBA-1",
            SetAsideReason.UNKNOWN_FULFILLMENT_CHANNEL,
            "WAREHOUSE_9",
        ) in notes(read)


class TestFbaInventory:
    """``getInventorySummaries`` of one country at a time."""

    def test_a_call_for_another_regions_marketplace_is_set_aside(self):
        """Germany's summaries: nothing read, the call's id set aside."""
        response = fixture("fba_us.json")
        response["payload"]["granularity"]["granularityId"] = DE.id
        read = read_inventory_summaries(response)
        assert read.marketplace is None
        assert read.quantities == ()
        assert notes(read) == [
            (
                "payload.granularity.granularityId",
                DE.id,
                SetAsideReason.OUTSIDE_REGION,
                "DE",
            )
        ]

    def test_total_quantity_is_used_without_details(self):
        """No ``inventoryDetails``: ``totalQuantity`` is the figure."""
        response = fixture("fba_us.json")
        summary = response["payload"]["inventorySummaries"][0]
        del summary["inventoryDetails"]
        read = read_inventory_summaries(response)
        assert read.quantities[0] == ("MUG-FBA-1", summary["totalQuantity"])

    def test_a_summary_without_any_quantity_is_refused(self):
        """Neither figure: refused at ``totalQuantity``."""
        response = fixture("fba_us.json")
        summary = response["payload"]["inventorySummaries"][0]
        del summary["inventoryDetails"], summary["totalQuantity"]
        with pytest.raises(PayloadError) as caught:
            read_inventory_summaries(response)
        assert caught.value.path == (
            "payload.inventorySummaries[0].totalQuantity"
        )
        assert caught.value.problem == (
            "no fulfillableQuantity or totalQuantity"
        )


class TestFees:
    """Product Fees amounts are exact, finite JSON numbers."""

    @pytest.mark.parametrize("amount", ["Infinity", "-Infinity", "NaN"])
    def test_an_amount_that_is_not_finite_is_refused(self, amount):
        """A Decimal ``Infinity`` or ``NaN``: refused with its path."""
        response = fixture("fees_na.json")
        estimate = response[0]["FeesEstimate"]
        estimate["TotalFeesEstimate"]["Amount"] = Decimal(amount)
        with pytest.raises(PayloadError) as caught:
            read_fees_estimates(response)
        assert caught.value.path == (
            "[0].FeesEstimate.TotalFeesEstimate.Amount"
        )
        assert caught.value.problem == f"`{amount}` is not a finite number"


class TestOrderLists:
    """A list, a search result, or one order at the root."""

    def test_a_single_v0_order_at_the_root_is_read(self):
        """``getOrder``'s order without ``payload``: one order, path ''."""
        order = json.loads((FIXTURES / "orders_v0_na.json").read_text())[
            "payload"
        ]["Orders"][0]
        read = read_orders(order)
        assert [o.order_id for o in read.orders] == [order["AmazonOrderId"]]

    def test_a_single_2026_order_at_the_root_is_read(self):
        """A 2026-01-01 order object alone: read as that order."""
        order = json.loads((FIXTURES / "orders_2026_na.json").read_text())[
            "orders"
        ][0]
        read = read_orders(order)
        assert [(o.order_id, o.marketplace) for o in read.orders] == [
            ("702-8812093-5521974", CA)
        ]

    @pytest.mark.parametrize(
        "response", [{"Order": {}}, {"payload": {"NextToken": "x"}}]
    )
    def test_anything_else_is_not_an_orders_response(self, response):
        """An object with none of the shapes: refused at the root."""
        with pytest.raises(PayloadError) as caught:
            read_orders(response)
        assert str(caught.value) == ("not an Orders v0 or 2026-01-01 response")

    @pytest.mark.parametrize(
        ("document", "key"),
        [("orders_v0_na.json", "v0"), ("orders_2026_na.json", "2026")],
    )
    def test_an_order_of_an_unknown_marketplace_is_set_aside(
        self, document, key
    ):
        """A marketplace id in no table: ``unknown-marketplace``, no order."""
        response = json.loads((FIXTURES / document).read_text())
        if key == "v0":
            order = response["payload"]["Orders"][0]
            order["MarketplaceId"] = "A0NOSUCHSTORE"
            order_id, where = order["AmazonOrderId"], "payload.Orders[0]"
        else:
            order = response["orders"][0]
            order["salesChannel"]["marketplaceId"] = "A0NOSUCHSTORE"
            order_id, where = order["orderId"], "orders[0]"
        read = read_orders(response)
        assert order_id not in [o.order_id for o in read.orders]
        assert (
            where,
            order_id,
            SetAsideReason.UNKNOWN_MARKETPLACE,
            "A0NOSUCHSTORE",
        ) in notes(read)


def report(name, change=None):
    """A fixture report as text, each row a dict changed by ``change``."""
    text = (SPAPI / name).read_bytes().decode("cp1252")
    rows = [line.split("\t") for line in text.split("\r\n")[:-1]]
    header, body = rows[0], rows[1:]
    cells = [dict(zip(header, row, strict=False)) for row in body]
    if change is not None:
        header, cells = change(header, cells)
    lines = ["\t".join(header)]
    lines += ["\t".join(row.get(name, "") for name in header) for row in cells]
    return "\n".join(lines) + "\n"


class TestListingsReport:
    """``GET_MERCHANT_LISTINGS_ALL_DATA``: rows, blanks, optional columns."""

    def test_blank_rows_are_skipped(self):
        """A row of empty cells between rows is no listing."""
        plain = read_merchant_listings_report(
            report("merchant_listings_ca.txt"), CA
        )
        spaced = read_merchant_listings_report(
            report(
                "merchant_listings_ca.txt",
                lambda header, rows: (header, [{}, *rows, {"price": " "}]),
            ),
            CA,
        )
        assert spaced.rows == plain.rows

    def test_without_quantity_and_asin_columns_both_are_unknown(self):
        """The optional columns absent: no MFN figure, no ASIN."""

        def drop(header, rows):
            return [h for h in header if h not in ("quantity", "asin1")], rows

        read = read_merchant_listings_report(
            report("merchant_listings_ca.txt", drop), CA
        )
        assert read.rows
        assert {(qty, asin) for _, qty, asin in read.rows} == {(None, None)}

    def test_a_quantity_that_is_not_digits_is_refused_at_its_cell(self):
        """``12 units``: not a whole number, at line 2, its column."""

        def bad(header, rows):
            rows[0]["quantity"] = "12 units"
            return header, rows

        text = report("merchant_listings_ca.txt", bad)
        with pytest.raises(PayloadError) as caught:
            read_merchant_listings_report(text, CA)
        column = text.split("\n")[0].split("\t").index("quantity") + 1
        assert caught.value.path == f"line 2, column {column}"
        assert caught.value.problem == "`12 units` is not a whole number"


class TestOrdersReport:
    """``GET_FLAT_FILE_ALL_ORDERS_DATA``: blank rows are skipped."""

    def test_blank_rows_are_skipped(self):
        """Empty lines between orders change nothing."""
        plain = read_orders_report(report("flat_file_orders_na.txt"))
        spaced = read_orders_report(
            report(
                "flat_file_orders_na.txt",
                lambda header, rows: (header, [rows[0], {}, *rows[1:], {}]),
            )
        )
        assert spaced.orders == plain.orders
        assert [(n.subject, n.reason) for n in spaced.set_aside] == [
            (n.subject, n.reason) for n in plain.set_aside
        ]


class TestNotificationsElsewhere:
    """Notifications naming a store outside the seller's region or tables."""

    def body(self, index):
        return copy.deepcopy(fixture("notifications_na.json")[index])

    def test_a_status_change_on_another_regions_store_is_noted(self):
        """Germany's listing status: a note, the catalogue untouched."""
        body = self.body(2)
        body["Payload"]["MarketplaceId"] = DE.id
        before = empty().snapshot
        after = apply_notification(before, body)
        assert after.catalog == before.catalog
        assert [(n.path, n.reason, n.detail) for n in after.set_aside] == [
            ("Payload.MarketplaceId", SetAsideReason.OUTSIDE_REGION, "DE")
        ]

    def test_fba_stock_elsewhere_is_noted_and_the_rest_applied(self):
        """A German entry is set aside; the US and MX pools are set."""
        body = self.body(3)
        entries = body["Payload"]["FulfillmentInventoryByMarketplace"]
        entries.append(copy.deepcopy(entries[0]))
        entries[-1]["MarketplaceId"] = DE.id
        after = apply_notification(empty().snapshot, body)
        record = after.catalog.record("MUG-FBA-1")
        assert set(record.fba) == {US, MX}
        assert (
            record.fba[US] == entries[0]["FulfillmentInventory"]["Fulfillable"]
        )
        german = f"[{len(entries) - 1}].MarketplaceId"
        assert [(n.path, n.reason) for n in after.set_aside] == [
            (
                f"Payload.FulfillmentInventoryByMarketplace{german}",
                SetAsideReason.OUTSIDE_REGION,
            )
        ]

    def order(self, marketplace_id, fulfillment="MFN"):
        body = self.body(4)
        summary = body["Payload"]["OrderChangeNotification"]["Summary"]
        summary["MarketplaceId"] = marketplace_id
        summary["FulfillmentType"] = fulfillment
        return body

    def test_an_order_on_a_non_amazon_store_is_noted_by_its_id(self):
        """``A2ZV50J4W1RKNI`` (Non-Amazon US): a non-Amazon order note."""
        after = apply_notification(
            empty().snapshot, self.order("A2ZV50J4W1RKNI")
        )
        assert after.orders == ()
        (note,) = after.set_aside
        assert (note.subject, note.reason) == (
            "701-1111111-1111111",
            SetAsideReason.NON_AMAZON_ORDER,
        )

    def test_an_order_on_an_unknown_store_is_noted(self):
        """An id in no table: ``unknown-marketplace``, no order added."""
        after = apply_notification(empty().snapshot, self.order("A0NOSUCH"))
        assert after.orders == ()
        assert [(n.subject, n.reason) for n in after.set_aside] == [
            ("A0NOSUCH", SetAsideReason.UNKNOWN_MARKETPLACE)
        ]

    def test_an_order_on_another_regions_store_is_kept_there(self):
        """Germany: kept as Germany's order, as the order lists keep it."""
        after = apply_notification(empty().snapshot, self.order(DE.id, "AFN"))
        (order,) = after.orders
        assert (order.marketplace, order.status, order.fulfillment) == (
            DE,
            OrderStatus.UNSHIPPED,
            FulfillmentChannel.FBA,
        )

    def test_without_a_fulfillment_type_a_new_order_has_none(self):
        """No ``FulfillmentType``: the new order's channel is unknown."""
        body = self.order(US.id)
        del body["Payload"]["OrderChangeNotification"]["Summary"][
            "FulfillmentType"
        ]
        after = apply_notification(empty().snapshot, body)
        (order,) = after.orders
        assert (order.fulfillment, order.status) == (
            None,
            OrderStatus.UNSHIPPED,
        )

    def test_without_a_fulfillment_type_a_known_order_keeps_its_own(self):
        """A status change alone keeps the order's channel."""
        snapshot = apply_notification(
            empty().snapshot, self.order(US.id, "AFN")
        )
        body = self.order(US.id)
        summary = body["Payload"]["OrderChangeNotification"]["Summary"]
        del summary["FulfillmentType"]
        summary["OrderStatus"] = "Shipped"
        (order,) = apply_notification(snapshot, body).orders
        assert (order.fulfillment, order.status) == (
            FulfillmentChannel.FBA,
            OrderStatus.SHIPPED,
        )

    def test_an_unknown_fulfillment_type_is_refused(self):
        """``DROPSHIP``: refused, naming MFN and AFN."""
        with pytest.raises(PayloadError) as caught:
            apply_notification(empty().snapshot, self.order(US.id, "DROP"))
        assert caught.value.path == (
            "Payload.OrderChangeNotification.Summary.FulfillmentType"
        )
        assert caught.value.problem == "expected MFN or AFN"


class TestAssemble:
    """Putting the readings together."""

    def test_fba_stock_of_a_call_set_aside_adds_no_pool(self):
        """Germany's summaries: only the note reaches the snapshot."""
        response = fixture("fba_us.json")
        response["payload"]["granularity"]["granularityId"] = DE.id
        stock = read_inventory_summaries(response)
        assembly = assemble_snapshot(
            home=US, seller_id="A1EXAMPLEUS", plan=PRO, inventory=[stock]
        )
        assert len(assembly.snapshot.catalog) == 0
        assert assembly.set_aside == stock.set_aside

    def test_a_second_figure_for_the_same_sku_and_country_is_set_aside(
        self,
    ):
        """Two US responses: the first figure kept, the second noted."""
        first = read_inventory_summaries(fixture("fba_us.json"))
        changed = fixture("fba_us.json")
        details = changed["payload"]["inventorySummaries"][0]
        details["inventoryDetails"]["fulfillableQuantity"] = 1
        second = read_inventory_summaries(changed)
        assembly = assemble_snapshot(
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=PRO,
            inventory=[first, second],
        )
        record = assembly.snapshot.catalog.record("MUG-FBA-1")
        assert record.fba[US] == dict(first.quantities)["MUG-FBA-1"]
        assert [
            (n.source, n.subject, n.reason, n.detail)
            for n in assembly.set_aside
        ] == [
            (
                "fba-inventory",
                "MUG-FBA-1",
                SetAsideReason.OTHER_COUNTRY_STOCK,
                "US",
            )
        ]

    def test_a_home_outside_north_america_is_refused(self):
        """Germany as home: an InvalidValueError on ``home``."""
        with pytest.raises(InvalidValueError) as caught:
            empty(home=DE)
        assert caught.value.field == "home"

    def test_without_account_or_plan_the_plan_is_missing(self):
        """No getAccount and no plan: an error, not a guess."""
        with pytest.raises(MissingDataError):
            assemble_snapshot(home=US, seller_id="A1EXAMPLEUS")


class TestImportFiles:
    """Files recognised by shape, and each refusal naming its file."""

    def run(self, files, words=None, plan=PRO):
        return import_files(
            words or list(files),
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=plan,
            read=lambda path: files[path],
        )

    def test_one_notification_alone_is_recognised_and_replayed(self):
        """A single notification object, not in an array."""
        body = fixture("notifications_na.json")[0]
        assert recognise(body) == "notifications"
        assembly = self.run({"n.json": json.dumps(body).encode()})
        record = assembly.snapshot.catalog.record("MUG-MFN-2")
        assert record.mfn.quantity == 35

    def test_a_fees_response_with_a_payload_is_recognised(self):
        """``{"payload": {"FeesEstimateResult": ...}}``: fees."""
        assert recognise({"payload": {"FeesEstimateResult": {}}}) == "fees"

    def test_a_file_name_with_an_equals_sign_is_a_file_name(self):
        """``a=b.json``: ``a`` is no kind, so the whole word is the path."""
        data = (SPAPI / "participations_na.json").read_bytes()
        assembly = self.run({"a=b.json": data})
        assert assembly.snapshot.account.marketplaces == frozenset(
            {US, CA, MX}
        )

    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            (b'{"a": "\xff"}', "not valid JSON: 'utf-8' codec can't decode"),
            (b"[" * 100_000, "not valid JSON: maximum recursion depth"),
            (b"[" + b"9" * 5_000 + b"]", "not valid JSON: Exceeds the limit"),
        ],
        ids=["bad-utf-8", "deep", "long-integer"],
    )
    def test_json_that_cannot_be_parsed_names_the_file(self, data, problem):
        """Bad UTF-8, nesting too deep, an integer too long: one line."""
        with pytest.raises(PayloadError) as caught:
            self.run({"bad.json": data})
        assert caught.value.source == "bad.json"
        assert caught.value.problem.startswith(problem)
        assert "\n" not in str(caught.value)

    def test_a_file_that_cannot_be_read_names_it(self, tmp_path):
        """A missing file, through the default reader: its name, why."""
        missing = str(tmp_path / "missing.json")
        with pytest.raises(PayloadError) as caught:
            import_files([missing], home=US, seller_id="A1EXAMPLEUS", plan=PRO)
        assert str(caught.value) == (
            f"{missing}: cannot read the file: No such file or directory"
        )

    def test_a_bad_notification_names_its_file_and_index(self):
        """The stream's error: the file, then ``[1].Payload.Quantity``."""
        stream = fixture("notifications_na.json")[:2]
        stream[1]["Payload"]["Quantity"] = -1
        with pytest.raises(PayloadError) as caught:
            self.run({"stream.json": json.dumps(stream).encode()})
        assert caught.value.source == "stream.json"
        assert caught.value.path == "[1].Payload.Quantity"

    def test_a_listings_report_is_recognised_by_its_columns(self):
        """Tab-separated text with ``seller-sku``: home's listings."""
        data = (SPAPI / "merchant_listings_ca.txt").read_bytes()
        assembly = self.run({"listings.txt": data})
        record = assembly.snapshot.catalog.record("BOWL-CA-4")
        assert [x.marketplace for x in record.listings] == [US]
        assert record.listings[0].status is ListingStatus.ACTIVE

    def test_text_that_is_no_known_report_is_refused(self):
        """Neither ``sales-channel`` nor ``seller-sku``: line 1, refused."""
        with pytest.raises(PayloadError) as caught:
            self.run({"notes.txt": b"just\tsome\ttext\n"})
        assert str(caught.value) == (
            "notes.txt: line 1: not JSON and not a known flat-file report"
        )

    def test_an_unknown_marketplace_code_names_the_file(self):
        """``listings-report:XX=``: no such country."""
        data = (SPAPI / "merchant_listings_ca.txt").read_bytes()
        with pytest.raises(PayloadError) as caught:
            self.run(
                {"listings.txt": data},
                words=["listings-report:XX=listings.txt"],
            )
        assert str(caught.value) == ("listings.txt: unknown marketplace `XX`")


class TestListingsReportPrices:
    """A listings report's price is money of the marketplace's currency."""

    @pytest.mark.parametrize(
        ("marketplace", "price", "problem"),
        [
            (CA, "1.005", "`1.005` has more decimal places than `CAD` allows"),
            (MX, "12.345", "`12.345` has more decimal places than `MXN`"),
        ],
    )
    def test_a_price_money_refuses_names_its_cell(
        self, marketplace, price, problem
    ):
        """More places than the currency has: a PayloadError at the cell."""

        def bad(header, rows):
            rows[0]["price"] = price
            return header, rows

        text = report("merchant_listings_ca.txt", bad)
        column = text.split("\n")[0].split("\t").index("price") + 1
        with pytest.raises(PayloadError) as caught:
            read_merchant_listings_report(text, marketplace)
        assert caught.value.path == f"line 2, column {column}"
        assert problem in caught.value.problem
