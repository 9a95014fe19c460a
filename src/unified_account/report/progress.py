"""Progress of a long report on a terminal, and nowhere else.

A report of many sellers or of a large catalogue runs for minutes.
:class:`Progress` shows how far it is, on one line it rewrites in place,
only when its stream is a terminal: output piped to a file or read by
another program never holds progress lines.  It writes at most a few
lines a second, whatever the rate of findings, and clears its line when
done.  The clock is a parameter: nothing here reads the time but what
it is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from ..i18n import render

__all__ = ["Progress"]

T = TypeVar("T")

INTERVAL = 0.25
"""The seconds between two progress lines, at least."""

CHUNK = 256
"""How many items :meth:`Progress.counted` passes between two looks at
the clock."""


class Progress:
    """A progress line on ``stream`` when it is a terminal.

    ``message_id`` is a message with a ``{count}`` placeholder, rendered
    in ``locale``.  ``enabled=False`` (``--quiet``) turns it off;
    otherwise it is on only if ``stream.isatty()``.  ``clock`` gives
    seconds (default: :func:`time.monotonic`).
    """

    def __init__(
        self,
        stream: TextIO,
        message_id: str,
        locale: str,
        *,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        isatty = getattr(stream, "isatty", None)
        self.stream = stream
        self.message_id = message_id
        self.locale = locale
        self.clock = clock
        self.on = enabled and callable(isatty) and bool(isatty())
        self.count = 0
        self.shown = False
        self.last = clock() if self.on else 0.0

    def step(self, count: int = 1) -> None:
        """Count ``count`` more; show the total if the interval passed."""
        self.count += count
        if not self.on:
            return
        now = self.clock()
        if now - self.last < INTERVAL:
            return
        self.last = now
        text = render(self.message_id, {"count": self.count}, self.locale)
        self.stream.write(f"\r\x1b[2K{text}")
        self.stream.flush()
        self.shown = True

    def counted(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, counting each as it passes.

        Off a terminal, ``items`` themselves: a report piped to a file
        pays nothing for progress.
        """
        if not self.on:
            return iter(items)
        return self._counted(items)

    def _counted(self, items: Iterable[T]) -> Iterator[T]:
        # The clock is read once every CHUNK items, not for each one.
        pending = 0
        for item in items:
            pending += 1
            if pending == CHUNK:
                self.step(pending)
                pending = 0
            yield item
        self.count += pending

    def done(self) -> None:
        """Clear the progress line, if one was shown."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False
