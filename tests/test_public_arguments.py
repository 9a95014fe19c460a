"""Every public function checks its arguments' types.

Given a value of the wrong type in any argument, a public function
raises one of the library's documented errors, never a bare
``TypeError``, ``AttributeError`` or ``KeyError`` from deep inside.
"""

import contextlib
import inspect
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unified_account
from unified_account import (
    FAQ,
    Marketplace,
    Money,
    UnifiedAccountError,
    example_snapshot,
)

PUBLIC_FUNCTIONS = sorted(
    name
    for name in unified_account.__all__
    if inspect.isfunction(getattr(unified_account, name))
)


def _valid_values():
    seller = example_snapshot()
    account = seller.account
    return [
        seller,
        account,
        seller.catalog,
        next(iter(seller.catalog)),
        next(iter(seller.catalog)).listings[0],
        next(iter(seller.catalog)).sku,
        Marketplace.CA,
        Money("1.00", "USD"),
        FAQ,
        "en",
        date(2026, 7, 1),
        Decimal("1.5"),
        seller.orders,
        seller.brands,
    ]


VALID = _valid_values()

WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.just(object()),
    st.sampled_from(VALID),
)


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
@given(data=st.data())
def test_wrong_argument_types_raise_the_documented_error(name, data):
    """Any mix of valid and wrong arguments: a result or our error."""
    function = getattr(unified_account, name)
    args, kwargs = [], {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is not inspect.Parameter.empty and data.draw(
            st.booleans()
        ):
            continue
        value = data.draw(WRONG)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        elif parameter.kind in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            args.append(value)
    with contextlib.suppress(UnifiedAccountError):
        function(*args, **kwargs)
