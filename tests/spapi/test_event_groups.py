"""``listFinancialEventGroups``: deposits, once each (issue 20, item 2).

Each closed group is a deposit; an open one is set aside.  A deposit a
settlement report and an event group both give counts once; two totals
for one settlement are kept for the audit, and ``import-spapi |
report -`` shows the conflict.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from decimal import Decimal

import attrs
import pytest

from finance_responses import (
    EVENTS,
    GROUPS,
    SETTLEMENT,
    TRANSACTIONS,
    US,
    exact,
    split,
    text,
)
from unified_account import Money, SellingPlan
from unified_account.cli import main
from unified_account.errors import PayloadError
from unified_account.model.imports import SetAsideReason
from unified_account.spapi import (
    read_financial_event_groups,
    read_settlement_report,
)
from unified_account.spapi._booked import merged
from unified_account.spapi.files import import_files, recognise


class TestEventGroups:
    """``listFinancialEventGroups``: closed groups are deposits."""

    def test_the_fixture(self):
        read = read_financial_event_groups(exact(GROUPS), name="g.json")
        us, ca = read.deposits
        assert us.settlement_id == "100500000"
        assert us.deposited_on == date(2020, 5, 28)
        assert us.marketplace is None
        assert us.source == "g.json: payload.FinancialEventGroupList[0]"
        assert ca.amount == Money("120.50", "CAD")
        (note,) = read.set_aside
        assert (note.subject, note.reason, note.detail) == (
            "Zq4TfW8c3pH2-mx-06",
            SetAsideReason.OPEN_SETTLEMENT,
            "Open",
        )
        assert note.path == "g.json: payload.FinancialEventGroupList[2]"
        assert read.charges == ()

    def test_converted_total_stands_in_and_a_date_may_lack(self):
        group = {"FinancialEventGroupId": "7", "ConvertedTotal": _usd("5")}
        (paid,) = read_financial_event_groups(
            {"FinancialEventGroupList": [group]}
        ).deposits
        assert (paid.amount, paid.deposited_on) == (Money("5", "USD"), None)
        assert paid.source == "FinancialEventGroupList[0]"

    def test_an_empty_response_has_no_deposit(self):
        assert read_financial_event_groups({"payload": {}}) == (
            read_financial_event_groups({"FinancialEventGroupList": []})
        )

    @pytest.mark.parametrize(
        ("group", "path", "problem"),
        [
            ({}, ".FinancialEventGroupId", "missing required field"),
            (
                {"FinancialEventGroupId": "7"},
                ".ConvertedTotal",
                "missing required field",
            ),
            (
                {
                    "FinancialEventGroupId": "7",
                    "OriginalTotal": None,
                },
                ".ConvertedTotal",
                "missing required field",
            ),
            (
                {
                    "FinancialEventGroupId": "7",
                    "OriginalTotal": {"CurrencyCode": "USD"},
                },
                ".OriginalTotal.CurrencyAmount",
                "missing required field",
            ),
            (
                {
                    "FinancialEventGroupId": "7",
                    "OriginalTotal": {
                        "CurrencyCode": "usd",
                        "CurrencyAmount": 1,
                    },
                },
                ".OriginalTotal",
                "",
            ),
            (
                {
                    "FinancialEventGroupId": "7",
                    "OriginalTotal": {
                        "CurrencyCode": "USD",
                        "CurrencyAmount": 1,
                    },
                    "FundTransferDate": "28.05.2020",
                },
                ".FundTransferDate",
                "",
            ),
            ({"FinancialEventGroupId": 7}, ".FinancialEventGroupId", ""),
        ],
    )
    def test_a_bad_group_names_its_path(self, group, path, problem):
        with pytest.raises(PayloadError) as caught:
            read_financial_event_groups(
                [{"payload": {"FinancialEventGroupList": [group]}}]
            )
        where = "[0].payload.FinancialEventGroupList[0]" + path
        assert caught.value.path.startswith(where)
        assert problem in caught.value.problem

    @pytest.mark.parametrize("bad", ["groups", 3, None, [3]])
    def test_not_a_response_is_refused(self, bad):
        with pytest.raises(PayloadError):
            read_financial_event_groups(bad)


def _usd(amount):
    return {"CurrencyCode": "USD", "CurrencyAmount": Decimal(amount)}


class TestOneDepositTwoSources:
    """A settlement report's deposit and the event group of it."""

    def settlement(self):
        return read_settlement_report(text(SETTLEMENT), "us.txt")

    def test_the_same_id_and_total_count_once(self):
        """The report's reading comes first and is kept."""
        report = self.settlement()
        groups = read_financial_event_groups(exact(GROUPS), name="g.json")
        both = merged([report, groups])
        assert [d.source for d in both.deposits] == [
            report.deposits[0].source,
            groups.deposits[1].source,
        ]

    def test_another_id_on_the_same_day_with_the_same_total_counts_once(
        self,
    ):
        """Amazon's group id need not be the report's settlement id."""
        report = self.settlement()
        group = {
            "FinancialEventGroupId": "Hq3-us-05",
            "ProcessingStatus": "Closed",
            "OriginalTotal": _usd("-2.04"),
            "FundTransferDate": "2020-05-28T08:00:00Z",
        }
        groups = read_financial_event_groups(
            {"FinancialEventGroupList": [group]}
        )
        assert merged([report, groups]).deposits == report.deposits
        later = attrs.evolve(
            groups.deposits[0], deposited_on=date(2020, 5, 29)
        )
        moved = attrs.evolve(groups, deposits=[later])
        assert len(merged([report, moved]).deposits) == 2

    def test_another_total_is_kept_for_the_audit(self):
        report = self.settlement()
        group = {
            "FinancialEventGroupId": report.deposits[0].settlement_id,
            "OriginalTotal": _usd("-2.40"),
        }
        groups = read_financial_event_groups(
            {"FinancialEventGroupList": [group]}
        )
        assert [d.amount for d in merged([report, groups]).deposits] == [
            Money("-2.04", "USD"),
            Money("-2.40", "USD"),
        ]


