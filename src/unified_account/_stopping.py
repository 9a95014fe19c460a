"""``SIGTERM`` as an exception, so that the command cleans up as it ends.

Python ends a process on ``SIGTERM`` without running ``finally`` blocks:
a many-seller run would leave its workers behind, and ``-o FILE`` its new
file.  While the command runs, :func:`stopping_on_sigterm` makes the
signal raise :class:`Stopped` instead, as Ctrl-C raises
``KeyboardInterrupt``; the command then ends its workers, removes its
new file, writes one line and exits with status 143.

A result being written is written whole: within :func:`whole`, a first
``SIGTERM`` or Ctrl-C waits for the block's end, so that a reader of a
JSON Lines stream never gets half a line.  A second one does not wait.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import NoReturn

__all__ = ["Stopped", "stopping_on_sigterm", "whole"]


class Stopped(BaseException):
    """``SIGTERM`` arrived: unwind, so that workers and files are cleaned."""


_deferred: list[int] = []  # a signal that arrived within `whole`
_deferring = [False]


def _stop(number: int, frame: object) -> None:
    if _deferring[0] and not _deferred:
        _deferred.append(number)
        return  # the interrupted write goes on (PEP 475)
    _raise(number)


def _raise(number: int) -> NoReturn:
    if number == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped


@contextlib.contextmanager
def whole() -> Iterator[None]:
    """Within the block, a first ``SIGTERM`` or Ctrl-C waits for its end.

    Outside :func:`stopping_on_sigterm` (or off the main thread) the
    signals keep their own handlers and the block runs as it is.
    """
    if _deferring[0]:
        yield
        return
    _deferring[0] = True
    try:
        yield
    finally:
        _deferring[0] = False
        if _deferred:
            number = _deferred.pop()
            _raise(number)


@contextlib.contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """``SIGTERM`` raises :class:`Stopped` within the block.

    Ctrl-C still raises ``KeyboardInterrupt``; both wait for the end of a
    :func:`whole` block.
    Only the main thread can set a signal handler; elsewhere the block
    runs as it is.  The previous handler is restored afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _stop)
    interrupt = signal.signal(signal.SIGINT, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, interrupt)
