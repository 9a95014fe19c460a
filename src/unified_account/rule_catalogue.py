"""The rule catalogue and single rules as text, JSON and Markdown.

Kept apart from the report so that ``unified-account rules`` and
``explain`` load only the rule catalogue and the message catalogue, not
the policies.  :mod:`unified_account.report.formats` re-exports these.

.. versionchanged:: 0.2.0
   Named ``unified_account.catalogue`` before; that name still imports,
   with a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import json

from ._typography import label
from .i18n import normalize_locale, rule_text, translate
from .messages import N_
from .rules import RULES, Rule

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "rule_json",
    "rule_markdown",
    "rule_plain",
]

FORMATS = ("text", "json", "markdown")
"""The output formats every command offers."""

SCHEMA_VERSION = 1
"""The version of the JSON documents of the command and of their schemas.

Adding a field or a value is not a new version; removing or renaming one
is, and is a breaking change.
"""


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
    """The rule catalogue as JSON: ``{"locale": ..., "rules": [...]}``.

    ``locale`` is the supported locale that served the one asked for.
    """
    locale = normalize_locale(locale)
    document = {
        "schema_version": SCHEMA_VERSION,
        "locale": locale,
        "rules": [_rule_document(entry, locale) for entry in RULES.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_markdown(locale: str) -> str:
    """The rule catalogue as Markdown: a section per rule."""
    blocks = [
        "## "
        + label(f"`{text.key}`", text.title, locale)
        + f"\n\n*{text.question}*\n\n{text.summary}"
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
        f"{label(text.key, text.title, locale)}\n\n"
        f"{label(question, text.question, locale)}\n"
        f"{label(faq, entry.faq_question, locale)}\n\n"
        f"{text.summary}\n\n"
        f"{label(example, text.example, locale)}\n"
    )


def rule_json(entry: Rule, locale: str) -> str:
    """One rule as JSON: the fields of a ``rules --format json`` entry."""
    locale = normalize_locale(locale)
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
        f"# {label(f'`{text.key}`', text.title, locale)}\n\n"
        f"{label(f'**{question}**', text.question, locale)}\n\n"
        f"{label(f'**{faq}**', entry.faq_question, locale)}\n\n"
        f"{text.summary}\n\n"
        f"{label(f'**{example}**', text.example, locale)}\n"
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
