"""What Amazon booked, read: settlement reports and the Finances API."""

from __future__ import annotations

import gc
import json
from datetime import date
from decimal import Decimal

import pytest

from money_files import (
    COLUMNS,
    settlement_file,
    settlement_id,
    year_of_settlements,
)
from unified_account import ChargeKind, Marketplace, Money, SellingPlan
from unified_account.errors import PayloadError
from unified_account.model.imports import SetAsideReason
from unified_account.spapi import (
    BookedRecords,
    read_financial_events,
    read_settlement_report,
    read_transactions,
)
from unified_account.spapi._booked import charge_kind, merged
from unified_account.spapi.files import import_files, recognise
from unified_account.spapi.settlement import (
    settlement_amount,
    settlement_date,
)

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
HEADER = "\t".join(COLUMNS)


def _line(**cells):
    return "\t".join(cells.get(c.replace("-", "_"), "") for c in COLUMNS)


def _report(*rows):
    totals = _line(
        settlement_id="77",
        deposit_date="2020-01-20",
        total_amount="-39.99",
        currency="USD",
    )
    return "\n".join([HEADER, totals, *rows]) + "\n"


class TestSettlementReport:
    """The V2 flat file: totals row, fees, Amazon's date and number forms."""

    def test_a_clean_month_gives_its_fees_and_its_deposit(self):
        """Proceeds are skipped; Commission and FBA fees are charges."""
        read = read_settlement_report(
            settlement_file("CA", 4, planted=False), "ca.txt"
        )
        assert [c.kind for c in read.charges] == [
            ChargeKind.REFERRAL_FEE,
            ChargeKind.FULFILLMENT_FEE,
        ] * 3
        commission = read.charges[0]
        assert commission.amount == Money("-4.05", "CAD")
        assert commission.marketplace is CA
        assert commission.source == "ca.txt: line 4"
        assert commission.settlement_id == settlement_id("CA", 4)
        (deposit,) = read.deposits
        assert deposit.marketplace is CA
        assert deposit.deposited_on == date(2020, 4, 28)
        assert read.set_aside == ()

    def test_a_decimal_comma_and_a_dotted_date_are_read(self):
        """Amazon.com.mx files of the fixture write ``-60,00``."""
        read = read_settlement_report(settlement_file("MX", 6))
        assert read.charges[0].amount == Money("-60.00", "MXN")
        assert read.deposits[0].deposited_on == date(2020, 6, 30)
        assert read.charges[0].source == "line 4"

    def test_non_amazon_rows_are_set_aside_with_their_reason(self):
        """``Non-Amazon`` is no marketplace of the unified account."""
        read = read_settlement_report(settlement_file("US", 8), "us.txt")
        (note,) = read.set_aside
        assert note.reason is SetAsideReason.NON_AMAZON_ORDER
        assert note.path == "us.txt: line 13"

    @pytest.mark.parametrize(
        ("name", "reason"),
        [
            ("Amazon.co.uk", SetAsideReason.OUTSIDE_REGION),
            ("SI CA Prod Marketplace", SetAsideReason.UNKNOWN_MARKETPLACE),
        ],
    )
    def test_other_names_are_set_aside(self, name, reason):
        """A name of another region, or of no table."""
        row = _line(
            settlement_id="77",
            marketplace_name=name,
            amount_type="ItemFees",
            amount_description="Commission",
            amount="-1.00",
            posted_date="2020-01-05",
        )
        (note,) = read_settlement_report(_report(row)).set_aside
        assert note.reason is reason
        assert note.detail == name
        assert note.subject == "77"

    def test_names_in_lower_case_map_and_empty_names_are_none(self):
        """``amazon.com.mx`` is Amazon.com.mx; a subscription names none."""
        rows = [
            _line(
                settlement_id="77",
                order_id="1",
                marketplace_name="amazon.com.mx",
                amount_type="ItemFees",
                amount_description="Commission",
                amount="-1.00",
                currency="MXN",
                posted_date_time="2020-01-05 10:00:00 UTC",
            ),
            _line(
                settlement_id="77",
                amount_type="other-transaction",
                amount_description="Subscription Fee",
                amount="-39.99",
                posted_date="2020-01-02",
            ),
            _line(settlement_id="77", amount_description="Empty"),
            "\t\t",
        ]
        read = read_settlement_report(_report(*rows))
        mx, subscription = read.charges
        assert (mx.marketplace, mx.amount.currency) == (MX, "MXN")
        assert mx.booked_on == date(2020, 1, 5)
        assert subscription.marketplace is None
        assert subscription.kind is ChargeKind.SUBSCRIPTION
        assert subscription.amount == Money("-39.99", "USD")
        assert read.deposits[0].marketplace is MX

    @pytest.mark.parametrize(
        ("text", "where", "problem"),
        [
            ("settlement-id\tamount\n", "line 1", "no `total-amount`"),
            (
                HEADER + "\n" + _line(settlement_id="1", amount="1") + "\n",
                "line 2, column 5",
                "carries no settlement totals",
            ),
            (HEADER + "\n", "line 2", "no settlement totals"),
            (
                _report(
                    _line(
                        settlement_id="77",
                        amount_description="Commission",
                        amount="-1.00",
                        posted_date="01/05/2020",
                    )
                ),
                "line 3, column 17",
                "not a date Amazon writes",
            ),
            (
                _report(
                    _line(
                        settlement_id="77",
                        amount_description="Commission",
                        amount="-1.00",
                        posted_date="2020-02-30",
                    )
                ),
                "line 3, column 17",
                "no calendar date",
            ),
            (
                _report(
                    _line(
                        settlement_id="77",
                        amount_description="Commission",
                        amount="1 000",
                        posted_date="2020-02-03",
                    )
                ),
                "line 3, column 15",
                "not a plain decimal",
            ),
            (
                _report(
                    _line(
                        settlement_id="77",
                        amount_description="Commission",
                        amount="-1.001",
                        posted_date="2020-02-03",
                    )
                ),
                "line 3, column 15",
                "-1.001",
            ),
            (  # a name no table knows is set aside, so it must fit
                _report(
                    _line(
                        settlement_id="77",
                        marketplace_name="x" * 10_001,
                        amount_description="Commission",
                        amount="-1.00",
                        posted_date="2020-02-03",
                    )
                ),
                "line 3, column 12",
                "longer than 10,000 characters",
            ),
        ],
    )
    def test_a_bad_report_names_its_line_and_column(
        self, text, where, problem
    ):
        """Every refusal is a PayloadError with the place."""
        with pytest.raises(PayloadError, match=problem) as caught:
            read_settlement_report(text)
        assert caught.value.path == where

    def test_a_report_without_a_marketplace_column_names_the_line(self):
        """No ``marketplace-name`` column: a refusal names the row's line."""
        header = [c for c in COLUMNS if c != "marketplace-name"]
        row = {
            "settlement-id": "7",
            "order-id": "o" * 10_001,
            "amount-description": "Commission",
            "amount": "-1.00",
            "posted-date": "2020-02-03",
        }
        totals = {"settlement-id": "7", "total-amount": "1", "currency": "USD"}
        text = "\n".join(
            "\t".join(cells.get(c, "") for c in header)
            for cells in ({c: c for c in header}, totals, row)
        )
        with pytest.raises(PayloadError, match="10,000 characters") as caught:
            read_settlement_report(text)
        assert caught.value.path.startswith("line 3")

    def test_a_row_without_a_posted_date_names_its_line(self):
        """No ``posted-date`` cell and no ``posted-date-time`` column."""
        header = "\t".join(c for c in COLUMNS if c != "posted-date-time")
        totals = "\t".join(
            {"settlement-id": "7", "total-amount": "1", "currency": "USD"}.get(
                c, ""
            )
            for c in header.split("\t")
        )
        row = "\t".join(
            {
                "settlement-id": "7",
                "amount-description": "Commission",
                "amount": "-1.00",
            }.get(c, "")
            for c in header.split("\t")
        )
        with pytest.raises(
            PayloadError, match="`posted-date` is empty"
        ) as caught:
            read_settlement_report("\n".join([header, totals, row]))
        assert caught.value.path == "line 3"
        dated = row.replace("\t\t\t\t\t\t", "\t", 0)
        assert dated == row

    def test_the_collector_is_left_as_it_was(self):
        """Reading turns collection off for a while, then restores it."""
        gc.disable()
        try:
            read_settlement_report(settlement_file("US", 1))
            assert not gc.isenabled()
        finally:
            gc.enable()
        read_settlement_report(settlement_file("US", 1))
        assert gc.isenabled()

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("-39,99", Decimal("-39.99")),
            ("1.234,56", Decimal("1234.56")),
            ("1,234.56", Decimal("1234.56")),
            (" 7 ", Decimal("7")),
        ],
    )
    def test_amounts_use_a_decimal_point_or_comma(self, text, expected):
        """The last mark is the decimal one."""
        assert expected == settlement_amount(text, "here")

    @pytest.mark.parametrize(
        "text",
        [
            "2021-03-08",
            "2021-03-08 20:22:41 UTC",
            "2021-03-08T20:22:41+00:00",
            "08.03.2021 20:22:41 UTC",
            "08.03.2021",
        ],
    )
    def test_every_date_form_amazon_writes_is_read(self, text):
        """The date as written, whatever the time and zone."""
        assert date(2021, 3, 8) == settlement_date(text, "here")


