"""Changes over time: what changed, what would change, what is true now.

Above the report, never known by it: :func:`diff_reports` compares two
reports by their findings' keys; a saved JSON report is read back with
:func:`parse_report`.
"""

from __future__ import annotations

from .diff import (
    FindingChange,
    ReportDiff,
    RuleChanges,
    diff_findings,
    diff_reports,
)
from .saved import parse_report, report_from_data

__all__ = [
    "FindingChange",
    "ReportDiff",
    "RuleChanges",
    "diff_findings",
    "diff_reports",
    "parse_report",
    "report_from_data",
]
