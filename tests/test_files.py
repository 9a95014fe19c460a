"""Files written whole or not at all, inputs read within their limit.

Each case is the real thing where the machine allows it: a symlink at
the temporary name, writers racing, a FIFO, device nodes made in a
private directory (``/dev/null``'s and ``/dev/full``'s numbers), a disk
that fills (a file-size limit, which the kernel enforces as it would a
full disk), and a writer killed with ``SIGKILL``.
"""

from __future__ import annotations

import errno
import io
import os
import resource
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import _files
from unified_account._files import (
    NotText,
    TooLong,
    open_output,
    read_limited,
    write_whole,
)

HERE = Path(__file__).resolve().parents[1]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(params=["unnamed", "named"])
def creation(request, monkeypatch):
    """Both ways of making the new file: ``O_TMPFILE`` and ``O_EXCL``."""
    if request.param == "named":
        monkeypatch.setattr(_files, "_UNNAMED", 0)
    elif not _files._UNNAMED:  # pragma: no cover (not Linux)
        pytest.skip("this system has no O_TMPFILE")
    return request.param


def _mknod(path: Path, major: int, minor: int) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except PermissionError:  # pragma: no cover (run as root in CI)
        pytest.skip("making a device node needs root (CAP_MKNOD)")


class TestReadLimited:
    """:func:`read_limited`: never a byte more than the limit and one."""

    @given(st.binary(max_size=64), st.integers(0, 80))
    def test_a_stream_is_read_whole_or_refused(self, data, limit):
        """At most ``limit`` bytes: the bytes; more: ``TooLong``."""
        stream = io.BytesIO(data)
        if len(data) <= limit:
            assert read_limited(stream, limit) == data
        else:
            with pytest.raises(TooLong) as caught:
                read_limited(stream, limit)
            assert caught.value.limit == limit
            assert stream.tell() == limit + 1  # not a byte more was read

    def test_a_regular_file_past_the_limit_is_refused_by_its_size(
        self, tmp_path
    ):
        """A 2 GiB file (sparse) is refused before any byte is read."""
        path = tmp_path / "big.json"
        with path.open("wb") as file:
            file.truncate(2 * 1024**3)
        reads = []

        class Counting(io.FileIO):
            def read(self, *args):
                reads.append(args)
                return super().read(*args)

        with Counting(path) as stream, pytest.raises(TooLong):
            read_limited(stream, 1024**3)
        assert reads == []

    def test_a_regular_file_at_the_limit_is_read(self, tmp_path):
        path = tmp_path / "a.json"
        path.write_bytes(b"x" * 100)
        assert read_limited(path, 100) == b"x" * 100
        with pytest.raises(TooLong):
            read_limited(str(path), 99)

    @pytest.mark.parametrize(("grown", "limit"), [(b"45", 6), (b"456", 5)])
    def test_a_file_that_grows_while_read_is_held_to_the_limit(
        self, tmp_path, grown, limit
    ):
        """Bytes appended after its size was taken: read too, limited."""
        path = tmp_path / "a.json"
        path.write_bytes(b"0123")

        class Growing(io.FileIO):
            def read(self, *args):
                data = super().read(*args)
                if not grown_already:  # once, after the first read
                    with path.open("ab") as appender:
                        appender.write(grown)
                    grown_already.append(True)
                return data

        grown_already = []
        with Growing(path) as stream:
            if len(b"0123" + grown) <= limit:
                assert read_limited(stream, limit) == b"0123" + grown
            else:
                with pytest.raises(TooLong):
                    read_limited(stream, limit)

    def test_an_empty_file_is_empty(self, tmp_path):
        path = tmp_path / "a.json"
        path.write_bytes(b"")
        assert read_limited(path, 10) == b""

    def test_an_open_file_counts_from_its_position(self, tmp_path):
        path = tmp_path / "a.json"
        path.write_bytes(b"0123456789")
        with path.open("rb") as file:
            file.seek(4)
            assert read_limited(file, 6) == b"456789"

    def test_dev_zero_is_refused_quickly(self):
        """Endless input: refused one chunk past the limit, quickly."""
        started = time.monotonic()
        with pytest.raises(TooLong):
            read_limited("/dev/zero", 16 * 1024**2)
        assert time.monotonic() - started < 5

    def test_dev_zero_is_counted_not_kept(self):
        """A run of NUL bytes is no text: past it, nothing is kept."""
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with pytest.raises(TooLong) as caught:
            read_limited("/dev/zero", 256 * 1024**2)
        assert caught.value.limit == 256 * 1024**2
        grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        assert grown_kib < 64 * 1024

    @pytest.mark.parametrize(
        ("data", "offset"),
        [
            (b"\x00" * 8, 0),
            (b'{"a": 1}' + b"\x00" * 9 + b"}", 8),
            (b"x" * (3 * 1024 * 1024) + b"\x00" * 8, 3 * 1024 * 1024),
        ],
    )
    def test_nul_bytes_within_the_limit_are_no_text(self, data, offset):
        with pytest.raises(NotText) as caught:
            read_limited(io.BytesIO(data), 10 * 1024**2)
        assert caught.value.offset == offset
        assert str(caught.value) == f"NUL bytes at byte {offset:,}: not a text"

    @pytest.mark.parametrize(
        "data", ["{}".encode("utf-16"), '{"a": "\u0100"}'.encode("utf-32")]
    )
    def test_text_in_any_utf_is_kept_whole(self, data):
        """UTF-16 and UTF-32 hold NUL bytes, never eight in a row."""
        assert read_limited(io.BytesIO(data), 1024) == data

    def test_a_fifo_is_read_to_its_end_or_its_limit(self, tmp_path):
        fifo = tmp_path / "in"
        os.mkfifo(fifo)

        def feed(data):
            with fifo.open("wb") as writer:
                writer.write(data)

        for data, limit, refused in ((b"abc", 3, False), (b"abcd", 3, True)):
            writer = threading.Thread(target=feed, args=(data,))
            writer.start()
            try:
                if refused:
                    with pytest.raises(TooLong):
                        read_limited(fifo, limit)
                else:
                    assert read_limited(fifo, limit) == data
            finally:
                writer.join()

    def test_a_missing_file_is_an_os_error(self, tmp_path):
        with pytest.raises(FileNotFoundError):
            read_limited(tmp_path / "absent", 10)


