"""The report on the bundled example covers the six money rules."""

import json

from unified_account import build_report, example_snapshot
from unified_account.cli import main
from unified_account.edition import SPLIT_SUBSCRIPTION

KEYS = {
    "single-subscription",
    "per-item-fees-by-sale-marketplace",
    "local-payout",
    "order-tracking",
    "brand-registry-propagation",
    "storefront-origin",
}


def report_json(capsys, *args):
    assert main(["report", "--format", "json", "--all", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_json_report_has_findings_for_all_six_keys(capsys):
    """unified-account report --format json on the example."""
    findings = report_json(capsys)["findings"]
    assert {f["rule"] for f in findings} >= KEYS


def test_the_combined_order_report_keeps_a_total_per_currency(capsys):
    """USD, CAD and MXN totals apart, and one converted figure."""
    findings = report_json(capsys)["findings"]
    totals = {
        f["subject"]["path"]: f["params"]["total"]
        for f in findings
        if f["subject"]["path"].startswith("orders/currency:")
    }
    assert totals == {
        "orders/currency:USD": {"amount": "61.00", "currency": "USD"},
        "orders/currency:CAD": {"amount": "184.20", "currency": "CAD"},
        "orders/currency:MXN": {"amount": "1999.00", "currency": "MXN"},
    }
    converted = next(
        f for f in findings if f["subject"]["path"] == "orders/converted"
    )
    assert converted["params"]["total"] == {
        "amount": "305.04",
        "currency": "USD",
    }
    assert converted["params"]["rates"] == ["CAD/USD 0.7312", "MXN/USD 0.0547"]
    outside = next(
        f for f in findings if f["subject"]["path"] == "orders/marketplace:BR"
    )
    assert outside["outcome"] == "warning"


def test_both_sides_of_the_brand_and_storefront_rules_appear():
    """Allowed and refused, propagated and not."""
    report = build_report(example_snapshot())
    outcomes = {(str(f.rule), f.outcome.value) for f in report.findings}
    assert {
        ("storefront-origin", "allowed"),
        ("storefront-origin", "denied"),
        ("brand-registry-propagation", "allowed"),
        ("brand-registry-propagation", "warning"),
    } <= outcomes


def test_the_split_subscription_edition_warns_instead_of_guessing(capsys):
    """No amount is made up for split billing."""
    findings = report_json(capsys, "--edition", "split-subscription")[
        "findings"
    ]
    subscription = [f for f in findings if f["rule"] == "single-subscription"]
    assert [(f["outcome"], f["message_id"]) for f in subscription] == [
        ("warning", "single-subscription.split-not-computed")
    ]
    assert SPLIT_SUBSCRIPTION.name == "split-subscription"


def test_every_edition_reports_on_the_example(capsys):
    """No edition makes the report fail."""
    from unified_account import EDITIONS

    for name in EDITIONS:
        assert KEYS & {
            f["rule"]
            for f in report_json(capsys, "--edition", name)["findings"]
        }
