"""Argument type checks for the public functions of the facade.

The package's facade wraps each public function with :func:`checked`: an
argument whose type does not match the function's annotation (each item's,
for ``*args`` and ``**kwargs``) raises
:class:`~unified_account.errors.InvalidArgumentError` naming the
function, the parameter and (an excerpt of) the value, instead of a bare
``TypeError`` or ``AttributeError`` from deep inside.  Only the outer
type is checked (``tuple`` for ``tuple[Order, ...]``, ``Iterable`` for
``Iterable[Order]``); the items are checked where they are used.

The wrapped function is the same function: the modules' own calls go
straight to it and pay nothing.  The annotations are resolved when the
facade first loads the function's name, against the facade's names.
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import sys
import types
import typing
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, ParamSpec, TypeVar

from ._excerpt import excerpt
from .errors import InvalidArgumentError

__all__ = ["checked", "checked_methods"]

P = ParamSpec("P")
R = TypeVar("R")

_Expected = tuple[type, ...]


def _runtime_types(hint: object) -> _Expected | None:
    """The classes ``isinstance`` can test for ``hint``; None: anything."""
    if hint is Any or isinstance(hint, TypeVar):
        return None
    if isinstance(hint, type):
        return (hint,)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        found: list[type] = []
        for member in typing.get_args(hint):
            member_types = _runtime_types(member)
            if member_types is None:
                return None
            found.extend(member_types)
        return tuple(found)
    if isinstance(origin, type):
        return (origin,)
    return None  # Literal, Callable and the like: not checked here


class ModuleNames(Mapping[str, Any]):
    """A module's names as a mapping, read as annotations need them.

    The package's facade loads its names lazily (PEP 562): a name not yet
    loaded is loaded here, when an annotation names it.
    """

    def __init__(self, module: types.ModuleType) -> None:
        self._module = module

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._module, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(dir(self._module))

    def __len__(self) -> int:
        return len(dir(self._module))


def _expectations(
    function: Callable[..., Any], names: Mapping[str, Any]
) -> dict[str, _Expected]:
    """The classes each parameter's annotation allows, where it says.

    Annotations are resolved against ``collections.abc`` (``Iterable``),
    then ``names``, then the function's module.  When one names what only
    a type checker sees (``get_type_hints`` fails), each is resolved on
    its own and those that fail are not checked.
    """
    # A ChainMap writes only to its first map, and nothing writes here.
    namespace = ChainMap(dict(vars(collections.abc)), names)  # type: ignore[arg-type]
    parameters = inspect.signature(function).parameters
    try:
        hints = typing.get_type_hints(function, localns=namespace)
    except NameError:  # a name only its module's type checker sees
        hints = {}
        for name, parameter in parameters.items():
            annotation = parameter.annotation
            if annotation is parameter.empty:
                continue
            if isinstance(annotation, str):
                try:
                    annotation = eval(  # as get_type_hints does
                        annotation, function.__globals__, namespace
                    )
                except NameError:
                    continue
            hints[name] = annotation
    expected = {}
    for name in parameters:
        kinds = _runtime_types(hints.get(name, Any))
        if kinds is not None:
            expected[name] = kinds
    return expected


_PLAIN_NAMES = {
    type(None): "None",
    str: "a string",
    bytes: "bytes",
    int: "a whole number",
    date: "a calendar date (a `datetime.date`)",
}


def _describe(kinds: _Expected) -> str:
    return " or ".join(
        _PLAIN_NAMES.get(kind)
        or f"{'an' if kind.__name__[0] in 'AEIOU' else 'a'} {kind.__name__}"
        for kind in kinds
    )


def _refusal(
    function: str, name: str, value: object, kinds: _Expected
) -> None:
    raise InvalidArgumentError(
        f"`{excerpt(value, as_repr=True)}` is "
        f"{_describe((type(value),))}, not {_describe(kinds)}; "
        f"an argument of `{function}`",
        function=function,
        field=name,
    )


def checked(
    function: Callable[P, R],
    names: Mapping[str, Any],
    label: str | None = None,
) -> Callable[P, R]:
    """``function``, refusing arguments of the wrong type with our error.

    ``names`` resolves the annotations (the facade's namespace); the
    error names the function as ``label`` (default: its name).  Like
    the ``__init__`` attrs writes for a class, the wrapper is Python
    source written for ``function``'s own signature: a call costs one
    ``isinstance`` per checked argument, a fraction of a microsecond.
    """
    parameters = inspect.signature(function).parameters
    # The wrapper's own names start with a prefix no parameter starts
    # with, so that no argument can hide them.
    own = "_checked"
    while any(name.startswith(own) for name in parameters):
        own += "_"
    namespace: dict[str, Any] = {
        f"{own}function": function,
        f"{own}refusal": _refusal,
        f"{own}name": label or function.__name__,
    }
    source = _source(
        own, parameters, _expectations(function, names), namespace
    )
    exec(source, namespace)  # the source is written above, from the signature
    wrapper = namespace[own]
    functools.update_wrapper(wrapper, function)
    return wrapper  # type: ignore[no-any-return]


# The builtin classes an abstract class may admit (``Iterable``,
# ``Mapping``, ``Sequence``): ``isinstance`` matches a listed class by
# identity before it asks an abstract one, whose first answer for a class
# walks its registry and subclass hooks (microseconds, on a first call).
_BUILTINS = (list, tuple, dict, set, frozenset, str, bytes)
_ABC = collections.abc.__name__  # a protocol is not asked: it may refuse


def _tested(kinds: _Expected) -> _Expected:
    """``kinds``, the builtins ``collections.abc``'s of them admit first."""
    abstract = tuple(kind for kind in kinds if kind.__module__ == _ABC)
    admitted = tuple(
        builtin
        for builtin in _BUILTINS
        if builtin not in kinds and issubclass(builtin, abstract)
    )
    return admitted + kinds


def _source(
    own: str,
    parameters: Mapping[str, inspect.Parameter],
    expected: dict[str, _Expected],
    namespace: dict[str, Any],
) -> str:
    """The wrapper's source; its defaults and types go into ``namespace``."""
    header: list[str] = []
    call: list[str] = []
    checks: list[str] = []
    positional_only = 0
    starred = False  # "*" or "*args" written: keyword-only from here
    refuse = f"{own}refusal({own}name, "
    for index, parameter in enumerate(parameters.values()):
        name, kind = parameter.name, parameter.kind
        kinds = expected.get(name)
        types_name = f"{own}kinds{index}"
        tested_name = f"{own}tested{index}"
        if kinds is not None:
            namespace[types_name] = kinds
            namespace[tested_name] = _tested(kinds)
        if kind is parameter.VAR_POSITIONAL or kind is parameter.VAR_KEYWORD:
            stars = "*" if kind is parameter.VAR_POSITIONAL else "**"
            header.append(f"{stars}{name}")
            call.append(f"{stars}{name}")
            starred = True
            if kinds is not None:  # the annotation is each item's
                items = name if stars == "*" else f"{name}.values()"
                checks.append(
                    f"    for {own}item in {items}:\n"
                    f"        if not isinstance({own}item, {tested_name}):\n"
                    f"            {refuse}{name!r}, {own}item, {types_name})\n"
                )
            continue
        if kind is parameter.KEYWORD_ONLY:
            if not starred:
                header.append("*")
                starred = True
            call.append(f"{name}={name}")
        else:
            call.append(name)
        positional_only += kind is parameter.POSITIONAL_ONLY
        default_name = f"{own}default{index}"
        if parameter.default is parameter.empty:
            header.append(name)
        else:
            namespace[default_name] = parameter.default
            header.append(f"{name}={default_name}")
        if kinds is not None:
            # A default is the function's own choice: never refused.
            unless_default = (
                ""
                if parameter.default is parameter.empty
                else f"{name} is not {default_name} and "
            )
            checks.append(
                f"    if {unless_default}"
                f"not isinstance({name}, {tested_name}):\n"
                f"        {refuse}{name!r}, {name}, {types_name})\n"
            )
    if positional_only:  # they come first, each one entry of the header
        header.insert(positional_only, "/")
    return (
        f"def {own}({', '.join(header)}):\n"
        + "".join(checks)
        + f"    return {own}function({', '.join(call)})\n"
    )


C = TypeVar("C", bound=type)


OWN_CHECKS: dict[type, frozenset[str]] = {}
"""The methods of each class that check their own arguments, by name."""


def checked_methods(cls: C) -> C:
    """Class decorator: ``cls``'s public methods check their arguments.

    Every method (and class or static method) whose name does not start
    with ``_`` raises :class:`InvalidArgumentError` naming
    ``Class.method`` and the parameter for an argument of the wrong type,
    as :func:`checked` does for the facade's functions.  The check is
    built on the first call, when every name its annotations use has
    loaded, and then takes the method's place on the class.  Put it
    above ``@attrs.frozen``, which builds a new class.
    """
    return checked_methods_but()(cls)


def checked_methods_but(*own: str) -> Callable[[C], C]:
    """:func:`checked_methods`, but for the methods named ``own``.

    Those check their arguments themselves, with a better message (a
    marketplace look-up names the key it does not know).
    """

    def decorate(cls: C) -> C:
        OWN_CHECKS[cls] = frozenset(own)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or name in own:
                continue
            if isinstance(member, classmethod | staticmethod):
                function = member.__func__
                kind: Callable[[Any], Any] = type(member)
            elif inspect.isfunction(member):
                function, kind = member, _plain
            else:
                continue
            setattr(cls, name, kind(_lazy(cls, name, function, kind)))
        return cls

    return decorate


def _plain(function: Any) -> Any:
    return function


def _lazy(
    cls: type, name: str, function: Callable[P, R], kind: Callable[[Any], Any]
) -> Callable[P, R]:
    """``function``, whose first call puts its checked wrapper in its place."""

    @functools.wraps(function)
    def first_call(*args: P.args, **kwargs: P.kwargs) -> R:
        package = sys.modules[__name__.rpartition(".")[0]]
        wrapper = checked(
            function, ModuleNames(package), f"{cls.__name__}.{name}"
        )
        setattr(cls, name, kind(wrapper))
        return wrapper(*args, **kwargs)

    return first_call
