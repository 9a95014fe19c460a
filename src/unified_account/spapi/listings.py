"""Listings Items API 2021-08-01: ``getListingsItem``, ``searchListingsItems``.

One ``Item`` becomes one SKU with a :class:`~unified_account.Listing`
per North American marketplace of its ``summaries``:

- **status**: ``active`` when the summary's ``status`` holds ``BUYABLE``,
  else ``inactive``;
- **title**: the summary's ``itemName``, else the ``item_name`` attribute
  of that marketplace;
- **price**: the ``B2C`` offer of that marketplace (``offers[].price``,
  a decimal string), in the marketplace's currency (another is an error);
- **channel**: ``fulfillmentAvailability`` has no marketplace id, so the
  channel is derived from its codes: ``AMAZON_NA`` (Amazon fulfils in
  North America) makes every North American listing ``fba``; otherwise
  the listing is ``mfn`` (``DEFAULT`` is the merchant's own channel).
  Codes of other regions (``AMAZON_EU``, ``AMAZON_JP`` ...) do not apply
  to North America; a code that is neither ``DEFAULT`` nor ``AMAZON_*`` is
  set aside (``unknown-fulfillment-channel``);
- **key attributes**: ``brand``, ``item_name``, ``manufacturer``,
  ``model_number``, ``part_number``, ``color``, ``size`` and ``style``,
  when their value for that marketplace (or for none) is a string: the
  first value scoped to the marketplace (``marketplace_id``), else the
  first scoped to none, with its ``language_tag`` kept (an
  :class:`~unified_account.model.attributes.AttributeValue`);
- the ``DEFAULT`` **quantity** is the SKU's shared merchant-fulfilled
  pool (``mfn-inventory``: Amazon keeps one MFN quantity per SKU).

Summaries of marketplaces outside North America are set aside; a
marketplace with no price or title is set aside (``incomplete-listing``);
``ERROR`` issues are noted (``listing-issue``) and the listing kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

import attrs

from ..model.attributes import AttributeText, AttributeValue
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._common import Read, classify
from ._json import array, at, get, join, money, need, obj, text, whole
from ._pages import document, pages

__all__ = [
    "ItemShape",
    "ListingsItem",
    "read_listings_item",
    "read_listings_search",
]

SOURCE = "listings"

KEY_ATTRIBUTES = frozenset(
    {
        "brand",
        "item_name",
        "manufacturer",
        "model_number",
        "part_number",
        "color",
        "size",
        "style",
    }
)
"""The attributes a listing keeps as its key attributes."""


class MoneyShape(TypedDict):
    """``Money``: ``amount`` is a decimal string."""

    currencyCode: str
    amount: str


class SummaryShape(TypedDict):
    """``ItemSummaryByMarketplace`` (the fields read)."""

    marketplaceId: str
    asin: NotRequired[str]
    status: list[str]
    itemName: NotRequired[str]


class OfferShape(TypedDict):
    """``ItemOfferByMarketplace``."""

    marketplaceId: str
    offerType: str
    price: MoneyShape


class FulfillmentAvailabilityShape(TypedDict):
    """``FulfillmentAvailability``: no marketplace id."""

    fulfillmentChannelCode: str
    quantity: NotRequired[int]


class IssueShape(TypedDict):
    """``Issue`` (the fields read)."""

    code: str
    severity: str
    marketplaceIds: NotRequired[list[str]]


class ItemShape(TypedDict):
    """``Item``: one SKU with what ``includedData`` asked for."""

    sku: str
    summaries: NotRequired[list[SummaryShape]]
    attributes: NotRequired[dict[str, list[dict[str, Any]]]]
    offers: NotRequired[list[OfferShape]]
    fulfillmentAvailability: NotRequired[list[FulfillmentAvailabilityShape]]
    issues: NotRequired[list[IssueShape]]


@attrs.frozen
class ListingsItem(Read):
    """One SKU as the Listings Items API describes it.

    ``mfn_quantity`` is the ``DEFAULT`` quantity (``None``: not given).
    """

    sku: Sku
    asin: Asin | None = None
    listings: tuple[Listing, ...] = ()
    mfn_quantity: int | None = None


def _channels(
    item: Mapping[str, Any], path: str, sku: str
) -> tuple[FulfillmentChannel, int | None, list[SetAside]]:
    channel = FulfillmentChannel.MFN
    quantity: int | None = None
    notes: list[SetAside] = []
    raw = get(item, "fulfillmentAvailability", path)
    if raw is None:
        return channel, quantity, notes
    where = join(path, "fulfillmentAvailability")
    for index, entry in enumerate(array(raw, where)):
        at_ = join(where, index)
        entry = obj(entry, at_)
        code = text(
            need(entry, "fulfillmentChannelCode", at_),
            join(at_, "fulfillmentChannelCode"),
        )
        amount = get(entry, "quantity", at_)
        if amount is not None:
            amount = whole(amount, join(at_, "quantity"))
        if code == "DEFAULT":
            quantity = amount
        elif code == "AMAZON_NA":
            channel = FulfillmentChannel.FBA
        elif not code.startswith("AMAZON_"):
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=at_,
                    subject=sku,
                    reason=SetAsideReason.UNKNOWN_FULFILLMENT_CHANNEL,
                    detail=code,
                )
            )
    return channel, quantity, notes


def _by_marketplace(
    item: Mapping[str, Any], key: str, path: str
) -> dict[str, tuple[Mapping[str, Any], str]]:
    found: dict[str, tuple[Mapping[str, Any], str]] = {}
    raw = get(item, key, path)
    if raw is None:
        return found
    where = join(path, key)
    for index, entry in enumerate(array(raw, where)):
        at_ = join(where, index)
        entry = obj(entry, at_)
        market = text(
            need(entry, "marketplaceId", at_), join(at_, "marketplaceId")
        )
        if key == "offers":
            kind = get(entry, "offerType", at_)
            if (
                kind is not None
                and text(kind, join(at_, "offerType")) != "B2C"
            ):
                continue
        found.setdefault(market, (entry, at_))
    return found


def _attributes(
    item: Mapping[str, Any], path: str, marketplace: Marketplace
) -> dict[str, AttributeText]:
    """The key attributes of ``marketplace``, each with its language.

    A value scoped to ``marketplace`` (its ``marketplace_id``) wins over
    one scoped to none; a value scoped to another marketplace is not
    this one's.  Each keeps its ``language_tag``, so that ``Black``
    (``en_US``) and ``Noire`` (``fr_CA``) are one colour in two
    languages, not a difference.  A kept value is held to the snapshot's
    limits like every other text.
    """
    scoped: dict[str, AttributeText] = {}
    unscoped: dict[str, AttributeText] = {}
    raw = get(item, "attributes", path)
    if raw is None:
        return scoped
    where = join(path, "attributes")
    market = marketplace.id
    # Paths are joined only where they may be needed: an error, or a
    # value kept (most entries are another marketplace's, or not key).
    for name, entries in obj(raw, where).items():
        if type(entries) is not list:
            entries = array(entries, join(where, name))
        for index, entry in enumerate(entries):
            if type(entry) is not dict:
                entry = obj(entry, join(join(where, name), index))
            scope = entry.get("marketplace_id")
            value = entry.get("value")
            if (
                name not in KEY_ATTRIBUTES
                or (scope is not None and scope != market)
                or not isinstance(value, str)
            ):
                continue
            found = scoped if scope is not None else unscoped
            if name in found:
                continue
            at_ = join(join(where, name), index)
            value = text(value, join(at_, "value"))
            tag = get(entry, "language_tag", at_)
            found[name] = (
                value
                if tag is None
                else at(
                    join(at_, "language_tag"),
                    AttributeValue,
                    value,
                    text(tag, join(at_, "language_tag")),
                )
            )
    return {**unscoped, **scoped}


def _issues(item: Mapping[str, Any], path: str, sku: str) -> list[SetAside]:
    notes: list[SetAside] = []
    raw = get(item, "issues", path)
    if raw is None:
        return notes
    where = join(path, "issues")
    for index, issue in enumerate(array(raw, where)):
        at_ = join(where, index)
        issue = obj(issue, at_)
        code = text(need(issue, "code", at_), join(at_, "code"))
        severity = text(need(issue, "severity", at_), join(at_, "severity"))
        if severity == "ERROR":
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=at_,
                    subject=sku,
                    reason=SetAsideReason.LISTING_ISSUE,
                    detail=code,
                )
            )
    return notes


def _item(raw: object, path: str) -> ListingsItem:
    item = obj(raw, path)
    sku = at(
        join(path, "sku"),
        to_sku,
        text(need(item, "sku", path), join(path, "sku")),
    )
    channel, quantity, notes = _channels(item, path, sku)
    offers = _by_marketplace(item, "offers", path)
    listings: list[Listing] = []
    asin = None
    for market_id, (summary, where) in _by_marketplace(
        item, "summaries", path
    ).items():
        found = classify(market_id, join(where, "marketplaceId"), SOURCE)
        if isinstance(found, SetAside):
            notes.append(found)
            continue
        if get(summary, "asin", where) is not None and asin is None:
            asin = at(
                join(where, "asin"),
                to_asin,
                text(summary["asin"], join(where, "asin")),
            )
        statuses = array(need(summary, "status", where), join(where, "status"))
        status = (
            ListingStatus.ACTIVE
            if "BUYABLE" in statuses
            else ListingStatus.INACTIVE
        )
        attributes = _attributes(item, path, found)
        title = summary.get("itemName")
        if title is not None:
            title = text(title, join(where, "itemName"))
        else:
            named = attributes.get("item_name")
            title = named.value if isinstance(named, AttributeValue) else named
        offer = offers.get(market_id)
        price: Money | None = None
        if offer is not None:
            entry, offer_path = offer
            price = money(
                need(entry, "price", offer_path),
                join(offer_path, "price"),
                "amount",
                "currencyCode",
            )
        if price is None or title is None or not title.strip():
            notes.append(
                SetAside(
                    source=SOURCE,
                    path=where,
                    subject=sku,
                    reason=SetAsideReason.INCOMPLETE_LISTING,
                    detail=found.name,
                )
            )
            continue
        listings.append(
            at(
                join(offer[1], "price") if offer else where,
                Listing,
                sku=sku,
                marketplace=found,
                title=title,
                price=price,
                channel=channel,
                status=status,
                attributes=attributes,
            )
        )
    notes.extend(_issues(item, path, sku))
    return ListingsItem(
        sku=sku,
        asin=asin,
        listings=tuple(listings),
        mfn_quantity=quantity,
        set_aside=notes,
    )


def read_listings_item(item: object) -> ListingsItem:
    """Read a ``getListingsItem`` response (an ``Item``).

    The document, or a client's response object holding it as its
    ``payload`` (one item: there are no pages).
    """
    return _item(document(item), "")


def read_listings_search(results: object) -> tuple[ListingsItem, ...]:
    """Read a ``searchListingsItems`` response: each of its ``items``.

    In any form the adapters accept (see :mod:`unified_account.spapi`):
    the pages of a ``nextToken`` loop give their items in order.
    """
    found = pages(results, _search)
    if found is None:
        return _search(document(results))
    return tuple(item for page in found for item in page)


def _search(results: object) -> tuple[ListingsItem, ...]:
    found = obj(results, "")
    items = array(need(found, "items", ""), "items")
    return tuple(_item(raw, join("items", i)) for i, raw in enumerate(items))
