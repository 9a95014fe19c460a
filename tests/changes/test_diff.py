"""The diff of two reports: its laws, its grouping, and its refusals.

Laws over generated reports: a report's diff with itself is empty;
applying a diff to the old findings gives the new ones, as a set and
in the new report's keys.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from unified_account import EDITIONS, build_report, example_snapshot
from unified_account import strategies as ua
from unified_account.changes import (
    FindingChange,
    ReportDiff,
    diff_findings,
    diff_reports,
)
from unified_account.edition import FAQ
from unified_account.errors import InvalidValueError
from unified_account.model.marketplace import Marketplace
from unified_account.report import Report
from unified_account.report.finding import Finding, FindingOutcome
from unified_account.report.subject import Subject, SubjectKind

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
CA, US = Marketplace.CA, Marketplace.US


def pool(quantity, marketplace=CA, sku="MUG-1"):
    return Finding(
        "fba-pool-separation",
        FindingOutcome.WARNING if quantity == 0 else FindingOutcome.INFO,
        Subject(kind=SubjectKind.LISTING, sku=sku, marketplace=marketplace),
        "fba-pool-separation.pool",
        {"marketplace": marketplace, "quantity": quantity, "sku": sku},
    )


def deleted(sku="MUG-1"):
    return Finding(
        "marketplace-specific-deletion",
        FindingOutcome.ALLOWED,
        Subject(kind=SubjectKind.LISTING, sku=sku, marketplace=CA),
        "marketplace-specific-deletion.deleted",
        {"marketplace": CA, "sku": sku},
    )


@SETTINGS
@given(ua.snapshots(), ua.editions())
def test_a_reports_diff_with_itself_is_empty(snapshot, edition):
    report = build_report(snapshot, edition=edition)
    diff = diff_reports(report, report)
    assert not diff
    assert (diff.appeared, diff.resolved, diff.changed) == ((), (), ())


@SETTINGS
@given(ua.snapshots(), ua.snapshots(), ua.editions(), ua.editions())
def test_applying_the_diff_to_the_old_findings_gives_the_new(
    first, second, old_edition, new_edition
):
    """Of any two reports: two sellers, or one seller in two editions."""
    for old, new in (
        (
            build_report(first, edition=old_edition),
            build_report(second, edition=new_edition),
        ),
        (
            build_report(first, edition=old_edition),
            build_report(first, edition=new_edition),
        ),
    ):
        diff = diff_reports(old, new)
        applied = diff.apply(old.findings)
        assert set(applied) == set(new.findings)
        assert len(applied) == len(new.findings)
        assert bool(diff) == (set(old.findings) != set(new.findings))


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_an_edition_change_is_a_diff_that_applies(edition):
    old = build_report(example_snapshot())
    new = build_report(example_snapshot(), edition=EDITIONS[edition])
    diff = diff_reports(old, new)
    assert set(diff.apply(old.findings)) == set(new.findings)
    assert diff.old_edition is FAQ
    assert diff.new_edition is EDITIONS[edition]


def test_a_pool_that_went_to_zero_changed():
    """Same key, other quantity and outcome: changed, old and new kept."""
    old = Report(FAQ, [pool(40), deleted("A")])
    new = Report(FAQ, [pool(0), pool(3, US), deleted("B")])
    diff = diff_reports(old, new)
    assert diff.changed == (FindingChange(pool(40), pool(0)),)
    assert diff.appeared == (pool(3, US), deleted("B"))
    assert diff.resolved == (deleted("A"),)
    assert diff.changed[0].key == pool(40).key


def test_the_diff_is_grouped_by_rule_in_key_order():
    old = Report(FAQ, [pool(40), deleted("A")])
    new = Report(FAQ, [pool(0), deleted("B")])
    groups = diff_reports(old, new).by_rule()
    assert [g.rule.value for g in groups] == [
        "fba-pool-separation",
        "marketplace-specific-deletion",
    ]
    assert groups[0].changed == (FindingChange(pool(40), pool(0)),)
    assert (groups[0].appeared, groups[0].resolved) == ((), ())
    assert groups[1].appeared == (deleted("B"),)
    assert groups[1].resolved == (deleted("A"),)
    assert diff_reports(old, new).rules == {g.rule for g in groups}


def test_a_change_keeps_its_key():
    with pytest.raises(InvalidValueError, match="a change keeps its key"):
        FindingChange(pool(40), pool(40, US))


def test_a_diff_holds_findings_and_changes_only():
    with pytest.raises(InvalidValueError, match="is not a Finding"):
        ReportDiff(FAQ, FAQ, appeared=["x"])
    with pytest.raises(InvalidValueError, match="is not a FindingChange"):
        ReportDiff(FAQ, FAQ, changed=[pool(1)])


def test_only_reports_are_diffed():
    report = Report(FAQ, [])
    with pytest.raises(InvalidValueError, match=r"^old: .* is not a Report"):
        diff_reports([], report)
    with pytest.raises(InvalidValueError, match=r"^new: .* is not a Report"):
        diff_reports(report, None)


def test_a_diff_that_does_not_fit_is_refused():
    diff = diff_findings(
        [pool(40), deleted("A")],
        [pool(0), deleted("B")],
        old_edition=FAQ,
        new_edition=FAQ,
    )
    with pytest.raises(InvalidValueError, match="lack a finding"):
        diff.apply([pool(40)])
    with pytest.raises(InvalidValueError, match="diff starts from"):
        diff.apply([pool(7), deleted("A")])
    with pytest.raises(InvalidValueError, match="is there already"):
        diff.apply([pool(40), deleted("A"), deleted("B")])


def test_findings_in_their_places_are_matched_without_keys():
    """Two lists of one length are compared place by place.

    A finding whose numbers moved, in its place, changed; one replaced in
    its place by another is resolved and appeared.
    """
    old = [pool(40), deleted("A"), pool(1, US)]
    new = [pool(0), deleted("B"), pool(1, US)]
    diff = diff_findings(old, new, old_edition=FAQ, new_edition=FAQ)
    assert diff.changed == (FindingChange(pool(40), pool(0)),)
    assert (diff.appeared, diff.resolved) == ((deleted("B"),), (deleted("A"),))
    assert set(diff.apply(old)) == set(new)


def test_same_key_agrees_with_the_keys():
    from unified_account.report.finding import same_key

    pairs = [
        (pool(40), pool(0)),
        (pool(40), pool(40, US)),
        (pool(1), deleted()),
        (pool(1, sku="A"), pool(1, sku="B")),
    ]
    for first, second in pairs:
        assert same_key(first, second) == (first.key == second.key)


def estimate(price, reference="EST-1"):
    """A fee estimate: every parameter identifies it, the price too."""
    return Finding(
        "per-item-fees-by-sale-marketplace",
        FindingOutcome.INFO,
        Subject(
            kind=SubjectKind.FEE_ESTIMATE, reference=reference, marketplace=CA
        ),
        "per-item-fees-by-sale-marketplace.estimated",
        {"price": price, "reference": reference},
    )


def listed(**params):
    return Finding(
        "per-marketplace-listing",
        FindingOutcome.INFO,
        Subject(kind=SubjectKind.LISTING, sku="MUG-1", marketplace=CA),
        "per-marketplace-listing.listed",
        params,
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Every parameter of an estimate identifies it: another price is
        # another estimate, whatever DESCRIBING says of ``price``.
        (estimate(10), estimate(12)),
        (estimate(10), estimate(10)),
        (estimate(10), estimate(10, "EST-2")),
        # Parameters of other names or number, identifying or not.
        (listed(sku="MUG-1"), listed(sku="MUG-1", title="Mug")),
        (listed(sku="MUG-1", price=1), listed(sku="MUG-1", title="Mug")),
        (listed(sku="MUG-1", price=1), listed(sku="MUG-1", quantity=1)),
        (listed(sku="MUG-1", price=1), listed(sku="MUG-1", price=2)),
        (listed(sku="MUG-1"), listed(sku="MUG-2")),
        (listed(sku=("A", "B")), listed(sku=("A", "B"))),
    ],
)
def test_same_key_agrees_with_the_keys_parameter_by_parameter(first, second):
    from unified_account.report.finding import same_key

    assert same_key(first, second) == (first.key == second.key)
    assert same_key(second, first) == (first.key == second.key)


def test_an_estimate_at_another_price_in_its_place_is_another_finding():
    """Place by place, a wholly identified finding is matched by key too."""
    old, new = [pool(1), estimate(10)], [pool(1), estimate(12)]
    diff = diff_findings(old, new, old_edition=FAQ, new_edition=FAQ)
    assert diff.changed == ()
    assert (diff.appeared, diff.resolved) == ((estimate(12),), (estimate(10),))
    assert new[1].key != old[1].key  # the diff gave it no other's key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (pool(40), pool(40)),
        (pool(40), pool(0)),
        (pool(40), pool(40, US)),
        (pool(1), deleted()),
        (pool(1, sku="A"), pool(1, sku="B")),
        (estimate(10), estimate(12)),
        # Equal values the key writes apart: equal, two keys.
        (estimate(Decimal("1.0")), estimate(Decimal("1.00"))),
        (listed(sku="A", reference=1), listed(sku="A", reference=Decimal(1))),
        (
            listed(sku="A", reference=(1, 2)),
            listed(sku="A", reference=(1, Decimal(2))),
        ),
        (listed(sku="A", reference=(1, 2)), listed(sku="A", reference=(1, 2))),
        (listed(sku="A", title=(1, 2)), listed(sku="A", title=(1, 2))),
        (
            listed(sku="A", reference=(CA, US)),
            listed(sku="A", reference=(CA,)),
        ),
        (listed(sku="A", reference="x"), listed(sku="A", reference="y")),
        (listed(sku="A", price=1), listed(sku="A", price=Decimal(1))),
        (listed(sku="A", title="x"), listed(sku="A", title="y")),
        (listed(sku="A", title="x"), listed(sku="A", other="x")),
        (
            attrs.evolve(pool(40), outcome=FindingOutcome.WARNING),
            pool(40),
        ),
    ],
)
def test_kinship_is_equality_and_same_key_at_once(first, second):
    """``_kinship`` answers ``==`` and ``same_key`` as they answer apart."""
    from unified_account.report.finding import _kinship

    for one, other in ((first, second), (second, first)):
        assert _kinship(one, other) == (one == other, one.key == other.key)
    assert _kinship(first, first) == (True, True)


def _parts(diff):
    return diff.appeared, diff.resolved, diff.changed


def test_a_trusted_diff_of_findings_in_another_order_is_empty():
    from unified_account.changes.diff import trusted_diff

    old = (pool(1), pool(2, US), deleted())
    new = (deleted(), pool(1), pool(2, US))
    assert not trusted_diff(old, new, FAQ)
    assert not trusted_diff(old, new[::-1], FAQ)


@SETTINGS
@given(ua.snapshots(), ua.snapshots(), ua.editions())
def test_a_trusted_diff_is_the_diff_by_key(old, new, edition):
    """SKU by SKU (a few findings, paired) and whole (many, keyed).

    And, place by place, ``_kinship`` is ``==`` and the keys' equality.
    """
    from unified_account.changes.diff import trusted_diff
    from unified_account.report import sku_findings
    from unified_account.report.finding import _kinship

    pairs = [
        (
            build_report(old, edition=edition).findings,
            build_report(new, edition=edition).findings,
        )
    ]
    for sku in sorted(set(old.catalog.skus) | set(new.catalog.skus)):
        pairs.append(
            (
                sku_findings(old, sku, edition=edition),
                sku_findings(new, sku, edition=edition),
            )
        )
    for before, after in pairs:
        expected = diff_findings(
            before, after, old_edition=edition, new_edition=edition
        )
        assert _parts(trusted_diff(before, after, edition)) == _parts(expected)
        for one, other in zip(before, after, strict=False):
            assert _kinship(one, other) == (one == other, one.key == other.key)
