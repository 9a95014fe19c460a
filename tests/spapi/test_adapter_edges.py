"""The adapters' edges: each refusal and each note, with its path.

Every case names the payload, the JSON path the error or the note gives,
and the message; hostile values (ten thousand characters, control
characters, integers too long for ``str``) are quoted as short,
printable, single-line excerpts.
"""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from unified_account import Marketplace
from unified_account._excerpt import LINE_LIMIT
from unified_account.errors import PayloadError
from unified_account.model.account import SellingPlan
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    read_account,
    read_inventory_summaries,
    read_listings_item,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    replay,
)

SPAPI = Path(__file__).resolve().parents[1] / "fixtures" / "spapi"
US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
LONG = "x" * 9_999 + "\n"  # the longest string a snapshot holds
BASE = assemble_snapshot(
    home=US, seller_id="A1EXAMPLEUS", plan=SellingPlan.PROFESSIONAL
).snapshot


def fixture(name):
    text = (SPAPI / name).read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal)


def notification(index):
    return copy.deepcopy(fixture("notifications_na.json")[index])


def changed(document, path, value):
    """``document`` with the value at ``path`` (keys and indexes) set."""
    document = copy.deepcopy(document)
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def refusal(call, *args):
    with pytest.raises(PayloadError) as caught:
        call(*args)
    line = str(caught.value)
    assert "\n" not in line
    assert line.isprintable()
    assert len(line) < LINE_LIMIT
    return caught.value


class TestHostileValuesAreQuotedShort:
    """A bad value of ten thousand characters gives one short line."""

    @pytest.mark.parametrize(
        ("call", "document", "path", "where", "problem"),
        [
            (
                read_account,
                fixture("account_na.json"),
                (
                    "payload",
                    "business",
                    "registeredBusinessAddress",
                    "countryCode",
                ),
                "payload.business.registeredBusinessAddress.countryCode",
                "is not an ISO 3166 country code",
            ),
            (
                read_inventory_summaries,
                fixture("fba_us.json"),
                ("payload", "granularity", "granularityId"),
                "payload.granularity.granularityId",
                "is not `ATVPDKIKX0DER`, the call's marketplace",
            ),
            (
                lambda body: apply_notification(BASE, body),
                notification(0),
                ("NotificationType",),
                "NotificationType",
                "is not one of: LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
            ),
            (
                lambda body: apply_notification(BASE, body),
                notification(0),
                ("Payload", "FulfillmentChannelCode"),
                "Payload.FulfillmentChannelCode",
                "is not DEFAULT",
            ),
            (
                lambda body: apply_notification(BASE, body),
                notification(4),
                (
                    "Payload",
                    "OrderChangeNotification",
                    "Summary",
                    "OrderStatus",
                ),
                "Payload.OrderChangeNotification.Summary.OrderStatus",
                "is not an order status",
            ),
            (
                lambda body: apply_notification(BASE, body),
                notification(4),
                (
                    "Payload",
                    "OrderChangeNotification",
                    "Summary",
                    "PurchaseDate",
                ),
                "Payload.OrderChangeNotification.Summary.PurchaseDate",
                "is not an ISO 8601 date and time",
            ),
        ],
    )
    def test_a_long_value_is_cut_and_its_length_given(
        self, call, document, path, where, problem
    ):
        """The message gives the path, an excerpt, the length, the problem."""
        called = (
            (lambda value: call(value, US.id))
            if call is read_inventory_summaries
            else call
        )
        error = refusal(called, changed(document, path, LONG))
        assert error.path == where
        assert "xxxxx... (10,000 characters)" in str(error)
        assert problem in str(error)

    def test_a_date_without_time_zone_is_quoted_short(self):
        """A naive time of any length: quoted short, 'has no time zone'."""
        body = changed(
            notification(4),
            ("Payload", "OrderChangeNotification", "Summary", "PurchaseDate"),
            "2026-07-05T10:00:00" + "0" * 5_000,
        )
        error = refusal(apply_notification, BASE, body)
        assert error.problem.endswith("is not an ISO 8601 date and time")
        naive = changed(
            body,
            ("Payload", "OrderChangeNotification", "Summary", "PurchaseDate"),
            "2026-07-05T10:00:00",
        )
        error = refusal(apply_notification, BASE, naive)
        assert error.problem == "`2026-07-05T10:00:00` has no time zone"

    def test_an_integer_too_long_for_str_is_named_by_its_size(self):
        """A 5,000-digit quantity: no ValueError while writing the message."""
        body = changed(notification(0), ("Payload", "Quantity"), -(10**5000))
        error = refusal(apply_notification, BASE, body)
        assert error.path == "Payload.Quantity"
        assert error.problem == (
            "expected a whole number of at least 0, got "
            "`-<an integer of about 5,001 digits>`"
        )

    def test_a_fractional_quantity_is_quoted_as_written(self):
        """``1.5`` is shown as the JSON wrote it, not as a Python repr."""
        body = changed(
            notification(0), ("Payload", "Quantity"), Decimal("1.5")
        )
        error = refusal(apply_notification, BASE, body)
        assert error.problem == (
            "expected a whole number of at least 0, got `1.5`"
        )


