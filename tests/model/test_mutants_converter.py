"""The snapshot loader's refusals of JSON values, word for word.

Each hook of the model's JSON converter says what it expected and quotes
what it got, at the value's JSON path: a whole number, a date, a date and
time with a time zone, an object, a storefront link, a key attribute
value.  These pin the whole message, so a hook that names the wrong
thing, or quotes nothing, is caught.
"""

import json

import pytest

from unified_account import Marketplace, SnapshotError, parse_snapshot
from unified_account.model.orders import OrderStatus
from unified_account.snapshot import example_text

_DATETIME = "a date and time with a time zone (`2026-07-01T12:00:00Z`)"


def _refusal(change):
    """The path and problem of the example snapshot after ``change``."""
    document = json.loads(example_text())
    change(document)
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document), "seller.json")
    return error.value.path, error.value.problem


def _set(*steps, value):
    """A change that puts ``value`` at ``steps`` in the document."""

    def change(document):
        for step in steps[:-1]:
            document = document[step]
        document[steps[-1]] = value

    return change


def test_a_version_that_is_not_a_whole_number():
    """``version`` is a whole number; text is named as text."""
    assert _refusal(_set("version", value="1")) == (
        "version",
        "expected a whole number, got a string",
    )


class TestDates:
    """``as_of`` is a JSON string holding a calendar date, YYYY-MM-DD."""

    def test_a_number_is_not_a_date(self):
        """The expected form is named, and what came instead."""
        assert _refusal(_set("as_of", value=20260701)) == (
            "as_of",
            "expected a date (YYYY-MM-DD), got a whole number",
        )

    @pytest.mark.parametrize(
        "text",
        [
            "2026-7-1",  # not the schema's grammar
            "2026-02-30",  # the grammar, but no such day
        ],
    )
    def test_text_that_is_not_a_date_is_quoted(self, text):
        """Bad form or a day no calendar has: the text is quoted."""
        assert _refusal(_set("as_of", value=text)) == (
            "as_of",
            f"`{text}` is not a date (YYYY-MM-DD)",
        )


class TestDatesAndTimes:
    """An order's ``purchased_at`` is a date and time with a time zone."""

    PATH = "orders[0].purchased_at"

    def _refusal(self, value):
        return _refusal(_set("orders", 0, "purchased_at", value=value))

    def test_a_number_is_not_a_moment(self):
        """The expected form, with its example, is named."""
        assert self._refusal(1751371200) == (
            self.PATH,
            f"expected {_DATETIME}, got a whole number",
        )

    @pytest.mark.parametrize(
        "text",
        [
            "2026-07-01 12:00:00Z",  # not the schema's grammar
            "2026-02-30T12:00:00Z",  # the grammar, but no such day
            "2026-07-01T25:00:00Z",  # nor such an hour
        ],
    )
    def test_text_that_is_not_a_moment_is_quoted(self, text):
        """Bad form or an impossible moment: the text is quoted."""
        problem = f"`{text}` is not {_DATETIME}"
        assert self._refusal(text) == (self.PATH, problem)

    def test_a_moment_without_a_time_zone(self):
        """A local time is ambiguous: the text is quoted and the rule said."""
        assert self._refusal("2026-07-01T12:00:00") == (
            self.PATH,
            f"`2026-07-01T12:00:00` has no time zone; {_DATETIME}",
        )


def test_account_overrides_that_are_not_an_object():
    """``info_overrides`` maps marketplaces to account info: an object."""
    assert _refusal(_set("account", "info_overrides", value=["CA"])) == (
        "account.info_overrides",
        "expected an object, got an array",
    )


def test_a_storefront_link_that_is_not_text():
    """The link is a string; the expected form is shown."""
    assert _refusal(_set("storefront_link", value=7)) == (
        "storefront_link",
        "expected a link (`https://www.amazon.com/stores/...`), got a whole "
        "number",
    )


def test_a_key_attribute_value_that_is_neither_text_nor_an_object():
    """A key attribute value is a string or ``{value, language_tag}``."""
    change = _set("brand_attributes", 0, "attributes", "brand", value=7)
    assert _refusal(change) == (
        "brand_attributes[0].attributes.brand",
        "expected a string or an object with `value`, got a whole number",
    )


class TestMarketplaceCodes:
    """A marketplace is a country code the catalogue knows."""

    def test_a_number_is_not_a_code(self):
        """The expected form, with examples, is named."""
        assert _refusal(_set("account", "home", value=5)) == (
            "account.home",
            "expected a marketplace country code (`US`, `CA`, `MX`, ...), "
            "got a whole number",
        )

    def test_an_unknown_code_lists_the_known_ones(self):
        """Every known code is listed, in the catalogue's order."""
        codes = ", ".join(member.name for member in Marketplace)
        assert _refusal(_set("account", "home", value="XX")) == (
            "account.home",
            f"unknown marketplace country code `XX` (the codes are: {codes})",
        )

    def test_a_marketplace_listed_twice_is_quoted(self):
        """``marketplaces`` is a set: the repeated code is quoted."""
        change = _set("account", "marketplaces", value=["US", "CA", "US"])
        assert _refusal(change) == (
            "account.marketplaces[2]",
            "`US` appears twice in the set",
        )


class TestMoneyObjects:
    """Money is ``{"amount": "1.00", "currency": "USD"}``, nothing else."""

    def _refusal(self, value):
        return _refusal(_set("orders", 0, "total", value=value))

    def test_text_is_not_money(self):
        """The expected shape is shown."""
        assert self._refusal("1.00") == (
            "orders[0].total",
            'expected money (`{"amount": "1.00", "currency": "USD"}`), got '
            "a string",
        )

    def test_every_unknown_field_is_named(self):
        """An extra field is refused, not dropped; each one is quoted."""
        value = {"amount": "1.00", "currency": "USD", "tax": "0", "fee": "0"}
        assert self._refusal(value) == (
            "orders[0].total",
            "unknown field `fee`, `tax`",
        )

    @pytest.mark.parametrize("missing", ["amount", "currency"])
    def test_a_missing_field_is_named_in_the_path(self, missing):
        """The path ends with the field that is missing."""
        value = {"amount": "1.00", "currency": "USD"}
        del value[missing]
        assert self._refusal(value) == (
            f"orders[0].total.{missing}",
            "missing required field",
        )


def test_a_value_outside_an_enumeration_lists_the_allowed_values():
    """An order's status is one of the statuses, each listed by its value."""
    statuses = ", ".join(status.value for status in OrderStatus)
    assert _refusal(_set("orders", 0, "status", value="lost")) == (
        "orders[0].status",
        f"`lost` is not one of: {statuses}",
    )
