"""Strategies for what Amazon booked: charges and deposits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from ..model.charges import Charge, ChargeKind, Deposit
from ..model.marketplace import Marketplace
from ..model.money import Money, currency_precision
from ._core import marketplaces as _marketplaces

__all__ = ["charge_kinds", "charges", "deposits"]

_DESCRIPTIONS = {
    ChargeKind.SUBSCRIPTION: ("Subscription Fee",),
    ChargeKind.REFERRAL_FEE: ("Commission",),
    ChargeKind.PER_ITEM_FEE: ("VariableClosingFee", "FixedClosingFee"),
    ChargeKind.FULFILLMENT_FEE: ("FBAPerUnitFulfillmentFee",),
    ChargeKind.OTHER: ("FBAInventoryStorageFee", "Adjustment"),
}
_DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
_IDS = st.from_regex(r"[0-9]{8,12}", fullmatch=True)


def charge_kinds() -> st.SearchStrategy[ChargeKind]:
    """Every kind of charge.  Requires hypothesis."""
    return st.sampled_from(ChargeKind)


def _signed(currency: str) -> st.SearchStrategy[Money]:
    exponent = -currency_precision(currency)
    return st.integers(-(10**7), 10**7).map(
        lambda units: Money(Decimal(units).scaleb(exponent), currency)
    )


def charges(
    *,
    marketplaces: st.SearchStrategy[Marketplace | None] | None = None,
    kinds: st.SearchStrategy[ChargeKind] | None = None,
) -> st.SearchStrategy[Charge]:
    """Charges in their marketplace's currency, with Amazon's sign.

    ``marketplaces`` defaults to the unified account's and ``None`` (a
    charge whose source names no marketplace, booked in USD); ``kinds``
    to every kind.  Requires hypothesis.  Shrinks towards Amazon.com and
    a subscription charge of zero.
    """
    where = (
        _marketplaces(in_scope=True) | st.none()
        if marketplaces is None
        else marketplaces
    )
    what = charge_kinds() if kinds is None else kinds

    @st.composite
    def build(draw: st.DrawFn) -> Charge:
        marketplace = draw(where)
        kind = draw(what)
        currency = "USD" if marketplace is None else marketplace.currency
        sold = kind is not ChargeKind.SUBSCRIPTION
        order = st.from_regex(r"[0-9]{3}-[0-9]{7}-[0-9]{7}", fullmatch=True)
        return Charge(
            booked_on=draw(_DAYS),
            marketplace=marketplace,
            marketplace_name=(
                "" if marketplace is None else marketplace.display_name
            ),
            amount=draw(_signed(currency)),
            kind=kind,
            description=draw(st.sampled_from(_DESCRIPTIONS[kind])),
            source=f"settlement.txt line {draw(st.integers(2, 999))}",
            order_id=draw(order) if sold else None,
            sku=draw(st.from_regex(r"[A-Z0-9-]{1,12}", fullmatch=True))
            if sold
            else None,
            settlement_id=draw(st.none() | _IDS),
        )

    return build()


def deposits(
    *, marketplaces: st.SearchStrategy[Marketplace | None] | None = None
) -> st.SearchStrategy[Deposit]:
    """Settlement totals in the marketplace's currency.

    ``marketplaces`` defaults to the unified account's and ``None`` (a
    deposit in USD whose marketplace the source does not tell).
    Requires hypothesis.
    """
    where = (
        _marketplaces(in_scope=True) | st.none()
        if marketplaces is None
        else marketplaces
    )

    @st.composite
    def build(draw: st.DrawFn) -> Deposit:
        marketplace = draw(where)
        currency = "USD" if marketplace is None else marketplace.currency
        return Deposit(
            settlement_id=draw(_IDS),
            amount=draw(_signed(currency)),
            source=f"settlement-{draw(st.integers(1, 99))}.txt line 2",
            deposited_on=draw(st.none() | _DAYS),
            marketplace=marketplace,
        )

    return build()
