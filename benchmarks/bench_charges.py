"""Importing and auditing a year of settlements, against reading them.

A US-home seller's year: one V2 settlement report per marketplace and
month (Amazon.com, Amazon.ca, Amazon.com.mx), 100,000 orders in all,
each with its price, referral fee and FBA fee, and the subscription.
The library reads every file (``read_settlement_report``), merges them
and audits the charges (``audit_charges``); the baseline reads the same
files with :mod:`csv`, as a script would before doing anything.  The
figure is CPU time, the best of ``--repeats`` runs of each.

    python benchmarks/bench_charges.py              # 100,000 orders
    python benchmarks/bench_charges.py --orders 10000

The ratio must be at most 3.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from money_files import MARKETS, settlement_file
from unified_account import audit_charges, example_snapshot
from unified_account.spapi import read_settlement_report
from unified_account.spapi._booked import merged

BOUND = 3.0


def files(orders: int) -> dict[str, bytes]:
    """A year of settlement files holding ``orders`` orders in all."""
    each = max(1, orders // (12 * len(MARKETS)))
    return {
        f"settlement-{market}-2020-{month:02d}.txt": settlement_file(
            market, month, each, planted=False
        ).encode("utf-8")
        for month in range(1, 13)
        for market in MARKETS
    }


def baseline(data: dict[str, bytes]) -> int:
    """Read every file with csv: the rows, as lists of cells."""
    count = 0
    for text in data.values():
        reader = csv.reader(io.StringIO(text.decode("utf-8")), delimiter="\t")
        count += sum(1 for _ in reader)
    return count


def ours(data: dict[str, bytes]) -> int:
    """Import the files and audit every charge and deposit."""
    account = example_snapshot().account
    reads = [
        read_settlement_report(text.decode("utf-8"), name)
        for name, text in data.items()
    ]
    books = merged(reads)
    audit = audit_charges(
        books.charges, account=account, deposits=books.deposits
    )
    assert not audit.warnings, audit.warnings[:3]
    return len(books.charges)


def best(function, data, repeats: int) -> float:
    """The least CPU time of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function(data)
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when the ratio is over the bound."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    data = files(args.orders)
    rows = baseline(data)
    charges = ours(data)
    theirs = best(baseline, data, args.repeats)
    mine = best(ours, data, args.repeats)
    ratio = mine / theirs
    print(
        f"{args.orders:,} orders, {len(data)} files, {rows:,} rows, "
        f"{charges:,} charges"
    )
    print(f"csv reading          {theirs:8.3f} s")
    print(f"import and audit     {mine:8.3f} s")
    verdict = "ok" if ratio <= BOUND else "OVER BOUND"
    print(f"ratio                {ratio:8.2f}   (bound {BOUND}) {verdict}")
    return 0 if ratio <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
