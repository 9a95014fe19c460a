"""The catalogue's fast reading path agrees with the careful one."""

import contextlib
import gc
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import SnapshotError, parse_snapshot
from unified_account.errors import InvalidValueError
from unified_account.model.attributes import AttributeValue
from unified_account.snapshot import example_text
from unified_account.snapshot._catalog import _quick_record, _record, _Shared


def mostly(valid, odd):
    """``valid`` most of the time, sometimes ``odd``."""
    return st.integers(0, 6).flatmap(lambda n: odd if n == 0 else valid)


_CODES = st.sampled_from(["US", "CA", "MX", "DE", "XX"])
_ODD = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 3), st.text(max_size=3)
)
_PRICE = st.one_of(
    st.fixed_dictionaries(
        {
            "amount": mostly(
                st.sampled_from(["1.00", "2.5", "30"]),
                st.sampled_from(["19.999", "-1", "x", " 1"]),
            ),
            "currency": mostly(
                st.sampled_from(["USD", "CAD", "MXN"]),
                st.sampled_from(["EUR", "ZZZ"]),
            ),
        }
    ),
    st.fixed_dictionaries({"amount": st.just("1.00")}),
    _ODD,
)
_LONG = "x" * 10_001  # one past the text limit
_ATTRIBUTE_NAME = mostly(
    st.sampled_from(["color", "brand", "size"]),
    st.sampled_from(["", " ", _LONG]),
)
_VALID_ATTRIBUTE = st.one_of(
    st.sampled_from(["Black", "MD-100", "12 oz"]),
    st.fixed_dictionaries(
        {"value": st.sampled_from(["Black", "Noir", "Negro"])},
        optional={
            "language_tag": st.sampled_from(["en_US", "fr_CA", "es", None])
        },
    ),
)
_ATTRIBUTE = mostly(
    _VALID_ATTRIBUTE,
    st.one_of(
        st.sampled_from(["", " ", _LONG]),
        st.fixed_dictionaries(
            {"value": st.sampled_from(["", " ", _LONG, "Black"])},
            optional={
                "language_tag": st.sampled_from(["EN", "en-US", "", "fr_CA"])
            },
        ),
        st.fixed_dictionaries({"language_tag": st.just("en_US")}),
        st.fixed_dictionaries(
            {"value": st.just("Black"), "extra": st.just(1)}
        ),
        st.fixed_dictionaries({"value": st.lists(st.just("a"), max_size=1)}),
        _ODD,
    ),
)
_ATTRIBUTES = mostly(
    st.dictionaries(_ATTRIBUTE_NAME, _ATTRIBUTE, max_size=3),
    st.one_of(_ODD, st.lists(st.just("color"), max_size=1)),
)
_LISTING = mostly(
    st.fixed_dictionaries(
        {
            "title": mostly(st.just("Mug"), st.sampled_from([" ", ""])),
            "price": mostly(_PRICE, _ODD),
            "channel": mostly(st.sampled_from(["mfn", "fba"]), _ODD),
        },
        optional={
            "status": mostly(
                st.sampled_from(["active", "inactive", "deleted"]), _ODD
            ),
            "attributes": _ATTRIBUTES,
            "extra": _ODD,
        },
    ),
    _ODD,
)
_CURRENCY = {"US": "USD", "CA": "CAD", "MX": "MXN", "DE": "EUR", "XX": "USD"}


@st.composite
def _listed(draw):
    """A marketplace code and a listing, mostly priced in its currency."""
    code = draw(mostly(st.sampled_from(["US", "CA", "MX"]), _CODES))
    listing = draw(_LISTING)
    priced = isinstance(listing, dict) and isinstance(
        listing.get("price"), dict
    )
    if priced and draw(st.integers(0, 5)):
        listing["price"]["currency"] = _CURRENCY[code]
    return code, listing


_LISTED = _listed()
_POOL = st.fixed_dictionaries(
    {},
    optional={
        "quantity": st.one_of(st.integers(-1, 5), _ODD),
        "arrangement": st.one_of(
            st.sampled_from(["shared", "separate"]), _ODD
        ),
        "marketplace": st.one_of(_CODES, _ODD),
    },
)
_SKU = st.fixed_dictionaries(
    {"sku": mostly(st.just("MUG-1"), st.sampled_from([" X", "A" * 41]))},
    optional={
        "asin": mostly(st.just("B0EXAMPL01"), st.just("b0") | _ODD),
        "mfn": mostly(_POOL, _ODD),
        "fba": mostly(
            st.dictionaries(_CODES, mostly(st.integers(0, 9), _ODD)), _ODD
        ),
        "listings": mostly(
            st.builds(dict, st.lists(_LISTED, max_size=3)), _ODD
        ),
    },
)


