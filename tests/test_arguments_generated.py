"""The generated argument checks: same signature, our error, every shape.

``checked`` writes a wrapper's Python source from a function's signature.
These tests hold it to three promises: the wrapper's signature is the
function's (for every public function, and for every kind of parameter
Python has), a wrong type in any checked parameter of any public
function raises ``InvalidArgumentError`` naming the function and the
parameter, and a function's own default is never refused.

Annotations here are deliberately evaluated (no ``from __future__ import
annotations``): a wrapped function's annotations may be objects or text.
"""

import importlib
import inspect
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import unified_account
from unified_account import (
    FAQ,
    InvalidArgumentError,
    Marketplace,
    Money,
    evaluate_scope,
    example_snapshot,
    payout_route,
)
from unified_account._arguments import ModuleNames, checked

PUBLIC_FUNCTIONS = sorted(
    name
    for name in unified_account.__all__
    if inspect.isfunction(getattr(unified_account, name))
)
CHECKED_FUNCTIONS = [
    name for name in PUBLIC_FUNCTIONS if name not in ("to_asin", "to_sku")
]


def _original(name):
    module = importlib.import_module(
        unified_account._LAZY[name], "unified_account"
    )
    return getattr(module, name)


def _pool():
    """One valid value of every type a public function's parameter names."""
    seller = example_snapshot()
    record = next(iter(seller.catalog))
    return [
        seller,
        unified_account.build_report(seller),
        seller.account,
        seller.account.registration_info,
        seller.catalog,
        record.listings[0],
        seller.brands[0],
        seller.storefront_link,
        seller.sales[0],
        seller.fee_schedule,
        seller.rates,
        payout_route(seller.account, Marketplace.CA).value,
        evaluate_scope(Marketplace.CA),
        Marketplace.CA,
        Money("1.00", "USD"),
        FAQ,
        "en",
        b"{}",
        1,
        date(2026, 7, 1),
        Decimal("1.5"),
        Path("seller.json"),
        (),
        {},
    ]


POOL = _pool()


class _Stranger:
    """A type no public function accepts anywhere."""

    def __repr__(self):
        return "<a stranger>"


def _valid(kinds):
    for value in POOL:
        if isinstance(value, kinds):
            return value
    raise AssertionError(f"add a value of {kinds} to the pool")


def _kinds(function, name):
    from unified_account._arguments import _expectations

    return _expectations(
        function.__wrapped__, ModuleNames(unified_account)
    ).get(name)


def _parameters():
    for name in CHECKED_FUNCTIONS:
        function = getattr(unified_account, name)
        for parameter in inspect.signature(function).parameters.values():
            yield name, parameter.name


def _checked_parameters():
    for name, parameter in _parameters():
        if _kinds(getattr(unified_account, name), parameter) is not None:
            yield name, parameter


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_the_signature_is_the_functions_own(name):
    """Defaults, kinds and annotations: as the function declares them.

    Also without following ``__wrapped__``: the generated function itself
    takes exactly the same arguments.
    """
    public = getattr(unified_account, name)
    original = _original(name)
    assert inspect.signature(public) == inspect.signature(original)
    assert inspect.signature(
        public, follow_wrapped=False
    ) == inspect.signature(original)
    assert public.__doc__ == original.__doc__
    assert public.__name__ == original.__name__


def test_every_parameter_of_every_checked_function_is_checked():
    """A parameter left unchecked must be one whose type says nothing."""
    unchecked = set(_parameters()) - set(_checked_parameters())
    # ``params`` of ``render`` is ``Any``: ``render`` checks it itself.
    assert unchecked == {("render", "params")}


@pytest.mark.parametrize(("name", "target"), list(_checked_parameters()))
def test_a_wrong_type_names_the_function_and_the_parameter(name, target):
    """Every other argument valid, ``target`` a stranger: our error."""
    function = getattr(unified_account, name)
    kinds_of = {
        parameter.name: _kinds(function, parameter.name)
        for parameter in inspect.signature(function).parameters.values()
    }
    args, kwargs = [], {}
    for parameter in inspect.signature(function).parameters.values():
        value = (
            _Stranger()
            if parameter.name == target
            else _valid(kinds_of[parameter.name] or (object,))
        )
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        elif parameter.kind is not parameter.VAR_KEYWORD:
            args.append(value)
    with pytest.raises(InvalidArgumentError) as error:
        function(*args, **kwargs)
    assert error.value.function == name
    assert error.value.field == target
    assert f"an argument of `{name}`" in str(error.value)
    assert "<a stranger>" in str(error.value)
    assert isinstance(error.value, TypeError)


