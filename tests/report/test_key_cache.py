"""A finding's key is computed once, and shared by a change's two sides."""

from __future__ import annotations

import attrs
from hypothesis import given, settings

from unified_account import strategies as ua
from unified_account.report.finding import Finding, share_key
from unified_account.report.identity import finding_key


def fresh_key(finding):
    return finding_key(
        finding.rule, finding.subject, finding.message_id, finding.params
    )


# A snapshot is costly to draw: a few suffice (the strategy's own tests
# draw many).
@settings(max_examples=10, deadline=None)
@given(ua.snapshots())
def test_the_remembered_key_is_the_digest(snapshot):
    from unified_account import build_report

    for finding in build_report(snapshot).findings:
        first = finding.key
        assert first == fresh_key(finding)
        assert finding.key is first  # computed once


def test_a_shared_key_is_the_one_it_would_compute():
    from unified_account import build_report, example_snapshot

    finding = build_report(example_snapshot()).findings[0]
    twin = attrs.evolve(finding)
    assert share_key(finding, twin) == fresh_key(finding)
    assert twin.key == fresh_key(twin)


def test_sharing_keeps_a_key_already_computed():
    from unified_account import build_report, example_snapshot

    first, second = build_report(example_snapshot()).findings[:2]
    second_key = second.key
    share_key(first, second)  # misused: the key it has stays
    assert second.key == second_key
    assert isinstance(first, Finding)
    assert first.key == fresh_key(first)


def test_the_key_is_no_field():
    """Equality, hashing and ``attrs.fields`` ignore the remembered key."""
    from unified_account import build_report, example_snapshot

    finding = build_report(example_snapshot()).findings[0]
    twin = attrs.evolve(finding)
    finding.key  # noqa: B018 - computed on one side only
    assert finding == twin
    assert hash(finding) == hash(twin)
    assert "key" not in {field.name for field in attrs.fields(Finding)}
    assert "key" not in attrs.asdict(finding)
