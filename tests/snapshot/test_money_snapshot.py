"""Snapshot money, orders, brands and storefront, read strictly.

Errors name their JSON path, in the library and through the command.
"""

import json

import pytest

from unified_account import (
    Marketplace,
    Money,
    SnapshotError,
    build_report,
    parse_snapshot,
)
from unified_account.cli import main
from unified_account.snapshot import example_snapshot, example_text


def document():
    return json.loads(example_text())


def test_the_example_has_orders_in_usd_cad_and_mxn():
    """And every optional section of the format."""
    seller = example_snapshot()
    assert {
        o.total.currency
        for o in seller.orders
        if o.marketplace in {Marketplace.US, Marketplace.CA, Marketplace.MX}
        and o.total
    } == {"USD", "CAD", "MXN"}
    assert seller.as_of is not None
    assert seller.storefront_link is not None
    assert seller.sales
    assert seller.per_item_fees
    assert seller.brands
    assert seller.brand_attributes
    assert seller.fee_schedule.fee_on(
        Marketplace.US, seller.as_of
    ).amount == Money("39.99", "USD")


def test_a_snapshot_without_the_new_sections_still_reads():
    """Every new section is optional."""
    old = {
        key: value
        for key, value in document().items()
        if key in {"version", "account", "separate_accounts"}
    }
    seller = parse_snapshot(json.dumps(old))
    assert seller.orders == ()
    assert seller.as_of is None
    assert seller.storefront_link is None


def _break(change):
    data = document()
    change(data)
    return data


def _set(path, value):
    def change(data):
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


BROKEN = {
    "float amount": (
        _set(["orders", 0, "total", "amount"], 11.01),
        "orders[0].total.amount",
        "float",
    ),
    "unknown currency": (
        _set(["sales", 0, "price", "currency"], "USX"),
        "sales[0].price.currency",
        "unknown currency `USX`",
    ),
    "missing rate": (
        _set(
            ["conversion_rates"],
            [{"source": "CAD", "target": "USD", "rate": "0.7312"}],
        ),
        "conversion_rates",
        "no conversion rate from `MXN` to `USD`",
    ),
    "payout country that is not a code": (
        _set(["payout_bank_countries"], ["US", "usa"]),
        "payout_bank_countries[1]",
        "not an ISO 3166 country code",
    ),
    "charge in the wrong currency": (
        _set(
            ["subscription_charges", 0, "amount"],
            {"amount": "1.00", "currency": "CAD"},
        ),
        "subscription_charges[0].amount",
        "not in `USD`",
    ),
    "price in the wrong currency": (
        _set(["sales", 2, "price"], {"amount": "349.50", "currency": "USD"}),
        "sales[2].price",
        "not in `MXN`",
    ),
    "float rate": (
        _set(["conversion_rates", 0, "rate"], 0.7312),
        "conversion_rates[0].rate",
        "float",
    ),
    "order total in another currency": (
        _set(["orders", 3, "total"], {"amount": "54.20", "currency": "USD"}),
        "orders[3].total",
        "not in `CAD`",
    ),
    "naive purchase time": (
        _set(["orders", 0, "purchased_at"], "2026-07-01T15:04:05"),
        "orders[0].purchased_at",
        "no time zone",
    ),
    "duplicate order": (
        lambda d: d["orders"].append(d["orders"][0]),
        "orders[8].order_id",
        "appears twice",
    ),
    "sale without a schedule": (
        lambda d: d["per_item_fees"].pop(),
        "sales[2].marketplace",
        "no per-item fee schedule for `MX`",
    ),
    "storefront outside home": (
        _set(["storefront_link"], "https://www.amazon.ca/stores/X"),
        "storefront_link",
        "home marketplace",
    ),
    "orders not an array": (
        _set(["orders"], {"a": 1}),
        "orders",
        "expected an array",
    ),
    "unknown key": (
        _set(["brands", 0, "approval"], ["US"]),
        "brands[0]",
        "unknown field `approval`",
    ),
    "unknown report currency": (
        _set(["report_currency"], "XYZ"),
        "report_currency",
        "unknown currency",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_bad_snapshot_names_the_json_path(case):
    """One SnapshotError, with the path of the problem."""
    change, path, problem = BROKEN[case]
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(_break(change)), "seller.json")
    assert error.value.path == path
    assert problem in error.value.problem
    assert str(error.value).startswith(f"seller.json: {path}: ")


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_the_command_reports_the_path_with_status_2_and_no_output(
    case, tmp_path, capsys
):
    """Exit status 2, nothing on stdout, the path on stderr."""
    change, path, _ = BROKEN[case]
    seller = tmp_path / "seller.json"
    seller.write_text(json.dumps(_break(change)), encoding="utf-8")
    status = main(["report", str(seller), "--format", "json"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert f"{seller}: {path}: " in err


def test_a_date_the_fee_data_do_not_cover_loads_and_is_undetermined():
    """Issue 9: a gap in the fee data is no error; the report says so."""
    document = json.loads(example_text())
    document["as_of"] = "2016-03-01"
    document["subscription_fees"] = [
        {
            "marketplace": "US",
            "amount": {"amount": "39.99", "currency": "USD"},
            "effective": "2021-08-01",
            "source": "a caller schedule that starts in August 2021",
            "confirmed": True,
        }
    ]
    report = build_report(parse_snapshot(json.dumps(document)))
    subscription = [
        (f.outcome.value, f.message_id)
        for f in report.findings
        if f.subject.path == "account:A1EXAMPLEUS/subscription"
    ]
    assert subscription == [
        ("undetermined", "single-subscription.fee-unknown")
    ]
