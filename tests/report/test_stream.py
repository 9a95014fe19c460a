"""The streamed report: every problem in full, the rest summarised."""

import io
import json

import pytest

from unified_account import FAQ, build_report, example_snapshot
from unified_account.cli import main
from unified_account.report import iter_findings
from unified_account.report.finding import FindingOutcome
from unified_account.report.stream import FORMATS, write_report
from unified_account.report.summary import (
    EXAMPLES,
    PROBLEM_OUTCOMES,
    Summary,
    is_problem,
)


def test_problems_are_denials_and_warnings():
    """One definition of a problem: the seller must act on it."""
    assert {FindingOutcome.DENIED, FindingOutcome.WARNING} == (
        PROBLEM_OUTCOMES
    )


def test_iter_findings_gives_the_report_in_order():
    """The streamed findings are build_report's, in the same order."""
    snapshot = example_snapshot()
    assert tuple(iter_findings(snapshot)) == build_report(snapshot).findings


def test_the_default_json_shows_every_problem_and_counts_the_rest(capsys):
    """Problems in ``findings``; every other finding in a summary group."""
    everything = build_report(example_snapshot()).findings
    assert main(["report", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    problems = [f for f in everything if is_problem(f)]
    assert [f["subject"]["path"] for f in document["findings"]] == [
        f.subject.path for f in problems
    ]
    groups = document["summary"]
    assert sum(g["count"] for g in groups) == len(everything) - len(problems)
    for group in groups:
        assert group["outcome"] not in {o.value for o in PROBLEM_OUTCOMES}
        assert 1 <= len(group["examples"]) <= min(EXAMPLES, group["count"])
        for example in group["examples"]:
            assert example["rule"] == group["rule"]
    assert document["counts"]["total"] == len(everything)
    assert document["counts"]["problems"] == len(problems)


@pytest.mark.parametrize("fmt", FORMATS)
def test_all_writes_every_finding(fmt):
    """``everything=True``: one entry per finding, no summary."""
    snapshot = example_snapshot()
    out = io.StringIO()
    summary = write_report(
        iter_findings(snapshot),
        out,
        edition=FAQ.name,
        locale="en",
        format=fmt,
        everything=True,
    )
    count = len(build_report(snapshot).findings)
    assert summary.total == count
    text = out.getvalue()
    if fmt == "json":
        assert len(json.loads(text)["findings"]) == count
    elif fmt == "markdown":
        assert text.count("\n| `") == count
    else:
        assert text.count("\n  [") == count


def test_the_summary_memory_does_not_grow_with_the_findings():
    """A million explanations of one rule keep a few examples only."""
    finding = next(
        f
        for f in build_report(example_snapshot()).findings
        if not is_problem(f)
    )
    summary = Summary()
    for _ in range(10_000):
        assert not summary.add(finding)
    (group,) = summary.groups()
    assert (group.count, len(group.examples)) == (10_000, EXAMPLES)


@pytest.mark.parametrize(
    "locale", ["en", "zh_Hant", "zh_Hans", "es_MX", "fr_CA"]
)
def test_the_summary_speaks_each_locale(locale):
    """Heading, groups and total are translated."""
    out = io.StringIO()
    write_report(
        iter_findings(example_snapshot()),
        out,
        edition="faq",
        locale=locale,
    )
    assert "{" not in out.getvalue()
