"""The command's files: ``-o`` whole or not at all, inputs within limits.

The reproducers of issue 22's defects 3 to 6 (a lone surrogate under
``-o``, the predictable ``.FILE.partial``, a device replaced by a file,
endless input read until memory runs out), and the exit statuses of a
run that could not write its output.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import unified_account.snapshot
import unified_account.spapi.files
from unified_account import cli
from unified_account.cli import main
from unified_account.snapshot import example_text

SPAPI = Path(__file__).resolve().parent / "fixtures" / "spapi"
PARTICIPATIONS = str(SPAPI / "participations_na.json")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _mknod(path: Path, major: int, minor: int) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except PermissionError:  # pragma: no cover (run as root in CI)
        pytest.skip("making a device node needs root (CAP_MKNOD)")


class TestReportOutput:
    """``report -o FILE``: the report, whole, or the file as it was."""

    def test_the_report_is_written_to_the_file(self, capsys, tmp_path):
        target = tmp_path / "report.json"
        status, out, err = run(
            capsys, "report", "--format", "json", "-o", str(target)
        )
        assert (status, out, err) == (0, "", "")
        assert json.loads(target.read_text())["counts"]["problems"] > 0
        assert sorted(os.listdir(tmp_path)) == ["report.json"]

    def test_fail_on_still_writes_the_whole_report(self, capsys, tmp_path):
        target = tmp_path / "report.txt"
        status, _, _ = run(
            capsys, "report", "--fail-on", "denied", "-o", str(target)
        )
        assert status == 1
        assert target.read_text().startswith("Unified account report")

    def test_a_bad_snapshot_leaves_the_old_report(self, capsys, tmp_path):
        bad = tmp_path / "seller.json"
        bad.write_text("{")
        target = tmp_path / "report.json"
        target.write_text("old report")
        status, out, err = run(capsys, "report", str(bad), "-o", str(target))
        assert (status, out) == (2, "")
        assert "not valid JSON" in err
        assert target.read_text() == "old report"
        assert sorted(os.listdir(tmp_path)) == ["report.json", "seller.json"]

    def test_a_full_device_exits_3_and_stays_a_device(self, capsys, tmp_path):
        """``-o`` onto ``/dev/full``'s numbers: refused, the node kept."""
        node = tmp_path / "full"
        _mknod(node, 1, 7)
        status, out, err = run(capsys, "report", "-o", str(node))
        assert (status, out) == (3, "")
        assert err.startswith("unified-account: error: cannot write the")
        assert err.count("\n") == 1
        assert stat.S_ISCHR(node.stat().st_mode)

    def test_a_directory_exits_3(self, capsys, tmp_path):
        status, _, err = run(capsys, "report", "-o", str(tmp_path))
        assert status == 3
        assert "Is a directory" in err


class TestImportOutput:
    """``import-spapi -o FILE`` (issue 22, defects 3 to 5)."""

    def argv(self, target):
        return [
            "import-spapi",
            "--home",
            "US",
            "--plan",
            "professional",
            "-o",
            str(target),
            PARTICIPATIONS,
        ]

    def test_a_lone_surrogate_is_a_clear_error_and_leaves_nothing(
        self, capsys, tmp_path, monkeypatch
    ):
        """Text UTF-8 cannot write: one line, exit 3, the file untouched."""
        monkeypatch.setattr(
            cli, "_import", lambda args, locale: '{"a": "x\ud800"}'
        )
        target = tmp_path / "seller.json"
        target.write_text("old")
        status, out, err = run(capsys, *self.argv(target))
        assert (status, out) == (3, "")
        assert err == (
            "unified-account: error: cannot write the output: `\\ud800` "
            "cannot be written as UTF-8 (it holds a lone surrogate)\n"
        )
        assert target.read_text() == "old"
        assert sorted(os.listdir(tmp_path)) == ["seller.json"]

    def test_no_predictable_partial_file_is_followed(self, capsys, tmp_path):
        """A link at the old fixed name ``.FILE.partial`` is left alone."""
        victim = tmp_path / "victim"
        victim.write_text("precious")
        (tmp_path / ".seller.json.partial").symlink_to(victim)
        target = tmp_path / "seller.json"
        status, _, _ = run(capsys, *self.argv(target))
        assert status == 0
        assert victim.read_text() == "precious"
        assert json.loads(target.read_text())["version"] == 1

    def test_a_null_device_is_written_not_replaced(self, capsys, tmp_path):
        node = tmp_path / "null"
        _mknod(node, 1, 3)
        status, _, _ = run(capsys, *self.argv(node))
        assert status == 0
        assert stat.S_ISCHR(node.stat().st_mode)

    def test_a_fifo_is_written_not_replaced(self, tmp_path):
        fifo = tmp_path / "out"
        os.mkfifo(fifo)
        command = subprocess.Popen(
            [sys.executable, "-m", "unified_account", *self.argv(fifo)]
        )
        received = fifo.read_bytes()
        assert command.wait(timeout=60) == 0
        assert json.loads(received)["version"] == 1
        assert stat.S_ISFIFO(fifo.stat().st_mode)


