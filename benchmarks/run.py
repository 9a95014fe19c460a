"""The benchmark suite: every figure against a same-work baseline.

Run from a checkout with the package installed::

    python benchmarks/run.py                     # 1k, 10k, 100k, 1M SKUs
    python benchmarks/run.py --sizes 1k,10k      # while trying things out

Every figure is CPU time (``time.process_time``, or the children's
``getrusage`` for whole commands), the median of ``--repeats`` runs in
which the library and its baseline alternate, with the garbage collector
on as in real use.  On a shared machine CPU time measured in interleaved
repeats is steady where wall time is not.  The baselines are in
``_baselines.py``: plain Python doing the same work, keeping the same
precomputed values and the same immutability.

Every figure of a snapshot runs on each shape of
``_snapshots.SHAPES`` (``--shapes`` picks some) at each size
(``--sizes``); snapshots are generated once into ``--data`` (the same
SKUs for the same size and shape) and reused.  After the sizes, the
per-SKU cost of load, report and import at each size (issue 19's
scaling check); last, many sellers (``bench_sellers.py``).

Commands are measured bare: each runs as the child of a small launcher
that reads its CPU time and peak RSS from ``wait4``, with nothing of the
benchmark's inside it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import immutables
from _baselines import (
    careful_account_info,
    careful_available,
    careful_eligibility,
    careful_listing_marketplace,
    careful_per_item_fee,
    careful_scope,
    plain_availability,
    plain_catalog,
    plain_form,
    plain_render,
    plain_update,
)
from _snapshots import SHAPES, snapshot_document
from bench_inventory import build_catalog, rows

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
PARTS = (
    "startup",
    "policies",
    "rendering",
    "load",
    "build",
    "report",
    "cli",
    "import",
    "retained",
    "sellers",
)
RESULTS: list[dict[str, Any]] = []


def cpu(function: Callable[[], object]) -> float:
    """CPU seconds of one call of ``function``."""
    start = time.process_time()
    function()
    return time.process_time() - start


def interleaved(
    ours: Callable[[], object],
    theirs: Callable[[], object],
    repeats: int,
) -> tuple[float, float]:
    """Median CPU seconds of each, measured alternately."""
    mine: list[float] = []
    base: list[float] = []
    for _ in range(repeats):
        mine.append(cpu(ours))
        base.append(cpu(theirs))
    return statistics.median(mine), statistics.median(base)


# Runs a command as its own child and reports that child's CPU time and
# peak resident memory (wait4).  A child's ru_maxrss starts at what its
# parent held when it forked (the exec keeps it), so a command forked
# from the benchmark, which holds snapshots, would report the
# benchmark's memory: commands are forked from this launcher instead, a
# bare interpreter smaller than any command measured (``python -c pass``
# included), and nothing runs inside the command but the command.
_LAUNCH = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(
    f"usage {usage.ru_utime + usage.ru_stime!r} {usage.ru_maxrss} "
    f"{os.waitstatus_to_exitcode(status)}\\n"
)
"""

# json.load of a file, then the resident memory the parsed document
# holds once json.load has returned (the file's bytes, which it reads
# whole, are freed by then): the RSS baseline.
_PARSED = """
import json, sys
with open(sys.argv[1], "rb") as file:
    document = json.load(file)
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            sys.stderr.write(f"resident-kib {line.split()[1]}\\n")
"""


def child(argv: list[str], peak: bool = True) -> tuple[float, int]:
    """CPU seconds and peak RSS (bytes) of a command, bare.

    ``peak`` is kept for callers of the earlier version, which measured
    either: both are now read from ``wait4``, at no cost to the command.
    """
    del peak
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _LAUNCH, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, errors = process.communicate()
    usage = errors.rsplit(b"usage ", 1)[-1].split()
    if process.returncode or len(usage) != 3 or usage[2] != b"0":
        raise RuntimeError(f"{argv} failed: {errors[-2000:]!r}")
    return float(usage[0]), int(usage[1]) * 1024


def resident(errors: bytes) -> int:
    """The ``resident-kib`` a command reported, in bytes."""
    return int(errors.split(b"resident-kib ")[-1].split()[0]) * 1024


