"""Editions: what Amazon has changed in the rules over time.

The FAQ is the default edition (:data:`FAQ`).  Later editions are real
and a seller tool may need them, so every policy takes ``edition`` as a
parameter; nothing switches editions globally.  An edition is a plain
value: combine changes with :func:`attrs.evolve`.

>>> NORTH_AMERICA_AND_BRAZIL.scope == FAQ.scope | {Marketplace.BR}
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._excerpt import excerpt
from .errors import InvalidValueError, UnifiedAccountError
from .model._plan import SellingPlan
from .model._validate import calendar_date, instance_of, non_empty_text
from .model.marketplace import Marketplace, Region

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "EDITIONS",
    "FAQ",
    "INDIVIDUAL_PLANS",
    "NORTH_AMERICA_AND_BRAZIL",
    "REMOTE_FULFILLMENT",
    "SPLIT_SUBSCRIPTION",
    "Edition",
    "SubscriptionBilling",
    "UnknownEditionError",
    "edition_named",
]


T = TypeVar("T")


class SubscriptionBilling(enum.Enum):
    """How the Professional subscription is billed across the scope."""

    HOME_MARKETPLACE = "home-marketplace"
    """One charge, by the home marketplace's schedule (the FAQ)."""
    SPLIT = "split"
    """A share in each marketplace with active listings (from 2021-08-01)."""


class UnknownEditionError(UnifiedAccountError, LookupError):
    """An edition name that is not in :data:`EDITIONS`.

    .. versionadded:: 0.1.0
    """


def _members(value: object, kind: type[T], field: str) -> frozenset[T]:
    """A frozenset of ``kind`` members, refusing strings and non-members."""
    if isinstance(value, str | bytes):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection",
            field=field,
        )
    try:
        members: frozenset[T] = frozenset(value)  # type: ignore[call-overload]
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection",
            field=field,
        ) from None
    for member in members:
        if not isinstance(member, kind):
            raise InvalidValueError(
                f"`{excerpt(member, as_repr=True)}` is not a {kind.__name__}",
                field=field,
            )
    return members


def _scope(value: Iterable[Marketplace]) -> frozenset[Marketplace]:
    scope = _members(value, Marketplace, "scope")
    for marketplace in scope:
        if marketplace.region is not Region.NORTH_AMERICA:
            raise InvalidValueError(
                f"`{marketplace.name}` is not an Americas marketplace",
                field="scope",
            )
    return scope


def _sources(value: Iterable[Marketplace]) -> frozenset[Marketplace]:
    return _members(value, Marketplace, "brand_registry_sources")


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise InvalidValueError("must not be empty", field=attribute.name)


def _plans(value: Iterable[SellingPlan]) -> frozenset[SellingPlan]:
    return _members(value, SellingPlan, "qualifying_plans")


