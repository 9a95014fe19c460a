"""Many sellers: ``report_many`` on 1, 2 and 4 workers, and on Dask.

Part of ``run.py`` (``--parts sellers``); it also runs alone::

    python benchmarks/bench_sellers.py --sellers 200 --repeats 3

A folder of ``--sellers`` snapshots of ``--skus`` SKUs each (one shape of
``_snapshots.SHAPES``) is reported, as ``unified-account report DIR``
does (``--all`` for every finding, as ``report --all DIR``), by:

- one process (``workers=1``: in this process, no pool);
- 2 and 4 local worker processes;
- a local Dask cluster of 2 worker processes of one thread each
  (``LocalCluster``), started before the timed runs and warmed with a
  few sellers, as a long-lived cluster is;
- and, as the machine's own ceiling, 2 forked processes that each report
  half the folder in-process with nothing between them: what 2 cores
  give this work at that moment, neighbours included.

Parallelism is what this measures, so the figure is wall time (the
median of ``--repeats`` runs, the configurations interleaved within each
repeat); the CPU time of every process involved (the parent, the local
workers, the Dask workers) is shown beside it, with the load average
before and after, since on a shared two-core machine the wall time says
as much about the neighbours as about the code.  "busiest" is the CPU
time of the busiest process (the parent, or a worker: local workers'
time is their mean, as ``getrusage`` sums them; or the whole run's CPU
time shared by the machine's cores, if longer), and "CPU-bound" one
process's CPU time over it: the speed-up the run would have on cores
of its own, whatever the neighbours did.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _snapshots import SHAPES

from unified_account.batch import SellerJob, report_many, seller_jobs

_CORES = len(os.sched_getaffinity(0))
_WARM = 4  # sellers a new Dask cluster reports before the timed runs


def seller_folder(data: Path, shape: str, sellers: int, skus: int) -> Path:
    """The folder of ``sellers`` snapshots of ``skus`` SKUs (made once)."""
    folder = data / f"sellers-{shape}-{sellers}x{skus}"
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    one = SHAPES[shape](partial / "one.snapshot", skus)
    for index in range(sellers):
        shutil.copyfile(one, partial / f"seller-{index:04d}.json")
    one.unlink()
    partial.rename(folder)
    return folder


def _cpu(who: int) -> float:
    """CPU seconds of this process, or of its waited-for children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _halves(jobs: list[SellerJob], everything: bool) -> None:
    """Two forked processes, each reporting half the jobs in-process."""
    middle = len(jobs) // 2
    pids = []
    for part in (jobs[:middle], jobs[middle:]):
        pid = os.fork()
        if pid == 0:  # pragma: no cover (a child)
            code = 0
            try:
                with open(os.devnull, "w", encoding="utf-8") as out:
                    report_many(part, out, workers=1, everything=everything)
            except BaseException:
                code = 1
            os._exit(code)
        pids.append(pid)
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError("a half of the sellers failed")


@contextmanager
def _dask_cluster(workers: int) -> Iterator[tuple[str, list[Any]] | None]:
    """A local Dask cluster's address and its workers' processes."""
    try:
        import psutil
        from distributed import Client, LocalCluster
    except ImportError:
        yield None
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = client.run(os.getpid).values()
        yield cluster.scheduler_address, [psutil.Process(p) for p in pids]


