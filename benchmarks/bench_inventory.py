"""The synthetic catalogue, and the first catalogue-only benchmark.

The suite is ``run.py`` (see ``docs/performance.md``): it takes this
module's rows (:func:`rows`) and builder (:func:`build_catalog`) and
measures every figure against a same-work baseline, as CPU time with
the collector on.  This module's own run is kept for its tracemalloc
view of what the catalogue adds while it is built.

Run from a checkout with the package installed::

    python benchmarks/bench_inventory.py

(``--skus N`` for a smaller catalogue while trying things out; the full
run takes two to three minutes, most of it building under ``tracemalloc``.)
It generates the rows of one synthetic catalogue, then builds it twice
from them, once as the library's values and once as the baseline below
(plain dicts and tuples holding the same data), and measures, in the same
run:

1. availability of every (SKU, marketplace) for US, CA and MX:
   ``availability_table`` against the baseline's loop (bound: 1.5);
2. one merchant-fulfilled quantity update (``set_mfn_quantity``) on the
   full catalogue against the same update on a 1,000-SKU catalogue
   (bound: 3); the baseline's copy-on-write update is shown beside it;
3. peak memory while building the catalogue, with ``tracemalloc``,
   against the baseline's (bound: 2).  The generated rows exist before
   tracing starts, so strings both sides keep (SKUs, titles) count for
   neither: the figure is what each structure adds.

Timings are the best of several runs with the garbage collector off
during each timed run, as ``timeit`` does, for both sides alike.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import immutables

from unified_account import (
    Catalog,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    MfnPool,
    Money,
    SkuRecord,
    availability_table,
    set_mfn_quantity,
    to_asin,
    to_sku,
)

CODES = ("US", "CA", "MX")
CURRENCY = {"US": "USD", "CA": "CAD", "MX": "MXN"}
MARKETPLACE = {code: Marketplace[code] for code in CODES}
STATUS = {status.value: status for status in ListingStatus}
CHANNEL = {channel.value: channel for channel in FulfillmentChannel}

# One generated SKU, in the shape of ``unified_account.model.rows.SkuRow``:
# (sku, asin, MFN quantity, separate marketplace code, {code: FBA units},
# [(code, title, price, channel, status), ...]).
Row = tuple[
    str,
    str,
    int,
    str | None,
    dict[str, int],
    list[tuple[str, str, str, str, str]],
]


def rows(count: int, start: int = 0) -> Iterator[Row]:
    """A realistic mix, the same for every call with the same ``count``.

    Of every ten SKUs: four merchant-fulfilled from a shared pool in all
    three marketplaces; two FBA in all three, with a pool per country;
    two FBA in the US and merchant-fulfilled in CA and MX; two separate
    SKUs, each merchant-fulfilled in one marketplace.  About one Canadian
    listing in twenty is deleted and one in thirty inactive; one
    merchant-fulfilled pool in fifty is at zero.
    """
    for i in range(start, start + count):
        sku = f"SKU-{i:08d}"
        asin = f"B{i % 10**9:09d}"
        kind = i % 10
        status = "deleted" if i % 20 == 7 else "active"
        status = "inactive" if i % 30 == 11 else status
        cents = 99 + (i % 9000) * 100
        if kind < 4:
            channels = {"US": "mfn", "CA": "mfn", "MX": "mfn"}
        elif kind < 6:
            channels = {"US": "fba", "CA": "fba", "MX": "fba"}
        elif kind < 8:
            channels = {"US": "fba", "CA": "mfn", "MX": "mfn"}
        else:
            channels = {CODES[i % 3]: "mfn"}
        listings = [
            (
                code,
                f"Item {i} ({code})",
                f"{cents // 100}.{cents % 100:02d}",
                channel,
                status if code == "CA" else "active",
            )
            for code, channel in channels.items()
        ]
        fba = {
            code: (i * (n + 3)) % 40
            for n, (code, channel) in enumerate(channels.items())
            if channel == "fba"
        }
        separate = CODES[i % 3] if kind >= 8 else None
        mfn = 0 if i % 50 == 1 else i % 200 + 1
        yield (sku, asin, mfn, separate, fba, listings)


# The baseline: the same data in plain dicts and tuples.  A SKU maps to
# (asin, arrangement, separate marketplace, MFN quantity,
#  {code: (title, price, currency, status, channel)}, {code: FBA units}).
Baseline = dict[str, tuple[Any, ...]]


def build_baseline(data: list[Row]) -> Baseline:
    """The baseline catalogue."""
    catalogue: Baseline = {}
    for sku, asin, mfn, separate, fba, listings in data:
        catalogue[sku] = (
            asin,
            "separate" if separate else "shared",
            separate,
            mfn,
            {
                code: (title, Decimal(price), CURRENCY[code], status, channel)
                for code, title, price, channel, status in listings
            },
            fba,
        )
    return catalogue


def baseline_availability(catalogue: Baseline) -> dict[str, tuple[int, ...]]:
    """Sellable units per SKU for US, CA and MX, as the rules say."""
    table = {}
    for sku, (_, _, _, mfn, listings, fba) in catalogue.items():
        row = []
        for code in CODES:
            listing = listings.get(code)
            if listing is None or listing[3] != "active":
                row.append(0)
            elif listing[4] == "mfn":
                row.append(mfn)
            else:
                row.append(fba.get(code, 0))
        table[sku] = tuple(row)
    return table


def baseline_update(catalogue: Baseline, sku: str, quantity: int) -> Baseline:
    """A new baseline catalogue with one MFN quantity changed."""
    changed = dict(catalogue)
    asin, arrangement, separate, _, listings, fba = changed[sku]
    changed[sku] = (asin, arrangement, separate, quantity, listings, fba)
    return changed


def _record(row: Row) -> SkuRecord:
    """One SKU built value by value through the public constructors."""
    sku, asin, mfn, separate, fba, listings = row
    sku = to_sku(sku)
    if separate is None:
        pool = MfnPool.shared(mfn)
    else:
        pool = MfnPool.separate(MARKETPLACE[separate], mfn)
    return SkuRecord(
        sku=sku,
        asin=to_asin(asin),
        mfn=pool,
        fba=immutables.Map({MARKETPLACE[c]: n for c, n in fba.items()}),
        listings=[
            Listing(
                sku=sku,
                marketplace=MARKETPLACE[code],
                title=title,
                price=Money(price, CURRENCY[code]),
                status=STATUS[status],
                channel=CHANNEL[channel],
            )
            for code, title, price, channel, status in listings
        ],
    )


def build_one_by_one(data: list[Row]) -> Catalog:
    """The library's catalogue, one value at a time."""
    return Catalog(_record(row) for row in data)


