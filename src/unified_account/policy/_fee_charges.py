"""``per-item-fees-by-sale-marketplace`` over booked per-item fees.

Each fee in the currency of the marketplace where the item sold; where
the caller gives that marketplace's schedule and the sale, an order
line's fees add up to the schedule's amount within one minor unit.  A
fee whose record names no marketplace is undetermined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from ..decision import Outcome, ParamValue, Reason
from ..edition import Edition
from ..messages import N_
from ..model.charges import Charge
from ..model.fees import PerItemFee, Sale
from ..model.marketplace import Marketplace
from ..model.money import Money, currency_precision
from ..rules import RuleKey
from ._subscription_charges import Judged

__all__ = ["fee_findings", "sold"]

_FEES = RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE


def sold(sales: Iterable[Sale]) -> dict[str, Sale]:
    """The sales by their reference (an order id, or ``ORDER/SKU``)."""
    return {sale.reference: sale for sale in sales}


def fee_findings(
    charges: list[Charge],
    schedules: Mapping[Marketplace, PerItemFee],
    sales: Mapping[str, Sale],
    edition: Edition,
) -> list[Judged]:
    """The ``per-item-fees-by-sale-marketplace`` findings of fees."""
    found: list[Judged] = []
    groups: dict[tuple[str, str | None, Marketplace], list[Charge]] = {}
    spoilt: set[tuple[str, str | None, Marketplace]] = set()
    compare = bool(schedules) and bool(sales)
    for charge in charges:
        where = charge.marketplace
        if where is not None and charge.amount.currency == where.currency:
            if compare:  # only then are the order's fees added up
                key = (charge.order_id or "-", charge.sku, where)
                groups.setdefault(key, []).append(charge)
            continue
        order = charge.order_id or "-"
        params: dict[str, ParamValue] = {
            "order": order,
            "amount": -charge.amount,
            "source": charge.source,
            "edition": edition.name,
        }
        if where is None:
            found.append(
                Judged(
                    Reason(
                        _FEES,
                        N_(
                            "per-item-fees-by-sale-marketplace.charge-undetermined"
                        ),
                        params,
                    ),
                    Outcome.UNDETERMINED,
                    charge,
                )
            )
            continue
        spoilt.add((order, charge.sku, where))
        # The currency is not that of the marketplace of sale.
        params["marketplace"] = where
        params["currency"] = where.currency
        found.append(
            Judged(
                Reason(
                    _FEES,
                    N_("per-item-fees-by-sale-marketplace.charge-currency"),
                    params,
                ),
                Outcome.DENIED,
                charge,
            )
        )
    for key, group in groups.items():
        order, sku, where = key
        schedule = schedules.get(where)
        sale = sales.get(f"{order}/{sku}") or sales.get(order)
        if key in spoilt or schedule is None or sale is None:
            continue
        if sale.marketplace is not where:
            continue
        charged = Money.zero(where.currency)
        for charge in group:
            if charge.amount.amount < 0:
                charged = charged - charge.amount
        expected = schedule.fee_for(sale.price)
        unit = Decimal(1).scaleb(-currency_precision(where.currency))
        if abs((charged - expected).amount) <= unit:
            continue
        params = {
            "order": order,
            "marketplace": where,
            "amount": charged,
            "expected": expected,
            "source": group[0].source,
            "edition": edition.name,
        }
        found.append(
            Judged(
                Reason(
                    _FEES,
                    N_("per-item-fees-by-sale-marketplace.charge-amount"),
                    params,
                ),
                Outcome.DENIED,
                group[0],
            )
        )
    return found