class TestChargeKinds:
    """Amazon's fee names, whatever their case and separators."""

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("Subscription Fee", ChargeKind.SUBSCRIPTION),
            ("SUBSCRIPTION_FEE", ChargeKind.SUBSCRIPTION),
            ("Commission", ChargeKind.REFERRAL_FEE),
            ("RefundCommission", ChargeKind.REFERRAL_FEE),
            ("VariableClosingFee", ChargeKind.PER_ITEM_FEE),
            ("FBAPerUnitFulfillmentFee", ChargeKind.FULFILLMENT_FEE),
            ("FBAWeightBasedFee", ChargeKind.FULFILLMENT_FEE),
            ("FBAInventoryStorageFee", ChargeKind.OTHER),
            ("Principal", ChargeKind.OTHER),
        ],
    )
    def test_each_name_has_its_kind(self, name, kind):
        """Known names map; others are OTHER."""
        assert kind is charge_kind(name)


def _amount(value, currency="USD"):
    return {"CurrencyCode": currency, "CurrencyAmount": Decimal(value)}


def _events(**lists):
    return {"payload": {"FinancialEvents": lists}}


SHIPMENT = {
    "AmazonOrderId": "702-0000001-0000001",
    "MarketplaceName": "Amazon.ca",
    "PostedDate": "2020-05-15T10:00:00Z",
    "OrderFeeList": [
        {"FeeType": "FixedClosingFee", "FeeAmount": _amount("-0.50", "CAD")}
    ],
    "ShipmentItemList": [
        {
            "SellerSKU": "MUG-1",
            "ItemChargeList": [
                {
                    "ChargeType": "Principal",
                    "ChargeAmount": _amount("27.00", "CAD"),
                }
            ],
            "ItemFeeList": [
                {
                    "FeeType": "Commission",
                    "FeeAmount": _amount("-4.05", "CAD"),
                },
                {
                    "FeeType": "FBAPerUnitFulfillmentFee",
                    "FeeAmount": _amount("-3.00", "CAD"),
                },
            ],
        }
    ],
}


