"""``unified_account.catalogue`` is now ``unified_account.rule_catalogue``.

The old name (documented in the API reference before) still imports,
with a ``DeprecationWarning``, and gives the very same objects.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from unified_account import rule_catalogue


def _import_old_name():
    sys.modules.pop("unified_account.catalogue", None)
    return importlib.import_module("unified_account.catalogue")


def test_the_old_name_warns_and_names_the_new_one():
    with pytest.warns(DeprecationWarning, match=r"unified_account\.rule_cat"):
        _import_old_name()


def test_the_old_name_gives_the_same_objects():
    with pytest.warns(DeprecationWarning, match="deprecated"):
        old = _import_old_name()
    assert old.__all__ == rule_catalogue.__all__
    for name in rule_catalogue.__all__:
        assert getattr(old, name) is getattr(rule_catalogue, name)


def test_the_package_itself_does_not_load_the_old_name():
    for module in ("cli", "report.formats", "report.stream"):
        importlib.import_module(f"unified_account.{module}")
    sys.modules.pop("unified_account.catalogue", None)
    importlib.import_module("unified_account.cli")
    assert "unified_account.catalogue" not in sys.modules
