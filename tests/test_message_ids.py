"""The documented message ids: one list in the code, kept and obeyed.

``unified_account.message_ids.MESSAGES`` is the list ``docs/messages.md``
is generated from.  These tests check that the code marks no reason id
the list lacks, that the list still holds every id and parameter once
promised (``tests/fixtures/messages-stable.txt``), and that the reasons
the rules really produce carry exactly the listed parameters, of the
listed kinds.
"""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import run_state_machine_as_test

from unified_account import (
    EDITIONS,
    Marketplace,
    Money,
    Reason,
    RuleKey,
    Term,
    build_report,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.i18n import SUPPORTED_LOCALES, catalog
from unified_account.message_ids import MESSAGES, ParamKind
from unified_account.testing.example import (
    AccountInfoStoreConformance,
    InventorySyncConformance,
)

STABLE = Path(__file__).parent / "fixtures" / "messages-stable.txt"
RULE_PREFIXES = {str(key) for key in RuleKey}

KINDS = {
    ParamKind.TEXT: lambda v: isinstance(v, str),
    ParamKind.INTEGER: lambda v: (
        isinstance(v, int) and not isinstance(v, bool)
    ),
    ParamKind.DECIMAL: lambda v: isinstance(v, Decimal),
    ParamKind.MONEY: lambda v: isinstance(v, Money),
    ParamKind.DATE: lambda v: isinstance(v, date),
    ParamKind.DATES: lambda v: (
        isinstance(v, tuple) and all(isinstance(d, date) for d in v)
    ),
    ParamKind.MARKETPLACE: lambda v: isinstance(v, Marketplace),
    ParamKind.MARKETPLACES: lambda v: (
        isinstance(v, tuple) and all(isinstance(m, Marketplace) for m in v)
    ),
    ParamKind.TEXTS: lambda v: (
        isinstance(v, tuple) and all(isinstance(s, str) for s in v)
    ),
    ParamKind.TERM: lambda v: isinstance(v, Term),
    ParamKind.TERMS: lambda v: (
        isinstance(v, tuple) and all(isinstance(t, Term) for t in v)
    ),
}


def marked_reason_ids():
    """Every literal passed to ``N_`` in the package, that names a rule."""
    root = Path(str(resources.files("unified_account")))
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return {m for m in found if m.partition(".")[0] in RULE_PREFIXES}


def stable_list():
    entries = {}
    for line in STABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            message_id, *params = line.split()
            entries[message_id] = set(params)
    return entries


def listed(spec):
    return {
        f"{p.name}:{p.kind.value}{'?' if p.optional else ''}"
        for p in spec.params
    }


def test_every_reason_id_in_the_code_is_listed():
    """An id marked in the code but missing from the list fails here."""
    assert marked_reason_ids() == set(MESSAGES)


def test_every_listed_id_names_its_rule_and_is_translated():
    """Each id starts with its rule key and exists in every locale."""
    for message_id, spec in MESSAGES.items():
        assert message_id.startswith(f"{spec.rule}.")
        for locale in SUPPORTED_LOCALES:
            assert message_id in catalog(locale), (message_id, locale)


def test_no_promised_id_or_parameter_is_removed():
    """Every id and parameter once documented is still there, unchanged."""
    current = {m: listed(spec) for m, spec in MESSAGES.items()}
    removed = {
        message_id: sorted(params - current.get(message_id, set()))
        for message_id, params in stable_list().items()
        if message_id not in current or params - current[message_id]
    }
    assert removed == {}, "a breaking change: see messages-stable.txt"


def test_every_listed_id_is_promised():
    """A new id or parameter joins the stable list when it is added."""
    promised = stable_list()
    assert {m: listed(s) for m, s in MESSAGES.items()} == promised


def check(reason):
    spec = MESSAGES.get(reason.message_id)
    assert spec is not None, f"`{reason.message_id}` is not documented"
    assert reason.rule is spec.rule
    names = {name for name, _ in reason.params}
    kinds = {p.name: p.kind for p in spec.params}
    assert spec.required <= names <= set(kinds), reason
    for name, value in reason.params:
        assert KINDS[kinds[name]](value), (reason.message_id, name, value)


@pytest.fixture
def produced(monkeypatch):
    """Every reason the library builds while the test runs."""
    seen = []
    original = Reason.__init__

    def recording(self, *args, **kwargs):
        original(self, *args, **kwargs)
        seen.append(self)

    monkeypatch.setattr(Reason, "__init__", recording)
    return seen


QUICK = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
    ],
)


def test_the_report_s_reasons_match_the_list(produced):
    """Findings of generated snapshots, in every edition, obey the list."""

    @QUICK
    @given(ua.snapshots(), st.sampled_from(sorted(EDITIONS)))
    def run(snapshot, edition):
        build_report(snapshot, edition=EDITIONS[edition])

    for edition in EDITIONS.values():
        build_report(example_snapshot(), edition=edition)
    run()
    assert produced
    for reason in produced:
        check(reason)


def test_transitions_reasons_match_the_list(produced):
    """Reasons of allowed and refused transitions obey the list too."""
    for machine in (InventorySyncConformance, AccountInfoStoreConformance):
        run_state_machine_as_test(
            machine, settings=settings(QUICK, stateful_step_count=20)
        )
    assert produced
    for reason in produced:
        check(reason)
