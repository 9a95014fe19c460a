"""Exact money: a ``Decimal`` amount with an ISO 4217 currency.

Amounts are never floats.  Each currency's precision (minor units) comes
from Babel's CLDR data; an amount with more decimal places than its
currency allows is refused rather than rounded behind the caller's back.
Rounding is always explicit (:meth:`Money.rounded`, :meth:`Money.times`)
and half-even unless the caller says otherwise.
"""

from __future__ import annotations

import decimal
import functools
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

import attrs
from babel.numbers import get_currency_precision, list_currencies

from ..errors import CurrencyMismatchError, InvalidValueError

if TYPE_CHECKING:
    from typing import Self

__all__ = ["Money", "currency_precision", "to_decimal"]

_KNOWN_CURRENCIES = frozenset(list_currencies())


@functools.cache
def currency_precision(currency: str) -> int:
    """The number of decimal places of ``currency`` (USD 2, JPY 0).

    >>> currency_precision("MXN")
    2

    Raises :class:`~unified_account.errors.InvalidValueError` for a code
    that is not an ISO 4217 currency Babel knows.
    """
    if not isinstance(currency, str) or currency not in _KNOWN_CURRENCIES:
        raise InvalidValueError(
            f"unknown currency `{currency}`", field="currency"
        )
    return int(get_currency_precision(currency))


def to_decimal(value: object, what: str = "amount") -> Decimal:
    """Read an exact decimal from ``Decimal``, ``int`` or a numeric string.

    Floats, booleans, NaN and infinities are refused: they cannot be
    money.  ``what`` names the value in the error message.

    >>> to_decimal("39.99")
    Decimal('39.99')
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InvalidValueError(
            f"`{value!r}` is a {type(value).__name__}; give a Decimal, an "
            "int or a numeric string",
            field=what,
        )
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except decimal.InvalidOperation:
        raise InvalidValueError(
            f"`{value}` is not a number", field=what
        ) from None
    if not number.is_finite():
        raise InvalidValueError(
            f"`{value}` is not a finite number", field=what
        )
    return number


def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-currency_precision(currency))


@attrs.frozen(order=False)
class Money:
    """An exact amount in one currency.

    ``amount`` is kept at the currency's precision (``Money("39.9",
    "USD").amount == Decimal("39.90")``).  Arithmetic and comparison work
    within one currency only; mixing currencies raises
    :class:`~unified_account.errors.CurrencyMismatchError`.

    >>> Money("39.99", "USD") + Money("0.01", "USD")
    Money(amount=Decimal('40.00'), currency='USD')
    >>> Money(39.99, "USD")
    Traceback (most recent call last):
    ...
    unified_account.errors.InvalidValueError: amount: `39.99` is a float; \
give a Decimal, an int or a numeric string
    """

    amount: Decimal = attrs.field(converter=to_decimal)
    currency: str = attrs.field()

    def __attrs_post_init__(self) -> None:
        try:
            quantum = _quantum(self.currency)
        except InvalidValueError as error:
            raise InvalidValueError(error.problem, field="currency") from None
        exact = self.amount.quantize(quantum, rounding=ROUND_HALF_EVEN)
        if exact != self.amount:
            places = currency_precision(self.currency)
            raise InvalidValueError(
                f"`{self.amount}` has more decimal places than "
                f"`{self.currency}` allows ({places}); round it explicitly "
                "with Money.rounded",
                field="amount",
            )
        object.__setattr__(self, "amount", exact)

    @classmethod
    def rounded(
        cls,
        amount: Decimal | int | str,
        currency: str,
        rounding: str = ROUND_HALF_EVEN,
    ) -> Self:
        """Round ``amount`` to the currency's precision, half-even by default.

        >>> Money.rounded(Decimal("1.005"), "USD").amount
        Decimal('1.00')
        """
        exact = to_decimal(amount).quantize(
            _quantum(currency), rounding=rounding
        )
        return cls(exact, currency)

    @classmethod
    def zero(cls, currency: str) -> Self:
        """Nothing, in ``currency``."""
        return cls(Decimal(0), currency)

    def _same_currency(self, other: object, operation: str) -> Money:
        if not isinstance(other, Money):
            raise CurrencyMismatchError(
                f"cannot {operation} `{self}` and `{other!r}`: not money"
            )
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {operation} `{self}` and `{other}`: different "
                "currencies; convert one with an explicit rate first"
            )
        return other

    def __add__(self, other: Money) -> Money:
        other = self._same_currency(other, "add")
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        other = self._same_currency(other, "subtract")
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same_currency(other, "compare").amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same_currency(other, "compare").amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same_currency(other, "compare").amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same_currency(other, "compare").amount

    def times(
        self, factor: Decimal | int | str, rounding: str = ROUND_HALF_EVEN
    ) -> Money:
        """Multiply by an exact factor and round to the currency's precision.

        >>> Money("10.00", "CAD").times("0.15")
        Money(amount=Decimal('1.50'), currency='CAD')
        """
        return Money.rounded(
            self.amount * to_decimal(factor, "factor"),
            self.currency,
            rounding,
        )

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"
