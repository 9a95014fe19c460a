"""A SKU's findings after a change, from its findings before: as anew.

``CatalogueSection.after`` keeps the findings that read nothing the
change touched and computes the rest again; whatever changed (the
merchant-fulfilled pool, the FBA pools, the Remote Fulfillment
enrolment, the listings), the result equals the section's findings of
the new record, computed from nothing.
"""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from unified_account import example_snapshot
from unified_account import strategies as ua
from unified_account.errors import InvalidValueError
from unified_account.model.catalog import SkuRecord
from unified_account.model.marketplace import Marketplace
from unified_account.policy.availability import (
    _same_active,
    _same_cell,
    explain_cell,
    record_active_marketplaces,
)
from unified_account.report import CatalogueSection
from unified_account.report.subject import SubjectKind

ACCOUNT = example_snapshot().account


@st.composite
def changed_records(draw: st.DrawFn) -> tuple[SkuRecord, SkuRecord]:
    """A record, and the same SKU with some of its parts replaced."""
    old = draw(ua.sku_records())
    changes = {}
    if draw(st.booleans()):
        changes["mfn"] = draw(ua.mfn_pools())
    if draw(st.booleans()):
        changes["fba"] = draw(ua.fba_pools())
    if draw(st.booleans()):
        changes["remote_fulfillment"] = draw(
            st.frozensets(st.sampled_from([Marketplace.CA, Marketplace.MX]))
        )
    if draw(st.booleans()):
        changes["listings"] = draw(
            ua.sku_records(skus=st.just(old.sku))
        ).listings
    try:
        new = attrs.evolve(old, **changes)
    except InvalidValueError:
        assume(False)
    return old, new


@given(changed_records(), ua.editions())
def test_the_findings_after_a_change_are_the_new_records(records, edition):
    old, new = records
    section = CatalogueSection(ACCOUNT, edition=edition)
    assert section.after(old, section(old), new) == section(new)


def test_a_stock_change_keeps_every_finding_but_the_skus_own():
    """Only the SKU's own cell reads its merchant-fulfilled pool."""
    snapshot = example_snapshot()
    section = CatalogueSection(snapshot.account)
    for old in snapshot.catalog.skus.values():
        new = old._with_quantity(old.mfn.quantity + 5)
        before = section(old)
        after = section.after(old, before, new)
        assert after == section(new)
        for finding in after:
            reused = any(finding is kept for kept in before)
            assert reused is (finding.subject.kind is not SubjectKind.SKU)


def test_a_change_of_both_pools_recomputes_the_cells_that_read_them():
    """The FBA pools and the merchant-fulfilled pool, changed at once."""
    snapshot = example_snapshot()
    section = CatalogueSection(snapshot.account)
    for old in snapshot.catalog.skus.values():
        new = attrs.evolve(
            old,
            mfn=attrs.evolve(old.mfn, quantity=old.mfn.quantity + 3),
            fba=old.fba.set(
                Marketplace.US, old.fba.get(Marketplace.US, 0) + 2
            ),
        )
        assert section.after(old, section(old), new) == section(new)


@given(changed_records(), ua.editions())
def test_same_cell_and_same_active_say_what_a_cell_reads(records, edition):
    """Where _same_cell or _same_active says yes, the answers are equal."""
    first, second = records
    if second.listings is first.listings:
        for listing in first.listings:
            if _same_cell(first, second, listing):
                where = listing.marketplace
                assert explain_cell(
                    first, where, edition=edition
                ) == explain_cell(second, where, edition=edition)
    if _same_active(first, second):
        assert record_active_marketplaces(first) == record_active_marketplaces(
            second
        )
    assert _same_active(first, first)
    assert all(_same_cell(first, first, item) for item in first.listings)
