"""``st.from_type`` draws valid values for every public type.

The package registers its strategies through Hypothesis's entry point,
so nothing here registers anything: the types come from
``unified_account.__all__``, and each must resolve and build.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import typing

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unified_account
from unified_account import Money, Resolved
from unified_account._hypothesis import public_types
from unified_account.strategies._registry import STRATEGIES

TYPES = public_types()


def test_the_public_types_are_listed_from_all():
    """Every class of ``__all__`` but the exceptions is covered."""
    names = {getattr(kind, "__name__", None) for kind in TYPES}
    exceptions = {
        name
        for name in unified_account.__all__
        if isinstance(getattr(unified_account, name), type)
        and issubclass(getattr(unified_account, name), BaseException)
    }
    classes = {
        name
        for name in unified_account.__all__
        if isinstance(getattr(unified_account, name), type | typing.NewType)
    }
    assert names == classes - exceptions
    assert {"Listing", "Money", "Sku", "Report", "Resolved"} <= names


def test_every_public_type_has_a_strategy():
    """The registry covers each type the entry point registers."""
    assert set(TYPES) - {Resolved} <= set(STRATEGIES)


def test_the_entry_point_is_declared():
    """Hypothesis finds the hook in the installed package's metadata."""
    hooks = {
        entry.value
        for entry in importlib.metadata.entry_points(group="hypothesis")
    }
    assert "unified_account._hypothesis:_hypothesis_setup_hook" in hooks


@pytest.mark.parametrize(
    "kind", TYPES, ids=[getattr(t, "__name__", str(t)) for t in TYPES]
)
def test_from_type_draws_valid_values(kind):
    """Each drawn value is of the type and passes its validation again."""
    check = typing.cast(type, getattr(kind, "__supertype__", kind))

    @settings(
        max_examples=10,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.from_type(kind))
    def draws(value):
        assert isinstance(value, check)
        if attrs.has(type(value)):
            assert attrs.evolve(value) == value

    draws()


@settings(max_examples=10, deadline=None)
@given(st.from_type(Resolved[Money]))
def test_a_generic_resolved_value_holds_its_parameter(resolved):
    """``Resolved[Money]`` draws resolved money with its reasons."""
    assert isinstance(resolved.value, Money)
    assert resolved.reasons


def test_builds_infers_library_arguments():
    """``st.builds`` fills a function's library-typed parameters."""

    def describe(
        listing: unified_account.Listing, seller: unified_account.SellerAccount
    ) -> str:
        return f"{seller.seller_id}:{listing.sku}"

    @settings(max_examples=5, deadline=None)
    @given(st.builds(describe))
    def check(text):
        assert ":" in text

    check()


def test_importing_the_package_never_imports_hypothesis():
    """Without Hypothesis the registration costs nothing: nothing loads it."""
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import unified_account, unified_account.cli\n"
        "unified_account.evaluate_scope(unified_account.Marketplace.CA)\n"
        "print(sorted(m for m in sys.modules if m.startswith('hypothesis')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "['hypothesis']"


def test_the_hook_runs_when_strategies_are_imported_first():
    """Importing the strategies before Hypothesis still registers safely."""
    code = (
        "import unified_account.strategies\n"
        "from hypothesis import strategies as st\n"
        "from unified_account import Listing\n"
        "print(type(st.from_type(Listing).example()).__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "Listing"