class TestImportSpapi:
    """``import-spapi`` recognises event groups by shape, or by name."""

    def files(self, **extra):
        store = {
            "us.txt": text(SETTLEMENT).encode(),
            "g.json": text(GROUPS).encode(),
            "e.json": text(EVENTS).encode(),
            "t.json": text(TRANSACTIONS).encode(),
            **extra,
        }
        return store.__getitem__

    def snapshot(self, words, read=None):
        return import_files(
            words,
            home=US,
            seller_id="A1",
            plan=SellingPlan.PROFESSIONAL,
            read=read or self.files(),
        ).snapshot

    def test_recognised_by_shape(self):
        assert recognise(exact(GROUPS)) == "event-groups"
        assert recognise([exact(GROUPS)["payload"]]) == "event-groups"

    @pytest.mark.parametrize(
        "word", ["g.json", "event-groups=g.json", "finances=g.json"]
    )
    def test_named_or_not_and_with_the_others(self, word):
        snapshot = self.snapshot(["us.txt", word, "e.json", "t.json"])
        assert [d.settlement_id for d in snapshot.deposits] == [
            "100500000",
            "Kx8QeN2m1vU7-ca-05",
        ]
        assert snapshot.deposits[0].source == "us.txt: line 2"
        (note,) = [
            n
            for n in snapshot.set_aside
            if n.reason is SetAsideReason.OPEN_SETTLEMENT
        ]
        assert note.path == "g.json: payload.FinancialEventGroupList[2]"

    def test_a_file_of_pages(self):
        pages = json.dumps(
            [
                json.loads(p)
                for p in split(GROUPS, "FinancialEventGroupList", "")
            ]
        ).encode()
        snapshot = self.snapshot(
            ["p.json"], read=self.files(**{"p.json": pages})
        )
        assert snapshot.deposits[1].source == (
            "p.json: [1].payload.FinancialEventGroupList[0]"
        )

    def test_a_bad_group_names_the_file(self):
        bad = b'{"payload": {"FinancialEventGroupList": [{}]}}'
        with pytest.raises(PayloadError) as caught:
            self.snapshot(["b.json"], read=self.files(**{"b.json": bad}))
        assert "b.json" in str(caught.value)


def test_the_command_reports_a_deposit_conflict(capsys, monkeypatch, tmp_path):
    """``import-spapi us.txt groups.json | report -``: one warning.

    The event group gives the settlement report's settlement another
    total; the open group is set aside, a warning of ``local-payout``.
    """
    groups = exact(GROUPS)
    groups["payload"]["FinancialEventGroupList"][0]["OriginalTotal"][
        "CurrencyAmount"
    ] = Decimal("-2.40")
    written = tmp_path / "groups.json"
    written.write_text(
        json.dumps(groups, default=lambda number: float(number)),
        encoding="utf-8",
    )
    report_file = tmp_path / "us.txt"
    report_file.write_text(text(SETTLEMENT), encoding="utf-8")
    assert (
        main(
            [
                "import-spapi",
                "--home",
                "US",
                "--seller-id",
                "A1",
                "--plan",
                "professional",
                str(report_file),
                str(written),
            ]
        )
        == 0
    )
    snapshot, _ = capsys.readouterr()
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(snapshot.encode()))
    )
    assert main(["report", "-", "--format", "json", "--all"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = {
        f["message_id"]: f
        for f in findings
        if f["rule"] == "local-payout" and f["outcome"] == "warning"
    }
    assert set(found) == {
        "local-payout.deposit-conflict",
        "local-payout.set-aside.open-settlement",
    }
    conflict = found["local-payout.deposit-conflict"]
    settlement = groups["payload"]["FinancialEventGroupList"][0][
        "FinancialEventGroupId"
    ]
    assert conflict["subject"]["kind"] == "account"  # not a marketplace:
    assert conflict["subject"]["reference"] == settlement  # the records'
    assert (
        "groups.json: payload.FinancialEventGroupList[0]"
        in (conflict["message"])
    )
