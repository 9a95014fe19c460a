"""The report on the bundled example covers the six money rules."""

import json

import attrs

from unified_account import Marketplace, build_report, example_snapshot
from unified_account.cli import main
from unified_account.edition import SPLIT_SUBSCRIPTION
from unified_account.model.account import BankAccount

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


def test_the_split_subscription_edition_reports_the_published_terms(
    capsys,
):
    """Issue 9: charged where active, in each currency, capped; no shares.

    Amazon (2021-08-01): "billed in each country in which you have active
    listings on your billing day"; "limited to no more than the
    equivalent USD 39.99 per month (exclusive of tax, except in Mexico
    and Brazil)".  The example lists actively in all three marketplaces.
    """
    findings = report_json(capsys, "--edition", "split-subscription")[
        "findings"
    ]
    subscription = [
        (f["outcome"], f["message_id"], f["params"].get("marketplace"))
        for f in findings
        if f["subject"]["path"] == "account:A1EXAMPLEUS/subscription"
        and "audit" not in f["message_id"]
    ]
    assert subscription == [
        ("info", "single-subscription.split-billed", None),
        ("info", "single-subscription.split-cap-tax-excluded", "US"),
        ("undetermined", "single-subscription.split-share-unknown", "US"),
        ("info", "single-subscription.split-cap-tax-excluded", "CA"),
        ("undetermined", "single-subscription.split-share-unknown", "CA"),
        ("info", "single-subscription.split-cap-tax-included", "MX"),
        ("undetermined", "single-subscription.split-share-unknown", "MX"),
    ]
    assert SPLIT_SUBSCRIPTION.name == "split-subscription"


def test_the_split_edition_audits_the_recorded_charges(capsys):
    """Two billing days in July, and an MX charge on a day not described."""
    findings = report_json(capsys, "--edition", "split-subscription")[
        "findings"
    ]
    audit = [
        (f["outcome"], f["message_id"])
        for f in findings
        if f["subject"]["path"] == "account:A1EXAMPLEUS/subscription"
        and "audit" in f["message_id"]
    ]
    assert audit == [
        ("warning", "single-subscription.audit-several-billing-days")
    ]


def test_every_edition_reports_on_the_example(capsys):
    """No edition makes the report fail."""
    from unified_account import EDITIONS

    for name in EDITIONS:
        assert KEYS & {
            f["rule"]
            for f in report_json(capsys, "--edition", name)["findings"]
        }


def test_a_local_bank_account_is_paid_directly_without_a_list():
    """Issue 17: the customised CAD account in Canada, on Amazon.ca.

    FAQ: a seller registered in the US, Canada or Mexico is paid
    directly, in local currency, to a local bank account.
    """
    report = build_report(example_snapshot())
    payout = [
        (f.outcome.value, f.message_id)
        for f in report.findings
        if f.subject.path == "account:A1EXAMPLEUS/marketplace:CA"
        and str(f.rule) == "local-payout"
    ]
    assert payout == [("info", "local-payout.direct")]


def test_a_payout_to_a_bank_country_not_in_any_list_is_undetermined():
    """Issue 9: a Hong Kong account for Amazon.ca, with no list.

    FAQ: a new seller is paid directly "只要您具有亞馬遜支持國家／地區的
    銀行帳戶"; which countries those are is not data the library holds.
    """
    snapshot = example_snapshot()
    info = attrs.evolve(
        snapshot.account.info_overrides[Marketplace.CA],
        bank=BankAccount(country="HK", currency="USD", masked_id="****0002"),
    )
    report = build_report(
        attrs.evolve(
            snapshot,
            account=attrs.evolve(
                snapshot.account, info_overrides={Marketplace.CA: info}
            ),
        )
    )
    payout = [
        (f.outcome.value, f.message_id)
        for f in report.findings
        if f.subject.path == "account:A1EXAMPLEUS/marketplace:CA"
        and str(f.rule) == "local-payout"
    ]
    assert payout == [("undetermined", "local-payout.bank-country-unknown")]


def test_the_snapshots_list_of_bank_countries_decides_the_payout():
    """With the caller's list, CA is paid directly; without CA, a warning."""
    snapshot = example_snapshot()
    for countries, expected in (
        (("US", "CA"), ("info", "local-payout.direct")),
        (("US",), ("warning", "local-payout.bank-country-not-supported")),
    ):
        report = build_report(
            attrs.evolve(snapshot, payout_bank_countries=countries)
        )
        payout = [
            (f.outcome.value, f.message_id)
            for f in report.findings
            if f.subject.path == "account:A1EXAMPLEUS/marketplace:CA"
            and str(f.rule) == "local-payout"
        ]
        assert payout == [expected]
