"""Argument type checks for the public functions of the facade.

The package's facade wraps each public function with :func:`checked`: an
argument whose type does not match the function's annotation raises
:class:`~unified_account.errors.InvalidArgumentError` naming the
function, the parameter and (an excerpt of) the value, instead of a bare
``TypeError`` or ``AttributeError`` from deep inside.  Only the outer
type is checked (``tuple`` for ``tuple[Order, ...]``, ``Iterable`` for
``Iterable[Order]``); the items are checked where they are used.

The wrapped function is the same function: the modules' own calls go
straight to it and pay nothing.  The annotations are resolved on the
first call, against the facade's names.
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, ParamSpec, TypeVar

from ._excerpt import excerpt
from .errors import InvalidArgumentError

__all__ = ["checked"]

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


class _Names(Mapping[str, Any]):
    """``collections.abc``'s names, then ``names``: where annotations look."""

    def __init__(self, names: Mapping[str, Any]) -> None:
        self._names = names

    def __getitem__(self, name: str) -> Any:
        found = vars(collections.abc).get(name)
        return self._names[name] if found is None else found

    def __iter__(self) -> Iterator[str]:
        return iter({*vars(collections.abc), *self._names})

    def __len__(self) -> int:
        return len({*vars(collections.abc), *self._names})


def _expectations(
    function: Callable[..., Any], names: Mapping[str, Any]
) -> dict[str, _Expected]:
    namespace: Mapping[str, Any] = _Names(names)
    try:
        hints = typing.get_type_hints(function, localns=namespace)
    except NameError:  # a name only its module's type checker sees
        hints = {}
        for name, parameter in inspect.signature(function).parameters.items():
            try:
                hints[name] = eval(
                    parameter.annotation, function.__globals__, namespace
                )
            except NameError:
                continue
    expected = {}
    for name in inspect.signature(function).parameters:
        if name in hints:
            kinds = _runtime_types(hints[name])
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
    function: Callable[P, R], names: Mapping[str, Any]
) -> Callable[P, R]:
    """``function``, refusing arguments of the wrong type with our error.

    ``names`` resolves the annotations (the facade's namespace).  Like
    the ``__init__`` attrs writes for a class, the wrapper is Python
    source written for ``function``'s own signature: a call costs one
    ``isinstance`` per checked argument, a fraction of a microsecond.
    """
    expected = _expectations(function, names)
    namespace: dict[str, Any] = {
        "_function": function,
        "_refusal": _refusal,
        "_name": function.__name__,
    }
    header: list[str] = []
    call: list[str] = []
    checks: list[str] = []
    keyword_only_marked = False
    for index, parameter in enumerate(
        inspect.signature(function).parameters.values()
    ):
        name = parameter.name
        text = name
        if parameter.default is not parameter.empty:
            namespace[f"_default{index}"] = parameter.default
            text = f"{name}=_default{index}"
        if parameter.kind is parameter.VAR_POSITIONAL:
            header.append(f"*{name}")
            call.append(f"*{name}")
            keyword_only_marked = True
            continue
        if parameter.kind is parameter.VAR_KEYWORD:
            header.append(f"**{name}")
            call.append(f"**{name}")
            continue
        if parameter.kind is parameter.KEYWORD_ONLY:
            if not keyword_only_marked:
                header.append("*")
                keyword_only_marked = True
            call.append(f"{name}={name}")
        else:
            call.append(name)
        header.append(text)
        if parameter.kind is parameter.POSITIONAL_ONLY:
            header.append("/")
        kinds = expected.get(name)
        if kinds is not None:
            namespace[f"_kinds{index}"] = kinds
            unless_default = (
                ""
                if parameter.default is parameter.empty
                else f"{name} is not _default{index} and "
            )
            checks.append(
                f"    if {unless_default}"
                f"not isinstance({name}, _kinds{index}):\n"
                f"        _refusal(_name, {name!r}, {name}, _kinds{index})\n"
            )
    # Only the last "/" of several positional-only parameters stays.
    while header.count("/") > 1:
        header.remove("/")
    source = (
        f"def {function.__name__}({', '.join(header)}):\n"
        + "".join(checks)
        + f"    return _function({', '.join(call)})\n"
    )
    exec(source, namespace)  # the source is written above, from the signature
    wrapper = namespace[function.__name__]
    functools.update_wrapper(wrapper, function)
    return wrapper  # type: ignore[no-any-return]
