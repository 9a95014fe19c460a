"""A listing: one SKU offered in one marketplace (``per-marketplace-listing``).

Each listing has its own information (title, key attributes), its own
price in its marketplace's currency, a status and a fulfilment channel.
The price's currency is checked at construction: a Canadian listing
priced in US dollars cannot exist.

Listings are built by the million, so the class is slotted without a
weak-reference slot, shares the marketplace enum members and one empty
attribute mapping, and its validators are a few ``isinstance`` checks.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import NoReturn

import attrs
import immutables

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ..limits import text_problem
from .attributes import AttributeText, AttributeValue
from .identifiers import Sku, to_sku
from .marketplace import Marketplace
from .money import Money

__all__ = [
    "EMPTY_ATTRIBUTES",
    "FulfillmentChannel",
    "Listing",
    "ListingStatus",
]


class ListingStatus(enum.Enum):
    """The status a seller has given a listing.

    Whether a listing is *offered* also depends on its stock: see
    :func:`~unified_account.policy.availability.offer_status`.
    """

    ACTIVE = "active"
    INACTIVE = "inactive"
    DELETED = "deleted"


class FulfillmentChannel(enum.Enum):
    """Who ships a listing's orders.

    ``MFN``: the seller (merchant-fulfilled, SP-API channel ``DEFAULT``),
    from the SKU's merchant-fulfilled pool.  ``FBA``: Amazon, from the
    SKU's pool in the listing's own country.
    """

    MFN = "mfn"
    FBA = "fba"


EMPTY_ATTRIBUTES: immutables.Map[str, AttributeText] = immutables.Map()
"""The attributes of a listing that has none (one shared value)."""


def _sku(value: str) -> Sku:
    try:
        return to_sku(value)
    except InvalidValueError as error:
        raise InvalidValueError(error.problem, field="sku") from None


def _attributes(
    value: Mapping[str, AttributeText],
) -> immutables.Map[str, AttributeText]:
    if value is EMPTY_ATTRIBUTES:
        return value
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a mapping of names to "
            "values",
            field="attributes",
        )
    if not value:
        return EMPTY_ATTRIBUTES
    for name, text in value.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidValueError(
                f"`{excerpt(name, as_repr=True)}` is not an attribute name",
                field="attributes",
            )
        if not isinstance(text, str | AttributeValue) or (
            isinstance(text, str) and not text.strip()
        ):
            raise InvalidValueError(
                f"`{excerpt(text, as_repr=True)}` is not an attribute value "
                "(text, not blank)",
                field=f"attributes.{name}",
            )
        problem = text_problem(name) or (
            text_problem(text) if isinstance(text, str) else None
        )
        if problem is not None:
            raise InvalidValueError(problem, field=f"attributes.{name}")
    return (
        value if isinstance(value, immutables.Map) else immutables.Map(value)
    )


def _wrong(field: str, value: object, kind: type) -> NoReturn:
    raise InvalidValueError(
        f"`{excerpt(value, as_repr=True)}` is not a {kind.__name__}",
        field=field,
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Listing:
    """One SKU offered in one marketplace.

    ``sku`` and ``marketplace`` say which offer it is; ``title`` and
    ``attributes`` (key attributes such as colour or size, an immutable
    mapping of names to text or to an
    :class:`~unified_account.model.attributes.AttributeValue` carrying
    its language tag) are this marketplace's own listing information;
    ``price`` is in ``marketplace``'s currency; ``channel`` is who
    fulfils it; ``status`` is what the seller set.

    Invariant: ``price.currency == marketplace.currency``.

    >>> listing = Listing(sku="MUG-1", marketplace=Marketplace.CA,
    ...                   title="Tasse en céramique",
    ...                   price=Money("16.00", "CAD"),
    ...                   channel=FulfillmentChannel.MFN)
    >>> listing.status
    <ListingStatus.ACTIVE: 'active'>
    >>> attrs.evolve(listing, price=Money("12.00", "USD"))
    Traceback (most recent call last):
    ...
    unified_account.errors.InvalidValueError: price: `USD 12.00` is not in \
CAD, the currency of Amazon.ca
    """

    sku: Sku = attrs.field(converter=_sku)
    marketplace: Marketplace
    title: str
    price: Money
    channel: FulfillmentChannel
    status: ListingStatus = ListingStatus.ACTIVE
    attributes: immutables.Map[str, AttributeText] = attrs.field(
        default=EMPTY_ATTRIBUTES, converter=_attributes
    )

    def __attrs_post_init__(self) -> None:
        # One method rather than a validator per field: listings are
        # built by the million and ``attrs.evolve`` re-runs this.
        if not isinstance(self.marketplace, Marketplace):
            _wrong("marketplace", self.marketplace, Marketplace)
        if not isinstance(self.title, str):
            _wrong("title", self.title, str)
        if not isinstance(self.price, Money):
            _wrong("price", self.price, Money)
        if not isinstance(self.channel, FulfillmentChannel):
            _wrong("channel", self.channel, FulfillmentChannel)
        if not isinstance(self.status, ListingStatus):
            _wrong("status", self.status, ListingStatus)
        if not self.title.strip():
            raise InvalidValueError(
                f"`{excerpt(self.title, as_repr=True)}` must be a non-empty "
                "string",
                field="title",
            )
        problem = text_problem(self.title)
        if problem is not None:
            raise InvalidValueError(problem, field="title")
        if self.price.currency != self.marketplace.currency:
            raise InvalidValueError(
                f"`{excerpt(self.price)}` is not in "
                f"{self.marketplace.currency}, the "
                f"currency of {self.marketplace.display_name}",
                field="price",
            )
