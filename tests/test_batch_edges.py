"""Batch reports at their edges: unreadable files, Markdown, no Dask."""

import io
import os
import sys

import pytest

from unified_account.batch import (
    SellerJob,
    default_workers,
    evaluate_job,
    report_many,
    seller_jobs,
)
from unified_account.errors import SnapshotError, UnifiedAccountError
from unified_account.snapshot import example_text


def test_a_missing_sellers_file_is_a_snapshot_error_naming_it(tmp_path):
    """Neither a directory nor a readable file: refused with its name."""
    missing = tmp_path / "sellers.jsonl"
    with pytest.raises(SnapshotError) as caught:
        list(seller_jobs(missing))
    assert str(caught.value) == (
        f"{missing}: cannot read the file: No such file or directory"
    )


def test_a_job_naming_a_file_reads_that_file(tmp_path):
    """``SellerJob(path=...)``: the file's snapshot, reported."""
    path = tmp_path / "seller.json"
    path.write_text(example_text())
    from_file = evaluate_job(SellerJob(source="a", path=str(path)))
    from_text = evaluate_job(
        SellerJob(source="a", text=example_text().encode())
    )
    assert from_file.error is None
    assert from_file == from_text


def test_markdown_names_each_seller_in_a_comment(tmp_path):
    """A Markdown report and a Markdown error start with ``<!-- src -->``."""
    good = evaluate_job(
        SellerJob(source="good", text=example_text().encode()),
        format="markdown",
    )
    bad = evaluate_job(
        SellerJob(source="bad", path=str(tmp_path / "absent.json")),
        format="markdown",
    )
    assert good.output.startswith("<!-- good -->\n# ")
    assert bad.error is not None
    assert bad.error.endswith(
        "cannot read the file: No such file or directory"
    )
    assert bad.output == f"<!-- bad -->\nerror: {bad.error}\n\n"


def test_the_default_workers_are_the_cores_this_process_may_use():
    """Linux: the CPU affinity, not the machine's count."""
    allowed = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(allowed)})
        assert default_workers() == 1
    finally:
        os.sched_setaffinity(0, allowed)
    assert default_workers() == len(allowed)


def test_a_scheduler_without_dask_asks_for_the_extra(monkeypatch):
    """``--scheduler`` with ``distributed`` missing: how to install it."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = io.StringIO()
    job = SellerJob(source="a", text=example_text().encode())
    with pytest.raises(UnifiedAccountError) as caught:
        report_many([job], out, scheduler="tcp://127.0.0.1:8786")
    assert str(caught.value) == (
        "a Dask scheduler needs the `dask` extra: "
        'pip install "unified-account[dask]"'
    )
    assert out.getvalue() == ""