def parsed_json(path: Path) -> tuple[float, int, int]:
    """CPU seconds, peak RSS and the parsed document's RSS of json.load."""
    argv = [sys.executable, "-c", _PARSED, str(path)]
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _LAUNCH, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, errors = process.communicate()
    usage = errors.rsplit(b"usage ", 1)[-1].split()
    if process.returncode or len(usage) != 3 or usage[2] != b"0":
        raise RuntimeError(f"json.load of {path} failed: {errors!r}")
    return float(usage[0]), int(usage[1]) * 1024, resident(errors)


def interleaved_children(
    ours: list[str], theirs: list[str], repeats: int, peak: bool = True
) -> tuple[tuple[float, int], tuple[float, int]]:
    """Median CPU and peak RSS of two commands, run alternately."""
    mine, base = [], []
    for _ in range(repeats):
        mine.append(child(ours))
        base.append(child(theirs))
    return (
        (
            statistics.median(c for c, _ in mine),
            max(r for _, r in mine),
        ),
        (
            statistics.median(c for c, _ in base),
            max(r for _, r in base),
        ),
    )


def figure(
    name: str,
    size: int | None,
    ours: float,
    theirs: float,
    bound: float | None,
    unit: str = "s",
    *,
    shape: str | None = None,
    bound_from: int | None = None,
    note: str = "",
) -> None:
    """Record and print one figure.

    ``bound_from``: the bound holds from that many SKUs on (smaller
    sizes are shown for the scaling, without a verdict).
    """
    ratio = ours / theirs if theirs else float("inf")
    applies = bound is not None and (
        bound_from is None or (size or 0) >= bound_from
    )
    verdict = ""
    if applies:
        assert bound is not None
        verdict = "ok" if ratio <= bound else "OVER"
    per_sku = (
        f"{ours / size * 1e6:9.2f} us/SKU"
        if size and unit == "s"
        else " " * 16
    )
    if unit == "MiB":
        shown = f"{ours / 2**20:10.0f} MiB {theirs / 2**20:10.0f} MiB"
    elif unit == "us":
        shown = f"{ours * 1e6:10.2f} us  {theirs * 1e6:10.2f} us "
    else:
        shown = f"{ours:10.4f} s   {theirs:10.4f} s  "
    if bound is None:
        bound_text = ""
    elif applies:
        bound_text = f"(bound {bound:g}: {verdict})"
    else:
        bound_text = f"(bound {bound:g} from {bound_from:,})"
    label = f"{name} @{size:,}" if size else name
    if shape:
        label = f"[{shape}] {label}"
    print(f"{label:<58} {shown} {ratio:6.2f}x {per_sku} {bound_text} {note}")
    sys.stdout.flush()
    RESULTS.append(
        {
            "figure": name,
            "shape": shape,
            "skus": size,
            "library": ours,
            "baseline": theirs,
            "ratio": ratio,
            "bound": bound,
            "bound_from": bound_from,
            "unit": unit,
            "note": note,
        }
    )


# --- per size ---------------------------------------------------------


def bench_load(path: Path, size: int, repeats: int, shape: str) -> None:
    from unified_account import load_snapshot

    ours, theirs = interleaved(
        lambda: load_snapshot(path),
        lambda: json.loads(path.read_bytes()),
        repeats,
    )
    figure("load_snapshot vs json.loads", size, ours, theirs, 3, shape=shape)


def bench_build(size: int, repeats: int) -> None:
    from unified_account import availability_table, set_mfn_quantity

    data = list(rows(size))
    ours, theirs = interleaved(
        lambda: build_catalog(data), lambda: plain_catalog(data), repeats
    )
    figure("catalogue build vs plain frozen attrs", size, ours, theirs, 1.3)

    # The batch constructor pauses the collector, so its objects meet the
    # collector's young passes after the build, not during it: those
    # passes are shown here (no bound), against the same passes after the
    # baseline's build; then a full collection leaves both catalogues
    # old, so the figures below measure their own work only.
    def young_passes() -> None:
        gc.collect(0)
        gc.collect(1)

    gc.collect()
    catalog = build_catalog(data)
    first = cpu(young_passes)
    plain = plain_catalog(data)
    figure(
        "young collections after the build",
        size,
        first,
        cpu(young_passes),
        None,
    )
    gc.collect()
    ours, theirs = interleaved(
        lambda: availability_table(catalog),
        lambda: plain_availability(plain),
        repeats,
    )
    figure("availability table vs precomputed column", size, ours, theirs, 1.5)
    skus = [data[i * 7919 % size][0] for i in range(1000)]
    # (asin, separate, listings, MFN quantity, FBA): the update sets [3].
    tuples = immutables.Map(
        {row[0]: (row[1], row[3], row[5], row[2], row[4]) for row in data}
    )
    quantities = [i % 50 + 1 for i in range(len(skus))]
    pairs = list(zip(skus, quantities, strict=True))
    ours, theirs = interleaved(
        lambda: [set_mfn_quantity(catalog, s, q + 500) for s, q in pairs],
        lambda: [plain_update(tuples, s, q + 500) for s, q in pairs],
        repeats,
    )
    figure(
        "one update vs tuple in immutables.Map",
        size,
        ours / len(pairs),
        theirs / len(pairs),
        2,
        unit="us",
    )