def bench_sellers(
    data: Path,
    sellers: int,
    skus: int,
    repeats: int,
    *,
    shape: str = "plain",
    everything: bool = False,
    workers: tuple[int, ...] = (1, 2, 4),
    dask_workers: int = 2,
) -> list[dict[str, Any]]:
    """Print and return the many-sellers figures."""
    folder = seller_folder(data, shape, sellers, skus)
    jobs = list(seller_jobs(folder))
    flag = " --all" if everything else ""
    before = os.getloadavg()
    print(
        f"\nmany sellers: {sellers} x {skus:,} SKUs ({shape}), "
        f"`unified-account report{flag} DIR`; wall time, median of "
        f"{repeats}; load average before {before[0]:.2f}"
    )
    results: list[dict[str, Any]] = []
    with _dask_cluster(dask_workers) as dask:
        configurations: dict[str, Callable[[], None]] = {}
        for count in workers:
            configurations[f"{count} worker(s)"] = lambda count=count: _report(
                jobs, everything, workers=count
            )
        if dask is not None:
            address, _ = dask
            _report(jobs[:_WARM], everything, scheduler=address)
            configurations[f"Dask, {dask_workers} workers"] = lambda: _report(
                jobs, everything, scheduler=address
            )
        configurations["2 processes, half each (ceiling)"] = lambda: _halves(
            jobs, everything
        )
        walls: dict[str, list[float]] = {name: [] for name in configurations}
        cpus: dict[str, list[float]] = {name: [] for name in configurations}
        busiest: dict[str, list[float]] = {name: [] for name in configurations}
        for _ in range(repeats):
            for name, run in configurations.items():
                gc.collect()
                dask_cpu = _cpus_of(dask[1]) if dask and "Dask" in name else []
                own = _cpu(resource.RUSAGE_SELF)
                children = _cpu(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                run()
                walls[name].append(time.perf_counter() - start)
                own = _cpu(resource.RUSAGE_SELF) - own
                children = _cpu(resource.RUSAGE_CHILDREN) - children
                if dask and "Dask" in name:
                    each = [
                        b - a
                        for a, b in zip(
                            dask_cpu, _cpus_of(dask[1]), strict=True
                        )
                    ]
                else:  # the children share the work: their mean
                    count = _PROCESSES.get(name, 1)
                    each = [children / count] * count if children else []
                cpus[name].append(own + sum(each))
                # On this machine's cores, the busiest process or the cores'
                # share of the whole, whichever is longer.
                busiest[name].append(
                    max([own, *each, (own + sum(each)) / _CORES])
                )
    after = os.getloadavg()
    first = f"{workers[0]} worker(s)"
    one = statistics.median(walls[first])
    one_cpu = statistics.median(cpus[first])
    print(
        f"{'configuration':<34} {'wall':>8} {'sellers/s':>9} "
        f"{'speed-up':>8} {'CPU':>8} {'busiest':>8} {'CPU-bound':>9}"
    )
    for name in configurations:
        wall = statistics.median(walls[name])
        cpu = statistics.median(cpus[name])
        most = statistics.median(busiest[name])
        bound = _BOUNDS.get(name)
        verdict = ""
        if bound is not None:
            met = "ok" if one / wall >= bound else "UNDER"
            verdict = f"(bound {bound:g}: {met})"
        print(
            f"{name:<34} {wall:7.2f}s {sellers / wall:9.2f} "
            f"{one / wall:7.2f}x {cpu:7.2f}s {most:7.2f}s "
            f"{one_cpu / most:8.2f}x {verdict}"
        )
        results.append(
            {
                "figure": f"many sellers: {name}",
                "shape": shape,
                "skus": skus,
                "sellers": sellers,
                "everything": everything,
                "library": wall,
                "baseline": one,
                "ratio": one / wall,
                "cpu": cpu,
                "busiest_cpu": most,
                "cpu_bound_ratio": one_cpu / most,
                "bound": bound,
                "at_least": True,
                "unit": "wall s",
                "load": [before[0], after[0]],
            }
        )
    print(f"load average after {after[0]:.2f} (2 cores: {os.cpu_count()})")
    return results


_BOUNDS = {"2 worker(s)": 1.8, "Dask, 2 workers": 1.6}
_PROCESSES = {
    "2 worker(s)": 2,
    "4 worker(s)": 4,
    "2 processes, half each (ceiling)": 2,
}


def _cpus_of(processes: list[Any]) -> list[float]:
    return [float(sum(p.cpu_times()[:2])) for p in processes]


def _report(
    jobs: list[SellerJob],
    everything: bool,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> None:
    with open(os.devnull, "w", encoding="utf-8") as out:
        report_many(
            jobs,
            out,
            workers=workers,
            scheduler=scheduler,
            everything=everything,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sellers", type=int, default=200)
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--shape", default="plain", choices=sorted(SHAPES))
    parser.add_argument(
        "--all", action="store_true", help="every finding (report --all)"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(tempfile.gettempdir()) / "unified-account-bench",
    )
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    bench_sellers(
        args.data,
        args.sellers,
        args.skus,
        args.repeats,
        shape=args.shape,
        everything=args.all,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
