"""Items on a Dask cluster, grouped: in order, nothing lost.

A stand-in client runs each task when its result is asked for, and a
task whose group holds a dying item is given up on (``Killed``), as
Dask does when a worker dies on every try; ``tests/test_batch*.py`` run
the same code on real clusters.
"""

from hypothesis import given
from hypothesis import strategies as st

from unified_account._cluster import GROUP, results_in_order


class Killed(Exception):
    """What the stand-in raises for a given-up task."""


class _Future:
    def __init__(self, client, function, argument):
        self.client, self.function, self.argument = client, function, argument

    def result(self):
        self.client.outstanding -= len(self.argument)
        if any(item in self.client.dying for item in self.argument):
            raise Killed
        return self.function(self.argument)


class _Client:
    """Runs a task when its result is asked for; records the tasks."""

    def __init__(self, workers, dying=()):
        self.workers, self.dying = workers, set(dying)
        self.tasks = []
        self.outstanding = self.most = 0

    def scheduler_info(self):
        return {"workers": {f"w{i}": {} for i in range(self.workers)}}

    def map(self, function, arguments, pure):
        assert pure is False  # every seller's task runs, none is shared
        self.tasks.extend(arguments)
        self.outstanding += sum(len(a) for a in arguments)
        self.most = max(self.most, self.outstanding)
        return [_Future(self, function, a) for a in arguments]


def _run(items, client):
    return list(
        results_in_order(
            lambda item: item * 10,
            items,
            client,
            Killed,
            lambda item, rounds: ("lost", item, rounds),
        )
    )


@given(
    count=st.integers(0, 60),
    workers=st.integers(0, 3),
    dying=st.sets(st.integers(0, 59), max_size=6),
)
def test_every_item_in_order_and_only_the_dying_lost(count, workers, dying):
    """Each item's result in place; lost only where its own task died.

    At most 16 items per worker (and the group being sent) are on the
    cluster at a time.
    """
    client = _Client(workers, dying)
    results = _run(range(count), client)
    assert len(results) == count
    for item, result in enumerate(results):
        if item in dying:
            assert result[:2] == ("lost", item)
            assert result[2] in (1, 2)
        else:
            assert result == item * 10
    assert client.most < 16 * max(workers, 1) + GROUP


def test_the_first_items_go_alone_then_in_groups():
    """One worker: 16 tasks of one item, then tasks of four."""
    client = _Client(1)
    assert _run(range(30), client) == [i * 10 for i in range(30)]
    assert client.tasks[:16] == [[i] for i in range(16)]
    assert client.tasks[16:] == [
        [16, 17, 18, 19],
        [20, 21, 22, 23],
        [24, 25, 26, 27],
        [28, 29],
    ]


def test_a_given_up_group_is_tried_again_item_by_item():
    """Its other items are kept; the dying one was in two tasks."""
    client = _Client(1, dying={17})
    results = _run(range(20), client)
    assert results[16:] == [160, ("lost", 17, 2), 180, 190]
    assert client.tasks[-4:] == [[16], [17], [18], [19]]


def test_an_item_alone_is_lost_after_its_one_task():
    """Among the first items, one per task: no second round."""
    client = _Client(2, dying={3})
    results = _run(range(5), client)
    assert results == [0, 10, 20, ("lost", 3, 1), 40]
    assert client.tasks == [[0], [1], [2], [3], [4]]
