"""Hostile input, found by fuzzing: each gives our error or correct output.

One test per defect a fuzzing run found; each failed before its fix.
"""

import copy
import decimal
import io
import json
import os
import pickle
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from unified_account import (
    Catalog,
    InvalidValueError,
    Marketplace,
    MissingDataError,
    Money,
    SnapshotError,
    UnifiedAccountError,
    availability_table,
    build_report,
    evaluate_scope,
    example_snapshot,
    explain,
    format_money,
    order_from_2026,
    order_from_v0,
    parse_snapshot,
)
from unified_account.cli import main
from unified_account.report.formats import report_text
from unified_account.snapshot import example_text


def _example():
    return json.loads(example_text())


def _load(document):
    return parse_snapshot(json.dumps(document), "seller.json")


def _refused(document):
    with pytest.raises(SnapshotError) as error:
        _load(document)
    return error.value


class TestEveryAcceptedStringIsUtf8:
    """A lone surrogate is refused when the snapshot is read."""

    def test_a_lone_surrogate_in_a_value_is_refused_with_its_path(self):
        """A lone surrogate in ``reference`` loaded, then broke the report."""
        document = _example()
        document["sales"][0]["reference"] = "x\ud800"
        error = _refused(document)
        assert error.path == "sales[0].reference"
        assert "surrogate" in error.problem
        str(error).encode("utf-8")

    def test_a_lone_surrogate_in_a_key_is_refused(self):
        """Keys are strings too."""
        document = _example()
        document["catalog"]["skus"][0]["listings"]["US"]["attributes"][
            "\udfff"
        ] = "x"
        error = _refused(document)
        assert error.path == "catalog.skus[0].listings.US.attributes"
        str(error).encode("utf-8")


class TestTheLibrarysOwnDecimalContext:
    """No result depends on the caller's decimal context."""

    def test_format_money_ignores_a_six_digit_caller_context(self):
        """``prec = 6`` crashed ``format_money`` on USD 123456.78."""
        money = Money("123456.78", "USD")
        with decimal.localcontext() as context:
            context.prec = 6
            context.traps[decimal.Inexact] = True
            assert format_money(money, "en") == "$123,456.78"

    def test_format_money_takes_the_largest_amount(self):
        """An amount of 39 integer digits formats in full."""
        money = Money("9" * 39, "USD")
        assert (
            format_money(money, "en").replace(",", "")
            == "$" + "9" * 39 + ".00"
        )

    def test_times_an_enormous_factor_is_our_error(self):
        """``times("1e1000000")`` raised a raw ``decimal.Overflow``."""
        with pytest.raises(InvalidValueError) as error:
            Money("1", "USD").times("1e1000000")
        assert error.value.field == "factor"

    def test_the_report_renders_in_any_caller_context(self):
        """The whole report, in a context of precision 1 with traps on."""
        seller = example_snapshot()
        expected = report_text(build_report(seller), "en")
        with decimal.localcontext() as context:
            context.prec = 1
            context.traps[decimal.Inexact] = True
            context.traps[decimal.Rounded] = True
            assert report_text(build_report(seller), "en") == expected


class TestWhateverLoadsCanBeReported:
    """Limits are checked when a snapshot is read, with the JSON path."""

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            (
                lambda d: d["sales"][0]["price"].update(amount="9" * 27),
                "sales[0].price.amount",
            ),
            (
                lambda d: d["conversion_rates"][0].update(rate="1" + "0" * 57),
                "conversion_rates[0].rate",
            ),
            (
                lambda d: d["conversion_rates"][0].update(
                    rate="1" * 1_000_000
                ),
                "conversion_rates[0].rate",
            ),
            (
                lambda d: d["catalog"]["skus"][0]["mfn"].update(
                    quantity=10**30
                ),
                "catalog.skus[0].mfn.quantity",
            ),
        ],
        ids=["27-digit amount", "58-digit rate", "1e6-digit rate", "10^30"],
    )
    def test_a_value_past_a_limit_is_refused_with_its_path(self, change, path):
        """These loaded, then the report failed naming no path."""
        document = _example()
        change(document)
        assert _refused(document).path == path

    def test_deep_nesting_is_refused_with_its_path(self):
        """Nesting past the limit, in a place that allows objects."""
        document = _example()
        nested = {}
        for _ in range(40):
            nested = {"x": nested}
        document["catalog"]["skus"][0]["listings"]["US"]["attributes"] = nested
        error = _refused(document)
        assert error.path.startswith(
            "catalog.skus[0].listings.US.attributes.x.x"
        )
        assert "nested deeper" in error.problem

    def test_a_snapshot_at_every_limit_loads_and_reports(self):
        """The largest values accepted still give a report."""
        document = _example()
        document["sales"][0]["price"]["amount"] = "9" * 15 + ".99"
        document["conversion_rates"][0]["rate"] = "9" * 15 + "." + "9" * 12
        document["catalog"]["skus"][0]["mfn"]["quantity"] = 10**15 - 1
        document["orders"][0]["total"]["amount"] = "9" * 15 + ".99"
        report = build_report(_load(document))
        for locale in ("en", "fr_CA", "zh_Hant"):
            assert report_text(report, locale)