class TestFinancialEvents:
    """Finances v0: item fees, refunds, service fees, adjustments, pages."""

    def test_item_fees_of_a_shipment_are_charges(self):
        """Each fee with the order, SKU, marketplace and JSON path."""
        read = read_financial_events(_events(ShipmentEventList=[SHIPMENT]))
        closing, commission, fba = read.charges
        assert closing.kind is ChargeKind.PER_ITEM_FEE
        assert closing.sku is None
        assert commission.amount == Money("-4.05", "CAD")
        assert (commission.marketplace, commission.sku) == (CA, "MUG-1")
        assert commission.booked_on == date(2020, 5, 15)
        assert commission.source == (
            "payload.FinancialEvents.ShipmentEventList[0]"
            ".ShipmentItemList[0].ItemFeeList[0]"
        )
        assert fba.kind is ChargeKind.FULFILLMENT_FEE

    def test_a_refund_gives_its_fee_adjustments(self):
        """RefundEventList has the shipment shape; fees are adjustments."""
        refund = {
            "AmazonOrderId": "702-0000001-0000001",
            "MarketplaceName": "Amazon.ca",
            "PostedDate": "2020-05-20T10:00:00Z",
            "ShipmentItemAdjustmentList": [
                {
                    "SellerSKU": "MUG-1",
                    "ItemFeeAdjustmentList": [
                        {
                            "FeeType": "Commission",
                            "FeeAmount": _amount("3.24", "CAD"),
                        }
                    ],
                }
            ],
        }
        (charge,) = read_financial_events(
            _events(RefundEventList=[refund])
        ).charges
        assert charge.amount == Money("3.24", "CAD")
        assert "RefundEventList[0]" in charge.source

    def test_service_fees_take_the_callers_date_or_are_set_aside(self):
        """Amazon's model gives a service fee event no date."""
        event = {
            "FeeReason": "Subscription",
            "FeeList": [
                {"FeeType": "Subscription", "FeeAmount": _amount("-39.99")}
            ],
        }
        undated = read_financial_events(_events(ServiceFeeEventList=[event]))
        assert undated.charges == ()
        (note,) = undated.set_aside
        assert note.reason is SetAsideReason.UNDATED_CHARGE
        assert note.subject == "Subscription"
        dated = read_financial_events(
            _events(ServiceFeeEventList=[event]),
            posted_on=date(2020, 3, 31),
            name="f.json",
        )
        (charge,) = dated.charges
        assert charge.kind is ChargeKind.SUBSCRIPTION
        assert charge.booked_on == date(2020, 3, 31)
        assert charge.source.startswith("f.json: payload.")

    def test_adjustments_are_other_charges(self):
        """An adjustment without an amount is skipped."""
        events = _events(
            AdjustmentEventList=[
                {
                    "AdjustmentType": "ReserveDebit",
                    "PostedDate": "2020-05-01T00:00:00Z",
                    "AdjustmentAmount": _amount("-10.00"),
                },
                {"AdjustmentType": "Empty"},
            ]
        )
        (charge,) = read_financial_events(events).charges
        assert charge.kind is ChargeKind.OTHER
        assert charge.marketplace is None

    def test_pages_are_read_in_order_with_their_index(self):
        """A list of responses is one answer, page by page.

        The second page holds another order: a page repeating the first
        one's booking counts it once (tests/spapi/test_finance_pages.py).
        """
        other = dict(SHIPMENT, AmazonOrderId="702-0000001-0000002")
        pages = [
            _events(ShipmentEventList=[SHIPMENT]),
            {"FinancialEvents": {"ShipmentEventList": [other]}},
        ]
        read = read_financial_events(pages)
        assert len(read.charges) == 6
        assert read.charges[3].source.startswith("[1].FinancialEvents")
        assert read.charges[3].order_id == "702-0000001-0000002"

    def test_a_marketplace_of_no_table_is_set_aside(self):
        """Amazon's own examples say ``MarketplaceName: "1"``."""
        event = dict(SHIPMENT, MarketplaceName="1")
        read = read_financial_events(_events(ShipmentEventList=[event]))
        assert read.charges == ()
        assert {n.reason for n in read.set_aside} == {
            SetAsideReason.UNKNOWN_MARKETPLACE
        }

    @pytest.mark.parametrize(
        ("payload", "where"),
        [
            ([1], "[0]"),
            (_events(ShipmentEventList={}), "ShipmentEventList"),
            (
                _events(ShipmentEventList=[dict(SHIPMENT, PostedDate="x")]),
                "PostedDate",
            ),
            (
                _events(
                    ShipmentEventList=[
                        dict(
                            SHIPMENT,
                            OrderFeeList=[
                                {
                                    "FeeType": "X",
                                    "FeeAmount": {
                                        "CurrencyCode": "USD",
                                        "CurrencyAmount": 1 / 3,  # not exact
                                    },
                                }
                            ],
                        )
                    ]
                ),
                "CurrencyAmount",
            ),
        ],
    )
    def test_a_bad_payload_names_its_path(self, payload, where):
        """A PayloadError, with the JSON path."""
        with pytest.raises(PayloadError) as caught:
            read_financial_events(payload)
        assert where in caught.value.path


