"""The live report's cost per notification, as the catalogue grows.

For each catalogue size (the synthetic sellers of ``_snapshots.py``):

- the pure transition: ``apply_notification(snapshot, n)`` alone;
- ``LiveReport.apply(n)``: the transition, the findings it can affect,
  and the diff;
- ``watch``: one input line through the command's own per-line code
  (read the JSON, apply, render the changes, write the JSON line), as
  notifications per second.

The notifications are merchant-fulfilled quantity changes on SKUs spread
over the whole catalogue, the commonest event.  The bounds (issue 21):
``apply`` is flat (at most 1.5x from the smallest size to the largest)
and at most 3x the transition alone; ``watch`` takes at least 5,000
notifications per second at the largest size.

Run: ``python benchmarks/bench_live.py [--sizes 10000,100000,1000000]
[--events 2000] [--json FILE]`` (sizes of a million need about 8 GiB).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _snapshots import write_snapshot

from unified_account.changes._watch import watch_line
from unified_account.changes.formats import FindingDocuments
from unified_account.changes.live import LiveReport
from unified_account.snapshot import load_snapshot
from unified_account.spapi import apply_notification


def notifications(
    skus: list[str], count: int, seed: int = 0
) -> list[dict[str, Any]]:
    """``count`` quantity changes, on SKUs spread over the catalogue.

    997 SKUs drawn at random (each ``seed`` draws others), so every size
    has the catalogue's mix of SKUs: a regular step would choose SKUs of
    one kind only (the catalogue repeats its mix every ten SKUs).
    """
    chosen = random.Random(seed).sample(skus, min(997, len(skus)))
    return [
        {
            "NotificationType": "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
            "Payload": {
                "SellerId": "A1EXAMPLEUS",
                "FulfillmentChannelCode": "DEFAULT",
                "Sku": chosen[index % len(chosen)],
                "Quantity": index % 13,
            },
        }
        for index in range(count)
    ]


def per_event(function: Any, runs: list[list[Any]]) -> float:
    """Seconds of CPU per event, the best of the runs.

    Each run has its own events, on SKUs no other run touched: what a
    finding computes once (its key, its rendering) is not reused from
    an earlier run.
    """
    best = float("inf")
    for events in runs:
        start = time.process_time()
        function(events)
        best = min(best, (time.process_time() - start) / len(events))
    return best


def measure(size: int, events: int, data: Path) -> dict[str, Any]:
    """The figures at one catalogue size."""
    snapshot = load_snapshot(write_snapshot(data / f"live-{size}.json", size))
    gc.disable()  # as the command runs: the collector off, the heap frozen
    start = time.process_time()
    live = LiveReport(snapshot)
    build = time.process_time() - start
    gc.freeze()
    skus = sorted(snapshot.catalog.skus.keys())
    # Three runs each, on SKUs of their own: apply's runs do not compute
    # for watch's what watch would compute.
    notes = [notifications(skus, events, offset) for offset in range(3)]
    lines = [
        [json.dumps(note).encode() for note in notifications(skus, events, o)]
        for o in range(3, 6)
    ]

    def transition(batch: list[Any]) -> None:
        for note in batch:
            apply_notification(snapshot, note)

    def apply(batch: list[Any]) -> None:
        current = live
        for note in batch:
            current, _ = current.apply(note)

    def watch(batch: list[bytes]) -> None:
        current = live
        documents = FindingDocuments("en")
        for number, line in enumerate(batch, 1):
            current, _, _ = watch_line(current, number, line, documents)

    figures = {
        "skus": size,
        "build_s": build,
        "transition_us": per_event(transition, notes) * 1e6,
        "apply_us": per_event(apply, notes) * 1e6,
        "watch_per_s": 1 / per_event(watch, lines),
    }
    gc.unfreeze()
    gc.enable()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Measure every size; print a table; 1 if a bound is missed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--data", default=None)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    data = Path(args.data or tempfile.gettempdir())
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        figures = measure(size, args.events, data)
        results.append(figures)
        print(
            f"{size:>9,} SKUs: build {figures['build_s']:.1f} s, "
            f"transition {figures['transition_us']:.0f} us, "
            f"apply {figures['apply_us']:.0f} us "
            f"({figures['apply_us'] / figures['transition_us']:.2f}x), "
            f"watch {figures['watch_per_s']:,.0f}/s",
            flush=True,
        )
    flat = results[-1]["apply_us"] / results[0]["apply_us"]
    over = max(r["apply_us"] / r["transition_us"] for r in results)
    rate = results[-1]["watch_per_s"]
    print(
        f"apply, largest / smallest: {flat:.2f}x (bound 1.5x); "
        f"apply / transition: at most {over:.2f}x (bound 3x); "
        f"watch at the largest: {rate:,.0f}/s (bound 5,000/s)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0 if flat <= 1.5 and over <= 3 and rate >= 5000 else 1


if __name__ == "__main__":
    sys.exit(main())
