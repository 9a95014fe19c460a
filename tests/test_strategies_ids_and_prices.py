"""Public strategies: seller ids, and zero prices only when allowed."""

import re

import attrs
from hypothesis import find, given, settings
from hypothesis import strategies as st

from unified_account import Marketplace, example_snapshot
from unified_account import strategies as ua

ACCOUNT = example_snapshot().account

MERCHANT_ID = re.compile(r"A[0-9A-Z]{5,13}")


@given(ua.seller_ids())
def test_seller_ids_are_shaped_like_merchant_ids(seller_id):
    """``A`` and 5 to 13 capitals or digits; an account accepts it."""
    assert MERCHANT_ID.fullmatch(seller_id)
    account = attrs.evolve(ACCOUNT, seller_id=seller_id)
    assert account.seller_id == seller_id


def test_seller_ids_shrink_to_the_simplest():
    """The minimal id is ``A00000``; digits come before letters."""
    assert find(ua.seller_ids(), lambda _: True) == "A00000"
    assert find(ua.seller_ids(), lambda s: s != "A00000") == "A00001"
    # The shrinker promises a small example, not the smallest: it may stop
    # at ``A000AA``.  What the order of the alphabet decides is that the
    # first letter it reaches for is ``A``, in an id of the shortest length.
    letter_last = find(ua.seller_ids(), lambda s: not s[-1].isdigit())
    assert letter_last[-1] == "A"
    assert len(letter_last) == 6


def test_seller_ids_reach_the_longest_shape():
    """Fourteen characters: ``A`` and 13 more."""
    longest = find(ua.seller_ids(), lambda s: len(s) == 14)
    assert MERCHANT_ID.fullmatch(longest)


def _prices(record):
    return [listing.price.amount for listing in record.listings]


def test_sku_records_have_a_zero_price_only_when_allowed():
    """``allow_zero_price=True`` can give 0; the default never does."""
    us = st.just(frozenset({Marketplace.US}))
    allowed = ua.sku_records(allow_zero_price=True, marketplaces=us)
    found = find(allowed, lambda record: 0 in _prices(record))
    assert 0 in _prices(found)

    @settings(max_examples=200, deadline=None)
    @given(ua.sku_records(marketplaces=us))
    def positive(record):
        assert all(price > 0 for price in _prices(record))

    positive()
