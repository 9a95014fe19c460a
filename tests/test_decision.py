"""Decisions combine by Cedar's laws: deny overrides."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    Decision,
    InvalidValueError,
    Outcome,
    Reason,
    RuleKey,
    combine,
)
from unified_account import strategies as ua

DENY = ua.decisions(outcomes=st.just(Outcome.DENIED))


class TestCombine:
    """Laws of :func:`combine`."""

    @given(st.lists(ua.decisions()), DENY, st.data())
    def test_adding_a_deny_never_allows(self, decisions, deny, data):
        """Whatever else is combined, a deny makes the result deny."""
        position = data.draw(st.integers(0, len(decisions)))
        decisions.insert(position, deny)
        assert combine(*decisions).outcome is Outcome.DENIED

    @given(st.lists(ua.decisions(), min_size=1))
    def test_a_deny_names_exactly_the_denying_reasons(self, decisions):
        """Reasons of a deny come from the denying decisions only."""
        result = combine(*decisions)
        denying = [d for d in decisions if d.outcome is Outcome.DENIED]
        unknown = [d for d in decisions if d.outcome is Outcome.UNDETERMINED]
        if denying:
            assert set(result.reasons) == {
                r for d in denying for r in d.reasons
            }
        elif unknown:
            assert result.outcome is Outcome.UNDETERMINED
            assert set(result.reasons) == {
                r for d in unknown for r in d.reasons
            }
        else:
            assert result.allowed
            assert set(result.reasons) == {
                r for d in decisions for r in d.reasons
            }

    @given(st.lists(ua.decisions(), min_size=1), st.randoms())
    def test_order_does_not_change_outcome_or_rules(self, decisions, random):
        """Combining is commutative up to the order of reasons."""
        shuffled = list(decisions)
        random.shuffle(shuffled)
        first, second = combine(*decisions), combine(*shuffled)
        assert first.outcome is second.outcome
        assert set(first.reasons) == set(second.reasons)

    @given(st.lists(ua.decisions(), min_size=1))
    def test_duplicates_do_not_change_the_result(self, decisions):
        """Combining a decision twice is combining it once."""
        assert combine(*decisions, *decisions) == combine(*decisions)

    def test_combining_nothing_is_a_default_deny_with_no_reasons(self):
        """A default deny is told apart by its empty reasons."""
        result = combine()
        assert (result.outcome, result.reasons) == (Outcome.DENIED, ())

    @given(st.lists(ua.decisions()))
    def test_errors_are_kept_apart_and_never_decide(self, decisions):
        """Errors are carried along, never mixed into reasons."""
        result = combine(*decisions)
        assert not set(result.reasons) & set(result.errors)
        without = [Decision(d.outcome, d.reasons) for d in decisions]
        assert combine(*without).outcome is result.outcome


class TestDecision:
    """The decision value itself."""

    def test_an_undetermined_decision_needs_a_reason(self):
        """An unknown fact is always named: no bare undetermined answer."""
        with pytest.raises(InvalidValueError):
            Decision.undetermined()
        with pytest.raises(InvalidValueError):
            Decision(Outcome.UNDETERMINED)

    @given(
        st.lists(ua.decisions(outcomes=st.just(Outcome.ALLOWED))),
        ua.decisions(outcomes=st.just(Outcome.UNDETERMINED)),
    )
    def test_an_unknown_fact_is_neither_yes_nor_no(self, allows, unknown):
        """Allowing decisions combined with an undetermined one stay open."""
        result = combine(*allows, unknown)
        assert result.outcome is Outcome.UNDETERMINED
        assert set(result.reasons) == set(unknown.reasons)

    def test_an_explicit_deny_needs_a_reason(self):
        """Only :func:`combine` of nothing denies without a reason."""
        with pytest.raises(InvalidValueError):
            Decision.deny()

    def test_a_reason_cannot_also_be_an_error(self):
        """Reasons and errors are disjoint."""
        reason = Reason(RuleKey.NO_MERGE, "no-merge.denied")
        with pytest.raises(InvalidValueError):
            Decision(Outcome.DENIED, [reason], [reason])

    def test_a_decision_has_no_truth_value_shortcut(self):
        """Use ``.allowed``; ``bool(decision)`` is not defined by us."""
        assert "__bool__" not in vars(Decision)

    def test_reason_parameters_are_order_independent(self):
        """Parameters are sorted by name."""
        first = Reason("no-merge", "x", {"a": "1", "b": "2"})
        second = Reason("no-merge", "x", {"b": "2", "a": "1"})
        assert first == second
        assert first.param("b") == "2"
        with pytest.raises(KeyError):
            first.param("c")

    def test_an_unknown_rule_key_is_refused(self):
        """Reasons name catalogue rules only."""
        with pytest.raises(ValueError, match="not-a-rule"):
            Reason("not-a-rule", "x")
