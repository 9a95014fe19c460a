"""Where the project's shared reference data is found, or why not.

The data (Amazon's SP-API models, among others) sits in ``../shared``
beside the repository's root, never at a path of one machine.  A test
that needs it is skipped where it is absent, with one reason that
starts with :data:`ABSENT`, so that a run where the data is there can
refuse such a skip.
"""

from pathlib import Path

import pytest

ABSENT = "shared data absent:"
"""How the reason of every skip for missing shared data starts."""

ROOT = Path(__file__).resolve().parents[1].parent / "shared"
"""``../shared`` relative to the repository's root."""


def shared(relative: str) -> tuple[Path, pytest.MarkDecorator]:
    """The folder ``relative`` of the shared data, and the skip if absent."""
    folder = ROOT / relative
    return folder, pytest.mark.skipif(
        not folder.is_dir(), reason=f"{ABSENT} {folder} is not a folder"
    )
