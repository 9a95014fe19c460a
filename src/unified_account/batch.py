"""Reports for many sellers: every core of a machine, or a Dask cluster.

An agency or a software provider runs the rules for thousands of sellers.
:func:`seller_jobs` lists the snapshots of a directory (every ``*.json``
file, by name) or of a JSON Lines file (one snapshot per line), and
:func:`report_many` writes one result per seller, in that order:

- with ``workers`` processes of this machine
  (:class:`concurrent.futures.ProcessPoolExecutor`; every core by
  default, in-process for one);
- on a Dask cluster when given its scheduler's address (``dask`` is an
  optional extra: ``pip install "unified-account[dask]"``).

Each seller's result is built whole by the worker that evaluated it, then
written; a snapshot that cannot be read gives that seller an error result
and does not stop the others.  Everything a job holds is plain data
(text, bytes, names), so it pickles to any worker.
"""

from __future__ import annotations

import io
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

import attrs

from .edition import edition_named
from .errors import SnapshotError, UnifiedAccountError
from .report import FindingFilter, iter_findings
from .report.finding import FindingOutcome
from .report.stream import write_report
from .report.summary import PROBLEM_OUTCOMES
from .snapshot import load_snapshot, parse_snapshot

__all__ = [
    "SellerJob",
    "SellerResult",
    "default_workers",
    "evaluate_job",
    "report_many",
    "seller_jobs",
]


@attrs.frozen
class SellerJob:
    """One seller to report on: a snapshot file, or a JSON Lines line.

    ``source`` names it in results and errors (``sellers/a.json``,
    ``sellers.jsonl:3``); ``path`` is the file to read, or ``text`` the
    snapshot itself.
    """

    source: str
    path: str | None = None
    text: bytes | None = None


@attrs.frozen
class SellerResult:
    """What one job gave: its written report, or its error.

    ``output`` is the report in the requested format (for JSON, one line);
    ``error`` is the error message when the snapshot could not be read,
    and ``output`` then holds the error as the format writes it;
    ``problems`` counts the denials and warnings, and ``outcomes`` are the
    outcomes the report found.
    """

    source: str
    output: str
    error: str | None = None
    problems: int = 0
    outcomes: frozenset[FindingOutcome] = frozenset()


def seller_jobs(path: str | Path) -> Iterator[SellerJob]:
    """The sellers in a directory of ``*.json`` files or a ``.jsonl`` file.

    A directory gives its ``*.json`` files by name; any other file is
    read as JSON Lines, one snapshot per non-blank line.
    """
    where = Path(path)
    if where.is_dir():
        for file in sorted(where.glob("*.json")):
            yield SellerJob(source=str(file), path=str(file))
        return
    try:
        handle = where.open("rb")
    except OSError as error:
        raise SnapshotError(
            "", f"cannot read the file: {error.strerror}", str(path)
        ) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield SellerJob(source=f"{path}:{number}", text=line)


@attrs.frozen
class _Options:
    edition: str
    locale: str
    format: str
    everything: bool
    where: FindingFilter = attrs.field(factory=FindingFilter)
    as_of: date | None = None


def evaluate_job(
    job: SellerJob,
    *,
    edition: str = "faq",
    locale: str = "en",
    format: str = "text",
    everything: bool = False,
) -> SellerResult:
    """Read one seller's snapshot and write its report, as a result.

    A snapshot that cannot be read gives a result with ``error`` set; any
    other error (an unknown edition or locale) is raised.
    """
    return _evaluate(_Options(edition, locale, format, everything), job)