class TestShortSingleLineErrors:
    """An error quotes at most a short, single-line excerpt."""

    def test_a_ten_megabyte_value_gives_a_short_message(self):
        """A 10 MB bad value gave a 10 MB line on stderr."""
        with pytest.raises(InvalidValueError) as error:
            Money("1" * 10_000_000 + "x", "USD")
        assert len(str(error.value)) < 500

    def test_an_unknown_non_amazon_id_is_quoted_short(self):
        """``NonAmazonMarketplace.from_id`` quoted the whole id."""
        from unified_account import (
            NonAmazonMarketplace,
            UnknownMarketplaceError,
        )

        with pytest.raises(UnknownMarketplaceError) as error:
            NonAmazonMarketplace.from_id("X\n" * 100_000)
        message = str(error.value)
        assert len(message) < 500
        assert "\n" not in message
        assert message.startswith("unknown marketplace id `X\\nX\\n")

    def test_a_value_with_line_breaks_gives_one_line(self):
        """A bad value with newlines gave a multi-line error."""
        with pytest.raises(InvalidValueError) as error:
            Money("1\n2\r\n3", "USD")
        assert "\n" not in str(error.value)
        assert "\r" not in str(error.value)

    def test_a_huge_int_in_a_payload_gives_our_error(self):
        """An int of over 4,300 digits broke the message's formatting."""
        payload = {
            "AmazonOrderId": "702-3035602-4225066",
            "PurchaseDate": "2026-07-02T15:04:05Z",
            "OrderStatus": 10**5000,
            "FulfillmentChannel": "AFN",
            "MarketplaceId": "A2EUQ1WTGCTBG2",
        }
        with pytest.raises(InvalidValueError) as error:
            order_from_v0(payload)
        assert error.value.field == "OrderStatus"
        assert len(str(error.value)) < 500

    def test_a_huge_int_in_a_snapshot_is_refused_with_its_path(self):
        """JSON integers past the limit are not even converted."""
        text = example_text().replace(
            '"quantity": 100', '"quantity": ' + "7" * 5000, 1
        )
        with pytest.raises(SnapshotError) as error:
            parse_snapshot(text)
        assert error.value.path == "catalog.skus[0].mfn.quantity"


class TestAvailabilityTable:
    """The table's look-ups and copies."""

    def test_an_unknown_sku_is_missing_data(self):
        """``quantity("X", US)`` raised ``KeyError``."""
        table = availability_table(Catalog()).value
        with pytest.raises(MissingDataError):
            table.quantity("X", Marketplace.US)

    def test_the_table_pickles_and_deep_copies(self):
        """The table held a ``mappingproxy``."""
        table = availability_table(example_snapshot().catalog).value
        assert pickle.loads(pickle.dumps(table)) == table
        assert copy.deepcopy(table) == table


class TestAnyStdoutEncoding:
    """The command's output never fails to encode."""

    @pytest.mark.parametrize(
        "environment",
        [
            {"PYTHONIOENCODING": "latin-1"},
            {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
        ],
        ids=["latin-1", "C locale"],
    )
    @pytest.mark.parametrize("locale", ["es_MX", "zh_Hant"])
    def test_localized_help_on_a_narrow_stdout(self, environment, locale):
        """``--help --locale es_MX`` died with ``UnicodeEncodeError``."""
        env = {**os.environ, **environment}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "unified_account",
                "--help",
                "--locale",
                locale,
            ],
            capture_output=True,
            env=env,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, b"")
        assert result.stdout

    def test_rules_to_a_text_only_stdout(self):
        """``redirect_stdout(StringIO())`` raised ``AttributeError``."""
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["rules", "--locale", "zh_Hant"]) == 0
        assert "no-merge" in out.getvalue()

    def test_an_error_to_a_text_only_stderr(self):
        """The error line goes to any stream too."""
        err = io.StringIO()
        with redirect_stderr(err):
            assert main(["explain", "\ud800" * 1000]) == 2
        assert err.getvalue().count("\n") == 1
        assert len(err.getvalue()) < 500


