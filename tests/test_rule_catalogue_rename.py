"""``unified_account.catalogue`` is now ``unified_account.rule_catalogue``.

The old name (documented in the API reference before) still imports,
with a ``DeprecationWarning``, and gives the very same objects.
"""

from __future__ import annotations

import importlib
import subprocess
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
    """The command and the report never import the deprecated name."""
    code = (
        "import sys, contextlib, io\n"
        "from unified_account.cli import main\n"
        "import unified_account.report.formats\n"
        "import unified_account.report.stream\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules', '--format', 'markdown'])\n"
        "    main(['explain', 'no-merge', '--format', 'json'])\n"
        "print('unified_account.catalogue' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "False\n"
