"""One finding of the report: a rule's verdict on one subject."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs

from .._arguments import checked_methods_but
from .._excerpt import excerpt
from ..decision import (
    Decision,
    Outcome,
    Params,
    Reason,
    Resolved,
    _params,
    _rule_key,
)
from ..errors import InvalidValueError
from ..model._validate import instance_of, non_empty_text
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .identity import DESCRIBING, WHOLLY_IDENTIFIED, finding_key, param_json
from .subject import Subject

__all__ = [
    "Finding",
    "FindingOutcome",
    "from_decision",
    "from_resolved",
    "level",
    "once",
    "same_key",
]


class FindingOutcome(enum.Enum):
    """What a finding tells the seller: its level.

    The levels separate problems from explanations.  ``denied`` and
    ``warning`` are problems: something the seller *has* (a turned-on
    marketplace, a listing, stock, a bank account, a brand's listings) or
    *asked for* (a storefront request) is refused or at risk.  ``allowed``
    confirms such a thing.  ``info`` explains: a value the rules produced
    or why something the seller neither has nor asked for would not be
    possible (no merge of two accounts, no listing on a marketplace never
    turned on).  ``undetermined`` says the answer turns on a fact the
    library does not hold; it is neither a yes nor a no.
    """

    ALLOWED = "allowed"
    """Something the seller has or asked for is allowed."""
    DENIED = "denied"
    """Something the seller has or asked for is refused."""
    WARNING = "warning"
    """Something the seller has is at risk (stock that cannot serve)."""
    INFO = "info"
    """An explanation, or a value the rules produced."""
    UNDETERMINED = "undetermined"
    """The answer needs a fact the library does not hold.

    .. versionadded:: 0.2.0
    """

    __hash__ = object.__hash__  # members are singletons: C-speed hashing


@checked_methods_but("of")
@attrs.frozen
class Finding:
    """A rule's verdict on one subject, as a message id and parameters.

    ``subject`` says what the finding is about, as fields (account,
    marketplace, SKU, ASIN, brand, ...); ``str(subject)`` is its stable,
    unlocalized path: ``account:A1EXAMPLEUS``, ``listing:SKU-1@CA``.
    """

    rule: RuleKey = attrs.field(converter=_rule_key)
    outcome: FindingOutcome = attrs.field(
        validator=instance_of(FindingOutcome)
    )
    subject: Subject = attrs.field(validator=instance_of(Subject))
    message_id: str = attrs.field(validator=non_empty_text)
    params: Params = attrs.field(default=(), converter=_params)

    @functools.cached_property
    def key(self) -> str:
        """The finding's stable key, as 32 hexadecimal digits.

        The digest of its rule, subject, message id and identifying
        parameters.  Equal across runs, locales and formats; two findings
        of one report never share it.  The parameters in
        :data:`~unified_account.report.identity.DESCRIBING` are left out,
        so a finding whose numbers moved keeps its key (see
        :mod:`unified_account.report.identity`).  Computed once, when
        first read: a diff reads it several times.
        """
        return finding_key(
            self.rule, self.subject, self.message_id, self.params
        )

    @classmethod
    def of(
        cls, reason: Reason, outcome: FindingOutcome, subject: Subject
    ) -> Finding:
        """The finding that reports ``reason`` about ``subject``.

        ``reason`` was validated when it was built, so only ``outcome``
        and ``subject`` are checked here: reports build millions.
        """
        if type(reason) is not Reason:
            if not isinstance(reason, Reason):
                raise InvalidValueError(
                    f"`{excerpt(reason, as_repr=True)}` "
                    f"is not an instance of Reason",
                    field="reason",
                )
            return cls(
                reason.rule, outcome, subject, reason.message_id, reason.params
            )
        if type(outcome) is not FindingOutcome:
            raise InvalidValueError(
                f"`{excerpt(outcome, as_repr=True)}` "
                f"is not an instance of FindingOutcome",
                field="outcome",
            )
        if not isinstance(subject, Subject):
            raise InvalidValueError(
                f"`{excerpt(subject, as_repr=True)}` "
                f"is not an instance of Subject",
                field="subject",
            )
        return checked_finding(
            reason.rule, outcome, subject, reason.message_id, reason.params
        )


# The slots' own setters: the fastest way to fill a frozen instance.
_new = object.__new__
_set_rule = Finding.__dict__["rule"].__set__
_set_outcome = Finding.__dict__["outcome"].__set__
_set_subject = Finding.__dict__["subject"].__set__
_set_message_id = Finding.__dict__["message_id"].__set__
_set_params = Finding.__dict__["params"].__set__
# The slot ``functools.cached_property`` became, read without computing.
_key_slot = Finding.__dict__["key"]


def share_key(finding: Finding, other: Finding) -> str:
    """``finding``'s key, given to ``other`` too, which shares it.

    For two findings known to have one key (:func:`same_key`, a
    :class:`~unified_account.changes.FindingChange`): the digest is
    computed once for both.  Nothing visible changes: ``other.key``
    would compute the same digest.
    """
    key = finding.key
    try:
        _key_slot.__get__(other)
    except AttributeError:
        _key_slot.__set__(other, key)
    return key


def checked_finding(
    rule: RuleKey,
    outcome: FindingOutcome,
    subject: Subject,
    message_id: str,
    params: Params,
) -> Finding:
    """A finding of values already checked, as :class:`Finding` has them.

    ``params`` are in name order, as a :class:`Reason` keeps them.  For
    the report's own findings, built by the million; anything else goes
    through :class:`Finding` or :meth:`Finding.of`.
    """
    finding: Finding = _new(Finding)
    _set_rule(finding, rule)
    _set_outcome(finding, outcome)
    _set_subject(finding, subject)
    _set_message_id(finding, message_id)
    _set_params(finding, params)
    return finding


T = TypeVar("T")

_OUTCOMES = {
    Outcome.ALLOWED: FindingOutcome.ALLOWED,
    Outcome.DENIED: FindingOutcome.DENIED,
    Outcome.UNDETERMINED: FindingOutcome.UNDETERMINED,
}


def level(decision: Decision, *, concerns_seller: bool) -> FindingOutcome:
    """The finding level of ``decision``.

    Its own outcome, except that a refusal of something the seller
    neither has nor asked for (``concerns_seller`` false) explains rather
    than refuses: ``info``.
    """
    if decision.outcome is Outcome.DENIED and not concerns_seller:
        return FindingOutcome.INFO
    return _OUTCOMES[decision.outcome]


def from_decision(
    decision: Decision,
    subject: Subject,
    rules: Iterable[RuleKey] | None = None,
    *,
    concerns_seller: bool = True,
) -> list[Finding]:
    """A finding for each reason of ``decision`` (of ``rules``, if given).

    The level is :func:`level`: ``info`` for an explanation, when the
    decision is not about something the seller has or asked for.
    """
    wanted = None if rules is None else frozenset(rules)
    outcome = level(decision, concerns_seller=concerns_seller)
    return [
        Finding.of(reason, outcome, subject)
        for reason in decision.reasons
        if wanted is None or reason.rule in wanted
    ]


def from_resolved(resolved: Resolved[T], subject: Subject) -> list[Finding]:
    """An informational finding for each reason behind a resolved value."""
    return [
        Finding.of(reason, FindingOutcome.INFO, subject)
        for reason in resolved.reasons
    ]


def once(findings: Iterable[Finding]) -> Iterator[Finding]:
    """``findings`` without repeats: each is yielded where it first came.

    The report's sections are about disjoint message ids, so a finding
    repeats only within its section; the catalogue's section, whose
    findings never repeat, does without, so memory follows the few
    findings of the other sections, not the catalogue.
    """
    seen: set[Finding] = set()
    for finding in findings:
        before = len(seen)
        seen.add(finding)  # one hash per finding, not two
        if len(seen) != before:
            yield finding


def same_key(first: Finding, second: Finding) -> bool:
    """Whether two findings have one key, without computing either.

    The parts of the key are compared in the form the key writes them:
    equal parts, equal keys.  The identifying parameters are those the
    key reads (every one, for a message id in
    :data:`~unified_account.report.identity.WHOLLY_IDENTIFIED`).
    """
    return _kinship(first, second)[1]


def _kinship(first: Finding, second: Finding) -> tuple[bool, bool]:
    """Whether two findings are equal (``==``), and whether they share a key.

    Both answers in one pass, each part compared once: a diff asks it of
    every pair of findings in the same place that are not the same object.
    """
    if first is second:
        return True, True
    message_id = first.message_id
    if first.rule is not second.rule or message_id != second.message_id:
        return False, False
    subject = first.subject
    if subject is not second.subject and not subject == second.subject:  # noqa: SIM201
        return False, False
    describing = _NO_NAMES if message_id in WHOLLY_IDENTIFIED else DESCRIBING
    one, other = first.params, second.params
    if len(one) == len(other):
        equal = first.outcome is second.outcome
        same = True  # so far, the key's parameters are written alike
        # Parameter by parameter, a value compared with itself unwritten.
        for (name, value), (other_name, other_value) in zip(
            one, other, strict=True
        ):
            if name != other_name:
                break
            if value is other_value:
                continue
            alike = value == other_value
            equal = equal and alike
            if name in describing or (alike and _plain(value, other_value)):
                continue
            same = same and param_json(value) == param_json(other_value)
        else:
            return equal, same
    # Parameters of other names or number: unequal findings.
    return False, (
        _identifying(one, describing) == _identifying(other, describing)
    )


_NO_NAMES: frozenset[str] = frozenset()
# Parameter types two equal values of which the key writes alike.
_PLAIN_TYPES = frozenset({str, int, Marketplace})  # not bool: True == 1


def _plain(value: object, other: object) -> bool:
    """Whether ``value`` and ``other``, equal, are written alike.

    So they are when both are of one plain type (text, a whole number,
    a marketplace), or tuples of such, item by item: ``True == 1`` and
    ``Decimal("1.0") == Decimal("1.00")``, but they are written apart.
    """
    kind = type(value)
    if kind is not type(other):
        return False
    return kind in _PLAIN_TYPES or (
        kind is tuple
        and all(
            type(item) is type(twin) and type(item) in _PLAIN_TYPES
            for item, twin in zip(value, other, strict=True)  # type: ignore[call-overload]
        )
    )


def _identifying(
    params: Params, describing: frozenset[str]
) -> list[tuple[str, object]]:
    return [
        (name, param_json(value))
        for name, value in params
        if name not in describing
    ]
