"""na-scope, eu-distinct, professional-only: every reason in full.

The rule tests check who is eligible; these check what each decision
says, and that answers asked one after another are kept apart by
everything they depend on (an edition's scope, its plans).
"""

import attrs

from unified_account import (
    FAQ,
    NORTH_AMERICA_AND_BRAZIL,
    Marketplace,
    Outcome,
    RuleKey,
    SellingPlan,
    evaluate_eligibility,
    evaluate_scope,
    example_snapshot,
    scope_marketplaces,
)
from unified_account.policy.terms import PLAN_TERMS

US, CA, MX, BR = Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR
DE = Marketplace.DE
SELLER = example_snapshot().account
NA = (US, CA, MX)
NA_BR = (US, CA, MX, BR)


def _said(decision):
    return [(r.rule, r.message_id, dict(r.params)) for r in decision.reasons]


def test_a_marketplace_in_scope():
    assert _said(evaluate_scope(MX)) == [
        (
            RuleKey.NA_SCOPE,
            "na-scope.in-scope",
            {"marketplace": MX, "scope": NA},
        )
    ]


def test_a_marketplace_out_of_scope():
    decision = evaluate_scope(DE)
    assert decision.outcome is Outcome.DENIED
    assert _said(decision) == [
        (
            RuleKey.NA_SCOPE,
            "na-scope.out-of-scope",
            {"marketplace": DE, "scope": NA},
        )
    ]


def test_the_scope_answer_follows_each_edition_in_turn():
    assert not evaluate_scope(BR).allowed
    brazil = evaluate_scope(BR, edition=NORTH_AMERICA_AND_BRAZIL)
    assert brazil.allowed
    assert dict(brazil.reasons[0].params)["scope"] == NA_BR
    assert not evaluate_scope(BR, edition=FAQ).allowed


def test_the_scope_in_catalogue_order_for_each_edition_in_turn():
    assert scope_marketplaces() == NA
    assert scope_marketplaces(edition=NORTH_AMERICA_AND_BRAZIL) == NA_BR
    assert scope_marketplaces(edition=FAQ) == NA


def test_an_eligible_account_says_both_rules():
    decision = evaluate_eligibility(SELLER)
    assert decision.allowed
    assert _said(decision) == [
        (
            RuleKey.EU_DISTINCT,
            "eu-distinct.registered-in-scope",
            {"home": US, "scope": NA},
        ),
        (
            RuleKey.PROFESSIONAL_ONLY,
            "professional-only.plan-qualifies",
            {"plan": PLAN_TERMS[SellingPlan.PROFESSIONAL]},
        ),
    ]


def test_an_individual_account_elsewhere_is_refused_by_both_rules():
    account = attrs.evolve(
        SELLER,
        home=DE,
        marketplaces={DE},
        plan=SellingPlan.INDIVIDUAL,
        info_overrides={},
    )
    decision = evaluate_eligibility(account)
    assert decision.outcome is Outcome.DENIED
    assert sorted(_said(decision), key=lambda said: said[0].value) == [
        (
            RuleKey.EU_DISTINCT,
            "eu-distinct.registered-elsewhere",
            {"home": DE, "scope": NA},
        ),
        (
            RuleKey.PROFESSIONAL_ONLY,
            "professional-only.plan-excluded",
            {"plan": PLAN_TERMS[SellingPlan.INDIVIDUAL]},
        ),
    ]


def test_eligibility_follows_each_edition_and_plan_in_turn():
    brazil = attrs.evolve(
        SELLER, home=BR, marketplaces={BR}, info_overrides={}
    )
    assert not evaluate_eligibility(brazil).allowed
    assert evaluate_eligibility(
        brazil, edition=NORTH_AMERICA_AND_BRAZIL
    ).allowed
    individuals = attrs.evolve(
        FAQ,
        name="individuals-too",
        qualifying_plans=frozenset(SellingPlan),
    )
    single = attrs.evolve(SELLER, plan=SellingPlan.INDIVIDUAL)
    assert not evaluate_eligibility(single).allowed
    assert evaluate_eligibility(single, edition=individuals).allowed
    assert not evaluate_eligibility(single).allowed
