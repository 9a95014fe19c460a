"""Asking a report things: the findings of a rule, a marketplace, a SKU.

A :class:`FindingFilter` is a value: the rules, outcomes, marketplaces,
subject kinds, SKUs and ASINs a finding must match.  A field left
``None`` matches every finding; a field given matches a finding whose
value is one of those given.  Filters compose with ``&``: a finding
matches ``a & b`` when it matches both.

>>> from unified_account import build_report, example_snapshot
>>> report = build_report(example_snapshot())
>>> ca = FindingFilter(marketplace="CA")
>>> denied = FindingFilter(outcome="denied")
>>> [str(f.subject) for f in report.where(ca & denied).findings]
['account:A1EXAMPLEUS/storefront-request:CA']

The same filter reads findings as they stream
(:meth:`FindingFilter.select` on
:func:`~unified_account.report.iter_findings`), in constant memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..errors import InvalidArgumentError
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .finding import Finding, FindingOutcome
from .subject import SubjectKind

__all__ = ["FindingFilter"]

T = TypeVar("T")


def _refuse(value: object, field: str, what: str) -> InvalidArgumentError:
    return InvalidArgumentError(
        f"`{excerpt(value, as_repr=True)}` is not {what}; "
        f"an argument of `FindingFilter`",
        function="FindingFilter",
        field=field,
    )


_SINGLE = (str, RuleKey, FindingOutcome, SubjectKind, Marketplace)


def _values(
    field: str, what: str, one: Callable[[object], T]
) -> Callable[[object], frozenset[T] | None]:
    """A converter: ``None``, one value, or a collection of values.

    ``one`` reads a value, raising ``TypeError``, ``ValueError`` or
    ``LookupError`` for one it cannot read; the converter turns that
    into :class:`InvalidArgumentError` naming the field.
    """

    def read(item: object) -> T:
        try:
            return one(item)
        except (TypeError, ValueError, LookupError):
            raise _refuse(item, field, what) from None

    def convert(value: object) -> frozenset[T] | None:
        if value is None:
            return None
        if isinstance(value, _SINGLE):
            return frozenset({read(value)})
        if isinstance(value, bytes | bytearray | dict) or not isinstance(
            value, Iterable
        ):
            raise _refuse(value, field, what)
        return frozenset(read(item) for item in value)

    return convert


def _enum(kind: type[Any]) -> Callable[[object], Any]:
    def one(value: object) -> Any:
        if isinstance(value, kind):
            return value
        if not isinstance(value, str):
            raise TypeError
        return kind(value)

    return one


def _marketplace(value: object) -> Marketplace:
    if isinstance(value, Marketplace):
        return value
    if not isinstance(value, str):
        raise TypeError
    return Marketplace.from_country(value)


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError
    return value


def _both(
    mine: frozenset[T] | None, theirs: frozenset[T] | None
) -> frozenset[T] | None:
    if mine is None:
        return theirs
    if theirs is None:
        return mine
    return mine & theirs


_RULE = _values("rule", "a rule key", _enum(RuleKey))


def _rules(value: object) -> frozenset[RuleKey] | None:
    return _RULE(value)


_OUTCOME = _values("outcome", "a finding level", _enum(FindingOutcome))


def _outcomes(value: object) -> frozenset[FindingOutcome] | None:
    return _OUTCOME(value)


_MARKETPLACE = _values("marketplace", "a marketplace", _marketplace)


def _marketplaces(value: object) -> frozenset[Marketplace] | None:
    return _MARKETPLACE(value)


_KIND = _values("kind", "a subject kind", _enum(SubjectKind))


def _kinds(value: object) -> frozenset[SubjectKind] | None:
    return _KIND(value)


_SKU = _values("sku", "a SKU", _text)


def _skus(value: object) -> frozenset[str] | None:
    return _SKU(value)


_ASIN = _values("asin", "an ASIN", _text)


def _asins(value: object) -> frozenset[str] | None:
    return _ASIN(value)


@checked_methods
@attrs.frozen(kw_only=True)
class FindingFilter:
    """Which findings to keep: each field given must match.

    ``rule``: rule keys (``RuleKey`` or its string); ``outcome``: levels
    (``FindingOutcome`` or its value, ``"denied"``); ``marketplace``:
    marketplaces (``Marketplace`` or a country code, ``"CA"``);
    ``kind``: subject kinds (``SubjectKind`` or its value,
    ``"listing"``); ``sku`` and ``asin``: SKUs and ASINs.  Each takes one
    value or a collection of them; ``None`` (the default) matches every
    finding.  A finding whose subject has no marketplace (or SKU, or
    ASIN) never matches a filter on it.  A value of the wrong type is an
    :class:`~unified_account.errors.InvalidArgumentError`.

    .. versionadded:: 0.2.0
    """

    rule: frozenset[RuleKey] | None = attrs.field(
        default=None,
        converter=_rules,
    )
    outcome: frozenset[FindingOutcome] | None = attrs.field(
        default=None,
        converter=_outcomes,
    )
    marketplace: frozenset[Marketplace] | None = attrs.field(
        default=None,
        converter=_marketplaces,
    )
    kind: frozenset[SubjectKind] | None = attrs.field(
        default=None,
        converter=_kinds,
    )
    sku: frozenset[str] | None = attrs.field(default=None, converter=_skus)
    asin: frozenset[str] | None = attrs.field(default=None, converter=_asins)

    def __call__(self, finding: Finding) -> bool:
        """Whether ``finding`` matches every field given."""
        subject = finding.subject
        return (
            (self.rule is None or finding.rule in self.rule)
            and (self.outcome is None or finding.outcome in self.outcome)
            and (
                self.marketplace is None
                or subject.marketplace in self.marketplace
            )
            and (self.kind is None or subject.kind in self.kind)
            and (self.sku is None or subject.sku in self.sku)
            and (self.asin is None or subject.asin in self.asin)
        )

    def __and__(self, other: FindingFilter) -> FindingFilter:
        """The filter matching what both ``self`` and ``other`` match."""
        if not isinstance(other, FindingFilter):
            return NotImplemented
        return FindingFilter(
            rule=_both(self.rule, other.rule),
            outcome=_both(self.outcome, other.outcome),
            marketplace=_both(self.marketplace, other.marketplace),
            kind=_both(self.kind, other.kind),
            sku=_both(self.sku, other.sku),
            asin=_both(self.asin, other.asin),
        )

    def select(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings of ``findings`` that match, in their order, lazily."""
        if self == _ANY:
            return iter(findings)
        return filter(self, findings)


_ANY = FindingFilter()
