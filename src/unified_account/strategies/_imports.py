"""Strategies for what an SP-API import adds (requires hypothesis)."""

from __future__ import annotations

from hypothesis import strategies as st

from ..model.imports import FeeEstimate, SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._core import marketplaces as _marketplaces
from ._core import money as _money

__all__ = ["fee_estimates", "set_asides"]

_SOURCES = (
    "sellers",
    "listings",
    "fba-inventory",
    "orders",
    "fees",
    "notifications",
    "reports",
    "finances",
    "settlement",
)


def set_asides(
    *, reasons: st.SearchStrategy[SetAsideReason] | None = None
) -> st.SearchStrategy[SetAside]:
    """Items an import set aside, with any reason (default: every one).

    Requires hypothesis.  Shrinks towards the first reason and short ids.
    """
    return st.builds(
        SetAside,
        source=st.sampled_from(_SOURCES),
        path=st.from_regex(r"(payload\[[0-9]\])?", fullmatch=True),
        subject=st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,13}", fullmatch=True),
        reason=st.sampled_from(SetAsideReason) if reasons is None else reasons,
        detail=st.sampled_from(("", "DE", "NON_AMAZON_US", "18027")),
    )


def fee_estimates(
    *, marketplaces: st.SearchStrategy[Marketplace] | None = None
) -> st.SearchStrategy[FeeEstimate]:
    """Product Fees estimates, both amounts in the marketplace's currency.

    ``marketplaces`` defaults to the unified account's.  Requires
    hypothesis.  Shrinks towards zero amounts.
    """
    markets = (
        _marketplaces(in_scope=True) if marketplaces is None else marketplaces
    )

    @st.composite
    def build(draw: st.DrawFn) -> FeeEstimate:
        marketplace = draw(markets)
        amounts = _money(currencies=st.just(marketplace.currency))
        price: Money = draw(amounts)
        total: Money = draw(amounts)
        return FeeEstimate(
            marketplace=marketplace,
            reference=draw(
                st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,9}", fullmatch=True)
            ),
            price=price,
            total=total,
        )

    return build()
