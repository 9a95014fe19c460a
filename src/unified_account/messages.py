"""The marker for message ids, so Babel's extractor can find them.

``N_("no-merge.denied")`` returns its argument unchanged; its only job is
to let ``pybabel extract -k N_`` list every message id the code uses.
Every id must be a literal: an id built at run time cannot be extracted.
The one exception is the rule catalogue's texts, whose ids are derived
from the rule keys (``rule.<key>.title``, ``.question``, ``.summary``,
``.example``); :func:`unified_account.rules.rule_message_ids` lists them,
and the test suite checks them with the extracted ones.
"""

from __future__ import annotations

__all__ = ["N_"]


def N_(message_id: str) -> str:
    """Mark ``message_id`` for extraction and return it unchanged."""
    return message_id