class TestGeneratedSignatures:
    """``checked`` on every kind of parameter Python has."""

    def test_positional_only_and_keyword_only(self):
        def function(a: int, b: str, /, c: int, *, d: str = "x") -> tuple:
            """Four kinds of parameter."""
            return a, b, c, d

        wrapped = checked(function, {})
        signature = inspect.signature(function)
        assert inspect.signature(wrapped, follow_wrapped=False) == signature
        assert wrapped(1, "b", 2) == (1, "b", 2, "x")
        assert wrapped(1, "b", c=2, d="y") == (1, "b", 2, "y")
        with pytest.raises(TypeError, match="positional-only"):
            wrapped(1, b="b", c=2)
        with pytest.raises(TypeError, match="positional"):
            wrapped(1, "b", 2, "y")
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(1, 2, 3)
        assert error.value.field == "b"
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(1, "b", 2, d=3)
        assert error.value.field == "d"

    def test_one_positional_only_parameter(self):
        def function(a: int, /) -> int:
            """Only one, positional only."""
            return a

        wrapped = checked(function, {})
        assert inspect.signature(wrapped, follow_wrapped=False) == (
            inspect.signature(function)
        )
        assert wrapped(3) == 3

    def test_star_args_and_star_star_kwargs(self):
        def function(a: int, *rest: str, key: int, **more: Decimal) -> tuple:
            """Items of ``rest`` are strings, values of ``more`` decimals."""
            return a, rest, key, more

        wrapped = checked(function, {})
        assert inspect.signature(wrapped, follow_wrapped=False) == (
            inspect.signature(function)
        )
        assert wrapped(1, "x", "y", key=2, z=Decimal(1)) == (
            1,
            ("x", "y"),
            2,
            {"z": Decimal(1)},
        )
        assert wrapped(1, key=2) == (1, (), 2, {})
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(1, "x", 3, key=2)
        assert error.value.field == "rest"
        assert "`3` is a whole number, not a string" in str(error.value)
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(1, key=2, z=1.5)
        assert error.value.field == "more"
        assert "not a Decimal" in str(error.value)

    def test_keyword_only_after_star_args_needs_no_marker(self):
        def function(*rest: int, flag: bool = False) -> tuple:
            """No ``*`` of its own: ``*rest`` marks the keywords."""
            return rest, flag

        wrapped = checked(function, {})
        assert inspect.signature(wrapped, follow_wrapped=False) == (
            inspect.signature(function)
        )
        assert wrapped(1, 2, flag=True) == ((1, 2), True)

    def test_unchecked_star_args(self):
        def function(*rest, **more) -> tuple:
            """Nothing annotated: anything goes."""
            return rest, more

        wrapped = checked(function, {})
        assert wrapped(object, k=None) == ((object,), {"k": None})

    def test_a_default_that_does_not_match_its_annotation(self):
        """The function's own default is its choice, never refused."""
        sentinel = object()

        # The mismatch is the point of this test.
        def function(a: int = sentinel, *, b: str = None) -> tuple:  # noqa: RUF013
            """Defaults outside the annotated types."""
            return a, b

        wrapped = checked(function, {})
        assert wrapped() == (sentinel, None)
        assert wrapped(sentinel, b=None) == (sentinel, None)
        assert wrapped(4, b="x") == (4, "x")
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(object())
        assert error.value.field == "a"
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(b=1)
        assert error.value.field == "b"

    def test_a_function_named_like_the_wrappers_own_names(self):
        """The generated source's names never shadow the function."""

        def _function(_name: int, _checked: str) -> tuple:
            """Named like the names the wrapper's source uses."""
            return _name, _checked

        wrapped = checked(_function, {})
        assert wrapped(1, "x") == (1, "x")
        assert wrapped.__name__ == "_function"
        assert wrapped.__wrapped__ is _function
        with pytest.raises(InvalidArgumentError) as error:
            wrapped("1", "x")
        assert error.value.function == "_function"


class TestAnnotationsOnlyATypeCheckerSees:
    """``get_type_hints`` fails: each annotation resolved on its own."""

    def test_the_resolvable_ones_are_still_checked(self):
        def function(a: "Unknown", b: int, c, d: "str | None") -> tuple:  # noqa: F821
            """``a`` names nothing this module has; ``c`` has no annotation."""
            return a, b, c, d

        wrapped = checked(function, {})
        anything = _Stranger()
        assert wrapped(anything, 1, anything, None) == (
            anything,
            1,
            anything,
            None,
        )
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(anything, "1", anything, None)
        assert error.value.field == "b"
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(anything, 1, anything, 2)
        assert error.value.field == "d"

    def test_names_resolve_against_the_names_given(self):
        def function(a: "Unknown", b: "Money") -> None:  # noqa: F821
            """``Money`` comes from the names ``checked`` is given."""

        wrapped = checked(function, {"Money": Money})
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(None, "1.00")
        assert error.value.field == "b"
        assert "not a Money" in str(error.value)

    def test_collections_abc_names_resolve(self):
        def function(a: "Unknown", b: "Iterable[int]") -> None:  # noqa: F821
            """``Iterable`` is found in ``collections.abc``."""

        wrapped = checked(function, {})
        assert wrapped(None, (1,)) is None
        with pytest.raises(InvalidArgumentError) as error:
            wrapped(None, 1)
        assert "not an Iterable" in str(error.value)


class TestModuleNames:
    """The facade's names, as a mapping annotations can be resolved in."""

    def test_a_name_loads_on_demand(self):
        names = ModuleNames(unified_account)
        assert names["Money"] is Money

    def test_an_unknown_name_is_a_key_error(self):
        with pytest.raises(KeyError):
            ModuleNames(unified_account)["NoSuchName"]

    def test_it_iterates_the_modules_names(self):
        names = ModuleNames(unified_account)
        assert list(names) == dir(unified_account)
        assert len(names) == len(dir(unified_account))
        assert "Money" in names


@pytest.mark.parametrize("name", ["to_asin", "to_sku"])
@pytest.mark.parametrize("value", [None, 5, b"SKU-1", _Stranger()])
def test_the_identifier_readers_say_what_an_identifier_is(name, value):
    """Left unwrapped on purpose: any value, and the identifier's grammar.

    ``to_sku(5)`` says what a SKU is, a better message than "not a
    string"; the error is still the library's, naming the value.
    """
    from unified_account import InvalidValueError

    function = getattr(unified_account, name)
    assert function is _original(name)
    with pytest.raises(InvalidValueError) as error:
        function(value)
    assert f"is not a{'n ASIN' if name == 'to_asin' else ' SKU'}" in str(
        error.value
    )
