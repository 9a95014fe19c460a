"""Reports for many sellers: a directory, JSON Lines, processes, Dask."""

import io
import json
import pickle

import pytest

from unified_account import build_report, example_snapshot
from unified_account.batch import (
    SellerJob,
    evaluate_job,
    report_many,
    seller_jobs,
)
from unified_account.cli import main
from unified_account.snapshot import example_text


def _sellers(count):
    """``count`` copies of the example seller, each with its own id."""
    documents = []
    for index in range(count):
        document = json.loads(example_text())
        document["account"]["seller_id"] = f"A{index:02d}SELLERUS"
        documents.append(document)
    return documents


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "sellers.jsonl"
    lines = [json.dumps(d) for d in _sellers(3)]
    path.write_text("\n".join(lines[:2]) + "\n\n" + lines[2] + "\n")
    return path


def test_a_json_lines_file_gives_one_job_per_line(jsonl):
    """Blank lines are skipped; each job names its line."""
    jobs = list(seller_jobs(jsonl))
    assert [job.source for job in jobs] == [
        f"{jsonl}:1",
        f"{jsonl}:2",
        f"{jsonl}:4",
    ]


def test_a_directory_gives_its_json_files_by_name(tmp_path):
    """Every ``*.json`` file, sorted; other files are not snapshots."""
    for name, document in zip("ba", _sellers(2), strict=True):
        (tmp_path / f"{name}.json").write_text(json.dumps(document))
    (tmp_path / "notes.txt").write_text("not a snapshot")
    assert [job.source for job in seller_jobs(tmp_path)] == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b.json"),
    ]


def test_one_result_per_seller_in_order_as_json_lines(capsys, jsonl):
    """``report sellers.jsonl --format json``: a line per seller."""
    assert (
        main(["report", str(jsonl), "--format", "json", "--workers", "1"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["source"].rsplit(":", 1)[1] for r in results] == ["1", "2", "4"]
    for result, document in zip(results, _sellers(3), strict=True):
        report = build_report(_snapshot(document))
        assert result["report"]["counts"]["total"] == len(report.findings)
        seller = f"account:{document['account']['seller_id']}"
        examples = [
            e["subject"]["path"]
            for g in result["report"]["summary"]
            for e in g["examples"]
        ]
        assert any(s.startswith(seller) for s in examples)


def _snapshot(document):
    from unified_account.snapshot import snapshot_from_data

    return snapshot_from_data(document)


def test_processes_give_the_same_output_as_one(jsonl):
    """Two worker processes write what one process writes, in order."""
    jobs = list(seller_jobs(jsonl))
    one, two = io.StringIO(), io.StringIO()
    report_many(jobs, one, workers=1)
    report_many(jobs, two, workers=2)
    assert one.getvalue() == two.getvalue()
    assert one.getvalue().count("=== ") == 3


def test_a_bad_seller_does_not_stop_the_others(capsys, tmp_path):
    """Its error is its result and goes to stderr; status 2."""
    path = tmp_path / "sellers.jsonl"
    good = json.dumps(_sellers(1)[0])
    path.write_text(f'{good}\n{{"account": 1}}\n{good}\n')
    status = main(["report", str(path), "--format", "json", "--workers", "1"])
    out, err = capsys.readouterr()
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert [("error" in r) for r in results] == [False, True, False]
    assert results[1]["source"] == f"{path}:2"
    assert f"{path}:2" in err


def test_jobs_results_and_values_pickle():
    """What crosses to a worker, and what the rules return, pickles."""
    from unified_account import EDITIONS, RULES, evaluate_merge

    snapshot = example_snapshot()
    report = build_report(snapshot)
    merge = evaluate_merge(snapshot.account, snapshot.separate_accounts[0])
    for value in (
        *RULES.values(),
        *EDITIONS.values(),
        merge,
        snapshot,
        report,
        SellerJob("a", text=b"{}"),
        evaluate_job(SellerJob("x", text=example_text().encode())),
    ):
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_local_dask_cluster_gives_the_same_output(jsonl):
    """``--scheduler``: the results of one process, from Dask workers."""
    distributed = pytest.importorskip(
        "distributed", reason="the `dask` extra is not installed"
    )
    jobs = list(seller_jobs(jsonl))
    expected = io.StringIO()
    report_many(jobs, expected, workers=1, format="json")
    with distributed.LocalCluster(
        n_workers=2,
        processes=False,
        threads_per_worker=1,
        dashboard_address=None,
    ) as cluster:
        out = io.StringIO()
        report_many(
            jobs, out, scheduler=cluster.scheduler_address, format="json"
        )
    assert out.getvalue() == expected.getvalue()


def test_dask_keeps_order_past_the_sellers_sent_ahead():
    """More sellers than the cluster is sent at once: all, in order.

    One worker is sent 16 sellers ahead, then 8 at a time as results
    are taken: 28 sellers (cheap errors, and every seventh a real
    report) go through every refill, and the output is one process's.
    """
    distributed = pytest.importorskip(
        "distributed", reason="the `dask` extra is not installed"
    )
    real = example_text().encode()
    jobs = [
        SellerJob(f"seller-{i:02d}", text=real if i % 7 == 0 else b"{}")
        for i in range(28)
    ]
    expected = io.StringIO()
    report_many(jobs, expected, workers=1, format="json")
    with distributed.LocalCluster(
        n_workers=1,
        processes=False,
        threads_per_worker=1,
        dashboard_address=None,
    ) as cluster:
        out = io.StringIO()
        results = report_many(
            jobs, out, scheduler=cluster.scheduler_address, format="json"
        )
    assert [r.source for r in results] == [job.source for job in jobs]
    assert out.getvalue() == expected.getvalue()
    assert out.getvalue().count("\n") == 28