def _money(value, currency="USD"):
    return {"currencyCode": currency, "currencyAmount": Decimal(value)}


TRANSACTION = {
    "relatedIdentifiers": [
        {
            "relatedIdentifierName": "ORDER_ID",
            "relatedIdentifierValue": "702-1",
        },
        {
            "relatedIdentifierName": "FINANCIAL_EVENT_GROUP_ID",
            "relatedIdentifierValue": "G1",
        },
    ],
    "transactionType": "Shipment",
    "postedDate": "2024-07-01T00:00:00Z",
    "totalAmount": _money("10.00", "MXN"),
    "marketplaceDetails": {
        "marketplaceId": "A1AM78C64UM0Y8",
        "marketplaceName": "Amazon.com.mx",
    },
    "breakdowns": [
        {
            "breakdownType": "Sales",
            "breakdownAmount": _money("100.00", "MXN"),
            "breakdowns": [
                {
                    "breakdownType": "Principal",
                    "breakdownAmount": _money("100.00", "MXN"),
                }
            ],
        },
        {
            "breakdownType": "Expenses",
            "breakdownAmount": _money("-15.00", "MXN"),
            "breakdowns": [
                {
                    "breakdownType": "AmazonFees",
                    "breakdownAmount": _money("-15.00", "MXN"),
                    "breakdowns": [
                        {
                            "breakdownType": "Commission",
                            "breakdownAmount": _money("-15.00", "MXN"),
                            "breakdowns": [],
                        }
                    ],
                }
            ],
        },
    ],
    "items": [
        {
            "contexts": [{"contextType": "X"}, {"sku": "MUG-1"}],
            "breakdowns": [
                {
                    "breakdownType": "FBAPerUnitFulfillmentFee",
                    "breakdownAmount": _money("-50.00", "MXN"),
                }
            ],
        }
    ],
}


