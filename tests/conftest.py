"""Hypothesis profiles: ``dev`` (default), ``ci`` (more, derandomized).

Pick one with ``HYPOTHESIS_PROFILE=ci`` or ``--hypothesis-profile=ci``.
"""

import os

from hypothesis import HealthCheck, settings

# Tests never time things: Hypothesis's "input generation is slow" check
# is a timing, and fails on a loaded machine, so no profile runs it.
settings.register_profile(
    "dev", max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# The suite run against the built wheel (.ci/run) checks what the wheel
# carries, beside the README's test command, which runs the full budget.
settings.register_profile(
    "wheel",
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# mutmut runs the suite once per mutant: fewer examples, same properties.
settings.register_profile(
    "mutation",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# Under mutmut (which sets MUTANT_UNDER_TEST) every test starts with an
# empty memo.  mutmut forks each mutant's test run from a process that has
# already run the suite, and a memo filled there answers with the
# unmutated code: a mutant of a memoized function would then survive
# unseen, and mutmut's record of which tests call which function would
# miss every call the memo answered.  The one memo left in policy/ and
# model/ is the money module's table of each currency's quantum.
_MEMOS = {
    "unified_account.model.money": ("_QUANTA",),
}

if "MUTANT_UNDER_TEST" in os.environ:
    import importlib

    import pytest

    @pytest.fixture(autouse=True)
    def _empty_memos():
        """Start each test with the memos of policy/ and model/ empty."""
        for module, names in _MEMOS.items():
            loaded = importlib.import_module(module)
            for name in names:
                getattr(loaded, name).clear()


# Where .ci/run requires the shared data, a skip for its absence fails.
from _shared_required import (  # noqa: E402, F401
    pytest_make_collect_report,
    pytest_runtest_makereport,
)
