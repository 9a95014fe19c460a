"""The soak test: 10,000 sellers, 1% hostile, workers killed as it runs.

Not in the default run (the ``soak`` marker; ``addopts`` deselects it).
Run it with ``pytest -m soak tests/test_soak.py -s``: it prints its
figures (sellers, kills, results, errors, workers lost, time), recorded
in ``docs/testing.md``.  ``SOAK_SELLERS`` and ``SOAK_KILL_EVERY`` (seconds)
change its size and pace.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from test_batch_workers import children_of
from unified_account.snapshot import example_text

pytestmark = pytest.mark.soak


def _hostile(index: int) -> bytes:
    """One of the hostile snapshots, by turn."""
    good = json.loads(example_text())
    kinds = [
        lambda: b"{",  # not JSON
        lambda: b"",  # empty
        lambda: b"\xff\xfe\x00garbage",  # not text
        lambda: b"[" * 40 + b"]" * 40,  # too deep
        lambda: b'{"version": 1000000000000000000000}',  # a long integer
        lambda: b'{"version": 1, "version": 1}',  # a key twice
        lambda: json.dumps({**good, "account": 1}).encode(),  # wrong shape
        lambda: json.dumps(good).replace('"US"', '"XX"', 1).encode(),
        lambda: json.dumps({**good, "x": "\ud800"}).encode(),  # surrogate
        lambda: json.dumps({**good, "x": "y" * 10_001}).encode(),
    ]
    return kinds[index % len(kinds)]()


def test_every_seller_gets_exactly_one_result_while_workers_die(tmp_path):
    count = int(os.environ.get("SOAK_SELLERS", "10000"))
    every = float(os.environ.get("SOAK_KILL_EVERY", "3"))
    folder = tmp_path / "sellers"
    folder.mkdir()
    good = example_text().encode()
    hostile = set(range(50, count, 100))  # 1%
    names = []
    for index in range(count):
        path = folder / f"seller-{index:05d}.json"
        path.write_bytes(_hostile(index // 100) if index in hostile else good)
        names.append(str(path))

    started = time.monotonic()
    command = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "unified_account",
            "report",
            str(folder),
            "--workers",
            "2",
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    kills = []
    stop = threading.Event()

    def killer():
        chooser = random.Random(22)
        while not stop.wait(every):
            workers = children_of(command.pid)
            if workers:
                victim = chooser.choice(workers)
                try:
                    os.kill(victim, signal.SIGKILL)
                except ProcessLookupError:  # pragma: no cover (just ended)
                    continue
                kills.append(victim)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    results = []
    errors = []

    def drain_stderr():
        errors.extend(command.stderr.read().decode().splitlines())

    reader = threading.Thread(target=drain_stderr)
    reader.start()
    with command.stdout:
        for line in command.stdout:
            results.append(json.loads(line))
    command.wait()
    stop.set()
    thread.join()
    reader.join()
    command.stderr.close()
    elapsed = time.monotonic() - started

    lost = [r for r in results if r.get("lost")]
    refused = [r for r in results if "error" in r and not r.get("lost")]
    print(
        f"\nsoak: {count} sellers ({len(hostile)} hostile), "
        f"{len(kills)} workers killed, {len(results)} results "
        f"({len(results) - len(refused) - len(lost)} reports, "
        f"{len(refused)} refused, {len(lost)} lost), "
        f"exit {command.returncode}, {elapsed:.0f} s"
    )
    assert [r["source"] for r in results] == names
    assert all(("report" in r) != ("error" in r) for r in results)
    refused_at = {names.index(r["source"]) for r in refused}
    lost_at = {names.index(r["source"]) for r in lost}
    assert refused_at <= hostile <= refused_at | lost_at
    assert command.returncode == (3 if lost else 2)
    assert len(errors) == len(refused) + len(lost)
    assert kills
