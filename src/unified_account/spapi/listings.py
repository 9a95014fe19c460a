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

from ..errors import InvalidValueError
from ..model.attributes import AttributeText, AttributeValue
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.imports import SetAside, SetAsideReason
from ..model.listing import FulfillmentChannel, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._common import NORTH_AMERICA, Read, classify
from ._item_values import (
    Candidate,
    attributes_of,
    candidates,
    price_of,
)
from ._json import (
    array,
    at,
    fail,
    get,
    is_quantity,
    is_text,
    join,
    money,
    need,
    obj,
    text,
    whole,
)
from ._pages import document, pages

__all__ = [
    "ItemShape",
    "ListingsItem",
    "read_listings_item",
    "read_listings_search",
]

SOURCE = "listings"


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
        if type(entry) is not dict:
            entry = obj(entry, at_)
        code = entry.get("fulfillmentChannelCode")
        if not is_text(code):
            code = text(
                need(entry, "fulfillmentChannelCode", at_),
                join(at_, "fulfillmentChannelCode"),
            )
        amount = entry.get("quantity")
        if amount is not None and not is_quantity(amount):
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
        if type(entry) is not dict:
            entry = obj(entry, at_)
        market = entry.get("marketplaceId")
        if not is_text(market):
            market = text(
                need(entry, "marketplaceId", at_), join(at_, "marketplaceId")
            )
        if key == "offers":
            kind = entry.get("offerType")
            if (
                kind is not None
                and kind != "B2C"
                and text(kind, join(at_, "offerType")) != "B2C"
            ):
                continue
        found.setdefault(market, (entry, at_))
    return found


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


def _item(
    raw: object,
    path: str,
    made: dict[tuple[str, str], AttributeText],
    prices: dict[tuple[str, str], Money],
) -> ListingsItem:
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
    entries: list[Candidate] | None = None
    # Each check below has a fast path for a good value; a doubtful one
    # takes the careful path, which joins the JSON path for its error.
    for market_id, (summary, where) in _by_marketplace(
        item, "summaries", path
    ).items():
        found: Marketplace | SetAside | None = NORTH_AMERICA.get(market_id)
        if found is None:
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
        statuses = summary.get("status")
        if type(statuses) is not list:
            statuses = array(
                need(summary, "status", where), join(where, "status")
            )
        status = (
            ListingStatus.ACTIVE
            if "BUYABLE" in statuses
            else ListingStatus.INACTIVE
        )
        if entries is None:
            entries = candidates(item, path)
        attributes = attributes_of(entries, path, found, made)
        title = summary.get("itemName")
        if title is None:
            named = attributes.get("item_name")
            title = named.value if isinstance(named, AttributeValue) else named
        elif not is_text(title):
            title = text(title, join(where, "itemName"))
        offer = offers.get(market_id)
        price: Money | None = None
        if offer is not None:
            entry, offer_path = offer
            price = price_of(entry.get("price"), prices)
            if price is None:
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
        try:
            listing = Listing(
                sku=sku,
                marketplace=found,
                title=title,
                price=price,
                channel=channel,
                status=status,
                attributes=attributes,
            )
        except InvalidValueError as error:
            raise fail(
                join(offer[1], "price") if offer else where, error.problem
            ) from None
        listings.append(listing)
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
    return _item(document(item), "", {}, {})


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
    made: dict[tuple[str, str], AttributeText] = {}
    prices: dict[tuple[str, str], Money] = {}
    return tuple(
        _item(raw, join("items", i), made, prices)
        for i, raw in enumerate(items)
    )
