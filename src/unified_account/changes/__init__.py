"""Changes over time: what changed, what would change, what is true now.

Above the report, never known by it: :func:`diff_reports` compares two
reports by their findings' keys; a saved JSON report is read back with
:func:`parse_report`; :func:`what_if` decides a plan of actions (the
library's transitions as values, :mod:`unified_account.changes.plan`)
and gives the diff of findings it causes; a :class:`LiveReport` keeps a
report current, one notification or action at a time.
"""

from __future__ import annotations

from .diff import (
    FindingChange,
    ReportDiff,
    RuleChanges,
    diff_findings,
    diff_reports,
)
from .live import LiveReport
from .plan import ACTIONS
from .plan_file import plan_from_data
from .saved import parse_report, report_from_data
from .whatif import Step, WhatIf, what_if

__all__ = [
    "ACTIONS",
    "FindingChange",
    "LiveReport",
    "ReportDiff",
    "RuleChanges",
    "Step",
    "WhatIf",
    "diff_findings",
    "diff_reports",
    "parse_report",
    "plan_from_data",
    "report_from_data",
    "what_if",
]
