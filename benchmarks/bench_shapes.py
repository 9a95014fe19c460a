"""The loader, the report and the import on every shape of snapshot.

For each shape of :data:`_snapshots.SHAPES` and each size, measured
against the standard library in the same run (CPU time, interleaved
repeats, medians, the collector on):

- ``load_snapshot(path)`` against ``json.loads`` of the same bytes
  (bound 3x);
- ``unified-account report FILE`` against ``json.load`` of the same
  file, each in a fresh process (bound 3x; peak RSS 1.3x);
- ``unified-account report --all --format json FILE`` against the same
  baseline (bound 5x);
- for the ``import`` shape, ``import-spapi`` of the SP-API inputs then
  ``report`` of its output, against ``json.load`` of every input (bound
  3x).

Run from a checkout with the package installed::

    python benchmarks/bench_shapes.py --sizes 1k,10k,100k

``--shapes`` picks shapes, ``--repeats`` the repeats (5), ``--data`` the
folder the generated snapshots are kept in between runs.  ``run.py``
calls :func:`bench_shape` for each shape.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _snapshots import IMPORT_ARGUMENTS, SHAPES, write_spapi_inputs

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}

# The baseline: the standard library's parse of the file, nothing kept
# but the parsed value (the bytes go when ``json.load`` returns).
_JSON_LOAD = """
import json, sys
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        data = json.load(f)
    del data
"""

# A command's Python code, then its peak resident memory (VmHWM).
_PEAK = """
import runpy, sys
kind, what = sys.argv[1], sys.argv[2]
sys.argv = [what, *sys.argv[3:]]
try:
    if kind == "-m":
        runpy.run_module(what, run_name="__main__", alter_sys=True)
    else:
        exec(compile(what, "<code>", "exec"), {"__name__": "__main__"})
except SystemExit as exit:
    if exit.code not in (0, 1, None):
        raise
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmHWM:"):
            sys.stderr.write(f"peak-kib {line.split()[1]}\\n")
"""


def _cpu(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def _child(argv: list[str]) -> tuple[float, int]:
    """CPU seconds (user + system) and peak RSS in bytes of one run."""
    python, kind, what, *rest = argv
    process = subprocess.Popen(
        [python, "-c", _PEAK, kind, what, *rest],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{argv} failed: {errors!r}")
    peak = int(errors.split(b"peak-kib ")[-1].split()[0]) * 1024
    return usage.ru_utime + usage.ru_stime, peak


def _children(
    ours: list[list[str]], theirs: list[str], repeats: int
) -> tuple[tuple[float, int], tuple[float, int]]:
    """Median CPU and peak RSS: ``ours`` (one or more commands, summed)
    and ``theirs``, run alternately."""
    mine: list[tuple[float, int]] = []
    base: list[tuple[float, int]] = []
    for _ in range(repeats):
        runs = [_child(argv) for argv in ours]
        mine.append((sum(c for c, _ in runs), max(r for _, r in runs)))
        base.append(_child(theirs))
    return (
        (statistics.median(c for c, _ in mine), max(r for _, r in mine)),
        (statistics.median(c for c, _ in base), max(r for _, r in base)),
    )


def _show(
    name: str, size: int, ours: float, theirs: float, bound: float, unit: str
) -> dict[str, object]:
    ratio = ours / theirs
    verdict = "met" if ratio <= bound else "missed"
    if unit == "MiB":
        shown = f"{ours / 2**20:9.0f} MiB {theirs / 2**20:9.0f} MiB"
    else:
        shown = f"{ours:9.4f} s  {theirs:9.4f} s "
    print(
        f"{name:<52} @{size:>9,} {shown} {ratio:6.2f}x "
        f"(bound {bound:g}: {verdict})",
        flush=True,
    )
    return {
        "figure": name,
        "skus": size,
        "library": ours,
        "baseline": theirs,
        "ratio": ratio,
        "bound": bound,
        "unit": unit,
    }


def bench_shape(
    shape: str, data: Path, size: int, repeats: int
) -> list[dict[str, object]]:
    """Every figure of one shape at one size; each figure's record."""
    from unified_account import load_snapshot

    path = SHAPES[shape](data / f"{shape}-{size}.json", size)
    found = []
    text = path.read_bytes()
    mine, base = [], []
    for _ in range(repeats):
        mine.append(_cpu(lambda: load_snapshot(path)))
        base.append(_cpu(lambda: json.loads(text)))
    found.append(
        _show(
            f"{shape}: load_snapshot vs json.loads",
            size,
            statistics.median(mine),
            statistics.median(base),
            3,
            "s",
        )
    )
    python = sys.executable
    baseline = [python, "-c", _JSON_LOAD, str(path)]
    for name, options, bound in (
        ("report", [], 3.0),
        ("report --all --format json", ["--all", "--format", "json"], 5.0),
    ):
        command = [python, "-m", "unified_account", "report", *options]
        (ours, our_rss), (theirs, their_rss) = _children(
            [[*command, str(path)]], baseline, repeats
        )
        found.append(
            _show(
                f"{shape}: {name} vs json.load", size, ours, theirs, bound, "s"
            )
        )
        found.append(
            _show(
                f"{shape}: {name} (peak RSS) vs json.load",
                size,
                our_rss,
                their_rss,
                1.3,
                "MiB",
            )
        )
    if shape == "import":
        words = write_spapi_inputs(path.with_name(path.stem + "-spapi"), size)
        files = [word.partition("=")[2] for word in words]
        with tempfile.TemporaryDirectory() as folder:
            out = str(Path(folder) / "import.json")
            (ours, _), (theirs, _) = _children(
                [
                    [
                        python,
                        "-m",
                        "unified_account",
                        "import-spapi",
                        *IMPORT_ARGUMENTS,
                        "-o",
                        out,
                        *words,
                    ],
                    [python, "-m", "unified_account", "report", out],
                ],
                [python, "-c", _JSON_LOAD, *files],
                repeats,
            )
        found.append(
            _show(
                "import-spapi then report vs json.load of the inputs",
                size,
                ours,
                theirs,
                3,
                "s",
            )
        )
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the shapes' figures; print each, optionally write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path("bench-data"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (SIZES[word] for word in args.sizes.split(",")):
        for shape in args.shapes.split(","):
            results.extend(bench_shape(shape, args.data, size, args.repeats))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
