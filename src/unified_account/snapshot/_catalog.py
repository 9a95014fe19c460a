"""Reading a snapshot's ``catalog``: SKUs, pools and listings.

In JSON a listing sits under its SKU and marketplace
(``catalog.skus[3].listings.CA``), so it does not repeat them; these hooks
pass both down while building each value, and name the JSON path of the
first problem below ``catalog`` (``skus[3].listings.CA.price``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import immutables

from .._excerpt import excerpt
from ..errors import InvalidValueError, UnifiedAccountError
from ..model._converter import converter, expect
from ..model.attributes import _TAG, AttributeText, AttributeValue
from ..model.catalog import Catalog, SkuRecord
from ..model.identifiers import Asin, Sku, to_asin, to_sku
from ..model.inventory import NO_MFN_STOCK, MfnArrangement, MfnPool
from ..model.listing import (
    EMPTY_ATTRIBUTES,
    FulfillmentChannel,
    Listing,
    ListingStatus,
)
from ..model.marketplace import Marketplace
from ..model.money import (
    AMOUNT_TEXT_INTEGER_DIGITS,
    Money,
    currency_precision,
    parse_amount_text,
)
from ..model.rows import listing_of, plain_money
from ._limits import MAX_TEXT_CHARACTERS, first_past_limit

__all__ = ["structure_catalog"]

T = TypeVar("T")


def _join(path: str, field: str | None) -> str:
    if not field:
        return path
    separator = "" if not path or field.startswith("[") else "."
    return f"{path}{separator}{field}"


def _at(path: str, build: Callable[..., T], *args: Any) -> T:
    """``build(*args)``, with any error's field prefixed by ``path``."""
    try:
        return build(*args)
    except InvalidValueError as error:
        raise InvalidValueError(
            error.problem, field=_join(path, error.field)
        ) from None
    except UnifiedAccountError as error:  # pragma: no cover  (no builder
        # below raises another kind of our errors today; one that does will
        # still be reported with its path)
        raise InvalidValueError(str(error), field=path) from None


def _object(value: object, allowed: frozenset[str]) -> dict[str, Any]:
    expect(value, dict, "an object")
    assert isinstance(value, dict)
    extra = sorted(set(value) - allowed)
    if extra:
        raise InvalidValueError(
            "unknown field " + ", ".join(f"`{excerpt(key)}`" for key in extra)
        )
    return value


def _required(value: dict[str, Any], key: str) -> Any:
    if key not in value:
        raise InvalidValueError("missing required field", field=key)
    return value[key]


def _text(value: object) -> str:
    # No length check here: a record read step by step has been walked by
    # ``_within_limits`` first, which refuses any string past the limit.
    expect(value, str, "a string")
    assert isinstance(value, str)
    return value


def _whole(value: object) -> int:
    expect(value, int, "a whole number")
    assert isinstance(value, int)
    return value


def _marketplace(key: object) -> Marketplace:
    return converter.structure(key, Marketplace)


def _attribute(value: object) -> AttributeText:
    if isinstance(value, str):
        return value
    fields = _object(value, frozenset({"value", "language_tag"}))
    tag = fields.get("language_tag")
    return AttributeValue(
        _at("value", _text, _required(fields, "value")),
        None if tag is None else _at("language_tag", _text, tag),
    )


def _attributes(value: object) -> dict[str, AttributeText]:
    expect(value, dict, "an object of names to values")
    assert isinstance(value, dict)
    return {
        _text(key): _at(excerpt(key), _attribute, text)
        for key, text in value.items()
    }


_LISTING_KEYS = frozenset(
    {"title", "price", "channel", "status", "attributes"}
)


def _listing(value: object, sku: Sku, marketplace: Marketplace) -> Listing:
    fields = _object(value, _LISTING_KEYS)
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title=_at("title", _text, _required(fields, "title")),
        price=_at(
            "price", converter.structure, _required(fields, "price"), Money
        ),
        channel=_at(
            "channel",
            converter.structure,
            _required(fields, "channel"),
            FulfillmentChannel,
        ),
        status=_at(
            "status",
            converter.structure,
            fields.get("status", ListingStatus.ACTIVE.value),
            ListingStatus,
        ),
        attributes=_at(
            "attributes", _attributes, fields.get("attributes", {})
        ),
    )


