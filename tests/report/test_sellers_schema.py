"""The many-seller JSON Lines output matches its own published schema.

Real lines are checked: reports, a snapshot that cannot be read, and a
seller whose workers died (``lost``).
"""

from __future__ import annotations

import io
import json
import os
import signal

import jsonschema
import pytest
import referencing

import unified_account.batch
from unified_account.batch import SellerJob, report_many
from unified_account.report.formats import SCHEMA_VERSION, schema_text
from unified_account.snapshot import example_text


def _validator():
    sellers = json.loads(schema_text("sellers"))
    report = json.loads(schema_text("report"))
    jsonschema.Draft202012Validator.check_schema(sellers)
    registry = referencing.Registry().with_resources(
        [
            (document["$id"], referencing.Resource.from_contents(document))
            for document in (sellers, report)
        ]
    )
    return jsonschema.Draft202012Validator(
        sellers,
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


VALIDATOR = _validator()


def test_the_schema_carries_its_version():
    assert json.loads(schema_text("sellers"))["$id"].endswith(
        f"/sellers-{SCHEMA_VERSION}.schema.json"
    )


def test_reports_errors_and_lost_sellers_match(monkeypatch):
    real = unified_account.batch._evaluate

    def dying(options, job):
        if job.source == "lost":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(options, job)

    monkeypatch.setattr(unified_account.batch, "_evaluate", dying)
    jobs = [
        SellerJob("good", text=example_text().encode()),
        SellerJob("bad", text=b"{"),
        SellerJob("lost", text=example_text().encode()),
    ]
    out = io.StringIO()
    report_many(jobs, out, format="json", workers=2)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [sorted(line) for line in lines] == [
        ["report", "source"],
        ["error", "source"],
        ["error", "lost", "source"],
    ]
    for line in lines:
        VALIDATOR.validate(line)


@pytest.mark.parametrize(
    "line",
    [
        {"source": "a"},
        {"report": {}},
        {"source": "a", "error": ""},
        {"source": "a", "error": "x", "lost": False},
        {"source": "a", "error": "x", "report": {}},
        {"source": "a", "report": {"schema_version": 1}},
    ],
)
def test_a_wrong_line_fails_the_schema(line):
    """Not vacuous: each of these is refused."""
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(line)
