"""Decisions: a business answer as a value.

A :class:`Decision` is an outcome plus the *determining* rules, each as a
:class:`Reason` (rule key, message id, parameters), with evaluation
errors kept apart.  A question whose answer is a value rather than a yes
or no (the account information for Canada, the stock available in
Mexico) returns a :class:`Resolved` value with the reasons that produced
it.  Neither holds prose: render them with :mod:`unified_account.i18n`.

Three outcomes: :attr:`Outcome.ALLOWED`, :attr:`Outcome.DENIED`, and
:attr:`Outcome.UNDETERMINED` when the answer turns on a fact the library
does not hold (a list Amazon does not publish, account information that
is unknown); an undetermined decision names the rules and the missing
fact, and is never read as a denial.

Combining rule (:func:`combine`), as in Cedar: **deny overrides**.  If any
decision denies, the result denies and its reasons are exactly the
denying decisions' reasons; otherwise, if any is undetermined, the result
is undetermined with exactly the undetermined decisions' reasons;
otherwise it allows with every reason of the allowing decisions.
Combining nothing is a *default deny* with no reasons, distinguishable
from an explicit deny, which always names at least one rule.  Errors from
every decision are kept, in order, apart from the reasons; they never
change the outcome.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Generic, TypeAlias, TypeVar

import attrs

from ._arguments import checked_methods, checked_methods_but
from ._excerpt import excerpt
from .errors import InvalidValueError, UnifiedAccountError
from .model._validate import instance_of
from .model.marketplace import Marketplace
from .model.money import Money
from .rules import RuleKey

__all__ = [
    "Decision",
    "Outcome",
    "ParamValue",
    "Params",
    "Reason",
    "Resolved",
    "RuleViolation",
    "Term",
    "combine",
]

T = TypeVar("T")
_set = object.__setattr__


@attrs.frozen
class Term:
    """A word the renderer translates, such as a selling plan's name.

    ``message_id`` must be a literal marked with
    :func:`~unified_account.messages.N_`.
    """

    message_id: str


ParamValue: TypeAlias = (
    str
    | int
    | Decimal
    | Money
    | date
    | Marketplace
    | Term
    | tuple["ParamValue", ...]
)
"""What a message parameter may be; each kind is rendered per locale."""

Params: TypeAlias = tuple[tuple[str, ParamValue], ...]


class Outcome(enum.Enum):
    """Whether the rules allow what was asked."""

    ALLOWED = "allowed"
    """The rules allow it."""
    DENIED = "denied"
    """The rules refuse it."""
    UNDETERMINED = "undetermined"
    """The answer turns on a fact the library does not hold.

    .. versionadded:: 0.2.0
    """


_SCALARS = (str, int, Decimal, Money, date, Marketplace, Term)


def _param_value(name: str, value: object) -> ParamValue:
    if isinstance(value, tuple):
        return tuple(_param_value(name, item) for item in value)
    if isinstance(value, _SCALARS) and not isinstance(value, bool):
        return value
    raise InvalidValueError(
        f"`{excerpt(value, as_repr=True)}` is not a message parameter (text, "
        "a number, money, a "
        "date, a marketplace, a term or a tuple of them)",
        field=f"params.{name}",
    )


_EXACT_SCALARS = frozenset({str, int, Decimal, Money, date, Marketplace, Term})


def _plain(value: dict[str, object]) -> bool:
    """Whether every name is text and every value a scalar or a flat tuple."""
    for name, item in value.items():
        if type(name) is not str:
            return False
        kind = type(item)
        if kind is tuple:
            for element in item:  # type: ignore[attr-defined]
                if type(element) not in _EXACT_SCALARS:
                    return False
        elif kind not in _EXACT_SCALARS:
            return False
    return True


def _params(value: Mapping[str, ParamValue] | Params) -> Params:
    if type(value) is dict and _plain(value):
        # The common case, a dict of plain values: one pass, no re-check.
        return tuple(sorted(value.items()))  # names are unique
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, tuple) and all(
        isinstance(item, tuple) and len(item) == 2 for item in value
    ):
        items = list(value)
    else:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a mapping of names to "
            "values",
            field="params",
        )
    for name, _ in items:
        if not isinstance(name, str):
            raise InvalidValueError(
                f"`{excerpt(name, as_repr=True)}` is not a parameter name",
                field="params",
            )
    return tuple(
        sorted(
            ((name, _param_value(name, v)) for name, v in items),
            key=lambda item: item[0],
        )
    )


def _rule_key(value: str) -> RuleKey:
    if type(value) is RuleKey:
        return value
    try:
        return RuleKey(value)
    except ValueError:
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a rule key", field="rule"
        ) from None


@checked_methods
@attrs.frozen(init=False)
class Reason:
    """One determining rule: its key, a message id and the message's values.

    ``params`` may be given as a mapping; it is kept as a tuple of
    ``(name, value)`` pairs sorted by name, so equal reasons are equal
    whatever order their parameters came in.

    >>> Reason(RuleKey.NO_MERGE, "no-merge.denied", {"b": "2", "a": "1"})
    Reason(rule=<RuleKey.NO_MERGE: 'no-merge'>, message_id='no-merge.denied', \
params=(('a', '1'), ('b', '2')))
    """

    rule: RuleKey
    message_id: str
    params: Params = ()

    def __init__(
        self,
        rule: RuleKey | str,
        message_id: str,
        params: Mapping[str, ParamValue] | Params = (),
    ) -> None:
        # Written out rather than generated: every policy call builds
        # reasons, and this checks each value once, the common case
        # (a key, an id, a dict of plain values) on a short path.
        if type(message_id) is not str or not message_id.strip():
            raise InvalidValueError(
                f"`{excerpt(message_id, as_repr=True)}` "
                f"must be a non-empty string",
                field="message_id",
            )
        _set(self, "rule", rule if type(rule) is RuleKey else _rule_key(rule))
        _set(self, "message_id", message_id)
        _set(self, "params", _params(params))

    @classmethod
    def _of(
        cls, rule: RuleKey, message_id: str, params: dict[str, ParamValue]
    ) -> Reason:
        # For reasons built from already-validated values (a catalogue's
        # records): the parameters are only put in order.
        reason = _new(cls)
        _set_rule(reason, rule)
        _set_message_id(reason, message_id)
        _set_params(reason, tuple(sorted(params.items())))
        return reason

    def param(self, name: str) -> ParamValue:
        """The value of parameter ``name``."""
        for key, value in self.params:
            if key == name:
                return value
        raise KeyError(name)


# The slots' own setters: building a checked value, the fastest way to
# fill a frozen instance (what ``object.__setattr__`` ends up calling).
_new = object.__new__
_set_rule = Reason.__dict__["rule"].__set__
_set_message_id = Reason.__dict__["message_id"].__set__
_set_params = Reason.__dict__["params"].__set__


def _ordered(rule: RuleKey, message_id: str, params: Params) -> Reason:
    """A reason whose ``params`` are already checked and in name order.

    For the policies' own reasons, whose parameters are written out in
    name order from values checked when they were built: nothing is
    checked or sorted again.
    """
    reason = _new(Reason)
    _set_rule(reason, rule)
    _set_message_id(reason, message_id)
    _set_params(reason, params)
    return reason


def _reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    if type(value) is tuple and (
        not value or (len(value) == 1 and type(value[0]) is Reason)
    ):
        return value  # nothing to deduplicate or convert
    if isinstance(value, str | bytes):  # type: ignore[unreachable]
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection of reasons"
        )
    try:
        reasons = tuple(dict.fromkeys(value))
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection of reasons"
        ) from None
    for reason in reasons:
        if not isinstance(reason, Reason):
            raise InvalidValueError(
                f"`{excerpt(reason, as_repr=True)}` is not a Reason"
            )
    return reasons


@checked_methods_but("allow", "deny", "undetermined")
@attrs.frozen
class Decision:
    """An outcome, the rules that determined it, and any evaluation errors.

    ``reasons`` and ``errors`` never share an entry.  There is no
    ``__bool__``: ask :attr:`allowed`, so ``if decision:`` cannot mislead.
    """

    outcome: Outcome = attrs.field(validator=instance_of(Outcome))
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)
    errors: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)

    def __attrs_post_init__(self) -> None:
        if self.outcome is Outcome.UNDETERMINED and not self.reasons:
            raise InvalidValueError(
                "an undetermined decision needs a reason", field="reasons"
            )
        if self.errors and set(self.reasons) & set(self.errors):
            raise InvalidValueError(
                "a reason cannot also be an error", field="errors"
            )

    @classmethod
    def allow(cls, *reasons: Reason) -> Decision:
        """An allowing decision determined by ``reasons``."""
        return _decision(cls, Outcome.ALLOWED, reasons)

    @classmethod
    def deny(cls, *reasons: Reason) -> Decision:
        """A denying decision; an explicit deny names at least one rule."""
        if not reasons:
            raise InvalidValueError(
                "an explicit deny needs a reason", field="reasons"
            )
        return _decision(cls, Outcome.DENIED, reasons)

    @classmethod
    def undetermined(cls, *reasons: Reason) -> Decision:
        """An undetermined decision; it names the rules and what is missing.

        .. versionadded:: 0.2.0
        """
        if not reasons:
            raise InvalidValueError(
                "an undetermined decision needs a reason", field="reasons"
            )
        return cls(Outcome.UNDETERMINED, reasons)

    @property
    def allowed(self) -> bool:
        """``True`` when the outcome is :attr:`Outcome.ALLOWED`."""
        return self.outcome is Outcome.ALLOWED

    @property
    def rules(self) -> frozenset[RuleKey]:
        """The keys of the determining rules."""
        return frozenset(reason.rule for reason in self.reasons)


_PRECEDENCE = (Outcome.DENIED, Outcome.UNDETERMINED, Outcome.ALLOWED)


def _decision(
    cls: type[Decision], outcome: Outcome, reasons: tuple[Reason, ...]
) -> Decision:
    """``cls(outcome, reasons)``, on a short path for distinct reasons."""
    if cls is not Decision or not all(type(r) is Reason for r in reasons):
        return cls(outcome, reasons)
    if len(reasons) > 1 and len(set(reasons)) != len(reasons):
        return cls(outcome, reasons)  # duplicates: the constructor drops them
    return _decided(outcome, reasons)


def _decided(outcome: Outcome, reasons: tuple[Reason, ...]) -> Decision:
    # ``reasons`` are distinct reasons and there are no errors.
    decision = _new(Decision)
    _set_outcome(decision, outcome)
    _set_reasons(decision, reasons)
    _set_errors(decision, ())
    return decision


_set_outcome = Decision.__dict__["outcome"].__set__
_set_reasons = Decision.__dict__["reasons"].__set__
_set_errors = Decision.__dict__["errors"].__set__


def combine(*decisions: Decision) -> Decision:
    """Combine decisions: deny overrides (see the module docstring).

    >>> yes = Decision.allow(Reason("na-scope", "na-scope.in-scope"))
    >>> no = Decision.deny(Reason("no-merge", "no-merge.denied"))
    >>> combine(yes, no).rules == {RuleKey.NO_MERGE}
    True
    >>> combine().outcome, combine().reasons
    (<Outcome.DENIED: 'denied'>, ())
    """
    if not decisions:
        return Decision(Outcome.DENIED)
    outcomes = {d.outcome for d in decisions}
    outcome = next(o for o in _PRECEDENCE if o in outcomes)
    reasons = [r for d in decisions if d.outcome is outcome for r in d.reasons]
    # An error that another decision gives as a reason is not an error.
    errors = [
        error
        for decision in decisions
        for error in decision.errors
        if error not in reasons
    ]
    if not errors:  # the decisions' reasons are reasons: only deduplicate
        return _decided(outcome, tuple(dict.fromkeys(reasons)))
    return Decision(outcome, reasons, errors)


@attrs.frozen
class Resolved(Generic[T]):
    """A value the rules produced, with the reasons that produced it."""

    value: T
    reasons: tuple[Reason, ...] = attrs.field(converter=_reasons)

    @property
    def rules(self) -> frozenset[RuleKey]:
        """The keys of the rules that produced the value."""
        return frozenset(reason.rule for reason in self.reasons)


_set_value = Resolved.__dict__["value"].__set__
_set_resolved_reasons = Resolved.__dict__["reasons"].__set__


def _resolved(value: T, reasons: tuple[Reason, ...]) -> Resolved[T]:
    """A policy's own answer: ``reasons`` are distinct, built by the library.

    Nothing is converted or checked again.
    """
    resolved: Resolved[T] = _new(Resolved)
    _set_value(resolved, value)
    _set_resolved_reasons(resolved, reasons)
    return resolved


class RuleViolation(UnifiedAccountError, ValueError):
    """A transition the rules forbid; :attr:`decision` says which rule.

    It lives here, beside :class:`Decision`, rather than in
    :mod:`unified_account.errors`, so that the errors import nothing.

    .. versionadded:: 0.1.0
    """

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        keys = ", ".join(f"`{reason.rule}`" for reason in decision.reasons)
        super().__init__(f"refused by {keys}")
