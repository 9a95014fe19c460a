"""Issue 22: each policy's tests pin the message id of every reason.

A reason whose id no policy test names could be given under another id
(two ids swapped) with every policy test still passing.  This checks
that every id a policy module gives is named, quoted, by the policy
tests; the tests themselves assert it where it is given.
"""

import re
from pathlib import Path

import pytest

POLICY = Path(__file__).resolve().parents[2] / "src/unified_account/policy"
TESTS = Path(__file__).resolve().parent
GIVEN = re.compile(r'N_\(\s*"([^"]+)"')
# Words, not reasons: the terms a message names are translated, not given.
WORDS = {"terms.py"}


def _modules():
    if not POLICY.is_dir():  # the suite run against a built wheel
        return []
    return sorted(
        p
        for p in POLICY.glob("*.py")
        if p.name not in WORDS and GIVEN.search(p.read_text())
    )


@pytest.mark.skipif(not POLICY.is_dir(), reason="no source tree beside it")
@pytest.mark.parametrize("module", _modules(), ids=lambda p: p.name)
def test_every_reason_id_of_a_policy_is_named_by_its_tests(module):
    tests = "\n".join(p.read_text() for p in TESTS.glob("test_*.py"))
    given = set(GIVEN.findall(module.read_text()))
    assert given
    assert {i for i in given if f'"{i}"' not in tests} == set()
