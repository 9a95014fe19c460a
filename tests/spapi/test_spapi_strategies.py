"""The SP-API payload strategies, and what the adapters make of them.

Every drawn payload is read without error; anything the adapters read
together, ``dump_snapshot`` writes and ``load_snapshot`` reads back
equal; and what ``import-spapi`` writes, ``report`` reads.
"""

import contextlib
import io
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import is_typeddict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unified_account
from unified_account import (
    FeeEstimate,
    Marketplace,
    SellingPlan,
    SetAside,
    SetAsideReason,
)
from unified_account._hypothesis import spapi_types
from unified_account.cli import main
from unified_account.snapshot import dump_snapshot, parse_snapshot
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    read_account,
    read_fees_estimates,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_orders,
    read_participations,
)
from unified_account.strategies import (
    snapshots,
    spapi_accounts,
    spapi_fees_estimates,
    spapi_inventory_summaries,
    spapi_listings_items,
    spapi_listings_searches,
    spapi_notifications,
    spapi_orders_2026,
    spapi_orders_v0,
    spapi_participations,
)
from unified_account.strategies._spapi_types import SPAPI_STRATEGIES

NA = st.sampled_from([Marketplace.US, Marketplace.CA, Marketplace.MX])
SLOW = settings(suppress_health_check=list(HealthCheck), deadline=None)


@SLOW
@given(
    item=spapi_listings_items(),
    search=spapi_listings_searches(),
    stock=spapi_inventory_summaries(),
    v0=spapi_orders_v0(),
    v2026=spapi_orders_2026(),
    fees=spapi_fees_estimates(),
    participations=spapi_participations(),
    account=spapi_accounts(),
)
def test_every_drawn_payload_is_read(
    item, search, stock, v0, v2026, fees, participations, account
):
    """Each strategy draws what its adapter reads, whole and in pages."""
    read_listings_item(item)
    assert len(read_listings_search(search)) == len(search["items"])
    read_inventory_summaries(stock)
    assert len(read_orders([v0, v0]).orders) == 2 * len(read_orders(v0).orders)
    read_orders(v2026)
    read_fees_estimates(fees)
    read_participations(participations)
    read_account(account)


@st.composite
def imports(draw):
    """Everything an import may hold, read by the adapters."""
    searches = draw(st.lists(spapi_listings_searches(), max_size=2))
    items = [
        read_listings_item(i)
        for i in draw(st.lists(spapi_listings_items(), max_size=2))
    ]
    for search in searches:
        items.extend(read_listings_search(search))
    stocks = [
        read_inventory_summaries(s)
        for s in draw(
            st.lists(spapi_inventory_summaries(marketplaces=NA), max_size=3)
        )
    ]
    orders = [
        read_orders(draw(spapi_orders_v0())),
        read_orders(draw(spapi_orders_2026())),
    ]
    fees = [read_fees_estimates(draw(spapi_fees_estimates()))]
    account = (
        read_account(draw(spapi_accounts())) if draw(st.booleans()) else None
    )
    participations = read_participations(draw(spapi_participations()))
    return {
        "home": draw(NA),
        "seller_id": "A1EXAMPLEUS",
        "plan": SellingPlan.PROFESSIONAL,
        "account": account,
        "participations": participations,
        "listings": items,
        "inventory": stocks,
        "orders": orders,
        "fees": fees,
        "notifications": draw(st.lists(spapi_notifications(), max_size=4)),
    }


@SLOW
@given(imports())
def test_what_the_adapters_read_dumps_and_loads_back_equal(found):
    """Issue 22 item 1: dump_snapshot, then load_snapshot, gives it back."""
    snapshot = assemble_snapshot(**found).snapshot
    assert parse_snapshot(dump_snapshot(snapshot)) == snapshot


@SLOW
@given(spapi_notifications())
def test_every_drawn_notification_applies(notification):
    from unified_account.snapshot import example_snapshot

    apply_notification(example_snapshot(), notification)


