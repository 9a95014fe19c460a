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

Nothing is lost when a worker dies (the OOM killer, ``kill -9``): the
seller it was evaluating is tried once more on a new worker, and if that
one dies too the seller's result is an error, ``worker lost``, with
:attr:`SellerResult.lost` set; the other sellers go on.  On Dask, the
scheduler retries a lost worker's tasks itself; a task it gives up on
(``KilledWorker``) is such an error result too.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import CancelledError
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._cluster import results_in_order
from ._files import lines_limited
from ._pool import Lost, run_in_processes
from ._stopping import whole
from .edition import edition_named
from .errors import RunIncompleteError, SnapshotError, UnifiedAccountError
from .limits import MAX_SNAPSHOT_CHARACTERS
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
    outcomes the report found.  ``lost`` is set when no worker could
    finish the seller (``error`` then says ``worker lost``): the run is
    incomplete.
    """

    source: str
    output: str
    error: str | None = None
    problems: int = 0
    outcomes: frozenset[FindingOutcome] = frozenset()
    lost: bool = False


def seller_jobs(path: str | Path) -> Iterator[SellerJob]:
    """The sellers in a directory of ``*.json`` files or a ``.jsonl`` file.

    A directory gives its ``*.json`` files by name; any other file is
    read as JSON Lines, one snapshot per non-blank line.  A line longer
    than a snapshot may be is not kept: its job is that error.  So is an
    entry of the directory that is not a regular file (a FIFO, which
    would wait for a writer forever, or a device).
    """
    where = Path(path)
    if where.is_dir():
        for file in sorted(where.glob("*.json")):
            if _special(file):
                yield _NotAFile(source=str(file))
            else:
                yield SellerJob(source=str(file), path=str(file))
        return
    try:
        handle = where.open("rb")
    except OSError as error:
        raise SnapshotError(
            "", f"cannot read the file: {error.strerror}", str(path)
        ) from None
    with handle:
        for number, line in enumerate(
            lines_limited(handle, MAX_SNAPSHOT_CHARACTERS), start=1
        ):
            if line is None:
                yield _TooLong(source=f"{path}:{number}")
            elif line.strip():
                yield SellerJob(source=f"{path}:{number}", text=line)


@attrs.frozen
class _TooLong(SellerJob):
    """A line of JSON Lines longer than a snapshot may be."""


def _special(file: Path) -> bool:
    """Whether ``file`` is a FIFO, a device or a socket."""
    try:
        mode = file.stat().st_mode
    except OSError:  # reading it will say why
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@attrs.frozen
class _NotAFile(SellerJob):
    """An entry of a directory of sellers that is no regular file."""


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
        if isinstance(job, _TooLong):
            raise SnapshotError(
                "",
                f"the snapshot is longer than {MAX_SNAPSHOT_CHARACTERS:,} "
                "characters",
                job.source,
            )
        if isinstance(job, _NotAFile):
            raise SnapshotError(
                "",
                "not a regular file (a FIFO, a device or a socket)",
                job.source,
            )
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


def _error_output(
    options: _Options, job: SellerJob, message: str, *, lost: bool = False
) -> str:
    if options.format == "json":
        document: dict[str, object] = {"source": job.source, "error": message}
        if lost:
            document["lost"] = True
        return json.dumps(document, ensure_ascii=False) + "\n"
    return f"{_source_heading(options, job.source)}error: {message}\n\n"


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


def _lost_result(
    job: SellerJob, attempts: int, signal: int | None, format: str
) -> SellerResult:
    """The error result of a seller no worker could finish."""
    how = f"; the last ended by signal {signal}" if signal is not None else ""
    message = (
        f"{job.source}: worker lost: the worker evaluating it died "
        f"(attempts: {attempts}{how})"
    )
    options = _Options("faq", "en", format, False)
    output = _error_output(options, job, message, lost=True)
    return SellerResult(job.source, output, message, lost=True)


def _local(
    run: _Runner,
    jobs: Iterable[SellerJob],
    workers: int,
) -> Generator[SellerResult, None, None]:
    if workers <= 1:
        yield from map(run, jobs)
        return
    taken: deque[SellerJob] = deque()

    def taking() -> Iterator[SellerJob]:
        for job in jobs:
            taken.append(job)
            yield job

    results = run_in_processes(run, taking(), workers)
    with contextlib.closing(results):
        for result in results:
            job = taken.popleft()
            if isinstance(result, Lost):
                yield _lost_result(
                    job, result.attempts, result.signal, run.options.format
                )
            else:
                yield result


def _dask(
    run: _Runner,
    jobs: Iterable[SellerJob],
    scheduler: str,
) -> Generator[SellerResult, None, None]:
    try:
        from distributed import Client, KilledWorker
    except ImportError:
        raise UnifiedAccountError(
            "a Dask scheduler needs the `dask` extra: "
            'pip install "unified-account[dask]"'
        ) from None
    try:
        client = Client(scheduler)  # type: ignore[no-untyped-call,unused-ignore]
    except (OSError, TimeoutError, ValueError) as error:
        raise RunIncompleteError(
            f"cannot reach the Dask scheduler at `{scheduler}`: {error}"
        ) from None
    with client:
        try:
            yield from _dask_results(run, jobs, client, KilledWorker)
        except (OSError, CancelledError) as error:
            raise RunIncompleteError(
                f"lost the Dask scheduler at `{scheduler}`: "
                f"{error or type(error).__name__}"
            ) from None


def _dask_results(
    run: _Runner,
    jobs: Iterable[SellerJob],
    client: Any,
    killed: type[BaseException],
) -> Iterator[SellerResult]:
    """The results in the jobs' order (see :mod:`._cluster`)."""
    format = run.options.format

    def lost(job: SellerJob, rounds: int) -> SellerResult:
        attempts = rounds * (_allowed_failures() + 1)
        return _lost_result(job, attempts, None, format)

    return results_in_order(run, jobs, client, killed, lost)


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
    with contextlib.closing(results):  # workers end with the run
        for result in results:
            with whole():  # a stop waits for the end of the result
                out.write(result.output)
                out.flush()
            kept.append(attrs.evolve(result, output=""))
            if progress is not None:
                progress()
    return kept


def _allowed_failures() -> int:
    """How many times Dask retries a task whose worker died."""
    import dask.config

    return int(dask.config.get("distributed.scheduler.allowed-failures"))


@attrs.frozen
class _Runner:
    """A picklable ``job -> result`` with the options bound."""

    options: _Options

    def __call__(self, job: SellerJob) -> SellerResult:
        return _evaluate(self.options, job)
