"""The Finances adapters take what a user has in hand (issue 20, item 2).

``listFinancialEvents``, ``listFinancialEventsByGroupId``,
``listFinancialEventGroups`` and ``listTransactions`` are read from the
JSON document, its ``payload``, python-amazon-sp-api's ``ApiResponse``
(fetched through the client's own classes, only the HTTP transport
replaced: no network) and the pages of a ``NextToken`` loop, as the
other adapters read them.  A booking two pages repeat counts once; a
deposit a settlement report and an event group both give counts once.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sp_api.api import FinancesV0, FinancesV20240619
from sp_api.base import ApiResponse, Marketplaces
from sp_api.base._transport_httpx import HttpxTransport

from unified_account import Marketplace, Money, SellingPlan
from unified_account.cli import main
from unified_account.errors import PayloadError
from unified_account.model.imports import SetAsideReason
from unified_account.spapi import (
    read_financial_event_groups,
    read_financial_events,
    read_settlement_report,
    read_transactions,
)
from unified_account.spapi._booked import merged
from unified_account.spapi.files import import_files, recognise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spapi"
US = Marketplace.US


def text(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def exact(name):
    return json.loads(text(name), parse_float=Decimal)


def client(kind, *bodies):
    """A client of ``kind`` answering each request with the next body."""
    answers = iter(bodies)

    def answer(request):
        return httpx.Response(
            200,
            content=next(answers).encode(),
            headers={"content-type": "application/json"},
        )

    made = kind(
        Marketplaces.US,
        credentials={
            "lwa_app_id": "app",
            "lwa_client_secret": "secret",
            "refresh_token": "token",
        },
        restricted_data_token="rdt",
    )
    made._transport = HttpxTransport(
        client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    return made


def every_page(call, **query):
    """The pages of a ``NextToken`` loop, as a tool writes it."""
    found, token = [], None
    while True:
        response = call(**query, **({"NextToken": token} if token else {}))
        found.append(response)
        token = response.next_token
        if not token:
            return found


def facts(read):
    """What a read holds, sources and paths left out (they name pages)."""
    return (
        sorted((c.identity, c.amount) for c in read.charges),
        sorted((d.settlement_id, d.amount) for d in read.deposits),
        sorted((n.subject, n.reason) for n in read.set_aside),
    )


def split(name, key, lists="FinancialEvents"):
    """The fixture in two pages, the first with a ``NextToken``."""
    data = json.loads(text(name))
    body = data["payload"][lists] if lists else data["payload"]
    items = body[key]
    first = {lists: {key: items[:1]}} if lists else {key: items[:1]}
    second = {lists: {key: items[1:]}} if lists else {key: items[1:]}
    return (
        json.dumps({"payload": {**first, "NextToken": "page-2"}}),
        json.dumps({"payload": second}),
    )


EVENTS = "finances_v0_na.json"
GROUPS = "finances_groups_na.json"
TRANSACTIONS = "finances_transactions_na.json"


class TestClientObjects:
    """Each operation through python-amazon-sp-api, read as the document."""

    def test_list_financial_events(self):
        api = client(FinancesV0, text(EVENTS))
        response = api.list_financial_events(PostedAfter="2020-05-01")
        assert isinstance(response, ApiResponse)
        expected = read_financial_events(exact(EVENTS))
        assert expected.charges
        assert facts(read_financial_events(response)) == facts(expected)
        assert facts(read_financial_events(response.payload)) == facts(
            expected
        )

    def test_list_financial_events_by_group_id(self):
        api = client(FinancesV0, text(EVENTS))
        response = api.list_financial_events_by_group_id("100500000")
        read = read_financial_events([response])
        assert facts(read) == facts(read_financial_events(exact(EVENTS)))
        assert read.charges[0].source.startswith("[0].FinancialEvents.")

    def test_list_financial_event_groups(self):
        api = client(FinancesV0, text(GROUPS))
        response = api.list_financial_event_groups()
        read = read_financial_event_groups(response)
        assert facts(read) == facts(read_financial_event_groups(exact(GROUPS)))
        assert [d.amount for d in read.deposits] == [
            Money("-2.04", "USD"),
            Money("120.50", "CAD"),
        ]

    def test_list_transactions(self):
        api = client(FinancesV20240619, text(TRANSACTIONS))
        response = api.list_transactions(postedAfter="2020-05-01")
        expected = read_transactions(exact(TRANSACTIONS))
        assert expected.charges
        assert facts(read_transactions(response)) == facts(expected)


class TestNextTokenLoops:
    """The pages of a loop are one answer, each source naming its page."""

    def test_events_pages(self):
        api = client(FinancesV0, *split(EVENTS, "ShipmentEventList"))
        responses = every_page(api.list_financial_events)
        assert len(responses) == 2
        whole = {"payload": {"FinancialEvents": {}}}
        whole["payload"]["FinancialEvents"]["ShipmentEventList"] = exact(
            EVENTS
        )["payload"]["FinancialEvents"]["ShipmentEventList"]
        read = read_financial_events(responses)
        assert facts(read) == facts(read_financial_events(whole))
        assert {c.source[:3] for c in read.charges} == {"[0]", "[1]"}

    def test_group_pages(self):
        api = client(
            FinancesV0, *split(GROUPS, "FinancialEventGroupList", lists="")
        )
        responses = every_page(api.list_financial_event_groups)
        read = read_financial_event_groups(iter(responses))
        assert facts(read) == facts(read_financial_event_groups(exact(GROUPS)))
        assert read.set_aside[0].path.startswith("[1].FinancialEventGroup")

    def test_transaction_pages(self):
        data = exact(TRANSACTIONS)["payload"]
        items = data["transactions"]
        pages = [
            ApiResponse(payload={"transactions": items[:1], "nextToken": "2"}),
            {"payload": {"transactions": items[1:]}},
        ]
        read = read_transactions(page for page in pages)
        assert facts(read) == facts(read_transactions({"payload": data}))


class TestRepeatedPages:
    """Pages fetched twice: a booking counts once, a new amount conflicts."""

    def test_a_repeated_page_counts_once(self):
        page = exact(EVENTS)
        once = read_financial_events(page)
        assert facts(read_financial_events([page, page])) == facts(once)
        groups = exact(GROUPS)
        twice = read_financial_event_groups([groups, groups])
        assert facts(twice) == facts(read_financial_event_groups(groups))
        assert [n.path for n in twice.set_aside] == [
            "[0].payload.FinancialEventGroupList[2]"
        ]

    def test_two_equal_fees_of_one_page_both_count(self):
        """One order, two Commission lines of one SKU on one page."""
        page = exact(EVENTS)
        events = page["payload"]["FinancialEvents"]["ShipmentEventList"]
        events.append(events[0])
        read = read_financial_events(page)
        assert (
            len(read.charges)
            == len(read_financial_events(exact(EVENTS)).charges) + 2
        )

    def test_a_new_amount_on_a_second_page_is_kept(self):
        """Both readings stay: the audit reports the conflict."""
        page = exact(EVENTS)
        again = exact(EVENTS)
        fee = again["payload"]["FinancialEvents"]["ShipmentEventList"][0]
        fee["ShipmentItemList"][0]["ItemFeeList"][0]["FeeAmount"][
            "CurrencyAmount"
        ] = Decimal("-4.50")
        read = read_financial_events([page, again])
        commissions = [
            c.amount
            for c in read.charges
            if c.order_id == "702-0000001-0000001"
            and c.description == "Commission"
            and c.amount.amount < 0
        ]
        assert commissions == [Money("-4.05", "CAD"), Money("-4.50", "CAD")]

    @given(st.data())
    def test_pages_split_and_repeated_read_as_one_response(self, data):
        """However the events are paged, and whichever pages repeat."""
        events = exact(EVENTS)["payload"]["FinancialEvents"][
            "ShipmentEventList"
        ]
        cuts = sorted(
            data.draw(
                st.lists(st.integers(0, len(events)), max_size=3),
                label="cuts",
            )
        )
        bounds = [0, *cuts, len(events)]
        pages = [
            {"FinancialEvents": {"ShipmentEventList": events[a:b]}}
            for a, b in itertools.pairwise(bounds)
        ]
        repeated = data.draw(st.lists(st.sampled_from(pages), max_size=3))
        whole = {"FinancialEvents": {"ShipmentEventList": events}}
        once = read_financial_events(whole)
        read = read_financial_events([*pages, *repeated])
        assert sorted((c.identity, c.amount) for c in read.charges) == sorted(
            (c.identity, c.amount) for c in once.charges
        )


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


SETTLEMENT = "settlement_us_2020_05.txt"


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


class TestErrorResponses:
    """Amazon's error document is refused, never read as no bookings."""

    @pytest.mark.parametrize(
        ("errors", "said"),
        [
            ([{"code": "QuotaExceeded", "message": "Slow down"}], "Quota"),
            ({"code": "Unauthorized"}, "Unauthorized"),
            (["not an object"], "-"),
            ([{"details": "no code"}], "-"),
        ],
    )
    @pytest.mark.parametrize(
        "read",
        [
            read_financial_events,
            read_financial_event_groups,
            read_transactions,
        ],
    )
    def test_refused_with_amazons_code(self, errors, said, read):
        with pytest.raises(PayloadError) as caught:
            read(ApiResponse(errors=errors, payload={"errors": errors}))
        assert caught.value.path == "errors"
        assert said in caught.value.problem

    def test_a_payload_beside_errors_is_read(self):
        """Amazon may warn beside data: the data is read."""
        page = {"payload": {"FinancialEventGroupList": []}, "errors": [{}]}
        assert read_financial_event_groups(page).deposits == ()
        assert read_financial_events({"errors": []}).charges == ()


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
    assert (
        "groups.json: payload.FinancialEventGroupList[0]"
        in (conflict["message"])
    )