def bench_report(path: Path, size: int, repeats: int) -> None:
    from unified_account import load_snapshot
    from unified_account.report import iter_findings

    snapshot = load_snapshot(path)
    document = snapshot_document(size)

    def plain_report() -> list[tuple[Any, ...]]:
        # The same findings as plain tuples, from the parsed JSON.
        found = []
        allowed = {"US": True, "CA": True, "MX": True}
        for sku in sorted(document["catalog"]["skus"], key=_sku):
            name = sku["sku"]
            mfn = []
            for code, listing in sku["listings"].items():
                subject = f"listing:{name}@{code}"
                if listing["status"] == "deleted":
                    found.append(("del", "info", subject, name, code))
                    continue
                if not allowed[code]:
                    found.append(("denied", subject))
                found.append(
                    (
                        "listed",
                        "info",
                        subject,
                        (("marketplace", code), ("price", listing["price"])),
                    )
                )
                if listing["channel"] == "mfn":
                    mfn.append(code)
                    if listing["status"] == "active":
                        continue
                found.append(("cell", "info", subject, name, code))
            if mfn:
                found.append(("pool", "info", f"sku:{name}", tuple(mfn)))
        return found

    ours, theirs = interleaved(
        lambda: list(iter_findings(snapshot)), plain_report, repeats
    )
    figure(
        "report building vs plain tuples",
        size,
        ours,
        theirs,
        None,
        shape="plain",
    )


def _sku(document: dict[str, Any]) -> str:
    return str(document["sku"])


REPORT_FROM = 1_000_000  # the command's bounds are for a 1M-SKU seller
IMPORT_AT = 100_000  # the import's bound is for a 100k-SKU seller


def bench_cli(path: Path, size: int, repeats: int, shape: str) -> None:
    """``report`` and ``report --all --format json`` against json.load.

    CPU against ``json.load`` of the same file in a fresh process; peak
    RSS against the resident memory of the parsed document alone (the
    file's bytes, which json.load holds while it parses, not counted).
    """
    command = [sys.executable, "-m", "unified_account", "report"]
    default = [*command, str(path)]
    everything = [*command, "--all", "--format", "json", str(path)]
    runs: dict[str, list[tuple[float, int]]] = {"default": [], "all": []}
    parsed: list[tuple[float, int, int]] = []
    for _ in range(repeats):
        runs["default"].append(child(default))
        parsed.append(parsed_json(path))
        runs["all"].append(child(everything))
    load_cpu = statistics.median(c for c, _, _ in parsed)
    load_peak = max(p for _, p, _ in parsed)
    document = max(r for _, _, r in parsed)
    for key, name, bound in (
        ("default", "report", 3.0),
        ("all", "report --all --format json", 5.0),
    ):
        cpu_time = statistics.median(c for c, _ in runs[key])
        peak = max(r for _, r in runs[key])
        figure(
            f"{name} (CPU) vs json.load",
            size,
            cpu_time,
            load_cpu,
            bound,
            shape=shape,
            bound_from=REPORT_FROM,
        )
        figure(
            f"{name} (peak RSS) vs parsed JSON",
            size,
            peak,
            document,
            1.3,
            unit="MiB",
            shape=shape,
            bound_from=REPORT_FROM,
            note=f"(json.load's own peak {load_peak / 2**20:,.0f} MiB)",
        )


