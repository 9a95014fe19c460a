"""Listings Items: the values of an item read once, and reused.

An item's key attributes are gathered once for all its marketplaces
(:func:`candidates`), then each marketplace's are picked
(:func:`attributes_of`); a value and its language tag, and a price, met
again in one search are the value built the first time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.attributes import AttributeText, AttributeValue
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._json import array, at, get, is_text, join, obj, plain_money, text

__all__ = [
    "KEY_ATTRIBUTES",
    "MADE",
    "Candidate",
    "attributes_of",
    "candidates",
    "price_of",
]

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


Candidate = tuple[str, int, Mapping[str, Any], object, str]
"""An entry that may be kept: name, index, entry, scope, value."""


def candidates(item: Mapping[str, Any], path: str) -> list[Candidate]:
    """The item's key attribute entries with a string ``value``, in order.

    Read once for all of an item's marketplaces: every attribute's shape
    is checked (an object of arrays of objects) as it goes.
    """
    found: list[Candidate] = []
    raw = get(item, "attributes", path)
    if raw is None:
        return found
    where = join(path, "attributes")
    for name, entries in obj(raw, where).items():
        if type(entries) is not list:
            entries = array(entries, join(where, name))
        key = name in KEY_ATTRIBUTES
        for index, entry in enumerate(entries):
            if type(entry) is not dict:
                entry = obj(entry, join(join(where, name), index))
            scope = entry.get("marketplace_id")
            value = entry.get("value")
            if key and isinstance(value, str):
                found.append((name, index, entry, scope, value))
    return found


def attributes_of(
    candidates: list[Candidate],
    path: str,
    marketplace: Marketplace,
    made: dict[tuple[str, str], AttributeText],
) -> dict[str, AttributeText]:
    """The key attributes of ``marketplace``, each with its language.

    A value scoped to ``marketplace`` (its ``marketplace_id``) wins over
    one scoped to none; a value scoped to another marketplace is not
    this one's.  Each keeps its ``language_tag``, so that ``Black``
    (``en_US``) and ``Noire`` (``fr_CA``) are one colour in two
    languages, not a difference.  A kept value is held to the snapshot's
    limits like every other text.  ``made`` holds the values already
    built (a value and its tag recur across a catalogue).
    """
    scoped: dict[str, AttributeText] = {}
    unscoped: dict[str, AttributeText] = {}
    market = marketplace.id
    # Paths are joined only for an error: most values are good.
    for name, index, entry, scope, value in candidates:
        if scope is not None and scope != market:
            continue
        found = scoped if scope is not None else unscoped
        if name in found:
            continue
        tag = entry.get("language_tag")
        if tag is None and is_text(value):
            found[name] = value
            continue
        if type(tag) is str and type(value) is str and (value, tag) in made:
            found[name] = made[value, tag]
            continue
        at_ = join(join(join(path, "attributes"), name), index)
        value = text(value, join(at_, "value"))
        kept = (
            value
            if tag is None
            else at(
                join(at_, "language_tag"),
                AttributeValue,
                value,
                text(tag, join(at_, "language_tag")),
            )
        )
        if type(tag) is str and type(value) is str and len(made) < MADE:
            made[value, tag] = kept
        found[name] = kept
    return {**unscoped, **scoped}


MADE = 65536
"""The most attribute values, and the most prices, one search reuses."""


def price_of(
    raw: object, prices: dict[tuple[str, str], Money]
) -> Money | None:
    """:func:`plain_money` of an offer's ``price``; one met before reused."""
    if type(raw) is not dict:
        return None
    amount = raw.get("amount")
    currency = raw.get("currencyCode")
    if type(amount) is not str or type(currency) is not str:
        return None
    found = prices.get((amount, currency))
    if found is None:
        found = plain_money(raw, "amount", "currencyCode")
        if found is not None and len(prices) < MADE:
            prices[amount, currency] = found
    return found
