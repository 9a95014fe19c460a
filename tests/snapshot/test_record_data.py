"""``record_data``: any attrs value as the JSON data its fields give."""

import attrs

from unified_account import example_snapshot
from unified_account.snapshot._dump import record_data


def test_a_field_computed_after_init_is_not_written():
    """A SKU record's sellable quantities are derived, so left out.

    Written, they would be refused when read back: only the fields a
    constructor takes are data.
    """
    record = next(iter(example_snapshot().catalog))
    data = record_data(record)
    init_fields = {f.name for f in attrs.fields(type(record)) if f.init}
    assert "sellable_quantities" not in data
    assert set(data) <= init_fields
    assert data["sku"] == str(record.sku)