def bench_import(folder: Path, size: int, repeats: int, shape: str) -> None:
    """``import-spapi`` then ``report``, against json.load of the inputs.

    The SP-API inputs come from ``_snapshots.write_spapi_inputs(folder,
    size)``, which writes them and returns ``import-spapi``'s arguments
    that read them (``kind=FILE``), and ``_snapshots.IMPORT_ARGUMENTS``
    (``--home US`` and so on); without them the figure is not measured,
    and says so.
    """
    import _snapshots

    write_inputs = getattr(_snapshots, "write_spapi_inputs", None)
    if write_inputs is None:
        print(
            f"[{shape}] import-spapi then report @{size:,}: not measured "
            "(_snapshots.py has no write_spapi_inputs)"
        )
        return
    options = getattr(_snapshots, "IMPORT_ARGUMENTS", ("--home", "US"))
    words = write_inputs(folder / f"{shape}-{size}-spapi", size)
    files = [word.split("=", 1)[1] for word in words]
    output = folder / f"{shape}-{size}-imported.json"
    python = sys.executable
    importing = [
        *(python, "-m", "unified_account", "import-spapi", *options),
        *("-o", str(output), *words),
    ]
    reporting = [python, "-m", "unified_account", "report", str(output)]
    loading = [
        python,
        "-c",
        "import json, sys\n"
        "for name in sys.argv[1:]:\n"
        "    with open(name, 'rb') as file:\n"
        "        json.load(file)\n",
        *files,
    ]
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(child(importing)[0] + child(reporting)[0])
        theirs.append(child(loading)[0])
    figure(
        "import-spapi then report (CPU) vs json.load of the inputs",
        size,
        statistics.median(ours),
        statistics.median(theirs),
        3,
        shape=shape,
        bound_from=IMPORT_AT,
    )


_RETAINED = """
import gc, sys
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
from unified_account import load_snapshot
before = rss()
snapshot = load_snapshot(sys.argv[1])
loaded = rss()
del snapshot
gc.collect()
print(before, loaded, rss())
"""