def _codes(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    codes = _members(value, str, "payout_bank_countries")
    for code in codes:
        if not (len(code) == 2 and code.isascii() and code.isupper()):
            raise InvalidValueError(
                f"`{excerpt(code)}` is not an ISO 3166 country code",
                field="payout_bank_countries",
            )
    return codes


_REMOTE_TARGETS = frozenset({Marketplace.CA, Marketplace.MX, Marketplace.BR})


@attrs.frozen(kw_only=True)
class Edition:
    """One version of the unified-account rules.

    ``scope``: the marketplaces the unified account spans.
    ``qualifying_plans``: the selling plans that may use it.
    ``subscription_billing``: how the subscription is billed.
    ``split_subscription_since``: the date split billing starts (``None``
    when it does not apply).
    ``remote_fulfillment``: whether US FBA stock may fulfil the orders
    of SKUs the seller enrolled on Amazon.ca and Amazon.com.mx (and
    Amazon.com.br when the scope includes it); the pools stay separate
    either way (:attr:`remote_fulfillment_marketplaces`).
    ``brand_registry_sources``: marketplaces whose Brand Registry approval
    carries to the rest of the scope (the FAQ names only Amazon.com).
    ``payout_bank_countries``: countries whose bank accounts Amazon pays
    out to; ``None`` (the default) when not known.  Neither the FAQ nor
    any dated source the library ships gives the list, so no edition
    holds one: pass the current list from Seller Central, with the
    edition or to :func:`~unified_account.policy.payout.payout_route`.

    .. versionchanged:: 0.2.0
       ``payout_bank_countries`` defaults to ``None`` (unknown), no
       longer to the three NA countries.
    """

    name: str = attrs.field(validator=non_empty_text)
    scope: frozenset[Marketplace] = attrs.field(
        converter=_scope, validator=_non_empty
    )
    qualifying_plans: frozenset[SellingPlan] = attrs.field(
        converter=_plans, validator=_non_empty
    )
    subscription_billing: SubscriptionBilling = attrs.field(
        default=SubscriptionBilling.HOME_MARKETPLACE,
        validator=instance_of(SubscriptionBilling),
    )
    split_subscription_since: date | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(calendar_date),
    )
    remote_fulfillment: bool = attrs.field(
        default=False, validator=instance_of(bool)
    )
    brand_registry_sources: frozenset[Marketplace] = attrs.field(
        default=frozenset({Marketplace.US}), converter=_sources
    )
    payout_bank_countries: frozenset[str] | None = attrs.field(
        default=None, converter=_codes
    )

    @property
    def remote_fulfillment_marketplaces(self) -> frozenset[Marketplace]:
        """Where US FBA stock may serve enrolled SKUs' orders.

        Amazon.ca and Amazon.com.mx, and Amazon.com.br when the scope
        includes it; none without Remote Fulfillment.

        .. versionadded:: 0.2.0
        """
        if not self.remote_fulfillment:
            return frozenset()
        return _REMOTE_TARGETS & self.scope

    def __attrs_post_init__(self) -> None:
        split = self.subscription_billing is SubscriptionBilling.SPLIT
        if split != (self.split_subscription_since is not None):
            raise InvalidValueError(
                "a split subscription needs the date it starts, and only "
                "a split subscription has one",
                field="split_subscription_since",
            )
        outside = self.brand_registry_sources - self.scope
        if outside:
            names = ", ".join(sorted(m.name for m in outside))
            raise InvalidValueError(
                f"`{names}` is not in the edition's scope",
                field="brand_registry_sources",
            )


FAQ = Edition(
    name="faq",
    scope={Marketplace.US, Marketplace.CA, Marketplace.MX},
    qualifying_plans={SellingPlan.PROFESSIONAL},
)
"""The rules as the seller FAQ states them: the default everywhere."""

NORTH_AMERICA_AND_BRAZIL = attrs.evolve(
    FAQ,
    name="north-america-and-brazil",
    scope=FAQ.scope | {Marketplace.BR},
)
"""The program as "North America and Brazil": adds Amazon.com.br (BRL)."""

SPLIT_SUBSCRIPTION = attrs.evolve(
    FAQ,
    name="split-subscription",
    subscription_billing=SubscriptionBilling.SPLIT,
    split_subscription_since=date(2021, 8, 1),
)
"""From 2021-08-01: billed per marketplace with active listings, capped."""

INDIVIDUAL_PLANS = attrs.evolve(
    FAQ,
    name="individual-plans",
    qualifying_plans={SellingPlan.PROFESSIONAL, SellingPlan.INDIVIDUAL},
)
"""Newer registrations, Individual plans included, get all three."""

REMOTE_FULFILLMENT = attrs.evolve(
    FAQ, name="remote-fulfillment", remote_fulfillment=True
)
"""Remote Fulfillment with FBA: US stock may fulfil enrolled SKUs' CA and MX
orders (Amazon, "Remote Fulfillment with FBA",
sellercentral.amazon.com/gp/help/external/5P3CDUHZWSZLXLB)."""

EDITIONS: Mapping[str, Edition] = MappingProxyType(
    {
        e.name: e
        for e in (
            FAQ,
            NORTH_AMERICA_AND_BRAZIL,
            SPLIT_SUBSCRIPTION,
            INDIVIDUAL_PLANS,
            REMOTE_FULFILLMENT,
        )
    }
)
"""The named editions, by name."""


def edition_named(name: str) -> Edition:
    """The named edition; an unknown name raises :class:`UnknownEditionError`.

    >>> edition_named("faq") is FAQ
    True
    """
    try:
        return EDITIONS[name]
    except (KeyError, TypeError):
        raise UnknownEditionError(
            f"unknown edition `{excerpt(name)}`; the editions are: "
            + ", ".join(EDITIONS)
        ) from None
