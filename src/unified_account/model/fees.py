"""Fees: the dated Professional subscription schedule, per-item fees, sales.

Fee amounts are data, not constants: a :class:`SubscriptionFeeSchedule`
is a list of dated entries (the library ships one, see
:func:`unified_account.data.bundled_subscription_fees`; a caller may pass
its own), and per-item fees are whatever schedule the caller supplies
for each marketplace (:class:`PerItemFee`).  Every amount is in its
marketplace's currency.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..errors import InvalidValueError, MissingDataError
from ._validate import (
    calendar_date,
    check_calendar_date,
    collection,
    instance_of,
    non_empty_text,
)
from .marketplace import Marketplace
from .money import Money, to_decimal

__all__ = [
    "FeeSource",
    "PerItemFee",
    "RecordedCharge",
    "Sale",
    "SubscriptionFee",
    "SubscriptionFeeSchedule",
    "SubscriptionPlanChange",
    "TaxTreatment",
]


class TaxTreatment(enum.Enum):
    """Whether a fee amount includes tax, as far as its source says."""

    EXCLUSIVE = "exclusive"
    """Tax, if any, is charged on top of the amount."""
    INCLUSIVE = "inclusive"
    """The amount includes tax."""
    UNCONFIRMED = "unconfirmed"
    """The source does not settle it."""


class FeeSource(enum.Enum):
    """The kind of source a fee comes from, as a user reads it.

    Messages name the source by this kind, translated from the catalogs;
    the free text of :attr:`SubscriptionFee.source` documents the data
    and is never shown in a message.

    .. versionadded:: 0.2.0
    """

    FEE_SCHEDULE = "fee-schedule"
    """Amazon's Selling on Amazon fee schedule of the marketplace."""
    ANNOUNCEMENT = "announcement"
    """An announcement by Amazon."""
    PRESS = "press"
    """Press reports, not Amazon's own page."""
    OTHER = "other"
    """The caller's own fee data."""


def _in_marketplace_currency(
    marketplace: Marketplace, money: Money | None, field: str
) -> None:
    if money is not None and money.currency != marketplace.currency:
        raise InvalidValueError(
            f"`{excerpt(money)}` is not in `{excerpt(marketplace.currency)}`, "
            "the currency of "
            f"{marketplace.display_name}",
            field=field,
        )


