"""``SIGTERM`` as an exception, so that the command cleans up as it ends.

Python ends a process on ``SIGTERM`` without running ``finally`` blocks:
a many-seller run would leave its workers behind, and ``-o FILE`` its new
file.  While the command runs, :func:`stopping_on_sigterm` makes the
signal raise :class:`Stopped` instead, as Ctrl-C raises
``KeyboardInterrupt``; the command then ends its workers, removes its
new file, writes one line and exits with status 143.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import NoReturn

__all__ = ["Stopped", "stopping_on_sigterm"]


class Stopped(BaseException):
    """``SIGTERM`` arrived: unwind, so that workers and files are cleaned."""


def _stop(number: int, frame: object) -> NoReturn:
    raise Stopped


@contextlib.contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """``SIGTERM`` raises :class:`Stopped` within the block.

    Only the main thread can set a signal handler; elsewhere the block
    runs as it is.  The previous handler is restored afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
