"""Arbitrary input to constructors and loaders: a value, or our error.

Whatever is passed, the only exceptions that escape are the documented
``UnifiedAccountError`` family (in the style of whenever's fuzzing).
"""

import contextlib
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    REMOTE_FULFILLMENT,
    AttributeValue,
    Catalog,
    Decision,
    Edition,
    Marketplace,
    Outcome,
    Reason,
    RecordedCharge,
    Resolved,
    SellingPlan,
    SkuRecord,
    SnapshotError,
    SubscriptionBilling,
    UnifiedAccountError,
    audit_subscription_charges,
    edition_named,
    evaluate_remote_enrollment,
    example_snapshot,
    parse_snapshot,
    rule,
    split_subscription,
)
from unified_account.snapshot import example_text

_LAMP = Catalog([SkuRecord(sku="LAMP")])

ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.binary(max_size=4),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(Marketplace),
    st.sampled_from(SellingPlan),
    st.sampled_from(Outcome),
    st.frozensets(st.sampled_from(Marketplace), max_size=3),
)


@given(ANYTHING, ANYTHING, ANYTHING)
def test_reason(rule_key, message_id, params):
    """Reasons refuse bad keys, ids and parameters with our error."""
    with contextlib.suppress(UnifiedAccountError):
        Reason(rule_key, message_id, params)


@given(ANYTHING, ANYTHING, ANYTHING)
def test_decision_and_resolved(outcome, reasons, errors):
    """Decisions refuse anything that is not an outcome or reasons."""
    with contextlib.suppress(UnifiedAccountError):
        Decision(outcome, reasons, errors)
    with contextlib.suppress(UnifiedAccountError):
        Resolved(outcome, reasons)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "name": ANYTHING,
            "scope": ANYTHING,
            "qualifying_plans": st.one_of(
                ANYTHING, st.frozensets(st.sampled_from(SellingPlan))
            ),
            "subscription_billing": st.one_of(
                ANYTHING, st.sampled_from(SubscriptionBilling)
            ),
            "split_subscription_since": ANYTHING,
            "remote_fulfillment": ANYTHING,
            "brand_registry_sources": ANYTHING,
            "payout_bank_countries": ANYTHING,
        },
    )
)
def test_edition(changes):
    """Editions validate every field."""
    fields = {
        "name": FAQ.name,
        "scope": FAQ.scope,
        "qualifying_plans": FAQ.qualifying_plans,
    }
    with contextlib.suppress(UnifiedAccountError):
        Edition(**(fields | changes))


@given(ANYTHING)
def test_lookups_by_name(value):
    """Unknown editions and rule keys are our errors, whatever the type."""
    with contextlib.suppress(UnifiedAccountError):
        edition_named(value)
    with contextlib.suppress(UnifiedAccountError):
        rule(value)


@given(st.one_of(st.text(max_size=40), st.binary(max_size=40)))
def test_parse_snapshot_text(text):
    """Random text is refused with a SnapshotError, never a crash."""
    with contextlib.suppress(UnifiedAccountError):
        parse_snapshot(text, "fuzz.json")


@pytest.mark.parametrize("code", ["us", "Us", "uk", "UK", " US", "usa"])
def test_snapshot_country_codes_are_exact(code):
    """A snapshot names marketplaces by exact code: no case, no alias."""
    document = json.loads(example_text())
    document["account"]["home"] = code
    with pytest.raises(SnapshotError, match="unknown marketplace country"):
        parse_snapshot(json.dumps(document))


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_new_values_of_issue_9(first, second, third, fourth):
    """Attribute values, recorded charges and enrolments: our errors only."""
    with contextlib.suppress(UnifiedAccountError):
        AttributeValue(first, second)
    with contextlib.suppress(UnifiedAccountError):
        RecordedCharge(
            marketplace=first,
            charged_on=second,
            amount=third,
            reference=fourth,
        )
    with contextlib.suppress(UnifiedAccountError):
        SkuRecord(sku="MUG", remote_fulfillment=first)
    with contextlib.suppress(UnifiedAccountError):
        evaluate_remote_enrollment(
            _LAMP, "LAMP", first, edition=REMOTE_FULFILLMENT
        )


@given(ANYTHING, ANYTHING, ANYTHING)
def test_split_and_audit_inputs(active, division, charges):
    """The split subscription and the audit refuse bad input with ours."""
    account = example_snapshot().account
    with contextlib.suppress(UnifiedAccountError):
        split_subscription(
            account,
            date(2026, 7, 15),
            active,
            division=division,
        )
    with contextlib.suppress(UnifiedAccountError):
        audit_subscription_charges(
            charges if isinstance(charges, list) else [],
            active_on=active if isinstance(active, dict) else {},
        )
