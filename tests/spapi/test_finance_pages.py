"""The Finances adapters take what a user has in hand (issue 20, item 2).

``listFinancialEvents``, ``listFinancialEventsByGroupId``,
``listFinancialEventGroups`` and ``listTransactions`` are read from the
JSON document, its ``payload``, python-amazon-sp-api's ``ApiResponse``
(fetched through the client's own classes, only the HTTP transport
replaced: no network) and the pages of a ``NextToken`` loop, as the
other adapters read them.  A booking two pages repeat counts once.
Amazon's error document is refused.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sp_api.api import FinancesV0, FinancesV20240619
from sp_api.base import ApiResponse

from finance_responses import (
    EVENTS,
    GROUPS,
    TRANSACTIONS,
    client,
    every_page,
    exact,
    facts,
    split,
    text,
)
from unified_account import Money
from unified_account.errors import PayloadError
from unified_account.spapi import (
    read_financial_event_groups,
    read_financial_events,
    read_transactions,
)


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

    def test_list_financial_events_by_order_id(self):
        api = client(FinancesV0, text(EVENTS))
        response = api.get_financial_events_for_order("702-0000001-0000001")
        assert isinstance(response, ApiResponse)
        read = read_financial_events(response, posted_on=date(2020, 5, 31))
        expected = read_financial_events(
            exact(EVENTS), posted_on=date(2020, 5, 31)
        )
        assert facts(read) == facts(expected)

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
