"""Exact money: a ``Decimal`` amount with an ISO 4217 currency.

Amounts are never floats.  Each currency's precision (minor units) comes
from Babel's CLDR data; an amount with more decimal places than its
currency allows is refused rather than rounded behind the caller's back.
Rounding is always explicit (:meth:`Money.rounded`, :meth:`Money.times`)
and half-even unless the caller says otherwise.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..errors import CurrencyMismatchError, InvalidValueError
from ..limits import AMOUNT_FRACTION_DIGITS, AMOUNT_INTEGER_DIGITS
from ._currencies import CURRENCIES, PRECISION

if TYPE_CHECKING:
    from typing import Self

__all__ = [
    "AMOUNT_TEXT_FRACTION_DIGITS",
    "AMOUNT_TEXT_INTEGER_DIGITS",
    "MAX_DIGITS",
    "Money",
    "currency_precision",
    "exact_product",
    "local_context",
    "parse_amount_text",
    "to_decimal",
]

MAX_DIGITS = 40
"""The most digits a number may have before, and after, its point.

Every product of two such numbers is exact in the library's own decimal
context (precision 200), so no arithmetic on accepted values can round
behind the caller's back or overflow."""

AMOUNT_TEXT_INTEGER_DIGITS = AMOUNT_INTEGER_DIGITS
"""The most digits before the point of a decimal written as text in a
snapshot or an SP-API payload (without leading zeros): a quadrillion
(:data:`unified_account.limits.AMOUNT_INTEGER_DIGITS`)."""

AMOUNT_TEXT_FRACTION_DIGITS = AMOUNT_FRACTION_DIGITS
"""The most digits after the point of a decimal written as text
(:data:`unified_account.limits.AMOUNT_FRACTION_DIGITS`)."""

_KNOWN_CURRENCIES = CURRENCIES
_PRECISION: Mapping[str, int] = PRECISION
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
            f"unknown currency `{excerpt(currency)}`", field="currency"
        )
    return _PRECISION[currency]


def to_decimal(value: object, what: str = "amount") -> Decimal:
    """Read an exact decimal from ``Decimal``, ``int`` or a numeric string.

    Floats, booleans, NaN and infinities are refused: they cannot be
    money.  ``what`` names the value in the error message.

    >>> to_decimal("39.99")
    Decimal('39.99')
    """
    if type(value) is str and len(value) <= MAX_DIGITS:
        # The common case, quickly: a short numeral has at most
        # MAX_DIGITS digits, so within these bounds it is within limits.
        try:
            number = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise InvalidValueError(
                f"`{excerpt(value)}` is not a number", field=what
            ) from None
        if number.is_finite() and -1 <= number.adjusted() < MAX_DIGITS:
            return number
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is a {type(value).__name__}; "
            "give a Decimal, an "
            "int or a numeric string",
            field=what,
        )
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except decimal.InvalidOperation:
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a number", field=what
        ) from None
    if not number.is_finite():
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a finite number", field=what
        )
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number's is
    if number.adjusted() >= MAX_DIGITS or exponent < -MAX_DIGITS:
        raise InvalidValueError(
            f"`{excerpt(value)}` has more than {MAX_DIGITS} digits before "
            "or after the point",
            field=what,
        )
    return number


_AMOUNT_TEXT = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")


