"""What changed between two reports: findings appeared, resolved, changed.

Findings are matched on their key (:attr:`Finding.key
<unified_account.report.finding.Finding.key>`): a finding of the new
report whose key the old one lacks *appeared*; one of the old report
whose key the new one lacks was *resolved*; one whose key both have but
which differs (in its outcome or a describing parameter) *changed*, and
the diff keeps its old and its new form.

Two laws hold (the test suite checks them on generated reports): the
diff of a report with itself is empty, and :meth:`ReportDiff.apply` of
the diff to the old findings gives the new ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..edition import Edition
from ..errors import InvalidValueError
from ..model._validate import instance_of
from ..report import Report
from ..report.finding import Finding, _kinship, share_key
from ..rules import RuleKey

__all__ = [
    "FindingChange",
    "ReportDiff",
    "RuleChanges",
    "diff_findings",
    "diff_reports",
]


@attrs.frozen
class FindingChange:
    """One finding that changed: its old and its new form, of one key."""

    old: Finding = attrs.field(validator=instance_of(Finding))
    new: Finding = attrs.field(validator=instance_of(Finding))

    def __attrs_post_init__(self) -> None:
        if self.old.key != self.new.key:
            raise InvalidValueError(
                f"`{self.new.key}` is not the key of the old finding "
                f"`{self.old.key}`: a change keeps its key",
                field="new",
            )

    @property
    def key(self) -> str:
        """The key the old and the new finding share."""
        return share_key(self.old, self.new)

    @property
    def rule(self) -> RuleKey:
        """The rule of the finding."""
        return self.new.rule


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    found = tuple(value)
    for item in found:
        if not isinstance(item, Finding):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Finding",
                field="findings",
            )
    return found


def _changes(value: Iterable[FindingChange]) -> tuple[FindingChange, ...]:
    found = tuple(value)
    for item in found:
        if not isinstance(item, FindingChange):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a FindingChange",
                field="changed",
            )
    return found


@attrs.frozen
class RuleChanges:
    """The part of a diff about one rule."""

    rule: RuleKey
    appeared: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    changed: tuple[FindingChange, ...]


@checked_methods
@attrs.frozen
class ReportDiff:
    """The findings that appeared, were resolved and changed.

    ``appeared`` are in the new report's order, ``resolved`` in the old
    one's.  An empty diff is false.
    """

    old_edition: Edition = attrs.field(validator=instance_of(Edition))
    new_edition: Edition = attrs.field(validator=instance_of(Edition))
    appeared: tuple[Finding, ...] = attrs.field(
        default=(), converter=_findings
    )
    resolved: tuple[Finding, ...] = attrs.field(
        default=(), converter=_findings
    )
    changed: tuple[FindingChange, ...] = attrs.field(
        default=(), converter=_changes
    )

    def __bool__(self) -> bool:
        return bool(self.appeared or self.resolved or self.changed)

    @property
    def rules(self) -> frozenset[RuleKey]:
        """The keys of the rules with a change."""
        return frozenset(
            [f.rule for f in self.appeared]
            + [f.rule for f in self.resolved]
            + [c.rule for c in self.changed]
        )

    def by_rule(self) -> tuple[RuleChanges, ...]:
        """The diff grouped by rule, in the order of the rule keys."""
        # One pass over each part: a watched diff is grouped per event.
        groups: dict[RuleKey, tuple[list[Any], list[Any], list[Any]]] = {}
        parts: tuple[tuple[Finding | FindingChange, ...], ...] = (
            self.appeared,
            self.resolved,
            self.changed,
        )
        for part, items in enumerate(parts):
            for item in items:
                group = groups.get(item.rule)
                if group is None:
                    group = groups[item.rule] = ([], [], [])
                group[part].append(item)
        return tuple(
            RuleChanges(rule, tuple(appeared), tuple(resolved), tuple(changed))
            for rule, (appeared, resolved, changed) in sorted(
                groups.items(), key=lambda entry: entry[0].value
            )
        )

    def apply(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        """``findings`` with this diff applied: the new report's findings.

        What was resolved is removed, what changed is replaced where it
        was, what appeared is added at the end.  A diff that does not fit
        ``findings`` (a resolved finding missing, an appeared one there
        already) raises :class:`~unified_account.errors.InvalidValueError`.
        """
        replace: dict[str, Finding | None] = {
            finding.key: None for finding in self.resolved
        }
        replace |= {change.key: change.new for change in self.changed}
        expected: Mapping[str, Finding] = {
            finding.key: finding for finding in self.resolved
        } | {change.key: change.old for change in self.changed}
        result: dict[str, Finding] = {}
        seen = 0
        for finding in findings:
            key = finding.key
            if key in replace:
                if expected[key] != finding:
                    raise InvalidValueError(
                        f"`{key}` is not the finding the diff starts from",
                        field="findings",
                    )
                seen += 1
                new = replace[key]
                if new is not None:
                    result[key] = new
            else:
                result[key] = finding
        if seen != len(replace):
            raise InvalidValueError(
                "the findings lack a finding the diff resolves or changes",
                field="findings",
            )
        for finding in self.appeared:
            if finding.key in result:
                raise InvalidValueError(
                    f"`{finding.key}` appeared but is there already",
                    field="findings",
                )
            result[finding.key] = finding
        return tuple(result.values())


def diff_findings(
    old: Iterable[Finding],
    new: Iterable[Finding],
    *,
    old_edition: Edition,
    new_edition: Edition,
) -> ReportDiff:
    """The diff of two collections of findings (see :func:`diff_reports`)."""
    appeared, resolved, changed = _compared(tuple(old), tuple(new))
    return ReportDiff(
        old_edition,
        new_edition,
        appeared=appeared,
        resolved=resolved,
        changed=changed,
    )


def trusted_diff(
    old: tuple[Finding, ...], new: tuple[Finding, ...], edition: Edition
) -> ReportDiff:
    """:func:`diff_findings` of findings the report built, under one edition.

    For the live report, one SKU at a time: the findings and the edition
    were checked when they were built, so nothing is checked again.
    """
    appeared, resolved, changed = _compared(old, new, distinct=True)
    return built_diff(edition, tuple(appeared), tuple(resolved), changed)


def built_diff(
    edition: Edition,
    appeared: tuple[Finding, ...],
    resolved: tuple[Finding, ...],
    changed: tuple[FindingChange, ...],
) -> ReportDiff:
    """A diff of parts already checked, as :class:`ReportDiff` has them."""
    diff: ReportDiff = object.__new__(ReportDiff)
    _set_old_edition(diff, edition)
    _set_new_edition(diff, edition)
    _set_appeared(diff, appeared)
    _set_resolved(diff, resolved)
    _set_changed(diff, changed)
    return diff


# The slots' own setters: the fastest way to fill a frozen instance.
_set_old_edition = ReportDiff.__dict__["old_edition"].__set__
_set_new_edition = ReportDiff.__dict__["new_edition"].__set__
_set_appeared = ReportDiff.__dict__["appeared"].__set__
_set_resolved = ReportDiff.__dict__["resolved"].__set__
_set_changed = ReportDiff.__dict__["changed"].__set__


def _compared(
    old: tuple[Finding, ...],
    new: tuple[Finding, ...],
    *,
    distinct: bool = False,
) -> tuple[list[Finding], list[Finding], tuple[FindingChange, ...]]:
    """What appeared, what was resolved and what changed, old to new.

    ``distinct``: the findings of each side have distinct keys, as one
    report's have; the few left unmatched by place are then matched two
    by two, without computing their keys.
    """
    # Findings in both are unchanged: only the others need their keys.
    # Two findings of one SKU recomputed come in the same order, so equal
    # places are compared first, which is cheaper than hashing them all.
    changed: list[FindingChange] = []
    if len(old) == len(new):
        # A finding whose numbers moved keeps its place: no key needed.
        left: list[Finding] = []
        right: list[Finding] = []
        for a, b in zip(old, new, strict=True):
            if a is b:  # most are, kept by the live report
                continue
            equal, same = _kinship(a, b)
            if equal:
                continue
            if same:
                changed.append(_change(a, b))
            else:
                left.append(a)
                right.append(b)
        if not left:
            return [], [], tuple(changed)
        old, new = tuple(left), tuple(right)
    else:
        old, new = _trimmed(old, new)
        kept = frozenset(old) & frozenset(new)
        old = tuple(f for f in old if f not in kept)
        new = tuple(f for f in new if f not in kept)
    if distinct and len(old) * len(new) <= _PAIRED:
        return _paired(old, new, changed)
    before = {f.key: f for f in old}
    after = {f.key: f for f in new}
    changed += [
        _change(before[key], finding)
        for key, finding in after.items()
        if key in before and before[key] != finding
    ]
    return (
        [f for key, f in after.items() if key not in before],
        [f for key, f in before.items() if key not in after],
        tuple(changed),
    )


# At most this many pairs are compared two by two rather than keyed.
_PAIRED = 16


def _paired(
    old: tuple[Finding, ...],
    new: tuple[Finding, ...],
    changed: list[FindingChange],
) -> tuple[list[Finding], list[Finding], tuple[FindingChange, ...]]:
    """:func:`_compared` by key, of a few findings, without their keys.

    Each side's keys are distinct: a new finding has one old finding of
    its key at most (:func:`~unified_account.report.finding.same_key`).
    The parts come in the order matching by key gives them.
    """
    unmatched = list(old)
    appeared: list[Finding] = []
    for finding in new:
        for index, was in enumerate(unmatched):
            equal, same = _kinship(was, finding)
            if same:
                del unmatched[index]
                if not equal:
                    changed.append(_change(was, finding))
                break
        else:
            appeared.append(finding)
    return appeared, unmatched, tuple(changed)


def _trimmed(
    old: tuple[Finding, ...], new: tuple[Finding, ...]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """``old`` and ``new`` without the equal findings they start and end with.

    What is left holds every finding of one that the other lacks.  The
    findings of one SKU recomputed are mostly the same objects: found
    equal by identity here, they are neither hashed nor keyed.
    """
    shorter = min(len(old), len(new))
    start = 0
    while start < shorter and (
        old[start] is new[start] or old[start] == new[start]
    ):
        start += 1
    end = 0  # how many equal findings both end with
    while end < shorter - start and (
        old[-1 - end] is new[-1 - end] or old[-1 - end] == new[-1 - end]
    ):
        end += 1
    return old[start : len(old) - end], new[start : len(new) - end]


def _change(old: Finding, new: Finding) -> FindingChange:
    """A change of two findings known to share a key, built unchecked."""
    change: FindingChange = object.__new__(FindingChange)
    _set_old(change, old)
    _set_new(change, new)
    return change


_set_old = FindingChange.__dict__["old"].__set__
_set_new = FindingChange.__dict__["new"].__set__


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """What changed from ``old`` to ``new``: appeared, resolved, changed.

    >>> from unified_account import build_report, example_snapshot
    >>> report = build_report(example_snapshot())
    >>> bool(diff_reports(report, report))
    False
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Report):
            raise InvalidValueError(
                f"`{excerpt(value, as_repr=True)}` is not a Report",
                field=name,
            )
    return diff_findings(
        old.findings,
        new.findings,
        old_edition=old.edition,
        new_edition=new.edition,
    )
