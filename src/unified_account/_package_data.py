"""The text of a file shipped inside one of the package's own packages.

:func:`importlib.resources.files` reads such a file, but importing
:mod:`importlib.resources` imports ``tempfile``, ``zipfile``, ``shutil``
and the compression modules with it: several milliseconds of a program's
first use, for a file of a few kilobytes.  The module's own loader reads
it as well, from a folder or from a zip archive alike (``get_data``, what
:func:`pkgutil.get_data` calls); :mod:`importlib.resources` is kept for a
loader that cannot.
"""

from __future__ import annotations

import os
import sys

__all__ = ["package_text", "universal_newlines"]


def package_text(package: str, *parts: str) -> str:
    r"""The UTF-8 text of the file ``parts`` in ``package``, as ``read_text``.

    ``package`` is an imported package's name (``__package__``); line
    ends are read as :meth:`importlib.resources.abc.Traversable.read_text`
    reads them (``\r\n`` and ``\r`` become ``\n``).
    """
    module = sys.modules[package]
    loader = getattr(module.__spec__, "loader", None)
    get_data = getattr(loader, "get_data", None)
    folder = getattr(module, "__file__", None)
    if get_data is None or folder is None:
        from importlib import resources

        return (
            resources.files(package)
            .joinpath(*parts)
            .read_text(encoding="utf-8")
        )
    path = os.path.join(os.path.dirname(folder), *parts)
    return universal_newlines(get_data(path).decode("utf-8"))


def universal_newlines(text: str) -> str:
    """``text`` with CR LF and CR read as LF, as a text file is read."""
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text
