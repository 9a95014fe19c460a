"""The scenario corpus: named FAQ examples with expected outcome and rules.

Each scenario in ``tests/scenarios/*.json`` names a question, its input
and the expected outcome and rule keys; failing Hypothesis examples worth
keeping are promoted here.
"""

import json
from pathlib import Path

import pytest

from unified_account import (
    AccountInfo,
    BankAccount,
    Marketplace,
    SellerAccount,
    SellingPlan,
    edition_named,
    evaluate_eligibility,
    evaluate_listing_marketplace,
    evaluate_merge,
    evaluate_scope,
    evaluate_unified,
)

CORPUS = json.loads(
    (Path(__file__).parent / "scenarios" / "account.json").read_text("utf-8")
)
INFO = AccountInfo(
    legal_entity_name="Example Seller",
    address_country="US",
    bank=BankAccount(country="US", currency="USD", masked_id="****1234"),
    contact_email="seller@example.com",
    display_name="Example",
)


def account(name):
    data = CORPUS["accounts"][name]
    return SellerAccount(
        seller_id=data["seller_id"],
        plan=SellingPlan(data["plan"]),
        home=Marketplace.from_country(data["home"]),
        marketplaces={
            Marketplace.from_country(c) for c in data["marketplaces"]
        },
        registration_info=INFO,
    )


def ask(scenario):
    rules = edition_named(scenario.get("edition", "faq"))
    question = scenario["question"]
    if question == "scope":
        where = Marketplace.from_country(scenario["marketplace"])
        return evaluate_scope(where, edition=rules)
    if question == "list":
        where = Marketplace.from_country(scenario["marketplace"])
        return evaluate_listing_marketplace(
            account(scenario["account"]), where, edition=rules
        )
    if question == "unified":
        return evaluate_unified(account(scenario["account"]), edition=rules)
    if question == "merge":
        return evaluate_merge(
            account(scenario["account"]),
            account(scenario["other"]),
            edition=rules,
        )
    assert question == "eligibility"
    return evaluate_eligibility(account(scenario["account"]), edition=rules)


@pytest.mark.parametrize(
    "scenario",
    CORPUS["scenarios"],
    ids=[s["description"] for s in CORPUS["scenarios"]],
)
def test_scenario(scenario):
    """The decision has the expected outcome and exactly the rule keys."""
    decision = ask(scenario)
    assert decision.outcome.value == scenario["outcome"]
    assert {str(key) for key in decision.rules} == set(scenario["rules"])