@checked_methods
@attrs.frozen(kw_only=True)
class SubscriptionFee:
    """One entry of a subscription fee schedule.

    The monthly Professional subscription of ``marketplace`` is
    ``amount`` (in the marketplace's currency) from ``effective`` until
    the next entry for the same marketplace.  ``effective`` is ``None``
    when the source does not say when the amount started: the entry then
    applies to every date before the next one, and says so
    (:attr:`start_known`).  ``attested`` is a date on which the source
    shows the amount in effect, if it gives one.  ``source`` says where
    the amount comes from (documentation, never shown in a message);
    ``source_kind`` is the kind of that source messages name, from the
    catalogs; ``confirmed`` is ``False`` when the amount has not been
    checked against that source; ``tax`` says whether it includes tax.

    .. versionchanged:: 0.2.0
       ``effective`` may be ``None``; ``attested`` and ``source_kind``
       are new.
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    amount: Money = attrs.field(validator=instance_of(Money))
    effective: date | None = attrs.field(
        validator=attrs.validators.optional(calendar_date)
    )
    source: str = attrs.field(validator=non_empty_text)
    confirmed: bool = attrs.field(validator=instance_of(bool))
    tax: TaxTreatment = attrs.field(
        default=TaxTreatment.UNCONFIRMED, validator=instance_of(TaxTreatment)
    )
    attested: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(calendar_date)
    )
    source_kind: FeeSource = attrs.field(
        default=FeeSource.OTHER, validator=instance_of(FeeSource)
    )

    def __attrs_post_init__(self) -> None:
        _in_marketplace_currency(self.marketplace, self.amount, "amount")
        if self.amount.amount < 0:
            raise InvalidValueError(
                f"`{excerpt(self.amount)}` is negative", field="amount"
            )
        if (
            self.effective is not None
            and self.attested is not None
            and self.attested < self.effective
        ):
            raise InvalidValueError(
                f"`{self.attested}` is before the amount takes effect, "
                f"`{self.effective}`",
                field="attested",
            )

    @property
    def start_known(self) -> bool:
        """Whether the source says when the amount took effect."""
        return self.effective is not None

    def known_on(self, day: date) -> bool:
        """Whether the data show the amount in effect on ``day``.

        True from ``effective``, or from ``attested`` when the start is
        not known; before those dates the amount is only the earliest
        one known.
        """
        since = self.effective if self.effective is not None else self.attested
        return since is not None and since <= day


def _non_negative(
    _: object, attribute: attrs.Attribute[Any], value: Money
) -> None:
    if value.amount < 0:
        raise InvalidValueError(
            f"`{excerpt(value)}` is negative", field=attribute.name
        )


def _months(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a whole number of "
            "months",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class SubscriptionPlanChange:
    """A reported change of a marketplace's Professional plan.

    From ``reported`` on, ``marketplace``'s subscription is not one
    known amount: new sellers pay nothing for ``free_months`` months,
    then ``amount`` a month while their monthly sales stay below
    ``below_sales``; what others pay is not stated.  ``source``
    documents where it comes from (never shown in a message),
    ``source_kind`` is the kind messages name, and ``confirmed`` is
    ``False`` while Amazon's own fee page does not show it.

    .. versionadded:: 0.2.0
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    reported: date = attrs.field(validator=calendar_date)
    free_months: int = attrs.field(validator=_months)
    amount: Money = attrs.field(validator=[instance_of(Money), _non_negative])
    below_sales: Money = attrs.field(
        validator=[instance_of(Money), _non_negative]
    )
    source: str = attrs.field(validator=non_empty_text)
    source_kind: FeeSource = attrs.field(
        default=FeeSource.OTHER, validator=instance_of(FeeSource)
    )
    confirmed: bool = attrs.field(validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        _in_marketplace_currency(self.marketplace, self.amount, "amount")
        _in_marketplace_currency(
            self.marketplace, self.below_sales, "below_sales"
        )


def _changes(
    value: Iterable[SubscriptionPlanChange],
) -> tuple[SubscriptionPlanChange, ...]:
    changes = collection(value, "changes")
    for index, change in enumerate(changes):
        if not isinstance(change, SubscriptionPlanChange):
            raise InvalidValueError(
                f"`{excerpt(change, as_repr=True)}` is not a "
                "SubscriptionPlanChange",
                field=f"changes[{index}]",
            )
    return tuple(
        sorted(
            changes,
            key=lambda c: (list(Marketplace).index(c.marketplace), c.reported),
        )
    )


def _fees(value: Iterable[SubscriptionFee]) -> tuple[SubscriptionFee, ...]:
    entries = collection(value, "entries")
    for index, entry in enumerate(entries):
        if not isinstance(entry, SubscriptionFee):
            raise InvalidValueError(
                f"`{excerpt(entry, as_repr=True)}` is not a SubscriptionFee",
                field=f"entries[{index}]",
            )
    return tuple(sorted(entries, key=_entry_order))


def _entry_order(entry: SubscriptionFee) -> tuple[int, bool, date]:
    # An entry whose start is unknown comes first: it is the earliest.
    return (
        list(Marketplace).index(entry.marketplace),
        entry.effective is not None,
        entry.effective or date.min,
    )


@checked_methods
@attrs.frozen
class SubscriptionFeeSchedule:
    """A dated schedule of monthly Professional subscription fees.

    ``entries`` are kept sorted by marketplace and date, an entry whose
    start is unknown first; two entries for the same marketplace and date
    (or two whose start is unknown) are refused.  ``changes`` are
    reported plan changes (:class:`SubscriptionPlanChange`), sorted by
    marketplace and date: from a change on, the marketplace's amount is
    not one known figure (:meth:`change_on`).

    >>> us = SubscriptionFee(
    ...     marketplace=Marketplace.US, amount=Money("39.99", "USD"),
    ...     effective=date(2021, 8, 1), source="fee schedule",
    ...     confirmed=True)
    >>> SubscriptionFeeSchedule([us]).fee_on(Marketplace.US,
    ...                                      date(2026, 7, 1)).amount
    Money(amount=Decimal('39.99'), currency='USD')
    """

    entries: tuple[SubscriptionFee, ...] = attrs.field(converter=_fees)
    changes: tuple[SubscriptionPlanChange, ...] = attrs.field(
        default=(), converter=_changes, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[Marketplace, date | None]] = set()
        for entry in self.entries:
            key = (entry.marketplace, entry.effective)
            if key in seen:
                raise InvalidValueError(
                    f"two `{entry.marketplace.name}` entries take effect on "
                    f"`{excerpt(entry.effective)}`",
                    field="entries",
                )
            seen.add(key)

    @property
    def marketplaces(self) -> frozenset[Marketplace]:
        """The marketplaces the schedule has entries for."""
        return frozenset(entry.marketplace for entry in self.entries)

    def fee_on(self, marketplace: Marketplace, day: date) -> SubscriptionFee:
        """The entry for ``marketplace`` in effect on ``day``.

        An entry whose start is unknown applies to every day before the
        next entry (it is the earliest amount known; the entry says its
        start is unknown).  Raises
        :class:`~unified_account.errors.MissingDataError` when the
        schedule has no entry for the marketplace, or none on or before
        ``day``: an earlier date is never guessed.
        """
        check_calendar_date(day, "day")
        dated = [e for e in self.entries if e.marketplace is marketplace]
        if not dated:
            raise MissingDataError(
                "the subscription fee schedule has no entry for "
                f"`{marketplace.name}`"
            )
        in_effect = [
            e for e in dated if e.effective is None or e.effective <= day
        ]
        if not in_effect:
            raise MissingDataError(
                f"no `{marketplace.name}` subscription fee is known for "
                f"`{excerpt(day)}`: the schedule starts on "
                f"`{dated[0].effective}`"
            )
        return in_effect[-1]

    def change_on(
        self, marketplace: Marketplace, day: date
    ) -> SubscriptionPlanChange | None:
        """The latest plan change of ``marketplace`` reported by ``day``.

        ``None`` when none was reported on or before ``day``.
        """
        check_calendar_date(day, "day")
        found = [
            c
            for c in self.changes
            if c.marketplace is marketplace and c.reported <= day
        ]
        return found[-1] if found else None


def _rate(value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    rate = to_decimal(value, "rate")
    if not Decimal(0) <= rate <= Decimal(1):
        raise InvalidValueError(
            f"`{excerpt(rate)}` is not a rate between 0 and 1", field="rate"
        )
    return rate


def _optional_money(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None and not isinstance(value, Money):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not Money",
            field=attribute.name,
        )
    if value is not None and value.amount < 0:
        raise InvalidValueError(
            f"`{excerpt(value)}` is negative", field=attribute.name
        )


@checked_methods
@attrs.frozen(kw_only=True)
class PerItemFee:
    """A per-item fee schedule for one marketplace, supplied by the caller.

    The fee on an item is ``rate`` times its price (rounded half-even to
    the currency's precision) plus ``fixed``, and at least ``minimum``.
    ``rate`` is a fraction (``0.15`` for 15%); give a rate, a fixed
    amount or both.  Every amount is in the marketplace's currency.

    >>> fee = PerItemFee(marketplace=Marketplace.CA, rate="0.15",
    ...                  minimum=Money("0.30", "CAD"))
    >>> fee.fee_for(Money("1.00", "CAD"))
    Money(amount=Decimal('0.30'), currency='CAD')
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    rate: Decimal | None = attrs.field(default=None, converter=_rate)
    fixed: Money | None = attrs.field(default=None, validator=_optional_money)
    minimum: Money | None = attrs.field(
        default=None, validator=_optional_money
    )

    def __attrs_post_init__(self) -> None:
        if self.rate is None and self.fixed is None:
            raise InvalidValueError(
                "give a rate, a fixed amount or both", field="rate"
            )
        _in_marketplace_currency(self.marketplace, self.fixed, "fixed")
        _in_marketplace_currency(self.marketplace, self.minimum, "minimum")

    def fee_for(self, price: Money) -> Money:
        """The fee on one item sold at ``price`` (in this marketplace)."""
        _in_marketplace_currency(self.marketplace, price, "price")
        return self._fee_on(price)

    def _fee_on(self, price: Money) -> Money:
        # ``fee_for`` once ``price`` is known to be in this marketplace's
        # currency (a sale's price, checked when the sale was built).
        # The fixed amount and the minimum are in that currency too
        # (checked when the schedule was built): amounts compare as is.
        rate, minimum = self.rate, self.minimum
        if rate is not None:
            fee = price._times(rate)  # a rate read when built
        else:
            fee = Money.zero(price.currency)
        if self.fixed is not None:
            fee = fee + self.fixed
        if minimum is not None and fee.amount < minimum.amount:
            fee = minimum
        return fee


@attrs.frozen(kw_only=True)
class Sale:
    """One item sold: where it sold and its price there.

    ``price`` is in the currency of ``marketplace``; any other currency
    is refused.  ``reference`` is the caller's name for the sale (an
    order item id, a SKU), used in reports.
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    price: Money = attrs.field(validator=instance_of(Money))
    reference: str = attrs.field(default="sale", validator=non_empty_text)

    def __attrs_post_init__(self) -> None:
        _in_marketplace_currency(self.marketplace, self.price, "price")
        if self.price.amount < 0:
            raise InvalidValueError(
                f"`{excerpt(self.price)}` is negative", field="price"
            )


@attrs.frozen(kw_only=True)
class RecordedCharge:
    """A subscription charge as the seller's finance data records it.

    ``marketplace`` charged ``amount`` (in its own currency) on
    ``charged_on``; ``reference`` is the caller's name for it (a
    transaction id).  For Amazon.com and Amazon.ca the amount is the fee
    without tax; for Amazon.com.mx and Amazon.com.br it is the amount
    charged, tax included, as the split subscription's cap counts it.

    .. versionadded:: 0.2.0
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    charged_on: date = attrs.field(validator=calendar_date)
    amount: Money = attrs.field(validator=instance_of(Money))
    reference: str = attrs.field(default="charge", validator=non_empty_text)

    def __attrs_post_init__(self) -> None:
        _in_marketplace_currency(self.marketplace, self.amount, "amount")
        if self.amount.amount < 0:
            raise InvalidValueError(
                f"`{self.amount}` is negative", field="amount"
            )
