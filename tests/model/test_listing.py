"""Listings: one SKU in one marketplace, priced in its own currency."""

import contextlib

import attrs
import immutables
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FulfillmentChannel,
    InvalidValueError,
    Listing,
    ListingStatus,
    Marketplace,
    Money,
    UnifiedAccountError,
)
from unified_account import strategies as ua


def listing(**changes):
    fields = {
        "sku": "MUG-1",
        "marketplace": Marketplace.CA,
        "title": "Tasse",
        "price": Money("16.00", "CAD"),
        "channel": FulfillmentChannel.MFN,
    }
    return Listing(**{**fields, **changes})


class TestListing:
    """Construction validates every field and the price's currency."""

    def test_defaults_to_active_with_no_attributes(self):
        """A new listing is active and has an empty attribute mapping."""
        made = listing()
        assert (made.status, dict(made.attributes)) == (
            ListingStatus.ACTIVE,
            {},
        )

    @given(ua.marketplaces(), ua.currencies())
    def test_a_price_in_another_currency_is_refused(self, where, currency):
        """per-marketplace-listing: a price is in the local currency."""
        price = Money("1.00" if currency != "JPY" else "1", currency)
        if currency == where.currency:
            assert listing(marketplace=where, price=price).price == price
        else:
            with pytest.raises(InvalidValueError) as caught:
                listing(marketplace=where, price=price)
            assert caught.value.field == "price"

    def test_evolve_checks_the_currency_again(self):
        """A price change cannot smuggle in another currency."""
        with pytest.raises(InvalidValueError, match="not in CAD"):
            attrs.evolve(listing(), price=Money("12.00", "USD"))

    def test_attributes_are_immutable(self):
        """Key attributes are kept as an immutable mapping."""
        made = listing(attributes={"color": "white"})
        assert isinstance(made.attributes, immutables.Map)
        with pytest.raises(TypeError):
            made.attributes["color"] = "red"  # type: ignore[index]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("sku", " bad"),
            ("marketplace", "CA"),
            ("title", "   "),
            ("title", 3),
            ("price", "16.00"),
            ("channel", "mfn"),
            ("status", "active"),
            ("attributes", {"color": 3}),
            ("attributes", ["color"]),
        ],
    )
    def test_each_invalid_field_is_named(self, field, value):
        """The error names the field that holds the bad value."""
        with pytest.raises(InvalidValueError) as caught:
            listing(**{field: value})
        assert caught.value.field.split(".")[0] == field

    @given(ua.listings())
    def test_every_drawn_listing_is_valid(self, drawn):
        """Rebuilding a drawn listing passes validation and is equal."""
        assert attrs.evolve(drawn) == drawn
        assert drawn.price.currency == drawn.marketplace.currency

    @given(
        st.dictionaries(
            st.sampled_from(
                [
                    "sku",
                    "marketplace",
                    "title",
                    "price",
                    "channel",
                    "status",
                    "attributes",
                ]
            ),
            st.one_of(
                st.none(),
                st.integers(),
                st.text(max_size=5),
                st.sampled_from(Marketplace),
                st.sampled_from(ListingStatus),
                st.sampled_from(FulfillmentChannel),
                ua.money(),
                st.dictionaries(st.text(max_size=3), st.text(max_size=3)),
            ),
        )
    )
    def test_only_documented_errors_escape(self, fields):
        """Arbitrary fields make a listing or raise a library error."""
        with contextlib.suppress(UnifiedAccountError):
            listing(**fields)
