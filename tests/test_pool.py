"""Worker processes that lose nothing: real workers, killed by signal."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account._pool import Lost, _loop, run_in_processes


class Unpicklable(Exception):
    """An exception that cannot be sent back from a worker."""

    def __init__(self) -> None:
        super().__init__("no pickling")
        self.hook = lambda: None


def work(item):
    """What a worker does with ``(kind, value)``."""
    kind, value = item
    if kind == "square":
        return value * value
    if kind == "kill":  # as the OOM killer does
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "kill-once":  # the first worker dies, the next succeeds
        marker = Path(value)
        if not marker.exists():
            marker.write_text("died once")
            os.kill(os.getpid(), signal.SIGKILL)
        return "second try"
    if kind == "exit":
        os._exit(3)
    if kind == "raise":
        raise ValueError(value)
    if kind == "unpicklable":
        raise Unpicklable
    if kind == "unpicklable-result":
        return lambda: value  # pickle refuses a lambda
    if kind == "sleep":
        time.sleep(value)
        return value
    if kind == "pid":
        return os.getpid()
    if kind == "pid-to":
        Path(value).write_text(str(os.getpid()))
        return os.getpid()
    if kind == "inherited":
        return (
            os.readlink("/proc/self/fd/1"),
            signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
        )
    raise AssertionError(kind)  # pragma: no cover


def alive_children():
    return [p for p in multiprocessing.active_children() if p.is_alive()]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(-1000, 1000), max_size=40), st.integers(1, 3))
def test_every_item_gives_its_result_in_order(values, workers):
    items = [("square", v) for v in values]
    results = list(run_in_processes(work, items, workers, window=4))
    assert results == [v * v for v in values]
    assert alive_children() == []


def test_an_item_whose_workers_die_is_lost_and_the_others_go_on():
    """Killed with ``SIGKILL`` twice (one retry): lost; the rest done."""
    items = [("square", 2), ("kill", 0), ("square", 3), ("exit", 0)]
    results = list(run_in_processes(work, items, 2))
    assert results == [
        4,
        Lost(attempts=2, signal=signal.SIGKILL),
        9,
        Lost(attempts=2, signal=None),
    ]


def test_an_item_is_retried_once_on_a_new_worker(tmp_path):
    marker = tmp_path / "died"
    items = [("kill-once", str(marker)), ("square", 5)]
    assert list(run_in_processes(work, items, 2)) == ["second try", 25]
    assert marker.read_text() == "died once"


def test_no_retry_loses_the_item_at_once():
    results = list(run_in_processes(work, [("kill", 0)], 1, retries=0))
    assert results == [Lost(attempts=1, signal=signal.SIGKILL)]


def test_a_worker_that_died_idle_is_replaced(tmp_path):
    """Killed between two items: the next item goes to a new worker."""
    record = tmp_path / "pid"

    def items():
        yield ("pid-to", str(record))
        # Asked for the next item once the first is done: its worker is
        # idle, and is killed now.
        os.kill(int(record.read_text()), signal.SIGKILL)
        time.sleep(0.5)
        yield ("pid", 0)

    first, second = run_in_processes(work, items(), 1)
    assert first == int(record.read_text())
    assert second != first


def test_an_exception_is_raised_here_and_the_workers_stop():
    items = [("square", 1), ("raise", "bad item"), ("sleep", 30)]
    with pytest.raises(ValueError, match="bad item"):
        list(run_in_processes(work, items, 2))
    assert alive_children() == []


def test_an_unpicklable_exception_is_described():
    with pytest.raises(RuntimeError, match="Unpicklable: no pickling"):
        list(run_in_processes(work, [("unpicklable", 0)], 1))


def test_stopping_early_stops_every_worker_within_a_second():
    items = [("square", 1), *[("sleep", 30)] * 4]
    results = run_in_processes(work, items, 2)
    assert next(results) == 1
    started = time.monotonic()
    results.close()
    # SIGTERM, then SIGKILL a second later: a loaded machine adds a little.
    assert time.monotonic() - started < 3
    assert alive_children() == []


def test_reading_ahead_is_bounded():
    """A slow first item: no more than ``window`` items are taken."""
    taken = []

    def items():
        yield ("sleep", 1)
        for value in range(100):
            taken.append(value)
            yield ("square", value)

    results = run_in_processes(work, items(), 2, window=5)
    assert next(results) == 1
    assert len(taken) <= 5
    assert list(results) == [v * v for v in range(100)]


def test_workers_ignore_ctrl_c_and_hold_no_stdout():
    """Ctrl-C is the parent's to handle; stdout is not kept open."""
    [(stdout, ignores)] = run_in_processes(work, [("inherited", 0)], 1)
    assert (stdout, ignores) == (os.devnull, True)


def test_workers_die_with_their_parent(tmp_path):
    """A parent killed outright: its workers end too, at once."""
    pids = tmp_path / "pids"
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_pool import work
        from unified_account._pool import run_in_processes
        results = run_in_processes(work, [("pid", 0), ("sleep", 60)], 2)
        print(next(results), flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    )
    worker = int(parent.stdout.readline())
    parent.wait(timeout=30)
    parent.stdout.close()
    deadline = time.monotonic() + 5
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{worker}").exists()
    del pids


def test_a_worker_sends_results_and_errors_back_until_its_pipe_ends():
    """What a worker runs once set apart, here in a thread."""
    import threading

    parent, child = multiprocessing.Pipe()
    worker = threading.Thread(target=_loop, args=(child, work))
    worker.start()
    parent.send((0, ("square", 3)))
    parent.send((1, ("raise", "no")))
    parent.send((2, ("unpicklable", 0)))
    parent.send((3, ("unpicklable-result", 0)))
    answers = [parent.recv() for _ in range(4)]
    parent.close()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert answers[0] == (0, True, 9)
    assert answers[1][:2] == (1, False)
    assert str(answers[1][2]) == "no"
    assert answers[2][:2] == (2, False)
    assert str(answers[2][2]) == "Unpicklable: no pickling"
    assert answers[3][:2] == (3, False)
    assert "pickle" in str(answers[3][2]).lower()


class _GoneParent:
    """A worker's end of the pipe once the parent has gone."""

    def __init__(self, failing: str) -> None:
        self.failing = failing
        self.sent: list[object] = []

    def recv(self) -> object:
        if self.failing == "recv":
            raise ConnectionResetError(104, "Connection reset by peer")
        return (0, ("square", 3))

    def send(self, answer: object) -> None:
        self.sent.append(answer)
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("failing", ["recv", "send"])
def test_a_worker_whose_parent_is_gone_ends_quietly(failing, capsys):
    """No traceback on the run's stderr when the run is stopped."""
    connection = _GoneParent(failing)
    _loop(connection, work)  # type: ignore[arg-type]
    assert connection.sent == ([] if failing == "recv" else [(0, True, 9)])
    assert capsys.readouterr() == ("", "")
