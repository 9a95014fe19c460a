r"""Every limit holds inside a catalogue record, whichever path reads it.

The loader walks the parsed document for values past a limit, but leaves
out the catalogue's records when its JSON hooks and a search of the text
saw nothing only the walk reports (``snapshot/_limits.py``, ``Reading``):
a record read quickly holds nothing past a limit, and a record read
carefully is walked on its own (``snapshot/_catalog.py``,
``_within_limits``).  Each case here puts one value past a limit in a
record and checks the error and its JSON path three ways:

- ``quick``: in a record the fast path would otherwise read;
- ``careful``: in a record the fast path passes to the careful one
  (it names ``remote_fulfillment``);
- ``walked``: in a quick record of a document walked whole (the seller's
  name holds an emoji, written as an escaped surrogate pair).

Each case is read as ``str`` and as UTF-8 ``bytes``, escaped (``\u00e9``)
and raw, and as UTF-16 ``bytes``: all must give the same error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account import SnapshotError, parse_snapshot
from unified_account.snapshot import example_text
from unified_account.snapshot._limits import (
    MAX_DEPTH,
    MAX_TEXT_CHARACTERS,
    MAX_WHOLE_DIGITS,
    Reading,
)

LONG = "t" * (MAX_TEXT_CHARACTERS + 1)
AT_LIMIT = "t" * MAX_TEXT_CHARACTERS
SURROGATE = "x\ud800"
# Replaced in the JSON text by a key given twice (json cannot write one).
TWICE = "__the_key_given_twice__"
# Replaced in the JSON text by an emoji written as an escaped surrogate
# pair, raw text or not: a valid value that makes the loader walk it all.
EMOJI = "__an_emoji__"
PAST_WHOLE = 10**MAX_WHOLE_DIGITS  # 16 digits


def _document() -> dict[str, Any]:
    return json.loads(example_text())


def _record(*, careful: bool) -> dict[str, Any]:
    """A plain record, one the fast path reads unless ``careful``."""
    record: dict[str, Any] = {
        "sku": "LIMIT-TEST-1",
        "mfn": {"arrangement": "shared", "quantity": 3},
        "fba": {"US": 2},
        "listings": {
            "US": {
                "title": "A plain title",
                "price": {"amount": "12.00", "currency": "USD"},
                "channel": "mfn",
            }
        },
    }
    if careful:
        record["remote_fulfillment"] = []
    return record


def _listing(record: dict[str, Any]) -> dict[str, Any]:
    listing: dict[str, Any] = record["listings"]["US"]
    return listing


def _nested(depth: int) -> dict[str, Any]:
    nested: dict[str, Any] = {"x": "leaf"}
    for _ in range(depth):
        nested = {"x": nested}
    return nested


def _set_duplicate(record: dict[str, Any]) -> None:
    _listing(record)[TWICE] = "A second title"


# (change to the record, path below the record, words of the problem)
CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "long title": (
        lambda r: _listing(r).update(title=LONG),
        "listings.US.title",
        "longer than 10,000 characters",
    ),
    "long attribute name": (
        lambda r: _listing(r).update(attributes={LONG: "v"}),
        "listings.US.attributes",
        "key `tttt",
    ),
    "long attribute value": (
        lambda r: _listing(r).update(attributes={"colour": LONG}),
        "listings.US.attributes.colour",
        "longer than 10,000 characters",
    ),
    "long attribute value in an object": (
        lambda r: _listing(r).update(
            attributes={"colour": {"value": LONG, "language_tag": "en_US"}}
        ),
        "listings.US.attributes.colour.value",
        "longer than 10,000 characters",
    ),
    "long language tag": (
        lambda r: _listing(r).update(
            attributes={"colour": {"value": "White", "language_tag": LONG}}
        ),
        "listings.US.attributes.colour.language_tag",
        "longer than 10,000 characters",
    ),
    "long sku": (
        lambda r: r.update(sku=LONG),
        "sku",
        "longer than 10,000 characters",
    ),
    "long amount": (
        lambda r: _listing(r)["price"].update(amount="1" * 10_001),
        "listings.US.price.amount",
        "longer than 10,000 characters",
    ),
    "16 digits before the point in a price": (
        lambda r: _listing(r)["price"].update(amount="1" * 16 + ".00"),
        "listings.US.price.amount",
        "has more than 15 digits before the point or 12 after it",
    ),
    "13 digits after the point in a price": (
        lambda r: _listing(r)["price"].update(amount="1." + "0" * 13),
        "listings.US.price.amount",
        "has more than 15 digits before the point or 12 after it",
    ),
    "40 digits in a price": (
        lambda r: _listing(r)["price"].update(amount="9" * 40),
        "listings.US.price.amount",
        "has more than 15 digits before the point or 12 after it",
    ),
    "long marketplace key": (
        lambda r: r["fba"].update({LONG: 1}),
        "fba",
        "key `tttt",
    ),
    "surrogate in a title": (
        lambda r: _listing(r).update(title=SURROGATE),
        "listings.US.title",
        "cannot be written as UTF-8",
    ),
    "surrogate in an attribute name": (
        lambda r: _listing(r).update(attributes={SURROGATE: "v"}),
        "listings.US.attributes",
        "cannot be written as UTF-8",
    ),
    "surrogate in an attribute value": (
        lambda r: _listing(r).update(attributes={"colour": SURROGATE}),
        "listings.US.attributes.colour",
        "cannot be written as UTF-8",
    ),
    "surrogate in a language tag": (
        lambda r: _listing(r).update(
            attributes={
                "colour": {"value": "White", "language_tag": SURROGATE}
            }
        ),
        "listings.US.attributes.colour.language_tag",
        "cannot be written as UTF-8",
    ),
    "duplicate key in a listing": (
        _set_duplicate,
        "listings.US.title",
        "the key appears twice in one object",
    ),
    "16-digit quantity": (
        lambda r: r["mfn"].update(quantity=PAST_WHOLE),
        "mfn.quantity",
        f"`{PAST_WHOLE}` has more than 15 digits",
    ),
    "negative 16-digit quantity": (
        lambda r: r["fba"].update(US=-PAST_WHOLE),
        "fba.US",
        f"`{-PAST_WHOLE}` has more than 15 digits",
    ),
    "nesting under attributes": (
        lambda r: _listing(r).update(attributes={"deep": _nested(40)}),
        "listings.US.attributes.deep" + ".x" * (MAX_DEPTH - 7),
        f"nested deeper than {MAX_DEPTH} levels",
    ),
    "nesting in a price": (
        lambda r: _listing(r)["price"].update(amount=_nested(40)),
        "listings.US.price.amount" + ".x" * (MAX_DEPTH - 7),
        f"nested deeper than {MAX_DEPTH} levels",
    ),
}


def _text(document: dict[str, Any], *, ascii_only: bool) -> str:
    text = json.dumps(document, ensure_ascii=ascii_only)
    # The only way to write a key twice: JSON encoders never do.
    return text.replace(
        f'"{TWICE}": ', '"title": "A plain title", "title": ', 1
    ).replace(EMOJI, "\\ud83d\\ude00", 1)


ENCODINGS: dict[str, Callable[[dict[str, Any]], str | bytes]] = {
    "str, escaped": lambda d: _text(d, ascii_only=True),
    "str, raw": lambda d: _text(d, ascii_only=False),
    "bytes, escaped": lambda d: _text(d, ascii_only=True).encode("ascii"),
    "bytes, raw UTF-8": lambda d: _text(d, ascii_only=False).encode(
        "utf-8", "surrogatepass"
    ),
    "bytes, UTF-16": lambda d: _text(d, ascii_only=False).encode(
        "utf-16", "surrogatepass"
    ),
}

PATHS = ("quick", "careful", "walked")


def _snapshot_with(
    change: Callable[[dict[str, Any]], None], how: str
) -> tuple[dict[str, Any], int]:
    document = _document()
    record = _record(careful=how == "careful")
    change(record)
    skus = document["catalog"]["skus"]
    skus.append(record)
    if how == "walked":
        document["account"]["registration_info"]["display_name"] = EMOJI
    return document, len(skus) - 1


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("how", PATHS)
@pytest.mark.parametrize("case", CASES)
def test_a_value_past_a_limit_in_a_record_is_refused_with_its_path(
    case: str, how: str, encoding: str
) -> None:
    """The same error and path, whichever way the record is read."""
    change, below, words = CASES[case]
    document, index = _snapshot_with(change, how)
    text = ENCODINGS[encoding](document)
    if "surrogate" not in case and "UTF-16" not in encoding:
        assert Reading.may_hold_surrogates(text) is (how == "walked")
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(text, "seller.json")
    assert error.value.path == f"catalog.skus[{index}].{below}"
    assert words in error.value.problem
    assert error.value.source == "seller.json"
    assert len(str(error.value)) < 500


# The same limits outside the catalogue: (change, path, words).
OUTSIDE: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "long value": (
        lambda d: d["orders"][0].update(order_id=LONG),
        "orders[0].order_id",
        "longer than 10,000 characters",
    ),
    "long key": (
        lambda d: d["account"].update({LONG: 1}),
        "account",
        "key `tttt",
    ),
    "surrogate": (
        lambda d: d["account"].update(seller_id=SURROGATE),
        "account.seller_id",
        "cannot be written as UTF-8",
    ),
    "duplicate key": (
        lambda d: d["account"].update({TWICE: "x"}),
        "account.title",
        "the key appears twice in one object",
    ),
    "16-digit version": (
        lambda d: d.update(version=PAST_WHOLE),
        "version",
        "has more than 15 digits",
    ),
    "nesting": (
        lambda d: d["brand_attributes"].insert(0, _nested(40)),
        "brand_attributes[0]" + ".x" * (MAX_DEPTH - 2),
        f"nested deeper than {MAX_DEPTH} levels",
    ),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("case", OUTSIDE)
def test_a_value_past_a_limit_outside_the_records_is_refused(
    case: str, encoding: str
) -> None:
    """Outside the catalogue the walk always looks."""
    change, path, words = OUTSIDE[case]
    document = _document()
    change(document)
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(ENCODINGS[encoding](document), "seller.json")
    assert error.value.path == path
    assert words in error.value.problem


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("careful", [False, True])
def test_a_record_at_every_limit_loads(encoding: str, careful: bool) -> None:
    """Values at the limits are read, by either path, equal."""
    document = _document()
    record = _record(careful=careful)
    listing = _listing(record)
    listing["title"] = AT_LIMIT
    listing["price"]["amount"] = "000" + "9" * 15 + ".99"
    record["mfn"]["quantity"] = 10**MAX_WHOLE_DIGITS - 1
    record["fba"]["US"] = 10**MAX_WHOLE_DIGITS - 1
    document["catalog"]["skus"].append(record)
    seller = parse_snapshot(ENCODINGS[encoding](document))
    loaded = seller.catalog.record("LIMIT-TEST-1")
    assert loaded.listings[0].title == AT_LIMIT
    assert loaded.mfn.quantity == 10**MAX_WHOLE_DIGITS - 1
    assert loaded.listings[0].price.amount == Decimal("9" * 15 + ".99")


def test_a_record_with_attributes_at_the_limits_loads() -> None:
    """An attribute name and value at the limit: read."""
    document = _document()
    record = _record(careful=False)
    _listing(record)["attributes"] = {
        AT_LIMIT: {"value": AT_LIMIT, "language_tag": "en_US"},
        "deep enough": "x",
    }
    document["catalog"]["skus"].append(record)
    seller = parse_snapshot(json.dumps(document))
    listing = seller.catalog.record("LIMIT-TEST-1").listings[0]
    assert listing.attributes[AT_LIMIT].value == AT_LIMIT
    assert listing.attributes[AT_LIMIT].language_tag == "en_US"


@given(st.text(max_size=20))
def test_text_that_may_hold_a_surrogate_is_found(text: str) -> None:
    """The text search never misses a surrogate the parser would make.

    Whatever string a document holds, written any way JSON writes it, if
    it decodes to a surrogate then the search says it may hold one.
    """
    for ascii_only in (True, False):
        json_text = json.dumps({"k": text}, ensure_ascii=ascii_only)
        decoded = json.loads(json_text)["k"]
        has_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in decoded)
        as_bytes = json_text.encode("utf-8", "surrogatepass")
        if has_surrogate:
            assert Reading.may_hold_surrogates(json_text)
            assert Reading.may_hold_surrogates(as_bytes)
        if not ascii_only and not has_surrogate:
            # Raw text with no surrogate: nothing to walk for.
            assert not Reading.may_hold_surrogates(json_text)
            assert not Reading.may_hold_surrogates(as_bytes)


@pytest.mark.parametrize(
    "escape", ["\\ud800", "\\uD800", "\\udfff", "\\uDBFF", "\\uDc00"]
)
def test_every_spelling_of_a_surrogate_escape_is_found(escape: str) -> None:
    """Upper and lower case hex digits alike."""
    text = '{"k": "' + escape + '"}'
    assert Reading.may_hold_surrogates(text)
    assert Reading.may_hold_surrogates(text.encode("ascii"))
    assert not Reading.may_hold_surrogates(text.replace("\\u", "u"))


def test_utf16_bytes_are_always_walked() -> None:
    """Bytes in UTF-16 or UTF-32 are not searched, only walked."""
    for encoding in ("utf-16", "utf-16-le", "utf-32"):
        assert Reading.may_hold_surrogates('{"k": 1}'.encode(encoding))
    assert not Reading.may_hold_surrogates(b'{"k": 1}')


def _near(valid: list[Any], odd: list[Any]) -> st.SearchStrategy[Any]:
    """A value from ``valid`` five times in six, else from ``odd``."""
    return st.integers(0, 5).flatmap(
        lambda n: st.sampled_from(odd if n == 0 else valid)
    )


_AMOUNTS = st.one_of(
    st.sampled_from(
        ["12.00", "0.99", "7", "000123.40", "-0", "-0.00", "9" * 15 + ".99"]
    ),
    st.sampled_from(
        [
            "1" * 16,
            "1." + "0" * 13,
            "9" * 40,
            "12.001",
            "1e2",
            "+1",
            ".5",
            " 1",
            "١٢",
            "1_0",
            12,
            12.5,
            None,
        ]
    ),
)
_QUANTITIES = _near(
    [0, 3, 10**15 - 1], [-1, True, 1.0, "3", None, 10**15, -(10**15)]
)


@st.composite
def _plain_records(draw: st.DrawFn) -> dict[str, Any]:
    """Records of the fast path's shape, any field perhaps odd."""
    code = draw(_near(["US", "CA", "MX"], ["us", "US ", "DE", "BR", ""]))
    own = {"US": "USD", "CA": "CAD", "MX": "MXN"}.get(code, "EUR")
    currency = draw(_near([own], ["USD", "usd", "EUR", "", 1]))
    listing: dict[str, Any] = {
        "title": draw(_near(["Mug", "é" * 3], ["", " ", 5, None])),
        "price": {"amount": draw(_AMOUNTS), "currency": currency},
        "channel": draw(_near(["mfn", "fba"], ["MFN", "afn", None])),
    }
    if draw(st.booleans()):
        listing["status"] = draw(
            _near(["active", "inactive", "deleted"], ["Active", 1])
        )
    record: dict[str, Any] = {
        "sku": draw(_near(["SKU-1", "a" * 40], ["a" * 41, " x", "", 1])),
        "listings": {code: listing},
    }
    if draw(st.booleans()):
        record["asin"] = draw(_near(["B0EXAMPL99"], ["b0exampl99", "B0"]))
    if draw(st.booleans()):
        record["mfn"] = {
            "quantity": draw(_QUANTITIES),
            "arrangement": draw(_near(["shared", "separate"], ["Shared"])),
        }
        if draw(st.booleans()):
            record["mfn"]["marketplace"] = draw(_near([code], ["us", 1, None]))
    if draw(st.booleans()):
        record["fba"] = {draw(_near(["US", "CA"], ["us"])): draw(_QUANTITIES)}
    return record


def _outcome(record: dict[str, Any], *, careful: bool) -> object:
    document = _document()
    if careful:
        record = dict(record, remote_fulfillment=[])
    document["catalog"]["skus"] = [record]
    try:
        seller = parse_snapshot(json.dumps(document))
    except SnapshotError as error:
        return error.path, error.problem
    return seller.catalog


@settings(max_examples=300)
@given(_plain_records())
def test_the_fast_path_reads_what_the_careful_path_reads(
    record: dict[str, Any],
) -> None:
    """Read quickly or carefully: the same catalogue, or the same error."""
    assert _outcome(record, careful=False) == _outcome(record, careful=True)
