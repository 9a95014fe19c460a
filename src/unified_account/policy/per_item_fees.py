"""Per-item fees: ``per-item-fees-by-sale-marketplace``.

Every per-item transaction fee is the one of the marketplace where the
item sold, in that marketplace's currency.  The home marketplace's
schedule is never used for a sale elsewhere, even when the sale
marketplace's schedule is missing: that is an error, not a fallback.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .._excerpt import excerpt
from ..decision import Resolved, _ordered, _resolved
from ..edition import FAQ, Edition
from ..errors import InvalidValueError, MissingDataError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.fees import PerItemFee, Sale
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RuleKey

__all__ = ["per_item_fee", "per_item_fee_table"]

# Read once: reading an enum member from its class runs Python code.
_PER_ITEM_FEES = RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE


def per_item_fee_table(
    fees: Iterable[PerItemFee],
) -> Mapping[Marketplace, PerItemFee]:
    """``fees`` by marketplace; two schedules for one marketplace are refused.

    >>> table = per_item_fee_table(
    ...     [PerItemFee(marketplace=Marketplace.MX, rate="0.15")])
    >>> sorted(m.name for m in table)
    ['MX']
    """
    table: dict[Marketplace, PerItemFee] = {}
    for index, fee in enumerate(fees):
        if not isinstance(fee, PerItemFee):
            raise InvalidValueError(
                f"`{excerpt(fee, as_repr=True)}` is not a PerItemFee",
                field=f"fees[{index}]",
            )
        if fee.marketplace in table:
            raise InvalidValueError(
                f"two per-item fee schedules for `{fee.marketplace.name}`",
                field=f"fees[{index}].marketplace",
            )
        table[fee.marketplace] = fee
    return table


def per_item_fee(
    account: SellerAccount,
    sale: Sale,
    fees: Iterable[PerItemFee],
    *,
    edition: Edition = FAQ,
) -> Resolved[Money]:
    """The per-item fee on ``sale``, by the schedule of where it sold.

    ``fees`` are the caller's per-item schedules, at most one per
    marketplace.  The fee is in the sale marketplace's currency, whatever
    ``account``'s home marketplace is.  Raises
    :class:`~unified_account.errors.MissingDataError` when ``fees`` has no
    schedule for the sale's marketplace.
    """
    del edition  # no edition has changed where per-item fees come from
    table = per_item_fee_table(fees)
    schedule = table.get(sale.marketplace)
    if schedule is None:
        raise MissingDataError(
            "no per-item fee schedule for "
            f"`{sale.marketplace.name}`, where `{excerpt(sale.reference)}` "
            "sold; "
            f"the home marketplace's (`{account.home.name}`) never applies "
            "to a sale elsewhere"
        )
    # The sale's price is in its marketplace's currency, the schedule's
    # (both were checked when built), and the reason's values were
    # checked too: it only takes its parameters in name order.
    price = sale.price
    fee = schedule._fee_on(price)
    reason = _ordered(
        _PER_ITEM_FEES,
        N_("per-item-fees-by-sale-marketplace.charged"),
        (
            ("fee", fee),
            ("home", account.home),
            ("marketplace", sale.marketplace),
            ("price", price),
            ("reference", sale.reference),
        ),
    )
    return _resolved(fee, (reason,))
