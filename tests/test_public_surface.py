"""The package's public surface: one table, and every type it speaks of.

``unified_account/__init__.py`` lists each public name once, as an
``import X as X`` line under ``TYPE_CHECKING``: type checkers and IDEs
read those lines, and at run time the package reads the same lines for
its lazy imports, ``__all__`` and ``dir()``.  These tests hold the table
to that form, and hold the public functions to a surface a user can
reach: each type a public function takes or returns is importable from
where the function is (from the package itself for the package's names,
from a public module for a public module's).
"""

from __future__ import annotations

import ast
import collections.abc
import functools
import importlib
import inspect
import pkgutil
import pydoc
import re
import typing
from collections import ChainMap
from pathlib import Path

import attrs
import pytest

import unified_account

PACKAGE = "unified_account"

# Modules with a public name that are no part of the reference: the
# command's entry point (docs/command.md), the message-id marker and the
# translatable names of the model's vocabularies (internal), and the old
# name of ``rule_catalogue`` (deprecated).
NOT_REFERENCE = frozenset(
    {"cli", "cli_changes", "messages", "policy.terms", "catalogue"}
)


def public_modules() -> list[str]:
    """Every public module of the package, by name without the package."""
    found = []
    for info in pkgutil.walk_packages(unified_account.__path__, f"{PACKAGE}."):
        short = info.name.removeprefix(f"{PACKAGE}.")
        if any(part.startswith("_") for part in short.split(".")):
            continue
        if short in NOT_REFERENCE:
            continue
        module = importlib.import_module(info.name)
        if getattr(module, "__all__", None):
            found.append(short)
    return sorted(found)


