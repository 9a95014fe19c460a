"""The snapshot's catalogue: schema, loading, and refusals with JSON paths."""

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    ListingStatus,
    Marketplace,
    MfnArrangement,
    SnapshotError,
    example_snapshot,
    parse_snapshot,
)
from unified_account.cli import main
from unified_account.snapshot import example_text, schema_text

DOCS = Path(__file__).parents[2] / "docs" / "snapshot.md"
SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def example():
    return json.loads(example_text())


def sku_index(document, sku):
    skus = document["catalog"]["skus"]
    return next(n for n, item in enumerate(skus) if item["sku"] == sku)


class TestSchema:
    """The JSON Schema describes the catalogue the loader reads."""

    def test_the_schema_is_valid(self):
        """The schema itself is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_the_bundled_example_is_valid(self):
        """The example seller, catalogue included, validates."""
        VALIDATOR.validate(example())

    def test_the_documented_catalogue_examples_are_valid(self):
        """Every JSON example in docs/snapshot.md validates."""
        blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(), re.S)
        assert blocks
        catalog = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/catalog"}
        for block in blocks:
            document = json.loads(block)
            if "account" in document:
                VALIDATOR.validate(document)
            else:
                jsonschema.Draft202012Validator(catalog).validate(document)
                parse_snapshot(json.dumps({**example(), "catalog": document}))

    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("fba", "CA"), -3),
            (("mfn", "quantity"), -1),
            (("listings", "XX"), {}),
            (("listings", "US", "channel"), "amazon"),
        ],
    )
    def test_the_schema_refuses_what_the_loader_refuses(self, path, value):
        """Negative stock, unknown marketplaces, unknown channels."""
        document = example()
        target = document["catalog"]["skus"][0]
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value
        assert not VALIDATOR.is_valid(document)
        with pytest.raises(SnapshotError):
            parse_snapshot(json.dumps(document))


class TestExampleSeller:
    """The bundled example shows each case of the four rules."""

    def test_it_has_each_inventory_case(self):
        """Shared, separate, FBA, a deleted listing, a pool at zero."""
        catalog = example_snapshot().catalog
        arrangements = {record.mfn.arrangement for record in catalog}
        assert arrangements == set(MfnArrangement)
        assert catalog.record("CANDLE-SOY-8").mfn.quantity == 0
        lamp = catalog.record("LAMP-DESK-LED")
        assert (lamp.fba[Marketplace.CA], lamp.fba[Marketplace.US]) == (0, 50)
        tote = catalog.listing("TOTE-CANVAS", Marketplace.CA)
        assert tote.status is ListingStatus.DELETED


class TestRefusals:
    """An invalid catalogue is refused with the JSON path of the problem."""

    CASES = (
        (
            "negative stock",
            lambda d: d["catalog"]["skus"][sku_index(d, "LAMP-DESK-LED")][
                "fba"
            ].update(CA=-3),
            "catalog.skus[2].fba.CA",
        ),
        (
            "wrong price currency",
            lambda d: d["catalog"]["skus"][3]["listings"]["CA"][
                "price"
            ].update(currency="USD"),
            "catalog.skus[3].listings.CA.price",
        ),
        (
            "unknown marketplace",
            lambda d: d["catalog"]["skus"][0]["listings"].update(
                XX=d["catalog"]["skus"][0]["listings"]["US"]
            ),
            "catalog.skus[0].listings.XX",
        ),
        (
            "duplicate SKU",
            lambda d: d["catalog"]["skus"].append(
                copy.deepcopy(d["catalog"]["skus"][0])
            ),
            "catalog.skus[7].sku",
        ),
        (
            "separate SKU sold elsewhere",
            lambda d: d["catalog"]["skus"][5]["listings"].update(
                MX={
                    "title": "Bufanda",
                    "price": {"amount": "1.00", "currency": "MXN"},
                    "channel": "mfn",
                }
            ),
            "catalog.skus[5].listings.MX",
        ),
    )

    @pytest.mark.parametrize(
        ("mutate", "path"),
        [case[1:] for case in CASES],
        ids=[case[0] for case in CASES],
    )
    def test_the_loader_names_the_path(self, mutate, path):
        """SnapshotError.path is the JSON path of the bad value."""
        document = example()
        mutate(document)
        with pytest.raises(SnapshotError) as caught:
            parse_snapshot(json.dumps(document))
        assert caught.value.path == path

    @pytest.mark.parametrize(
        ("mutate", "path"),
        [case[1:] for case in CASES[:3]],
        ids=[case[0] for case in CASES[:3]],
    )
    def test_the_command_refuses_with_status_2(
        self, mutate, path, tmp_path, capsys
    ):
        """Exit status 2, the path on stderr, nothing on stdout."""
        document = example()
        mutate(document)
        seller = tmp_path / "seller.json"
        seller.write_text(json.dumps(document), encoding="utf-8")
        status = main(["report", str(seller), "--format", "json"])
        out, err = capsys.readouterr()
        assert (status, out) == (2, "")
        assert f"{seller}: {path}: " in err


_JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["US", "CA", "XX", "mfn", "fba", "deleted", "1.00"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "skus",
                    "sku",
                    "listings",
                    "US",
                    "CA",
                    "price",
                    "fba",
                    "mfn",
                    "quantity",
                    "title",
                    "channel",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(_JSONISH)
def test_only_snapshot_errors_escape_the_loader(catalog):
    """Any JSON as the catalogue loads or raises SnapshotError."""
    document = {**example(), "catalog": catalog}
    try:
        parse_snapshot(json.dumps(document))
    except SnapshotError as error:
        where = error.path
    else:
        where = "catalog"
    assert where.startswith("catalog")
