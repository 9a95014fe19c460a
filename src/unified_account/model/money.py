"""Exact money: a ``Decimal`` amount with an ISO 4217 currency.

Amounts are never floats.  Each currency's precision (minor units) comes
from Babel's CLDR data; an amount with more decimal places than its
currency allows is refused rather than rounded behind the caller's back.
Rounding is always explicit (:meth:`Money.rounded`, :meth:`Money.times`)
and half-even unless the caller says otherwise.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs
from babel.numbers import get_currency_precision, list_currencies

from ..errors import CurrencyMismatchError, InvalidValueError

if TYPE_CHECKING:
    from typing import Self

__all__ = ["Money", "currency_precision", "exact_product", "to_decimal"]

_KNOWN_CURRENCIES = frozenset(list_currencies())
_PRECISION: Mapping[str, int] = MappingProxyType(
    {code: int(get_currency_precision(code)) for code in _KNOWN_CURRENCIES}
)
_ROUNDINGS = frozenset(
    {
        decimal.ROUND_CEILING,
        decimal.ROUND_DOWN,
        decimal.ROUND_FLOOR,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_HALF_UP,
        decimal.ROUND_UP,
        decimal.ROUND_05UP,
    }
)


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
    return _PRECISION[currency]


def to_decimal(value: object, what: str = "amount") -> Decimal:
    """Read an exact decimal from ``Decimal``, ``int`` or a numeric string.

    Floats, booleans, NaN and infinities are refused: they cannot be
    money.  ``what`` names the value in the error message.

    >>> to_decimal("39.99")
    Decimal('39.99')
    """
    if isinstance(value, Decimal):
        if value.is_finite():
            return value  # already exact: Decimals are immutable
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise InvalidValueError(
                f"`{value}` is not a number", field=what
            ) from None
        if number.is_finite():
            return number
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
    quantum = _QUANTA.get(currency) if type(currency) is str else None
    if quantum is None:
        quantum = Decimal(1).scaleb(-currency_precision(currency))
        _QUANTA[currency] = quantum
    return quantum


# The smallest unit of each currency seen, as a Decimal exponent.
_QUANTA: dict[str, Decimal] = {}


# Every step of money arithmetic runs in this context, never the caller's
# (``decimal.getcontext()`` is per thread and anyone may change it): a
# precision far beyond any amount, so sums and products are exact, and
# every trap that signals a real problem on.
_CONTEXT = decimal.Context(
    prec=60,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def exact_product(first: Decimal, second: Decimal) -> Decimal:
    """``first * second``, exactly, whatever the caller's decimal context."""
    return _CONTEXT.multiply(first, second)


def _quantize(amount: Decimal, currency: str, rounding: str) -> Decimal:
    if rounding not in _ROUNDINGS:
        raise InvalidValueError(
            f"`{rounding}` is not a decimal rounding mode", field="rounding"
        )
    try:
        return amount.quantize(
            _quantum(currency), rounding=rounding, context=_CONTEXT
        )
    except decimal.InvalidOperation:
        raise InvalidValueError(
            f"`{amount}` is too large an amount", field="amount"
        ) from None


def _amount(value: Decimal | int | str) -> Decimal:
    return to_decimal(value)


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

    amount: Decimal = attrs.field(converter=_amount)
    currency: str = attrs.field()

    def __attrs_post_init__(self) -> None:
        exact = _quantize(self.amount, self.currency, ROUND_HALF_EVEN)
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
        exact = _quantize(to_decimal(amount), currency, rounding)
        if cls is Money:
            return cls._exact(exact, currency)
        return cls(exact, currency)

    @classmethod
    def _exact(cls, amount: Decimal, currency: str) -> Self:
        # Arithmetic's constructor: ``amount`` is already exact at the
        # precision of ``currency``, a known currency, so nothing is
        # checked again.
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        object.__setattr__(money, "currency", currency)
        return money

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
        return Money._exact(
            _CONTEXT.add(self.amount, other.amount), self.currency
        )

    def __sub__(self, other: Money) -> Money:
        other = self._same_currency(other, "subtract")
        return Money._exact(
            _CONTEXT.subtract(self.amount, other.amount), self.currency
        )

    def __radd__(self, other: int) -> Money:
        """Let ``sum()`` start from ``0``; other left operands are refused."""
        if (
            isinstance(other, int)
            and not isinstance(other, bool)
            and not other
        ):
            return self
        return self._same_currency(other, "add") + self

    def __neg__(self) -> Money:
        return Money._exact(self.amount.copy_negate(), self.currency)

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
            exact_product(self.amount, to_decimal(factor, "factor")),
            self.currency,
            rounding,
        )

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"
