"""Every example of Amazon's Finances models, through its adapter.

The models sit outside the project (``../shared/spapi-models``); without
them these tests skip, saying so (:mod:`shared_data`).  The examples
are read with ``parse_float=Decimal``, as the adapters ask.  Every
operation of both models is accounted for: the five whose responses
hold bookings or deposits go through their adapter, and what is read is
checked; ``listBalances`` and ``listSummary`` hold neither and are no
kind ``import-spapi`` reads.  Each error example is refused, naming
Amazon's code.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from shared_data import shared
from unified_account import ChargeKind, Money
from unified_account.errors import PayloadError
from unified_account.model.imports import SetAsideReason
from unified_account.spapi import (
    read_financial_event_groups,
    read_financial_events,
    read_transactions,
)
from unified_account.spapi.files import recognise

MODELS, pytestmark = shared("spapi-models/models/finances-api-model")
FILES = ("financesV0.json", "finances_2024-06-19.json")


def _operations():
    """``{operationId: {status: [response, ...]}}`` of both models."""
    found: dict[str, dict[str, list[object]]] = {}
    if not MODELS.is_dir():
        return found
    for name in FILES:
        spec = json.loads(
            (MODELS / name).read_text(encoding="utf-8"), parse_float=Decimal
        )
        for methods in spec["paths"].values():
            for method in methods.values():
                if not isinstance(method, dict) or "responses" not in method:
                    continue
                cases = found.setdefault(method["operationId"], {})
                for status, answer in method["responses"].items():
                    sandbox = answer.get("x-amzn-api-sandbox", {})
                    for case in sandbox.get("static", []):
                        cases.setdefault(status, []).append(case["response"])
    return found


OPERATIONS = _operations()
READERS = {
    "listFinancialEvents": read_financial_events,
    "listFinancialEventsByOrderId": read_financial_events,
    "listFinancialEventsByGroupId": read_financial_events,
    "listFinancialEventGroups": read_financial_event_groups,
    "listTransactions": read_transactions,
}
NOT_READ = {"listBalances", "listSummary"}


def _only(operation, status="200"):
    (response,) = OPERATIONS[operation][status]
    return response


def test_every_operation_is_accounted_for():
    """A new operation in Amazon's models fails here until it is."""
    assert set(OPERATIONS) == set(READERS) | NOT_READ
    for operation in READERS:
        assert len(OPERATIONS[operation]["200"]) == 1


def test_list_financial_events():
    """Pay with Amazon, rentals, ads, provider credits: no fee read."""
    response = _only("listFinancialEvents")
    read = read_financial_events(response)
    assert (read.charges, read.set_aside, read.deposits) == ((), (), ())
    assert recognise(response) == "finances"


def test_list_financial_events_by_order_id():
    """A service fee event: no date in Amazon's model."""
    response = _only("listFinancialEventsByOrderId")
    (note,) = read_financial_events(response).set_aside
    assert (note.subject, note.reason, note.detail) == (
        "444-555-3343433",
        SetAsideReason.UNDATED_CHARGE,
        "Free",
    )
    dated = read_financial_events(response, posted_on=date(2020, 2, 29))
    (fee,) = dated.charges
    assert (fee.kind, fee.description, fee.amount) == (
        ChargeKind.PER_ITEM_FEE,
        "FixedClosingFee",
        Money("25.37", "USD"),
    )
    assert (fee.order_id, fee.sku, fee.marketplace) == (
        "444-555-3343433",
        "456454455464",
        None,
    )
    assert fee.booked_on == date(2020, 2, 29)
    assert fee.source == "payload.FinancialEvents.ServiceFeeEventList[0]" + (
        ".FeeList[0]"
    )


def test_list_financial_events_by_group_id():
    """A chargeback in marketplace ``"1"``: set aside once, its fees too."""
    read = read_financial_events(_only("listFinancialEventsByGroupId"))
    assert read.charges == ()
    (note,) = read.set_aside
    assert (note.subject, note.reason, note.detail) == (
        "444-555-3343433",
        SetAsideReason.UNKNOWN_MARKETPLACE,
        "1",
    )
    assert note.path == (
        "payload.FinancialEvents.ChargebackEventList[0].MarketplaceName"
    )


def test_list_financial_event_groups():
    """One processed group: a deposit of its OriginalTotal."""
    response = _only("listFinancialEventGroups")
    read = read_financial_event_groups(response)
    (paid,) = read.deposits
    assert (paid.settlement_id, paid.amount, paid.deposited_on) == (
        "1",
        Money("10.34", "USD"),
        date(2020, 2, 7),
    )
    assert paid.source == "payload.FinancialEventGroupList[0]"
    assert (read.charges, read.set_aside) == ((), ())
    assert recognise(response) == "event-groups"


def test_list_transactions():
    """A shipment without breakdowns: proceeds, no fee."""
    response = _only("listTransactions")
    read = read_transactions(response)
    assert (read.charges, read.set_aside, read.deposits) == ((), (), ())
    assert recognise(response) == "transactions"


@pytest.mark.parametrize("operation", sorted(NOT_READ))
def test_balances_and_summaries_are_no_kind_read(operation):
    """They hold neither a booking nor a deposit."""
    for response in OPERATIONS[operation]["200"]:
        with pytest.raises(PayloadError, match="name it as KIND=FILE"):
            recognise(response)


@pytest.mark.parametrize("operation", sorted(READERS))
def test_every_error_example_is_refused_with_its_code(operation):
    """Never read as an answer without bookings."""
    (response,) = OPERATIONS[operation]["400"]
    with pytest.raises(PayloadError) as caught:
        READERS[operation](response)
    assert caught.value.path == "errors"
    assert "InvalidInput" in caught.value.problem
    with pytest.raises(PayloadError) as paged:
        READERS[operation]([{"payload": {}}, response])
    assert paged.value.path == "[1].errors"
