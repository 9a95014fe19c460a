"""``unified-account watch``, one input line at a time.

Read the notification (as Amazon sends it, or the SQS message that
carries it), apply it to the live report, and write the JSON line of
the changes, or of the error (the live report is then as it was).  The
imports are made once, here, not per line: ``watch`` takes thousands of
lines a second.
"""

from __future__ import annotations

import json
from typing import Any

from .._excerpt import one_line
from ..errors import InvalidValueError, PayloadError, UnifiedAccountError
from ..limits import MAX_SNAPSHOT_CHARACTERS
from ..report.finding import FindingOutcome
from .formats import FindingDocuments, changes_document
from .live import LiveReport

__all__ = ["watch_line"]


def _notification(line: bytes) -> Any:
    """The notification of one input line.

    As Amazon sends it, or the SQS message (``{"Body": "..."}``) that
    carries it.
    """
    try:
        data = json.loads(line)
        if isinstance(data, dict) and isinstance(data.get("Body"), str):
            data = json.loads(data["Body"])
    except (ValueError, RecursionError) as error:
        raise InvalidValueError(f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise InvalidValueError("a notification is a JSON object")
    return data


def watch_line(
    live: LiveReport,
    number: int,
    line: bytes | None,
    documents: FindingDocuments,
) -> tuple[LiveReport, str, frozenset[FindingOutcome] | None]:
    """One input line of ``watch``, applied (``None``: one past the limit).

    The next live report, the JSON line to write, and the outcomes of
    the findings that appeared (``None`` when the line could not be
    applied; the live report is then as it was).  ``documents`` renders
    the findings in the run's locale, each once.
    """
    try:
        if line is None:
            raise PayloadError(
                "",
                f"the line is longer than {MAX_SNAPSHOT_CHARACTERS:,} bytes",
            )
        notification = _notification(line)
        live, diff = live.apply(notification)
    except UnifiedAccountError as error:
        document: dict[str, Any] = {
            "line": number,
            "error": one_line(str(error)),
        }
        return live, _line(document) + "\n", None
    document = {
        "line": number,
        "notification": notification.get("NotificationType"),
        "changes": changes_document(diff, documents.locale, documents),
    }
    outcomes = frozenset(finding.outcome for finding in diff.appeared)
    return live, _line(document) + "\n", outcomes


# ``json.dumps(document, ensure_ascii=False)``, the encoder built once.
_line = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
