"""``Snapshot.with_catalog``: the catalogue replaced in constant time."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

from unified_account import Catalog, example_snapshot
from unified_account import strategies as ua
from unified_account.errors import InvalidArgumentError


# A snapshot is costly to draw: a few suffice (the strategy's own tests
# draw many).
@settings(max_examples=10, deadline=None)
@given(ua.snapshots(), ua.catalogs())
def test_it_is_evolve_without_the_checks_again(snapshot, catalog):
    replaced = snapshot.with_catalog(catalog)
    assert replaced == attrs.evolve(snapshot, catalog=catalog)
    assert replaced.catalog is catalog
    assert snapshot.catalog is not catalog or replaced == snapshot


def test_the_snapshot_is_left_as_it_was():
    snapshot = example_snapshot()
    catalog = snapshot.catalog
    replaced = snapshot.with_catalog(Catalog())
    assert snapshot.catalog is catalog
    assert replaced.catalog == Catalog()
    assert replaced.account is snapshot.account


def test_only_a_catalogue_replaces_a_catalogue():
    with pytest.raises(InvalidArgumentError) as raised:
        example_snapshot().with_catalog({"skus": []})
    assert raised.value.function == "Snapshot.with_catalog"
    assert raised.value.field == "catalog"
