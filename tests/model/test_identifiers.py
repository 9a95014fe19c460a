"""SKUs and ASINs: validated strings that cost what strings cost."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import InvalidValueError, to_asin, to_sku
from unified_account import strategies as ua


class TestToSku:
    """A seller SKU is 1 to 40 printable ASCII characters."""

    @pytest.mark.parametrize(
        "text", ["GM-ZDPI-9B4E", "a", "x" * 40, "MUG 12 OZ", "~!#$"]
    )
    def test_valid_skus_are_kept_as_given(self, text):
        """A valid SKU is the caller's own string, not a copy."""
        assert to_sku(text) is text

    @pytest.mark.parametrize(
        "value", ["", " a", "a ", "x" * 41, "tab\there", "café", None, 12]
    )
    def test_invalid_skus_are_refused(self, value):
        """Empty, too long, padded or non-ASCII SKUs cannot exist."""
        with pytest.raises(InvalidValueError, match="is not a SKU"):
            to_sku(value)

    @given(ua.skus())
    def test_every_drawn_sku_is_valid(self, sku):
        """The public strategy draws valid SKUs."""
        assert to_sku(sku) == sku

    @given(st.text(max_size=45) | st.integers() | st.none())
    def test_only_invalid_value_errors_escape(self, value):
        """Arbitrary input either is a SKU or raises InvalidValueError."""
        with contextlib.suppress(InvalidValueError):
            to_sku(value)


class TestToAsin:
    """An ASIN is ten capital letters or digits."""

    def test_amazons_example_asin_is_valid(self):
        """The listings API's sandbox ASIN is accepted."""
        assert to_asin("B071VG5N9D") == "B071VG5N9D"

    @pytest.mark.parametrize(
        "value", ["b071vg5n9d", "B071VG5N9", "B071VG5N9DX", "", None]
    )
    def test_invalid_asins_are_refused(self, value):
        """Lower case or the wrong length is not an ASIN."""
        with pytest.raises(InvalidValueError, match="is not an ASIN"):
            to_asin(value)

    @given(ua.asins())
    def test_every_drawn_asin_is_valid(self, asin):
        """The public strategy draws valid ASINs."""
        assert to_asin(asin) == asin

    @given(st.text(max_size=12) | st.binary() | st.floats())
    def test_only_invalid_value_errors_escape(self, value):
        """Arbitrary input either is an ASIN or raises InvalidValueError."""
        with contextlib.suppress(InvalidValueError):
            to_asin(value)
