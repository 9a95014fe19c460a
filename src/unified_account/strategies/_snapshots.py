"""Strategies for whole seller snapshots (requires hypothesis)."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import strategies as st

from ..model.account import SellerAccount
from ..model.catalog import Catalog
from ..model.charges import Charge, Deposit
from ..model.imports import FeeEstimate, SetAside
from ..model.orders import Order
from ..snapshot import Snapshot
from ._catalog import _catalogs
from ._charges import charges as _charges
from ._charges import deposits as _deposits
from ._commerce import orders as _orders
from ._core import seller_accounts
from ._imports import fee_estimates as _fee_estimates
from ._imports import set_asides as _set_asides

__all__ = ["snapshots"]


def snapshots(
    *,
    accounts: st.SearchStrategy[SellerAccount] | None = None,
    separate: st.SearchStrategy[list[SellerAccount]] | None = None,
    catalogs: st.SearchStrategy[Catalog] | None = None,
    orders: st.SearchStrategy[list[Order]] | None = None,
    fee_estimates: st.SearchStrategy[list[FeeEstimate]] | None = None,
    set_asides: st.SearchStrategy[list[SetAside]] | None = None,
    billing_dates: st.SearchStrategy[date | None] | None = None,
    charges: st.SearchStrategy[list[Charge]] | None = None,
    deposits: st.SearchStrategy[list[Deposit]] | None = None,
) -> st.SearchStrategy[Snapshot]:
    """Seller snapshots with distinct seller ids.

    ``catalogs``: the catalogue (default: small catalogues of any shape).
    ``orders`` (distinct ids), ``fee_estimates``, ``set_asides`` (what an
    SP-API import set aside), ``billing_dates`` (the snapshot's
    ``as_of``), ``charges`` and ``deposits`` (what Amazon booked and paid
    out) default to a few of each, or none, or no date.
    Requires hypothesis.
    """
    orders = (
        st.lists(_orders(), max_size=3, unique_by=lambda o: o.order_id)
        if orders is None
        else orders
    )
    fee_estimates = (
        st.lists(_fee_estimates(), max_size=2)
        if fee_estimates is None
        else fee_estimates
    )
    set_asides = (
        st.lists(_set_asides(), max_size=2)
        if set_asides is None
        else set_asides
    )
    billing_dates = (
        st.none() | st.dates(date(2021, 8, 1), date(2035, 12, 31))
        if billing_dates is None
        else billing_dates
    )
    charges = st.lists(_charges(), max_size=2) if charges is None else charges
    deposits = (
        st.lists(_deposits(), max_size=2) if deposits is None else deposits
    )
    accounts = seller_accounts() if accounts is None else accounts
    separate = (
        st.lists(seller_accounts(), max_size=2)
        if separate is None
        else separate
    )
    catalogs = _catalogs(max_skus=3) if catalogs is None else catalogs

    @st.composite
    def build(draw: st.DrawFn) -> Snapshot:
        main = draw(accounts)
        seen = {main.seller_id}
        others = []
        for index, other in enumerate(draw(separate)):
            while other.seller_id in seen:
                other = attrs.evolve(
                    other, seller_id=f"{other.seller_id}X{index}"
                )
            seen.add(other.seller_id)
            others.append(other)
        return Snapshot(
            account=main,
            separate_accounts=others,
            catalog=draw(catalogs),
            orders=draw(orders),
            fee_estimates=draw(fee_estimates),
            set_aside=draw(set_asides),
            as_of=draw(billing_dates),
            charges=draw(charges),
            deposits=draw(deposits),
        )

    return build()
