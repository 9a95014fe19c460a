"""The dump walks a catalogue's records only where a value may be past a limit.

``catalog_within_limits`` answers from the model: the values it leaves
unchecked (quantities and prices) are looked at; the others the model
holds to the limits when made.  It says yes exactly where the walk finds
no problem in the records, so the dump refuses what it refused before.
"""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import strategies as ua
from unified_account.errors import InvalidValueError
from unified_account.model.attributes import AttributeValue
from unified_account.model.catalog import SkuRecord
from unified_account.model.inventory import MfnPool
from unified_account.model.listing import Listing
from unified_account.model.money import Money
from unified_account.snapshot import (
    dump_snapshot,
    example_snapshot,
    snapshot_to_data,
)
from unified_account.snapshot._dump import _catalog, catalog_within_limits
from unified_account.snapshot._limits import first_past_limit

QUANTITIES = st.one_of(
    st.integers(0, 50), st.sampled_from([10**15 - 1, 10**15, 10**20])
)
AMOUNTS = st.sampled_from(
    [None, "999999999999999", "1000000000000000", "12345678901234567.5"]
)


@st.composite
def catalogs(draw):
    """Catalogues whose quantities and prices may be past the limits."""
    catalog = draw(
        ua.catalogs(
            records=ua.sku_records(
                mfn=ua.mfn_pools(quantities=QUANTITIES),
                fba=ua.fba_pools(quantities=QUANTITIES),
            ),
            max_skus=3,
        )
    )
    amount = draw(AMOUNTS)
    listed = [record for record in catalog if record.listings]
    if amount is not None and listed:
        record = draw(st.sampled_from(listed))
        listing = draw(st.sampled_from(record.listings))
        price = Money(amount, listing.price.currency)
        edited = attrs.evolve(listing, price=price)
        catalog = catalog.with_record(record.with_listing(edited))
    return catalog


@given(catalogs())
def test_the_model_answers_as_the_walk_does(catalog):
    """Within the limits exactly where the walk finds nothing."""
    walked = first_past_limit(_catalog(catalog))
    assert catalog_within_limits(catalog) is (walked is None)


def refused(snapshot):
    with pytest.raises(InvalidValueError) as error:
        dump_snapshot(snapshot)
    return str(error.value)


def test_a_price_past_the_limits_is_refused_at_its_path():
    snapshot = example_snapshot()
    record = next(r for r in snapshot.catalog if r.listings)
    listing = record.listings[0]
    big = attrs.evolve(
        listing, price=Money("1000000000000000", listing.price.currency)
    )
    catalog = snapshot.catalog.with_record(record.with_listing(big))
    edited = attrs.evolve(snapshot, catalog=catalog)
    assert not catalog_within_limits(catalog)
    found = first_past_limit(snapshot_to_data(edited))
    assert found is not None
    path, problem = found
    assert path.endswith(f".listings.{listing.marketplace.name}.price.amount")
    assert refused(edited) == f"{path}: {problem}"


def test_a_quantity_past_the_limits_is_refused_at_its_path():
    snapshot = example_snapshot()
    record = next(iter(snapshot.catalog))
    edited_record = attrs.evolve(record, mfn=MfnPool.shared(10**15))
    catalog = snapshot.catalog.with_record(edited_record)
    edited = attrs.evolve(snapshot, catalog=catalog)
    assert not catalog_within_limits(catalog)
    path, problem = first_past_limit(snapshot_to_data(edited))
    assert path.endswith(".mfn.quantity")
    assert refused(edited) == f"{path}: {problem}"


def test_the_example_catalogue_is_within_the_limits():
    assert catalog_within_limits(example_snapshot().catalog)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (
            SkuRecord,
            {"sku", "asin", "mfn", "fba", "listings", "remote_fulfillment"},
        ),
        (MfnPool, {"quantity", "arrangement", "marketplace"}),
        (
            Listing,
            {
                "sku",
                "marketplace",
                "title",
                "price",
                "channel",
                "status",
                "attributes",
            },
        ),
        (AttributeValue, {"value", "language_tag"}),
    ],
)
def test_every_field_written_is_one_the_check_knows(kind, fields):
    """A new field is a new value to hold to the limits: check it there."""
    written = {field.name for field in attrs.fields(kind) if field.init}
    assert written == fields


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("good", [True, False])
def test_the_dump_leaves_the_collector_as_it_was(enabled, good):
    import gc

    snapshot = example_snapshot()
    if not good:
        record = next(iter(snapshot.catalog))
        big = attrs.evolve(record, mfn=MfnPool.shared(10**15))
        snapshot = attrs.evolve(
            snapshot, catalog=snapshot.catalog.with_record(big)
        )
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        if good:
            dump_snapshot(snapshot)
        else:
            refused(snapshot)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
