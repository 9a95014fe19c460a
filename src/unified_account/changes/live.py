"""What is true now: a report kept current, one change at a time.

A :class:`LiveReport` holds a snapshot and its findings, indexed by what
they depend on:

- each SKU's findings of the catalogue's section, which depend on that
  SKU's record and on the account (the report's own
  :func:`~unified_account.report.sku_findings`);
- the findings before the catalogue's (the accounts', which depend on
  the accounts alone) and after it
  (money, brand, storefront, imports), which read of the catalogue only
  the marketplaces with an active listing and the key attributes of the
  listings not deleted (:func:`~unified_account.report.other_findings`):
  the live report keeps, per marketplace, how many SKUs have an active
  listing there.

:meth:`LiveReport.apply` takes a notification (as Amazon sends it) or a
what-if action, applies it with the library's own notification handler
or transition, and recomputes only what the change can affect: the
SKU it names and, when the active marketplaces, a SKU's key attributes
or anything beyond the catalogue changed, the findings outside the
catalogue's section; a change of the account recomputes everything.
It returns the new live report and the diff, so a tool can act on what
appeared.  A live report is a value: ``apply`` leaves it as it was.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import attrs
import immutables

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..decision import RuleViolation
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..model.catalog import SkuRecord
from ..model.identifiers import Sku
from ..model.listing import ListingStatus
from ..model.marketplace import Marketplace
from ..policy.availability import _same_active, record_active_marketplaces
from ..report import (
    CatalogueSection,
    Report,
    account_findings,
    other_findings,
)
from ..report.finding import Finding
from ..snapshot import Snapshot
from ..spapi.notifications import apply_notification
from .diff import ReportDiff, built_diff, diff_findings, trusted_diff
from .plan import ACTIONS, Action, CreateListing

__all__ = ["LiveReport"]

# Everything a snapshot holds beyond its account and catalogue, read at once.
_OUTSIDE = operator.attrgetter(
    *(
        field.name
        for field in attrs.fields(Snapshot)
        if field.name not in {"catalog", "account"}
    )
)


def _attributes(old: SkuRecord | None, new: SkuRecord | None) -> bool:
    """Whether the catalogue's key-attribute comparison reads them apart.

    It reads of a record its ASIN and, per listing not deleted, the
    marketplace and the attributes (as :func:`~unified_account.policy.
    brand.catalog_attribute_differences` documents).
    """
    if (
        old is not None
        and new is not None
        and old.asin == new.asin
        and old.listings is new.listings
    ):
        return False  # the commonest change: stock, nothing it reads
    return _read(old) != _read(new)


def _read(record: SkuRecord | None) -> object:
    if record is None:
        return None
    return (
        record.asin,
        tuple(
            (listing.marketplace, listing.attributes)
            for listing in record.listings
            if listing.status is not ListingStatus.DELETED
        ),
    )


_NONE: frozenset[Marketplace] = frozenset()
_new = object.__new__


_active = record_active_marketplaces


@checked_methods
@attrs.frozen(init=False)
class LiveReport:
    """A snapshot's findings, kept current by notifications and actions.

    ``LiveReport(snapshot, edition=..., as_of=...)`` builds it (``as_of``
    replaces the snapshot's date, when given); :meth:`apply` returns the
    next one and the diff; :meth:`report` gives the findings as
    :func:`~unified_account.report.build_report` gives them.
    """

    snapshot: Snapshot
    edition: Edition
    # What the live report derives from the two above: ``attrs.evolve``
    # builds it again from them.
    _section: CatalogueSection = attrs.field(init=False, eq=False, repr=False)
    _skus: immutables.Map[Sku, tuple[Finding, ...]] = attrs.field(init=False)
    _active_in: immutables.Map[Sku, frozenset[Marketplace]] = attrs.field(
        init=False
    )
    _active: immutables.Map[Marketplace, int] = attrs.field(init=False)
    _before: tuple[Finding, ...] = attrs.field(init=False)
    _after: tuple[Finding, ...] = attrs.field(init=False)
    # The snapshot's fields beyond the account and catalogue, read once:
    # ``apply`` tells by identity whether a change reached them.
    _outside: tuple[Any, ...] = attrs.field(init=False, eq=False, repr=False)

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        edition: Edition = FAQ,
        as_of: date | None = None,
    ) -> None:
        if not isinstance(snapshot, Snapshot):
            raise InvalidValueError(
                f"`{excerpt(snapshot, as_repr=True)}` is not a Snapshot",
                field="snapshot",
            )
        if not isinstance(edition, Edition):
            raise InvalidValueError(
                f"`{excerpt(edition, as_repr=True)}` is not an Edition",
                field="edition",
            )
        if as_of is not None:
            snapshot = attrs.evolve(snapshot, as_of=as_of)
        section = CatalogueSection(snapshot.account, edition=edition)
        skus: dict[Sku, tuple[Finding, ...]] = {}
        active_in: dict[Sku, frozenset[Marketplace]] = {}
        active: dict[Marketplace, int] = {}
        for sku, record in snapshot.catalog.skus.items():
            skus[sku] = section(record)
            active_in[sku] = found = _active(record)
            for marketplace in found:
                active[marketplace] = active.get(marketplace, 0) + 1
        _fill(
            self,
            snapshot,
            edition,
            section,
            immutables.Map(skus),
            immutables.Map(active_in),
            immutables.Map(active),
            tuple(account_findings(snapshot, edition=edition)),
            tuple(other_findings(snapshot, edition=edition)),
            _OUTSIDE(snapshot),
        )

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, in the order of :func:`build_report`."""
        return (
            *self._before,
            *(
                finding
                for sku in sorted(self._skus.keys())
                for finding in self._skus[sku]
            ),
            *self._after,
        )

    def report(self) -> Report:
        """The findings as a :class:`~unified_account.report.Report`."""
        return Report(self.edition, self.findings)

    def apply(
        self, change: Mapping[str, Any] | Action
    ) -> tuple[LiveReport, ReportDiff]:
        """The live report after ``change``, and the diff it caused.

        ``change`` is a notification (a mapping, as
        :func:`~unified_account.spapi.notifications.apply_notification`
        reads it) or an action (:mod:`unified_account.changes.plan`).  An
        action the rules refuse raises
        :class:`~unified_account.decision.RuleViolation`; a notification
        that cannot be read, its
        :class:`~unified_account.errors.PayloadError`.
        """
        if type(change) in _ACTION_TYPES:
            action: Action = change  # type: ignore[assignment]
            decision = action.decide(self.snapshot, self.edition)
            if not decision.allowed:
                raise RuleViolation(decision)
            after = action.apply(self.snapshot, self.edition)
            named = _action_skus(action)
        elif type(change) is dict or isinstance(change, Mapping):
            after = apply_notification(self.snapshot, change)
            named = _notification_skus(change)
        else:
            raise InvalidValueError(
                f"`{excerpt(change, as_repr=True)}` is neither a "
                "notification nor an action",
                field="change",
            )
        return self._moved(after, named)

    def _moved(
        self, after: Snapshot, named: Iterable[Sku]
    ) -> tuple[LiveReport, ReportDiff]:
        before = self.snapshot
        edition = self.edition
        if (
            after.account is not before.account
            or after.separate_accounts is not before.separate_accounts
        ):
            return self._rebuilt(after)  # the accounts: everything moves
        old_skus, new_skus = before.catalog.skus, after.catalog.skus
        # Each SKU named whose record is another object, with its records
        # (``None`` where a catalogue lacks it; it is in one at least).
        changed = []
        if new_skus is not old_skus:
            grown = 0  # how many more SKUs the named ones make
            for sku in dict.fromkeys(named):
                old_record, new_record = old_skus.get(sku), new_skus.get(sku)
                if old_record is not new_record:
                    changed.append((sku, old_record, new_record))
                    grown += (old_record is None) - (new_record is None)
            if not changed or len(new_skus) != len(old_skus) + grown:
                return self._rebuilt(after)  # a change no SKU named
        skus, active_in, active = self._skus, self._active_in, self._active
        now_outside = _OUTSIDE(after)
        outside = any(map(operator.is_not, now_outside, self._outside))
        crossed = False  # a marketplace gained its first or lost its last
        diffs = []
        for sku, old_record, new_record in changed:
            old_found = skus.get(sku, ())
            was = active_in.get(sku, _NONE)  # every SKU it had is indexed
            if new_record is None:  # gone: as a report built anew has it
                new_found: tuple[Finding, ...] = ()
                skus = skus.delete(sku)
                active_in = active_in.delete(sku)
                now = _NONE
            elif old_record is None:  # new: indexed from nothing
                new_found = self._section(new_record)
                skus = skus.set(sku, new_found)
                active_in = active_in.set(sku, now := _active(new_record))
            else:
                new_found = self._section.after(
                    old_record, old_found, new_record
                )
                skus = skus.set(sku, new_found)
                now = was
                if not _same_active(old_record, new_record):
                    now = _active(new_record)
                    if now != was:
                        active_in = active_in.set(sku, now)
            diffs.append(trusted_diff(old_found, new_found, edition))
            if now is not was and now != was:
                for marketplace in was - now:
                    count = active[marketplace] - 1
                    crossed = crossed or not count
                    active = (
                        active.set(marketplace, count)
                        if count
                        else active.delete(marketplace)
                    )
                for marketplace in now - was:
                    count = active.get(marketplace, 0)
                    crossed = crossed or not count
                    active = active.set(marketplace, count + 1)
            outside = outside or _attributes(old_record, new_record)
        after_findings = self._after
        if outside or crossed:
            after_findings = tuple(other_findings(after, edition=edition))
            diffs.append(trusted_diff(self._after, after_findings, edition))
        live = _fill(
            _new(LiveReport),
            after,
            edition,
            self._section,
            skus,
            active_in,
            active,
            self._before,
            after_findings,
            now_outside,
        )
        return live, _joined(diffs, edition)

    def _rebuilt(self, after: Snapshot) -> tuple[LiveReport, ReportDiff]:
        live = LiveReport(after, edition=self.edition)
        diff = diff_findings(self.findings, live.findings, **_editions(self))
        return live, diff


def _fill(
    live: LiveReport,
    snapshot: Snapshot,
    edition: Edition,
    section: CatalogueSection,
    skus: immutables.Map[Sku, tuple[Finding, ...]],
    active_in: immutables.Map[Sku, frozenset[Marketplace]],
    active: immutables.Map[Marketplace, int],
    before: tuple[Finding, ...],
    after: tuple[Finding, ...],
    outside: tuple[Any, ...],
) -> LiveReport:
    """``live`` with these fields, each set by its slot's own setter."""
    _set_snapshot(live, snapshot)
    _set_edition(live, edition)
    _set_section(live, section)
    _set_skus(live, skus)
    _set_active_in(live, active_in)
    _set_active(live, active)
    _set_before(live, before)
    _set_after(live, after)
    _set_outside(live, outside)
    return live


# The slots' own setters, in the fields' order: the fastest way to fill
# a frozen instance of values already checked.
(
    _set_snapshot,
    _set_edition,
    _set_section,
    _set_skus,
    _set_active_in,
    _set_active,
    _set_before,
    _set_after,
    _set_outside,
) = (
    LiveReport.__dict__[field.name].__set__
    for field in attrs.fields(LiveReport)
)
_ACTION_TYPES = frozenset(ACTIONS.values())


def _editions(live: LiveReport) -> dict[str, Edition]:
    return {"old_edition": live.edition, "new_edition": live.edition}


def _joined(diffs: list[ReportDiff], edition: Edition) -> ReportDiff:
    if len(diffs) == 1:
        return diffs[0]
    return built_diff(
        edition,
        tuple(f for diff in diffs for f in diff.appeared),
        tuple(f for diff in diffs for f in diff.resolved),
        tuple(c for diff in diffs for c in diff.changed),
    )


def _action_skus(action: Action) -> tuple[Sku, ...]:
    if isinstance(action, CreateListing):
        return (action.listing.sku,)
    sku = getattr(action, "sku", None)
    return () if sku is None else (Sku(sku),)


def _notification_skus(notification: Mapping[Any, Any]) -> tuple[Sku, ...]:
    """The SKU a notification names (``Sku``, or ``SKU`` for FBA)."""
    payload = notification["Payload"]  # the handler read it: a mapping
    named = payload.get("Sku", payload.get("SKU"))
    return (Sku(named),) if isinstance(named, str) else ()