_VALID_LISTING = st.sampled_from(["US", "CA", "MX"]).flatmap(
    lambda code: st.tuples(
        st.just(code),
        st.fixed_dictionaries(
            {
                "title": st.sampled_from(["Mug", "Tasse", "Taza"]),
                "price": st.fixed_dictionaries(
                    {
                        "amount": st.sampled_from(["1.00", "2.5", "30"]),
                        "currency": st.just(_CURRENCY[code]),
                    }
                ),
                "channel": st.sampled_from(["mfn", "fba"]),
            },
            optional={
                "status": st.sampled_from(["active", "inactive"]),
                "attributes": st.dictionaries(
                    st.sampled_from(["color", "brand", "size"]),
                    _VALID_ATTRIBUTE,
                    max_size=3,
                ),
            },
        ),
    )
)
_VALID_SKU = st.fixed_dictionaries(
    {"sku": st.sampled_from(["MUG-1", "CUP-22"])},
    optional={
        "asin": st.just("B0EXAMPL01"),
        "mfn": st.fixed_dictionaries({"quantity": st.integers(0, 5)}),
        "fba": st.dictionaries(
            st.sampled_from(["US", "CA", "MX"]), st.integers(0, 9)
        ),
        "listings": st.builds(dict, st.lists(_VALID_LISTING, max_size=3)),
    },
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_VALID_SKU)
def test_what_the_fast_path_builds_the_careful_path_builds(raw):
    """A record of the usual shape: both paths build it, and agree.

    Every draw reaches the comparison: the fast path may not doubt a
    record of the shape it is for.
    """
    fast = _quick_record(raw, _Shared())
    careful = _record(raw)
    assert fast == careful
    assert fast.sellable_quantities == careful.sellable_quantities


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_SKU)
def test_where_the_fast_path_reads_anything_it_agrees(raw):
    """Any record: the fast path agrees, or defers by raising.

    The loader sends a record the fast path doubts (any exception) to the
    careful path, which builds it or names its problem with its own
    error; the property above makes sure comparisons happen.
    """
    try:
        fast = _quick_record(raw, _Shared())
    except Exception:  # deferred, as the loader does
        with contextlib.suppress(SnapshotError, InvalidValueError):
            _record(raw)
        return
    careful = _record(raw)
    assert fast == careful
    assert fast.sellable_quantities == careful.sellable_quantities


def _listed_with(attributes):
    return {
        "sku": "MUG-1",
        "listings": {
            "CA": {
                "title": "Tasse",
                "price": {"amount": "16.00", "currency": "CAD"},
                "channel": "mfn",
                "attributes": attributes,
            }
        },
    }


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_ATTRIBUTES)
def test_the_fast_path_reads_attributes_as_the_careful_one(attributes):
    """Any attributes on a valid listing: the same record, or deferred.

    What the fast path builds the careful path builds; what it doubts,
    the careful path builds or refuses with its own error.
    """
    raw = _listed_with(attributes)
    try:
        fast = _quick_record(raw, _Shared())
    except Exception:  # deferred, as the loader does
        with contextlib.suppress(InvalidValueError):
            _record(raw)
        return
    assert fast == _record(raw)


@pytest.mark.parametrize(
    ("attributes", "path", "problem"),
    [
        ({" ": "Black"}, "attributes", "`' '` is not an attribute name"),
        ({"color": " "}, "attributes.color", "is not an attribute value"),
        ({"color": {"value": ""}}, "attributes.color.value", "non-empty"),
        (
            {"color": {"value": "Noir", "language_tag": "fr-CA"}},
            "attributes.color.language_tag",
            "is not a language tag",
        ),
        ({"color": {"language_tag": "en_US"}}, "attributes.color.value", ""),
        ({"color": {"value": "x", "tone": 1}}, "attributes.color", "tone"),
        ({"color": 3}, "attributes.color", "expected an object"),
        ({"x" * 10_001: "Black"}, "attributes", "longer than"),
        ({"color": "x" * 10_001}, "attributes.color", "longer than"),
        ([], "attributes", "an object of names to values"),
        (None, "attributes", "an object of names to values"),
    ],
)
def test_attributes_the_fast_path_doubts_are_refused_by_the_careful_one(
    attributes, path, problem
):
    """Named refusals: the fast path defers, the error names the path."""
    raw = _listed_with(attributes)
    with pytest.raises(Exception):  # noqa: B017, PT011  (any doubt)
        _quick_record(raw, _Shared())
    document = json.loads(example_text())
    document["catalog"] = {"skus": [raw]}
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document))
    assert error.value.path.startswith(f"catalog.skus[0].listings.CA.{path}")
    assert problem in str(error.value)


def test_the_fast_path_shares_equal_prices():
    """Two listings at one price hold one Money value."""
    document = json.loads(example_text())
    sku = {
        "sku": "A",
        "listings": {
            code: {
                "title": "t",
                "price": {"amount": "1.00", "currency": "USD"},
                "channel": "mfn",
            }
            for code in ("US",)
        },
    }
    document["catalog"] = {"skus": [sku, {**sku, "sku": "B"}]}
    catalog = parse_snapshot(json.dumps(document)).catalog
    a, b = (catalog.record(s).listings[0].price for s in "AB")
    assert a is b


def test_the_fast_path_shares_equal_attribute_values():
    """Two listings with one colour in one language hold one value."""
    document = json.loads(example_text())
    listing = {
        "title": "t",
        "price": {"amount": "1.00", "currency": "USD"},
        "channel": "mfn",
        "attributes": {
            "color": {"value": "Black", "language_tag": "en_US"},
            "model_number": "MD-1",
        },
    }
    document["catalog"] = {
        "skus": [
            {"sku": name, "listings": {"US": listing}} for name in ("A", "B")
        ]
    }
    catalog = parse_snapshot(json.dumps(document)).catalog
    a, b = (catalog.record(s).listings[0].attributes for s in "AB")
    assert a == b
    assert a["color"] is b["color"]
    assert a["color"] == AttributeValue("Black", "en_US")
    assert a["model_number"] == "MD-1"


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("valid", [True, False])
def test_loading_restores_the_callers_collector_state(enabled, valid):
    """The collector is paused while loading, then left as it was."""
    text = example_text() if valid else '{"account": 1}'
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        try:
            parse_snapshot(text)
        except SnapshotError:
            assert not valid
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_bad_value_on_the_fast_path_still_names_its_path():
    """A wrong price deep in a catalogue: the careful path's message."""
    document = json.loads(example_text())
    document["catalog"]["skus"][1]["listings"]["CA"]["price"]["amount"] = 3
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document))
    assert error.value.path == "catalog.skus[1].listings.CA.price.amount"
