"""Time and memory of a snapshot at each of the loader's limits.

Run from a checkout with the package installed (``benchmarks/`` on the
path, as ``run.py`` has it)::

    python benchmarks/limits.py                     # every case
    python benchmarks/limits.py --largest-mib 512   # a smaller largest
    python benchmarks/limits.py --only worst        # one case

Each snapshot is written to a file (in ``--directory``, by default a
temporary one, removed afterwards), then read by ``load_snapshot`` in a
fresh Python process, which reports its CPU time and its peak resident
memory (``ru_maxrss``: the whole process, interpreter included).  The
baseline is ``json.loads`` of the same file's bytes in another fresh
process, in the same run: the figure is the ratio, and the absolute
numbers are printed beside it for ``docs/limits.md``.  The small cases
also build and render the report, timed separately.

The cases:

- ``largest``: ordinary SKUs (``_snapshots.sku_documents``) up to just
  under :data:`MAX_SNAPSHOT_CHARACTERS`; ``past largest``: one byte more,
  refused before it is parsed;
- ``ordinary``/``worst``: ``--worst-mib`` of ordinary SKUs, and as many of
  SKUs that each take the careful path (each names
  ``remote_fulfillment`` and has attributes) in a document the loader
  walks whole (one title holds an emoji, which JSON writes as an escaped
  surrogate pair): the slowest snapshot under the limits we know of;
- ``longest value``, ``most digits``, ``deepest nesting``: the example
  seller with one value at the limit; ``past ...``: one step past,
  refused with its path.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _snapshots import sku_documents

from unified_account.snapshot import example_text
from unified_account.snapshot._limits import (
    MAX_DEPTH,
    MAX_SNAPSHOT_CHARACTERS,
    MAX_TEXT_CHARACTERS,
    MAX_WHOLE_DIGITS,
)

EXAMPLE = json.loads(example_text())
MIB = 2**20


def _head(key: str, *, walked: bool) -> tuple[str, str]:
    """The example's JSON before and after its SKUs or its orders.

    ``walked``: the display name holds an emoji, which JSON writes as an
    escaped surrogate pair: the loader walks every value.
    """
    head = copy.deepcopy(EXAMPLE)
    if walked:
        info = head["account"]["registration_info"]
        info["display_name"] += " \N{GRINNING FACE}"
    if key == "orders":
        head.pop("orders")
        return json.dumps(head)[:-1] + ', "orders": [', "]}\n"
    head.pop("catalog")
    return json.dumps(head)[:-1] + ', "catalog": {"skus": [', "]}}\n"


def _write_items(
    path: Path,
    size: int,
    items: Iterator[dict[str, Any]],
    key: str = "skus",
    *,
    walked: bool = False,
) -> int:
    """Write the example with ``items`` up to ``size`` bytes; their count.

    ``key``: the items are the catalogue's ``skus`` or the ``orders``.
    """
    before, after = _head(key, walked=walked)
    written = len(before) + len(after)
    count = 0
    with path.open("w", encoding="ascii") as out:
        out.write(before)
        for item in items:
            text = ("," if count else "") + json.dumps(item)
            if written + len(text) > size:
                break
            out.write(text)
            written += len(text)
            count += 1
        out.write(after)
    return count


def _careful(skus: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each SKU made to take the careful path."""
    for sku in skus:
        sku["remote_fulfillment"] = []
        for listing in sku["listings"].values():
            listing["attributes"] = {
                "colour": {"value": "White", "language_tag": "en_US"},
                "size": "12 oz",
            }
        yield sku


def _orders() -> Iterator[dict[str, Any]]:
    """Orders like the example's first, each with its own id."""
    order = EXAMPLE["orders"][0]
    for index in range(10**8):
        yield dict(order, order_id=f"900-{index:07d}-{index % 10**7:07d}")


def _example_with(change: Callable[[dict[str, Any]], None]) -> str:
    document = copy.deepcopy(EXAMPLE)
    change(document)
    return json.dumps(document)


def _title(length: int) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        listing = document["catalog"]["skus"][0]["listings"]["US"]
        listing["title"] = "t" * length

    return change


def _digits(extra: int) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["sales"][0]["price"]["amount"] = "9" * 15 + ".99"
        document["conversion_rates"][0]["rate"] = "9" * 15 + "." + "9" * 12
        document["orders"][0]["total"]["amount"] = "9" * 15 + ".99"
        document["catalog"]["skus"][0]["mfn"]["quantity"] = (
            10**MAX_WHOLE_DIGITS - 1 + extra
        )

    return change


def _nesting(levels: int) -> Callable[[dict[str, Any]], None]:
    """A listing's attributes nesting objects ``levels`` deep in all."""

    def change(document: dict[str, Any]) -> None:
        nested: dict[str, Any] = {"x": "leaf"}
        # The document is level 1, a listing's attributes object level 7.
        for _ in range(levels - 8):
            nested = {"x": nested}
        listing = document["catalog"]["skus"][0]["listings"]["US"]
        listing["attributes"] = {"deep": nested}

    return change


