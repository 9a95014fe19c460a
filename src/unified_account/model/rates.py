"""Currency conversion with rates the caller supplies, and nothing else.

The library holds no exchange rates and never fetches any: a conversion
uses a :class:`ConversionRate` the caller gives, for exactly that pair of
currencies (a rate from CAD to USD is not used backwards for USD to CAD).
Arithmetic is exact ``Decimal``; the result is rounded once, half-even
(banker's rounding), to the target currency's precision.

>>> rates = ConversionRates([ConversionRate("CAD", "USD", "0.7312")])
>>> rates.convert(Money("100.00", "CAD"), "USD")
Money(amount=Decimal('73.12'), currency='USD')
>>> rates.convert(Money("100.00", "MXN"), "USD")
Traceback (most recent call last):
...
unified_account.errors.MissingDataError: no conversion rate from `MXN` to \
`USD`; supply one
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..errors import InvalidValueError, MissingDataError
from ._validate import collection
from .money import Money, currency_precision, exact_product, to_decimal

__all__ = ["ConversionRate", "ConversionRates", "RateText"]


def _currency(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    try:
        currency_precision(value)
    except InvalidValueError as error:
        raise InvalidValueError(error.problem, field=attribute.name) from None


def _positive(value: Decimal | int | str) -> Decimal:
    rate = to_decimal(value, "rate")
    if rate <= 0:
        raise InvalidValueError(
            f"`{excerpt(rate)}` is not above 0", field="rate"
        )
    return rate


@attrs.frozen
class ConversionRate:
    """One unit of ``source`` is worth ``rate`` units of ``target``."""

    source: str = attrs.field(validator=_currency)
    target: str = attrs.field(validator=_currency)
    rate: Decimal = attrs.field(converter=_positive)

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            raise InvalidValueError(
                f"a rate from `{excerpt(self.source)}` to itself is always 1",
                field="target",
            )

    def __str__(self) -> str:
        return f"{self.source}/{self.target} {self.rate}"


class RateText(str):
    """A conversion rate as message text: ``MXN/USD 0.0547``.

    A string like any other (equal to ``str(rate)``, written as such in
    JSON), which rendering writes with the locale's decimal sign:
    ``MXN/USD 0,0547`` in Canadian French.

    >>> text = RateText.of(ConversionRate("MXN", "USD", "0.0547"))
    >>> text, text.parts
    ('MXN/USD 0.0547', ('MXN/USD', Decimal('0.0547')))

    .. versionadded:: 0.3.0
    """

    __slots__ = ()

    def __new__(cls, text: str) -> RateText:
        """``text`` as a rate, checked: a currency pair, a space, a number."""
        pair, _, value = str(text).rpartition(" ")
        try:
            number = Decimal(value)
        except ArithmeticError:
            number = None
        if "/" not in pair or number is None or not number.is_finite():
            raise InvalidValueError(
                f"`{excerpt(text)}` is not a rate such as `MXN/USD 0.0547`",
                field="rate",
            )
        return super().__new__(cls, text)

    @classmethod
    def of(cls, rate: ConversionRate) -> RateText:
        """The text of ``rate``."""
        return cls(str(rate))

    @property
    def parts(self) -> tuple[str, Decimal]:
        """The currency pair and the rate."""
        pair, _, value = self.rpartition(" ")
        return pair, Decimal(value)


def _rates(value: Iterable[ConversionRate]) -> tuple[ConversionRate, ...]:
    rates = collection(value, "rates")
    seen: set[tuple[str, str]] = set()
    for index, rate in enumerate(rates):
        if not isinstance(rate, ConversionRate):
            raise InvalidValueError(
                f"`{excerpt(rate, as_repr=True)}` is not a ConversionRate",
                field=f"rates[{index}]",
            )
        pair = (rate.source, rate.target)
        if pair in seen:
            raise InvalidValueError(
                f"two rates from `{excerpt(rate.source)}` to "
                f"`{excerpt(rate.target)}`",
                field=f"rates[{index}]",
            )
        seen.add(pair)
    return rates


@checked_methods
@attrs.frozen
class ConversionRates:
    """The rates a caller supplies, at most one per ordered currency pair."""

    rates: tuple[ConversionRate, ...] = attrs.field(
        default=(), converter=_rates
    )

    def rate(self, source: str, target: str) -> Decimal:
        """The rate from ``source`` to ``target`` (1 for the same currency).

        Raises :class:`~unified_account.errors.MissingDataError` when the
        caller supplied no rate for the pair.
        """
        if source == target:
            return Decimal(1)
        for rate in self.rates:
            if rate.source == source and rate.target == target:
                return rate.rate
        raise MissingDataError(
            f"no conversion rate from `{excerpt(source)}` to "
            f"`{excerpt(target)}`; supply one"
        )

    def convert(self, money: Money, target: str) -> Money:
        """``money`` in ``target``, rounded half-even to its precision."""
        currency_precision(target)
        factor = self.rate(money.currency, target)
        return Money.rounded(exact_product(money.amount, factor), target)

    def used(self, source: str, target: str) -> ConversionRate | None:
        """The rate value used for a pair (``None`` for the same currency)."""
        if source == target:
            return None
        self.rate(source, target)
        return next(
            r for r in self.rates if (r.source, r.target) == (source, target)
        )
