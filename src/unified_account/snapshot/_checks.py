"""Cross-field checks of a snapshot's money, orders and brands.

A snapshot that would make the report fail is refused when it is read,
with the JSON path of the problem: two entries for the same thing, a
sale with no per-item fee schedule for its marketplace, an order total
with no rate to the report currency, a payout country that is not a
country code.  A billing date the fee data do not cover is no error: the
report says the fee is undetermined.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any, Protocol

from .._excerpt import excerpt
from ..data import bundled_subscription_fees
from ..errors import InvalidValueError, MissingDataError
from ..model.account import SellerAccount
from ..model.brand import AsinAttributes, BrandRegistration
from ..model.fees import (
    PerItemFee,
    Sale,
    SubscriptionFee,
    SubscriptionFeeSchedule,
)
from ..model.money import currency_precision
from ..model.orders import Order, OrderStatus
from ..model.rates import ConversionRate, ConversionRates
from ..model.storefront import StorefrontLink

__all__ = ["SnapshotFields", "check_money_and_brands", "fee_schedule"]


class SnapshotFields(Protocol):
    """The fields of a snapshot these checks read.

    A protocol, so that this module needs nothing from the package that
    builds the snapshot: the import runs one way.
    """

    @property
    def account(self) -> SellerAccount: ...
    @property
    def as_of(self) -> date | None: ...
    @property
    def subscription_fees(self) -> tuple[SubscriptionFee, ...]: ...
    @property
    def per_item_fees(self) -> tuple[PerItemFee, ...]: ...
    @property
    def sales(self) -> tuple[Sale, ...]: ...
    @property
    def conversion_rates(self) -> tuple[ConversionRate, ...]: ...
    @property
    def report_currency(self) -> str | None: ...
    @property
    def orders(self) -> tuple[Order, ...]: ...
    @property
    def brands(self) -> tuple[BrandRegistration, ...]: ...
    @property
    def brand_attributes(self) -> tuple[AsinAttributes, ...]: ...
    @property
    def storefront_link(self) -> StorefrontLink | None: ...
    @property
    def payout_bank_countries(self) -> tuple[str, ...] | None: ...


def _unique(
    items: Sequence[Any],
    key: Callable[[Any], Hashable],
    where: str,
    problem: Callable[[Any], str],
) -> None:
    seen: set[Hashable] = set()
    for index, item in enumerate(items):
        if key(item) in seen:
            raise InvalidValueError(
                problem(item), field=where.format(index=index)
            )
        seen.add(key(item))


def fee_schedule(snapshot: SnapshotFields) -> SubscriptionFeeSchedule:
    """The snapshot's own subscription fee schedule, else the bundled one."""
    if snapshot.subscription_fees:
        return SubscriptionFeeSchedule(snapshot.subscription_fees)
    return bundled_subscription_fees()


def _duplicates(snapshot: SnapshotFields) -> None:
    _unique(
        snapshot.subscription_fees,
        lambda e: (e.marketplace, e.effective),
        "subscription_fees[{index}].effective",
        lambda e: (
            f"a second `{e.marketplace.name}` entry for "
            f"`{excerpt(e.effective)}`"
        ),
    )
    _unique(
        snapshot.per_item_fees,
        lambda f: f.marketplace,
        "per_item_fees[{index}].marketplace",
        lambda f: f"a second schedule for `{f.marketplace.name}`",
    )
    _unique(
        snapshot.conversion_rates,
        lambda r: (r.source, r.target),
        "conversion_rates[{index}]",
        lambda r: (
            f"a second rate from `{excerpt(r.source)}` to "
            f"`{excerpt(r.target)}`"
        ),
    )
    _unique(
        snapshot.orders,
        lambda o: o.order_id,
        "orders[{index}].order_id",
        lambda o: f"order `{excerpt(o.order_id)}` appears twice",
    )
    _unique(
        snapshot.brands,
        lambda b: b.brand,
        "brands[{index}].brand",
        lambda b: f"brand `{excerpt(b.brand)}` appears twice",
    )
    _unique(
        snapshot.brand_attributes,
        lambda a: (a.asin, a.marketplace),
        "brand_attributes[{index}].marketplace",
        lambda a: (
            f"a second record of ASIN `{excerpt(a.asin)}` in "
            f"`{a.marketplace.name}`"
        ),
    )


def _sales(snapshot: SnapshotFields) -> None:
    scheduled = {fee.marketplace for fee in snapshot.per_item_fees}
    for index, sale in enumerate(snapshot.sales):
        if sale.marketplace not in scheduled:
            raise InvalidValueError(
                f"no per-item fee schedule for `{sale.marketplace.name}` in "
                "`per_item_fees`; the fee comes from where the item sold",
                field=f"sales[{index}].marketplace",
            )


def _payout_countries(snapshot: SnapshotFields) -> None:
    for index, code in enumerate(snapshot.payout_bank_countries or ()):
        if not (
            isinstance(code, str)
            and len(code) == 2
            and code.isascii()
            and code.isupper()
        ):
            raise InvalidValueError(
                f"`{excerpt(code, as_repr=True)}` "
                f"is not an ISO 3166 country code",
                field=f"payout_bank_countries[{index}]",
            )


def _report_currency(snapshot: SnapshotFields) -> None:
    target = snapshot.report_currency
    if target is None:
        return
    try:
        currency_precision(target)
    except InvalidValueError as error:
        raise InvalidValueError(
            error.problem, field="report_currency"
        ) from None
    rates = ConversionRates(snapshot.conversion_rates)
    for order in snapshot.orders:
        total = order.total
        if (
            total is None
            or not total.amount
            or order.status is OrderStatus.CANCELED
            or order.marketplace not in snapshot.account.marketplaces
        ):
            continue
        try:
            rates.rate(total.currency, target)
        except MissingDataError as error:
            raise InvalidValueError(
                f"{error}, to convert order `{excerpt(order.order_id)}` to "
                "the "
                f"report currency `{excerpt(target)}`",
                field="conversion_rates",
            ) from None


def _storefront(snapshot: SnapshotFields) -> None:
    link, home = snapshot.storefront_link, snapshot.account.home
    if link is not None and link.marketplace is not home:
        raise InvalidValueError(
            f"`{excerpt(link)}` is on {link.marketplace.display_name}; the "
            "storefront "
            f"link is set in the home marketplace, {home.display_name}",
            field="storefront_link",
        )


def check_money_and_brands(snapshot: SnapshotFields) -> None:
    """Raise :class:`InvalidValueError` (with a JSON path) for any problem."""
    _duplicates(snapshot)
    _storefront(snapshot)
    _sales(snapshot)
    _payout_countries(snapshot)
    _report_currency(snapshot)