class TestTransactions:
    """Finances 2024-06-19: each fee leaf of the breakdowns."""

    def test_the_fee_leaves_of_a_transaction_are_charges(self):
        """Item leaves carry the item's SKU; proceeds are skipped."""
        fba, commission = read_transactions(
            {"payload": {"transactions": [TRANSACTION]}}
        ).charges
        assert (fba.sku, fba.kind) == ("MUG-1", ChargeKind.FULFILLMENT_FEE)
        assert commission.amount == Money("-15.00", "MXN")
        assert (commission.marketplace, commission.order_id) == (MX, "702-1")
        assert commission.settlement_id == "G1"
        assert commission.source.endswith(
            "breakdowns[1].breakdowns[0].breakdowns[0]"
        )

    def test_a_transaction_without_breakdowns_is_a_fee_when_named_one(self):
        """A subscription transaction is one charge; a sale is none."""
        subscription = {
            "transactionType": "ServiceFee",
            "description": "Subscription Fee",
            "postedDate": "2024-07-02T00:00:00Z",
            "totalAmount": _money("-39.99"),
            "marketplaceDetails": {"marketplaceName": "Amazon.com"},
        }
        sale = {
            "transactionType": "Shipment",
            "postedDate": "2024-07-02T00:00:00Z",
            "totalAmount": _money("10"),
        }
        read = read_transactions(
            [{"transactions": [subscription, sale]}], name="t.json"
        )
        (charge,) = read.charges
        assert (charge.kind, charge.marketplace) == (
            ChargeKind.SUBSCRIPTION,
            US,
        )
        assert charge.source == "t.json: [0].transactions[0]"

    @pytest.mark.parametrize(
        ("marketplace_id", "reason"),
        [
            ("A1F83G8C2ARO7P", SetAsideReason.OUTSIDE_REGION),
            ("A2ZV50J4W1RKNI", SetAsideReason.NON_AMAZON_MARKETPLACE),
        ],
    )
    def test_a_marketplace_outside_the_account_is_set_aside(
        self, marketplace_id, reason
    ):
        """Each fee of it, with the order as subject."""
        details = {"marketplaceId": marketplace_id}
        event = dict(TRANSACTION, marketplaceDetails=details)
        read = read_transactions({"transactions": [event]})
        assert read.charges == ()
        assert {(n.reason, n.subject) for n in read.set_aside} == {
            (reason, "702-1")
        }

    def test_a_bad_transaction_names_its_path(self):
        """A breakdown without a type."""
        event = dict(
            TRANSACTION, breakdowns=[{"breakdownAmount": _money("1")}]
        )
        with pytest.raises(PayloadError) as caught:
            read_transactions({"transactions": [event]})
        assert (
            caught.value.path == "transactions[0].breakdowns[0].breakdownType"
        )


