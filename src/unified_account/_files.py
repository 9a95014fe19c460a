"""Reading and writing files as careful Unix tools do.

:func:`read_limited` reads a file, a FIFO, a device or an open stream, and
stops one byte past its limit: endless input (``/dev/zero``) is refused
as soon as it is known to be too long, never read until memory runs out.
A regular file longer than the limit is refused from its size alone.

:func:`open_output` writes every file the command writes:

- a regular file (or a name that does not exist yet) is replaced
  atomically: the text goes to a new file in the same directory, created
  exclusively (an unnamed ``O_TMPFILE``, or a name no other process can
  predict, opened with ``O_EXCL``, which never follows a symlink), is
  flushed and ``fsync``-ed, and only then takes the name; on any error,
  exception or signal the new file is removed and the old one is left
  as it was;
- a FIFO, a character device or a terminal (``/dev/null``, ``/dev/stdout``,
  a named pipe) is written in place, never replaced by a regular file.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from ._excerpt import excerpt

__all__ = [
    "NotText",
    "TooLong",
    "lines_limited",
    "open_output",
    "read_limited",
    "text_output",
    "unwritable",
    "write_whole",
]

_CHUNK = 1024 * 1024

# Unnamed new files (Linux's ``O_TMPFILE``), given a name through
# ``/proc/self/fd`` just before the rename; 0 where there are none.
_UNNAMED = getattr(os, "O_TMPFILE", 0) if Path("/proc/self/fd").is_dir() else 0


class NotText(Exception):
    """The input holds a run of NUL bytes, which no text can hold.

    No JSON text, in UTF-8, UTF-16 or UTF-32, and no flat file holds
    eight NUL bytes in a row.  ``offset`` is where the run was found.
    """

    def __init__(self, offset: int) -> None:
        super().__init__(f"NUL bytes at byte {offset:,}: not a text")
        self.offset = offset


class TooLong(Exception):
    """The input is longer than ``limit`` bytes; reading stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"longer than {limit:,} bytes")
        self.limit = limit


def read_limited(source: str | Path | BinaryIO, limit: int) -> bytes:
    """The bytes of ``source``, at most ``limit`` of them.

    ``source`` is a path (a file, a FIFO, a device) or a binary stream
    (standard input).  Raises :class:`TooLong` as soon as more than
    ``limit`` bytes are seen (a regular file: from its size, before
    reading), :class:`NotText` when an input of unknown size holds a run
    of NUL bytes and ends within the limit, :class:`OSError` when the path
    cannot be read and :class:`ValueError` when its name holds a NUL
    character.
    """
    if isinstance(source, str | Path):
        with open(source, "rb", buffering=0) as stream:
            return _read(stream, limit)
    return _read(source, limit)


def _read(stream: BinaryIO, limit: int) -> bytes:
    size = _regular_size(stream)
    if size is not None and size > limit:
        raise TooLong(limit)
    # A regular file's bytes in one read, one allocation (the largest
    # snapshot is read without a copy); then whatever else there is, in
    # pieces, for a file that grew or an input of unknown size.
    head = stream.read(size) if size else b""
    rest = _pieces(stream, limit + 1 - len(head), limit)
    if len(head) + len(rest) > limit:
        raise TooLong(limit)
    if not head:
        return rest
    return head + rest if rest else head


def _pieces(stream: BinaryIO, wanted: int, limit: int) -> bytes:
    """Up to ``wanted`` bytes of ``stream``, read a megabyte at a time.

    Bytes that cannot be a text (a run of NUL bytes: ``/dev/zero``) are
    counted, not kept, so an endless input of them costs a megabyte of
    memory, not the limit's: :class:`TooLong` past the limit, else
    :class:`NotText`.
    """
    buffer = io.BytesIO()
    while wanted > 0:
        chunk = stream.read(min(_CHUNK, wanted))
        if not chunk:
            break
        run = chunk.find(_NUL_RUN)
        if run >= 0:
            _drain(stream, wanted - len(chunk), limit)
            raise NotText(buffer.tell() + run)
        buffer.write(chunk)
        wanted -= len(chunk)
    return buffer.getvalue()


_NUL_RUN = b"\x00" * 8


def _drain(stream: BinaryIO, wanted: int, limit: int) -> None:
    """Read up to ``wanted`` more bytes, keeping none; past it, TooLong."""
    while wanted > 0:
        chunk = stream.read(min(_CHUNK, wanted))
        if not chunk:
            return
        wanted -= len(chunk)
    raise TooLong(limit)


