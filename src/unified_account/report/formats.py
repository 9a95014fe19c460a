"""The report and the rule catalogue as text, JSON and Markdown.

Every function takes the locale explicitly and returns a string; none
prints.  JSON output keeps the stable, unlocalized fields (``rule``,
``outcome``, ``subject``, ``message_id``, ``params``) beside the rendered
``message``, so a tool can match on keys and still show the sentence.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any, Literal

from ..decision import ParamValue, Term
from ..errors import InvalidValueError
from ..i18n import render, rule_text, translate
from ..messages import N_
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RULES, Rule
from . import Report
from .finding import Finding, FindingOutcome
from .subject import Subject

__all__ = [
    "FORMATS",
    "OUTCOME_LABELS",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
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

SCHEMA_VERSION = 1
"""The version of the JSON documents below and of their JSON Schemas.

Adding a field or a value is not a new version; removing or renaming one
is, and is a breaking change.
"""

FORMATS = ("text", "json", "markdown")
"""The output formats every command offers."""


def param_json(value: ParamValue) -> Any:
    """A message parameter as plain JSON (money as a string amount)."""
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, Marketplace):
        return value.country_code
    if isinstance(value, Term):
        return value.message_id
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, tuple):
        return [param_json(item) for item in value]
    return value


def subject_json(subject: Subject) -> dict[str, str | None]:
    """A finding's subject as JSON: its path, kind and every field."""
    marketplace = subject.marketplace
    return {
        "path": subject.path,
        "kind": subject.kind.value,
        "account": subject.account,
        "other_account": subject.other_account,
        "marketplace": None if marketplace is None else marketplace.name,
        "sku": subject.sku,
        "asin": subject.asin,
        "brand": subject.brand,
        "reference": subject.reference,
        "currency": subject.currency,
    }


def _message(finding: Finding, locale: str) -> str:
    return render(finding.message_id, finding.params, locale)


def report_json(report: Report, locale: str) -> str:
    """The report as JSON: ``edition``, ``locale`` and ``findings``."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "edition": report.edition.name,
        "locale": locale,
        "findings": [
            {
                "rule": str(finding.rule),
                "outcome": finding.outcome.value,
                "subject": subject_json(finding.subject),
                "message": _message(finding, locale),
                "message_id": finding.message_id,
                "params": {
                    name: param_json(value) for name, value in finding.params
                },
            }
            for finding in report.findings
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


def _outcome(finding: Finding, locale: str) -> str:
    return translate(OUTCOME_LABELS[finding.outcome], locale)


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
        lines.append(
            f"  [{_outcome(finding, locale)}] {finding.rule}: "
            f"{_message(finding, locale)}"
        )
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
        cells = (
            f"`{finding.subject.path}`",
            f"`{finding.rule}`",
            _outcome(finding, locale),
            _message(finding, locale),
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


SCHEMAS = ("report", "rules")
"""The JSON documents with a published JSON Schema."""


def schema_text(name: Literal["report", "rules"]) -> str:
    """The JSON Schema (draft 2020-12) of ``report`` or ``rules`` JSON.

    ``rules`` covers ``explain --format json`` too.  The schemas ship in
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


def _rule_document(entry: Rule, locale: str) -> dict[str, str]:
    text = rule_text(entry, locale)
    return {
        "key": text.key,
        "family": entry.family.value,
        "title": text.title,
        "question": text.question,
        "faq_question": entry.faq_question,
        "summary": text.summary,
        "example": text.example,
        "version_added": entry.version_added,
    }


def catalogue_json(locale: str) -> str:
    """The rule catalogue as JSON: ``{"locale": ..., "rules": [...]}``."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "locale": locale,
        "rules": [_rule_document(entry, locale) for entry in RULES.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_markdown(locale: str) -> str:
    """The rule catalogue as Markdown: a section per rule."""
    blocks = [
        f"## `{text.key}`: {text.title}\n\n*{text.question}*\n\n{text.summary}"
        for text in (rule_text(entry, locale) for entry in RULES.values())
    ]
    return "\n\n".join(blocks) + "\n"


def _labels(locale: str) -> tuple[str, str, str]:
    return (
        translate(N_("explain.question"), locale),
        translate(N_("explain.faq"), locale),
        translate(N_("explain.example"), locale),
    )


def rule_plain(entry: Rule, locale: str) -> str:
    """One rule as plain text: title, questions, summary and example."""
    text = rule_text(entry, locale)
    question, faq, example = _labels(locale)
    return (
        f"{text.key}: {text.title}\n\n"
        f"{question}: {text.question}\n"
        f"{faq}: {entry.faq_question}\n\n"
        f"{text.summary}\n\n"
        f"{example}: {text.example}\n"
    )


def rule_json(entry: Rule, locale: str) -> str:
    """One rule as JSON: the fields of a ``rules --format json`` entry."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "locale": locale,
        "rule": _rule_document(entry, locale),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def rule_markdown(entry: Rule, locale: str) -> str:
    """One rule as Markdown: a heading, its questions, summary, example."""
    text = rule_text(entry, locale)
    question, faq, example = _labels(locale)
    return (
        f"# `{text.key}`: {text.title}\n\n"
        f"**{question}**: {text.question}\n\n"
        f"**{faq}**: {entry.faq_question}\n\n"
        f"{text.summary}\n\n"
        f"**{example}**: {text.example}\n"
    )


def catalogue_text(locale: str) -> str:
    """The rule catalogue as plain text: key, title, question, summary."""
    blocks = []
    for entry in RULES.values():
        text = rule_text(entry, locale)
        blocks.append(
            f"{text.key}\n  {text.title}\n  {text.question}\n  {text.summary}"
        )
    return "\n\n".join(blocks) + "\n"
