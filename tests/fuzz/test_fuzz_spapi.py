"""Fuzz tests of every SP-API adapter: a reading or a documented error.

``test_fuzz.py`` fuzzes the two single-order readers; this file fuzzes
the rest of :mod:`unified_account.spapi`: participations and account,
Listings Items (one item and a search), FBA inventory summaries, order
lists, Product Fees, notifications, the Finances API (v0 events and
event groups, 2024-06-19 transactions, as documents, as a client's
response objects and as pages), the flat-file reports and the settlement report
(as bytes and as tab-separated text), the files of the import command
(:func:`~unified_account.spapi.files.import_files`) and
:func:`~unified_account.spapi.assemble_snapshot`.

Two kinds of input: any JSON-like value, and the project's fixtures
(``tests/fixtures/spapi``) changed in a few places by ``mutations.py``
(a value replaced by an awkward one, a key removed or added, an item
repeated).  The property: the adapter returns its reading, or raises a
:class:`~unified_account.errors.PayloadError` (for
``assemble_snapshot`` with a wrong plan or home, any
:class:`~unified_account.errors.UnifiedAccountError`) whose message is
one short, printable line.
"""

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.mutations import (
    INTERESTING_TEXT,
    _parent,
    _paths,
    documents,
    json_values,
)
from unified_account import Marketplace, build_report
from unified_account._excerpt import LINE_LIMIT
from unified_account.errors import PayloadError, UnifiedAccountError
from unified_account.model.account import SellingPlan
from unified_account.report.formats import report_text
from unified_account.snapshot import dump_snapshot, parse_snapshot
from unified_account.spapi import (
    apply_notification,
    assemble_snapshot,
    decode_report,
    read_account,
    read_fees_estimates,
    read_financial_event_groups,
    read_financial_events,
    read_inventory_summaries,
    read_listings_item,
    read_listings_search,
    read_merchant_listings_report,
    read_orders,
    read_orders_report,
    read_participations,
    read_settlement_report,
    read_transactions,
    replay,
)
from unified_account.spapi.files import KINDS, import_files

SPAPI = Path(__file__).parents[1] / "fixtures" / "spapi"
US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX


def fixture(name):
    """A JSON fixture, its numbers read exactly as Product Fees need."""
    return json.loads((SPAPI / name).read_text("utf-8"), parse_float=Decimal)


class Response:
    """A client's response object: the document is its ``payload``."""

    def __init__(self, payload):
        self.payload = payload


slow = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)


def saved_loaded_and_reported(snapshot):
    """What an adapter read can be saved, loaded back and reported."""
    text = dump_snapshot(snapshot)
    text.encode("utf-8")
    assert parse_snapshot(text, "assembled.json") == snapshot
    report_text(build_report(snapshot), "fr_CA").encode("utf-8")


def reading_or_refusal(call, *args, expected=PayloadError):
    """``call(*args)``, or None for an ``expected`` error on one short line.

    Any other exception escapes and fails the test.
    """
    try:
        return call(*args)
    except expected as error:
        line = str(error)
        assert line
        assert "\n" not in line, line
        assert len(line) <= 2 * LINE_LIMIT, line[:200]
        assert line.isprintable(), line[:200]
        line.encode("utf-8")
        return None


BASE = assemble_snapshot(
    home=US,
    seller_id="A1EXAMPLEUS",
    plan=SellingPlan.PROFESSIONAL,
    listings=read_listings_search(fixture("listings_search_na.json")),
    inventory=[read_inventory_summaries(fixture("fba_us.json"))],
).snapshot

ADAPTERS = {
    "participations": (read_participations, "participations_na.json"),
    "account": (read_account, "account_na.json"),
    "listings-item": (read_listings_item, "listings_item_na.json"),
    "listings-search": (read_listings_search, "listings_search_na.json"),
    "fba-us": (read_inventory_summaries, "fba_us.json"),
    "fba-ca": (read_inventory_summaries, "fba_ca.json"),
    "fba-mx-called": (
        lambda value: read_inventory_summaries(value, MX.id),
        "fba_mx_no_granularity.json",
    ),
    "orders-v0": (read_orders, "orders_v0_awkward.json"),
    "orders-v0-na": (read_orders, "../orders_v0_na.json"),
    "orders-2026": (read_orders, "../orders_2026_na.json"),
    "fees": (read_fees_estimates, "fees_na.json"),
    "finances": (read_financial_events, "finances_v0_na.json"),
    "finances-dated": (
        lambda value: read_financial_events(
            value, posted_on=date(2020, 5, 31)
        ),
        "finances_v0_na.json",
    ),
    "transactions": (read_transactions, "finances_transactions_na.json"),
    "event-groups": (read_financial_event_groups, "finances_groups_na.json"),
    # Pages are read by one helper for every Finances operation.
    "finances-pages": (
        lambda value: read_financial_events(iter([value, Response(value)])),
        "finances_v0_na.json",
    ),
    "notifications": (
        lambda value: replay(BASE, value),
        "notifications_na.json",
    ),
}


