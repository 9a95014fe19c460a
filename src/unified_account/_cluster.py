"""Many items on a Dask cluster: in order, with the workers kept busy.

:func:`results_in_order` evaluates a function on each item on a Dask
cluster and yields the results in the items' order.  The first items go
one per task, so that the first results come soon; the rest go
:data:`GROUP` per task, which spares the scheduler, the client and the
workers most of their cost per task.  Up to 16 items per worker are on
the cluster at a time, and more are sent whenever no more than 8 per
worker remain, so the workers never wait for the slowest item of a
batch.

Nothing is lost with a group: when Dask gives up on a task (its worker
died on every try), each item of its group is sent again on its own, and
only an item whose own task Dask gives up on too is lost.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["GROUP", "results_in_order"]

T = TypeVar("T")
R = TypeVar("R")

GROUP = 4
"""Items per task after the first ones."""

_STEP = 8  # items per worker sent at a time; twice that on the cluster


@attrs.frozen
class _Group(Generic[T, R]):
    """A picklable ``items -> results`` for one task."""

    function: Callable[[T], R]

    def __call__(self, items: list[T]) -> list[R]:
        return [self.function(item) for item in items]


def results_in_order(
    function: Callable[[T], R],
    items: Iterable[T],
    client: Any,
    killed: type[BaseException],
    lost: Callable[[T, int], R],
) -> Iterator[R]:
    """``function(item)`` for each item, in order, on ``client``'s cluster.

    ``killed`` is the exception a task's result raises when Dask gave up
    on it; ``lost(item, rounds)`` is then the item's result, ``rounds``
    the number of tasks it was in (1, or 2 when its group's task was
    given up on first).
    """
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    step = workers * _STEP
    group: _Group[T, R] = _Group(function)
    source = iter(items)
    pending: deque[tuple[list[T], Any]] = deque()
    queued = sent = 0

    def send() -> None:
        nonlocal queued, sent
        groups = []
        while queued < 2 * step:
            size = 1 if sent < 2 * step else GROUP
            chunk = list(itertools.islice(source, size))
            if not chunk:
                break
            groups.append(chunk)
            queued += len(chunk)
            sent += len(chunk)
        if groups:
            futures = client.map(group, groups, pure=False)
            pending.extend(zip(groups, futures, strict=True))

    send()
    while pending:
        chunk, future = pending.popleft()
        queued -= len(chunk)
        try:
            results = future.result()
        except killed:
            results = _each_alone(group, chunk, client, killed, lost)
        del future  # the cluster forgets a result no one holds
        if queued <= step:
            send()
        yield from results


def _each_alone(
    group: _Group[T, R],
    chunk: list[T],
    client: Any,
    killed: type[BaseException],
    lost: Callable[[T, int], R],
) -> list[R]:
    """The results of a given-up task's items, each tried on its own."""
    if len(chunk) == 1:
        return [lost(chunk[0], 1)]
    results = []
    futures = client.map(group, [[item] for item in chunk], pure=False)
    for item, future in zip(chunk, futures, strict=True):
        try:
            results.extend(future.result())
        except killed:
            results.append(lost(item, 2))
    return results
