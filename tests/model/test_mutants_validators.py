"""The validator factories of the model, each used on a class built here.

The model's classes call these factories once, when their module is
imported; a class built in a test calls them again, so what a factory
returns is checked directly: what it accepts, what it refuses, and the
field and message of the refusal.
"""

from decimal import Decimal

import attrs
import cattrs
import immutables
import pytest

from unified_account import InvalidValueError, Listing, Money, StorefrontLink
from unified_account.model._converter import (
    _is_map,
    _is_record,
    _is_sequence,
    _record,
    first_problem,
)
from unified_account.model._validate import (
    instance_of,
    matches,
    non_empty_text,
)
from unified_account.model.account import _optional
from unified_account.model.attributes import AttributeValue


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


class TestConverterFactories:
    """The JSON converter's predicates and record factory, called here.

    cattrs asks them once per type and keeps the answer, so the suite's
    loads exercise them only the first time; here each is asked again.
    """

    def test_which_types_are_records(self):
        assert _is_record(Listing)
        assert _is_record(AttributeValue)
        for kind in (Money, StorefrontLink, int, "Listing"):
            assert not _is_record(kind)

    def test_which_types_are_maps_and_sequences(self):
        assert _is_map(immutables.Map[str, int])
        assert not _is_map(dict[str, int])
        for kind in (tuple[int, ...], frozenset[int], list[int]):
            assert _is_sequence(kind)
        assert not _is_sequence(dict[str, int])

    def test_a_record_is_read_from_an_object_only(self):
        structure = _record(AttributeValue)
        assert structure(
            {"value": "Black", "language_tag": "en_US"}, AttributeValue
        ) == AttributeValue("Black", "en_US")
        cases = [
            (["Black"], ("", "expected an object, got an array")),
            ({"value": "x", "extra": 1}, ("", "unknown field `extra`")),
            ({"language_tag": "en_US"}, ("value", "missing required field")),
        ]
        for bad, problem in cases:
            with pytest.raises(
                (InvalidValueError, cattrs.ClassValidationError)
            ) as error:
                structure(bad, AttributeValue)
            assert first_problem(error.value) == problem