class TestBoundedInput:
    """Endless input gets the limit error (issue 22, defect 6)."""

    @pytest.fixture
    def small_limit(self, monkeypatch):
        for module in (unified_account.snapshot, unified_account.spapi.files):
            monkeypatch.setattr(module, "MAX_SNAPSHOT_CHARACTERS", 4096)

    def test_report_of_dev_zero(self, capsys, small_limit):
        status, out, err = run(capsys, "report", "/dev/zero")
        assert (status, out) == (2, "")
        assert err == (
            "unified-account: error: /dev/zero: the snapshot is longer "
            "than 4,096 characters\n"
        )

    def test_report_of_endless_stdin(self, capsys, small_limit, monkeypatch):
        with open("/dev/zero", "rb") as zero:
            monkeypatch.setattr(
                sys, "stdin", type("Stdin", (), {"buffer": zero})()
            )
            status, _, err = run(capsys, "report", "-")
        assert status == 2
        assert "<stdin>: the snapshot is longer than 4,096" in err

    def test_import_of_dev_zero(self, capsys, small_limit):
        status, out, err = run(
            capsys, "import-spapi", "--home", "US", "/dev/zero"
        )
        assert (status, out) == (2, "")
        assert err == (
            "unified-account: error: /dev/zero: the file is longer than "
            "4,096 bytes\n"
        )

    @pytest.mark.parametrize("command", ["report", "diff"])
    def test_nul_bytes_on_stdin_are_no_text(
        self, capsys, monkeypatch, tmp_path, command
    ):
        """Bytes no text holds, within the limit: refused, saying so."""
        data = io.BytesIO(b'{"a": 1}' + b"\0" * 8)
        monkeypatch.setattr(
            sys, "stdin", type("Stdin", (), {"buffer": data})()
        )
        other = tmp_path / "other.json"
        other.write_text(example_text(), encoding="utf-8")
        words = ["report", "-"] if command == "report" else ["diff", "-"]
        if command == "diff":
            words.append(str(other))
        status, out, err = run(capsys, *words)
        assert (status, out) == (2, "")
        assert "<stdin>: NUL bytes at byte 8: not a text" in err

    def test_an_endless_diff_input_gets_the_limit_error(
        self, capsys, small_limit
    ):
        status, out, err = run(capsys, "diff", "/dev/zero", "/dev/zero")
        assert (status, out) == (2, "")
        assert err == (
            "unified-account: error: /dev/zero: the snapshot is longer "
            "than 4,096 characters\n"
        )

    def test_a_nul_in_a_diff_file_name(self, capsys):
        """Read as every snapshot is: the same error, no traceback."""
        status, out, err = run(capsys, "diff", "a\0b", "c")
        assert (status, out) == (2, "")
        assert "the name holds a NUL character" in err

    def test_nul_bytes_in_an_import_file_are_no_text(self, capsys, tmp_path):
        fifo = tmp_path / "in.json"
        os.mkfifo(fifo)
        import threading

        def feed():
            with fifo.open("wb") as writer:
                writer.write(b"{}" + b"\0" * 8)

        writer = threading.Thread(target=feed)
        writer.start()
        try:
            status, out, err = run(
                capsys, "import-spapi", "--home", "US", str(fifo)
            )
        finally:
            writer.join()
        assert (status, out) == (2, "")
        assert err == (
            f"unified-account: error: {fifo}: NUL bytes at byte 2: not a "
            "text\n"
        )

    def test_a_nul_in_an_import_file_name(self, capsys):
        status, _, err = run(capsys, "import-spapi", "--home", "US", "a\0b")
        assert status == 2
        assert "the name holds a NUL character" in err

    @pytest.mark.parametrize("end", [b"\n", b""])
    def test_a_json_lines_line_past_the_limit_is_its_sellers_error(
        self, capsys, tmp_path, monkeypatch, end
    ):
        """Read no further than the limit; the next lines go on."""
        import unified_account.batch

        monkeypatch.setattr(
            unified_account.batch, "MAX_SNAPSHOT_CHARACTERS", 100_000
        )
        good = json.dumps(json.loads(example_text())).encode() + b"\n"
        path = tmp_path / "sellers.jsonl"
        long = b" " * 3_000_000 + end
        path.write_bytes(good + long + (good if end else b""))
        status, out, err = run(
            capsys, "report", str(path), "--workers", "1", "--format", "json"
        )
        lines = [json.loads(line) for line in out.splitlines()]
        assert status == 2
        assert [sorted(line) for line in lines] == [
            ["report", "source"],
            ["error", "source"],
            *([["report", "source"]] if end else []),
        ]
        assert lines[1]["error"] == (
            f"{path}:2: the snapshot is longer than 100,000 characters"
        )
        assert err.count("\n") == 1

    def test_a_fifo_among_the_sellers_is_its_error_not_a_hang(
        self, capsys, tmp_path
    ):
        """A FIFO named ``*.json`` would wait for a writer forever."""
        folder = tmp_path / "sellers"
        folder.mkdir()
        (folder / "a.json").write_text(example_text())
        os.mkfifo(folder / "b.json")
        _mknod(folder / "c.json", 1, 3)
        (folder / "d.json").symlink_to(folder / "absent.json")
        status, out, err = run(
            capsys, "report", str(folder), "--workers", "1", "--format", "json"
        )
        lines = [json.loads(line) for line in out.splitlines()]
        assert status == 2
        assert "report" in lines[0]
        for line in lines[1:3]:
            assert line["error"] == (
                f"{line['source']}: not a regular file (a FIFO, a device or "
                "a socket)"
            )
        assert lines[3]["error"].endswith(
            "cannot read the file: No such file or directory"
        )
        assert err.count("\n") == 3

    def test_the_real_limit_on_dev_zero(self):
        """At the documented 1 GiB: refused in seconds, memory bounded.

        A run of NUL bytes is no text, so the bytes past it are counted,
        not kept: the peak is the interpreter's.  Before the fix it grew
        until a ``MemoryError``.
        """
        # The peak of the command's own memory (VmHWM), which it writes
        # as it exits: a child's ru_maxrss starts from its parent's, the
        # test run's, whatever the child itself uses.
        code = (
            "import atexit, sys\n"
            "from unified_account.cli import main\n"
            "def peak():\n"
            "    status = open('/proc/self/status').read()\n"
            "    kib = status.split('VmHWM:')[1].split()[0]\n"
            "    open(sys.argv[1], 'w').write(kib)\n"
            "atexit.register(peak)\n"
            "raise SystemExit(main(['report', '/dev/zero']))\n"
        )
        with tempfile.TemporaryDirectory() as folder:
            where = os.path.join(folder, "peak")
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", code, where],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            elapsed = time.monotonic() - started
            with open(where) as peak:
                peak_kib = int(peak.read())
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr == (
            "unified-account: error: /dev/zero: the snapshot is longer "
            "than 1,073,741,824 characters\n"
        )
        assert elapsed < 120
        assert peak_kib < 256 * 1024


