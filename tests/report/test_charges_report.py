"""``import-spapi`` a year of settlements ``| report -``: the audit shown."""

from __future__ import annotations

import io
import json
import sys

from money_files import year_of_settlements
from unified_account import build_report
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
    assert (status, err) == (0, "")
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
