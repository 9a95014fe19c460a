"""A diff of two reports as text, JSON and Markdown, in a given locale.

Each groups the changes by rule, in the order of the rule keys.  The
text marks a finding that appeared with ``+``, one resolved with ``-``
and one changed with ``~`` followed by what it was; the Markdown names
the change in a column; the JSON keeps the stable fields of each
finding (key, rule, outcome, subject, message id, parameters) beside its
rendered message, the old and the new form of each change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from importlib import resources
from typing import Any

from ..errors import InvalidValueError
from ..i18n import render, translate
from ..messages import N_
from ..report.finding import Finding
from ..report.formats import finding_document, outcome_label
from ..rule_catalogue import SCHEMA_VERSION
from .diff import FindingChange, ReportDiff

__all__ = [
    "DIFF_FORMATS",
    "SCHEMAS",
    "diff_document",
    "diff_json",
    "diff_markdown",
    "diff_text",
    "schema_text",
]


def _heading(diff: ReportDiff, locale: str) -> str:
    return render(
        N_("diff.heading"),
        {
            "old": diff.old_edition.name,
            "new": diff.new_edition.name,
            "appeared": len(diff.appeared),
            "resolved": len(diff.resolved),
            "changed": len(diff.changed),
        },
        locale,
    )


def _said(finding: Finding, locale: str) -> str:
    outcome = outcome_label(finding.outcome, locale)
    message = render(finding.message_id, finding.params, locale)
    return f"[{outcome}] {message}"


def _was(change: FindingChange, locale: str) -> str:
    return render(
        N_("diff.was"), {"finding": _said(change.old, locale)}, locale
    )


def diff_text(diff: ReportDiff, locale: str) -> str:
    """The diff as plain text: a heading, then each rule's changes."""
    lines = [_heading(diff, locale)]
    for group in diff.by_rule():
        lines += ["", group.rule.value]
        lines += [
            f"  + {f.subject.path} {_said(f, locale)}" for f in group.appeared
        ]
        lines += [
            f"  - {f.subject.path} {_said(f, locale)}" for f in group.resolved
        ]
        for change in group.changed:
            new = change.new
            lines.append(f"  ~ {new.subject.path} {_said(new, locale)}")
            lines.append(f"      {_was(change, locale)}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cells(label: str, finding: Finding, locale: str) -> tuple[str, ...]:
    return (
        label,
        f"`{finding.subject.path}`",
        outcome_label(finding.outcome, locale),
        render(finding.message_id, finding.params, locale),
    )


def diff_markdown(diff: ReportDiff, locale: str) -> str:
    """The diff as Markdown: a table of changes per rule."""
    header = (
        translate(N_("diff.column.change"), locale),
        translate(N_("report.column.subject"), locale),
        translate(N_("report.column.outcome"), locale),
        translate(N_("report.column.message"), locale),
    )
    appeared = translate(N_("diff.appeared"), locale)
    resolved = translate(N_("diff.resolved"), locale)
    changed = translate(N_("diff.changed"), locale)
    lines = [f"# {_heading(diff, locale)}"]
    for group in diff.by_rule():
        lines += ["", f"## `{group.rule.value}`", "", _row(header)]
        lines.append("|" + "---|" * len(header))
        lines += [_row(_cells(appeared, f, locale)) for f in group.appeared]
        lines += [_row(_cells(resolved, f, locale)) for f in group.resolved]
        for change in group.changed:
            label, path, outcome, message = _cells(changed, change.new, locale)
            old = outcome_label(change.old.outcome, locale)
            lines.append(
                _row(
                    (
                        label,
                        path,
                        f"{old} → {outcome}",
                        f"{message} ({_was(change, locale)})",
                    )
                )
            )
    return "\n".join(lines) + "\n"


def diff_document(diff: ReportDiff, locale: str) -> dict[str, Any]:
    """The diff as the JSON document :func:`diff_json` writes."""
    return changes_document(
        diff, locale, partial(finding_document, locale=locale)
    )


class FindingDocuments:
    """Findings' JSON documents in one locale, a finding seen again not redone.

    For a stream of diffs (``unified-account watch``): a finding that
    changes was, most often, rendered when it appeared or changed last,
    and the same finding (the same object) gets the same document.  The
    documents of the last ``size`` findings rendered are kept.
    """

    def __init__(self, locale: str, size: int = 1 << 16) -> None:
        self.locale = locale
        self._size = size
        self._kept: dict[int, tuple[Finding, dict[str, Any]]] = {}

    def __call__(self, finding: Finding) -> dict[str, Any]:
        """The document of ``finding``, as :func:`finding_document`."""
        kept = self._kept.get(id(finding))
        if kept is not None and kept[0] is finding:
            return kept[1]
        document = finding_document(finding, self.locale)
        if len(self._kept) >= self._size:
            self._kept.clear()  # the oldest go with the rest: it is rare
        self._kept[id(finding)] = (finding, document)
        return document


def changes_document(
    diff: ReportDiff,
    locale: str,
    document: Callable[[Finding], dict[str, Any]],
) -> dict[str, Any]:
    """:func:`diff_document`, each finding's document by ``document``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "old_edition": diff.old_edition.name,
        "new_edition": diff.new_edition.name,
        "locale": locale,
        "counts": {
            "appeared": len(diff.appeared),
            "resolved": len(diff.resolved),
            "changed": len(diff.changed),
        },
        "rules": [
            {
                "rule": group.rule.value,
                "appeared": [document(f) for f in group.appeared],
                "resolved": [document(f) for f in group.resolved],
                "changed": [
                    {
                        "key": change.key,
                        "old": document(change.old),
                        "new": document(change.new),
                    }
                    for change in group.changed
                ],
            }
            for group in diff.by_rule()
        ],
    }


def diff_json(diff: ReportDiff, locale: str) -> str:
    """The diff as JSON (``changes/schemas/diff-1.schema.json``)."""
    text = json.dumps(
        diff_document(diff, locale), ensure_ascii=False, indent=2
    )
    return text + "\n"


DIFF_FORMATS: dict[str, Callable[[ReportDiff, str], str]] = {
    "text": diff_text,
    "json": diff_json,
    "markdown": diff_markdown,
}
"""Each output format's writer of a diff, by the name ``--format`` takes."""


SCHEMAS = ("diff", "plan", "what-if", "watch")
"""The JSON documents of changes over time with a published JSON Schema."""


def schema_text(name: str) -> str:
    """The JSON Schema (draft 2020-12) of a changes document by name.

    The schemas ship in the package, one file per name and version
    (``changes/schemas/diff-1.schema.json``); a finding in them refers
    to the report's schema (:func:`unified_account.report.formats.
    schema_text`).
    """
    if name not in SCHEMAS:
        raise InvalidValueError(
            f"`{name}` is not a schema of changes; they are: "
            + ", ".join(SCHEMAS)
        )
    return (
        resources.files(__package__)
        .joinpath("schemas", f"{name}-{SCHEMA_VERSION}.schema.json")
        .read_text(encoding="utf-8")
    )