_MFN_KEYS = frozenset({"arrangement", "marketplace", "quantity"})


def _mfn(value: object) -> MfnPool:
    fields = _object(value, _MFN_KEYS)
    marketplace = fields.get("marketplace")
    return MfnPool(
        quantity=_at("quantity", _whole, fields.get("quantity", 0)),
        arrangement=_at(
            "arrangement",
            converter.structure,
            fields.get("arrangement", MfnArrangement.SHARED.value),
            MfnArrangement,
        ),
        marketplace=(
            None
            if marketplace is None
            else _at("marketplace", _marketplace, marketplace)
        ),
    )


def _fba(value: object) -> immutables.Map[Marketplace, int]:
    expect(value, dict, "an object of marketplaces to quantities")
    assert isinstance(value, dict)
    pools = {}
    for key, quantity in value.items():
        marketplace = _at(excerpt(key), _marketplace, key)
        pools[marketplace] = _at(excerpt(key), _whole, quantity)
    return immutables.Map(pools)


def _asin(value: object) -> Asin:
    return to_asin(_text(value))


def _sku(value: object) -> Sku:
    return to_sku(_text(value))


_RECORD_KEYS = frozenset(
    {"sku", "asin", "mfn", "fba", "listings", "remote_fulfillment"}
)


def _enrolled(value: object) -> frozenset[Marketplace]:
    expect(value, list, "an array of marketplaces")
    assert isinstance(value, list)
    enrolled: set[Marketplace] = set()
    for index, key in enumerate(value):
        marketplace = _at(f"[{index}]", _marketplace, key)
        if marketplace in enrolled:  # a set, as the schema's uniqueItems
            raise InvalidValueError(
                f"`{excerpt(key)}` appears twice in the set",
                field=f"[{index}]",
            )
        enrolled.add(marketplace)
    return frozenset(enrolled)


def _record(value: object) -> SkuRecord:
    fields = _object(value, _RECORD_KEYS)
    sku = _at("sku", _sku, _required(fields, "sku"))
    asin = _at("asin", _asin, fields["asin"]) if "asin" in fields else None
    listings = fields.get("listings", {})
    _at("listings", expect, listings, dict, "an object of marketplaces")
    built = []
    for key, raw in listings.items():
        marketplace = _at(f"listings.{excerpt(key)}", _marketplace, key)
        built.append(
            _at(f"listings.{excerpt(key)}", _listing, raw, sku, marketplace)
        )
    return SkuRecord(
        sku=sku,
        asin=asin,
        mfn=_at("mfn", _mfn, fields.get("mfn", {})),
        fba=_at("fba", _fba, fields.get("fba", {})),
        listings=built,
        remote_fulfillment=_at(
            "remote_fulfillment",
            _enrolled,
            fields.get("remote_fulfillment", []),
        ),
    )


# The fast path.  A catalogue of a million SKUs is read SKU by SKU by
# ``_quick_record``: JSON types are checked inline and the model's own
# constructors check the rest, each value once.  Anything unusual (a
# wrong type, an unknown key, a value a constructor refuses) sends that
# SKU to ``_record`` above, which reads it step by step and names the
# JSON path of the problem.  Equal prices and pools are built once per
# load and shared: they are immutable values.

_STATUSES = {status.value: status for status in ListingStatus}
_CHANNELS = {channel.value: channel for channel in FulfillmentChannel}
_ARRANGEMENTS = {kind.value: kind for kind in MfnArrangement}
_MARKETPLACES = dict(Marketplace.__members__)
_NOT_ENROLLED: frozenset[Marketplace] = frozenset()


