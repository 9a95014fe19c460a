"""Key attribute values as sellers write them: text, and maybe a language.

Amazon's listing attributes carry a ``language_tag`` (``en_US``,
``fr_CA``, ``es_MX``) on values written in a language, such as a colour
name, and none on values that are not, such as a model number.  An
:class:`AttributeValue` keeps both, so that ``color: Black (en_US)`` on
Amazon.com and ``color: Noire (fr_CA)`` on Amazon.ca are seen as the
same attribute written in two languages, not as two different values
(:func:`comparable`).
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ..limits import text_problem

__all__ = [
    "AttributeText",
    "AttributeValue",
    "comparable",
    "differ",
    "language_of",
]

_TAG = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?")


def _tag(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (
        not isinstance(value, str) or not _TAG.fullmatch(value)
    ):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` "
            f"is not a language tag (like `en_US`)",
            field=attribute.name,
        )


def _text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` must be a non-empty string",
            field=attribute.name,
        )
    problem = text_problem(value)
    if problem is not None:
        raise InvalidValueError(problem, field=attribute.name)


@attrs.frozen
class AttributeValue:
    """A key attribute value and the language it is written in, if any.

    ``language_tag`` is Amazon's tag (``en_US``, ``fr_CA``, ``es_MX``);
    ``None`` for a value that has no language (a model or part number).

    >>> AttributeValue("Noire", "fr_CA")
    AttributeValue(value='Noire', language_tag='fr_CA')

    .. versionadded:: 0.2.0
    """

    value: str = attrs.field(validator=_text)
    language_tag: str | None = attrs.field(default=None, validator=_tag)


AttributeText: TypeAlias = str | AttributeValue
"""A key attribute value: plain text (no language) or an AttributeValue."""


def language_of(value: AttributeText) -> str | None:
    """The language tag of ``value`` (``None`` for plain text)."""
    return value.language_tag if isinstance(value, AttributeValue) else None


def _text_of(value: AttributeText) -> str:
    return value.value if isinstance(value, AttributeValue) else value


def comparable(first: AttributeText, second: AttributeText) -> bool:
    """Whether two values of one attribute can be compared at all.

    Values written in two different languages cannot: a translation is
    not a difference.  Any other pair can.

    >>> comparable(AttributeValue("Black", "en_US"),
    ...            AttributeValue("Noire", "fr_CA"))
    False
    >>> comparable("HL-100", AttributeValue("HL-100", "en_US"))
    True
    """
    one, two = language_of(first), language_of(second)
    return one is None or two is None or one == two


def differ(first: AttributeText, second: AttributeText) -> bool:
    """Whether two values of one attribute differ (when comparable).

    Texts are compared exactly: ``"Blue"`` and ``"blue"`` differ.
    """
    return comparable(first, second) and _text_of(first) != _text_of(second)