def _regular_size(stream: BinaryIO) -> int | None:
    """The size of the regular file behind ``stream``, if it is one."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, AttributeError, io.UnsupportedOperation, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    try:
        position = stream.tell()
    except OSError:  # pragma: no cover (a regular file can tell)
        return None
    return status.st_size - position


def lines_limited(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of ``handle``; ``None`` for one longer than ``limit``.

    A line is read no further than one byte past the limit; the rest of
    a longer one is read in pieces and dropped.
    """
    while line := handle.readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        while not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
            if not line:
                break
        yield None


def write_whole(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was."""
    with open_output(path) as stream:
        stream.write(data)


@contextlib.contextmanager
def open_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream whose text becomes ``path`` when the block ends.

    For a regular file the stream writes a new file, which replaces
    ``path`` only if the block ends without an exception (and is removed
    otherwise); for a FIFO, a character device or a terminal the stream
    writes ``path`` itself.  A symlink named ``path`` is replaced, not
    followed, when it points to a regular file.
    """
    target = os.fspath(path)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "Is a directory", target)
    if status is not None and not stat.S_ISREG(status.st_mode):
        with _in_place(target) as stream:
            yield stream
        return
    with _replacing(target, status) as stream:
        yield stream


@contextlib.contextmanager
def _in_place(target: str) -> Iterator[BinaryIO]:
    flags = os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC
    descriptor = os.open(target, flags)
    with open(descriptor, "wb") as stream:
        yield stream
        stream.flush()


@contextlib.contextmanager
def _replacing(
    target: str, status: os.stat_result | None
) -> Iterator[BinaryIO]:
    directory = os.path.dirname(target) or "."
    name = os.path.basename(target)
    descriptor, temporary = _create(directory, name)
    try:
        if status is not None:  # the new file keeps the old one's mode
            os.fchmod(descriptor, stat.S_IMODE(status.st_mode))
        with open(descriptor, "wb", closefd=False) as stream:
            yield stream
            stream.flush()
        os.fsync(descriptor)
        if temporary is None:
            temporary = _link(descriptor, directory, name)
        os.replace(temporary, target)
        temporary = None
    finally:
        os.close(descriptor)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    _sync_directory(directory)


def _create(directory: str, name: str) -> tuple[int, str | None]:
    """A new file in ``directory``: its descriptor, and its name if any.

    An unnamed file (``O_TMPFILE``) where the file system has them, so
    that even ``SIGKILL`` leaves nothing behind; otherwise a new name no
    one can guess, created exclusively.
    """
    if _UNNAMED:
        flags = _UNNAMED | os.O_WRONLY | os.O_CLOEXEC
        with contextlib.suppress(OSError):  # a file system without them
            return os.open(directory, flags, 0o666), None
    return _named(directory, name)


def _temporary_name(directory: str, name: str) -> str:
    import secrets  # with hashlib and random: only where no O_TMPFILE

    return os.path.join(directory, f".{name}.{secrets.token_hex(8)}.tmp")


def _named(directory: str, name: str) -> tuple[int, str]:
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | os.O_NOFOLLOW
        | os.O_CLOEXEC
        | os.O_NOCTTY
    )
    for _ in range(100):
        temporary = _temporary_name(directory, name)
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free temporary name", directory)


def _link(descriptor: int, directory: str, name: str) -> str:
    """A name for the unnamed file, made with ``linkat``, never reused."""
    # A directory descriptor makes ``os.link`` call ``linkat`` with
    # ``AT_SYMLINK_FOLLOW``, which links the file ``/proc/self/fd/N``
    # stands for (plain ``link`` would link the symlink itself).
    folder = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for _ in range(100):
            temporary = _temporary_name(directory, name)
            try:
                os.link(
                    f"/proc/self/fd/{descriptor}",
                    os.path.basename(temporary),
                    dst_dir_fd=folder,
                    follow_symlinks=True,
                )
            except FileExistsError:
                continue
            return temporary
    finally:
        os.close(folder)
    raise FileExistsError(17, "no free temporary name", directory)


def _sync_directory(directory: str) -> None:
    """Make the rename durable: ``fsync`` the directory, where possible."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def text_output(path: str | Path) -> Iterator[TextIO]:
    """:func:`open_output` as UTF-8 text; an unwritable character raises.

    A lone surrogate raises :class:`UnicodeEncodeError` (see
    :func:`unwritable`), and the file is left as it was.
    """
    with open_output(path) as stream:
        text = io.TextIOWrapper(
            stream, encoding="utf-8", errors="strict", newline="\n"
        )
        try:
            yield text
            text.flush()
        finally:
            text.detach()


def unwritable(error: UnicodeEncodeError) -> str:
    """What UTF-8 could not write, as a short message."""
    bad = error.object[error.start : error.end]
    return (
        f"`{excerpt(bad)}` cannot be written as UTF-8 (it holds a lone "
        "surrogate)"
    )
