"""A pytest plugin: where shared data must be present, its absence fails.

Tests that read the shared reference data (``../shared`` beside the
repository) skip with a reason starting ``shared data absent:`` where it
is not there.  ``.ci/run`` sets ``UNIFIED_ACCOUNT_REQUIRE_SHARED=1`` when
it sees ``../shared``: such a skip then fails the test, so that a green
run means those tests ran.
"""

from __future__ import annotations

import os

import pytest

PREFIX = "shared data absent:"
VARIABLE = "UNIFIED_ACCOUNT_REQUIRE_SHARED"


def _reason(longrepr: object) -> str:
    text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return text.removeprefix("Skipped: ")


def _required(report: pytest.TestReport | pytest.CollectReport) -> None:
    if not report.skipped or os.environ.get(VARIABLE) != "1":
        return
    reason = _reason(report.longrepr)
    if reason.startswith(PREFIX):
        report.outcome = "failed"
        report.longrepr = (
            f"skipped ({reason}), but {VARIABLE}=1: the shared data must be "
            "there, and these tests must run"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A test skipped for missing shared data fails where it is required."""
    report = yield
    _required(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """The same for a module skipped as a whole."""
    report = yield
    _required(report)
    return report
