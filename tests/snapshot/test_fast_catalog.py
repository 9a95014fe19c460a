"""The catalogue's fast reading path agrees with the careful one."""

import contextlib
import gc
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import SnapshotError, parse_snapshot
from unified_account.errors import InvalidValueError
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
            "attributes": mostly(st.just({}), st.just({"color": "red"})),
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
            optional={"status": st.sampled_from(["active", "inactive"])},
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