def _evaluate(options: _Options, job: SellerJob) -> SellerResult:
    the_edition = edition_named(options.edition)
    try:
        if job.path is not None:
            snapshot = load_snapshot(job.path)
        else:
            snapshot = parse_snapshot(job.text or b"", job.source)
    except UnifiedAccountError as error:
        return SellerResult(
            job.source, _error_output(options, job, str(error)), str(error)
        )
    out = io.StringIO()
    compact = options.format == "json"
    if options.format == "json":
        out.write(f'{{"source": {json.dumps(job.source)}, "report": ')
    else:
        out.write(_source_heading(options, job.source))
    if options.as_of is not None:
        snapshot = attrs.evolve(snapshot, as_of=options.as_of)
    summary = write_report(
        options.where.select(iter_findings(snapshot, edition=the_edition)),
        out,
        edition=the_edition.name,
        locale=options.locale,
        format=options.format,
        everything=options.everything,
        compact=compact,
    )
    if compact:
        text = out.getvalue().rstrip("\n") + "}\n"
    else:
        text = out.getvalue() + "\n"
    problems = sum(
        count
        for outcome, count in summary.outcomes.items()
        if outcome in PROBLEM_OUTCOMES
    )
    outcomes = frozenset(o for o, n in summary.outcomes.items() if n)
    return SellerResult(job.source, text, None, problems, outcomes)


def _source_heading(options: _Options, source: str) -> str:
    if options.format == "markdown":
        return f"<!-- {source} -->\n"
    return f"=== {source} ===\n"


def _error_output(options: _Options, job: SellerJob, message: str) -> str:
    if options.format == "json":
        document = {"source": job.source, "error": message}
        return json.dumps(document, ensure_ascii=False) + "\n"
    return f"{_source_heading(options, job.source)}error: {message}\n\n"


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


def _batches(
    jobs: Iterable[SellerJob], size: int
) -> Iterator[list[SellerJob]]:
    iterator = iter(jobs)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _local(
    run: Callable[[SellerJob], SellerResult],
    jobs: Iterable[SellerJob],
    workers: int,
) -> Iterator[SellerResult]:
    if workers <= 1:
        yield from map(run, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        # In batches, so a huge list of sellers is never all in flight.
        for batch in _batches(jobs, workers * 16):
            yield from pool.map(run, batch)


def _dask(
    run: Callable[[SellerJob], SellerResult],
    jobs: Iterable[SellerJob],
    scheduler: str,
) -> Iterator[SellerResult]:
    try:
        from distributed import Client
    except ImportError:
        raise UnifiedAccountError(
            "a Dask scheduler needs the `dask` extra: "
            'pip install "unified-account[dask]"'
        ) from None
    with Client(scheduler) as client:  # type: ignore[no-untyped-call,unused-ignore]
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        for batch in _batches(jobs, workers * 16):
            futures = client.map(run, batch, pure=False)
            for future in futures:
                yield future.result()


def report_many(
    jobs: Iterable[SellerJob],
    out: TextIO,
    *,
    edition: str = "faq",
    locale: str = "en",
    format: str = "text",
    everything: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    where: FindingFilter | None = None,
    as_of: date | None = None,
    progress: Callable[[], None] | None = None,
) -> list[SellerResult]:
    """Evaluate every job and write each seller's result to ``out``.

    Results come in the order of ``jobs``.  ``workers`` processes of this
    machine (default: :func:`default_workers`), or the Dask cluster at
    ``scheduler``.  Returns the results without their output, to count
    errors and problems.  ``where`` keeps the findings it matches;
    ``as_of`` replaces each snapshot's date; ``progress`` is called
    after each seller's result is written.

    .. versionchanged:: 0.2.0
       ``where``, ``as_of`` and ``progress``.
    """
    edition_named(edition)  # an unknown edition fails before any work
    run = _Runner(
        _Options(
            edition,
            locale,
            format,
            everything,
            FindingFilter() if where is None else where,
            as_of,
        )
    )
    if scheduler is not None:
        results = _dask(run, jobs, scheduler)
    else:
        results = _local(run, jobs, workers or default_workers())
    kept = []
    for result in results:
        out.write(result.output)
        kept.append(attrs.evolve(result, output=""))
        if progress is not None:
            progress()
    return kept


@attrs.frozen
class _Runner:
    """A picklable ``job -> result`` with the options bound."""

    options: _Options

    def __call__(self, job: SellerJob) -> SellerResult:
        return _evaluate(self.options, job)
