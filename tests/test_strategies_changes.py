"""The strategies of changes over time draw what the library returns."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account import (
    Action,
    LiveReport,
    SetMfnQuantity,
    TurnOnMarketplace,
    build_report,
    example_snapshot,
    what_if,
)
from unified_account.model.catalog import Catalog
from unified_account.strategies._changes import CHANGES_STRATEGIES, _plans

EMPTY = attrs.evolve(example_snapshot(), catalog=Catalog())


# Each example runs a what-if (two reports): a few suffice.
@settings(max_examples=10, deadline=None)
@given(_plans(EMPTY))
def test_a_plan_for_no_catalogue_only_turns_marketplaces_on(plan):
    assert all(type(action) is TurnOnMarketplace for action in plan)
    what_if(EMPTY, plan)  # every step applies, or is refused


@settings(max_examples=10, deadline=None)
@given(_plans(example_snapshot()))
def test_a_plan_sets_quantities_of_the_snapshots_own_skus(plan):
    skus = example_snapshot().catalog.skus
    for action in plan:
        assert isinstance(action, Action)
        if isinstance(action, SetMfnQuantity):
            assert not skus[action.sku].remote_fulfillment
    what_if(example_snapshot(), plan)


def test_both_kinds_of_step_are_drawn():
    kinds = set()

    @settings(max_examples=60, database=None)
    @given(_plans(example_snapshot()))
    def collect(plan):
        kinds.update(type(action) for action in plan)

    collect()
    assert kinds == {TurnOnMarketplace, SetMfnQuantity}


@settings(max_examples=5, deadline=None)
@given(CHANGES_STRATEGIES[LiveReport]())
def test_a_drawn_live_report_is_the_batch_report(live):
    assert live.report() == build_report(live.snapshot, edition=live.edition)
    assert attrs.evolve(live) == live


@settings(max_examples=5, deadline=None)
@given(st.data())
def test_a_drawn_change_keeps_its_key_and_changes(data):
    from unified_account import FindingChange

    change = data.draw(CHANGES_STRATEGIES[FindingChange]())
    assert change.old.key == change.new.key == change.key
    assert change.old != change.new


@pytest.mark.parametrize("sku", ["MUG-CERAMIC-12", "TOTE-CANVAS"])
@pytest.mark.parametrize("quantity", [1, 39, 41, 99])
def test_every_quantity_drawn_for_a_change_changes_a_finding(sku, quantity):
    """The finding-change strategy never draws a change of nothing."""
    live = LiveReport(example_snapshot())
    _, diff = live.apply(SetMfnQuantity(sku=sku, quantity=quantity))
    assert diff.changed
