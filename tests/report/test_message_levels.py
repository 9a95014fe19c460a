"""Each message id's levels: the table the message-id page shows, obeyed.

``unified_account.report.levels.MESSAGE_LEVELS`` says at which levels a
message id's findings can appear.  Every report built here (the example
in every edition, and generated snapshots with every section: sales,
orders, brands, storefront, fee estimates, set-aside notes, billing
dates) must hold to it, and every documented id has its entry.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unified_account import (
    EDITIONS,
    FindingOutcome,
    UnifiedAccountError,
    build_report,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.message_ids import MESSAGES
from unified_account.report.levels import MESSAGE_LEVELS, levels_of


def _obeys(report):
    for finding in report.findings:
        allowed = MESSAGE_LEVELS[finding.message_id]
        assert finding.outcome in allowed, (
            f"`{finding.message_id}` is {finding.outcome.value} in the"
            f" report; the table allows {sorted(o.value for o in allowed)}"
        )


def test_every_documented_id_has_its_levels():
    assert MESSAGE_LEVELS.keys() == MESSAGES.keys()


def test_the_example_holds_to_the_table_in_every_edition():
    for edition in EDITIONS.values():
        _obeys(build_report(example_snapshot(), edition=edition))


def test_named_levels():
    """A few ids whose level the documentation names."""
    denied, info = FindingOutcome.DENIED, FindingOutcome.INFO
    assert levels_of("no-merge.denied") == {info}
    assert levels_of("storefront-origin.home-only") == {denied}
    assert levels_of("professional-only.plan-excluded") == {denied, info}
    assert levels_of("fba-pool-separation.not-here") == {
        FindingOutcome.WARNING
    }
    assert levels_of("per-marketplace-listing.created") == frozenset()


SECTIONS = {
    "as_of": st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    "sales": st.lists(ua.sales(), max_size=3),
    "orders": st.lists(ua.orders(), max_size=4),
    "brands": st.lists(ua.brand_registrations(), max_size=2),
    "brand_attributes": st.lists(ua.asin_attributes(), max_size=3),
    "storefront_link": ua.storefront_links(),
    "storefront_requests": st.lists(ua.storefront_requests(), max_size=2),
    "fee_estimates": st.lists(ua.fee_estimates(), max_size=2),
    "set_aside": st.lists(ua.set_asides(), max_size=4),
    "payout_bank_countries": st.lists(
        st.sampled_from(["US", "CA", "MX", "GB"]), max_size=3
    ).map(tuple),
}


@st.composite
def rich_snapshots(draw):
    """Snapshots with any of their sections filled in."""
    snapshot = draw(st.one_of(ua.snapshots(), st.just(example_snapshot())))
    changes = {
        name: draw(strategy)
        for name, strategy in SECTIONS.items()
        if draw(st.booleans())
    }
    try:
        return attrs.evolve(snapshot, **changes)
    except UnifiedAccountError:
        assume(False)  # e.g. a sale where no per-item fee is scheduled
        raise  # pragma: no cover - assume(False) never returns


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(rich_snapshots(), ua.editions())
def test_every_report_holds_to_the_table(snapshot, edition):
    _obeys(build_report(snapshot, edition=edition))
