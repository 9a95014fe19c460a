"""The account's refusals quote what the caller gave, as its repr.

An account's marketplaces that cannot form a set (an item is not
hashable) are refused quoting the collection by its ``repr()``, which
shows what it holds, never by its ``str()``, which a caller's own
collection type may make say anything.
"""

import attrs
import pytest

from unified_account import InvalidValueError, Marketplace, example_snapshot

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