class TestWriteRegular:
    """A regular file (or a new name) is replaced atomically."""

    def test_a_new_file_is_written(self, tmp_path, creation):
        target = tmp_path / "out.json"
        write_whole(target, b"{}\n")
        assert target.read_bytes() == b"{}\n"
        assert leftovers(tmp_path) == ["out.json"]

    def test_the_replaced_file_keeps_its_mode(self, tmp_path, creation):
        target = tmp_path / "out.json"
        target.write_bytes(b"old")
        target.chmod(0o640)
        write_whole(target, b"new")
        assert target.read_bytes() == b"new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o640

    def test_an_error_leaves_the_original_and_nothing_else(
        self, tmp_path, creation
    ):
        target = tmp_path / "out.json"
        target.write_bytes(b"original")
        with pytest.raises(ZeroDivisionError), open_output(target) as stream:  # noqa: PT012
            stream.write(b"half a report")
            1 / 0  # noqa: B018
        assert target.read_bytes() == b"original"
        assert leftovers(tmp_path) == ["out.json"]

    def test_a_symlink_at_the_temporary_name_is_never_followed(
        self, tmp_path, monkeypatch, creation
    ):
        """A planted link at the temporary name: not followed, skipped.

        The file it points to is untouched; another name is used.
        """
        victim = tmp_path / "victim"
        victim.write_bytes(b"precious")
        names = iter(["guessed", "fresh"])
        monkeypatch.setattr(secrets, "token_hex", lambda n: next(names))
        trap = tmp_path / ".out.json.guessed.tmp"
        trap.symlink_to(victim)
        write_whole(tmp_path / "out.json", b"report")
        assert victim.read_bytes() == b"precious"
        assert trap.is_symlink()
        assert (tmp_path / "out.json").read_bytes() == b"report"
        assert leftovers(tmp_path) == [
            ".out.json.guessed.tmp",
            "out.json",
            "victim",
        ]

    def test_no_free_temporary_name_is_an_error(
        self, tmp_path, monkeypatch, creation
    ):
        """Every name taken (a hundred guesses): refused, nothing written."""
        monkeypatch.setattr(secrets, "token_hex", lambda n: "taken")
        (tmp_path / ".out.json.taken.tmp").write_bytes(b"someone's")
        with pytest.raises(FileExistsError):
            write_whole(tmp_path / "out.json", b"report")
        assert leftovers(tmp_path) == [".out.json.taken.tmp"]

    def test_a_symlink_at_the_target_is_replaced_not_followed(self, tmp_path):
        elsewhere = tmp_path / "elsewhere"
        elsewhere.write_bytes(b"kept")
        link = tmp_path / "out.json"
        link.symlink_to(elsewhere)
        write_whole(link, b"report")
        assert not link.is_symlink()
        assert link.read_bytes() == b"report"
        assert elsewhere.read_bytes() == b"kept"

    def test_a_directory_is_refused(self, tmp_path):
        with pytest.raises(IsADirectoryError):
            write_whole(tmp_path, b"report")

    def test_a_name_in_the_current_directory(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        write_whole("out.json", b"here")
        assert (tmp_path / "out.json").read_bytes() == b"here"

    def test_concurrent_writers_leave_one_whole_file(self, tmp_path):
        """Eight processes write one name at once: one whole file wins.

        Each writer succeeds; the file is one of them whole, never a
        mixture, and no temporary file remains.
        """
        target = tmp_path / "out.json"
        script = textwrap.dedent(
            """
            import sys
            from unified_account._files import write_whole
            mark = sys.argv[2].encode()
            for _ in range(20):
                write_whole(sys.argv[1], mark * 200_000)
            """
        )
        writers = [
            subprocess.Popen([sys.executable, "-c", script, str(target), m])
            for m in "abcdefgh"
        ]
        assert [w.wait(timeout=120) for w in writers] == [0] * 8
        data = target.read_bytes()
        assert len(data) == 200_000
        assert data == data[:1] * 200_000
        assert leftovers(tmp_path) == ["out.json"]

    def test_a_full_disk_leaves_the_original(self, tmp_path, creation):
        """A write the kernel refuses: the original stays, nothing else.

        Past a file-size limit the kernel refuses the write (``EFBIG``) as
        a full disk refuses it (``ENOSPC``).
        """
        target = tmp_path / "out.json"
        target.write_bytes(b"original")
        script = textwrap.dedent(
            f"""
            import resource, signal, sys
            from unified_account import _files
            _files._UNNAMED = {_files._UNNAMED}
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
            try:
                _files.write_whole(sys.argv[1], b"x" * 100_000)
            except OSError as error:
                print(error.errno)
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script, str(target)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert done.stdout.strip() == str(errno.EFBIG)
        assert target.read_bytes() == b"original"
        assert leftovers(tmp_path) == ["out.json"]

    def test_a_full_tmpfs_leaves_the_original(self, tmp_path, creation):
        """A real full disk: the original stays, nothing else.

        A 64 KiB tmpfs, in a mount namespace of its own: nothing is
        mounted for the rest of the machine.
        """
        unshare = shutil.which("unshare")
        if unshare is None:  # pragma: no cover (util-linux in CI)
            pytest.skip("unshare (util-linux) is not installed")
        script = textwrap.dedent(
            f"""
            import os, sys
            from pathlib import Path
            from unified_account import _files
            _files._UNNAMED = {_files._UNNAMED}
            folder = Path(sys.argv[1])
            target = folder / "out.json"
            target.write_bytes(b"original")
            try:
                _files.write_whole(target, b"x" * 1_000_000)
            except OSError as error:
                print(error.errno)
            print(target.read_bytes().decode())
            print(sorted(os.listdir(folder)))
            """
        )
        folder = tmp_path / "small"
        folder.mkdir()
        done = subprocess.run(
            [
                unshare,
                "--mount",
                "--propagation",
                "private",
                "sh",
                "-c",
                'mount -t tmpfs -o size=64k tmpfs "$1" '
                '&& exec "$2" -c "$3" "$1"',
                "sh",
                str(folder),
                sys.executable,
                script,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:  # pragma: no cover (needs CAP_SYS_ADMIN)
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        assert done.stdout.splitlines() == [
            str(errno.ENOSPC),
            "original",
            "['out.json']",
        ]
        assert os.listdir(folder) == []  # mounted only in its namespace

    def test_sigkill_mid_write_leaves_the_original(self, tmp_path):
        """Killed while writing: nothing but the original remains."""
        target = tmp_path / "out.json"
        target.write_bytes(b"original")
        script = textwrap.dedent(
            """
            import sys, time
            from unified_account._files import open_output
            with open_output(sys.argv[1]) as stream:
                stream.write(b"x" * 1_000_000)
                stream.flush()
                print("writing", flush=True)
                time.sleep(60)
            """
        )
        writer = subprocess.Popen(
            [sys.executable, "-c", script, str(target)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline() == "writing\n"
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
        writer.stdout.close()
        assert target.read_bytes() == b"original"
        assert leftovers(tmp_path) == ["out.json"]


class TestWriteInPlace:
    """A FIFO or a character device is written, never replaced."""

    def test_a_fifo_is_written_in_place(self, tmp_path):
        fifo = tmp_path / "out"
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(
            target=lambda: received.append(fifo.read_bytes())
        )
        reader.start()
        write_whole(fifo, b"report")
        reader.join(timeout=30)
        assert received == [b"report"]
        assert stat.S_ISFIFO(fifo.stat().st_mode)

    def test_a_null_device_node_stays_a_device(self, tmp_path):
        """``/dev/null``'s numbers, in a private directory."""
        node = tmp_path / "null"
        _mknod(node, 1, 3)
        write_whole(node, b"report")
        assert stat.S_ISCHR(node.stat().st_mode)
        assert leftovers(tmp_path) == ["null"]

    def test_a_full_device_refuses_and_stays_a_device(self, tmp_path):
        """``/dev/full``'s numbers: every write fails with ``ENOSPC``."""
        node = tmp_path / "full"
        _mknod(node, 1, 7)
        with pytest.raises(OSError, match="No space left") as caught:
            write_whole(node, b"report")
        assert caught.value.errno == errno.ENOSPC
        assert stat.S_ISCHR(node.stat().st_mode)
        assert leftovers(tmp_path) == ["full"]

    def test_a_terminal_is_written_in_place(self, tmp_path):
        """A pseudo-terminal's node: written, not replaced."""
        main, secondary = os.openpty()
        try:
            name = os.ttyname(secondary)
            write_whole(name, b"report")
            assert os.read(main, 100).replace(b"\r", b"") == b"report"
            assert stat.S_ISCHR(os.stat(name).st_mode)
        finally:
            os.close(main)
            os.close(secondary)
