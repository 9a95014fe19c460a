"""Writing a report as its findings are produced, in constant memory.

:func:`write_report` takes findings one at a time (from
:func:`~unified_account.report.iter_findings`) and writes each as soon as
it is rendered, so the memory a report takes does not grow with its
text.  By default it writes every problem in full and a summary of the
other findings per rule (see :mod:`unified_account.report.summary`);
``everything=True`` writes every finding.

Since the number of findings is known only at the end, the heading
names the edition and a closing line gives the counts.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from .._typography import label
from ..i18n import normalize_locale, render, translate
from ..messages import N_
from ..rule_catalogue import FORMATS, SCHEMA_VERSION
from ._finding_json import FindingJson
from .finding import Finding
from .formats import (
    finding_cells,
    finding_document,
    finding_line,
    outcome_label,
)
from .summary import Summary, SummaryGroup

__all__ = ["FORMATS", "write_report"]


def _total(summary: Summary, locale: str) -> str:
    return render(
        N_("report.total"),
        {"count": summary.total, "problems": _problems(summary)},
        locale,
    )


def _problems(summary: Summary) -> int:
    return summary.total - sum(group.count for group in summary.groups())


def _group_text(group: SummaryGroup, locale: str) -> list[str]:
    lines = [
        render(
            N_("report.summary.group"),
            {
                "rule": group.rule.value,
                "outcome": outcome_label(group.outcome, locale),
                "count": group.count,
            },
            locale,
        )
    ]
    lines += [
        "    "
        + label(
            example.subject.path,
            render(example.message_id, example.params, locale),
            locale,
        )
        for example in group.examples
    ]
    return lines


class _Writer(abc.ABC):
    """One format's pieces: head, a finding, the summary, the end."""

    def __init__(self, out: TextIO, locale: str, compact: bool) -> None:
        self.out = out
        self.locale = normalize_locale(locale)  # the locale that serves
        self.compact = compact
        self.subject: str | None = None
        self.first = True

    @abc.abstractmethod
    def head(self, edition: str) -> None:
        """Write the heading, which names the edition."""

    @abc.abstractmethod
    def finding(self, finding: Finding) -> None:
        """Write one finding in full."""

    @abc.abstractmethod
    def end(self, summary: Summary, everything: bool) -> None:
        """Write the summary (unless ``everything``) and the counts."""


class _Text(_Writer):
    def head(self, edition: str) -> None:
        self.out.write(
            render(N_("report.title"), {"edition": edition}, self.locale)
            + "\n"
        )

    def finding(self, finding: Finding) -> None:
        path = finding.subject.path
        if path != self.subject:
            self.subject = path
            self.out.write(f"\n{path}\n")
        self.out.write(f"  {finding_line(finding, self.locale)}\n")

    def end(self, summary: Summary, everything: bool) -> None:
        groups = [] if everything else summary.groups()
        lines = [""]
        if groups:
            lines.append(translate(N_("report.summary.heading"), self.locale))
            for group in groups:
                lines += _group_text(group, self.locale)
            lines.append("")
        lines.append(_total(summary, self.locale))
        self.out.write("\n".join(lines) + "\n")


# How many findings the JSON report writes at once.
_CHUNK = 512


def _dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False)


class _Json(_Writer):
    """Findings go out in chunks: one write per many findings."""

    def __init__(self, out: TextIO, locale: str, compact: bool) -> None:
        super().__init__(out, locale, compact)
        self.text = FindingJson(self.locale)
        self.pending: list[str] = []
        self.separator = "," if compact else ",\n"

    def head(self, edition: str) -> None:
        self.out.write(
            f'{{"schema_version": {SCHEMA_VERSION}, '
            f'"edition": {_dumps(edition)}, '
            f'"locale": {_dumps(self.locale)}, "findings": ['
        )

    def finding(self, finding: Finding) -> None:
        pending = self.pending
        pending.append(self.text(finding))
        if len(pending) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        """Write the findings not yet written."""
        if self.pending:
            lead = "" if self.compact else "\n"
            if not self.first:
                lead = self.separator
            self.first = False
            self.out.write(lead + self.separator.join(self.pending))
            self.pending.clear()

    def end(self, summary: Summary, everything: bool) -> None:
        self.flush()
        groups = [] if everything else summary.groups()
        counts = {"total": summary.total, "problems": _problems(summary)}
        counts |= {
            outcome.value: count
            for outcome, count in sorted(
                summary.outcomes.items(), key=lambda item: item[0].value
            )
        }
        tail = {
            "summary": [
                {
                    "rule": str(group.rule),
                    "outcome": group.outcome.value,
                    "count": group.count,
                    "examples": [
                        finding_document(example, self.locale)
                        for example in group.examples
                    ],
                }
                for group in groups
            ],
            "counts": counts,
        }
        body = _dumps(tail)[1:]
        self.out.write(("]," if self.compact else "\n], ") + body + "\n")


def _row(cells: Iterable[str]) -> str:
    cleaned = (c.replace("|", "\\|").replace("\n", " ") for c in cells)
    return "| " + " | ".join(cleaned) + " |"


class _Markdown(_Writer):
    def head(self, edition: str) -> None:
        title = render(N_("report.title"), {"edition": edition}, self.locale)
        header = [
            translate(N_("report.column.subject"), self.locale),
            translate(N_("report.column.rule"), self.locale),
            translate(N_("report.column.outcome"), self.locale),
            translate(N_("report.column.message"), self.locale),
        ]
        self.header = header
        self.out.write(
            f"# {title}\n\n{_row(header)}\n|{'---|' * len(header)}\n"
        )

    def finding(self, finding: Finding) -> None:
        self.out.write(_row(finding_cells(finding, self.locale)) + "\n")

    def end(self, summary: Summary, everything: bool) -> None:
        groups = [] if everything else summary.groups()
        lines = [""]
        if groups:
            heading = translate(N_("report.summary.heading"), self.locale)
            lines += [f"## {heading}", ""]
            for group in groups:
                text = _group_text(group, self.locale)
                lines.append(f"- {text[0].strip()}")
                lines += [f"  - {line.strip()}" for line in text[1:]]
            lines.append("")
        lines.append(_total(summary, self.locale))
        self.out.write("\n".join(lines) + "\n")


_WRITERS: dict[str, Callable[[TextIO, str, bool], _Writer]] = {
    "text": _Text,
    "json": _Json,
    "markdown": _Markdown,
}


def write_report(
    findings: Iterable[Finding],
    out: TextIO,
    *,
    edition: str,
    locale: str,
    format: str = "text",
    everything: bool = False,
    compact: bool = False,
) -> Summary:
    """Write the report of ``findings`` to ``out`` as they come.

    ``edition`` is the edition's name, for the heading; ``format`` is one
    of :data:`FORMATS`.  Problems are written in full, other findings
    summarised, unless ``everything``.  ``compact`` writes JSON on one
    line (for JSON Lines).  Returns the :class:`Summary` of what was
    written.
    """
    writer = _WRITERS[format](out, locale, compact)
    summary = Summary()
    writer.head(edition)
    for finding in findings:
        if summary.add(finding) or everything:
            writer.finding(finding)
    writer.end(summary, everything)
    return summary
