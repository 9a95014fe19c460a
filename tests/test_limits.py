"""The one definition of a valid value agrees with every reader of it."""

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account.errors import InvalidValueError
from unified_account.limits import (
    MAX_WHOLE_DIGITS,
    amount_problem,
    text_problem,
    whole_problem,
)
from unified_account.model.money import parse_amount_text
from unified_account.snapshot._limits import first_past_limit


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        lambda d: -40 < d.as_tuple().exponent < 40
    )
)
def test_an_amount_is_refused_as_its_text_is(amount):
    """amount_problem and the loader's grammar agree on every decimal."""
    written = f"{amount:f}"
    try:
        parse_amount_text(written)
    except InvalidValueError:
        accepted = False
    else:
        accepted = True
    assert (amount_problem(amount) is None) == accepted


@given(st.text(max_size=20) | st.just("x" * 10_001))
def test_text_is_refused_as_the_loader_refuses_it(value):
    """text_problem and the loader's walk agree on every string."""
    assert (text_problem(value) is None) == (
        first_past_limit({"key": value}) is None
    )


@given(st.integers(-(10**20), 10**20))
def test_a_whole_number_is_refused_as_the_loader_refuses_it(value):
    """whole_problem and the loader's walk agree on every integer."""
    assert (whole_problem(value) is None) == (
        first_past_limit(json.loads(json.dumps([value]))) is None
    )


@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        (Decimal("NaN"), "`NaN` is not a finite number"),
        (Decimal("-Infinity"), "`-Infinity` is not a finite number"),
        (
            Decimal("0.0000000000001"),
            "`1E-13` has more than 15 digits before the point or 12 after it",
        ),
    ],
)
def test_named_amounts(amount, problem):
    assert amount_problem(amount) == problem


def test_a_named_whole_number():
    assert whole_problem(10**MAX_WHOLE_DIGITS) == (
        "`1000000000000000` has more than 15 digits"
    )
