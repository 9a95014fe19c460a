"""The rule catalogue is the one source of every rule key."""

import re
from pathlib import Path

import pytest

from unified_account import RULES, RuleKey, UnknownRuleError, rule

ROOT = Path(__file__).parent.parent
SPEC = ROOT.parent / "shared" / "SPEC.md"
DOCS_RULES = ROOT / "docs" / "rules"


def test_every_key_is_in_the_catalogue_once():
    """One entry per key, in the enum's order."""
    assert list(RULES) == list(RuleKey)


@pytest.mark.skipif(
    not SPEC.exists(),
    reason="shared data absent: the rule catalogue (SPEC.md) is not there",
)
def test_the_keys_are_exactly_the_specs():
    """The code uses the specification's keys verbatim."""
    spec_keys = set(re.findall(r"^\| `([a-z-]+)` \|", SPEC.read_text(), re.M))
    assert spec_keys == {str(key) for key in RuleKey}


def test_every_key_has_one_docs_section_and_one_rule_directive():
    """docs/rules has ``## key`` and ``{rule} key`` for each key, once."""
    text = "\n".join(p.read_text("utf-8") for p in DOCS_RULES.glob("*.md"))
    headings = re.findall(r"^## ([a-z-]+)$", text, re.M)
    directives = re.findall(r"^```\{rule\} ([a-z-]+)$", text, re.M)
    assert sorted(headings) == sorted(str(k) for k in RuleKey)
    assert sorted(directives) == sorted(headings)


def test_an_unknown_key_is_a_clear_error():
    """The error lists the known keys."""
    with pytest.raises(UnknownRuleError, match="no-merge"):
        rule("merge-allowed")


def test_message_ids_derive_from_the_key():
    """Title, question, summary and example ids are keyed by rule."""
    entry = rule("storefront-origin")
    assert (entry.title, entry.example) == (
        "rule.storefront-origin.title",
        "rule.storefront-origin.example",
    )
