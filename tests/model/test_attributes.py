"""Key attribute values with Amazon's language_tag."""

import json

import pytest
from hypothesis import given

from unified_account import (
    InvalidValueError,
    Marketplace,
    SnapshotError,
    example_snapshot,
    parse_snapshot,
)
from unified_account import strategies as ua
from unified_account.model.attributes import (
    AttributeValue,
    comparable,
    differ,
    language_of,
)
from unified_account.snapshot import example_text


class TestAttributeValue:
    """A value and its language."""

    def test_a_translation_is_not_comparable(self):
        """Black (en_US) and Noire (fr_CA): one colour, two languages."""
        black = AttributeValue("Black", "en_US")
        noire = AttributeValue("Noire", "fr_CA")
        assert not comparable(black, noire)
        assert not differ(black, noire)

    def test_plain_text_is_compared_with_anything(self):
        """A model number has no language."""
        assert differ("HL-100", AttributeValue("HL-100B", "en_US"))
        assert not differ("HL-100", "HL-100")
        assert language_of("HL-100") is None

    @pytest.mark.parametrize("tag", ["english", "EN_us", "", 3])
    def test_a_bad_language_tag_is_refused(self, tag):
        """Amazon's tags look like `en_US`."""
        with pytest.raises(InvalidValueError) as error:
            AttributeValue("Black", tag)
        assert error.value.field == "language_tag"

    def test_an_empty_value_is_refused(self):
        """A value says something."""
        with pytest.raises(InvalidValueError) as error:
            AttributeValue("  ", "en_US")
        assert error.value.field == "value"


@given(ua.attribute_values(), ua.attribute_values())
def test_differ_is_symmetric_and_implies_comparable(first, second):
    """Order never matters; only comparable values can differ."""
    assert differ(first, second) == differ(second, first)
    assert not differ(first, second) or comparable(first, second)
    assert not differ(first, first)


def test_the_example_snapshot_reads_tagged_values():
    """`{"value", "language_tag"}` in JSON becomes an AttributeValue."""
    listing = example_snapshot().catalog.listing(
        "MUG-CERAMIC-12", Marketplace.CA
    )
    assert listing.attributes["color"] == AttributeValue("Blanc", "fr_CA")
    assert listing.attributes["capacity"] == "12 oz"


def test_a_bad_tag_in_a_snapshot_names_its_json_path():
    """One error, with the path down to the tag."""
    document = json.loads(example_text())
    listings = document["catalog"]["skus"][0]["listings"]
    listings["CA"]["attributes"]["color"]["language_tag"] = "French"
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document))
    assert error.value.path == (
        "catalog.skus[0].listings.CA.attributes.color.language_tag"
    )


def test_a_bad_tag_in_brand_attributes_names_its_json_path():
    """The same for the separate `brand_attributes` input."""
    document = json.loads(example_text())
    document["brand_attributes"][0]["attributes"]["color"] = {
        "value": "Navy",
        "language_tag": "French",
    }
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(json.dumps(document))
    assert error.value.path == (
        "brand_attributes[0].attributes.color.language_tag"
    )
    assert "language tag" in error.value.problem
