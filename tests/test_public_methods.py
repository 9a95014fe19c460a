"""Every public method checks its arguments' types, as every function does.

The methods of every public class (``ConversionRates.convert``,
``SubscriptionFeeSchedule.fee_on``, ``Money.zero``, ...) are walked: a
value of the wrong type in any argument raises the library's
``InvalidArgumentError`` naming ``Class.method`` and the parameter, never
an ``AttributeError`` from inside (issue 22, defect 9).
"""

from __future__ import annotations

import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unified_account
from test_arguments_generated import _Stranger
from test_public_arguments import WRONG
from unified_account import InvalidArgumentError, UnifiedAccountError
from unified_account._arguments import OWN_CHECKS, ModuleNames, _expectations


def _public_methods():
    """``(class, name)`` of every public method of every public class."""
    found = []
    for class_name in unified_account.__all__:
        cls = getattr(unified_account, class_name)
        if not inspect.isclass(cls):
            continue
        if getattr(cls, "_is_protocol", False):
            # A protocol's methods are its implementations' (``Action``:
            # each action class, exported and walked itself).
            continue
        for klass in cls.__mro__:
            if not klass.__module__.startswith("unified_account."):
                continue
            for name, member in vars(klass).items():
                function = getattr(member, "__func__", member)
                if not name.startswith("_") and inspect.isfunction(function):
                    found.append((cls, name))
    return sorted(set(found), key=lambda pair: (pair[0].__name__, pair[1]))


METHODS = _public_methods()


def _ids(pair):
    return f"{pair[0].__name__}.{pair[1]}"


def test_the_walk_finds_the_methods_of_the_issue():
    names = {_ids(pair) for pair in METHODS}
    assert {
        "ConversionRates.convert",
        "SubscriptionFeeSchedule.fee_on",
        "PayloadError.in_file",
    } <= names
    assert len(names) >= 30


def _owner(cls, name):
    """The class of ``cls``'s MRO that defines ``name``."""
    return next(k for k in cls.__mro__ if name in vars(k))


def test_the_methods_with_their_own_checks():
    """Left to check themselves, with their better messages."""
    own = {
        f"{cls.__name__}.{name}"
        for cls, names in OWN_CHECKS.items()
        for name in names
    }
    assert own == {
        "Catalog.from_rows",
        "Catalog.with_record",
        "Decision.allow",
        "Decision.deny",
        "Decision.undetermined",
        "Finding.of",
        "Marketplace.from_country",
        "Marketplace.from_domain",
        "Marketplace.from_id",
        "NonAmazonMarketplace.from_id",
    }


def _function(cls, name):
    member = inspect.getattr_static(cls, name)
    return getattr(member, "__func__", member)


def _bound(cls, name, data):
    """The method, bound to a drawn instance unless it needs none."""
    member = inspect.getattr_static(cls, name)
    if isinstance(member, classmethod | staticmethod):
        return getattr(cls, name)
    if issubclass(cls, BaseException):
        return getattr(cls("a.path", "a problem"), name)
    if issubclass(cls, unified_account.Marketplace):
        return getattr(unified_account.Marketplace.CA, name)
    return getattr(data.draw(st.from_type(cls)), name)


def _parameters(cls, name):
    parameters = list(inspect.signature(_function(cls, name)).parameters)
    return [p for p in parameters if p not in ("self", "cls")]


@pytest.mark.parametrize("pair", METHODS, ids=_ids)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_wrong_argument_types_raise_the_documented_error(pair, data):
    """Any mix of valid and wrong arguments, one wrong: our error.

    A value of the annotated type may still be refused for its value (a
    parameter name ``Reason.param`` does not hold): that is not a type
    error, so a draw whose arguments all have their types is not called.
    """
    cls, name = pair
    method = _bound(cls, name, data)
    expected = _expectations(
        _function(cls, name), ModuleNames(unified_account)
    )
    args, kwargs = [], {}
    wrong = False
    for parameter in inspect.signature(method).parameters.values():
        if parameter.default is not inspect.Parameter.empty and data.draw(
            st.booleans()
        ):
            continue
        value = data.draw(WRONG)
        kinds = expected.get(parameter.name)
        wrong = wrong or (kinds is not None and not isinstance(value, kinds))
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        elif parameter.kind is not inspect.Parameter.VAR_KEYWORD:
            args.append(value)
    if not wrong:
        return
    with pytest.raises(UnifiedAccountError):
        method(*args, **kwargs)


def _checked_parameters():
    for cls, name in METHODS:
        if cls is unified_account.PayloadError:
            continue  # written by hand; tested below
        if name in OWN_CHECKS.get(_owner(cls, name), ()):
            continue  # its own check, its own message
        expected = _expectations(
            _function(cls, name), ModuleNames(unified_account)
        )
        for parameter in _parameters(cls, name):
            if parameter in expected:
                yield cls, name, parameter


@pytest.mark.parametrize(
    ("cls", "name", "target"),
    list(_checked_parameters()),
    ids=lambda value: getattr(value, "__name__", value),
)
@settings(max_examples=1, deadline=None)
@given(data=st.data())
def test_a_stranger_is_refused_naming_the_method_and_parameter(
    cls, name, target, data
):
    """Every other argument valid, ``target`` a stranger: our error."""
    method = _bound(cls, name, data)
    expected = _expectations(
        _function(cls, name), ModuleNames(unified_account)
    )
    args, kwargs = [], {}
    for parameter in inspect.signature(method).parameters.values():
        if parameter.name == target:
            value = _Stranger()
        else:
            kinds = expected.get(parameter.name, (int,))
            value = data.draw(st.one_of([st.from_type(k) for k in kinds]))
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        elif parameter.kind is not parameter.VAR_KEYWORD:
            args.append(value)
    with pytest.raises(InvalidArgumentError) as error:
        method(*args, **kwargs)
    assert error.value.function == f"{cls.__name__}.{name}"
    assert error.value.field == target
    assert f"an argument of `{cls.__name__}.{name}`" in str(error.value)
    assert isinstance(error.value, TypeError)


def test_the_two_methods_of_the_issue():
    """They raised ``AttributeError``; now our error, naming them."""
    seller = unified_account.example_snapshot()
    with pytest.raises(
        InvalidArgumentError, match=r"ConversionRates\.convert"
    ):
        seller.rates.convert(5, "USD")
    with pytest.raises(
        InvalidArgumentError, match=r"SubscriptionFeeSchedule\.fee_on"
    ):
        seller.fee_schedule.fee_on("US", 5)


def test_payload_error_in_file_checks_its_source():
    error = unified_account.PayloadError("a.path", "a problem")
    assert str(error.in_file("f.json")) == "f.json: a.path: a problem"
    with pytest.raises(InvalidArgumentError) as caught:
        error.in_file(5)
    assert (caught.value.function, caught.value.field) == (
        "PayloadError.in_file",
        "source",
    )


def test_a_method_checks_once_built_in_its_place():
    """The first call puts the checked wrapper on the class."""
    from unified_account._arguments import checked_methods

    @checked_methods
    class Counter:
        def add(self, step: int) -> int:
            return step + 1

        @classmethod
        def make(cls, step: int) -> int:
            return step

        @staticmethod
        def same(step: int) -> int:
            return step

        not_a_method = 1

    first = Counter.__dict__["add"]
    assert Counter().add(1) == 2
    assert Counter.__dict__["add"] is not first
    assert Counter.make(3) == Counter.same(3) == 3
    for call in (Counter().add, Counter.make, Counter.same):
        with pytest.raises(InvalidArgumentError, match="Counter"):
            call("x")
