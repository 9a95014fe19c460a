"""The account's and the listing's refusals, word for word.

An account's marketplaces that cannot form a set (an item is not
hashable) are refused quoting the collection by its ``repr()``, which
shows what it holds, never by its ``str()``, which a caller's own
collection type may make say anything.  A listing refuses each bad
field naming it and quoting the value.
"""

import attrs
import pytest

from unified_account import (
    BankAccount,
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    Marketplace,
    Money,
    example_snapshot,
)

US = Marketplace.US


class Shelf:
    """A caller's own collection: iterable, shown one way by ``str()``."""

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __repr__(self):
        return f"<shelf of {len(self.items)}>"

    def __str__(self):
        return "a shelf"


def test_unhashable_marketplaces_are_quoted_by_their_repr():
    """``SellerAccount(marketplaces=...)`` shows the collection's repr."""
    seller = example_snapshot().account
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(seller, marketplaces=Shelf(US, [US]))
    assert str(caught.value) == (
        "marketplaces: `<shelf of 2>` is not a collection of marketplaces"
    )


def test_a_bank_account_in_an_unknown_currency_names_the_field():
    """``BankAccount(currency=...)``: refused under ``currency``."""
    with pytest.raises(InvalidValueError) as caught:
        BankAccount(country="US", currency="XYZ", masked_id="****6789")
    assert caught.value.field == "currency"
    assert str(caught.value) == "currency: unknown currency `XYZ`"


_LISTING = {
    "sku": "MUG-1",
    "marketplace": US,
    "title": "Mug",
    "price": Money("10.00", "USD"),
    "channel": FulfillmentChannel.MFN,
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "sku",
            " x",
            "sku: `' x'` is not a SKU (1 to 40 printable ASCII characters, "
            "no space at either end)",
        ),
        ("marketplace", "US", "marketplace: `'US'` is not a Marketplace"),
        ("title", 5, "title: `5` is not a str"),
        ("title", " ", "title: `' '` must be a non-empty string"),
        ("price", "10", "price: `'10'` is not a Money"),
        (
            "price",
            Money("1.00", "CAD"),
            "price: `CAD 1.00` is not in USD, the currency of Amazon.com",
        ),
        ("channel", "mfn", "channel: `'mfn'` is not a FulfillmentChannel"),
        ("status", "active", "status: `'active'` is not a ListingStatus"),
        (
            "attributes",
            "x",
            "attributes: `'x'` is not a mapping of names to values",
        ),
        ("attributes", {"": "x"}, "attributes: `''` is not an attribute name"),
        ("attributes", {5: "x"}, "attributes: `5` is not an attribute name"),
        (
            "attributes",
            {"colour": " "},
            "attributes.colour: `' '` is not an attribute value (text, "
            "not blank)",
        ),
    ],
)
def test_a_refused_listing_says_exactly_what_is_wrong(field, value, message):
    """``Listing`` names the bad field and quotes the value refused."""
    with pytest.raises(InvalidValueError) as caught:
        Listing(**{**_LISTING, field: value})
    assert str(caught.value) == message
