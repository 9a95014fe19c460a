"""The seller report: every rule that applies to a snapshot, as findings.

:func:`build_report` evaluates each rule family's findings (one private
module per family, each calling the policies and nothing else) and keeps
them in a :class:`Report`.  Findings, like decisions, hold message ids and
parameters; :mod:`unified_account.report.formats` renders them as text,
JSON or Markdown in a given locale.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from .._excerpt import excerpt
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..model._validate import instance_of
from ..rules import RuleKey
from . import _account, _brand, _charges, _imports, _inventory, _money
from .finding import Finding, FindingOutcome, once

if TYPE_CHECKING:
    from ..snapshot import Snapshot

__all__ = [
    "FAIL_ON",
    "Finding",
    "FindingOutcome",
    "Report",
    "build_report",
    "fails",
    "iter_findings",
]

_SECTIONS = (
    _account.findings,
    _inventory.findings,
    _money.findings,
    _charges.findings,
    _brand.findings,
    _imports.findings,
)


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    findings = tuple(value)
    for finding in findings:
        if not isinstance(finding, Finding):
            raise InvalidValueError(
                f"`{excerpt(finding, as_repr=True)}` is not a Finding",
                field="findings",
            )
    # A finding said twice is said once: the first occurrence is kept.
    return tuple(dict.fromkeys(findings))


@attrs.frozen
class Report:
    """The findings for one snapshot under one edition, in a stable order.

    No finding appears twice: equal findings are kept once, where the
    first of them came.
    """

    edition: Edition = attrs.field(validator=instance_of(Edition))
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)

    @property
    def rules(self) -> frozenset[RuleKey]:
        """The keys of the rules the report has findings for."""
        return frozenset(finding.rule for finding in self.findings)


def iter_findings(
    snapshot: Snapshot, *, edition: Edition = FAQ
) -> Iterator[Finding]:
    """The findings of :func:`build_report`, one at a time, in its order.

    For a large catalogue, write them as they come (see
    :func:`unified_account.report.stream.write_report`) instead of
    keeping them all in a :class:`Report`.
    """
    for section in _SECTIONS:
        found = section(snapshot, edition)
        # The catalogue's section repeats nothing (each finding names its
        # SKU and listing, with distinct message ids): nothing to remove.
        yield from found if section is _inventory.findings else once(found)


FAIL_ON: Mapping[str, frozenset[FindingOutcome]] = MappingProxyType(
    {
        "warning": frozenset({FindingOutcome.WARNING, FindingOutcome.DENIED}),
        "denied": frozenset({FindingOutcome.DENIED}),
    }
)
"""The levels ``report --fail-on`` accepts, and the outcomes each fails on.

A level fails on its own outcome and every graver one.  A new outcome
joins the levels here; the command and its documentation follow.
"""


def fails(report: Report, level: str) -> bool:
    """Whether ``report`` has a finding at ``level`` (a key of FAIL_ON)."""
    outcomes = FAIL_ON[level]
    return any(finding.outcome in outcomes for finding in report.findings)


def build_report(snapshot: Snapshot, *, edition: Edition = FAQ) -> Report:
    """Evaluate every rule that applies to ``snapshot``."""
    return Report(edition, iter_findings(snapshot, edition=edition))
