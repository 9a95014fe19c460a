"""The report and the rule catalogue as text, JSON and Markdown.

Every function takes the locale explicitly and returns a string; none
prints.  JSON output keeps the stable, unlocalized fields (``rule``,
``outcome``, ``subject``, ``message_id``, ``params``) beside the rendered
``message``, so a tool can match on keys and still show the sentence.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal

from .._typography import label
from ..errors import InvalidValueError
from ..i18n import normalize_locale, render, translate
from ..messages import N_
from ..rule_catalogue import (
    FORMATS,
    SCHEMA_VERSION,
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    rule_json,
    rule_markdown,
    rule_plain,
)
from . import Report
from .finding import Finding, FindingOutcome
from .records import param_json, subject_json

__all__ = [
    "FORMATS",
    "OUTCOME_LABELS",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "finding_cells",
    "finding_document",
    "finding_line",
    "outcome_label",
    "param_json",
    "report_json",
    "report_markdown",
    "report_text",
    "rule_json",
    "rule_markdown",
    "rule_plain",
    "schema_text",
    "subject_json",
]


def _message(finding: Finding, locale: str) -> str:
    return render(finding.message_id, finding.params, locale)


def finding_document(finding: Finding, locale: str) -> dict[str, Any]:
    """One finding as the JSON report writes it."""
    return {
        "key": finding.key,
        "rule": finding.rule.value,
        "outcome": finding.outcome.value,
        "subject": subject_json(finding.subject),
        "message": _message(finding, locale),
        "message_id": finding.message_id,
        "params": {name: param_json(value) for name, value in finding.params},
    }


def report_json(report: Report, locale: str) -> str:
    """The report as JSON: ``edition``, ``locale`` and ``findings``.

    ``locale`` is the supported locale that served the one asked for.
    """
    locale = normalize_locale(locale)
    document = {
        "schema_version": SCHEMA_VERSION,
        "edition": report.edition.name,
        "locale": locale,
        "findings": [
            finding_document(finding, locale) for finding in report.findings
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


OUTCOME_LABELS = {
    FindingOutcome.ALLOWED: N_("report.outcome.allowed"),
    FindingOutcome.DENIED: N_("report.outcome.denied"),
    FindingOutcome.WARNING: N_("report.outcome.warning"),
    FindingOutcome.INFO: N_("report.outcome.info"),
    FindingOutcome.UNDETERMINED: N_("report.outcome.undetermined"),
}
"""The message id of each finding level's label."""


def outcome_label(outcome: FindingOutcome, locale: str) -> str:
    """The name of ``outcome`` in ``locale`` (``denied``, ``refusé``)."""
    return translate(OUTCOME_LABELS[outcome], locale)


def _outcome(finding: Finding, locale: str) -> str:
    return outcome_label(finding.outcome, locale)


def finding_line(finding: Finding, locale: str) -> str:
    """One finding as the text report writes it, after its subject."""
    return f"[{_outcome(finding, locale)}] " + label(
        finding.rule.value, _message(finding, locale), locale
    )


def finding_cells(finding: Finding, locale: str) -> tuple[str, ...]:
    """One finding as the cells of a Markdown table row, unescaped."""
    return (
        f"`{finding.subject.path}`",
        f"`{finding.rule.value}`",
        _outcome(finding, locale),
        _message(finding, locale),
    )


def report_text(report: Report, locale: str) -> str:
    """The report as plain text, one finding a line, grouped by subject."""
    lines = [
        render(
            N_("report.heading"),
            {"edition": report.edition.name, "count": len(report.findings)},
            locale,
        )
    ]
    subject = None
    for finding in report.findings:
        if finding.subject != subject:
            subject = finding.subject
            lines += ["", subject.path]
        lines.append(f"  {finding_line(finding, locale)}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(report: Report, locale: str) -> str:
    """The report as a Markdown table, for pasting into a ticket or wiki."""
    header = [
        translate(N_("report.column.subject"), locale),
        translate(N_("report.column.rule"), locale),
        translate(N_("report.column.outcome"), locale),
        translate(N_("report.column.message"), locale),
    ]
    lines = [
        "# "
        + render(
            N_("report.heading"),
            {"edition": report.edition.name, "count": len(report.findings)},
            locale,
        ),
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for finding in report.findings:
        cells = finding_cells(finding, locale)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


SCHEMAS = ("report", "rules", "sellers")
"""The JSON documents with a published JSON Schema."""


def schema_text(name: Literal["report", "rules", "sellers"]) -> str:
    """The JSON Schema (draft 2020-12) of ``report`` or ``rules`` JSON.

    ``rules`` covers ``explain --format json`` too; ``sellers`` is one
    line of a many-seller report's JSON Lines, whose ``report`` is a
    ``report`` document (a ``$ref`` to it).  The schemas ship in
    the package, one file per name and version
    (``report/schemas/report-1.schema.json``).
    """
    if name not in SCHEMAS:
        raise InvalidValueError(
            f"`{name}` is not a schema; the schemas are: " + ", ".join(SCHEMAS)
        )
    return (
        resources.files(__package__)
        .joinpath("schemas", f"{name}-{SCHEMA_VERSION}.schema.json")
        .read_text(encoding="utf-8")
    )
