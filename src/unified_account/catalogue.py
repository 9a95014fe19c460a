"""The rule catalogue as text and JSON, for ``unified-account rules``.

Kept apart from the report so that listing the rules loads only the rule
catalogue and the message catalogue, not the policies.
"""

from __future__ import annotations

import json

from .i18n import rule_text
from .rules import RULES

__all__ = ["catalogue_json", "catalogue_text"]


def catalogue_json(locale: str) -> str:
    """The rule catalogue as JSON: ``{"locale": ..., "rules": [...]}``."""
    rules = []
    for entry in RULES.values():
        text = rule_text(entry, locale)
        rules.append(
            {
                "key": text.key,
                "family": entry.family.value,
                "title": text.title,
                "question": text.question,
                "faq_question": entry.faq_question,
                "summary": text.summary,
                "version_added": entry.version_added,
            }
        )
    document = {"locale": locale, "rules": rules}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_text(locale: str) -> str:
    """The rule catalogue as plain text: key, title, question, summary."""
    blocks = []
    for entry in RULES.values():
        text = rule_text(entry, locale)
        blocks.append(
            f"{text.key}\n  {text.title}\n  {text.question}\n  {text.summary}"
        )
    return "\n\n".join(blocks) + "\n"
