"""Writing a snapshot as the JSON document :func:`load_snapshot` reads.

The format is the one ``docs/snapshot.md`` documents: keys are the
model's attribute names; marketplaces are country codes; money is
``{"amount": "39.99", "currency": "USD"}`` with the amount as a string;
dates and times are ISO 8601; enumerations are their values.  Fields
that hold their default are left out, so a dump is as small as the
document a person would write.  Reading a dump gives an equal snapshot.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import immutables

from ..limits import MAX_WHOLE_DIGITS, amount_problem
from ..model.attributes import AttributeText, AttributeValue
from ..model.catalog import Catalog, SkuRecord
from ..model.listing import EMPTY_ATTRIBUTES, Listing, ListingStatus
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.storefront import StorefrontLink
from ._limits import AmountText

__all__ = ["catalog_within_limits", "record_data"]

_ORDER = {m: i for i, m in enumerate(Marketplace)}


def _value(value: Any) -> Any:
    """One model value as plain JSON data."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Marketplace):
        return value.name
    if isinstance(value, Money):
        return {
            "amount": AmountText(value.amount),
            "currency": value.currency,
        }
    if isinstance(value, Decimal):
        return AmountText(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StorefrontLink):
        return value.url
    if isinstance(value, Catalog):
        return _catalog(value)
    if isinstance(value, immutables.Map):
        return {_key(k): _value(v) for k, v in sorted(value.items(), key=_by)}
    if isinstance(value, frozenset):
        return [_value(item) for item in sorted(value, key=_sort_key)]
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if hasattr(value, "value") and not attrs.has(type(value)):
        return value.value  # an enumeration
    return _record(value)


def _key(key: Any) -> str:
    return key.name if isinstance(key, Marketplace) else str(key)


def _sort_key(item: Any) -> Any:
    return _ORDER[item] if isinstance(item, Marketplace) else str(item)


def _by(pair: tuple[Any, Any]) -> Any:
    return _sort_key(pair[0])


def _record(value: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        item = getattr(value, field.name)
        default: Any = field.default
        factory = getattr(default, "factory", None)
        if factory is not None:
            default = factory()
        if default is not attrs.NOTHING and item == default:
            continue
        fields[field.alias or field.name] = _value(item)
    return fields


def _listing(listing: Listing) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": listing.title,
        "price": _value(listing.price),
        "channel": listing.channel.value,
    }
    if listing.status is not ListingStatus.ACTIVE:
        data["status"] = listing.status.value
    if listing.attributes is not EMPTY_ATTRIBUTES and listing.attributes:
        data["attributes"] = {
            name: _attribute(value)
            for name, value in sorted(listing.attributes.items())
        }
    return data


def _attribute(value: AttributeText) -> Any:
    """``_value(value)``, an attribute value written out directly."""
    if type(value) is not AttributeValue:
        return _value(value)  # text
    if value.language_tag is None:
        return {"value": value.value}
    return {"value": value.value, "language_tag": value.language_tag}


def _sku(record: SkuRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"sku": str(record.sku)}
    if record.asin is not None:
        data["asin"] = str(record.asin)
    mfn = _record(record.mfn)
    if mfn:
        data["mfn"] = mfn
    if record.fba:
        data["fba"] = _value(record.fba)
    if record.remote_fulfillment:
        data["remote_fulfillment"] = _value(record.remote_fulfillment)
    if record.listings:
        data["listings"] = {
            listing.marketplace.name: _listing(listing)
            for listing in record.listings
        }
    return data


def _catalog(catalog: Catalog) -> dict[str, Any]:
    records = sorted(catalog, key=lambda record: str(record.sku))
    return {"skus": [_sku(record) for record in records]}


_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS


def catalog_within_limits(catalog: Catalog) -> bool:
    """Whether every value ``_catalog`` writes is within the limits.

    What the model does not hold to them itself: quantities (whole
    numbers of any size) and prices (amounts of any number of digits).
    Its texts are: a SKU and an ASIN are short ASCII, a title and each
    attribute name and value are held to
    :func:`~unified_account.limits.text_problem` when made, a language
    tag and a currency to their patterns; the rest are enumerations.
    ``False`` means the dump walks the records to find the problem.
    """
    for record in catalog:
        if record.mfn.quantity >= _WHOLE_LIMIT or any(
            units >= _WHOLE_LIMIT for units in record.fba.values()
        ):
            return False
        for listing in record.listings:
            if amount_problem(listing.price.amount) is not None:
                return False
    return True


def record_data(value: Any) -> dict[str, Any]:
    """An attrs value as plain JSON data, fields at their default left out.

    :func:`unified_account.snapshot.dump_snapshot` writes a snapshot with
    it; this module knows no ``Snapshot``, so the package that defines
    one imports it, never the other way round.
    """
    return _record(value)
