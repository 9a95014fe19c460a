"""Strategies for changes over time: plans' actions, diffs, live reports.

Each action is built constructively from the model's strategies; the
results (a diff, a what-if, its steps, a live report) by running the
library on drawn snapshots and plans, so each is a value it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from ..changes.diff import FindingChange, ReportDiff, RuleChanges
from ..changes.live import LiveReport
from ..changes.plan import (
    Action,
    ChangeListing,
    CreateListing,
    CustomiseAccountInfo,
    DeleteListing,
    EnrollRemoteFulfillment,
    ReceiveFbaStock,
    RecordSale,
    RequestStorefrontLink,
    SetMfnQuantity,
    TurnOnMarketplace,
    WithdrawRemoteFulfillment,
)
from ..changes.whatif import Step, WhatIf, what_if
from ..model.marketplace import Marketplace
from ..snapshot import Snapshot
from . import _catalog, _commerce, _core, _snapshots

__all__ = ["CHANGES_STRATEGIES"]

_MARKETS = _core.marketplaces()
_COUNTS = st.integers(min_value=0, max_value=10_000)
_SOME_MARKETS = st.lists(_MARKETS, min_size=1, max_size=3, unique=True)

_ACTIONS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    TurnOnMarketplace: lambda: st.builds(
        TurnOnMarketplace, marketplace=_MARKETS
    ),
    CreateListing: lambda: st.builds(
        CreateListing, listing=_catalog.listings()
    ),
    ChangeListing: lambda: st.builds(
        ChangeListing,
        sku=_catalog.skus(),
        marketplace=_MARKETS,
        title=st.none() | st.sampled_from(("Mug", "Taza", "Tasse")),
        price=st.none() | _core.money(),
    ),
    DeleteListing: lambda: st.builds(
        DeleteListing, sku=_catalog.skus(), marketplace=_MARKETS
    ),
    SetMfnQuantity: lambda: st.builds(
        SetMfnQuantity, sku=_catalog.skus(), quantity=_COUNTS
    ),
    RecordSale: lambda: st.builds(
        RecordSale, sku=_catalog.skus(), marketplace=_MARKETS, quantity=_COUNTS
    ),
    ReceiveFbaStock: lambda: st.builds(
        ReceiveFbaStock,
        sku=_catalog.skus(),
        marketplace=_MARKETS,
        quantity=_COUNTS,
    ),
    CustomiseAccountInfo: lambda: st.builds(
        CustomiseAccountInfo,
        marketplace=_MARKETS,
        info=_core.account_infos(),
    ),
    EnrollRemoteFulfillment: lambda: st.builds(
        EnrollRemoteFulfillment,
        sku=_catalog.skus(),
        marketplaces=_SOME_MARKETS,
    ),
    WithdrawRemoteFulfillment: lambda: st.builds(
        WithdrawRemoteFulfillment,
        sku=_catalog.skus(),
        marketplaces=_SOME_MARKETS,
    ),
    RequestStorefrontLink: lambda: st.builds(
        RequestStorefrontLink,
        marketplace=_MARKETS,
        link=_commerce.storefront_links(),
    ),
}


def _actions() -> st.SearchStrategy[Action]:
    return st.one_of([strategy() for strategy in _ACTIONS.values()])


def _plans(snapshot: Snapshot) -> st.SearchStrategy[list[Action]]:
    """Plans every step of which applies to ``snapshot`` (or is refused).

    Turning on a marketplace applies to any account; a merchant-fulfilled
    quantity, to a SKU of the snapshot without Remote Fulfillment.
    """
    skus = [
        record.sku
        for record in snapshot.catalog.skus.values()
        if not record.remote_fulfillment
    ]
    steps: list[st.SearchStrategy[Action]] = [
        st.builds(TurnOnMarketplace, marketplace=_MARKETS)
    ]
    if skus:
        steps.append(
            st.builds(
                SetMfnQuantity, sku=st.sampled_from(skus), quantity=_COUNTS
            )
        )
    return st.lists(st.one_of(steps), max_size=3)


def _what_ifs() -> st.SearchStrategy[WhatIf]:
    @st.composite
    def build(draw: st.DrawFn) -> WhatIf:
        snapshot = draw(_snapshots.snapshots())
        plan = draw(_plans(snapshot))
        return what_if(snapshot, plan, edition=draw(_core.editions()))

    return build()


def _steps() -> st.SearchStrategy[Step]:
    @st.composite
    def build(draw: st.DrawFn) -> Step:
        snapshot = draw(_snapshots.snapshots())
        plan = draw(_plans(snapshot).map(lambda p: p or [_TURN_ON_US]))
        return draw(st.sampled_from(what_if(snapshot, plan).steps))

    return build()


_TURN_ON_US = TurnOnMarketplace(marketplace=Marketplace.US)


def _changed_findings() -> st.SearchStrategy[FindingChange]:
    """Changes of a finding: the example seller's pools moving."""

    @st.composite
    def build(draw: st.DrawFn) -> FindingChange:
        from ..snapshot import example_snapshot

        live = LiveReport(example_snapshot())
        sku = draw(st.sampled_from(("MUG-CERAMIC-12", "TOTE-CANVAS")))
        # Neither pool's own quantity (100 mugs, 40 totes): a change.
        quantity = draw(st.integers(1, 39) | st.integers(41, 99))
        _, diff = live.apply(SetMfnQuantity(sku=sku, quantity=quantity))
        return draw(st.sampled_from(diff.changed))

    return build()


def _rule_changes() -> st.SearchStrategy[RuleChanges]:
    return _what_ifs().flatmap(
        lambda result: (
            st.sampled_from(result.diff.by_rule())
            if result.diff
            else _changed_findings().map(
                lambda change: RuleChanges(change.rule, (), (), (change,))
            )
        )
    )


CHANGES_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    **_ACTIONS,
    Action: _actions,
    FindingChange: _changed_findings,
    ReportDiff: lambda: _what_ifs().map(lambda result: result.diff),
    RuleChanges: _rule_changes,
    Step: _steps,
    WhatIf: _what_ifs,
    LiveReport: lambda: st.builds(
        LiveReport, _snapshots.snapshots(), edition=_core.editions()
    ),
}
"""Each public type of changes over time and its strategy."""
