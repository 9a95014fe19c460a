"""Edges of the command, the loader and the report, by name.

Each test reaches one path the property tests rarely or never draw.
"""

import io
import json
import runpy
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from unified_account import (
    FAQ,
    CurrencyMismatchError,
    Marketplace,
    Money,
    SnapshotError,
    availability_table,
    build_report,
    example_snapshot,
    order_from_v0,
)
from unified_account._arguments import checked
from unified_account.cli import main
from unified_account.data import _entries
from unified_account.i18n import format_param
from unified_account.snapshot import (
    example_text,
    parse_snapshot,
    snapshot_from_data,
)
from unified_account.snapshot import (
    parse_snapshot as module_parse_snapshot,
)
from unified_account.snapshot._limits import MAX_SNAPSHOT_CHARACTERS


def _example():
    return json.loads(example_text())


def _refused(document):
    with pytest.raises(SnapshotError) as error:
        snapshot_from_data(document, "seller.json")
    return error.value


class TestCommand:
    """``python -m unified_account`` and a stdout that fails."""

    def test_python_dash_m_runs_the_command(self, monkeypatch, capsys):
        """The module runs ``main`` and exits with its status."""
        monkeypatch.setattr(sys, "argv", ["unified-account", "rules"])
        with pytest.raises(SystemExit) as exit_:
            runpy.run_module("unified_account", run_name="__main__")
        assert exit_.value.code == 0
        assert "no-merge" in capsys.readouterr().out

    def test_a_failing_stdout_is_status_3_with_one_line(self):
        """A full disk or closed pipe: status 3, the reason on stderr."""

        class Full(io.StringIO):
            def write(self, text):
                raise OSError(28, "No space left on device")

        err = io.StringIO()
        with redirect_stdout(Full()), redirect_stderr(err):
            assert main(["rules"]) == 3
        assert err.getvalue().startswith("unified-account: error: cannot")
        assert err.getvalue().count("\n") == 1


class TestLoader:
    """Shapes the loader refuses, each with its path."""

    @pytest.mark.parametrize(
        ("value", "path"),
        [
            ("x", "separate_accounts"),
            (7, "separate_accounts"),
        ],
    )
    def test_separate_accounts_must_be_a_list(self, value, path):
        """A string or a number is not a list of accounts."""
        document = _example()
        document["separate_accounts"] = value
        assert _refused(document).path == path

    def test_a_missing_required_field_names_its_path(self):
        """``account.seller_id`` removed."""
        document = _example()
        del document["account"]["seller_id"]
        error = _refused(document)
        assert error.path == "account.seller_id"
        assert error.problem == "missing required field"

    def test_a_scalar_where_an_object_belongs(self):
        """``account.registration_info`` as a number."""
        document = _example()
        document["account"]["registration_info"] = 7
        assert _refused(document).path.startswith("account.registration_info")

    def test_an_impossible_purchase_time(self):
        """Month 13 matches the grammar but is no date."""
        document = _example()
        document["orders"][0]["purchased_at"] = "2026-13-01T10:00:00Z"
        assert _refused(document).path == "orders[0].purchased_at"

    def test_a_python_int_past_the_limit(self):
        """Parsed data from Python, not JSON text: the same limit."""
        document = _example()
        document["catalog"]["skus"][0]["mfn"]["quantity"] = 10**15
        assert _refused(document).path == "catalog.skus[0].mfn.quantity"

    def test_a_snapshot_past_the_size_limit(self, monkeypatch):
        """Refused before it is parsed.

        The limit is 1 GiB (docs/limits.md measures a snapshot at it); a
        smaller one in its place shows the check, without the suite
        building a gigabyte.
        """
        import unified_account.snapshot as snapshot_module

        assert MAX_SNAPSHOT_CHARACTERS == 1024**3
        assert snapshot_module.MAX_SNAPSHOT_CHARACTERS == 1024**3
        monkeypatch.setattr(snapshot_module, "MAX_SNAPSHOT_CHARACTERS", 1000)
        for text in (" " * 1001, b" " * 1001):
            with pytest.raises(SnapshotError) as error:
                parse_snapshot(text)
            assert error.value.problem == (
                "the snapshot is longer than 1,000 characters"
            )
        with pytest.raises(SnapshotError) as error:
            parse_snapshot(" " * 1000)  # at the limit: read, and not JSON
        assert "not valid JSON" in error.value.problem

    def test_json_nested_past_the_parser(self):
        """Deeper than Python's parser recurses: our error."""
        with pytest.raises(SnapshotError) as error:
            parse_snapshot("[" * 100_000 + "]" * 100_000)
        assert "nested too deeply" in error.value.problem

    def test_the_module_function_checks_its_text_too(self):
        """``unified_account.snapshot.parse_snapshot`` is unwrapped."""
        with pytest.raises(SnapshotError):
            module_parse_snapshot({})

    def test_a_caller_fee_schedule_replaces_the_bundled_one(self):
        """``subscription_fees`` given: the schedule is the snapshot's."""
        document = _example()
        document["subscription_fees"] = [
            {
                "marketplace": "US",
                "amount": {"amount": "10.00", "currency": "USD"},
                "effective": "2020-01-01",
                "source": "test",
                "confirmed": True,
            }
        ]
        snapshot = snapshot_from_data(document)
        assert snapshot.fee_schedule.entries[0].amount == Money("10", "USD")

    def test_the_bundled_fees_must_be_an_object_with_entries(self):
        """A damaged bundled file names itself."""
        with pytest.raises(SnapshotError.__mro__[1]) as error:
            _entries("[]", "subscription-fees.json")
        assert error.value.field == "subscription-fees.json"