class _Shared:
    """Values built once per load, by their JSON: prices, pools, attributes."""

    __slots__ = ("attributes", "names", "pools", "prices")

    def __init__(self) -> None:
        self.prices: dict[tuple[str, str], Money] = {}
        self.pools: dict[tuple[int, str, str | None], MfnPool] = {}
        self.attributes: dict[tuple[str, str | None], AttributeValue] = {}
        # Attribute names already checked: a catalogue uses a few.
        self.names: set[str] = set()


def _quick_price(value: Any, shared: _Shared) -> Money:
    # Two keys, both read: exactly ``amount`` and ``currency`` (a key
    # missing raises KeyError, which sends the record the careful way).
    if type(value) is not dict or len(value) != 2:
        raise ValueError
    key = (value["amount"], value["currency"])
    money = shared.prices.get(key)
    if money is None:
        amount, currency = key
        if type(currency) is not str:
            raise ValueError
        money = shared.prices[key] = (
            plain_money(amount, currency)
            if _plain_amount(amount, _PLACES.get(currency))
            # The grammar and the digit limits of every decimal in a
            # snapshot, and the constructor's checks.
            else Money(parse_amount_text(amount), currency)
        )
    return money


_PLACES = {m.currency: currency_precision(m.currency) for m in Marketplace}


def _plain_amount(amount: object, places: int | None) -> bool:
    """Whether ``amount`` is digits, a point and ``places`` decimals.

    Such a text is within the snapshot's grammar and digit limits and is
    exact in its currency, so :func:`money_of` builds it directly.
    """
    if type(amount) is not str or places is None:
        return False
    whole, point, fraction = amount.partition(".")
    return (
        bool(point)
        and len(fraction) == places
        and 0 < len(whole) <= AMOUNT_TEXT_INTEGER_DIGITS
        and amount.isascii()
        and whole.isdigit()
        and fraction.isdigit()
    )


def _quick_pool(value: Any, shared: _Shared) -> MfnPool:
    if type(value) is not dict or not _MFN_KEYS.issuperset(value):
        raise ValueError
    quantity = value.get("quantity", 0)
    arrangement = value.get("arrangement", "shared")
    code = value.get("marketplace")
    if type(quantity) is not int or type(arrangement) is not str:
        raise ValueError
    if code is not None and type(code) is not str:
        raise ValueError
    key = (quantity, arrangement, code)
    pool = shared.pools.get(key)
    if pool is None:
        pool = shared.pools[key] = MfnPool(
            quantity=quantity,
            arrangement=_ARRANGEMENTS[arrangement],
            marketplace=None if code is None else _MARKETPLACES[code],
        )
    return pool


def _quick_listing(
    value: Any, sku: Sku, marketplace: Marketplace, shared: _Shared
) -> Listing:
    if type(value) is not dict or not _LISTING_KEYS.issuperset(value):
        raise ValueError
    title = value["title"]
    status = value.get("status", "active")
    if type(title) is not str or type(status) is not str:
        raise ValueError
    if len(title) > MAX_TEXT_CHARACTERS:
        raise ValueError
    attributes = value.get("attributes", _NO_ATTRIBUTES)
    return listing_of(
        sku,
        marketplace,
        title,
        _quick_price(value["price"], shared),
        _CHANNELS[value["channel"]],
        _STATUSES[status],
        (
            EMPTY_ATTRIBUTES
            if attributes is _NO_ATTRIBUTES
            else _quick_attributes(attributes, shared)
        ),
        attributes_checked=True,
    )


_NO_ATTRIBUTES: dict[str, Any] = {}
_ATTRIBUTE_KEYS = frozenset({"value", "language_tag"})


def _plain_text(value: object) -> bool:
    """Whether ``value`` is a string an attribute may hold as it is.

    Not blank, within the text limit (a record read quickly is not
    walked), and (as the document holds no surrogate, or it would have
    been walked) writable.
    """
    return (
        type(value) is str
        and 0 < len(value) <= MAX_TEXT_CHARACTERS
        and not value.isspace()
    )


