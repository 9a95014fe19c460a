"""The report's listings-and-inventory findings on the example seller."""

import json

import attrs

from unified_account import (
    REMOTE_FULFILLMENT,
    FindingOutcome,
    RuleKey,
    build_report,
    example_snapshot,
)
from unified_account.cli import main

INVENTORY_RULES = {
    "per-marketplace-listing",
    "mfn-inventory",
    "fba-pool-separation",
    "marketplace-specific-deletion",
}


def findings(report, subject):
    return [
        (str(f.rule), f.outcome, f.message_id)
        for f in report.findings
        if f.subject.path == subject
    ]


def test_the_json_report_has_findings_for_all_four_rules(capsys):
    """`report --format json --all` covers every inventory key."""
    assert main(["report", "--format", "json", "--all"]) == 0
    document = json.loads(capsys.readouterr().out)
    rules = {finding["rule"] for finding in document["findings"]}
    assert rules >= INVENTORY_RULES


def test_an_empty_canadian_fba_pool_beside_us_stock_is_a_warning():
    """fba-pool-separation: US stock cannot serve the CA listing."""
    report = build_report(example_snapshot())
    assert (
        "fba-pool-separation",
        FindingOutcome.WARNING,
        "fba-pool-separation.not-here",
    ) in findings(report, "listing:LAMP-DESK-LED@CA")


def test_remote_fulfillment_drops_that_warning():
    """With Remote Fulfillment, US stock serves the enrolled CA offer.

    Amazon: "Fulfillment by Amazon will use your inventory in US
    fulfillment centers to fulfill orders across the border".  The
    example enrols LAMP-DESK-LED for Amazon.ca.
    """
    report = build_report(example_snapshot(), edition=REMOTE_FULFILLMENT)
    outcomes = findings(report, "listing:LAMP-DESK-LED@CA")
    assert (
        "fba-pool-separation",
        FindingOutcome.INFO,
        "fba-pool-separation.remote",
    ) in outcomes
    assert all(
        outcome is not FindingOutcome.WARNING for _, outcome, _ in outcomes
    )


def test_a_shared_pool_at_zero_is_off_offer_everywhere():
    """marketplace-specific-deletion: the zero-quantity exception."""
    report = build_report(example_snapshot())
    (finding,) = [
        f
        for f in report.findings
        if f.subject.path == "sku:CANDLE-SOY-8"
        and f.rule is RuleKey.MARKETPLACE_SPECIFIC_DELETION
    ]
    assert finding.outcome is FindingOutcome.WARNING
    assert len(dict(finding.params)["marketplaces"]) == 3


def test_a_listing_deleted_in_one_marketplace_but_live_elsewhere():
    """marketplace-specific-deletion: the others must be deleted too."""
    report = build_report(example_snapshot())
    assert findings(report, "listing:TOTE-CANVAS@CA") == [
        (
            "marketplace-specific-deletion",
            FindingOutcome.WARNING,
            "marketplace-specific-deletion.live-elsewhere",
        )
    ]


def test_a_listing_where_the_account_may_not_list_is_denied():
    """home-only-by-default: a listing in a marketplace not turned on."""
    snapshot = example_snapshot()
    home_only = attrs.evolve(
        snapshot.account,
        marketplaces=frozenset({snapshot.account.home}),
        info_overrides={},
    )
    report = build_report(attrs.evolve(snapshot, account=home_only))
    denied = {
        f.rule
        for f in report.findings
        if f.subject.path == "listing:MUG-CERAMIC-12@CA"
        and f.outcome is FindingOutcome.DENIED
    }
    assert denied == {RuleKey.HOME_ONLY_BY_DEFAULT}


def test_a_snapshot_without_a_catalogue_has_no_inventory_findings():
    """The catalogue is optional; without one the section is empty."""
    snapshot = attrs.evolve(example_snapshot(), catalog=type(
        example_snapshot().catalog)())  # fmt: skip
    rules = {str(f.rule) for f in build_report(snapshot).findings}
    assert not rules & INVENTORY_RULES


def test_remote_fulfillment_never_pools_a_sku_that_is_not_enrolled():
    """Without enrolment, the empty CA pool still cannot use US stock."""
    snapshot = example_snapshot()
    record = snapshot.catalog.record("LAMP-DESK-LED")
    catalog = snapshot.catalog.with_record(
        attrs.evolve(record, remote_fulfillment=())
    )
    report = build_report(
        attrs.evolve(snapshot, catalog=catalog), edition=REMOTE_FULFILLMENT
    )
    assert (
        "fba-pool-separation",
        FindingOutcome.WARNING,
        "fba-pool-separation.not-here",
    ) in findings(report, "listing:LAMP-DESK-LED@CA")
