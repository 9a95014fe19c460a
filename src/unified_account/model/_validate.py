"""Cheap, reusable attrs validators that raise the library's own errors.

Each raises :class:`~unified_account.errors.InvalidValueError` with
``field`` set to the attribute's name, so a loader can point at the exact
place in a file.  They stay cheap: :func:`attrs.evolve` re-runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ..limits import text_problem

__all__ = [
    "Validator",
    "calendar_date",
    "check_calendar_date",
    "collection",
    "country_code",
    "instance_of",
    "matches",
    "non_empty_text",
    "non_negative_int",
    "writable_text",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_COUNTRY = re.compile(r"[A-Z]{2}")


def instance_of(*types: type) -> Validator:
    """The value is an instance of one of ``types``."""
    names = " or ".join(t.__name__ for t in types)

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types):
            raise InvalidValueError(
                f"`{excerpt(value, as_repr=True)}` is not an instance of "
                f"{names}",
                field=attribute.name,
            )

    return check


def non_empty_text(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The value is a string with something other than white space.

    It is held to the snapshot's limits
    (:func:`unified_account.limits.text_problem`), so that whatever the
    model holds can be written and read back.
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` must be a non-empty string",
            field=attribute.name,
        )
    problem = text_problem(value)
    if problem is not None:
        raise InvalidValueError(problem, field=attribute.name)


def writable_text(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The value is a string (maybe empty) within the snapshot's limits."""
    if not isinstance(value, str):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not an instance of str",
            field=attribute.name,
        )
    problem = text_problem(value)
    if problem is not None:
        raise InvalidValueError(problem, field=attribute.name)


def matches(pattern: str, hint: str) -> Validator:
    """The value is a string matching ``pattern`` in full."""
    compiled = re.compile(pattern)

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise InvalidValueError(
                f"`{excerpt(value)}` is not {hint}", field=attribute.name
            )

    return check


def country_code(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The value is an upper-case ISO 3166 alpha-2 code (``US``)."""
    if not isinstance(value, str) or not _COUNTRY.fullmatch(value):
        raise InvalidValueError(
            f"`{excerpt(value)}` is not an ISO 3166 country code",
            field=attribute.name,
        )


def non_negative_int(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The value is an ``int`` (not a ``bool``) of at least zero."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a whole number of at "
            "least 0",
            field=attribute.name,
        )


def collection(value: Any, field: str) -> tuple[Any, ...]:
    """The items of ``value``, a collection that is not a string."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection",
            field=field,
        )
    return tuple(value)


def calendar_date(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The value is a ``date`` and not a ``datetime`` (a moment is no day)."""
    check_calendar_date(value, attribute.name)


def check_calendar_date(value: object, field: str) -> date:
    """``value`` if it is a calendar date; else :class:`InvalidValueError`."""
    if type(value) is not date:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a calendar date (a "
            "`datetime.date`)",
            field=field,
        )
    return value