@st.composite
def files(draw):
    """``KIND=FILE`` words and the documents of those files."""
    found = [
        ("account", draw(spapi_accounts())),
        ("participations", draw(spapi_participations())),
        ("listings", draw(spapi_listings_items())),
        ("listings", draw(spapi_listings_searches())),
        ("orders", draw(spapi_orders_v0())),
        ("orders", draw(spapi_orders_2026())),
        ("fees", draw(spapi_fees_estimates())),
        ("notifications", draw(st.lists(spapi_notifications(), max_size=3))),
    ]
    for stock in draw(
        st.lists(spapi_inventory_summaries(marketplaces=NA), max_size=2)
    ):
        found.append(("fba-inventory", stock))
    return found


@settings(SLOW, max_examples=25)
@given(files())
def test_what_import_spapi_writes_report_reads(documents):
    """Issue 22 item 1: ``import-spapi -o FILE``, then ``report FILE``."""
    with tempfile.TemporaryDirectory() as folder:
        words = []
        for index, (kind, data) in enumerate(documents):
            path = Path(folder) / f"{index}.json"
            # Product Fees amounts as the client's JSON holds them.
            path.write_text(json.dumps(data, default=float), encoding="utf-8")
            words.append(f"{kind}={path}")
        target = Path(folder) / "seller.json"
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = main(
                [
                    "import-spapi",
                    "--home",
                    "US",
                    "--seller-id",
                    "A1EXAMPLEUS",
                    "--plan",
                    "professional",
                    "--as-of",
                    "2026-07-01",
                    "-o",
                    str(target),
                    *words,
                ]
            )
        assert (status, err.getvalue()) == (0, "")
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["report", str(target), "--format", "json"])
        assert status in (0, 1), err.getvalue()
        assert json.loads(out.getvalue())["findings"] is not None


SPAPI_TYPES = spapi_types()


def test_every_spapi_type_has_its_strategy():
    """The entry point registers exactly the types the table resolves."""
    assert set(SPAPI_TYPES) == set(SPAPI_STRATEGIES)
    assert len(SPAPI_TYPES) == len(set(SPAPI_TYPES))


@pytest.mark.parametrize("kind", SPAPI_TYPES, ids=lambda k: k.__name__)
def test_from_type_resolves_every_spapi_type(kind):
    """Issue 18 item 2: st.from_type gives each shape and each result."""
    expected = dict if is_typeddict(kind) else kind

    @settings(SLOW, max_examples=3, database=None)
    @given(st.from_type(kind))
    def check(drawn):
        assert isinstance(drawn, expected)

    check()


@pytest.mark.parametrize(
    "kind", [SetAside, SetAsideReason, FeeEstimate], ids=lambda k: k.__name__
)
def test_the_import_values_are_public_and_resolve(kind):
    """SetAside, SetAsideReason and FeeEstimate, from unified_account."""
    assert getattr(unified_account, kind.__name__) is kind
    assert kind.__name__ in unified_account.__all__

    @settings(SLOW, max_examples=3, database=None)
    @given(st.from_type(kind))
    def check(drawn):
        assert isinstance(drawn, kind)

    check()


def test_drawn_snapshots_hold_every_section():
    """Issue 18: every section appears across draws (was 0 of 200)."""
    seen = {"orders": 0, "fee estimates": 0, "set aside": 0, "as of": 0}

    @settings(SLOW, max_examples=60, derandomize=True, database=None)
    @given(snapshots())
    def count(snapshot):
        seen["orders"] += bool(snapshot.orders)
        seen["fee estimates"] += bool(snapshot.fee_estimates)
        seen["set aside"] += bool(snapshot.set_aside)
        seen["as of"] += snapshot.as_of is not None

    count()
    assert all(seen.values()), seen


@SLOW
@given(spapi_fees_estimates(floats=True))
def test_fee_floats_read_as_their_decimals(document):
    """Floats as the client gives them: the same as parse_float=Decimal."""
    exact = json.loads(json.dumps(document), parse_float=Decimal)
    assert read_fees_estimates(document) == read_fees_estimates(exact)