def build_catalog(data: list[Row]) -> Catalog:
    """The library's catalogue, through its batch constructor."""
    return Catalog.from_rows(data)


def best_time(function: Callable[[], object], runs: int) -> float:
    """The shortest of ``runs`` timings of ``function()``, GC off."""
    best = float("inf")
    for _ in range(runs):
        gc.disable()
        try:
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def traced_peak(
    build: Callable[[], object],
) -> tuple[object, int, float]:
    """What ``build()`` returns, the peak memory it allocated, its time."""
    gc.disable()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        built = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        seconds = time.perf_counter() - start
        tracemalloc.stop()
        gc.enable()
    return built, peak, seconds


def per_update(catalog: Catalog, skus: list[str], runs: int) -> float:
    """Seconds per ``set_mfn_quantity`` on ``catalog``, best of ``runs``."""

    def updates() -> None:
        for sku in skus:
            set_mfn_quantity(catalog, sku, 100_000)

    return best_time(updates, runs) / len(skus)


def _sample_skus(catalog: Catalog, count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    skus = list(catalog.skus.keys())
    return [chooser.choice(skus) for _ in range(count)]


def _line(what: str, ours: str, baseline: str, ratio: float, bound: float):
    verdict = "ok" if ratio <= bound else "OVER BOUND"
    print(
        f"{what:<34} {ours:>14} {baseline:>14}   ratio {ratio:5.2f}"
        f"  (bound {bound}: {verdict})"
    )
    return ratio <= bound


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements; exit status 1 if one is over bound."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skus", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    count = args.skus
    print(f"catalogue: {count:,} SKUs; Python {sys.version.split()[0]}")

    gc.disable()
    data = list(rows(count))
    gc.enable()
    baseline, baseline_peak, baseline_build = traced_peak(
        lambda: build_baseline(data)
    )
    catalog, catalog_peak, catalog_build = traced_peak(
        lambda: build_catalog(data)
    )
    assert isinstance(catalog, Catalog)
    assert isinstance(baseline, dict)
    # Everything built from here on is long-lived: keep the collector
    # from walking it again and again.
    gc.freeze()
    listings = sum(len(record.listings) for record in catalog)
    print(f"listings: {listings:,}; cells: {count * len(CODES):,}\n")
    print(f"{'':<34} {'library':>14} {'baseline':>14}")

    table = availability_table(catalog).value
    expected = baseline_availability(baseline)
    assert len(table) == len(expected)
    assert all(table.row(sku) == row for sku, row in expected.items())
    del expected
    ours = best_time(lambda: availability_table(catalog), 3)
    theirs = best_time(lambda: baseline_availability(baseline), 3)
    ok = _line(
        "availability, every SKU x US/CA/MX",
        f"{ours:.3f} s",
        f"{theirs:.3f} s",
        ours / theirs,
        1.5,
    )

    small_data = list(rows(1_000))
    small = build_catalog(small_data)
    large_skus = _sample_skus(catalog, 20_000, 1)
    small_skus = _sample_skus(small, 20_000, 2)
    large = per_update(catalog, large_skus, 5)
    little = per_update(small, small_skus, 5)
    copy_skus = large_skus[:5]
    copy_large = best_time(
        lambda: [baseline_update(baseline, s, 1) for s in copy_skus], 3
    ) / len(copy_skus)
    small_baseline = build_baseline(small_data)
    copy_small = best_time(
        lambda: [
            baseline_update(small_baseline, s, 1) for s in small_skus[:1000]
        ],
        3,
    ) / len(small_skus[:1000])
    ok &= _line(
        f"one update, {count:,} vs 1,000 SKUs",
        f"{large * 1e6:.1f}/{little * 1e6:.1f} us",
        f"{copy_large * 1e6:.0f}/{copy_small * 1e6:.0f} us",
        large / little,
        3,
    )

    ok &= _line(
        "peak memory while building",
        f"{catalog_peak / 2**20:,.0f} MiB",
        f"{baseline_peak / 2**20:,.0f} MiB",
        catalog_peak / baseline_peak,
        2,
    )
    print(
        "\nFor context, not bounded: the baseline's update column is a "
        "copy-on-write dict update (large/small), "
        f"{copy_large / copy_small:,.0f} times dearer at {count:,} SKUs; "
        f"building took {catalog_build:.0f} s (library, validating every "
        f"value and computing each SKU's sellable units) and "
        f"{baseline_build:.0f} s (baseline), both under tracemalloc."
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
