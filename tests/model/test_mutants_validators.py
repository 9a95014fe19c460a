"""The validator factories of the model, each used on a class built here.

The model's classes call these factories once, when their module is
imported; a class built in a test calls them again, so what a factory
returns is checked directly: what it accepts, what it refuses, and the
field and message of the refusal.
"""

from decimal import Decimal

import attrs
import pytest

from unified_account import InvalidValueError
from unified_account.model._validate import (
    instance_of,
    matches,
    non_empty_text,
)
from unified_account.model.account import _optional


def test_instance_of_accepts_each_type_and_names_them_all():
    @attrs.frozen
    class Box:
        value: object = attrs.field(validator=instance_of(int, str))

    assert Box(3).value == 3
    assert Box("three").value == "three"
    with pytest.raises(InvalidValueError) as error:
        Box(Decimal("2.5"))
    assert error.value.field == "value"
    assert str(error.value) == (
        "value: `Decimal('2.5')` is not an instance of int or str"
    )


def test_matches_accepts_a_full_match_only():
    @attrs.frozen
    class Code:
        code: str = attrs.field(validator=matches(r"[A-Z]{2}", "a code"))

    assert Code("US").code == "US"
    for bad, shown in (("USA", "USA"), ("us", "us"), (12, "12")):
        with pytest.raises(InvalidValueError) as error:
            Code(bad)
        assert error.value.field == "code"
        assert str(error.value) == f"code: `{shown}` is not a code"


def test_optional_allows_none_and_checks_anything_else():
    @attrs.frozen
    class Name:
        name: str | None = attrs.field(validator=_optional(non_empty_text))

    assert Name(None).name is None
    assert Name("Harbor Lane").name == "Harbor Lane"
    with pytest.raises(InvalidValueError) as error:
        Name("  ")
    assert str(error.value) == "name: `'  '` must be a non-empty string"