class TestAdapters:
    """The SP-API order adapters."""

    def test_no_marketplace_at_all_is_a_missing_field(self):
        """Neither ``MarketplaceId`` nor ``SalesChannel``."""
        with pytest.raises(SnapshotError.__mro__[1]) as error:
            order_from_v0(
                {
                    "AmazonOrderId": "702-3035602-4225066",
                    "PurchaseDate": "2026-07-02T15:04:05Z",
                    "OrderStatus": "Shipped",
                    "FulfillmentChannel": "AFN",
                }
            )
        assert error.value.field == "SalesChannel"


class TestMoneyAndRendering:
    """``sum()`` of money and the parameter kinds rendered."""

    def test_sum_of_money_starts_from_zero(self):
        """``sum()`` adds money of one currency."""
        assert sum([Money("1.10", "USD"), Money("2.20", "USD")]) == Money(
            "3.30", "USD"
        )

    def test_a_number_plus_money_is_refused(self):
        """Only ``0`` may stand on the left (``sum()``'s start)."""
        with pytest.raises(CurrencyMismatchError):
            _ = 5 + Money("1", "USD")

    def test_a_boolean_parameter_renders_as_written(self):
        """True is text, not the number 1."""
        assert format_param(True, "en") == "True"

    def test_an_empty_list_parameter_renders_as_a_dash(self):
        """Nothing to list."""
        assert format_param((), "fr_CA") == "-"


class TestReportAndTable:
    """Report sections that a snapshot may leave out."""

    def test_the_report_names_its_rules(self):
        """``Report.rules`` lists each finding's rule once."""
        report = build_report(example_snapshot())
        assert report.rules == {f.rule for f in report.findings}

    def test_a_bare_snapshot_reports_no_money_sections(self):
        """No billing date, no orders, no storefront link."""
        document = _example()
        for key in ("as_of", "orders", "storefront_link", "report_currency"):
            document.pop(key, None)
        report = build_report(snapshot_from_data(document))
        subjects = {finding.subject.path for finding in report.findings}
        assert not any("subscription" in s for s in subjects)
        assert not any(
            "storefront" in s and "request" not in s for s in subjects
        )

    def test_the_table_answers_membership_and_equality(self):
        """``in`` for SKUs; a table is never equal to a non-table."""
        table = availability_table(example_snapshot().catalog).value
        sku = next(iter(example_snapshot().catalog)).sku
        assert sku in table
        assert "NO-SUCH-SKU" not in table
        assert table != object()


class TestArgumentChecks:
    """The facade's argument check on annotations of every shape."""

    def test_any_typevars_and_literals_are_not_checked(self):
        """Only what ``isinstance`` can test is checked."""
        from typing import Any, Literal, TypeVar

        T = TypeVar("T")

        def function(a: Any, b: T, c: Literal["x"], d: int | Any) -> None:
            """A function with unchecked annotations."""

        wrapped = checked(function, {"Any": Any, "Literal": Literal, "T": T})
        assert wrapped(object(), object(), object(), object()) is None

    def test_names_only_a_type_checker_sees_are_skipped(self):
        """An annotation naming an unknown type is not checked."""

        def function(a: "Unknown", b: "int") -> None:  # noqa: F821
            """A function whose first annotation cannot be resolved."""

        wrapped = checked(function, {})
        assert wrapped(object(), 1) is None
        with pytest.raises(TypeError):
            wrapped(object(), "1")

    def test_a_marketplace_given_as_text(self):
        """The facade's message names the function and the parameter."""
        from unified_account import InvalidArgumentError, evaluate_scope

        with pytest.raises(InvalidArgumentError) as error:
            evaluate_scope("CA")
        assert error.value.field == "marketplace"
        assert error.value.function == "evaluate_scope"
        assert FAQ.scope
        assert Marketplace.CA in FAQ.scope


