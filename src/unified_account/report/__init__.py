"""The seller report: every rule that applies to a snapshot, as findings.

:func:`build_report` evaluates each rule family's findings (one private
module per family, each calling the policies and nothing else) and keeps
them in a :class:`Report`.  Findings, like decisions, hold message ids and
parameters; :mod:`unified_account.report.formats` renders them as text,
JSON or Markdown in a given locale.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._arguments import checked_methods
from .._excerpt import excerpt
from ..edition import FAQ, Edition
from ..errors import InvalidValueError, MissingExtraError
from ..locales import normalize_locale
from ..model._validate import instance_of
from ..rules import RuleKey
from . import _account, _brand, _charges, _imports, _inventory, _money
from .finding import Finding, FindingOutcome, once
from .query import FindingFilter

if TYPE_CHECKING:
    from ..model.account import SellerAccount
    from ..model.catalog import SkuRecord
    from ..snapshot import Snapshot

__all__ = [
    "FAIL_ON",
    "CatalogueSection",
    "Finding",
    "FindingFilter",
    "FindingOutcome",
    "Report",
    "account_findings",
    "build_report",
    "fails",
    "iter_findings",
    "other_findings",
    "sku_findings",
]

# The sections before the catalogue's and after it, in the report's order.
_BEFORE = (_account.findings,)
_AFTER = (
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


@checked_methods
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

    def where(
        self,
        query: FindingFilter | None = None,
        /,
        *,
        rule: Any = None,
        outcome: Any = None,
        marketplace: Any = None,
        kind: Any = None,
        sku: Any = None,
        asin: Any = None,
    ) -> Report:
        """The report of the findings that match, in the same order.

        ``query`` is a :class:`FindingFilter`; the keywords are its
        fields, and narrow it further:
        ``report.where(rule="fba-pool-separation", marketplace="CA")``.

        .. versionadded:: 0.2.0
        """
        # The argument's type is checked on entry (``checked_methods``).
        if query is None:
            query = FindingFilter()
        query &= FindingFilter(
            rule=rule,
            outcome=outcome,
            marketplace=marketplace,
            kind=kind,
            sku=sku,
            asin=asin,
        )
        return Report(self.edition, query.select(self.findings))

    def counts(self) -> dict[FindingOutcome, int]:
        """How many findings the report has at each level, every level.

        .. versionadded:: 0.2.0
        """
        counts = dict.fromkeys(FindingOutcome, 0)
        for finding in self.findings:
            counts[finding.outcome] += 1
        return counts

    def to_records(self, locale: str = "en") -> list[dict[str, str | None]]:
        """The findings as plain dicts, one a finding, in order.

        Every dict has the keys of
        :data:`~unified_account.report.records.RECORD_COLUMNS`, in that
        order; messages are in ``locale``.

        .. versionadded:: 0.2.0
        """
        from .records import finding_record  # renders: loads the catalogs

        locale = normalize_locale(locale)
        return [finding_record(finding, locale) for finding in self.findings]

    def to_pandas(self, locale: str = "en") -> Any:
        """The findings as a pandas ``DataFrame`` of :meth:`to_records`.

        Needs the ``frames`` extra (``pip install
        "unified-account[frames]"``); without pandas it raises
        :class:`~unified_account.errors.MissingExtraError`.

        .. versionadded:: 0.2.0
        """
        from .records import RECORD_COLUMNS

        frames = _extra("pandas")
        return frames.DataFrame.from_records(
            self.to_records(locale), columns=list(RECORD_COLUMNS)
        )

    def to_arrow(self, locale: str = "en") -> Any:
        """The findings as a pyarrow ``Table`` of :meth:`to_records`.

        Every column is a string column (``None`` where a field does not
        apply).  Needs the ``frames`` extra; without pyarrow it raises
        :class:`~unified_account.errors.MissingExtraError`.

        .. versionadded:: 0.2.0
        """
        from .records import RECORD_COLUMNS

        arrow = _extra("pyarrow")
        records = self.to_records(locale)
        schema = arrow.schema(
            [(column, arrow.string()) for column in RECORD_COLUMNS]
        )
        return arrow.Table.from_pylist(records, schema=schema)


def _extra(module: str) -> Any:
    """``module`` of the ``frames`` extra, or an error naming the extra."""
    try:
        return import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"`{module}` is not installed: it comes with the `frames` "
            'extra, pip install "unified-account[frames]"'
        ) from None


def iter_findings(
    snapshot: Snapshot, *, edition: Edition = FAQ
) -> Iterator[Finding]:
    """The findings of :func:`build_report`, one at a time, in its order.

    For a large catalogue, write them as they come (see
    :func:`unified_account.report.stream.write_report`) instead of
    keeping them all in a :class:`Report`.
    """
    yield from account_findings(snapshot, edition=edition)
    # The catalogue's section repeats nothing (each finding names its SKU
    # and listing, with distinct message ids): nothing to remove.
    yield from _inventory.findings(snapshot, edition)
    yield from other_findings(snapshot, edition=edition)


def account_findings(
    snapshot: Snapshot, *, edition: Edition = FAQ
) -> Iterator[Finding]:
    """The findings :func:`iter_findings` gives before the catalogue's.

    The account rules' findings; they depend on the accounts only.
    """
    for section in _BEFORE:
        yield from once(section(snapshot, edition))


def sku_findings(
    snapshot: Snapshot, sku: str, *, edition: Edition = FAQ
) -> tuple[Finding, ...]:
    """The findings of the catalogue's section about one SKU.

    What :func:`iter_findings` gives for ``sku`` (nothing for a SKU the
    catalogue lacks); they depend on that SKU's record and the account.
    """
    record = snapshot.catalog.get(sku)
    if record is None:
        return ()
    return CatalogueSection(snapshot.account, edition=edition)(record)


class CatalogueSection:
    """The catalogue's section of the report, one SKU record at a time.

    For one account and edition: the account's question for each
    marketplace (may it list there?) is asked once, when the section is
    built, and every record's findings use the answers.
    """

    def __init__(self, account: SellerAccount, *, edition: Edition = FAQ):
        self._edition = edition
        self._places = _inventory.answered_places(account, edition)

    def __call__(self, record: SkuRecord) -> tuple[Finding, ...]:
        """The findings of ``record``, as :func:`iter_findings` gives them."""
        return tuple(
            _inventory.record_findings(record, self._places, self._edition)
        )

    def after(
        self,
        old_record: SkuRecord,
        old_findings: tuple[Finding, ...],
        record: SkuRecord,
    ) -> tuple[Finding, ...]:
        """The findings of ``record``, knowing ``old_record``'s.

        ``old_findings`` are what this section gave for ``old_record``.
        The result equals ``self(record)``; the findings that read
        nothing the change touched are ``old_findings``' own objects,
        kept rather than built again.
        """
        return tuple(
            _inventory.record_findings_after(
                old_record, old_findings, record, self._places, self._edition
            )
        )


def other_findings(
    snapshot: Snapshot, *, edition: Edition = FAQ
) -> Iterator[Finding]:
    """The findings :func:`iter_findings` gives after the catalogue's.

    The money, charges-audit, brand, storefront and import findings.  Of
    the catalogue they read only which marketplaces have an active listing
    (:func:`~unified_account.policy.availability.active_marketplaces`)
    and the key attributes of the listings not deleted.
    """
    for section in _AFTER:
        found = section(snapshot, edition)
        yield from found if section in _SAID_ONCE else once(found)


# The sections that leave out their own repeats: the brands' section
# compares its many ASIN findings, one per ASIN, only where one could
# repeat another.
_SAID_ONCE = frozenset({_brand.findings})


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
