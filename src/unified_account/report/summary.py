"""Which findings a person must read, and a summary of the rest.

A report of a large catalogue has millions of findings, most of them
explanations (a listing is listed, a pool serves its marketplaces).  The
default report states every *problem* in full and summarises every other
finding per rule and outcome: how many there are and the first few, as
examples.  :data:`PROBLEM_OUTCOMES` is the one place that says which
outcomes are problems.

>>> from unified_account import build_report, example_snapshot
>>> summary = Summary()
>>> shown = [f for f in build_report(example_snapshot()).findings
...          if summary.add(f)]
>>> all(is_problem(f) for f in shown)
True
>>> summary.total == len(shown) + sum(g.count for g in summary.groups())
True
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from ..rules import RuleKey
from .finding import Finding, FindingOutcome

__all__ = [
    "EXAMPLES",
    "PROBLEM_OUTCOMES",
    "Summary",
    "SummaryGroup",
    "is_problem",
]

PROBLEM_OUTCOMES = frozenset({FindingOutcome.DENIED, FindingOutcome.WARNING})
"""The outcomes a default report states one by one: the seller must act."""

EXAMPLES = 3
"""How many examples a summary group keeps."""


def is_problem(finding: Finding) -> bool:
    """Whether ``finding`` is stated in full in the default report."""
    return finding.outcome in PROBLEM_OUTCOMES


@attrs.frozen
class SummaryGroup:
    """The findings of one rule with one outcome that were not shown.

    ``count`` is how many there were; ``examples`` are the first few.
    """

    rule: RuleKey
    outcome: FindingOutcome
    count: int
    examples: tuple[Finding, ...]


class Summary:
    """Counts findings as they stream past, keeping a few of each group.

    :meth:`add` returns whether the finding is to be shown in full (a
    problem); every other finding is counted in its group.  Memory stays
    bounded by the number of groups, whatever the number of findings.
    """

    __slots__ = ("_groups", "outcomes")

    def __init__(self) -> None:
        # Per (rule, outcome) of the findings not shown: the count, then
        # the first few findings.
        self._groups: dict[tuple[RuleKey, FindingOutcome], list[Any]] = {}
        self.outcomes: Counter[FindingOutcome] = Counter()
        """The findings added, per outcome."""

    @property
    def total(self) -> int:
        """Every finding added."""
        return sum(self.outcomes.values())

    def add(self, finding: Finding) -> bool:
        """Count ``finding``; ``True`` if it is a problem, to be shown."""
        outcome = finding.outcome
        self.outcomes[outcome] += 1
        if outcome in PROBLEM_OUTCOMES:
            return True
        key = (finding.rule, outcome)
        group = self._groups.get(key)
        if group is None:
            self._groups[key] = [1, finding]
        else:
            group[0] += 1
            if len(group) <= EXAMPLES:
                group.append(finding)
        return False

    def groups(self) -> list[SummaryGroup]:
        """The groups, by rule key then outcome, in a stable order."""
        return [
            SummaryGroup(rule, outcome, group[0], tuple(group[1:]))
            for (rule, outcome), group in sorted(
                self._groups.items(),
                key=lambda item: (str(item[0][0]), item[0][1].value),
            )
        ]
