"""The bundled subscription fee schedule: dated, sourced, validated."""

import json
from datetime import date
from importlib import resources

import pytest

from unified_account import (
    InvalidValueError,
    Marketplace,
    MissingDataError,
    Money,
)
from unified_account.data import (
    SUBSCRIPTION_FEES_FILE,
    _changes,
    _entries,
    bundled_subscription_fees,
)
from unified_account.model.fees import TaxTreatment


def test_the_known_amounts_and_their_caveats():
    """US 39.99 confirmed; MX 600, tax unconfirmed; CA 29.99 unconfirmed."""
    schedule = bundled_subscription_fees()
    day = date(2026, 7, 1)
    us, ca, mx = (
        schedule.fee_on(m, day)
        for m in (Marketplace.US, Marketplace.CA, Marketplace.MX)
    )
    assert (us.amount, us.confirmed) == (Money("39.99", "USD"), True)
    assert (ca.amount, ca.confirmed) == (Money("29.99", "CAD"), False)
    assert (mx.amount, mx.confirmed, mx.tax) == (
        Money("600", "MXN"),
        True,
        TaxTreatment.UNCONFIRMED,
    )
    assert all(entry.source for entry in schedule.entries)


def test_the_faq_era_is_covered_and_the_unknown_start_is_said():
    """Issue 9: no source dates a start, so the data say it is unknown.

    The FAQ predates the August 2021 split billing; its months are
    answered by the earliest amount known, never refused.
    """
    schedule = bundled_subscription_fees()
    for marketplace in (Marketplace.US, Marketplace.CA, Marketplace.MX):
        fee = schedule.fee_on(marketplace, date(2016, 3, 1))
        assert fee.effective is None
        assert not fee.start_known
        assert not fee.known_on(date(2016, 3, 1))
    us = schedule.fee_on(Marketplace.US, date(2021, 8, 1))
    assert us.attested == date(2021, 8, 1)
    assert us.known_on(date(2021, 8, 1))


def test_brazil_is_in_the_data_for_the_brazil_edition():
    """Amazon.com.br fee schedule: R$19.00 a month, tax not stated."""
    fee = bundled_subscription_fees().fee_on(Marketplace.BR, date(2026, 7, 1))
    assert (fee.amount, fee.tax) == (
        Money("19.00", "BRL"),
        TaxTreatment.UNCONFIRMED,
    )


def test_a_date_before_a_dated_schedule_is_a_clear_error():
    """A schedule whose first entry is dated does not answer earlier."""
    from unified_account.model.fees import (
        SubscriptionFee,
        SubscriptionFeeSchedule,
    )

    schedule = SubscriptionFeeSchedule(
        [
            SubscriptionFee(
                marketplace=Marketplace.US,
                amount=Money("39.99", "USD"),
                effective=date(2021, 8, 1),
                source="test",
                confirmed=True,
            )
        ]
    )
    with pytest.raises(MissingDataError, match="starts on `2021-08-01`"):
        schedule.fee_on(Marketplace.US, date(2021, 7, 31))


def test_the_file_is_package_data():
    """Shipped inside the package, next to the loader."""
    text = (
        resources.files("unified_account.data")
        .joinpath(SUBSCRIPTION_FEES_FILE)
        .read_text(encoding="utf-8")
    )
    assert len(json.loads(text)["entries"]) == len(
        bundled_subscription_fees().entries
    )


@pytest.mark.parametrize(
    ("entry", "path"),
    [
        (
            {"amount": {"amount": 39.99, "currency": "USD"}},
            "entries[0].amount.amount",
        ),
        ({"marketplace": "XX"}, "entries[0].marketplace"),
        ({"effective": "2021-13-01"}, "entries[0].effective"),
        ({"confirmed": "yes"}, "entries[0].confirmed"),
    ],
)
def test_a_damaged_file_is_refused_with_its_path(entry, path):
    """Validated on load like a snapshot."""
    good = {
        "marketplace": "US",
        "amount": {"amount": "39.99", "currency": "USD"},
        "effective": "2021-08-01",
        "source": "test",
        "confirmed": True,
    }
    text = json.dumps({"entries": [{**good, **entry}]})
    with pytest.raises(InvalidValueError) as error:
        _entries(text, "fees.json")
    assert error.value.field == f"fees.json: {path}"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"reported": "2026-02-30"}, "changes[0].reported"),
        ({"amount": {"amount": "75.00", "currency": "USD"}}, "changes[0]"),
        ({"source_kind": "rumour"}, "changes[0].source_kind"),
    ],
)
def test_a_damaged_plan_change_is_refused_with_its_path(change, path):
    """Issue 17: the dated plan changes are validated like the entries."""
    good = {
        "marketplace": "MX",
        "reported": "2026-02-01",
        "free_months": 12,
        "amount": {"amount": "75.00", "currency": "MXN"},
        "below_sales": {"amount": "26000.00", "currency": "MXN"},
        "source": "test",
        "source_kind": "press",
        "confirmed": False,
    }
    text = json.dumps({"entries": [], "changes": [{**good, **change}]})
    with pytest.raises(InvalidValueError) as error:
        _changes(text, "fees.json")
    assert error.value.field.startswith(f"fees.json: {path}")
    assert _changes(json.dumps({"entries": []}), "fees.json") == ()