def _wait_catching(pid: int, number: int) -> None:
    """Wait until process ``pid`` has a handler for signal ``number``."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status").read_text()
        caught = int(status.split("SigCgt:")[1].split()[0], 16)
        if caught & (1 << (number - 1)):
            return
        time.sleep(0.05)
    raise AssertionError("the handler was never set")  # pragma: no cover


class TestSignals:
    """``SIGTERM`` while writing ``-o FILE``: one line, nothing left."""

    def test_sigterm_leaves_the_original_and_one_line(self, tmp_path):
        target = tmp_path / "report.json"
        target.write_text("old report")
        command = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "unified_account",
                "report",
                "-",
                "-o",
                str(target),
            ],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        command.stdin.write(example_text()[:100])
        command.stdin.flush()
        _wait_catching(command.pid, signal.SIGTERM)
        time.sleep(0.5)  # it is reading the rest of the snapshot
        command.send_signal(signal.SIGTERM)
        _, err = command.communicate(timeout=30)
        assert command.returncode == 143
        assert err == "unified-account: error: stopped by SIGTERM\n"
        assert target.read_text() == "old report"
        assert sorted(os.listdir(tmp_path)) == ["report.json"]

    def test_ctrl_c_is_one_line_and_status_130(self, capsys, monkeypatch):
        def interrupted(*args):
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "_report", interrupted)
        status, out, err = run(capsys, "report")
        assert (status, out) == (130, "")
        assert err == "unified-account: error: interrupted\n"

    def test_sigterm_in_this_process_is_one_line_and_status_143(
        self, capsys, monkeypatch
    ):
        def terminated(*args):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(10)  # pragma: no cover (the signal comes first)

        monkeypatch.setattr(cli, "_report", terminated)
        before = signal.getsignal(signal.SIGTERM)
        status, out, err = run(capsys, "report")
        assert (status, out) == (143, "")
        assert err == "unified-account: error: stopped by SIGTERM\n"
        assert signal.getsignal(signal.SIGTERM) is before

    def test_sigterm_is_not_caught_outside_the_main_thread(self, capsys):
        """From another thread the command runs, without a handler."""
        import threading

        before = signal.getsignal(signal.SIGTERM)
        results = []
        thread = threading.Thread(
            target=lambda: results.append(main(["rules", "--format", "json"]))
        )
        thread.start()
        thread.join()
        assert results == [0]
        assert signal.getsignal(signal.SIGTERM) is before
