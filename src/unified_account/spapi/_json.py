"""Reading JSON values strictly, naming the JSON path of each problem.

Every adapter reads its payload through these helpers, so a wrong value
anywhere becomes one :class:`~unified_account.errors.PayloadError` naming
its path (``payload[2].marketplace.id``), and no other exception escapes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeGuard, TypeVar

from .._excerpt import excerpt
from ..errors import InvalidValueError, PayloadError
from ..limits import (
    AMOUNT_FRACTION_DIGITS,
    AMOUNT_INTEGER_DIGITS,
    MAX_WHOLE_DIGITS,
    amount_problem,
    text_problem,
    whole_problem,
)
from ..model.money import Money

MAX_FLOAT_DIGITS = 15
"""The most significant digits of a float read as an exact amount.

A float parsed from JSON text of at most 15 significant digits has that
text as its shortest ``repr``: the float holds exactly the number
written.  Past that, two texts may give one float, and it is refused.
"""

T = TypeVar("T")

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)


def join(path: str, step: str | int) -> str:
    """``path`` extended by a key or an index.

    A key comes from the payload: it is quoted as a short, printable
    excerpt, so a path stays one short line whatever the keys hold.
    """
    if isinstance(step, int):
        return f"{path}[{step}]"
    key = _key(step)
    return f"{path}.{key}" if path else key


@functools.lru_cache(maxsize=256)
def _key(step: str) -> str:
    # The keys a reader names are few and the same on every payload: a
    # notification's path is built before anything can go wrong.
    return excerpt(step)


def kind(value: object) -> str:
    """How a JSON value is named in an error (``an array``)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bytes | bytearray):
        return "bytes"
    if isinstance(value, int | Decimal):
        return "a number"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, Sequence):
        return "an array"
    if value is None:
        return "null"
    return type(value).__name__


def fail(path: str, problem: str) -> PayloadError:
    """The error for ``problem`` at ``path``."""
    return PayloadError(path, problem)


def obj(value: object, path: str) -> Mapping[str, Any]:
    """``value`` as a JSON object."""
    if not isinstance(value, Mapping):
        raise fail(path, f"expected an object, got {kind(value)}")
    return value


def array(value: object, path: str) -> Sequence[Any]:
    """``value`` as a JSON array."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(
        value, Sequence
    ):
        raise fail(path, f"expected an array, got {kind(value)}")
    return value


def get(value: Mapping[str, Any], key: str, path: str) -> Any:
    """``value[key]``, or ``None`` when absent (JSON ``null`` too)."""
    return value.get(key)


def need(value: Mapping[str, Any], key: str, path: str) -> Any:
    """``value[key]``; absent or ``null`` is an error."""
    item = value.get(key)
    if item is None:
        raise fail(join(path, key), "missing required field")
    return item


def text(value: object, path: str) -> str:
    """A non-empty string a snapshot can hold.

    At most :data:`~unified_account.limits.MAX_TEXT_CHARACTERS`
    characters and writable as UTF-8 (no lone surrogate), as the loader
    requires: whatever an adapter reads can be saved, loaded and reported.
    """
    if not isinstance(value, str) or not value.strip():
        raise fail(path, f"expected a non-empty string, got {kind(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise fail(path, problem)
    return value


def is_text(value: object) -> TypeGuard[str]:
    """Whether :func:`text` takes ``value`` as it is: no path is needed."""
    return (
        type(value) is str
        and bool(value.strip())
        and text_problem(value) is None
    )


def is_quantity(value: object) -> TypeGuard[int]:
    """Whether :func:`whole` takes ``value`` as it is: no path is needed."""
    return type(value) is int and 0 <= value < _WHOLE_LIMIT


_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS


def whole(value: object, path: str) -> int:
    """A whole number of at least 0 (a boolean is not a number).

    At most :data:`~unified_account.limits.MAX_WHOLE_DIGITS`
    digits, as in a snapshot: a larger one (``1e999999`` read as a
    ``Decimal``) is refused before it is converted, which would take
    minutes.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise fail(
            path, f"expected a whole number of at least 0, got {kind(value)}"
        )
    if (
        isinstance(value, Decimal)
        and (not value.is_finite() or value != value.to_integral_value())
    ) or value < 0:
        raise fail(
            path,
            f"expected a whole number of at least 0, got `{excerpt(value)}`",
        )
    problem = whole_problem(value) if isinstance(value, int) else None
    if isinstance(value, Decimal) and value.adjusted() >= MAX_WHOLE_DIGITS:
        problem = f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits"
    if problem is not None:
        raise fail(path, problem)
    return int(value)


def boolean(value: object, path: str) -> bool:
    """``true`` or ``false``."""
    if not isinstance(value, bool):
        raise fail(path, f"expected true or false, got {kind(value)}")
    return value


