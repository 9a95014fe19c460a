"""A finding's key: stable, never shared within a report, recomputable.

The key leaves out the describing parameters only: two findings that
differ in anything else differ in key, and a finding whose numbers moved
keeps its key.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unified_account import EDITIONS, build_report, example_snapshot
from unified_account import strategies as ua
from unified_account.i18n import SUPPORTED_LOCALES
from unified_account.message_ids import MESSAGES
from unified_account.model.marketplace import Marketplace
from unified_account.report.finding import Finding, FindingOutcome
from unified_account.report.formats import report_json
from unified_account.report.identity import (
    DESCRIBING,
    KEY_LENGTH,
    digest,
)
from unified_account.report.subject import Subject, SubjectKind

CA = Marketplace.CA
LISTING = Subject(kind=SubjectKind.LISTING, sku="MUG-1", marketplace=CA)


def pool(quantity: int, marketplace: Marketplace = CA) -> Finding:
    return Finding(
        "fba-pool-separation",
        FindingOutcome.INFO,
        LISTING,
        "fba-pool-separation.pool",
        {"marketplace": marketplace, "quantity": quantity, "sku": "MUG-1"},
    )


def test_a_key_is_32_hexadecimal_digits():
    key = pool(40).key
    assert len(key) == KEY_LENGTH == 32
    assert int(key, 16) >= 0


def test_a_pool_that_moved_keeps_its_key():
    """``quantity`` describes: 40 units or 0, the same finding."""
    assert pool(40).key == pool(0).key
    assert pool(40) != pool(0)


def test_an_identifying_parameter_changes_the_key():
    """``marketplace`` identifies: another marketplace, another finding."""
    assert pool(40).key != pool(40, Marketplace.US).key


def test_the_outcome_is_not_part_of_the_key():
    allowed = Finding(
        "marketplace-specific-deletion",
        FindingOutcome.ALLOWED,
        LISTING,
        "marketplace-specific-deletion.deleted",
    )
    denied = Finding(
        "marketplace-specific-deletion",
        FindingOutcome.DENIED,
        LISTING,
        "marketplace-specific-deletion.deleted",
    )
    assert allowed.key == denied.key


def test_the_rule_subject_and_message_id_are_part_of_the_key():
    other_subject = Subject(kind=SubjectKind.SKU, sku="MUG-1")
    base = pool(1)
    assert (
        Finding(
            base.rule,
            base.outcome,
            other_subject,
            base.message_id,
            base.params,
        ).key
        != base.key
    )
    assert (
        Finding(
            base.rule,
            base.outcome,
            base.subject,
            "fba-pool-separation.sold",
            base.params,
        ).key
        != base.key
    )


def test_the_key_is_the_documented_digest():
    """SHA-256 of the sorted, compact JSON of the identifying parts."""
    import hashlib

    document = {
        "message_id": "fba-pool-separation.pool",
        "params": {"marketplace": "CA", "sku": "MUG-1"},
        "rule": "fba-pool-separation",
        "subject": {"kind": "listing", "marketplace": "CA", "sku": "MUG-1"},
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    expected = hashlib.sha256(text.encode()).hexdigest()[:32]
    assert pool(7).key == digest(document) == expected


def test_every_describing_name_is_a_parameter_of_some_message():
    """The list holds no stale names."""
    names = {p.name for spec in MESSAGES.values() for p in spec.params}
    assert names >= DESCRIBING


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_the_example_reports_keys_are_unique(edition):
    report = build_report(example_snapshot(), edition=EDITIONS[edition])
    counts = Counter(finding.key for finding in report.findings)
    assert counts.most_common(1)[0][1] == 1


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ua.snapshots(), ua.editions())
def test_no_two_findings_of_a_report_share_a_key(snapshot, edition):
    report = build_report(snapshot, edition=edition)
    keys = [finding.key for finding in report.findings]
    assert len(set(keys)) == len(keys)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(SUPPORTED_LOCALES))
def test_the_json_report_writes_the_same_key_in_every_locale(locale):
    report = build_report(example_snapshot())
    written = json.loads(report_json(report, locale))["findings"]
    assert [f["key"] for f in written] == [f.key for f in report.findings]


def test_the_key_is_recomputed_from_a_saved_finding():
    """Every part of the key is in the JSON report: a tool can check it."""
    report = build_report(example_snapshot())
    for document in json.loads(report_json(report, "fr_CA"))["findings"]:
        subject = {
            name: value
            for name, value in document["subject"].items()
            if value is not None and name != "path"
        }
        params = {
            name: value
            for name, value in document["params"].items()
            if name not in DESCRIBING
        }
        identity = {
            "rule": document["rule"],
            "subject": subject,
            "message_id": document["message_id"],
            "params": params,
        }
        assert digest(identity) == document["key"]


def test_the_key_is_the_same_in_another_process():
    """No hash seed or run-time state enters the key."""
    code = (
        "from unified_account import build_report, example_snapshot;"
        "print(','.join(f.key for f in build_report("
        "example_snapshot()).findings))"
    )
    keys = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123"},
    ).stdout.strip()
    report = build_report(example_snapshot())
    assert keys == ",".join(f.key for f in report.findings)


def test_the_report_schema_describes_the_key():
    """The published schema names the key and its form."""
    from unified_account.report.formats import schema_text

    finding = json.loads(schema_text("report"))["$defs"]["finding"]
    assert finding["properties"]["key"]["pattern"] == "^[0-9a-f]{32}$"


def test_two_set_asides_of_one_item_differ_by_detail():
    """A notification's notes for two marketplaces are two findings."""
    subject = Subject(kind=SubjectKind.IMPORT, reference="notifications/A")
    notes = [
        Finding(
            "per-marketplace-listing",
            FindingOutcome.INFO,
            subject,
            "per-marketplace-listing.set-aside.incomplete-listing",
            {
                "detail": where,
                "path": "Payload",
                "source": "n",
                "subject": "A",
            },
        )
        for where in ("US", "CA")
    ]
    assert notes[0].key != notes[1].key