def parse_amount_text(value: object, what: str = "amount") -> Decimal:
    """A decimal written as text: ASCII digits, an optional point.

    The one grammar of amounts and rates in snapshots and SP-API
    payloads: an optional ``-``, digits, and optionally a point and
    digits (``"19.99"``, ``"-0.5"``, ``"7"``).  A JSON number, an
    exponent, ``+``, white space, ``_`` and non-ASCII digits are
    refused, and so is a number with more than
    :data:`AMOUNT_TEXT_INTEGER_DIGITS` digits before the point or
    :data:`AMOUNT_TEXT_FRACTION_DIGITS` after it.

    >>> parse_amount_text("19.99")
    Decimal('19.99')
    >>> parse_amount_text("1e2")
    Traceback (most recent call last):
    ...
    unified_account.errors.InvalidValueError: amount: `1e2` is not a \
decimal number (digits, an optional point)
    """
    if isinstance(value, float):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is a float; write it as a "
            f'string (`"{excerpt(value, as_repr=True)}"`)',
            field=what,
        )
    if not isinstance(value, str):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a decimal number "
            'as a string (`"0.15"`)',
            field=what,
        )
    match = _AMOUNT_TEXT.fullmatch(value)
    if match is None:
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a decimal number (digits, an "
            "optional point)",
            field=what,
        )
    whole, fraction = match.group(2).lstrip("0"), match.group(3) or ""
    if (
        len(whole) > AMOUNT_TEXT_INTEGER_DIGITS
        or len(fraction) > AMOUNT_TEXT_FRACTION_DIGITS
    ):
        raise InvalidValueError(
            f"`{excerpt(value)}` has more than {AMOUNT_TEXT_INTEGER_DIGITS} "
            f"digits before the point or {AMOUNT_TEXT_FRACTION_DIGITS} "
            "after it",
            field=what,
        )
    return Decimal(value)


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
    prec=200,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def local_context() -> AbstractContextManager[decimal.Context]:
    """The library's decimal context, for code that calls out (Babel)."""
    return decimal.localcontext(_CONTEXT)


def exact_product(first: Decimal, second: Decimal) -> Decimal:
    """``first * second``, exactly, whatever the caller's decimal context."""
    return _CONTEXT.multiply(first, second)


def _quantize(amount: Decimal, currency: str, rounding: str) -> Decimal:
    if rounding not in _ROUNDINGS:
        raise InvalidValueError(
            f"`{excerpt(rounding)}` is not a decimal rounding mode",
            field="rounding",
        )
    # Exact: amounts have at most MAX_DIGITS digits, the precision is 200.
    # Positional: a keyword argument costs ``quantize`` more than it does.
    return amount.quantize(_quantum(currency), rounding, _CONTEXT)


def _unsigned(amount: Decimal) -> Decimal:
    # ``-0`` equals zero and is kept as zero: a product, a rounding or a
    # negation that gives zero must not give ``-0.00`` (shown ``-$0.00``).
    # Sums need no such care: exact sums of unsigned zeros are unsigned.
    return amount if amount else amount.copy_abs()


def _amount(value: Decimal | int | str) -> Decimal:
    return to_decimal(value)


@checked_methods
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
                f"`{excerpt(self.amount)}` has more decimal places than "
                f"`{excerpt(self.currency)}` allows ({places}); round it "
                "explicitly "
                "with Money.rounded",
                field="amount",
            )
        # ``-0`` equals zero: it is kept (and shown) as zero.
        object.__setattr__(
            self, "amount", exact if exact else exact.copy_abs()
        )

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
            return cls._exact(_unsigned(exact), currency)
        return cls(exact, currency)

    @classmethod
    def _exact(cls, amount: Decimal, currency: str) -> Self:
        # Arithmetic's constructor: ``amount`` is already exact at the
        # precision of ``currency``, a known currency, so nothing is
        # checked again.
        money = _new(cls)
        _set_amount(money, amount)
        _set_currency(money, currency)
        return money

    @classmethod
    def zero(cls, currency: str) -> Self:
        """Nothing, in ``currency``."""
        return cls(Decimal(0), currency)

    def _same_currency(self, other: object, operation: str) -> Money:
        if not isinstance(other, Money):
            raise CurrencyMismatchError(
                f"cannot {operation} `{excerpt(self)}` and "
                f"`{excerpt(other, as_repr=True)}`: not money"
            )
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {operation} `{excerpt(self)}` and "
                f"`{excerpt(other)}`: different "
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
        return Money._exact(
            _unsigned(self.amount.copy_negate()), self.currency
        )

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

    def _times(self, factor: Decimal) -> Money:
        # ``times`` for a factor the library has already read (a fee
        # schedule's rate): rounded half-even, nothing read again.
        currency = self.currency
        amount = _CONTEXT.multiply(self.amount, factor).quantize(
            _QUANTA.get(currency) or _quantum(currency), None, _CONTEXT
        )
        money = _new(Money)
        _set_amount(money, amount if amount else amount.copy_abs())
        _set_currency(money, currency)
        return money

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"


# The slots' own setters, for ``Money._exact``: the fastest way to fill a
# frozen instance (what ``object.__setattr__`` ends up calling).
_new = object.__new__
_set_amount = Money.__dict__["amount"].__set__
_set_currency = Money.__dict__["currency"].__set__
