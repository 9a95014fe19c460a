"""Storefront links: the seller's store page on one Amazon marketplace.

>>> link = StorefrontLink("https://www.amazon.com/stores/HarborLane")
>>> link.marketplace
<Marketplace.US: 'ATVPDKIKX0DER'>
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._excerpt import excerpt
from ..errors import InvalidValueError, UnknownMarketplaceError
from ._validate import instance_of
from .marketplace import Marketplace

__all__ = ["StorefrontLink", "StorefrontRequest"]

_LINK = re.compile(r"https://([a-z0-9.-]+)(/[A-Za-z0-9._~%/-]*)")


def _link(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    match = _LINK.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidValueError(
            f"`{excerpt(value)}` is not an https link with a path",
            field=attribute.name,
        )
    try:
        Marketplace.from_domain(match.group(1))
    except UnknownMarketplaceError:
        raise InvalidValueError(
            f"`{match.group(1)}` is not an Amazon marketplace domain",
            field=attribute.name,
        ) from None


@attrs.frozen
class StorefrontLink:
    """The link to a seller's storefront on one marketplace's site.

    ``url`` is an ``https`` link on a marketplace's domain
    (``https://www.amazon.com/stores/HarborLane``); :attr:`marketplace`
    is the marketplace whose site it is on.
    """

    url: str = attrs.field(validator=_link)

    @property
    def marketplace(self) -> Marketplace:
        """The marketplace whose site the link is on."""
        match = _LINK.fullmatch(self.url)
        assert match is not None  # the validator guarantees it
        return Marketplace.from_domain(match.group(1))

    def __str__(self) -> str:
        return self.url


@attrs.frozen(kw_only=True)
class StorefrontRequest:
    """A seller asking, from ``marketplace``, to set its storefront link."""

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    link: StorefrontLink = attrs.field(validator=instance_of(StorefrontLink))