def decimal_text(value: object, path: str) -> Decimal:
    """An amount written as a plain decimal string (``"100.00"``).

    Digits with an optional leading ``-`` and an optional point followed
    by digits; no exponent, sign ``+``, spaces, separators or non-ASCII
    digits.  A JSON number is refused: SP-API writes these as strings.
    At most 15 digits before the point and 12 after it, as in a snapshot
    (:func:`~unified_account.limits.amount_problem`).
    """
    if not isinstance(value, str):
        raise fail(
            path, f'expected a decimal string (`"9.99"`), got {kind(value)}'
        )
    if not _DECIMAL.fullmatch(value):
        raise fail(path, f"`{excerpt(value)}` is not a plain decimal number")
    return _amount(Decimal(value), path)


def _amount(amount: Decimal, path: str) -> Decimal:
    problem = amount_problem(amount)
    if problem is not None:
        raise fail(path, problem)
    return amount


def _float(value: float, path: str) -> Decimal:
    """The decimal a float from JSON text holds, if that is certain."""
    shortest = Decimal(repr(value))
    if not shortest.is_finite():
        raise fail(path, f"`{excerpt(value)}` is not a finite number")
    if len(shortest.as_tuple().digits) > MAX_FLOAT_DIGITS:
        raise fail(
            path,
            f"`{excerpt(value, as_repr=True)}` is a float of more than "
            f"{MAX_FLOAT_DIGITS} significant digits, which may not be the "
            "number written; parse the JSON with "
            "`parse_float=decimal.Decimal`",
        )
    return shortest


def json_number(value: object, path: str) -> Decimal:
    """An amount written as a JSON number, exactly (Product Fees only).

    Best parsed with ``json.loads(text, parse_float=Decimal)``, so the
    number arrives as the ``Decimal`` of its text; an ``int`` is accepted
    too.  A ``float`` (as a client that parses JSON plainly gives it) is
    accepted when its shortest ``repr`` has at most
    :data:`MAX_FLOAT_DIGITS` significant digits: that ``repr`` is then
    the text the JSON held.  Another float is refused with the reason.
    At most 15 digits before the point and 12 after it, as in a snapshot.
    """
    if isinstance(value, float):
        return _amount(_float(value, path), path)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise fail(path, f"expected a JSON number, got {kind(value)}")
    amount = Decimal(value) if isinstance(value, int) else value
    return _amount(amount, path)


def money(
    value: object,
    path: str,
    amount_key: str,
    currency_key: str,
    read: Callable[[object, str], Decimal] = decimal_text,
) -> Money:
    """Money from ``{currency_key: "USD", amount_key: ...}``."""
    fields = obj(value, path)
    amount = read(need(fields, amount_key, path), join(path, amount_key))
    currency = text(need(fields, currency_key, path), join(path, currency_key))
    return at(join(path, currency_key), Money, amount, currency)


def plain_money(
    value: object, amount_key: str, currency_key: str
) -> Money | None:
    """What :func:`money` reads from ``value``, if every check passes.

    ``None`` for anything doubtful: :func:`money` then reads it again and
    names the problem's path (built only then).
    """
    if type(value) is not dict:
        return None
    amount = value.get(amount_key)
    currency = value.get(currency_key)
    if (
        type(amount) is not str
        or not _DECIMAL.fullmatch(amount)
        or not is_text(currency)
    ):
        return None
    number = Decimal(amount)
    # The text is plain: its digits after the point are its exponent.
    point = amount.find(".")
    if (
        point >= 0 and len(amount) - point - 1 > AMOUNT_FRACTION_DIGITS
    ) or abs(number) >= _AMOUNT_LIMIT:
        return None
    try:
        return Money(number, currency)
    except InvalidValueError:
        return None


_AMOUNT_LIMIT = Decimal(10) ** AMOUNT_INTEGER_DIGITS


def timestamp(value: object, path: str) -> datetime:
    """An ISO 8601 date and time with a time zone."""
    raw = text(value, path)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise fail(
            path, f"`{excerpt(raw)}` is not an ISO 8601 date and time"
        ) from None
    if parsed.utcoffset() is None:
        raise fail(path, f"`{excerpt(raw)}` has no time zone")
    return parsed


def at(path: str, build: Callable[..., T], *args: Any, **kw: Any) -> T:
    """``build(...)``, its :class:`InvalidValueError` re-raised at ``path``.

    ``build`` is a model constructor or converter (``Money``, ``to_sku``,
    ``Order``, ...): a value it refuses raises an
    :class:`InvalidValueError`, which becomes a payload error naming the
    JSON path.
    """
    try:
        return build(*args, **kw)
    except InvalidValueError as error:
        raise fail(path, error.problem) from None
