"""Writing snapshots: ``dump_snapshot`` gives text the loader reads back."""

import json

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import strategies as ua
from unified_account.model.imports import FeeEstimate, SetAside, SetAsideReason
from unified_account.model.money import Money
from unified_account.snapshot import (
    dump_snapshot,
    example_snapshot,
    parse_snapshot,
)


@st.composite
def fee_estimates(draw):
    marketplace = draw(ua.marketplaces())
    price = draw(ua.money(currencies=st.just(marketplace.currency)))
    total = draw(ua.money(currencies=st.just(marketplace.currency)))
    return FeeEstimate(
        marketplace=marketplace,
        reference=draw(st.sampled_from(["SKU-1", "B071VG5N9D"])),
        price=Money(abs(price.amount), price.currency),
        total=Money(abs(total.amount), total.currency),
    )


set_asides = st.builds(
    SetAside,
    source=st.sampled_from(["sellers", "orders", "reports"]),
    path=st.text(max_size=12),
    subject=st.text(min_size=1, max_size=12).filter(str.strip),
    reason=st.sampled_from(SetAsideReason),
    detail=st.text(max_size=8),
)


@st.composite
def rich_snapshots(draw):
    """Snapshots with unknown account facts, orders and import notes."""
    snapshot = draw(ua.snapshots())
    info = draw(
        ua.account_infos(
            unknown=st.frozensets(st.sampled_from(ua.INFO_FIELDS))
        )
    )
    account = attrs.evolve(snapshot.account, registration_info=info)
    orders = draw(
        st.lists(ua.orders(), max_size=3, unique_by=lambda o: o.order_id)
    )
    return attrs.evolve(
        snapshot,
        account=account,
        orders=orders,
        fee_estimates=draw(st.lists(fee_estimates(), max_size=2)),
        set_aside=draw(st.lists(set_asides, max_size=3)),
    )


SLOW = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)


class TestDumpSnapshot:
    """``load(dump(s)) == s``."""

    @SLOW
    @given(rich_snapshots())
    def test_a_dumped_snapshot_loads_back_equal(self, snapshot):
        """Every generated snapshot survives a round trip through JSON."""
        text = dump_snapshot(snapshot)
        assert parse_snapshot(text) == snapshot

    @SLOW
    @given(rich_snapshots())
    def test_a_dump_is_stable(self, snapshot):
        """Dumping the loaded snapshot gives the same text."""
        text = dump_snapshot(snapshot)
        assert dump_snapshot(parse_snapshot(text)) == text

    def test_the_example_seller_round_trips(self):
        """The bundled example loads back equal, amounts as strings."""
        snapshot = example_snapshot()
        text = dump_snapshot(snapshot)
        assert parse_snapshot(text) == snapshot
        assert "e+" not in text
        assert json.loads(text)["version"] == 1
