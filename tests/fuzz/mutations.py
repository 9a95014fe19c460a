"""Snapshot documents near the bundled example, for fuzz tests.

A draw takes the example seller's JSON and changes a few places in it:
a value replaced by another JSON value (often one of the format's own
shapes: a date, a decimal string, a country code), a key removed or
added, an array item repeated.  Most draws are invalid somewhere, which
is the point; some stay valid and reach the report.

Also used by ``fuzzing/long_run.py``, which feeds the same mutations from
Atheris' byte stream instead of Hypothesis'.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

from unified_account.snapshot import example_text

EXAMPLE: dict[str, Any] = json.loads(example_text())

INTERESTING_TEXT = [
    "",
    " ",
    "US",
    "CA",
    "MX",
    "DE",
    "BR",
    "USD",
    "CAD",
    "MXN",
    "0",
    "-0",
    "-0.00",
    "1.005",
    "19.99",
    "1e2",
    "+1",
    ".5",
    "１２",
    "9" * 16,
    "9" * 15 + "." + "9" * 13,
    "2026-07-01",
    "20260701",
    "2026-02-30",
    "2026-07-01T15:04:05Z",
    "2026-07-01T15:04:05",
    "2026-07-01t15:04:05Z",
    "2026-07-01T15:04:05Z\x00",
    "2026-07-01T15:04:05+25:00",
    "mfn",
    "fba",
    "shared",
    "separate",
    "active",
    "inactive",
    "deleted",
    "shipped",
    "canceled",
    "professional",
    "individual",
    "x\ud800",
    "a\nb",
    "https://www.amazon.com/stores/x",
    "https://www.amazon.ca/stores/x",
    "B0EXAMPL01",
    "A1EXAMPLEUS",
    "x" * 10_001,
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


scalars = st.one_of(
    st.sampled_from(INTERESTING_TEXT),
    st.text(max_size=12),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.sampled_from([0, 1, -1, 10**15 - 1, 10**15, 2**63]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(
            st.sampled_from(["amount", "currency", "US", "x", "quantity"])
            | st.text(max_size=4),
            children,
            max_size=3,
        ),
    ),
    max_leaves=6,
)


def _parent(document: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


@st.composite
def mutation(draw: st.DrawFn, document: Any) -> None:
    """Change ``document`` in one place, in place."""
    paths = _paths(document)[1:]
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    parent, last = _parent(document, path)
    action = draw(
        st.sampled_from(["replace", "replace", "delete", "add", "repeat"])
    )
    if action == "replace":
        parent[last] = draw(json_values)
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(max_size=6))] = draw(json_values)
    elif action == "repeat" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))


@st.composite
def documents(
    draw: st.DrawFn, base: Any = EXAMPLE, max_changes: int = 3
) -> Any:
    """``base`` (the example seller) with up to ``max_changes`` changes."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=0, max_value=max_changes))):
        draw(mutation(document))
    return document


def snapshot_texts() -> st.SearchStrategy[str]:
    """JSON text of a changed example, sometimes cut short or spliced."""
    texts = documents().map(json.dumps)
    return st.one_of(
        texts,
        st.tuples(texts, st.integers(min_value=0, max_value=20_000)).map(
            lambda pair: pair[0][: pair[1]]
        ),
        st.tuples(texts, st.text(max_size=8), st.integers(0, 20_000)).map(
            lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
        ),
    )
