"""stdout as ``python -u`` gives it: a raw stream that may take part."""

from __future__ import annotations

import io
import sys

from unified_account.cli import main


class _Pipe(io.RawIOBase):
    """A raw stdout taking at most ``step`` bytes a call.

    As a full pipe does when a signal interrupts the write.
    """

    def __init__(self, step: int) -> None:
        self.step = step
        self.written = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        taken = bytes(data[: self.step])
        self.written += taken
        return len(taken)


def _run(monkeypatch, stdout: io.TextIOWrapper, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdout", stdout)
    return main(list(argv))


def test_a_raw_stdout_that_takes_part_loses_nothing(monkeypatch, capsys):
    argv = ("report", "--format", "json", "--all")
    assert main(list(argv)) in (0, 1)
    expected = capsys.readouterr().out
    pipe = _Pipe(step=1000)
    stdout = io.TextIOWrapper(pipe, encoding="utf-8", write_through=True)
    status = _run(monkeypatch, stdout, *argv)
    assert status in (0, 1)
    assert len(expected) > 10 * pipe.step  # many partial writes
    assert pipe.written.decode("utf-8") == expected
    assert not pipe.closed  # stdout stays open for what follows
