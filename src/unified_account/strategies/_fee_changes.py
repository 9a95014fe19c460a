"""Strategies for fee sources and reported plan changes."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from ..model.fees import FeeSource, SubscriptionPlanChange
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._core import marketplaces as _marketplaces
from ._core import money


def fee_sources() -> st.SearchStrategy[FeeSource]:
    """The kind of a fee's source.  Requires hypothesis."""
    return st.sampled_from(FeeSource)


def _in(marketplace: Marketplace) -> st.SearchStrategy[Money]:
    return money(
        currencies=st.just(marketplace.currency),
        min_minor_units=0,
        max_minor_units=10**8,
    )


def subscription_plan_changes() -> st.SearchStrategy[SubscriptionPlanChange]:
    """Reported plan changes in the FAQ scope, in its currency.

    Requires hypothesis.  Shrinks towards a free, unconfirmed
    Amazon.com change.
    """

    @st.composite
    def build(draw: st.DrawFn) -> SubscriptionPlanChange:
        marketplace = draw(_marketplaces(in_scope=True))
        return SubscriptionPlanChange(
            marketplace=marketplace,
            reported=draw(
                st.dates(
                    min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)
                )
            ),
            free_months=draw(st.integers(0, 24)),
            amount=draw(_in(marketplace)),
            below_sales=draw(_in(marketplace)),
            source=draw(st.sampled_from(("press reports", "caller"))),
            source_kind=draw(fee_sources()),
            confirmed=draw(st.booleans()),
        )

    return build()
