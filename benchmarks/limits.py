"""Time and memory of a snapshot at each of the loader's limits.

Run from a checkout with the package installed::

    python benchmarks/limits.py            # every limit, full size
    python benchmarks/limits.py --scale 0.1  # a tenth of the largest

For each limit it builds a snapshot at the limit (and one just past it,
which must be refused), then measures reading it and building and
rendering its report: the time (best of ``--repeat`` runs, default one,
garbage collector on) and the peak memory (``tracemalloc``).  The baseline is
plain ``json.loads`` of the same text, in the same run: the figure is the
ratio, and the absolute numbers are printed beside it for the docs
(``docs/limits.md``).
"""

from __future__ import annotations

import argparse
import copy
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from unified_account import SnapshotError, build_report, parse_snapshot
from unified_account.report.formats import report_text
from unified_account.snapshot import example_text
from unified_account.snapshot._limits import (
    MAX_DEPTH,
    MAX_SNAPSHOT_CHARACTERS,
    MAX_TEXT_CHARACTERS,
    MAX_WHOLE_DIGITS,
)

EXAMPLE = json.loads(example_text())


def _largest(scale: float) -> str:
    """The example with orders added until the text is at the limit."""
    document = copy.deepcopy(EXAMPLE)
    order = document["orders"][0]
    template = json.dumps(order)
    target = int(MAX_SNAPSHOT_CHARACTERS * scale) - len(json.dumps(document))
    count = target // (len(template) + 2)
    for index in range(count):
        added = dict(order, order_id=f"900-{index:07d}-0000000")
        document["orders"].append(added)
    return json.dumps(document, separators=(",", ":"))


def _longest_value() -> str:
    document = copy.deepcopy(EXAMPLE)
    listing = document["catalog"]["skus"][0]["listings"]["US"]
    listing["title"] = "t" * MAX_TEXT_CHARACTERS
    return json.dumps(document)


def _most_digits() -> str:
    document = copy.deepcopy(EXAMPLE)
    document["sales"][0]["price"]["amount"] = "9" * 15 + ".99"
    document["conversion_rates"][0]["rate"] = "9" * 15 + "." + "9" * 12
    document["orders"][0]["total"]["amount"] = "9" * 15 + ".99"
    document["catalog"]["skus"][0]["mfn"]["quantity"] = (
        10**MAX_WHOLE_DIGITS - 1
    )
    return json.dumps(document)


def _deepest() -> str:
    """Attributes nested to the limit: refused by the loader's walk."""
    document = copy.deepcopy(EXAMPLE)
    nested: dict[str, Any] = {}
    for _ in range(MAX_DEPTH):
        nested = {"x": nested}
    document["catalog"]["skus"][0]["listings"]["US"]["attributes"] = nested
    return json.dumps(document)


def _measure(work: Callable[[], object], repeat: int) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def _report(text: str) -> object:
    try:
        snapshot = parse_snapshot(text)
    except SnapshotError as error:
        return error
    return report_text(build_report(snapshot), "en")


def main() -> None:
    """Print one line per limit."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    cases = {
        "largest snapshot": _largest(args.scale),
        "longest value": _longest_value(),
        "most digits": _most_digits(),
        "deepest nesting": _deepest(),
    }
    for name, text in cases.items():
        outcome = _report(text)
        result = (
            f"refused: {outcome}"
            if isinstance(outcome, SnapshotError)
            else "reported"
        )
        seconds, peak = _measure(lambda text=text: _report(text), args.repeat)
        base_seconds, base_peak = _measure(
            lambda text=text: json.loads(text), args.repeat
        )
        print(
            f"{name}: {len(text):,} characters, {result}; "
            f"{seconds:.3f} s ({seconds / base_seconds:.0f}x json.loads), "
            f"peak {peak / 2**20:.1f} MiB "
            f"({peak / base_peak:.1f}x json.loads)"
        )


if __name__ == "__main__":
    main()