def _quick_attributes(
    value: Any, shared: _Shared
) -> immutables.Map[str, AttributeText]:
    """A listing's key attributes, each value checked as ``Listing`` does.

    Equal values with a language are built once per load and shared.
    """
    if type(value) is not dict:
        raise ValueError
    if not value:
        return EMPTY_ATTRIBUTES
    built: dict[str, AttributeText] = {}
    names = shared.names
    for name, text in value.items():
        if name not in names:
            if not _plain_text(name):
                raise ValueError
            names.add(name)
        # ``_plain_text``, inline: most values are plain strings.
        if (
            type(text) is str
            and 0 < len(text) <= MAX_TEXT_CHARACTERS
            and not text.isspace()
        ):
            built[name] = text
        elif type(text) is dict:
            if not _ATTRIBUTE_KEYS.issuperset(text):
                raise ValueError
            key = (text["value"], text.get("language_tag"))
            known = shared.attributes.get(key)
            if known is None:
                words, tag = key
                if not _plain_text(words) or not (
                    tag is None or (type(tag) is str and _TAG.fullmatch(tag))
                ):
                    raise ValueError
                known = shared.attributes[key] = AttributeValue(words, tag)
            built[name] = known
        else:
            raise ValueError
    return immutables.Map(built)


def _quick_record(value: Any, shared: _Shared) -> SkuRecord:
    if type(value) is not dict or not _RECORD_KEYS.issuperset(value):
        raise ValueError
    if "remote_fulfillment" in value:
        raise ValueError  # rare: read by the step-by-step path
    sku = to_sku(value["sku"])
    asin = to_asin(value["asin"]) if "asin" in value else None
    pool = _quick_pool(value["mfn"], shared) if "mfn" in value else None
    pools = None
    if "fba" in value:
        fba = value["fba"]
        if type(fba) is not dict:
            raise ValueError
        for units in fba.values():
            if type(units) is not int or units < 0:
                raise ValueError
        if fba:
            pools = immutables.Map(
                {_MARKETPLACES[code]: units for code, units in fba.items()}
            )
    listings = value.get("listings", {})
    if type(listings) is not dict:
        raise ValueError
    # Every value is checked above, or by ``listing_of``: the record
    # checks only its invariants across fields.
    built = []
    for code, raw in listings.items():
        built.append(_quick_listing(raw, sku, _MARKETPLACES[code], shared))
    return SkuRecord._from_row(
        sku,
        asin,
        NO_MFN_STOCK if pool is None else pool,
        pools,
        tuple(built),
        _NOT_ENROLLED,
    )


# A record sits at ``catalog.skus[i]``: three levels below the document.
_RECORD_DEPTH = 3


def _within_limits(value: object) -> None:
    """Refuse a value past a limit in a record not read quickly.

    The document's walk leaves out the records (see ``_limits.Reading``):
    a record read quickly holds nothing past a limit, and any other is
    walked here.
    """
    found = first_past_limit(value, "", _RECORD_DEPTH)
    if found is not None:
        path, problem = found
        raise InvalidValueError(problem, field=path or None)


def structure_catalog(value: object, _: type) -> Catalog:
    """The cattrs hook for :class:`Catalog`: ``{"skus": [...]}``."""
    fields = _object(value, frozenset({"skus"}))
    skus = fields.get("skus", [])
    _at("skus", expect, skus, list, "an array of SKUs")
    records = []
    seen: set[str] = set()
    shared = _Shared()
    for index, raw in enumerate(skus):
        where = f"skus[{index}]"
        try:
            record = _quick_record(raw, shared)
        except Exception:  # any doubt: the careful path names the problem
            _at(where, _within_limits, raw)
            record = _at(where, _record, raw)
        if record.sku in seen:
            raise InvalidValueError(
                f"SKU `{excerpt(record.sku)}` appears twice",
                field=f"{where}.sku",
            )
        seen.add(record.sku)
        records.append(record)
    return Catalog(records)


converter.register_structure_hook(Catalog, structure_catalog)
