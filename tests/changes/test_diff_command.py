"""``unified-account diff OLD NEW``: snapshots or saved reports."""

from __future__ import annotations

import io
import json

import pytest

from unified_account.cli import main


def run(capsys, *argv):
    status = main([str(word) for word in argv])
    out, err = capsys.readouterr()
    return status, out, err


def saved(capsys, path, snapshot, *options):
    """Save ``snapshot``'s report with --all as JSON at ``path``."""
    status, out, _ = run(
        capsys, "report", snapshot, "--all", "--format", "json", *options
    )
    assert status == 0
    path.write_text(out, encoding="utf-8")
    return path


def test_two_snapshots_give_what_changed(capsys, day_apart):
    status, out, err = run(capsys, "diff", *day_apart)
    assert (status, err) == (0, "")
    assert out.startswith(
        "Changes from edition faq to edition faq: "
        "1 appeared, 1 resolved, 2 changed\n"
    )


def test_saved_reports_give_the_same_diff(capsys, day_apart, tmp_path):
    """A report saved with --all reads back: same diff as the snapshots."""
    old, new = day_apart
    _, from_snapshots, _ = run(capsys, "diff", old, new, "--format", "json")
    old_report = saved(capsys, tmp_path / "old.json", old, "--locale", "es_MX")
    new_report = saved(capsys, tmp_path / "new.json", new)
    for pair in ((old_report, new_report), (old, new_report)):
        status, out, _ = run(capsys, "diff", *pair, "--format", "json")
        assert status == 0
        assert json.loads(out) == json.loads(from_snapshots)


@pytest.mark.parametrize(
    ("level", "status"), [("warning", 1), ("denied", 0), (None, 0)]
)
def test_fail_on_applies_to_what_appeared(capsys, day_apart, level, status):
    """A warning appeared (and one was resolved): --fail-on warning fails.

    The new report has denials too, but none appeared.
    """
    options = [] if level is None else ["--fail-on", level]
    assert run(capsys, "diff", *day_apart, *options)[0] == status


def test_nothing_appeared_nothing_fails(capsys, day_apart):
    old, _ = day_apart
    assert run(capsys, "diff", old, old, "--fail-on", "warning")[0] == 0


def test_the_edition_applies_to_snapshots(capsys, day_apart, tmp_path):
    """A saved report keeps its edition; a snapshot takes --edition."""
    old, _ = day_apart
    report = saved(capsys, tmp_path / "faq.json", old)
    status, out, _ = run(
        capsys,
        "diff",
        report,
        old,
        "--edition",
        "north-america-and-brazil",
        "--format",
        "json",
    )
    document = json.loads(out)
    assert status == 0
    assert document["old_edition"] == "faq"
    assert document["new_edition"] == "north-america-and-brazil"
    assert document["counts"]["appeared"] > 0


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_every_format_and_locale_is_written(capsys, day_apart, format):
    status, out, _ = run(
        capsys, "diff", *day_apart, "--format", format, "--locale", "zh_Hant"
    )
    assert status == 0
    assert "新出現" in out or '"appeared": 1' in out


def test_one_side_may_be_stdin(capsys, day_apart, monkeypatch):
    old, new = day_apart
    stdin = io.TextIOWrapper(io.BytesIO(new.read_bytes()))
    monkeypatch.setattr("sys.stdin", stdin)
    status, out, _ = run(capsys, "diff", old, "-")
    assert status == 0
    assert "1 appeared, 1 resolved, 2 changed" in out


def test_both_sides_cannot_be_stdin(capsys):
    status, out, err = run(capsys, "diff", "-", "-")
    assert (status, out) == (2, "")
    assert "OLD and NEW cannot both be stdin" in err


def test_a_missing_file_is_bad_input(capsys, day_apart, tmp_path):
    old, _ = day_apart
    status, out, err = run(capsys, "diff", old, tmp_path / "none.json")
    assert (status, out) == (2, "")
    assert "none.json: cannot read the file" in err


def test_a_broken_snapshot_gives_its_own_error(capsys, day_apart, tmp_path):
    """Neither a snapshot nor a report: the snapshot's error is told."""
    old, _ = day_apart
    for text in ('{"account": 1}', "{", '{"findings": []}'):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        status, out, err = run(capsys, "diff", old, bad)
        assert (status, out) == (2, "")
        assert "bad.json" in err


def test_a_summarised_report_is_refused(capsys, day_apart, tmp_path):
    old, _ = day_apart
    _, out, _ = run(capsys, "report", old, "--format", "json")
    partial = tmp_path / "partial.json"
    partial.write_text(out, encoding="utf-8")
    status, out, err = run(capsys, "diff", partial, old)
    assert (status, out) == (2, "")
    assert "partial.json: summary:" in err
    assert "--all" in err
