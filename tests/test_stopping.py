"""A stop (``SIGTERM`` or Ctrl-C) never cuts a result in half."""

from __future__ import annotations

import os
import signal

import pytest

from unified_account._stopping import Stopped, stopping_on_sigterm, whole


@pytest.mark.parametrize(
    ("number", "raised"),
    [(signal.SIGTERM, Stopped), (signal.SIGINT, KeyboardInterrupt)],
)
def test_a_stop_within_a_whole_block_waits_for_its_end(number, raised):
    done = []
    with stopping_on_sigterm(), pytest.raises(raised):
        with whole():
            os.kill(os.getpid(), number)
            done.append("the rest of the result")
        done.append("after the block")  # pragma: no cover - not reached
    assert done == ["the rest of the result"]


def test_a_second_stop_does_not_wait():
    done = []
    with stopping_on_sigterm(), pytest.raises(Stopped):
        with whole():
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("first")
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("second")  # pragma: no cover - not reached
    assert done == ["first"]


def test_a_stop_outside_a_whole_block_is_at_once():
    with stopping_on_sigterm(), pytest.raises(Stopped):
        os.kill(os.getpid(), signal.SIGTERM)
        pytest.fail("not stopped")  # pragma: no cover - not reached


def test_nested_blocks_wait_for_the_outer_end():
    done = []
    with stopping_on_sigterm(), pytest.raises(Stopped):
        with whole():
            with whole():
                os.kill(os.getpid(), signal.SIGTERM)
                done.append("inner")
            done.append("outer")
    assert done == ["inner", "outer"]


def test_without_a_stop_a_whole_block_is_plain():
    with stopping_on_sigterm(), whole():
        pass
    with whole():  # no handler installed: the block runs as it is
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
