"""Seller snapshots: the format, its schema, and errors with JSON paths."""

import copy
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import SnapshotError, load_snapshot, parse_snapshot
from unified_account.snapshot import (
    example_snapshot,
    example_text,
    schema_text,
    snapshot_from_data,
)

SCHEMA = json.loads(schema_text())
EXAMPLE = json.loads(example_text())


def schema_errors(document):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return list(validator.iter_errors(document))


def test_the_schema_is_a_valid_json_schema():
    """Draft 2020-12, checked by jsonschema itself."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_bundled_example_matches_the_schema():
    """The example seller is a valid snapshot, by schema and by loader."""
    assert schema_errors(EXAMPLE) == []
    assert example_snapshot().account.seller_id == "A1EXAMPLEUS"


def mutated(path, value):
    document = copy.deepcopy(EXAMPLE)
    *parents, last = path
    target = document
    for step in parents:
        target = target[step]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return document


DELETE = object()
BAD = [
    (
        ("account", "info_overrides", "CA", "bank", "currency"),
        "CDN",
        "account.info_overrides.CA.bank.currency",
        "unknown currency `CDN`",
    ),
    (
        ("account", "home"),
        "ZZ",
        "account.home",
        "unknown marketplace country code `ZZ`",
    ),
    (("account", "plan"), "pro", "account.plan", "`pro` is not one of"),
    (("account", "plan"), DELETE, "account.plan", "missing required field"),
    (("account", "seller_id"), 12, "account.seller_id", "expected a string"),
    (
        ("account", "marketplaces"),
        ["CA"],
        "account.marketplaces",
        "home marketplace `US` must be turned on",
    ),
    (
        ("account", "info_overrides", "ZZ"),
        {},
        "account.info_overrides.ZZ",
        "unknown marketplace",
    ),
    (
        ("account", "info_overrides", "CA", "bank", "masked_id"),
        "123456789012",
        "account.info_overrides.CA.bank.masked_id",
        "is not masked",
    ),
    (("account", "colour"), "red", "account", "unknown field `colour`"),
    (
        ("separate_accounts", 1, "marketplaces", 0),
        5,
        "separate_accounts[1].marketplaces[0]",
        "expected a marketplace country code",
    ),
    (
        ("separate_accounts", 0, "seller_id"),
        "A1EXAMPLEUS",
        "separate_accounts[0].seller_id",
        "appears twice",
    ),
    (("version",), 2, "version", "not a supported snapshot version"),
]


@pytest.mark.parametrize(
    ("path", "value", "where", "problem"),
    BAD,
    ids=[where for _, _, where, _ in BAD],
)
def test_an_invalid_value_is_named_by_its_json_path(
    path, value, where, problem
):
    """One error, naming the path and the problem; no snapshot."""
    document = mutated(path, value)
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document), "seller.json")
    assert error.value.path == where
    assert problem in error.value.problem
    assert str(error.value).startswith(f"seller.json: {where}: ")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"account": NaN}', "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_a_document_that_is_not_a_json_object_is_refused(text, problem):
    """The whole document is named when it is not a JSON object."""
    with pytest.raises(SnapshotError, match=problem) as error:
        parse_snapshot(text, "seller.json")
    assert error.value.path == ""


def test_a_missing_file_is_a_snapshot_error(tmp_path):
    """Reading fails cleanly, naming the file."""
    missing = tmp_path / "nope.json"
    with pytest.raises(SnapshotError, match="cannot read the file"):
        load_snapshot(missing)


def test_a_file_is_read_whole(tmp_path):
    """A valid file loads to the same snapshot as the text."""
    path = tmp_path / "seller.json"
    path.write_text(example_text(), encoding="utf-8")
    assert load_snapshot(path) == example_snapshot()


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


PATHS = [p for p in _paths(EXAMPLE) if p]


@given(st.sampled_from(PATHS), _JSON)
def test_only_snapshot_errors_escape_and_the_schema_agrees(path, value):
    """Any one change: a snapshot, or one SnapshotError; never a crash.

    Whatever the loader accepts, the published schema accepts too.
    """
    document = mutated(path, value)
    try:
        snapshot_from_data(document, "fuzz.json")
    except SnapshotError as error:
        source = error.source
    else:
        source = None
        assert schema_errors(document) == []
    assert source in {None, "fuzz.json"}