class TestKeysInPaths:
    """A key from the payload appears in a path as a printable excerpt."""

    def test_a_control_character_in_a_key_is_escaped(self):
        r"""``attributes["\x1f"]``: the path says ``attributes.\x1f``."""
        item = fixture("listings_item_na.json")
        item["attributes"]["\x1f"] = ""
        error = refusal(read_listings_item, item)
        assert error.path == "attributes.\\x1f"
        assert error.problem == "expected an array, got a string"

    def test_a_long_key_is_cut(self):
        """A key of a thousand characters is cut in the path."""
        item = fixture("listings_item_na.json")
        item["attributes"]["k" * 1_000] = 7
        error = refusal(read_listings_item, item)
        assert error.path.startswith("attributes.kkkk")
        assert error.path.endswith("... (1,000 characters)")
        assert error.problem == "expected an array, got a number"


class TestReplayTakesAnArray:
    """``replay`` reads a stream: an array of notifications, nothing else."""

    @pytest.mark.parametrize(
        ("value", "named"),
        [
            (0, "a number"),
            ("ORDER_CHANGE", "a string"),
            (b"[]", "bytes"),
            (None, "null"),
            ({"NotificationType": "ORDER_CHANGE"}, "an object"),
        ],
    )
    def test_anything_but_an_array_is_a_payload_error(self, value, named):
        """A number, text, bytes, null or one object: refused at the root."""
        error = refusal(replay, BASE, value)
        assert error.path == ""
        assert (
            error.problem == f"expected an array of notifications, got {named}"
        )

    def test_an_empty_stream_changes_nothing(self):
        """No notification: the same snapshot."""
        assert replay(BASE, []) == BASE
        assert replay(BASE, iter(())) == BASE


def test_a_bad_purchase_date_in_a_report_names_its_cell():
    """Flat-file orders: a long bad date is cut, at its line and column."""
    lines = (SPAPI / "flat_file_orders_na.txt").read_bytes().decode("cp1252")
    rows = [line.split("\t") for line in lines.split("\r\n")[:-1]]
    column = rows[0].index("purchase-date")
    rows[1][column] = "y" * 500
    text = "\n".join("\t".join(row) for row in rows)
    error = refusal(read_orders_report, text)
    assert error.path == f"line 2, column {column + 1}"
    assert "... (500 characters)` is not an ISO 8601 date and time" in str(
        error
    )


class TestOrdersSetAside:
    """An order set aside is named by its id, or by its place."""

    @pytest.mark.parametrize(
        "order_id",
        ["\x1f", " ", 10**5000, {"a": 1}],
        ids=["control", "blank", "huge-number", "object"],
    )
    def test_an_order_without_a_usable_id_is_named_by_its_index(
        self, order_id
    ):
        """A blank, numeric or object id: ``order 1``, never an error."""
        response = fixture("orders_v0_awkward.json")
        orders = response["payload"]["Orders"]
        index = next(
            at
            for at, order in enumerate(orders)
            if order.get("SalesChannel") == "Non-Amazon"
        )
        orders[index]["AmazonOrderId"] = order_id
        read = read_orders(response)
        noted = [
            n for n in read.set_aside if n.path == f"payload.Orders[{index}]"
        ]
        assert [(n.subject, n.reason.value) for n in noted] == [
            (f"order {index}", "non-amazon-order")
        ]


