"""``import-spapi`` a year of settlements ``| report -``: the audit shown."""

from __future__ import annotations

import io
import json
import sys

import attrs

from money_files import year_of_settlements
from unified_account import Deposit, Marketplace, Money, build_report
from unified_account.cli import main
from unified_account.snapshot import example_snapshot


def run(capsys, *argv):
    """The command's status, output and error output."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_year_of_settlements_shows_the_planted_problems_only(
    capsys, monkeypatch, tmp_path
):
    """March's second subscription, May's USD fee on an Amazon.ca order.

    Every other month is clean and silent; the Non-Amazon line of August
    is set aside; a summary per currency closes the audit.
    """
    for name, text in year_of_settlements().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = sorted(str(path) for path in tmp_path.iterdir())
    status, out, err = run(
        capsys,
        "import-spapi",
        "--home",
        "US",
        "--seller-id",
        "A1EXAMPLEUS",
        "--plan",
        "professional",
        *files,
    )
    # Without --as-of the command notes that the snapshot has no billing
    # date; the charges audit dates each charge itself.
    assert status == 0
    assert err.startswith("unified-account: note: no --as-of date")
    assert err.count("\n") == 1
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(out.encode()))
    )
    status, report, err = run(
        capsys, "report", "-", "--format", "json", "--all"
    )
    assert (status, err) == (0, "")
    findings = json.loads(report)["findings"]
    warnings = [
        f
        for f in findings
        if f["outcome"] == "warning"
        and f["rule"]
        in ("single-subscription", "per-item-fees-by-sale-marketplace")
    ]
    assert sorted(f["message_id"] for f in warnings) == [
        "per-item-fees-by-sale-marketplace.charge-currency",
        "single-subscription.charge-repeated",
    ]
    sources = sorted(dict(f["params"])["source"] for f in warnings)
    assert "settlement-US-2020-03.txt: line" in sources[0]
    assert "settlement-US-2020-05.txt: line 13" in sources[1]
    set_aside = [
        f for f in findings if f["subject"]["path"].startswith("import:")
    ]
    assert [f["message_id"] for f in set_aside] == [
        "na-scope.set-aside.non-amazon-order"
    ]
    summaries = [
        f
        for f in findings
        if f["message_id"] == "order-tracking.charges-summary"
    ]
    assert [dict(f["params"])["currency"] for f in summaries] == [
        "CAD",
        "MXN",
        "USD",
    ]


def test_a_snapshot_without_charges_has_no_audit():
    """No charges, no deposits: no summary, nothing audited."""
    report = build_report(example_snapshot())
    assert not any(
        f.message_id == "order-tracking.charges-summary"
        for f in report.findings
    )


def _events_json(orders):
    """Finances v0 events: each ``(order, commission)`` of April, Amazon.ca.

    Amounts are written as JSON numbers, as Amazon writes them.
    """
    events = [
        {
            "AmazonOrderId": order,
            "MarketplaceName": "Amazon.ca",
            "PostedDate": "2020-04-15T09:00:00Z",
            "ShipmentItemList": [
                {
                    "SellerSKU": "MUG-1",
                    "ItemFeeList": [
                        {
                            "FeeType": "Commission",
                            "FeeAmount": {
                                "CurrencyCode": "CAD",
                                "CurrencyAmount": "@@" + amount + "@@",
                            },
                        }
                    ],
                }
            ],
        }
        for order, amount in orders
    ]
    text = json.dumps(
        {"payload": {"FinancialEvents": {"ShipmentEventList": events}}}
    )
    return text.replace('"@@', "").replace('@@"', "")


def test_the_api_and_the_settlement_together_count_once_and_conflict(
    capsys, monkeypatch, tmp_path
):
    """A fee both give counts once; one they disagree on is a finding."""
    for name, text in year_of_settlements().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    events = tmp_path / "finances.json"
    events.write_text(
        _events_json(
            [
                ("101-0000004-0000000", "-4.05"),
                ("101-0000004-0000001", "-4.50"),
            ]
        ),
        encoding="utf-8",
    )
    files = sorted(str(p) for p in tmp_path.iterdir() if p.suffix == ".txt")
    status, out, _ = run(
        capsys,
        "import-spapi",
        "--home",
        "US",
        "--plan",
        "professional",
        *files,
        str(events),
    )
    assert status == 0
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(out.encode()))
    )
    _, report, _ = run(capsys, "report", "-", "--format", "json", "--all")
    findings = json.loads(report)["findings"]
    conflicts = [
        f for f in findings if f["message_id"].endswith("charge-conflict")
    ]
    (conflict,) = conflicts
    params = dict(conflict["params"])
    assert params["source"].startswith(str(events))
    assert "settlement-CA-2020-04.txt: line" in params["other_source"]
    (cad,) = [
        dict(f["params"])
        for f in findings
        if f["message_id"] == "order-tracking.charges-summary"
        and dict(f["params"])["currency"] == "CAD"
    ]
    # 36 referral fees of the Canadian files, the conflicting reading,
    # and 12 deposits: the fee both sources give counts once.
    assert cad["audited"] == 36 + 1 + 12


def test_a_deposit_in_a_currency_the_bank_cannot_receive_is_a_warning():
    """MXN deposited for Amazon.com, whose bank account takes USD."""
    snapshot = attrs.evolve(
        example_snapshot(),
        deposits=[
            Deposit(
                settlement_id="9001",
                amount=Money("10.00", "MXN"),
                source="s.txt: line 2",
                marketplace=Marketplace.US,
            ),
            Deposit(
                settlement_id="9002",
                amount=Money("10.00", "USD"),
                source="s.txt: line 2",
                marketplace=Marketplace.US,
            ),
        ],
    )
    (finding,) = [
        f
        for f in build_report(snapshot).findings
        if f.message_id.startswith("local-payout.deposit")
    ]
    assert finding.message_id == "local-payout.deposit-currency"
    assert finding.subject.path == "account:A1EXAMPLEUS/marketplace:US"
