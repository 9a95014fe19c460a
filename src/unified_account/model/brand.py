"""Brands: Brand Registry approvals, and an ASIN's key attribute values.

:class:`BrandRegistration` records where a brand was approved for
Amazon Brand Registry directly (by its own application); where else it
counts as approved is the ``brand-registry-propagation`` rule's answer.
:class:`AsinAttributes` holds the key attribute values a seller gave one
ASIN in one marketplace, so listings of the same ASIN can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import immutables

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ._validate import collection, instance_of, matches, non_empty_text
from .attributes import AttributeText, AttributeValue
from .marketplace import Marketplace

__all__ = ["AsinAttributes", "BrandRegistration"]


def _approved(value: Iterable[Marketplace]) -> frozenset[Marketplace]:
    items = collection(value, "approved")
    for item in items:
        if not isinstance(item, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Marketplace",
                field="approved",
            )
    return frozenset(items)


@attrs.frozen(kw_only=True)
class BrandRegistration:
    """A brand and the marketplaces that approved it for Brand Registry.

    ``approved`` holds the approvals granted: in answer to an application
    in that marketplace, or automatically by the unified account and
    recorded with
    :func:`~unified_account.policy.brand.propagate_brand_registry` (an
    approval once granted stays granted).  It is empty while none is.
    """

    brand: str = attrs.field(validator=non_empty_text)
    approved: frozenset[Marketplace] = attrs.field(
        factory=frozenset, converter=_approved
    )


_NAME_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _attributes(
    value: Mapping[str, AttributeText],
) -> immutables.Map[str, AttributeText]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a mapping",
            field="attributes",
        )
    result = value if isinstance(value, immutables.Map) else None
    for name, text in value.items():
        if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
            raise InvalidValueError(
                f"`{excerpt(name)}` is not an attribute name (like "
                "`model_number`)",
                field="attributes",
            )
        if isinstance(text, AttributeValue):
            continue
        if not isinstance(text, str) or not text.strip():
            raise InvalidValueError(
                f"`{excerpt(text, as_repr=True)}` must be a non-empty string",
                field=f"attributes.{name}",
            )
    return result if result is not None else immutables.Map(value)


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise InvalidValueError(
            "give at least one key attribute", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class AsinAttributes:
    """The key attribute values given for ``asin`` in ``marketplace``.

    ``attributes`` maps an attribute name (``brand``, ``model_number``,
    ``item_package_quantity``, ...) to its value: text, or an
    :class:`~unified_account.model.attributes.AttributeValue` with its
    language tag.  Which attributes are key is the caller's choice; the
    rule compares values exactly (``"Blue"`` and ``"blue"`` differ), and
    values in two different languages not at all.
    """

    asin: str = attrs.field(
        validator=matches(r"[0-9A-Z]{10}", "an ASIN (ten capitals or digits)")
    )
    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    attributes: immutables.Map[str, AttributeText] = attrs.field(
        converter=_attributes, validator=_non_empty
    )