class TestMerged:
    """One booking seen in two sources counts once."""

    def test_the_same_charge_from_two_sources_counts_once(self):
        """Equal within a source counts twice; across sources once."""
        read = read_settlement_report(settlement_file("CA", 5, planted=False))
        twice = BookedRecords(charges=read.charges * 2)
        once = merged([read, twice, read])
        assert len(once.charges) == len(read.charges) * 2
        assert len(merged([read, read]).deposits) == 1

    def test_a_conflict_keeps_both_readings(self):
        """One identity, two amounts: the audit reports it."""
        read = read_settlement_report(settlement_file("CA", 5, planted=False))
        first = read.charges[0]
        other = BookedRecords(
            charges=[
                first.__class__(
                    **{
                        **{
                            f: getattr(first, f)
                            for f in first.__slots__
                            if not f.startswith("__")
                        },
                        "amount": Money("-9.99", "CAD"),
                    }
                )
            ]
        )
        both = merged([read, other])
        assert len(both.charges) == len(read.charges) + 1


def _json(value):
    """JSON text with each Decimal written as the number it is."""
    text = json.dumps(value, default=lambda d: f"@@{d}@@")
    return text.replace('"@@', "").replace('@@"', "").encode()


class TestImportFiles:
    """Recognised by shape or named; several files together."""

    def run(self, files, words=None):
        return import_files(
            words or list(files),
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=SellingPlan.PROFESSIONAL,
            read=lambda path: files[path],
        )

    def test_a_year_of_settlements_and_the_api_together(self):
        """Settlement files in Windows-1252 too; a booking counted once."""
        files = {
            name: text.encode("cp1252")
            for name, text in year_of_settlements().items()
        }
        may = "settlement-CA-2020-05.txt"
        events = _events(
            ShipmentEventList=[
                dict(SHIPMENT, AmazonOrderId="101-0000005-0000000")
            ]
        )
        files["events.json"] = _json(events)
        files["t.json"] = json.dumps(
            {"payload": {"transactions": []}}
        ).encode()
        snapshot = self.run(files).snapshot
        assert len(snapshot.deposits) == 36
        from_api = [
            c for c in snapshot.charges if c.source.startswith("events.json")
        ]
        # The Commission and FBA fee are in the settlement already; the
        # closing fee is not.
        assert [c.description for c in from_api] == ["FixedClosingFee"]
        assert any(c.source.startswith(may) for c in snapshot.charges)
        assert recognise(events) == "finances"
        assert recognise([{"transactions": []}]) == "transactions"

    def test_files_named_by_kind_and_a_dated_service_fee(self):
        """``finances:DATE=FILE`` dates the service fee events."""
        event = {
            "FeeReason": "Subscription",
            "FeeList": [
                {"FeeType": "Subscription", "FeeAmount": _amount("-39.99")}
            ],
        }
        files = {
            "s.txt": settlement_file("US", 1).encode(),
            "e.json": _json(_events(ServiceFeeEventList=[event])),
            "t.json": json.dumps({"transactions": []}).encode(),
        }
        snapshot = self.run(
            files,
            [
                "settlement=s.txt",
                "finances:2020-01-31=e.json",
                "transactions=t.json",
            ],
        ).snapshot
        assert snapshot.charges[-1].booked_on == date(2020, 1, 31)
        assert snapshot.charges[-1].source.startswith("e.json: ")
        with pytest.raises(PayloadError, match="not a date"):
            self.run(files, ["finances:2020-02-30=e.json"])


class TestWithoutMarketplace:
    """A source that names no marketplace gives charges without one."""

    def test_a_shipment_event_without_a_marketplace_name(self):
        """``MarketplaceName`` is optional in Amazon's model."""
        event = {k: v for k, v in SHIPMENT.items() if k != "MarketplaceName"}
        read = read_financial_events(_events(ShipmentEventList=[event]))
        assert {c.marketplace for c in read.charges} == {None}

    def test_a_transaction_without_details_or_item_sku(self):
        """No ``marketplaceDetails``; an item whose contexts hold no SKU."""
        event = {
            k: v for k, v in TRANSACTION.items() if k != "marketplaceDetails"
        }
        event["items"] = [dict(TRANSACTION["items"][0], contexts=[{}])]
        read = read_transactions({"transactions": [event]})
        assert {(c.marketplace, c.sku) for c in read.charges} == {(None, None)}

    @pytest.mark.parametrize(
        "data", [[], [1], {"payload": []}, {"payload": {"x": 1}}]
    )
    def test_other_shapes_are_not_money(self, data):
        """Recognition falls through to the other kinds."""
        with pytest.raises(PayloadError, match="not a shape"):
            recognise(data)
