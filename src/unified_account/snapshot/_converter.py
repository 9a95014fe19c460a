"""The cattrs converter that reads snapshot JSON into model values.

JSON keys are the model's attribute names, so a path in the document is
a path through the model.  Every hook is strict: a number where text is
meant, a float where money is meant, or an unknown key is an error, never
a silent conversion.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
import cattrs
import immutables
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn

from ..errors import InvalidValueError
from ..model.marketplace import Marketplace
from ..model.money import Money, to_decimal
from ..model.storefront import StorefrontLink

__all__ = ["converter"]

converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
"""The snapshot converter; extend it with ``register_structure_hook``."""


def _kind(value: object) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a whole number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def expect(value: object, kind: type, what: str) -> None:
    """Raise unless ``value`` is a ``kind`` (``bool`` is never an int)."""
    if isinstance(value, bool) and kind is not bool:
        ok = False
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise InvalidValueError(f"expected {what}, got {_kind(value)}")


def _str(value: object, _: type) -> str:
    expect(value, str, "a string")
    assert isinstance(value, str)
    return value


def _int(value: object, _: type) -> int:
    expect(value, int, "a whole number")
    assert isinstance(value, int)
    return value


def _bool(value: object, _: type) -> bool:
    expect(value, bool, "true or false")
    return bool(value)


def _decimal(value: object, _: type) -> Decimal:
    try:
        return to_decimal(value, "value")
    except InvalidValueError as error:
        raise InvalidValueError(error.problem) from None


def _date(value: object, _: type) -> date:
    expect(value, str, "a date (YYYY-MM-DD)")
    assert isinstance(value, str)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"`{value}` is not a date (YYYY-MM-DD)"
        ) from None


def _datetime(value: object, _: type) -> datetime:
    what = "a date and time with a time zone (`2026-07-01T12:00:00Z`)"
    expect(value, str, what)
    assert isinstance(value, str)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"`{value}` is not {what}") from None
    if parsed.utcoffset() is None:
        raise InvalidValueError(f"`{value}` has no time zone; {what}")
    return parsed


def _marketplace(value: object, _: type) -> Marketplace:
    expect(value, str, "a marketplace country code (`US`, `CA`, `MX`, ...)")
    assert isinstance(value, str)
    if value != value.upper():
        raise InvalidValueError(
            f"`{value}` is not a marketplace country code; use capitals"
        )
    return Marketplace.from_country(value)


def _money(value: object, _: type) -> Money:
    expect(value, dict, 'money (`{"amount": "1.00", "currency": "USD"}`)')
    assert isinstance(value, dict)
    extra = sorted(set(value) - {"amount", "currency"})
    if extra:
        raise InvalidValueError(
            "unknown field " + ", ".join(f"`{k}`" for k in extra)
        )
    for key in ("amount", "currency"):
        if key not in value:
            raise InvalidValueError("missing required field", field=key)
    expect(value["currency"], str, "a currency code")
    return Money(value["amount"], value["currency"])


def _enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    allowed = [str(member.value) for member in kind]
    try:
        return kind(value)
    except ValueError:
        raise InvalidValueError(
            f"`{value}` is not one of: " + ", ".join(allowed)
        ) from None


def _is_map(kind: Any) -> bool:
    return get_origin(kind) is immutables.Map


def _map(value: object, kind: Any) -> immutables.Map[Any, Any]:
    expect(value, dict, "an object")
    assert isinstance(value, dict)
    key_type, value_type = get_args(kind)
    for key in value:  # report a bad key before anything below it
        try:
            converter.structure(key, key_type)
        except InvalidValueError as error:
            raise InvalidValueError(error.problem, field=str(key)) from None
    structured = converter.structure(
        value,
        dict[key_type, value_type],  # type: ignore[valid-type]
    )
    return immutables.Map(structured)


def _storefront_link(value: object, _: type) -> StorefrontLink:
    expect(value, str, "a link (`https://www.amazon.com/stores/...`)")
    return StorefrontLink(value)  # type: ignore[arg-type]


def _is_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is ...


def _tuple_factory(kind: Any) -> Any:
    inner = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        expect(value, list, "an array")
        return tuple(inner(value, kind))

    return structure


def _is_object(kind: Any) -> bool:
    return attrs.has(kind) and kind is not Money


def _object_factory(kind: Any) -> Any:
    inner = make_dict_structure_fn(kind, converter)

    def structure(value: object, _: type) -> Any:
        expect(value, dict, "an object")
        return inner(value, kind)  # type: ignore[arg-type]

    return structure


converter.register_structure_hook(str, _str)
converter.register_structure_hook(int, _int)
converter.register_structure_hook(bool, _bool)
converter.register_structure_hook(Decimal, _decimal)
converter.register_structure_hook(date, _date)
converter.register_structure_hook(datetime, _datetime)
converter.register_structure_hook(Marketplace, _marketplace)
converter.register_structure_hook(Money, _money)
converter.register_structure_hook_func(
    lambda kind: (
        isinstance(kind, type)
        and issubclass(kind, enum.Enum)
        and kind is not Marketplace
    ),
    _enum,
)
converter.register_structure_hook_func(_is_map, _map)
converter.register_structure_hook(StorefrontLink, _storefront_link)
converter.register_structure_hook_factory(_is_tuple, _tuple_factory)
converter.register_structure_hook_factory(_is_object, _object_factory)
