"""What several adapters share: marketplace ids and set-aside notes."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace, NonAmazonMarketplace, Region
from ._json import text

__all__ = ["Read", "classify"]


NORTH_AMERICA: dict[object, Marketplace] = {
    m.id: m for m in Marketplace if m.region is Region.NORTH_AMERICA
}
"""Each North American marketplace by its id (what :func:`classify` keeps)."""


def classify(
    marketplace_id: object, path: str, source: str
) -> Marketplace | SetAside:
    """The North American marketplace ``marketplace_id`` names, or why not.

    A known non-Amazon id, an id in no table and an Amazon marketplace of
    another region each give a :class:`SetAside` with its reason; a value
    that is not a string is a payload error.
    """
    raw = text(marketplace_id, path)
    try:
        marketplace = Marketplace(raw)
    except ValueError:
        pass
    else:
        if marketplace.region is Region.NORTH_AMERICA:
            return marketplace
        return SetAside(
            source=source,
            path=path,
            subject=raw,
            reason=SetAsideReason.OUTSIDE_REGION,
            detail=marketplace.name,
        )
    try:
        other = NonAmazonMarketplace(raw)
    except ValueError:
        return SetAside(
            source=source,
            path=path,
            subject=raw,
            reason=SetAsideReason.UNKNOWN_MARKETPLACE,
        )
    return SetAside(
        source=source,
        path=path,
        subject=raw,
        reason=SetAsideReason.NON_AMAZON_MARKETPLACE,
        detail=other.name,
    )


def aside(items: Iterable[SetAside]) -> tuple[SetAside, ...]:
    """``items`` as a tuple."""
    return tuple(items)


@attrs.frozen
class Read:
    """Base of every adapter's result: what it set aside, and why."""

    set_aside: tuple[SetAside, ...] = attrs.field(
        default=(), converter=aside, kw_only=True
    )