class TestMoreEdges:
    """The Python API's snapshot checks and rarer report paths."""

    def test_a_snapshot_refuses_text_for_an_account_or_an_order(self):
        """Built in Python: each item of each collection is checked."""
        from unified_account import InvalidValueError, Snapshot

        seller = example_snapshot()
        with pytest.raises(InvalidValueError) as error:
            Snapshot(account=seller.account, separate_accounts=["x"])
        assert error.value.field == "separate_accounts[0]"
        with pytest.raises(InvalidValueError) as error:
            Snapshot(account=seller.account, orders=["x"])
        assert error.value.field == "orders[0]"

    def test_a_plain_note_does_not_change_the_path(self):
        """Only cattrs' own notes name a step of the path."""
        from unified_account.model._converter import first_problem

        error = ValueError("x")
        error.add_note("a note of another kind")
        assert first_problem(error) == ("", "x")

    def test_changing_only_the_attributes_keeps_the_title(self):
        """``title=None`` keeps the listing's title."""
        from unified_account import change_listing_info

        seller = example_snapshot()
        record = next(iter(seller.catalog))
        listing = record.listings[0]
        changed = change_listing_info(
            seller.catalog,
            record.sku,
            listing.marketplace,
            attributes={"color": "blue"},
        )
        after = changed.listing(record.sku, listing.marketplace)
        assert after.title == listing.title
        assert dict(after.attributes) == {"color": "blue"}

    def test_a_sku_deleted_everywhere_is_reported_deleted(self):
        """No live listing left: the plain deletion finding."""
        document = _example()
        record = document["catalog"]["skus"][0]
        for listing in record["listings"].values():
            listing["status"] = "deleted"
        report = build_report(snapshot_from_data(document))
        ids = {f.message_id for f in report.findings}
        assert "marketplace-specific-deletion.deleted" in ids

    def test_proceeds_without_a_rate_are_left_to_the_converter(self):
        """No caller rate: the route says ACCS converts, nothing is paid."""
        document = _example()
        for key in ("conversion_rates", "report_currency"):
            document.pop(key, None)
        report = build_report(snapshot_from_data(document))
        assert report.findings


class TestLastEdges:
    """The remaining refusals, each by name."""

    @pytest.mark.parametrize("value", ["x", 7])
    def test_separate_accounts_in_python_must_be_a_collection(self, value):
        """Text or a number is not a list of accounts."""
        from unified_account import InvalidValueError, Snapshot

        with pytest.raises(InvalidValueError) as error:
            Snapshot(
                account=example_snapshot().account, separate_accounts=value
            )
        assert error.value.field == "separate_accounts"

    def test_render_refuses_parameters_that_are_not_pairs(self):
        """A string is iterable but holds no (name, value) pairs."""
        from unified_account import InvalidArgumentError, render

        with pytest.raises(InvalidArgumentError) as error:
            render("no-merge.denied", "0", "en")
        assert error.value.field == "params"

    def test_arrays_nested_past_the_limit(self):
        """Nested arrays are counted like nested objects."""
        document = _example()
        nested = []
        for _ in range(40):
            nested = [nested]
        document["orders"] = nested
        assert "nested deeper" in _refused(document).problem

    def test_a_listing_outside_the_americas_sells_nothing_here(self):
        """A DE listing is kept but is no column of the Americas."""
        from unified_account import FulfillmentChannel, Listing, SkuRecord

        record = SkuRecord(
            sku="DE-ONLY",
            fba={Marketplace.DE: 5},
            listings=[
                Listing(
                    sku="DE-ONLY",
                    marketplace=Marketplace.DE,
                    title="t",
                    price=Money("1.00", "EUR"),
                    channel=FulfillmentChannel.FBA,
                )
            ],
        )
        assert set(record.sellable_quantities) == {0}


def test_a_file_name_with_a_nul_is_our_error():
    """``Path.read_bytes`` raises ``ValueError`` for it: ours instead."""
    from unified_account import load_snapshot

    with pytest.raises(SnapshotError) as error:
        load_snapshot("seller\x00.json")
    assert "NUL" in error.value.problem
    assert "\x00" not in str(error.value)