class TestWholeNumbers:
    """Quantities: whole, at least 0, at most 15 digits as in a snapshot."""

    def quantity(self, value):
        return changed(notification(0), ("Payload", "Quantity"), value)

    def test_the_largest_quantity_a_snapshot_holds_is_read(self):
        """10^15 - 1 units: the snapshot's largest whole number."""
        snapshot = apply_notification(BASE, self.quantity(10**15 - 1))
        record = snapshot.catalog.record("MUG-MFN-2")
        assert record.mfn.quantity == 10**15 - 1

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (10**15, "1000000000000000"),
            (Decimal("1e999999"), "1E+999999"),
            (Decimal("1e15"), "1E+15"),
        ],
    )
    def test_a_larger_one_is_refused_before_it_is_converted(
        self, value, shown
    ):
        """``1e999999`` (a Decimal from JSON) is refused, not expanded."""
        error = refusal(apply_notification, BASE, self.quantity(value))
        assert error.path == "Payload.Quantity"
        assert error.problem == f"`{shown}` has more than 15 digits"

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (Decimal("NaN"), "`NaN`"),
            (Decimal("-1"), "`-1`"),
            ("3", "a string"),
        ],
    )
    def test_not_a_count_is_refused(self, value, shown):
        """Not a number, negative, or a string: refused, quoted short."""
        error = refusal(apply_notification, BASE, self.quantity(value))
        assert error.problem == (
            f"expected a whole number of at least 0, got {shown}"
        )


class TestTextASnapshotCanHold:
    """Strings are read only if a snapshot can save and load them."""

    def test_a_lone_surrogate_in_a_title_is_refused_with_its_path(self):
        r"""``itemName`` with ``\ud800``: no report could be written."""
        item = changed(
            fixture("listings_item_na.json"),
            ("summaries", 0, "itemName"),
            "Mug \ud800",
        )
        error = refusal(read_listings_item, item)
        assert error.path == "summaries[0].itemName"
        assert error.problem == (
            "`Mug \\ud800` cannot be written as UTF-8 (it holds a lone "
            "surrogate)"
        )

    def test_a_title_longer_than_a_snapshot_string_is_refused(self):
        """10,001 characters: past the loader's limit, so not read."""
        item = changed(
            fixture("listings_item_na.json"),
            ("summaries", 0, "itemName"),
            "t" * 10_001,
        )
        error = refusal(read_listings_item, item)
        assert error.path == "summaries[0].itemName"
        assert error.problem.endswith("is longer than 10,000 characters")

    def test_a_title_of_the_longest_snapshot_string_is_read(self):
        """10,000 characters: read, and the title kept whole."""
        item = changed(
            fixture("listings_item_na.json"),
            ("summaries", 0, "itemName"),
            "t" * 10_000,
        )
        read = read_listings_item(item)
        assert read.listings[0].title == "t" * 10_000


def report_with(name, column, value, row=1):
    lines = (SPAPI / name).read_bytes().decode("cp1252").split("\r\n")[:-1]
    rows = [line.split("\t") for line in lines]
    index = rows[0].index(column)
    rows[row][index] = value
    return "\n".join("\t".join(cells) for cells in rows), index + 1


class TestFlatFileCells:
    """A report cell is held to the same limits as a JSON string."""

    def test_a_long_item_name_is_refused_at_its_cell(self):
        """A title of 10,001 characters: refused at line 2."""
        text, column = report_with(
            "merchant_listings_ca.txt", "item-name", "n" * 10_001
        )
        error = refusal(read_merchant_listings_report, text, CA)
        assert error.path == f"line 2, column {column}"
        assert error.problem.endswith("is longer than 10,000 characters")

    def test_a_surrogate_in_a_sales_channel_is_refused(self):
        """A report given as ``str`` may hold a surrogate: refused."""
        text, column = report_with(
            "flat_file_orders_na.txt", "sales-channel", "Amazon.ca\udc80"
        )
        error = refusal(read_orders_report, text)
        assert error.path == f"line 2, column {column}"
        assert "cannot be written as UTF-8" in error.problem

    @pytest.mark.parametrize(
        ("digits", "problem"),
        [
            ("9" * 5_000, "has more than 15 digits"),
            ("1" + "0" * 15, "has more than 15 digits"),
        ],
    )
    def test_a_quantity_past_fifteen_digits_is_refused(self, digits, problem):
        """5,000 digits: no ValueError from ``int``, a PayloadError."""
        text, column = report_with(
            "merchant_listings_ca.txt", "quantity", digits
        )
        error = refusal(read_merchant_listings_report, text, CA)
        assert error.path == f"line 2, column {column}"
        assert error.problem.endswith(problem)

    def test_a_fifteen_digit_quantity_is_read(self):
        """999,999,999,999,999 units: the largest a snapshot holds."""
        text, _ = report_with("merchant_listings_ca.txt", "quantity", "9" * 15)
        read = read_merchant_listings_report(text, CA)
        assert read.rows[0][1] == 10**15 - 1
