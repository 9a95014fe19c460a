"""The combined order report: ``order-tracking``.

Orders from every marketplace of the account are tracked together, each
keeping its marketplace and currency.  The report counts orders and adds
their totals per marketplace and per currency, and never adds amounts in
different currencies.  Canceled orders are counted but not added; an
order without a total yet (pending) is counted apart.  Orders from a
marketplace outside the account's marketplaces are reported on their own
lines, never dropped, and left out of the currency totals.

One figure in one currency is available on request: each currency's
total is converted at a rate the caller supplies (exact ``Decimal``,
rounded half-even to the target currency's precision) and the results
added; the report names the rates used.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._excerpt import excerpt
from ..decision import ParamValue, Reason, Resolved
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.marketplace import Marketplace
from ..model.money import Money, currency_precision
from ..model.orders import Order, OrderStatus
from ..model.rates import ConversionRate, ConversionRates, RateText
from ..rules import RuleKey
from .unified import offer_marketplaces

__all__ = [
    "ConvertedTotal",
    "CurrencyOrders",
    "MarketplaceOrders",
    "OrderReport",
    "OrderTotals",
    "combined_order_report",
]


@attrs.frozen(kw_only=True)
class OrderTotals:
    """Counts and the total of a group of orders in one currency.

    ``orders`` counts every order; ``canceled`` and ``without_total``
    count those left out of ``total``, which adds the totals of the
    other orders.
    """

    orders: int
    canceled: int
    without_total: int
    total: Money


@attrs.frozen(kw_only=True)
class MarketplaceOrders:
    """The orders of one marketplace; ``in_scope`` is ``False`` outside."""

    marketplace: Marketplace
    in_scope: bool
    totals: OrderTotals


@attrs.frozen(kw_only=True)
class CurrencyOrders:
    """The in-scope orders in one currency."""

    currency: str
    totals: OrderTotals


@attrs.frozen(kw_only=True)
class ConvertedTotal:
    """Every currency's total converted to ``currency`` and added."""

    currency: str
    total: Money
    rates: tuple[ConversionRate, ...]


@attrs.frozen(kw_only=True)
class OrderReport:
    """A combined order report across the account's marketplaces."""

    marketplaces: tuple[MarketplaceOrders, ...]
    currencies: tuple[CurrencyOrders, ...]
    converted: ConvertedTotal | None = None

    @property
    def outside_scope(self) -> tuple[MarketplaceOrders, ...]:
        """The lines of marketplaces outside the account's."""
        return tuple(line for line in self.marketplaces if not line.in_scope)


def _totals(orders: list[Order], currency: str) -> OrderTotals:
    total = Money.zero(currency)
    canceled = without_total = 0
    for order in orders:
        if order.status is OrderStatus.CANCELED:
            canceled += 1
        elif order.total is None:
            without_total += 1
        else:
            total = total + order.total
    return OrderTotals(
        orders=len(orders),
        canceled=canceled,
        without_total=without_total,
        total=total,
    )


def _checked(orders: Iterable[Order]) -> list[Order]:
    checked: list[Order] = []
    seen: set[str] = set()
    for index, order in enumerate(orders):
        if not isinstance(order, Order):
            raise InvalidValueError(
                f"`{excerpt(order, as_repr=True)}` is not an Order",
                field=f"orders[{index}]",
            )
        if order.order_id in seen:
            raise InvalidValueError(
                f"order `{excerpt(order.order_id)}` appears twice",
                field=f"orders[{index}].order_id",
            )
        seen.add(order.order_id)
        checked.append(order)
    return checked


def _line_reason(
    line: MarketplaceOrders, scope: tuple[Marketplace, ...]
) -> Reason:
    totals = line.totals
    params: dict[str, ParamValue] = {
        "marketplace": line.marketplace,
        "count": totals.orders,
        "canceled": totals.canceled,
        "without_total": totals.without_total,
        "total": totals.total,
    }
    if line.in_scope:
        message = N_("order-tracking.marketplace")
    else:
        message = N_("order-tracking.outside-scope")
        params["marketplaces"] = scope
    return Reason(RuleKey.ORDER_TRACKING, message, params)


def _converted(
    currencies: tuple[CurrencyOrders, ...], target: str, rates: ConversionRates
) -> ConvertedTotal:
    currency_precision(target)
    total = Money.zero(target)
    used = []
    for line in currencies:
        if not line.totals.total.amount:
            continue  # nothing to convert, so no rate is needed
        total = total + rates.convert(line.totals.total, target)
        rate = rates.used(line.currency, target)
        if rate is not None:
            used.append(rate)
    return ConvertedTotal(currency=target, total=total, rates=tuple(used))


def combined_order_report(
    account: SellerAccount,
    orders: Iterable[Order],
    *,
    currency: str | None = None,
    rates: ConversionRates | None = None,
    edition: Edition = FAQ,
) -> Resolved[OrderReport]:
    """``order-tracking``: every order of ``account``, tracked together.

    One line per marketplace (the account's, even without orders, and
    any other that ``orders`` name), one per currency of the account's
    marketplaces; with ``currency``, the currency totals converted at
    ``rates`` and added.  An order id given twice is refused; a missing
    rate raises :class:`~unified_account.errors.MissingDataError`.
    The ``combined`` reason names only the account's marketplaces, and
    counts only their orders: other channels stay on their own lines.
    """
    checked = _checked(orders)
    scope = offer_marketplaces(account, edition=edition).value
    present = {order.marketplace for order in checked} | set(scope)
    lines = tuple(
        MarketplaceOrders(
            marketplace=m,
            in_scope=m in scope,
            totals=_totals(
                [o for o in checked if o.marketplace is m], m.currency
            ),
        )
        for m in Marketplace
        if m in present
    )
    codes = dict.fromkeys(m.currency for m in Marketplace if m in scope)
    currencies = tuple(
        CurrencyOrders(
            currency=code,
            totals=_totals(
                [
                    o
                    for o in checked
                    if o.marketplace in scope
                    and o.marketplace.currency == code
                ],
                code,
            ),
        )
        for code in codes
    )
    converted = None
    if currency is not None:
        converted = _converted(
            currencies, currency, ConversionRates() if rates is None else rates
        )
    report = OrderReport(
        marketplaces=lines, currencies=currencies, converted=converted
    )
    reasons = [
        Reason(
            RuleKey.ORDER_TRACKING,
            N_("order-tracking.combined"),
            {
                "count": sum(1 for o in checked if o.marketplace in scope),
                "marketplaces": scope,
            },
        ),
        *(_line_reason(line, scope) for line in lines),
        *(
            Reason(
                RuleKey.ORDER_TRACKING,
                N_("order-tracking.currency"),
                {
                    "currency": line.currency,
                    "count": line.totals.orders,
                    "total": line.totals.total,
                },
            )
            for line in currencies
        ),
    ]
    if converted is not None:
        reasons.append(
            Reason(
                RuleKey.ORDER_TRACKING,
                N_("order-tracking.converted"),
                {
                    "total": converted.total,
                    "rates": tuple(
                        RateText.of(rate) for rate in converted.rates
                    ),
                },
            )
        )
    return Resolved(report, tuple(reasons))
