"""Sellers API: ``getMarketplaceParticipations`` and ``getAccount``.

The participations list every marketplace of the region the seller's
authorisation covers.  A North American seller's list also carries ids
that are not Amazon storefronts (non-Amazon ``A2ZV50J4W1RKNI``, the
invoicing shadow ``AHRY1CZE9ZY4H``) and may carry marketplaces of other
regions: those are set aside with their reason, never a failure.
``isParticipating: false`` means the marketplace is not turned on (set
aside, ``not-participating``); ``hasSuspendedListings: true`` keeps the
marketplace and adds a ``suspended-listings`` note.

``getAccount`` adds the selling plan and the business name and address
country.  Nothing here says which marketplace is the home one: the
caller gives it (:func:`~unified_account.spapi.assemble.assemble_snapshot`).

>>> read = read_participations({"payload": [
...     {"marketplace": {"id": "ATVPDKIKX0DER", "countryCode": "US",
...                      "name": "Amazon.com"},
...      "participation": {"isParticipating": True,
...                        "hasSuspendedListings": False},
...      "storeName": "Harbor Lane"},
...     {"marketplace": {"id": "A2ZV50J4W1RKNI", "countryCode": "US",
...                      "name": "Non-Amazon"},
...      "participation": {"isParticipating": True,
...                        "hasSuspendedListings": False},
...      "storeName": "Harbor Lane"}]})
>>> [m.name for m in read.marketplaces], read.set_aside[0].reason.value
(['US'], 'non-amazon-marketplace')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

import attrs

from .._excerpt import excerpt
from ..model.account import SellingPlan
from ..model.imports import SetAside, SetAsideReason
from ..model.marketplace import Marketplace
from ._common import Read, classify
from ._json import array, boolean, fail, get, join, need, obj, text
from ._pages import document, pages

__all__ = [
    "AccountShape",
    "MarketplaceParticipationShape",
    "Participations",
    "SellersAccount",
    "read_account",
    "read_participations",
]

SOURCE = "sellers"


class MarketplaceShape(TypedDict):
    """``Marketplace``: only ``id`` is read (the rest may be missing)."""

    id: str
    countryCode: NotRequired[str]
    defaultCurrencyCode: NotRequired[str]


class ParticipationShape(TypedDict):
    """``Participation``."""

    isParticipating: bool
    hasSuspendedListings: bool


class MarketplaceParticipationShape(TypedDict):
    """One item of ``getMarketplaceParticipations``'s ``payload``."""

    marketplace: MarketplaceShape
    participation: ParticipationShape
    storeName: NotRequired[str]


class AccountShape(TypedDict):
    """``getAccount``'s ``payload`` (the ``Account`` object)."""

    marketplaceParticipationList: list[MarketplaceParticipationShape]
    sellingPlan: str
    businessType: NotRequired[str]
    business: NotRequired[dict[str, Any]]


@attrs.frozen
class Participations(Read):
    """The North American marketplaces the seller participates in.

    ``marketplaces`` in payload order, without repeats;
    ``store_names`` maps each to its ``storeName`` (when given).
    """

    marketplaces: tuple[Marketplace, ...] = ()
    store_names: tuple[tuple[Marketplace, str], ...] = ()


@attrs.frozen
class SellersAccount(Read):
    """What ``getAccount`` says: plan, business facts, participations."""

    plan: SellingPlan = SellingPlan.PROFESSIONAL
    legal_entity_name: str | None = None
    address_country: str | None = None
    participations: Participations = Participations()


def _items(payload: object, path: str) -> tuple[Any, str]:
    if isinstance(payload, Mapping) and "payload" in payload:
        return payload["payload"], join(path, "payload")
    return payload, path