def _table_block() -> ast.If:
    source = Path(unified_account.__file__).read_text(encoding="utf-8")
    blocks = [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1, "the package has one TYPE_CHECKING table"
    return blocks[0]


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for node in _table_block().body:
        assert isinstance(node, ast.ImportFrom), ast.unparse(node)
        assert node.level == 1, ast.unparse(node)
        assert len(node.names) == 1, f"one name a line: {ast.unparse(node)}"
        (alias,) = node.names
        assert alias.asname == alias.name, (
            f"`{ast.unparse(node)}` must read `import {alias.name} as "
            f"{alias.name}`, or type checkers do not re-export it"
        )
        assert alias.name not in table, f"{alias.name} is listed twice"
        table[alias.name] = f".{node.module}"
    return table


TABLE = _table()


class TestOneTable:
    """``__all__``, the lazy imports and ``dir()`` come from the table."""

    def test_the_package_reads_its_table_as_type_checkers_do(self):
        assert unified_account._LAZY == TABLE
        assert len(TABLE) > 100

    def test_all_is_the_table(self):
        assert unified_account.__all__ == sorted(TABLE)

    def test_dir_lists_every_name(self):
        assert set(TABLE) <= set(dir(unified_account))
        assert "__version__" in dir(unified_account)

    @pytest.mark.parametrize("name", sorted(TABLE))
    def test_each_name_is_its_modules_object(self, name):
        module = importlib.import_module(TABLE[name], PACKAGE)
        value = getattr(unified_account, name)
        expected = getattr(module, name)
        # A public function comes wrapped in its argument checks.
        assert value is expected or value.__wrapped__ is expected

    def test_a_star_import_gives_every_name(self):
        namespace: dict[str, object] = {}
        exec(f"from {PACKAGE} import *", namespace)
        assert set(TABLE) <= set(namespace)

    def test_help_lists_the_names(self):
        text = pydoc.render_doc(unified_account, renderer=pydoc.plaintext)
        for name in ("Money", "Snapshot", "explain", "evaluate_scope"):
            assert name in text

    def test_an_unknown_name_is_an_attribute_error(self):
        with pytest.raises(AttributeError, match="no_such_name"):
            unified_account.no_such_name  # noqa: B018


@functools.cache
def _namespace(module_name: str) -> dict[str, object]:
    """A module's names as its type checker sees them.

    Its globals, with the imports it makes under ``TYPE_CHECKING`` run,
    over ``typing`` and ``collections.abc``.
    """
    module = importlib.import_module(module_name)
    namespace = {**vars(typing), **vars(collections.abc), **vars(module)}
    source = inspect.getsource(module)
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            body = ast.Module(body=node.body, type_ignores=[])
            # A "<...>" file name: coverage measures no such code.
            where = f"<type-checking imports of {module_name}>"
            exec(compile(body, where, "exec"), namespace)
    return namespace


def _hints(function, owner: type | None) -> dict[str, object]:
    maps = [_namespace(function.__module__)]
    if owner is not None and attrs.has(owner):
        # attrs copies each converter's parameter annotation into the
        # ``__init__`` it writes: those names are the converter's module's.
        for field in attrs.fields(owner):
            converter = getattr(field.converter, "__module__", None)
            if converter and converter.startswith(PACKAGE):
                maps.append(_namespace(converter))
    return typing.get_type_hints(function, dict(ChainMap(*maps)))


def _types_in(hint: object) -> set[type]:
    if getattr(hint, "__supertype__", None) is not None:
        return {hint}  # type: ignore[set-item]  # a NewType
    if isinstance(hint, type) and not typing.get_args(hint):
        return {hint}
    found: set[type] = set()
    origin = typing.get_origin(hint)
    if isinstance(origin, type):
        found.add(origin)
    for argument in typing.get_args(hint):
        found |= _types_in(argument)
    return found


def _functions(namespace_names, owner_module):
    """Each public function and public method of the names given."""
    for name in namespace_names:
        value = getattr(owner_module, name)
        if inspect.isfunction(value):
            yield name, inspect.unwrap(value), None
        elif isinstance(value, type) and not issubclass(value, BaseException):
            for attribute, member in vars(value).items():
                if attribute.startswith("_") and attribute != "__init__":
                    continue
                if isinstance(member, classmethod | staticmethod):
                    member = member.__func__
                if isinstance(member, property):
                    member = member.fget
                if inspect.isfunction(member):
                    yield f"{name}.{attribute}", member, value


def _unreachable(names, module, reachable: set[int]) -> dict[str, list[str]]:
    missing: dict[str, list[str]] = {}
    for where, function, owner in _functions(names, module):
        for kind in _types_of_hints(_hints(function, owner).values()):
            if not getattr(kind, "__module__", "").startswith(PACKAGE):
                continue
            if id(kind) not in reachable:
                label = f"{kind.__module__}.{kind.__qualname__}"
                missing.setdefault(label, []).append(where)
    return missing


def _types_of_hints(hints) -> set[type]:
    found: set[type] = set()
    for hint in hints:
        found |= _types_in(hint)
    return found


class TestEveryTypeIsReachable:
    """A type a public function names can be imported to name it too."""

    def test_the_package_exports_the_types_of_its_functions(self):
        exported = {id(getattr(unified_account, n)) for n in TABLE}
        missing = _unreachable(sorted(TABLE), unified_account, exported)
        assert not missing, missing

    def test_public_modules_export_the_types_of_their_functions(self):
        modules = [
            importlib.import_module(f"{PACKAGE}.{name}")
            for name in public_modules()
        ]
        reachable = {id(getattr(unified_account, n)) for n in TABLE}
        for module in modules:
            reachable |= {id(getattr(module, n)) for n in module.__all__}
        missing: dict[str, list[str]] = {}
        for module in modules:
            missing |= _unreachable(module.__all__, module, reachable)
        assert not missing, missing

    def test_the_walk_sees_what_a_signature_names(self):
        """The walk is not vacuous: it finds the types of known functions."""
        from unified_account.report import Report

        found = _types_of_hints(
            _hints(unified_account.build_report.__wrapped__, None).values()
        )
        assert {unified_account.Snapshot, Report} <= found
        with pytest.raises(AssertionError):
            # A public function naming a type nobody exports is caught.
            assert not _unreachable(["build_report"], unified_account, set())


API_PAGES = Path(__file__).resolve().parent.parent / "docs" / "api"


@pytest.mark.skipif(
    not API_PAGES.is_dir(), reason="the documentation is not beside the tests"
)
def test_each_public_module_has_its_api_page():
    """docs/api/ has one page per public module, documenting that module."""
    pages = {
        page.stem: page.read_text(encoding="utf-8")
        for page in API_PAGES.glob("*.md")
        if page.stem != "index"
    }
    assert sorted(pages) == public_modules()
    for name, text in pages.items():
        assert f".. automodule:: {PACKAGE}.{name}\n" in text, name
    index = (API_PAGES / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^([a-z0-9_.]+)$", index, re.M)
    assert sorted(listed) == public_modules()
