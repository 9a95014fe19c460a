"""Worker processes that lose nothing, for many-seller runs.

:func:`run_in_processes` evaluates a function on each item in worker
processes of this machine and yields the results in the items' order.
Unlike :class:`concurrent.futures.ProcessPoolExecutor`, whose whole pool
breaks when one worker dies, each worker here has its own pipe, so the
item a dead worker was evaluating is known: it is retried once on a new
worker, and if that one dies too its result is :class:`Lost`; every other
item goes on.

Each worker ignores Ctrl-C (the terminal sends it to every process of
the group; the parent alone decides), writes nothing to the standard
output it inherited (it points its descriptor 1 at ``/dev/null``), and
dies with its parent.  When the run ends for any reason (done, an
exception, Ctrl-C or ``SIGTERM`` raised in the parent), the workers are
stopped: ``SIGTERM``, then ``SIGKILL`` for any still alive a second
later.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["Lost", "run_in_processes"]

T = TypeVar("T")
R = TypeVar("R")

_STOP_WAIT = 1.0  # seconds a worker gets to end after SIGTERM


@attrs.frozen
class Lost:
    """An item whose worker died, on every attempt.

    ``signal`` is the signal that ended the last worker (9 when the OOM
    killer or ``kill -9`` ended it), or ``None`` when it exited.
    """

    attempts: int
    signal: int | None


def _serve(
    connection: Connection,
    function: Callable[[T], R],
    others: list[Connection],
) -> None:  # pragma: no cover (runs in the workers; test_pool checks it)
    """A worker: set apart from the terminal and stdout, then serve.

    ``others`` are the parent's ends of the workers' pipes (its own
    too), which a forked worker holds copies of: closed, so that it sees
    the end of its pipe when the parent closes it.
    """
    for other in others:
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    _loop(connection, function)


def _loop(connection: Connection, function: Callable[[T], R]) -> None:
    """Evaluate each item received and send its result, until the end."""
    while True:
        try:
            index, item = connection.recv()
        except (EOFError, OSError):  # the parent is gone, or done
            return
        answer: tuple[int, bool, object]
        try:
            answer = (index, True, function(item))
        except Exception as error:  # the parent raises it again
            answer = (index, False, _picklable(error))
        try:
            _send(connection, answer)
        except OSError:  # the parent is gone (stopped): nobody to answer
            return


def _send(connection: Connection, answer: tuple[int, bool, object]) -> None:
    """Send an answer; a result that cannot be pickled, as its error."""
    try:
        connection.send(answer)
    except OSError:
        raise
    except Exception as error:
        connection.send((answer[0], False, _picklable(error)))


def _picklable(error: Exception) -> Exception:
    import pickle

    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _die_with_parent() -> None:  # pragma: no cover (as _serve)
    """Ask Linux to end this worker when its parent ends."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@attrs.define
class _Worker(Generic[T]):
    process: BaseProcess
    connection: Connection
    task: tuple[int, T] | None = None


def _context() -> Any:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover (not Linux)


class _Run(Generic[T, R]):
    """The state of one :func:`run_in_processes`."""

    def __init__(
        self, function: Callable[[T], R], workers: int, retries: int
    ) -> None:
        self.function = function
        self.context = _context()
        self.retries = retries
        self.attempts: dict[int, int] = {}
        self.again: deque[tuple[int, T]] = deque()
        self.done: dict[int, R | Lost] = {}
        self.idle: list[_Worker[T]] = []
        self.busy: list[_Worker[T]] = []
        for _ in range(workers):
            self.idle.append(self.start())

    def start(self) -> _Worker[T]:
        """A new worker, idle."""
        parent, child = self.context.Pipe()
        others = [w.connection for w in self.idle + self.busy] + [parent]
        process = self.context.Process(
            target=_serve, args=(child, self.function, others), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def give(self, task: tuple[int, T]) -> None:
        """Send ``task`` to an idle worker (a new one if it has died)."""
        worker = self.idle.pop()
        while True:
            if worker.process.is_alive():
                try:
                    worker.connection.send(task)
                    break
                except OSError:  # pragma: no cover (it died after the check)
                    pass
            self.retire(worker)
            worker = self.start()
        worker.task = task
        self.busy.append(worker)

    def retire(self, worker: _Worker[T]) -> int | None:
        """Close a dead worker; the signal that ended it, if one did."""
        worker.connection.close()
        worker.process.join()
        code = worker.process.exitcode
        return -code if code is not None and code < 0 else None

    def collect(self) -> None:
        """Wait for a result or a death; record what happened."""
        by_handle: dict[Any, _Worker[T]] = {}
        for worker in self.busy:
            by_handle[worker.connection] = worker
            by_handle[worker.process.sentinel] = worker
        ready = {id(by_handle[handle]) for handle in wait(list(by_handle))}
        for worker in list(self.busy):
            if id(worker) in ready:
                self.settle(worker)

    def settle(self, worker: _Worker[T]) -> None:
        """``worker`` has a result, or has died."""
        assert worker.task is not None
        index, item = worker.task
        try:
            message = (
                worker.connection.recv() if worker.connection.poll() else None
            )
        except (EOFError, OSError):  # it died while sending
            message = None
        if message is not None:
            self.busy.remove(worker)
            worker.task = None
            self.idle.append(worker)
            _, ok, value = message
            if not ok:
                raise value
            self.done[index] = value
            return
        if worker.process.is_alive():  # pragma: no cover (a race)
            return  # woken by its pipe's end as it dies: soon its sentinel
        self.busy.remove(worker)
        lost_by = self.retire(worker)
        attempts = self.attempts.get(index, 0) + 1
        self.attempts[index] = attempts
        if attempts > self.retries:
            self.done[index] = Lost(attempts, lost_by)
        else:
            self.again.append((index, item))
        self.idle.append(self.start())

    def stop(self) -> None:
        """End every worker, within about a second.

        An idle one ends itself when its pipe closes, a busy one is asked
        (``SIGTERM``); any still alive a second later is forced
        (``SIGKILL``).
        """
        for worker in self.idle + self.busy:
            worker.connection.close()
        for worker in self.busy:
            worker.process.terminate()
        for worker in self.idle + self.busy:
            worker.process.join(_STOP_WAIT)
            if worker.process.is_alive():  # pragma: no cover (hung)
                worker.process.kill()
                worker.process.join()


def run_in_processes(
    function: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    retries: int = 1,
    window: int | None = None,
) -> Generator[R | Lost, None, None]:
    """``function(item)`` for each item, in order, on ``workers`` processes.

    An item whose worker dies is tried again, ``retries`` times, each on a
    new worker; then its result is :class:`Lost`.  An exception
    ``function`` raises is raised here.  At most ``window`` items (16 per
    worker by default) are read ahead of the first result not yet given.
    """
    ahead = window or workers * 16
    run: _Run[T, R] = _Run(function, workers, retries)
    source = enumerate(items)
    given = 0  # results yielded
    read = 0  # items taken from ``items``
    exhausted = False
    try:
        while True:
            while run.idle and (
                run.again or (not exhausted and read - given < ahead)
            ):
                if run.again:
                    task = run.again.popleft()
                else:
                    try:
                        task = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    read += 1
                run.give(task)
            while given in run.done:
                yield run.done.pop(given)
                given += 1
            if not run.busy:
                if exhausted and not run.again:
                    return
                continue
            run.collect()
    finally:
        run.stop()
