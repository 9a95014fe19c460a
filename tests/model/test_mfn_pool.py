"""Merchant-fulfilled pools: shared by a SKU, or kept for one marketplace."""

import contextlib

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    InvalidValueError,
    Marketplace,
    MfnArrangement,
    MfnPool,
    UnifiedAccountError,
)
from unified_account import strategies as ua


class TestMfnPool:
    """A pool has a non-negative quantity and a consistent arrangement."""

    def test_a_shared_pool_serves_no_single_marketplace(self):
        """mfn-inventory: a shared pool is the SKU's, not a marketplace's."""
        pool = MfnPool.shared(100)
        assert (pool.quantity, pool.marketplace, pool.is_shared) == (
            100,
            None,
            True,
        )

    def test_a_separate_sku_names_its_marketplace(self):
        """A separate SKU serves exactly one marketplace."""
        pool = MfnPool.separate(Marketplace.CA, 20)
        assert pool.arrangement is MfnArrangement.SEPARATE
        assert pool.marketplace is Marketplace.CA

    @pytest.mark.parametrize(
        "fields",
        [
            {"quantity": -1},
            {"quantity": True},
            {"quantity": 1.0},
            {"arrangement": "shared"},
            {"arrangement": MfnArrangement.SEPARATE},
            {"marketplace": Marketplace.US},
            {"arrangement": MfnArrangement.SEPARATE, "marketplace": "CA"},
        ],
    )
    def test_inconsistent_pools_are_refused(self, fields):
        """Negative, non-integer or mis-arranged pools cannot exist."""
        with pytest.raises(InvalidValueError):
            MfnPool(**fields)

    @given(ua.mfn_pools())
    def test_every_drawn_pool_is_valid(self, pool):
        """Rebuilding a drawn pool passes validation."""
        assert attrs.evolve(pool) == pool

    @given(
        st.integers(-3, 3) | st.none() | st.text(max_size=2),
        st.sampled_from(MfnArrangement) | st.text(max_size=2),
        st.sampled_from(Marketplace) | st.none() | st.integers(),
    )
    def test_only_documented_errors_escape(self, quantity, how, where):
        """Arbitrary fields make a pool or raise a library error."""
        with contextlib.suppress(UnifiedAccountError):
            MfnPool(quantity=quantity, arrangement=how, marketplace=where)
