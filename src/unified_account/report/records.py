"""Findings as plain values: JSON documents and rows for analysts.

:func:`finding_record` writes a finding as one flat row of the columns
in :data:`RECORD_COLUMNS`, every value a string or ``None``, the same
columns in the same order for every finding, so a list of them loads
straight into a data frame (:meth:`~unified_account.report.Report.to_pandas`)
or a CSV writer.  :func:`param_json` and :func:`subject_json` are the
JSON forms the JSON report writes.
"""

from __future__ import annotations

import json

from ..i18n import render
from .finding import Finding
from .identity import param_json
from .subject import Subject

__all__ = [
    "RECORD_COLUMNS",
    "finding_record",
    "param_json",
    "subject_json",
]


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


RECORD_COLUMNS = (
    "rule",
    "outcome",
    "subject",
    "kind",
    "account",
    "other_account",
    "marketplace",
    "sku",
    "asin",
    "brand",
    "reference",
    "currency",
    "message_id",
    "message",
    "params",
)
"""The columns of a finding's record, in order.

``rule``: the rule key; ``outcome``: the level (``denied``, ``info``,
...); ``subject``: the subject's path (``listing:MUG-1@CA``); ``kind``
and the next eight: the subject's fields (``marketplace`` as its
country code), ``None`` where they do not apply; ``message_id`` and
``message``: the message's id and its text in the locale asked for;
``params``: the message's parameters as a JSON object, in text.  A
column is added, never removed or renamed, within a major version.
"""


def finding_record(finding: Finding, locale: str) -> dict[str, str | None]:
    """``finding`` as one row of :data:`RECORD_COLUMNS`."""
    subject = subject_json(finding.subject)
    record: dict[str, str | None] = {
        "rule": finding.rule.value,
        "outcome": finding.outcome.value,
        "subject": subject.pop("path"),
    }
    record |= subject
    record["message_id"] = finding.message_id
    record["message"] = render(finding.message_id, finding.params, locale)
    record["params"] = json.dumps(
        {name: param_json(value) for name, value in finding.params},
        ensure_ascii=False,
        sort_keys=True,
    )
    return record
