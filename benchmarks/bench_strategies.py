"""The cost of one generated catalogue or snapshot, as ratios.

Run from a checkout with the package and Hypothesis installed::

    python benchmarks/bench_strategies.py            # about a minute
    python benchmarks/bench_strategies.py --examples 100

For ``catalogs()`` and ``snapshots()`` it measures, in the same run and
with the garbage collector on, the time per example of:

1. the library's strategies, run by ``@given`` as a downstream test runs
   them (generation only: the test body does nothing, nothing fails, so
   nothing shrinks);
2. a plain-Python baseline: ``random`` building values of the same kind
   and size directly, with no Hypothesis at all.

It prints the milliseconds per example, the mean number of SKUs per
catalogue (so the sizes compare), and the ratio.  It fails (exit 1) when
a strategy costs more than ``BOUND`` times the baseline.  Each figure is
the best of ``--repeat`` runs.

The strategies once cost 7 to 13 times what they cost now (release
0.1.0's changelog); that comparison ran against a frozen copy of the old
strategies, retired once it had served.  The bound keeps the gain: the
old strategies' cost was about 18 (catalogues) and 26 (snapshots) times
the baseline's when the current ones ran at 12.6 and 10.3.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from unified_account import (
    AccountInfo,
    BankAccount,
    Catalog,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    MfnPool,
    Money,
    SellerAccount,
    SellingPlan,
    SkuRecord,
    Snapshot,
    to_sku,
)
from unified_account import strategies as ua

BOUND = 25.0
SCOPE = (Marketplace.US, Marketplace.CA, Marketplace.MX)


def per_example(
    strategy: st.SearchStrategy[Any], examples: int
) -> tuple[float, list[Any]]:
    """Seconds per example of ``strategy`` under ``@given``, and the draws."""
    drawn: list[Any] = []

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        drawn.append(value)

    gc.collect()
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) / max(len(drawn), 1), drawn


def plain_catalog(rng: random.Random, skus: int) -> Catalog:
    """A catalogue built directly with ``random``: the baseline's work."""
    records = []
    for index in range(skus):
        sku = to_sku(f"SKU-{index}")
        where = [m for m in SCOPE if rng.random() < 0.5]
        listings = [
            Listing(
                sku=sku,
                marketplace=m,
                title="Mug",
                price=Money(
                    Decimal(rng.randint(1, 10**6)).scaleb(-2), m.currency
                ),
                channel=rng.choice(list(FulfillmentChannel)),
                status=rng.choice(list(ListingStatus)),
            )
            for m in where
        ]
        records.append(
            SkuRecord(
                sku=sku,
                mfn=MfnPool.shared(rng.randint(0, 100)),
                fba={
                    m: rng.randint(0, 100) for m in SCOPE if rng.random() < 0.3
                },
                listings=listings,
            )
        )
    return Catalog(records)


def plain_account(rng: random.Random) -> SellerAccount:
    """An account built directly with ``random``."""
    info = AccountInfo(
        legal_entity_name="Acme",
        address_country="US",
        bank=BankAccount(country="US", currency="USD", masked_id="****1234"),
        contact_email="seller@shop.example",
        display_name="Acme",
    )
    home = rng.choice(list(Marketplace))
    return SellerAccount(
        seller_id=f"A{rng.randint(10**5, 10**9)}",
        plan=rng.choice(list(SellingPlan)),
        home=home,
        marketplaces={home, *(m for m in SCOPE if rng.random() < 0.5)},
        registration_info=info,
    )


def plain(build: Callable[[random.Random], Any], examples: int) -> float:
    """Seconds per value of the plain-Python baseline."""
    rng = random.Random(0)
    gc.collect()
    start = time.perf_counter()
    for _ in range(examples):
        build(rng)
    return (time.perf_counter() - start) / examples


def mean_skus(values: list[Any]) -> float:
    catalogs = [v if isinstance(v, Catalog) else v.catalog for v in values]
    return statistics.fmean(len(c) for c in catalogs) if catalogs else 0.0


def measure(examples: int, repeat: int) -> bool:
    cases = {"catalogs()": ua.catalogs(), "snapshots()": ua.snapshots()}
    ok = True
    print(
        f"{'strategy':<13} {'now ms':>8} {'plain ms':>9} "
        f"{'skus':>6} {'now/plain':>10}"
    )
    for name, strategy in cases.items():
        runs = [per_example(strategy, examples) for _ in range(repeat)]
        now, drawn = min(runs, key=lambda run: run[0])
        size = max(1, round(mean_skus(drawn)))

        def baseline(
            rng: random.Random,
            size: int = size,
            snapshot: bool = "snap" in name,
        ) -> Any:
            catalog = plain_catalog(rng, size)
            if snapshot:
                return Snapshot(account=plain_account(rng), catalog=catalog)
            return catalog

        base = min(plain(baseline, examples) for _ in range(repeat))
        ok &= now / base <= BOUND
        print(
            f"{name:<13} {now * 1e3:8.2f} {base * 1e3:9.3f} "
            f"{mean_skus(drawn):6.2f} {now / base:9.1f}x"
        )
    print(f"bound: now/plain <= {BOUND}: {'ok' if ok else 'FAILED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    return 0 if measure(args.examples, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