HOSTILE_KEYS = st.sampled_from(["x" * 10_001, "\x1f", "a\nb", "x\ud800"])
# Built on draw: Hypothesis reprs a sampled_from's elements, and repr
# fails on an int of over 4,300 digits.
HOSTILE = HOSTILE_KEYS | st.sampled_from(
    [
        lambda: 10**5000,
        lambda: -(10**5000),
        lambda: Decimal("9" * 200),
        lambda: Decimal("1e999999"),
        lambda: Decimal("-0"),
        lambda: 1.5,
        lambda: 2**63,
    ]
).map(lambda build: build())


@st.composite
def hostile(draw, base):
    """``base`` changed by ``documents``, then a key or value made hostile."""
    document = draw(documents(base=base))
    paths = _paths(document)[1:]
    if paths:
        parent, last = _parent(document, draw(st.sampled_from(paths)))
        if isinstance(parent, dict) and draw(st.booleans()):
            parent[draw(HOSTILE_KEYS)] = 0
        else:
            parent[last] = draw(HOSTILE)
    return document


@pytest.mark.parametrize("name", sorted(ADAPTERS))
@slow
@given(data=st.data())
def test_an_adapter_reads_or_refuses_with_one_short_line(name, data):
    """Any value, a changed fixture, a hostile one: read or refused.

    Hostile: a key or value that is huge, multi-line or unencodable.  The
    refusal is a PayloadError on one short, printable line.
    """
    read, path = ADAPTERS[name]
    base = fixture(path)
    value = data.draw(
        st.one_of(json_values, documents(base=base), hostile(base))
    )
    reading_or_refusal(read, value)


@slow
@given(data=st.data())
def test_each_notification_applies_or_is_refused(data):
    """One notification of each type, changed: a snapshot or an error."""
    body = data.draw(st.sampled_from(fixture("notifications_na.json")))
    changed = data.draw(documents(base=body))
    snapshot = reading_or_refusal(apply_notification, BASE, changed)
    assert snapshot is None or snapshot.account == BASE.account


REPORTS = {
    "flat_file_orders_na.txt": read_orders_report,
    "merchant_listings_ca.txt": lambda text: read_merchant_listings_report(
        text, CA
    ),
    "settlement_us_2020_05.txt": read_settlement_report,
}

cells = st.one_of(
    st.sampled_from(INTERESTING_TEXT),
    st.text(max_size=12),
    st.sampled_from(["Amazon.com", "Amazon.ca", "Non-Amazon", "AMAZON_NA"]),
    st.sampled_from(["-39,99", "1.234,56", "08.03.2021", "03/08/2021"]),
    st.sampled_from(["2020-02-30", "Subscription Fee", "ItemPrice", "EUR"]),
)


@st.composite
def report_texts(draw, name):
    """A flat-file report with a few cells, rows or columns changed."""
    text = decode_report((SPAPI / name).read_bytes())
    rows = [line.split("\t") for line in text.splitlines()]
    for _ in range(draw(st.integers(0, 3))):
        row = draw(st.integers(0, len(rows) - 1))
        action = draw(st.sampled_from(["cell", "cell", "drop", "repeat"]))
        if action == "cell" and rows[row]:
            column = draw(st.integers(0, len(rows[row]) - 1))
            rows[row][column] = draw(cells)
        elif action == "drop" and rows[row]:
            del rows[row][draw(st.integers(0, len(rows[row]) - 1))]
        else:
            rows.insert(row, list(rows[row]))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    return ending.join("\t".join(row) for row in rows)


@pytest.mark.parametrize("name", sorted(REPORTS))
@slow
@given(data=st.data())
def test_a_report_reads_or_refuses_a_changed_report(name, data):
    """A report with cells, rows or columns changed: read, or refused."""
    reading_or_refusal(REPORTS[name], data.draw(report_texts(name)))