def _small_cases() -> dict[str, str]:
    return {
        "longest value": _example_with(_title(MAX_TEXT_CHARACTERS)),
        "past longest value": _example_with(_title(MAX_TEXT_CHARACTERS + 1)),
        "most digits": _example_with(_digits(0)),
        "past most digits": _example_with(_digits(1)),
        "deepest nesting": _example_with(_nesting(MAX_DEPTH)),
        "past deepest nesting": _example_with(_nesting(MAX_DEPTH + 1)),
    }


def _measure_here(kind: str, path: str) -> None:
    """In the child: read ``path`` one way, print what it cost."""
    from unified_account import (
        SnapshotError,
        build_report,
        load_snapshot,
        parse_snapshot,
    )
    from unified_account.report.formats import report_text

    result: dict[str, Any] = {}
    if kind != "json":  # the library's modules load before the clock starts
        warm = parse_snapshot(example_text())
        if kind == "report":
            report_text(build_report(warm), "en")
    start = time.process_time()
    if kind == "json":
        try:
            json.loads(Path(path).read_bytes())
        except ValueError:  # past the largest: NULs, not JSON
            result["outcome"] = "not JSON"
        else:
            result["outcome"] = "parsed"
    else:
        try:
            snapshot = load_snapshot(path)
        except SnapshotError as error:
            result["outcome"] = f"refused: {error.path}: {error.problem}"
        else:
            result["outcome"] = f"read ({len(snapshot.catalog):,} SKUs)"
    result["cpu"] = time.process_time() - start
    result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if kind == "report" and result["outcome"].startswith("read"):
        start = time.process_time()
        report_text(build_report(snapshot), "en")
        result["report cpu"] = time.process_time() - start
    print(json.dumps(result))


def _measure(kind: str, path: Path) -> dict[str, Any]:
    """``kind`` of reading ``path``, in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _line(name: str, path: Path, kind: str = "load") -> None:
    size = path.stat().st_size
    ours = _measure(kind, path)
    base = _measure("json", path)
    report = (
        f"; report {ours['report cpu'] * 1000:.1f} ms"
        if "report cpu" in ours
        else ""
    )
    per_mb = (
        f", {ours['cpu'] / (size / 1e6) * 1000:.0f} ms/MB"
        if size > MIB
        else ""
    )
    print(
        f"{name}: {size:,} bytes ({size / MIB:,.1f} MiB), {ours['outcome']}; "
        f"load CPU {ours['cpu'] * 1000:,.1f} ms "
        f"({ours['cpu'] / base['cpu']:.1f}x json.loads){per_mb}; "
        f"peak RSS {ours['rss'] / MIB:,.0f} MiB "
        f"({ours['rss'] / base['rss']:.1f}x json.loads){report}",
        flush=True,
    )


def _run(args: argparse.Namespace, directory: Path) -> None:
    wanted = set(args.only or [])

    def want(name: str) -> bool:
        return not wanted or name in wanted

    if want("largest"):
        path = directory / "largest.json"
        size = min(args.largest_mib * MIB, MAX_SNAPSHOT_CHARACTERS)
        count = _write_items(path, size, sku_documents(10**8))
        print(f"largest: {count:,} SKUs", flush=True)
        _line("largest", path)
        path.unlink()
    if want("past largest"):
        path = directory / "past.json"
        with path.open("wb") as out:  # sparse: no time spent writing it
            out.truncate(MAX_SNAPSHOT_CHARACTERS + 1)
        _line("past largest", path)
        path.unlink()
    if want("worst"):
        size = args.worst_mib * MIB
        for name, items, key, walked in (
            ("ordinary", sku_documents(10**8), "skus", False),
            ("ordinary, walked", sku_documents(10**8), "skus", True),
            ("careful", _careful(sku_documents(10**8)), "skus", True),
            ("orders", _orders(), "orders", True),
        ):
            path = directory / f"{name}.json"
            count = _write_items(path, size, items, key, walked=walked)
            print(f"{name}: {count:,} {key}", flush=True)
            _line(name, path)
            path.unlink()
    for name, text in _small_cases().items():
        if want(name.removeprefix("past ")):
            path = directory / "small.json"
            path.write_text(text, encoding="utf-8")
            _line(name, path, kind="report")


def main() -> None:
    """Print one line per case."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--largest-mib", type=int, default=1024)
    parser.add_argument("--worst-mib", type=int, default=64)
    parser.add_argument(
        "--only",
        action="append",
        choices=[
            "largest",
            "past largest",
            "worst",
            "longest value",
            "most digits",
            "deepest nesting",
        ],
    )
    parser.add_argument("--directory", type=Path)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure_here(*args.measure)
        return
    if args.directory:
        _run(args, args.directory)
        return
    with tempfile.TemporaryDirectory() as directory:
        _run(args, Path(directory))


if __name__ == "__main__":
    main()
