"""No garbage collection while many values are built at once.

Reading a snapshot or a year of settlements allocates from hundreds of
thousands to millions of objects and frees none, so every collection the
allocations would trigger finds nothing to free, while the oldest
generation's collections walk everything built so far.  The caller's
collector state is restored whatever happens.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["bulk"]


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Collection off inside the block; then as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