@pytest.mark.parametrize("name", sorted(REPORTS))
@slow
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_and_read_or_are_refused(name, data):
    """Report bytes in any encoding: decoded, then read or refused."""
    text = decode_report(data)
    assert isinstance(text, str)
    reading_or_refusal(REPORTS[name], text)


def _json_bytes(document):
    """``document`` as JSON bytes, exact decimals written as numbers."""

    class Exact(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, Decimal):
                return float(o)
            return super().default(o)  # pragma: no cover - JSON only

    return json.dumps(document, cls=Exact).encode("utf-8")


FILES = [
    "participations_na.json",
    "account_na.json",
    "listings_item_na.json",
    "listings_search_na.json",
    "fba_us.json",
    "fba_mx_no_granularity.json",
    "orders_v0_awkward.json",
    "fees_na.json",
    "notifications_na.json",
    "finances_groups_na.json",
]


@st.composite
def files(draw):
    """A file of the import command: a changed fixture, or its bytes cut."""
    name = draw(st.sampled_from([*FILES, *REPORTS]))
    if name in REPORTS:
        data = draw(report_texts(name)).encode(
            draw(st.sampled_from(["utf-8", "cp1252"])), errors="replace"
        )
    else:
        data = _json_bytes(draw(documents(base=fixture(name))))
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=4)) + data[cut:]
    kind = draw(st.sampled_from([None, None, *KINDS]))
    market = draw(st.sampled_from(["", "", ":CA", ":MX", ":BR", ":xx"]))
    return (f"{kind}{market}=" if kind else "") + name, data


@slow
@given(
    st.lists(files(), min_size=1, max_size=3),
    st.sampled_from([None, *SellingPlan]),
)
def test_import_files_assembles_or_names_the_file(found, plan):
    """Any files: a snapshot, or an error naming one of the files."""
    contents = {word.rpartition("=")[2]: data for word, data in found}

    def read(path):
        return contents[path]

    assembly = reading_or_refusal(
        lambda: import_files(
            [word for word, _ in found],
            home=US,
            seller_id="A1EXAMPLEUS",
            plan=plan,
            read=read,
        ),
        expected=UnifiedAccountError,
    )
    if assembly is not None:
        assert assembly.set_aside == assembly.snapshot.set_aside
        saved_loaded_and_reported(assembly.snapshot)


def _read(call, document):
    try:
        return call(document)
    except PayloadError:
        return None


@slow
@given(
    data=st.data(),
    home=st.sampled_from([*Marketplace]),
    plan=st.sampled_from([None, *SellingPlan]),
    seller_id=st.sampled_from(["A1EXAMPLEUS", "", " ", "x\ud800", "a\nb"]),
)
def test_assemble_snapshot_builds_or_refuses(data, home, plan, seller_id):
    """The adapters' readings of changed fixtures, put together."""

    def reading(call, name):
        document = fixture(name)
        change = data.draw(st.sampled_from(["none", "some", "hostile"]))
        if change == "some":
            document = data.draw(documents(base=document, max_changes=2))
        elif change == "hostile":
            document = data.draw(hostile(document))
        return _read(call, document)

    parts = {
        "account": reading(read_account, "account_na.json"),
        "participations": reading(
            read_participations, "participations_na.json"
        ),
        "listings": reading(read_listings_search, "listings_search_na.json")
        or (),
        "inventory": [
            found
            for found in (
                reading(read_inventory_summaries, "fba_us.json"),
                reading(read_inventory_summaries, "fba_ca.json"),
                reading(read_inventory_summaries, "fba_us.json"),
            )
            if found is not None
        ],
        "orders": [
            found
            for found in (reading(read_orders, "orders_v0_awkward.json"),)
            if found is not None
        ],
        "fees": [
            found
            for found in (reading(read_fees_estimates, "fees_na.json"),)
            if found is not None
        ],
        "notifications": copy.deepcopy(
            data.draw(st.sampled_from([(), fixture("notifications_na.json")]))
        ),
    }
    keep = data.draw(st.sets(st.sampled_from(sorted(parts))))
    assembly = reading_or_refusal(
        lambda: assemble_snapshot(
            home=home,
            seller_id=seller_id,
            plan=plan,
            **{key: value for key, value in parts.items() if key in keep},
        ),
        expected=UnifiedAccountError,
    )
    if assembly is not None:
        assert assembly.snapshot.account.home is home
        assert home.region.name == "NORTH_AMERICA"
        saved_loaded_and_reported(assembly.snapshot)