def _participations(items: object, path: str) -> Participations:
    marketplaces: list[Marketplace] = []
    names: list[tuple[Marketplace, str]] = []
    notes: list[SetAside] = []
    for index, raw in enumerate(array(items, path)):
        where = join(path, index)
        item = obj(raw, where)
        market = obj(
            need(item, "marketplace", where), join(where, "marketplace")
        )
        id_path = join(join(where, "marketplace"), "id")
        found = classify(
            need(market, "id", join(where, "marketplace")), id_path, SOURCE
        )
        part_path = join(where, "participation")
        part = obj(need(item, "participation", where), part_path)
        participating = boolean(
            need(part, "isParticipating", part_path),
            join(part_path, "isParticipating"),
        )
        suspended = boolean(
            need(part, "hasSuspendedListings", part_path),
            join(part_path, "hasSuspendedListings"),
        )
        store = get(item, "storeName", where)
        if store is not None:
            store = text(store, join(where, "storeName"))
        if isinstance(found, SetAside):
            notes.append(found)
            continue
        if not participating:
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=where,
                    subject=found.id,
                    reason=SetAsideReason.NOT_PARTICIPATING,
                    detail=found.name,
                )
            )
            continue
        if suspended:
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=where,
                    subject=found.id,
                    reason=SetAsideReason.SUSPENDED_LISTINGS,
                    detail=found.name,
                )
            )
        if found not in marketplaces:
            marketplaces.append(found)
            if store is not None:
                names.append((found, store))
    return Participations(
        marketplaces=tuple(marketplaces),
        store_names=tuple(names),
        set_aside=notes,
    )


def read_participations(response: object) -> Participations:
    """Read a ``getMarketplaceParticipations`` response (or its list).

    In any form the adapters accept (see :mod:`unified_account.spapi`);
    pages give their marketplaces in order, each once.
    """
    found = pages(response, _read_participations, listed=True)
    if found is None:
        return _read_participations(document(response))
    marketplaces: dict[Marketplace, None] = {}
    names: dict[Marketplace, str] = {}
    for read in found:
        marketplaces.update(dict.fromkeys(read.marketplaces))
        for market, name in read.store_names:
            names.setdefault(market, name)
    return Participations(
        marketplaces=tuple(marketplaces),
        store_names=tuple(names.items()),
        set_aside=[note for read in found for note in read.set_aside],
    )


def _read_participations(response: object) -> Participations:
    items, path = _items(response, "")
    return _participations(items, path)


_PLANS = {
    "PROFESSIONAL": SellingPlan.PROFESSIONAL,
    "INDIVIDUAL": SellingPlan.INDIVIDUAL,
}


def read_account(response: object) -> SellersAccount:
    """Read a ``getAccount`` response (or its ``Account`` object).

    The document, its ``payload``, or a client's response object.

    The business name and registered address country become the
    account's legal entity name and address country; everything else the
    account information holds is unknown.
    """
    raw, path = _items(document(response), "")
    account = obj(raw, path)
    plan_path = join(path, "sellingPlan")
    plan = _PLANS.get(text(need(account, "sellingPlan", path), plan_path))
    if plan is None:
        raise fail(plan_path, "expected PROFESSIONAL or INDIVIDUAL")
    name = country = None
    business = get(account, "business", path)
    if business is not None:
        where = join(path, "business")
        business = obj(business, where)
        if get(business, "name", where) is not None:
            name = text(business["name"], join(where, "name"))
        address = get(business, "registeredBusinessAddress", where)
        if address is not None:
            at = join(where, "registeredBusinessAddress")
            address = obj(address, at)
            if get(address, "countryCode", at) is not None:
                country = text(address["countryCode"], join(at, "countryCode"))
                if (
                    len(country) != 2
                    or not country.isascii()
                    or not country.isupper()
                ):
                    raise fail(
                        join(at, "countryCode"),
                        f"`{excerpt(country)}` is not an ISO 3166 "
                        "country code",
                    )
    list_path = join(path, "marketplaceParticipationList")
    participations = _participations(
        need(account, "marketplaceParticipationList", path), list_path
    )
    return SellersAccount(
        plan=plan,
        legal_entity_name=name,
        address_country=country,
        participations=participations,
    )
