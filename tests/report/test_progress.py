"""Progress on stderr: on a terminal only, never in a pipe; ``--quiet``.

A pseudo-terminal (``os.openpty``) stands for the terminal: what the
report writes to it is read back from the other end.
"""

import io
import json
import os
import select

import pytest

from unified_account.cli import main
from unified_account.report import progress as progress_module
from unified_account.report.progress import CHUNK, Progress
from unified_account.snapshot import example_text


class Terminal:
    """A pseudo-terminal: ``stream`` is the program's end, text mode."""

    def __init__(self):
        self.master, slave = os.openpty()
        self.stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115

    def read(self):
        self.stream.flush()
        chunks = []
        while select.select([self.master], [], [], 0.05)[0]:
            chunks.append(os.read(self.master, 65536))
        return b"".join(chunks).decode("utf-8")

    def close(self):
        self.stream.close()
        os.close(self.master)


@pytest.fixture
def terminal():
    opened = Terminal()
    yield opened
    opened.close()


def ticking():
    """A clock that moves one second at each reading."""
    now = [0.0]

    def clock():
        now[0] += 1.0
        return now[0]

    return clock


def test_a_terminal_gets_a_line_rewritten_in_place(terminal):
    """Counts in CHUNK steps, each on the same line, cleared at the end."""
    shown = Progress(
        terminal.stream, "cli.progress.findings", "en", clock=ticking()
    )
    assert list(shown.counted(range(3 * CHUNK + 5))) == list(
        range(3 * CHUNK + 5)
    )
    assert shown.count == 3 * CHUNK + 5
    shown.done()
    text = terminal.read()
    assert "\n" not in text
    for count in (CHUNK, 2 * CHUNK, 3 * CHUNK):
        assert f"\r\x1b[2K{count:,} findings so far" in text
    assert text.endswith("\r\x1b[2K")


def test_at_most_a_few_lines_a_second(terminal):
    """With a clock that stands still, one count shows nothing more."""
    shown = Progress(
        terminal.stream, "cli.progress.sellers", "en", clock=lambda: 5.0
    )
    for _ in range(100):
        shown.step()
    shown.done()
    assert terminal.read() == ""
    assert shown.count == 100


@pytest.mark.parametrize("kind", ["pipe", "file"])
def test_never_anywhere_but_a_terminal(kind, tmp_path):
    """A StringIO or a file: nothing written, however long the run."""
    path = tmp_path / "stderr.txt"
    with io.StringIO() if kind == "pipe" else path.open("w") as stream:
        shown = Progress(
            stream, "cli.progress.findings", "en", clock=ticking()
        )
        every = list(range(5 * CHUNK))
        assert list(shown.counted(every)) == every
        shown.step()
        shown.done()
        written = stream.getvalue() if kind == "pipe" else ""
    assert written == ""
    assert kind == "pipe" or path.read_text() == ""


def test_quiet_on_a_terminal_writes_nothing(terminal):
    """``enabled=False`` (``--quiet``) wins over the terminal."""
    shown = Progress(
        terminal.stream,
        "cli.progress.findings",
        "en",
        enabled=False,
        clock=ticking(),
    )
    list(shown.counted(range(4 * CHUNK)))
    shown.done()
    assert terminal.read() == ""


@pytest.fixture
def eager(monkeypatch):
    """Show every step: no interval, a chunk of one."""
    monkeypatch.setattr(progress_module, "INTERVAL", 0.0)
    monkeypatch.setattr(progress_module, "CHUNK", 1)


def run(monkeypatch, capsys, stderr, *argv):
    monkeypatch.setattr("sys.stderr", stderr)
    status = main(list(argv))
    return status, capsys.readouterr().out


def test_the_command_shows_progress_on_a_terminal_only(
    eager, terminal, monkeypatch, capsys
):
    """Same stdout with or without a terminal; progress on the terminal."""
    status, shown_out = run(
        monkeypatch, capsys, terminal.stream, "report", "--locale", "fr_CA"
    )
    assert status == 0
    text = terminal.read()
    assert "constats jusqu'ici" in text
    assert text.endswith("\r\x1b[2K"), "the line is cleared at the end"
    piped = io.StringIO()
    run(monkeypatch, capsys, piped, "report")
    assert piped.getvalue() == ""
    status, plain_out = run(
        monkeypatch, capsys, io.StringIO(), "report", "--locale", "fr_CA"
    )
    assert plain_out == shown_out
    assert "\x1b" not in shown_out


def test_quiet_silences_the_command(eager, terminal, monkeypatch, capsys):
    """``report --quiet`` on a terminal: stderr stays empty."""
    status, out = run(
        monkeypatch, capsys, terminal.stream, "report", "--quiet"
    )
    assert status == 0
    assert out
    assert terminal.read() == ""


def test_many_sellers_count_sellers(
    eager, terminal, monkeypatch, capsys, tmp_path
):
    """A folder of snapshots: the count of sellers reported."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(example_text())
    status, out = run(
        monkeypatch,
        capsys,
        terminal.stream,
        "report",
        str(tmp_path),
        "--workers",
        "1",
        "--format",
        "json",
    )
    assert status == 0
    assert len(out.splitlines()) == 3
    assert all(json.loads(line)["report"] for line in out.splitlines())
    text = terminal.read()
    for count in (1, 2, 3):
        assert f"{count} sellers reported so far" in text
