"""A month as message text: ISO in JSON, the locale's words when read."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    InvalidValueError,
    Marketplace,
    Money,
    RecordedCharge,
    render,
)
from unified_account.i18n import SUPPORTED_LOCALES, format_param
from unified_account.model.months import MonthText
from unified_account.policy.split_subscription import (
    audit_subscription_charges,
)

MONTHS = {
    "en": "July 2026",
    "fr_CA": "juillet 2026",
    "es_MX": "julio de 2026",
    "zh_Hans": "2026年7月",
    "zh_Hant": "2026年7月",
}


@pytest.mark.parametrize(("locale", "text"), MONTHS.items())
def test_a_month_reads_as_the_locale_writes_it(locale, text):
    assert format_param(MonthText("2026-07"), locale) == text


@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(SUPPORTED_LOCALES))
def test_a_month_is_its_iso_text_and_renders_its_year(day, locale):
    month = MonthText.of(day)
    assert month == f"{day.year:04d}-{day.month:02d}"
    assert month.first_day == day.replace(day=1)
    assert str(day.year) in format_param(month, locale)
    assert format_param(month, locale) != month


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-00", "0000-01", "2026-7", "July", " 2026-07"]
)
def test_a_text_that_is_no_month_is_refused(text):
    with pytest.raises(InvalidValueError, match="is not a month") as caught:
        MonthText(text)
    assert caught.value.field == "month"


def _charge(day, reference):
    return RecordedCharge(
        marketplace=Marketplace.US,
        charged_on=day,
        amount=Money("39.99", "USD"),
        reference=reference,
    )


def test_the_audit_names_its_month_in_the_readers_words():
    audit = audit_subscription_charges(
        [_charge(date(2026, 7, 1), "A"), _charge(date(2026, 7, 15), "B")],
        active_on={
            date(2026, 7, 1): frozenset({Marketplace.US}),
            date(2026, 7, 15): frozenset({Marketplace.US}),
        },
    )
    (reason,) = [
        r
        for r in audit.reasons
        if r.message_id == "single-subscription.audit-several-billing-days"
    ]
    month = dict(reason.params)["month"]
    assert month == "2026-07"
    assert type(month) is MonthText
    assert "juillet 2026" in render(reason.message_id, reason.params, "fr_CA")
    assert "2026年7月" in render(reason.message_id, reason.params, "zh_Hant")
