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
from typing import TYPE_CHECKING, Any

import attrs

from .errors import InvalidValueError, UnifiedAccountError
from .model.account import SellingPlan
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
    "edition",
]


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


def _scope(value: Iterable[Marketplace]) -> frozenset[Marketplace]:
    scope = frozenset(value)
    for marketplace in scope:
        if not isinstance(marketplace, Marketplace):
            raise InvalidValueError(f"edition.scope: `{marketplace!r}` is "
                                    "not a Marketplace")  # fmt: skip
        if marketplace.region is not Region.NORTH_AMERICA:
            raise InvalidValueError(
                f"edition.scope: `{marketplace.name}` is not an Americas "
                "marketplace"
            )
    return scope


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise InvalidValueError(f"edition.{attribute.name}: must not be empty")


def _plans(value: Iterable[SellingPlan]) -> frozenset[SellingPlan]:
    plans = frozenset(value)
    for plan in plans:
        if not isinstance(plan, SellingPlan):
            raise InvalidValueError(f"edition.qualifying_plans: `{plan!r}` "
                                    "is not a SellingPlan")  # fmt: skip
    return plans


def _codes(value: Iterable[str]) -> frozenset[str]:
    codes = frozenset(value)
    for code in codes:
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise InvalidValueError(
                f"edition.payout_bank_countries: `{code}` is not an ISO "
                "3166 country code"
            )
    return codes


@attrs.frozen(kw_only=True)
class Edition:
    """One version of the unified-account rules.

    ``scope``: the marketplaces the unified account spans.
    ``qualifying_plans``: the selling plans that may use it.
    ``subscription_billing``: how the subscription is billed.
    ``split_subscription_since``: the date split billing starts (``None``
    when it does not apply).
    ``remote_fulfillment``: whether US FBA stock may fulfil CA and MX
    orders (the pools stay separate either way).
    ``brand_registry_sources``: marketplaces whose Brand Registry approval
    carries to the rest of the scope (the FAQ names only Amazon.com).
    ``payout_bank_countries``: countries whose bank accounts Amazon pays
    out to directly in local currency; the FAQ names no list, so the
    default is the three NA countries and a caller should pass the
    current list from Seller Central.
    """

    name: str
    scope: frozenset[Marketplace] = attrs.field(
        converter=_scope, validator=_non_empty
    )
    qualifying_plans: frozenset[SellingPlan] = attrs.field(
        converter=_plans, validator=_non_empty
    )
    subscription_billing: SubscriptionBilling = (
        SubscriptionBilling.HOME_MARKETPLACE
    )
    split_subscription_since: date | None = None
    remote_fulfillment: bool = False
    brand_registry_sources: frozenset[Marketplace] = attrs.field(
        default=frozenset({Marketplace.US}), converter=frozenset
    )
    payout_bank_countries: frozenset[str] = attrs.field(
        default=frozenset({"US", "CA", "MX"}), converter=_codes
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
"""Remote Fulfillment with FBA: US stock may fulfil CA and MX orders."""

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


def edition(name: str) -> Edition:
    """The named edition; an unknown name raises :class:`UnknownEditionError`.

    >>> edition("faq") is FAQ
    True
    """
    try:
        return EDITIONS[name]
    except KeyError:
        raise UnknownEditionError(
            f"unknown edition `{name}`; the editions are: "
            + ", ".join(EDITIONS)
        ) from None
