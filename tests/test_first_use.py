"""What a program's first use of the package imports, and what it leaves.

The facade loads each name's module on first use (PEP 562); these tests
pin that a first use costs only what it needs (no module a report does
not use is imported by building one) and that the loading leaves the
caller's state as it found it.
"""

import gc
import itertools
import json
import pickle
import subprocess
import sys
from collections.abc import Hashable, Iterable, Mapping, Sequence, Set
from typing import Protocol

import pytest

import unified_account
from unified_account._arguments import _tested


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_a_name_leaves_the_collector_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert unified_account.__getattr__("Marketplace").CA.name == "CA"
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_failed_load_leaves_the_collector_on():
    assert gc.isenabled()
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        unified_account.__getattr__("no_such_name")
    assert gc.isenabled()


# A report on the bundled example needs none of these: they are loaded
# where they are used (reading a shipped file by another loader, a
# finding's key, a temporary file's name, rendering, Babel).
NOT_NEEDED = (
    "importlib.resources",
    "tempfile",
    "zipfile",
    "hashlib",
    "secrets",
    "unified_account.i18n",
    "babel",
)

FIRST_USE = """
import json, sys
from unified_account import build_report, load_snapshot
report = build_report(load_snapshot(sys.argv[1]))
print(json.dumps([len(report.findings), sorted(sys.modules)]))
"""


def test_a_report_on_the_example_imports_only_what_it_needs():
    example = (
        unified_account.__spec__.submodule_search_locations[0]
        + "/snapshot/example-seller.json"
    )
    result = subprocess.run(
        [sys.executable, "-c", FIRST_USE, example],
        capture_output=True,
        text=True,
        check=True,
    )
    findings, modules = json.loads(result.stdout)
    assert findings > 0
    assert [name for name in NOT_NEEDED if name in modules] == []


SCOPE = """
import json, sys
from unified_account import Marketplace, evaluate_scope
allowed = evaluate_scope(Marketplace.CA).allowed
print(json.dumps([allowed, sorted(sys.modules)]))
"""


def test_a_scope_question_loads_no_account_class():
    """The editions need the selling plan alone, not the account's classes."""
    result = subprocess.run(
        [sys.executable, "-c", SCOPE],
        capture_output=True,
        text=True,
        check=True,
    )
    allowed, modules = json.loads(result.stdout)
    assert allowed is True
    assert "unified_account.model.account" not in modules
    assert "immutables" not in modules


def test_the_selling_plan_is_the_accounts():
    """Defined apart, it is ``model.account``'s, and pickles from there."""
    from unified_account.model import account

    assert account.SellingPlan is unified_account.SellingPlan
    assert account.SellingPlan.__module__ == "unified_account.model.account"
    for plan in account.SellingPlan:
        assert pickle.loads(pickle.dumps(plan)) is plan


class _Named(Protocol):
    """A protocol with a data member: ``issubclass`` refuses it."""

    name: str


KINDS = (Iterable, Mapping, Sequence, Set, Hashable, int, str, type(None))
VALUES = ([1], (1,), {"a": 1}, {1}, frozenset(), "a", b"a", 1, None, range(2))


def test_the_tested_classes_give_the_annotations_answers():
    """A facade check tests builtins first; it answers as the kinds do.

    Every ordered choice of one to three kinds, every value: the domain
    is small enough to try whole.
    """
    for size in (1, 2, 3):
        for kinds in itertools.permutations(KINDS, size):
            tested = _tested(kinds)
            assert tested[len(tested) - len(kinds) :] == kinds
            for value in VALUES:
                assert isinstance(value, tested) == isinstance(value, kinds)


def test_a_list_for_an_iterable_is_matched_before_the_abstract_class():
    assert _tested((Iterable,))[:2] == (list, tuple)
    assert _tested((Mapping, type(None))) == (dict, Mapping, type(None))
    assert _tested((int,)) == (int,)
    assert _tested((_Named,)) == (_Named,)  # not asked: it would refuse
    assert _tested((Sequence, _Named))[-2:] == (Sequence, _Named)