def bench_retained(path: Path, size: int) -> None:
    output = subprocess.run(
        [sys.executable, "-c", _RETAINED, str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    before, loaded, after = map(int, output)
    print(
        f"{'memory after load, then released':<46} "
        f"{(loaded - before) / 2**20:10.0f} MiB "
        f"{(after - before) / 2**20:10.0f} MiB kept after del + collect"
        f" @{size:,}"
    )
    RESULTS.append(
        {
            "figure": "memory held after releasing the snapshot",
            "skus": size,
            "library": after - before,
            "baseline": loaded - before,
            "unit": "bytes",
        }
    )


# --- once -------------------------------------------------------------


# The policy calls, each as (name, library call, careful plain call), both
# taking the same inputs built by ``_policy_cases``.  ``_FIRST_CALL``
# runs in a fresh process: the inputs are built and the names imported,
# then one call of each is timed, in the order given.
_POLICY_CASES = (
    "evaluate_scope, in scope",
    "evaluate_scope, outside",
    "evaluate_eligibility, eligible",
    "evaluate_eligibility, individual plan",
    "evaluate_listing_marketplace, turned on",
    "evaluate_listing_marketplace, home",
    "effective_account_info",
    "available_quantity, MFN SKU",
    "available_quantity, FBA SKU",
    "per_item_fee",
)


def _policy_cases() -> dict[
    str, tuple[Callable[[], object], Callable[[], object]]
]:
    """Each policy call and its careful plain version, on the same inputs."""
    import attrs

    from unified_account import (
        Marketplace,
        Money,
        PerItemFee,
        Sale,
        SellingPlan,
        available_quantity,
        effective_account_info,
        evaluate_eligibility,
        evaluate_listing_marketplace,
        evaluate_scope,
        example_snapshot,
        per_item_fee,
    )

    account = example_snapshot().account  # US home, CA and MX turned on
    individual = attrs.evolve(account, plan=SellingPlan.INDIVIDUAL)
    data = list(rows(1000))
    catalog = build_catalog(data)
    plain = plain_catalog(data)
    mfn, fba = "SKU-00000000", "SKU-00000004"  # in US, CA and MX
    fees = [
        PerItemFee(marketplace=Marketplace.US, rate="0.15"),
        PerItemFee(
            marketplace=Marketplace.CA,
            rate="0.15",
            minimum=Money("0.30", "CAD"),
        ),
        PerItemFee(marketplace=Marketplace.MX, rate="0.15"),
    ]
    sale = Sale(
        reference="R-1",
        marketplace=Marketplace.CA,
        price=Money("20.00", "CAD"),
    )
    ca, de, us = Marketplace.CA, Marketplace.DE, Marketplace.US
    calls = (
        (lambda: evaluate_scope(ca), lambda: careful_scope(ca)),
        (lambda: evaluate_scope(de), lambda: careful_scope(de)),
        (
            lambda: evaluate_eligibility(account),
            lambda: careful_eligibility(account),
        ),
        (
            lambda: evaluate_eligibility(individual),
            lambda: careful_eligibility(individual),
        ),
        (
            lambda: evaluate_listing_marketplace(account, ca),
            lambda: careful_listing_marketplace(account, ca),
        ),
        (
            lambda: evaluate_listing_marketplace(account, us),
            lambda: careful_listing_marketplace(account, us),
        ),
        (
            lambda: effective_account_info(account, ca),
            lambda: careful_account_info(account, ca),
        ),
        (
            lambda: available_quantity(catalog, mfn, ca),
            lambda: careful_available(plain, mfn, "CA"),
        ),
        (
            lambda: available_quantity(catalog, fba, ca),
            lambda: careful_available(plain, fba, "CA"),
        ),
        (
            lambda: per_item_fee(account, sale, fees),
            lambda: careful_per_item_fee(account, sale, fees),
        ),
    )
    return dict(zip(_POLICY_CASES, calls, strict=True))


def verified(ours: Callable[[], object], theirs: Callable[[], object]) -> None:
    """Refuse to time a baseline whose answer is not the library's."""
    mine, base = plain_form(ours()), plain_form(theirs())
    if mine != base:
        raise AssertionError(f"the baseline differs: {mine!r} != {base!r}")


_FIRST_CALL = """
import sys, time
sys.path.insert(0, sys.argv[1])
from run import _policy_cases
ours, theirs = _policy_cases()[sys.argv[2]]
clock = time.process_time_ns
clock(), clock()  # the clock's own first reading is not the call's
if sys.argv[3] == "library-first":
    start = clock(); ours(); mine = clock() - start
    start = clock(); theirs(); base = clock() - start
else:
    start = clock(); theirs(); base = clock() - start
    start = clock(); ours(); mine = clock() - start
print(mine, base)
"""


def first_call(name: str, repeats: int) -> tuple[float, float]:
    """Median CPU seconds of the first call of each, in fresh processes.

    Each process builds the inputs, then times one call of each side;
    which side goes first alternates from one process to the next.
    """
    mine: list[float] = []
    base: list[float] = []
    here = str(Path(__file__).resolve().parent)
    for index in range(repeats):
        order = "library-first" if index % 2 == 0 else "baseline-first"
        output = subprocess.run(
            [sys.executable, "-c", _FIRST_CALL, here, name, order],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.split()
        mine.append(int(output[0]) / 1e9)
        base.append(int(output[1]) / 1e9)
    return statistics.median(mine), statistics.median(base)


def bench_policies(repeats: int) -> None:
    calls = 2000
    for name, (ours, theirs) in _policy_cases().items():
        verified(ours, theirs)
        ours_time, theirs_time = interleaved(
            lambda ours=ours: [ours() for _ in range(calls)],
            lambda theirs=theirs: [theirs() for _ in range(calls)],
            repeats,
        )
        figure(
            f"policy call, warm: {name}",
            None,
            ours_time / calls,
            theirs_time / calls,
            2,
            unit="us",
        )
    for name in _POLICY_CASES:
        ours_time, theirs_time = first_call(name, max(repeats, 5))
        figure(
            f"policy call, first: {name}",
            None,
            ours_time,
            theirs_time,
            3,
            unit="us",
        )


def bench_rendering(repeats: int) -> None:
    from unified_account import example_snapshot, i18n
    from unified_account.i18n import format_param, translate
    from unified_account.report import iter_findings
    from unified_account.report.formats import (
        finding_cells,
        finding_document,
        finding_line,
    )

    snapshot = example_snapshot()
    findings = list(iter_findings(snapshot))
    prepared = []
    for finding in findings:
        params = {}
        for name, value in finding.params:
            amount = getattr(value, "amount", None)
            if amount is not None:
                params[name] = (amount, value.currency)  # type: ignore[union-attr]
            elif isinstance(value, int):
                params[name] = value
            else:
                params[name] = format_param(value, "en")
        subject = finding.subject
        where = subject.marketplace
        prepared.append(
            (
                translate(finding.message_id, "en"),
                params,
                finding.rule.value,
                finding.outcome.value,
                # The subject's fields as plain values, as a plain
                # program would hold them.
                (
                    subject.path,
                    subject.kind.value,
                    subject.account,
                    subject.other_account,
                    None if where is None else where.name,
                    subject.sku,
                    subject.asin,
                    subject.brand,
                    subject.reference,
                    subject.currency,
                    finding.message_id,
                ),
            )
        )

    def text_base() -> None:
        for template, params, rule, outcome, _ in prepared:
            f"[{outcome}] {rule}: {plain_render(template, params)}"

    def json_base() -> None:
        for template, params, rule, outcome, subject in prepared:
            json.dumps(
                {
                    "rule": rule,
                    "outcome": outcome,
                    "subject": {
                        "path": subject[0],
                        "kind": subject[1],
                        "account": subject[2],
                        "other_account": subject[3],
                        "marketplace": subject[4],
                        "sku": subject[5],
                        "asin": subject[6],
                        "brand": subject[7],
                        "reference": subject[8],
                        "currency": subject[9],
                    },
                    "message": plain_render(template, params),
                    "message_id": subject[10],
                    "params": {k: str(v) for k, v in params.items()},
                },
                ensure_ascii=False,
            )

    def markdown_base() -> None:
        for template, params, rule, outcome, subject in prepared:
            cells = (
                f"`{subject[0]}`",
                f"`{rule}`",
                outcome,
                plain_render(template, params),
            )
            "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    cases = {
        "text": (
            lambda: [finding_line(f, "en") for f in findings],
            text_base,
        ),
        "json": (
            lambda: [
                json.dumps(finding_document(f, "en"), ensure_ascii=False)
                for f in findings
            ],
            json_base,
        ),
        "markdown": (
            lambda: [
                "| " + " | ".join(finding_cells(f, "en")) + " |"
                for f in findings
            ],
            markdown_base,
        ),
    }
    # Cold: each pass starts with empty value caches (money, numbers,
    # lists), so each distinct value is formatted once, as in a real
    # report; the catalogues and Babel's locale data stay loaded.
    value_caches = (i18n._money_text, i18n._number_text, i18n._list_text)

    def cold(render: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            for cache in value_caches:
                cache.cache_clear()
            return render()

        return run

    for name, (ours, theirs) in cases.items():
        a, b = interleaved(cold(ours), theirs, max(repeats, 7))
        figure(
            f"render one finding, {name}, cold value caches",
            None,
            a / len(findings),
            b / len(findings),
            3,
            unit="us",
        )
    for name, (ours, theirs) in cases.items():
        ours()  # warm: the first rendering fills the per-locale caches
        a, b = interleaved(
            lambda ours=ours: [ours() for _ in range(20)],
            lambda theirs=theirs: [theirs() for _ in range(20)],
            repeats,
        )
        count = 20 * len(findings)
        figure(
            f"render one finding, {name}, warm",
            None,
            a / count,
            b / count,
            3,
            unit="us",
        )


_FIRST_USE = {
    "first use: import + evaluate_scope": (
        "from unified_account import Marketplace, evaluate_scope\n"
        "evaluate_scope(Marketplace.CA)"
    ),
    "first use: load_snapshot + build_report": (
        "import sys\n"
        "from unified_account import build_report, load_snapshot\n"
        "build_report(load_snapshot(sys.argv[1]))"
    ),
}


def bench_startup(repeats: int) -> None:
    """First use, bare: plain child processes timed by their rusage.

    Each command runs as ``python -c`` in a child of its own, with no
    wrapper around it, against ``python -c pass``.  Bytecode is written
    and read as an installed package's is (a first run writes it, even
    where ``PYTHONDONTWRITEBYTECODE`` is set for the benchmark itself).
    """
    python = sys.executable
    env = {
        k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"
    }
    nothing = [python, "-c", "pass"]
    import unified_account

    example = Path(unified_account.__file__).parent / "snapshot"
    for name, code in _FIRST_USE.items():
        command = [python, "-c", code, str(example / "example-seller.json")]
        bare(command, env)  # writes the bytecode an install would hold
        mine, base = [], []
        for _ in range(repeats):
            mine.append(bare(command, env))
            base.append(bare(nothing, env))
        figure(
            f"{name} vs python -c pass",
            None,
            statistics.median(mine),
            statistics.median(base),
            5,
        )


def bare(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one plain child process."""
    started = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(started.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{argv} failed")
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="1k,10k,100k,1m",
        help="comma-separated sizes among 1k, 10k, 100k, 1m",
    )
    parser.add_argument(
        "--shapes",
        default=",".join(SHAPES),
        help="comma-separated shapes among " + ", ".join(SHAPES),
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(tempfile.gettempdir()) / "unified-account-bench",
    )
    parser.add_argument(
        "--sellers", type=int, default=200, help="sellers of 1,000 SKUs"
    )
    parser.add_argument(
        "--sellers-repeats",
        type=int,
        default=3,
        help="repeats of the many-sellers runs",
    )
    parser.add_argument(
        "--sellers-all",
        action="store_true",
        help="many sellers with every finding (report --all DIR)",
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help="comma-separated parts to run, among: " + ", ".join(PARTS),
    )
    parser.add_argument("--json", type=Path, help="also write figures here")
    parser.add_argument(
        "--markdown", type=Path, help="also write Markdown tables here"
    )
    args = parser.parse_args(argv)
    sizes = [SIZES[s.strip().lower()] for s in args.sizes.split(",")]
    shapes = [s.strip() for s in args.shapes.split(",")]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}")
    args.data.mkdir(parents=True, exist_ok=True)
    assert gc.isenabled()
    load = os.getloadavg()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load "
        f"average {load[0]:.2f}; CPU time, median of {args.repeats} "
        "interleaved repeats, GC on\n"
    )
    print(f"{'figure':<58} {'library':>14} {'baseline':>14}  ratio")
    parts = {part.strip() for part in args.parts.split(",")}
    if "startup" in parts:
        bench_startup(max(args.repeats, 11))
    if "policies" in parts:
        bench_policies(args.repeats)
    if "rendering" in parts:
        bench_rendering(args.repeats)
    for size in sizes:
        repeats = args.repeats if size < 1_000_000 else 2
        if "build" in parts:
            bench_build(size, repeats)
        for shape in shapes:
            path = SHAPES[shape](args.data / f"{shape}-{size}.json", size)
            if "load" in parts:
                bench_load(path, size, repeats, shape)
            if "report" in parts and shape == "plain":
                bench_report(path, size, repeats)
            if "cli" in parts:
                bench_cli(
                    path, size, repeats if size < 1_000_000 else 1, shape
                )
            if "import" in parts and shape == "import":
                bench_import(args.data, size, repeats, shape)
            if "retained" in parts:
                bench_retained(path, size)
            gc.collect()
    scaling(RESULTS)
    if "sellers" in parts:
        from bench_sellers import bench_sellers

        for shape in shapes:
            RESULTS.extend(
                bench_sellers(
                    args.data,
                    args.sellers,
                    1000,
                    args.sellers_repeats,
                    shape=shape,
                    everything=args.sellers_all,
                )
            )
    if args.json:
        args.json.write_text(json.dumps(RESULTS, indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown_tables(RESULTS))
    return 0


_SCALED = (
    "load_snapshot vs json.loads",
    "report (CPU) vs json.load",
    "report --all --format json (CPU) vs json.load",
    "import-spapi then report (CPU) vs json.load of the inputs",
)


def scaling(results: list[dict[str, Any]], show: bool = True) -> list[str]:
    """Item 3: the per-SKU cost of load, report and import at each size.

    Printed, and returned as Markdown rows: per shape and figure, the
    library's CPU µs per SKU at each size, and the largest size's over
    the smallest per-SKU cost of any size (linear: about 1; start-up
    weighs on the command's smaller sizes, so their cost is higher).
    """
    rows = []
    for shape in dict.fromkeys(
        r.get("shape") for r in results if r.get("shape")
    ):
        for name in _SCALED:
            found = {
                r["skus"]: r["library"] / r["skus"] * 1e6
                for r in results
                if r.get("shape") == shape
                and r["figure"] == name
                and r.get("skus")
            }
            if not found:
                continue
            largest = found[max(found)]
            growth = largest / min(found.values())
            cells = ", ".join(f"{n:,}: {c:.1f}" for n, c in found.items())
            if show:
                print(
                    f"per SKU [{shape}] {name}: {cells} µs; "
                    f"largest / least {growth:.2f}x"
                )
            rows.append(
                f"| {shape} | {name} | "
                + " | ".join(f"{n:,}: {c:,.1f}" for n, c in found.items())
                + f" | {growth:.2f}x |"
            )
    return rows


def _shown(value: float, unit: str) -> str:
    if unit == "MiB" or unit == "bytes":
        return f"{value / 2**20:,.0f} MiB"
    if unit == "us":
        return f"{value * 1e6:,.2f} µs"
    if unit == "sellers/s":
        return f"{value:,.2f}/s"
    return f"{value:,.3f} s"


def _verdict(row: dict[str, Any]) -> str:
    bound, ratio = row.get("bound"), row.get("ratio")
    if bound is None or ratio is None:
        return ""
    applies_from = row.get("bound_from")
    if applies_from and (row.get("skus") or 0) < applies_from:
        return f"{bound:g} at {applies_from:,}"
    met = ratio >= bound if row.get("at_least") else ratio <= bound
    return f"{bound:g} ({'met' if met else 'missed'})"


def markdown_tables(results: list[dict[str, Any]]) -> str:
    """The figures as Markdown tables, for docs/performance.md.

    One table for the figures of each catalogue size and shape (and
    those measured once), the per-SKU scaling, and the many sellers.
    """
    lines = [
        "| figure | shape | SKUs | library | baseline | ratio "
        "| µs per SKU | bound |",
        "|---|---|---|---|---|---|---|---|",
    ]
    sellers = []
    for row in results:
        unit = row["unit"]
        if unit == "wall s":
            sellers.append(row)
            continue
        skus = row.get("skus")
        ratio = row.get("ratio")
        per_sku = (
            f"{row['library'] / skus * 1e6:,.2f}"
            if skus and unit == "s"
            else ""
        )
        lines.append(
            f"| {row['figure']} | {row.get('shape') or ''} "
            f"| {f'{skus:,}' if skus else ''} "
            f"| {_shown(row['library'], unit)} "
            f"| {_shown(row['baseline'], unit)} "
            f"| {'' if ratio is None else f'{ratio:.2f}x'} "
            f"| {per_sku} | {_verdict(row)} |"
        )
    if len(lines) == 2:  # no figure of its own: many sellers alone
        lines = []
    scaled = scaling(results, show=False)
    if scaled:
        lines += [
            *([""] if lines else []),
            "| shape | figure | µs per SKU at each size | largest / least |",
            "|---|---|---|---|",
            *("| {} | {} | {} | {} |".format(*_cells(row)) for row in scaled),
        ]
    if sellers:
        lines += [
            *([""] if lines else []),
            "| sellers | configuration | wall | speed-up | CPU "
            "| busiest process | CPU-bound speed-up | bound | load |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for row in sellers:
            name = row["figure"].removeprefix("many sellers: ")
            lines.append(
                f"| {row['sellers']} x {row['skus']:,} ({row['shape']}"
                f"{', --all' if row['everything'] else ''}) | {name} "
                f"| {row['library']:,.2f} s | {row['ratio']:.2f}x "
                f"| {row['cpu']:,.2f} s | {row['busiest_cpu']:,.2f} s "
                f"| {row['cpu_bound_ratio']:.2f}x | {_verdict(row)} "
                f"| {row['load'][0]:.1f} to {row['load'][1]:.1f} |"
            )
    return "\n".join(lines) + "\n"


def _cells(row: str) -> list[str]:
    shape, name, *sizes, growth = row.strip("| ").split(" | ")
    return [shape, name, "; ".join(sizes), growth]


if __name__ == "__main__":
    sys.exit(main())
