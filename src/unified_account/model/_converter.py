"""The cattrs converter that reads JSON documents into model values.

It sits with the model, below the policies, so that both the bundled
data (:mod:`unified_account.data`) and the snapshot loader build on it.

JSON keys are the model's attribute names, so a path in the document is
a path through the model.  Every hook is strict: a number where text is
meant, a float where money is meant, or an unknown key is an error, never
a silent conversion.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
import cattrs
import immutables
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn

from .._excerpt import excerpt
from ..errors import InvalidValueError, UnifiedAccountError
from .attributes import AttributeText, AttributeValue
from .marketplace import Marketplace
from .money import Money, parse_amount_text
from .storefront import StorefrontLink

__all__ = ["converter", "expect", "first_problem"]

converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
"""The snapshot converter: internal to the loader, configured once here.

Modules of this package register hooks for their own types at import;
callers never change it (it would change every load in the process).
"""


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
    return parse_amount_text(value, "")


# The grammars of the schema's ``date`` and ``purchased_at``: Python's
# ``fromisoformat`` alone takes more (``20260701``, a lower-case ``t``,
# any separator), and what the loader reads the schema must allow.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+)(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def _date(value: object, _: type) -> date:
    expect(value, str, "a date (YYYY-MM-DD)")
    assert isinstance(value, str)
    if not _DATE.fullmatch(value):
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a date (YYYY-MM-DD)"
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a date (YYYY-MM-DD)"
        ) from None


def _datetime(value: object, _: type) -> datetime:
    what = "a date and time with a time zone (`2026-07-01T12:00:00Z`)"
    expect(value, str, what)
    assert isinstance(value, str)
    match = _DATETIME.fullmatch(value)
    if match is None:
        raise InvalidValueError(f"`{excerpt(value)}` is not {what}")
    if match.group(2) is None:
        raise InvalidValueError(f"`{excerpt(value)}` has no time zone; {what}")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"`{excerpt(value)}` is not {what}") from None


def _marketplace(value: object, _: type) -> Marketplace:
    expect(value, str, "a marketplace country code (`US`, `CA`, `MX`, ...)")
    assert isinstance(value, str)
    if value not in Marketplace.__members__:
        raise InvalidValueError(
            f"unknown marketplace country code `{excerpt(value)}` (the codes "
            "are: " + ", ".join(Marketplace.__members__) + ")"
        )
    return Marketplace[value]


def _money(value: object, _: type) -> Money:
    expect(value, dict, 'money (`{"amount": "1.00", "currency": "USD"}`)')
    assert isinstance(value, dict)
    extra = sorted(set(value) - {"amount", "currency"})
    if extra:
        raise InvalidValueError(
            "unknown field " + ", ".join(f"`{excerpt(k)}`" for k in extra)
        )
    for key in ("amount", "currency"):
        if key not in value:
            raise InvalidValueError("missing required field", field=key)
    amount = parse_amount_text(value["amount"])
    expect(value["currency"], str, "a currency code")
    return Money(amount, value["currency"])


def _enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        # The values are listed only for the message.
        allowed = [str(member.value) for member in kind]
        raise InvalidValueError(
            f"`{excerpt(value)}` is not one of: " + ", ".join(allowed)
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
        except UnifiedAccountError as error:
            problem = getattr(error, "problem", str(error))
            raise InvalidValueError(problem, field=excerpt(key)) from None
    structured = converter.structure(
        value,
        dict[key_type, value_type],  # type: ignore[valid-type]
    )
    return immutables.Map(structured)


def _storefront_link(value: object, _: type) -> StorefrontLink:
    expect(value, str, "a link (`https://www.amazon.com/stores/...`)")
    return StorefrontLink(value)  # type: ignore[arg-type]


def _is_sequence(kind: Any) -> bool:
    return get_origin(kind) in (tuple, frozenset, list)


def _sequence(value: object, kind: Any) -> Any:
    """A JSON array, item by item; a failure names the item's index."""
    expect(value, list, "an array")
    assert isinstance(value, list)
    item_type = get_args(kind)[0]
    items = []
    for index, item in enumerate(value):
        try:
            items.append(converter.structure(item, item_type))
        except Exception as error:
            error.add_note(
                cattrs.IterableValidationNote(
                    f"Structuring item @ index {index}", index, item_type
                )
            )
            raise cattrs.IterableValidationError(
                f"while structuring {kind}", [error], kind
            ) from None
    if get_origin(kind) is frozenset:  # a set: each entry once
        seen: list[Any] = []
        for index, item in enumerate(items):
            if item in seen:
                raise InvalidValueError(
                    f"`{excerpt(value[index])}` appears twice in the set",
                    field=f"[{index}]",
                )
            seen.append(item)
    return get_origin(kind)(items)


def _is_record(kind: Any) -> bool:
    return (
        isinstance(kind, type)
        and attrs.has(kind)
        and kind not in (Money, StorefrontLink)
    )


def _record(kind: Any) -> Callable[[object, Any], Any]:
    """Structure an attrs class from a JSON object, and only an object."""
    base = make_dict_structure_fn(
        kind,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
    )

    def structure(value: object, _: Any) -> Any:
        expect(value, dict, "an object")
        return base(value, kind)  # type: ignore[arg-type]

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
converter.register_structure_hook_func(_is_sequence, _sequence)
converter.register_structure_hook_factory(_is_record, _record)
converter.register_structure_hook(StorefrontLink, _storefront_link)


def _attribute_text(value: object, _: Any) -> AttributeText:
    """A key attribute value: a string, or ``{value, language_tag}``."""
    if isinstance(value, str):
        return converter.structure(value, str)
    expect(value, dict, "a string or an object with `value`")
    return converter.structure(value, AttributeValue)


converter.register_structure_hook_func(
    lambda kind: kind == AttributeText, _attribute_text
)


def _join(path: str, step: str | int) -> str:
    if isinstance(step, int) or step.startswith("["):
        return f"{path}[{step}]" if isinstance(step, int) else path + step
    return f"{path}.{step}" if path else step


def first_problem(error: BaseException, path: str = "") -> tuple[str, str]:
    """The JSON path and message of the first leaf of a cattrs error."""
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, cattrs.AttributeValidationNote):
            path = _join(path, note.name)
        elif isinstance(note, cattrs.IterableValidationNote):
            index = note.index
            path = _join(path, index if isinstance(index, int) else str(index))
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(
            f"`{excerpt(key)}`" for key in sorted(error.extra_fields)
        )
        return path, f"unknown field {keys}"
    if isinstance(error, cattrs.BaseValidationError):
        return first_problem(error.exceptions[0], path)
    if isinstance(error, KeyError):
        return path, "missing required field"
    if isinstance(error, TypeError | AttributeError):  # pragma: no cover
        # (every hook checks the JSON type before cattrs reads a value; this
        # stays for a hook that one day does not)
        return path, "expected an object"
    if isinstance(error, InvalidValueError):
        if error.field:
            path = _join(path, error.field)
        return path, error.problem
    return path, str(error)
