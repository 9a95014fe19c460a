"""Many-seller runs lose nothing, whatever happens to their workers.

The reproducers of issue 22's defects 7 and 8: ``SIGTERM`` and Ctrl-C to
``report DIR --workers 2``, a worker killed as the OOM killer does, and
the same on Dask; each with real processes and real signals.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import unified_account.batch
from unified_account.batch import SellerJob, report_many
from unified_account.cli import main
from unified_account.snapshot import example_text


def write_sellers(folder: Path, count: int) -> list[str]:
    """``count`` snapshot files in ``folder``; their names, in order."""
    folder.mkdir(exist_ok=True)
    text = example_text()
    names = []
    for index in range(count):
        path = folder / f"seller-{index:05d}.json"
        path.write_text(text)
        names.append(str(path))
    return names


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2]
    except OSError:
        return False
    return state.split()[0] != "Z"


def start(folder: Path, *extra: str, **options) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "unified_account",
        "report",
        str(folder),
        "--workers",
        "2",
        "--format",
        "json",
        *extra,
    ]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def finish(command: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """The rest of stdout (to its end) and stderr, once the command ends.

    Read through the streams' own buffers, where ``readline`` has read
    ahead (``communicate`` would read past them).
    """
    timer = threading.Timer(timeout, command.kill)
    timer.start()
    try:
        with command.stdout, command.stderr:
            rest = command.stdout.read()
            err = command.stderr.read()
        command.wait()
    finally:
        timer.cancel()
    return rest, err


def workers_of(command: subprocess.Popen, count: int = 2) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = children_of(command.pid)
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError("the workers did not start")  # pragma: no cover


def test_a_killed_worker_loses_no_seller(tmp_path):
    """``kill -9`` of a worker mid-run: every seller, once, in order."""
    names = write_sellers(tmp_path / "sellers", 600)
    command = start(tmp_path / "sellers")
    first = command.stdout.readline()  # the run is under way
    [victim, *_] = workers_of(command)
    os.kill(victim, signal.SIGKILL)
    rest, err = finish(command, 600)
    results = [json.loads(line) for line in [first, *rest.splitlines()]]
    assert [r["source"] for r in results] == names
    assert command.returncode in (0, 3)
    lost = [r for r in results if r.get("lost")]
    assert (command.returncode == 3) == bool(lost)
    assert all("report" in r for r in results if not r.get("lost"))
    assert "Traceback" not in err


def test_a_seller_whose_workers_all_die_is_an_error_result(
    capsys, tmp_path, monkeypatch
):
    """Its workers die twice: ``worker lost``, status 3, others reported."""
    names = write_sellers(tmp_path / "sellers", 5)
    real = unified_account.batch._evaluate

    def dying(options, job):
        if job.source == names[2]:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(options, job)

    monkeypatch.setattr(unified_account.batch, "_evaluate", dying)
    status = main(
        [
            "report",
            str(tmp_path / "sellers"),
            "--workers",
            "2",
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 3
    assert [r["source"] for r in results] == names
    assert results[2] == {
        "source": names[2],
        "error": (
            f"{names[2]}: worker lost: the worker evaluating it died "
            "(attempts: 2; the last ended by signal 9)"
        ),
        "lost": True,
    }
    assert all("report" in r for i, r in enumerate(results) if i != 2)
    assert err == f"unified-account: error: {results[2]['error']}\n"


def test_a_lost_seller_as_text_names_its_source(tmp_path, monkeypatch):
    names = write_sellers(tmp_path / "sellers", 2)
    real = unified_account.batch._evaluate

    def dying(options, job):
        if job.source == names[0]:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(options, job)  # pragma: no cover (in the workers)

    monkeypatch.setattr(unified_account.batch, "_evaluate", dying)
    jobs = [SellerJob(name, path=name) for name in names]
    results = report_many(jobs, out := __import__("io").StringIO(), workers=2)
    assert [r.lost for r in results] == [True, False]
    assert out.getvalue().startswith(
        f"=== {names[0]} ===\nerror: {names[0]}: worker lost"
    )


def test_sigterm_stops_the_workers_within_a_second(tmp_path):
    """One line on stderr, status 143, stdout closed, no worker left."""
    write_sellers(tmp_path / "sellers", 2000)
    command = start(tmp_path / "sellers")
    command.stdout.readline()
    workers = workers_of(command)
    command.send_signal(signal.SIGTERM)
    started = time.monotonic()
    rest, err = finish(command, 60)  # stdout reaches its end
    assert time.monotonic() - started < 5
    assert command.returncode == 143
    assert err == "unified-account: error: stopped by SIGTERM\n"
    assert not any(alive(pid) for pid in workers)
    for line in rest.splitlines():
        json.loads(line)  # whole results only


def test_ctrl_c_stops_the_run_with_one_line(tmp_path):
    """Ctrl-C reaches the whole process group, workers included."""
    write_sellers(tmp_path / "sellers", 2000)
    command = start(tmp_path / "sellers", start_new_session=True)
    command.stdout.readline()
    workers = workers_of(command)
    os.killpg(command.pid, signal.SIGINT)
    rest, err = finish(command, 60)
    assert command.returncode == 130
    assert err == "unified-account: error: interrupted\n"
    assert not any(alive(pid) for pid in workers)
    for line in rest.splitlines():
        json.loads(line)  # whole results only


class TestDask:
    """The same on a Dask cluster."""

    @pytest.fixture(autouse=True)
    def _dask(self):
        pytest.importorskip(
            "distributed", reason="the `dask` extra is not installed"
        )

    def test_an_unreachable_scheduler_exits_3(self, capsys, tmp_path):
        """Not status 1, which ``--fail-on`` gives for findings."""
        import dask.config

        write_sellers(tmp_path / "sellers", 1)
        with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
            status = main(
                [
                    "report",
                    str(tmp_path / "sellers"),
                    "--scheduler",
                    "tcp://127.0.0.1:9",
                ]
            )
        out, err = capsys.readouterr()
        assert (status, out) == (3, "")
        assert err.startswith(
            "unified-account: error: cannot reach the Dask scheduler at "
            "`tcp://127.0.0.1:9`: "
        )
        assert err.count("\n") == 1

    def test_a_task_dask_gives_up_on_is_an_error_result(self, tmp_path):
        """A worker killed mid-seller, past Dask's retries: ``worker lost``.

        Dask retries (``allowed-failures``) none here; the stuck seller
        comes last, so that it alone is on the worker when it is killed.
        """
        import dask.config
        import distributed

        names = write_sellers(tmp_path / "sellers", 2)
        stuck = tmp_path / "stuck.json"
        os.mkfifo(stuck)  # opening it waits for a writer: forever
        jobs = [
            SellerJob(names[0], path=names[0]),
            SellerJob(names[1], path=names[1]),
            SellerJob(str(stuck), path=str(stuck)),
        ]
        out = __import__("io").StringIO()
        found = []
        with (
            dask.config.set({"distributed.scheduler.allowed-failures": 0}),
            distributed.LocalCluster(
                n_workers=1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
        ):
            runner = threading.Thread(
                target=lambda: found.extend(
                    report_many(
                        jobs,
                        out,
                        scheduler=cluster.scheduler_address,
                        format="json",
                    )
                )
            )
            runner.start()
            with distributed.Client(cluster) as client:
                deadline = time.monotonic() + 120
                while out.getvalue().count("\n") < 2:  # the others done
                    assert time.monotonic() < deadline
                    time.sleep(0.1)
                time.sleep(0.5)  # the stuck seller is being read
                [pid] = client.run(os.getpid).values()
                os.kill(pid, signal.SIGKILL)
            runner.join(timeout=120)
        assert [r.lost for r in found] == [False, False, True]
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert lines[2] == {
            "source": str(stuck),
            "error": (
                f"{stuck}: worker lost: the worker evaluating it died "
                "(attempts: 1)"
            ),
            "lost": True,
        }

    def test_a_scheduler_lost_mid_run_is_run_incomplete(self, tmp_path):
        """The cluster closes mid-run: ``RunIncompleteError`` (status 3).

        The results written before it closed stay written, in order.
        """
        import distributed

        from unified_account.errors import RunIncompleteError

        names = write_sellers(tmp_path / "sellers", 400)
        jobs = [SellerJob(name, path=name) for name in names]
        out = __import__("io").StringIO()
        caught = []
        cluster = distributed.LocalCluster(
            n_workers=1,
            processes=False,
            threads_per_worker=1,
            dashboard_address=None,
        )

        def run():
            try:
                report_many(
                    jobs,
                    out,
                    scheduler=cluster.scheduler_address,
                    format="json",
                )
            except RunIncompleteError as error:
                caught.append(error)

        runner = threading.Thread(target=run)
        runner.start()
        deadline = time.monotonic() + 120
        while not out.getvalue():
            assert time.monotonic() < deadline
            time.sleep(0.01)
        cluster.close()
        runner.join(timeout=120)
        assert not runner.is_alive()
        [error] = caught
        assert str(error).startswith(
            f"lost the Dask scheduler at `{cluster.scheduler_address}`: "
        )
        written = out.getvalue().splitlines()
        assert 0 < len(written) < len(names)
        assert [json.loads(line)["source"] for line in written] == (
            names[: len(written)]
        )
