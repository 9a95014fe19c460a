"""Every example of Amazon's Finances models that a money adapter reads.

The models sit outside the project (``../shared/spapi-models``); without
them these tests skip, saying so.  The examples are read with
``parse_float=Decimal``, as the adapters ask.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unified_account.model.imports import SetAsideReason
from unified_account.spapi import read_financial_events, read_transactions

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MODELS = SHARED / "spapi-models" / "models" / "finances-api-model"
pytestmark = pytest.mark.skipif(
    not MODELS.is_dir(),
    reason=f"shared data absent: Amazon's Finances models, looked in {MODELS}",
)


def _examples(model, suffix):
    """``(path, response)`` of every 200 example under paths ending so."""
    if not MODELS.is_dir():
        return []
    spec = json.loads(
        (MODELS / model).read_text(encoding="utf-8"), parse_float=Decimal
    )
    found = []
    for path, methods in spec["paths"].items():
        if not path.endswith(suffix):
            continue
        for method in methods.values():
            sandbox = method["responses"]["200"].get("x-amzn-api-sandbox", {})
            for index, case in enumerate(sandbox.get("static", [])):
                found.append(
                    pytest.param(case["response"], id=f"{path}#{index}")
                )
    return found


V0 = _examples("financesV0.json", "/financialEvents")
V2024 = _examples("finances_2024-06-19.json", "/transactions")


def test_the_examples_are_found():
    """Three event paths of v0, the transactions of 2024-06-19."""
    if not MODELS.is_dir():
        pytest.skip(f"shared data absent: {MODELS}")
    assert (len(V0), len(V2024)) == (3, 1)


EXPECTED = {
    # A chargeback in marketplace "1": no marketplace, set aside once.
    "financialEventGroups": [SetAsideReason.UNKNOWN_MARKETPLACE],
    # A service fee event: no date in Amazon's model.
    "orders": [SetAsideReason.UNDATED_CHARGE],
    # Pay with Amazon, rentals, ads, provider credits: not read.
    "financialEvents": [],
}


@pytest.mark.parametrize("response", V0)
def test_every_v0_events_example_is_read(response, request):
    """No example holds a fee of the unified account's marketplaces.

    Amazon's examples name marketplace ``"1"`` (set aside, once per
    event) and give a service fee event, which has no date, set aside
    without the caller's date.
    """
    read = read_financial_events(response)
    assert read.charges == ()
    first = request.node.callspec.id.split("/")[3].split("#")[0]
    assert EXPECTED[first] == [note.reason for note in read.set_aside]


@pytest.mark.parametrize("response", V2024)
def test_every_transactions_example_is_read(response):
    """A shipment without breakdowns: proceeds, no fee."""
    read = read_transactions(response)
    assert read.charges == ()
    assert read.set_aside == ()
