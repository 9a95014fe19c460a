"""Writing snapshots: ``dump_snapshot`` gives text the loader reads back."""

import json

import attrs
import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import strategies as ua
from unified_account.model.account import AccountInfo
from unified_account.model.attributes import AttributeValue
from unified_account.snapshot import (
    dump_snapshot,
    example_snapshot,
    parse_snapshot,
    schema_text,
    snapshot_to_data,
)

VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_text()))


@st.composite
def rich_snapshots(draw):
    """Snapshots with unknown account facts, orders and import notes."""
    snapshot = draw(ua.snapshots())
    info = draw(
        ua.account_infos(
            unknown=st.frozensets(
                st.sampled_from([f.name for f in attrs.fields(AccountInfo)])
            )
        )
    )
    account = attrs.evolve(snapshot.account, registration_info=info)
    orders = draw(
        st.lists(ua.orders(), max_size=3, unique_by=lambda o: o.order_id)
    )
    # Amazon's schemas let an order's channel and status be unknown.
    unknown = draw(
        st.sampled_from([{}, {"fulfillment": None}, {"status": None}])
    )
    orders = [attrs.evolve(order, **unknown) for order in orders]
    return attrs.evolve(
        snapshot,
        account=account,
        orders=orders,
        fee_estimates=draw(st.lists(ua.fee_estimates(), max_size=2)),
        set_aside=draw(st.lists(ua.set_asides(), max_size=3)),
        charges=draw(st.lists(ua.charges(), max_size=3)),
        deposits=draw(st.lists(ua.deposits(), max_size=2)),
    )


def standard_text(snapshot):
    """What the standard library writes: ``dump_snapshot``'s bytes."""
    data = snapshot_to_data(snapshot)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# differing_executors: mutmut runs the suite several times in one process
# (each run a new instance of the class), which this check takes for a
# test called from two executors; a normal run calls it once.
SLOW = settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.differing_executors,
    ],
    deadline=None,
)


class TestDumpSnapshot:
    """``load(dump(s)) == s``."""

    @SLOW
    @given(rich_snapshots())
    def test_a_dumped_snapshot_loads_back_equal(self, snapshot):
        """Every generated snapshot survives a round trip through JSON.

        The text is stable (dumping the loaded snapshot gives it back) and
        matches the JSON Schema.
        """
        text = dump_snapshot(snapshot)
        loaded = parse_snapshot(text)
        assert loaded == snapshot
        assert dump_snapshot(loaded) == text
        VALIDATOR.validate(json.loads(text))
        assert text == standard_text(snapshot)

    def test_the_example_seller_round_trips(self):
        """The bundled example loads back equal, amounts as strings."""
        snapshot = example_snapshot()
        text = dump_snapshot(snapshot)
        assert parse_snapshot(text) == snapshot
        assert "e+" not in text
        assert json.loads(text)["version"] == 1

    def test_the_text_is_the_standard_librarys_indented_json(self):
        """Escapes and non-ASCII text, byte for byte.

        Control characters, quotes and backslashes escaped as the standard
        library escapes them; ``é``, ``中``, U+2028 and DEL written as
        they are.
        """
        snapshot = example_snapshot()
        record = next(iter(snapshot.catalog))
        listing = record.listings[0]
        odd = attrs.evolve(
            listing,
            title='Mug "é" 中\u2028\x01\x1f\x7f\\ \n\t\b\f\r end',
        )
        catalog = snapshot.catalog.with_record(record.with_listing(odd))
        odd_snapshot = attrs.evolve(snapshot, catalog=catalog)
        text = dump_snapshot(odd_snapshot)
        assert text == standard_text(odd_snapshot)
        assert '\\"\u00e9\\" \u4e2d\u2028\\u0001\\u001f\x7f' in text
        assert parse_snapshot(text) == odd_snapshot
        assert dump_snapshot(snapshot) == standard_text(snapshot)

    def test_attribute_values_are_written_as_their_fields(self):
        """Text as text; a value with no language has no ``language_tag``."""
        snapshot = example_snapshot()
        record = next(iter(snapshot.catalog))
        listing = attrs.evolve(
            record.listings[0],
            attributes={
                "brand": "Harbor Lane",
                "color": AttributeValue("Noire", "fr_CA"),
                "model_number": AttributeValue("HL-1"),
            },
        )
        catalog = snapshot.catalog.with_record(record.with_listing(listing))
        edited = attrs.evolve(snapshot, catalog=catalog)
        text = dump_snapshot(edited)
        assert text == standard_text(edited)
        written = json.loads(text)["catalog"]["skus"]
        (sku,) = [s for s in written if s["sku"] == record.sku]
        marketplace = listing.marketplace.name
        assert sku["listings"][marketplace]["attributes"] == {
            "brand": "Harbor Lane",
            "color": {"value": "Noire", "language_tag": "fr_CA"},
            "model_number": {"value": "HL-1"},
        }
        assert parse_snapshot(text) == edited
