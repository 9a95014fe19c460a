"""The JSON lines of ``watch``: their exact text, whatever is remembered.

``watch`` renders each finding once (:class:`FindingDocuments`) and
encodes with an encoder built once; the line is still, byte for byte,
``json.dumps`` (default separators, non-ASCII kept) of the line's
document with the diff's document as :func:`diff_document` gives it.
"""

from __future__ import annotations

import json

import pytest

from unified_account import example_snapshot
from unified_account.changes._watch import watch_line
from unified_account.changes.formats import FindingDocuments, diff_document
from unified_account.changes.live import LiveReport
from unified_account.report.formats import finding_document


def mfn(sku, quantity):
    return {
        "NotificationType": "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
        "Payload": {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": sku,
            "Quantity": quantity,
        },
    }


# The same SKUs again and again: findings come back as old ones.
EVENTS = [
    mfn("MUG-CERAMIC-12", 0),
    mfn("CANDLE-SOY-8", 5),
    mfn("MUG-CERAMIC-12", 7),
    mfn("MUG-CERAMIC-12", 0),
    mfn("CANDLE-SOY-8", 0),
    mfn("MUG-CERAMIC-12", 3),
]


@pytest.mark.parametrize("size", [1, 2, 1 << 16])
@pytest.mark.parametrize("locale", ["en", "fr_CA", "zh_Hant"])
def test_a_line_is_json_dumps_of_its_document(locale, size):
    start = LiveReport(example_snapshot())
    documents = FindingDocuments(locale, size=size)
    live, expected = start, start
    for number, event in enumerate(EVENTS, 1):
        live, line, outcomes = watch_line(
            live, number, json.dumps(event).encode(), documents
        )
        expected, diff = expected.apply(event)
        document = {
            "line": number,
            "notification": event["NotificationType"],
            "changes": diff_document(diff, locale),
        }
        assert line == json.dumps(document, ensure_ascii=False) + "\n"
        assert outcomes == frozenset(f.outcome for f in diff.appeared)
    assert live.findings == expected.findings


def test_the_lines_change_and_keep_non_ascii_text():
    """Not vacuous: the events change findings, rendered unescaped."""
    live = LiveReport(example_snapshot())
    documents = FindingDocuments("zh_Hant")
    live, line, _ = watch_line(
        live, 1, json.dumps(EVENTS[0]).encode(), documents
    )
    assert json.loads(line)["changes"]["counts"] != {
        "appeared": 0,
        "resolved": 0,
        "changed": 0,
    }
    assert "\\u" not in line
    assert not line.isascii()
    assert line.startswith('{"line": 1, "notification": ')


def test_an_error_line_is_json_dumps_too():
    live = LiveReport(example_snapshot())
    after, line, outcomes = watch_line(
        live, 4, b"not json", FindingDocuments("en")
    )
    assert after is live
    assert outcomes is None
    document = json.loads(line)
    assert line == json.dumps(document, ensure_ascii=False) + "\n"
    assert list(document) == ["line", "error"]


def test_a_finding_is_rendered_once_and_as_the_report_renders_it():
    live = LiveReport(example_snapshot())
    documents = FindingDocuments("fr_CA", size=2)
    first, second, third = live.findings[:3]
    document = documents(first)
    assert document == finding_document(first, "fr_CA")
    assert documents(first) is document  # remembered
    documents(second)
    documents(third)  # past the size: what was kept is let go
    again = documents(first)
    assert again == document
    assert again is not document
