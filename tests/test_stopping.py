"""A stop (``SIGTERM`` or Ctrl-C) never cuts a result in half."""

from __future__ import annotations

import os
import signal

import pytest

from unified_account._stopping import Stopped, stopping_on_sigterm, whole


def _write(done: list[str], *signals: int) -> None:
    """Within a whole block: one step per signal, each after its signal."""
    with whole():
        for number in signals:
            os.kill(os.getpid(), number)
            done.append(f"after {signal.Signals(number).name}")


@pytest.mark.parametrize(
    ("number", "raised"),
    [(signal.SIGTERM, Stopped), (signal.SIGINT, KeyboardInterrupt)],
)
def test_a_stop_within_a_whole_block_waits_for_its_end(number, raised):
    done: list[str] = []
    with stopping_on_sigterm(), pytest.raises(raised):
        _write(done, number)
    assert done == [f"after {signal.Signals(number).name}"]


def test_a_second_stop_does_not_wait():
    done: list[str] = []
    with stopping_on_sigterm(), pytest.raises(Stopped):
        _write(done, signal.SIGTERM, signal.SIGTERM)
    assert done == ["after SIGTERM"]


def test_a_stop_outside_a_whole_block_is_at_once():
    with stopping_on_sigterm(), pytest.raises(Stopped):
        os.kill(os.getpid(), signal.SIGTERM)


def _nested(done: list[str]) -> None:
    with whole():
        _write(done, signal.SIGTERM)
        done.append("outer")


def test_nested_blocks_wait_for_the_outer_end():
    done: list[str] = []
    with stopping_on_sigterm(), pytest.raises(Stopped):
        _nested(done)
    assert done == ["after SIGTERM", "outer"]


def test_without_a_stop_a_whole_block_is_plain():
    done: list[str] = []
    with stopping_on_sigterm():
        _write(done)
    _write(done)  # no handler installed: the block runs as it is
    assert done == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
