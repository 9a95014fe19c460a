"""What Amazon booked: charges and deposits, as the seller's records show.

A :class:`Charge` is one amount Amazon booked against the seller (a
subscription fee, a referral fee, a fulfilment fee, ...) with the date,
the marketplace (or the marketplace name as Amazon gave it), the order,
SKU and settlement it belongs to, and the place in the source it was
read from, so a seller can find the line in Seller Central.  A
:class:`Deposit` is one settlement's total in its currency, paid on its
date.  Both sit beside orders in a snapshot; the adapters of
:mod:`unified_account.spapi` read them from the Finances API and the
settlement report.

Amounts keep Amazon's sign: a fee charged is negative, a fee given back
(a refund of a referral fee) is positive.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from ._validate import calendar_date, instance_of, non_empty_text
from .marketplace import Marketplace
from .money import Money

__all__ = ["Charge", "ChargeKind", "Deposit", "trusted_charge"]


class ChargeKind(enum.Enum):
    """What a charge pays for, as far as the audit tells them apart."""

    SUBSCRIPTION = "subscription"
    """The monthly Professional subscription."""
    REFERRAL_FEE = "referral-fee"
    """The referral fee on an item sold (Amazon's ``Commission``)."""
    PER_ITEM_FEE = "per-item-fee"
    """Another per-item selling fee (a closing fee, a per-item fee)."""
    FULFILLMENT_FEE = "fulfillment-fee"
    """A fulfilment fee (FBA per-unit, weight-based, ...)."""
    OTHER = "other"
    """Anything else Amazon booked (storage, adjustments, promotions)."""

    @property
    def per_item(self) -> bool:
        """Whether the fee is a per-item selling fee of the sale."""
        return self in (ChargeKind.REFERRAL_FEE, ChargeKind.PER_ITEM_FEE)


def _optional_text(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None:
        non_empty_text(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Charge:
    """One amount Amazon booked, read from the seller's finance records.

    ``booked_on`` is the date Amazon posted it; ``marketplace`` the
    marketplace it belongs to, or ``None`` when the source names none or
    a name the library does not map (``marketplace_name`` keeps what
    Amazon wrote, empty when it wrote nothing).  ``amount`` keeps
    Amazon's sign (a fee charged is negative).  ``description`` is
    Amazon's name for it (``Commission``, ``Subscription Fee``);
    ``order_id``, ``sku`` and ``settlement_id`` are ``None`` when the
    source does not give them.  ``source`` says where it was read: the
    file and line, or the JSON path.

    Two charges with the same :attr:`identity` are the same booking seen
    twice (in a settlement report and in the Finances API).

    .. versionadded:: 0.3.0
    """

    booked_on: date = attrs.field(validator=calendar_date)
    marketplace: Marketplace | None = attrs.field(
        validator=instance_of(Marketplace, type(None))
    )
    amount: Money = attrs.field(validator=instance_of(Money))
    kind: ChargeKind = attrs.field(validator=instance_of(ChargeKind))
    description: str = attrs.field(validator=non_empty_text)
    source: str = attrs.field(validator=non_empty_text)
    marketplace_name: str = attrs.field(default="", validator=instance_of(str))
    order_id: str | None = attrs.field(default=None, validator=_optional_text)
    sku: str | None = attrs.field(default=None, validator=_optional_text)
    settlement_id: str | None = attrs.field(
        default=None, validator=_optional_text
    )

    @property
    def identity(
        self,
    ) -> tuple[str, str, str | None, str | None, date, str]:
        """What makes two records one booking: all but the amount.

        Kind, description, order, SKU, date and currency.  Two records
        with one identity and different amounts are a conflict.
        """
        return (
            self.kind.value,
            self.description,
            self.order_id,
            self.sku,
            self.booked_on,
            self.amount.currency,
        )


@attrs.frozen(kw_only=True)
class Deposit:
    """One settlement's total, paid to the seller's bank account.

    ``settlement_id`` names the settlement; ``amount`` is its total in the
    settlement's currency (negative when the seller owes Amazon);
    ``deposited_on`` is the deposit date, ``None`` when the report has
    none yet.  ``marketplace`` is the marketplace whose proceeds it pays,
    ``None`` when the source does not tell.  ``source`` says where it was
    read.

    .. versionadded:: 0.3.0
    """

    settlement_id: str = attrs.field(validator=non_empty_text)
    amount: Money = attrs.field(validator=instance_of(Money))
    source: str = attrs.field(validator=non_empty_text)
    deposited_on: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(calendar_date)
    )
    marketplace: Marketplace | None = attrs.field(
        default=None, validator=instance_of(Marketplace, type(None))
    )


_new = object.__new__
_SET = {
    field.name: Charge.__dict__[field.name].__set__
    for field in attrs.fields(Charge)
}
_set_booked_on = _SET["booked_on"]
_set_marketplace = _SET["marketplace"]
_set_amount = _SET["amount"]
_set_kind = _SET["kind"]
_set_description = _SET["description"]
_set_source = _SET["source"]
_set_marketplace_name = _SET["marketplace_name"]
_set_order_id = _SET["order_id"]
_set_sku = _SET["sku"]
_set_settlement_id = _SET["settlement_id"]


def trusted_charge(
    booked_on: date,
    marketplace: Marketplace | None,
    amount: Money,
    kind: ChargeKind,
    description: str,
    source: str,
    marketplace_name: str,
    order_id: str | None,
    sku: str | None,
    settlement_id: str | None,
) -> Charge:
    """A :class:`Charge` of values already checked as its validators would.

    For adapters that read charges by the hundred thousand and have
    checked each value (or reuse one a :class:`Charge` already holds):
    every text is non-empty, every value of its type.  Anything else
    goes through :class:`Charge`.
    """
    charge: Charge = _new(Charge)
    _set_booked_on(charge, booked_on)
    _set_marketplace(charge, marketplace)
    _set_amount(charge, amount)
    _set_kind(charge, kind)
    _set_description(charge, description)
    _set_source(charge, source)
    _set_marketplace_name(charge, marketplace_name)
    _set_order_id(charge, order_id)
    _set_sku(charge, sku)
    _set_settlement_id(charge, settlement_id)
    return charge