class TestNegativeZero:
    """``-0`` is zero: kept and shown as zero."""

    def test_negative_zero_is_zero(self):
        """``"-0"`` rendered as ``-$0.00``."""
        money = Money("-0", "USD")
        assert str(money.amount) == "0.00"
        assert format_money(money, "en") == "$0.00"
        assert format_money(-Money.zero("USD"), "en") == "$0.00"

    def test_negative_zero_in_a_snapshot_is_zero(self):
        """The loader reads it the same."""
        document = _example()
        document["orders"][0]["total"]["amount"] = "-0.00"
        order = _load(document).orders[0]
        assert not order.total.amount.is_signed()


class TestOrderAdapterAmountGrammar:
    """SP-API amounts: an optional minus, digits, an optional point."""

    @pytest.mark.parametrize(
        "amount",
        [19, 19.5, "1e2", "1_000", "１２", " 12 ", "+1", ".5", "1.", ""],
    )
    def test_v0_refuses_anything_but_a_plain_decimal(self, amount):
        """These were all accepted, contrary to the docstring."""
        payload = {
            "AmazonOrderId": "702-3035602-4225066",
            "PurchaseDate": "2026-07-02T15:04:05Z",
            "OrderStatus": "Shipped",
            "FulfillmentChannel": "AFN",
            "MarketplaceId": "A2EUQ1WTGCTBG2",
            "OrderTotal": {"CurrencyCode": "CAD", "Amount": amount},
        }
        with pytest.raises(InvalidValueError) as error:
            order_from_v0(payload)
        assert error.value.field == "OrderTotal.Amount"

    @pytest.mark.parametrize("amount", [19, "1e2", "+1", ".5", "٣"])
    def test_2026_refuses_anything_but_a_plain_decimal(self, amount):
        """The same grammar for the 2026 shape."""
        payload = {
            "orderId": "702-3035602-4225066",
            "createdTime": "2026-07-02T15:04:05Z",
            "salesChannel": {"marketplaceId": "A2EUQ1WTGCTBG2"},
            "fulfillment": {
                "fulfilledBy": "AMAZON",
                "fulfillmentStatus": "SHIPPED",
            },
            "proceeds": {
                "grandTotal": {"currencyCode": "CAD", "amount": amount}
            },
        }
        with pytest.raises(InvalidValueError) as error:
            order_from_2026(payload)
        assert error.value.field == "proceeds.grandTotal.amount"


class TestLoaderRefusesWhatTheSchemaRefuses:
    """Named cases the loader once accepted and the schema refused."""

    @pytest.mark.parametrize(
        "moment",
        [
            "2026-07-01T15:04:05Z\x00",
            "2026-07-01t15:04:05Z",
            "2026-07-01 15:04:05Z",
        ],
    )
    def test_a_purchase_time_off_the_schema_grammar(self, moment):
        """A trailing NUL, a lower-case ``t``, a space."""
        document = _example()
        document["orders"][0]["purchased_at"] = moment
        assert _refused(document).path == "orders[0].purchased_at"

    def test_a_compact_date_is_refused(self):
        """``fromisoformat`` reads ``20260701``; the schema does not."""
        document = _example()
        document["as_of"] = "20260701"
        assert _refused(document).path == "as_of"

    def test_a_duplicate_key_is_refused_with_its_path(self):
        """The last value silently won: data lost without a word."""
        text = example_text().replace(
            '"seller_id": ', '"seller_id": "A9DUPLICATE", "seller_id": ', 1
        )
        with pytest.raises(SnapshotError) as error:
            parse_snapshot(text)
        assert error.value.path == "account.seller_id"
        assert "twice" in error.value.problem

    def test_a_duplicate_marketplace_is_refused_with_its_path(self):
        """``marketplaces`` is a set: each entry once."""
        document = _example()
        document["account"]["marketplaces"] = ["US", "CA", "US"]
        error = _refused(document)
        assert error.path == "account.marketplaces[2]"
        assert "twice" in error.problem


class TestPublicFunctionsCheckTypes:
    """The reproducers: our documented error, naming the parameter."""

    @pytest.mark.parametrize(
        ("call", "parameter"),
        [
            (lambda: explain(evaluate_scope(Marketplace.CA), []), "locale"),
            (lambda: parse_snapshot({}), "text"),
            (lambda: build_report("x"), "snapshot"),
        ],
        ids=["explain", "parse_snapshot", "build_report"],
    )
    def test_a_wrong_type_is_invalid_argument(self, call, parameter):
        """They leaked ``TypeError`` and ``AttributeError``."""
        from unified_account import InvalidArgumentError

        with pytest.raises(InvalidArgumentError) as error:
            call()
        assert error.value.field == parameter
        assert isinstance(error.value, UnifiedAccountError)
        assert isinstance(error.value, TypeError)
