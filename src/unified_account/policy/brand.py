"""Brand Registry across marketplaces: ``brand-registry-propagation``.

With a unified account, a brand approved for Amazon Brand Registry on
Amazon.com is approved automatically on the account's other marketplaces
(Amazon.ca and Amazon.com.mx).  Only the edition's
:attr:`~unified_account.edition.Edition.brand_registry_sources` carry
(the FAQ names Amazon.com alone): an approval on Amazon.ca or
Amazon.com.mx stays where it is.  Without a unified account every
marketplace needs its own approval.

The FAQ names the marketplaces approval carries to: Amazon.ca and
Amazon.com.mx.  Under an edition whose scope is wider (North America and
Brazil), whether an approval carries to Amazon.com.br is not stated
anywhere the library holds: that marketplace's status is
:attr:`BrandStatus.UNDETERMINED`, with a reason saying so, never a
guessed approval.

To keep listings in sync, the same key attribute values must be given for
an ASIN in every marketplace; :func:`attribute_differences` finds those
that differ in records the caller gives, and
:func:`catalog_attribute_differences` in the catalogue's own listings.
Values that carry a language (Amazon's ``language_tag``) are compared
only within one language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import cast

import attrs

from .._excerpt import excerpt
from ..decision import ParamValue, Reason, Resolved
from ..edition import FAQ, Edition
from ..errors import InvalidValueError
from ..messages import N_
from ..model.account import SellerAccount
from ..model.attributes import (
    AttributeText,
    AttributeValue,
    differ,
    language_of,
)
from ..model.brand import AsinAttributes, BrandRegistration
from ..model.catalog import Catalog
from ..model.listing import ListingStatus
from ..model.marketplace import Marketplace
from ..rules import RuleKey
from .unified import evaluate_unified

__all__ = [
    "KNOWN_PROPAGATION",
    "AttributeDifference",
    "BrandApproval",
    "BrandStatus",
    "attribute_differences",
    "brand_registry_status",
    "catalog_attribute_differences",
    "propagate_brand_registry",
]

_RULE = RuleKey.BRAND_REGISTRY_PROPAGATION

KNOWN_PROPAGATION = frozenset({Marketplace.US, Marketplace.CA, Marketplace.MX})
"""Where the FAQ says an approval may carry: its three marketplaces."""


class BrandStatus(enum.Enum):
    """A brand's Brand Registry status in one marketplace."""

    APPROVED = "approved"
    """Approved in answer to an application in this marketplace."""
    PROPAGATED = "propagated"
    """Approved because the unified account carried an approval here."""
    NOT_APPROVED = "not-approved"
    """Not approved here (yet)."""
    UNDETERMINED = "undetermined"
    """Whether an approval carries here is not known.

    .. versionadded:: 0.2.0
    """


@attrs.frozen(kw_only=True)
class BrandApproval:
    """A brand's status in one marketplace and where it came from.

    ``source`` is the marketplace whose approval applies (the marketplace
    itself for a direct approval), ``None`` when not approved.
    """

    brand: str
    marketplace: Marketplace
    status: BrandStatus
    source: Marketplace | None

    @property
    def approved(self) -> bool:
        """Whether the brand counts as approved in this marketplace."""
        return self.status in (BrandStatus.APPROVED, BrandStatus.PROPAGATED)


def _ordered(marketplaces: Iterable[Marketplace]) -> tuple[Marketplace, ...]:
    chosen = frozenset(marketplaces)
    return tuple(m for m in Marketplace if m in chosen)


def _status(
    registration: BrandRegistration,
    marketplace: Marketplace,
    unified: bool,
    edition: Edition,
) -> tuple[BrandApproval, Reason]:
    brand, approved = registration.brand, registration.approved
    sources = _ordered(approved & edition.brand_registry_sources)
    params: dict[str, ParamValue] = {
        "brand": brand,
        "marketplace": marketplace,
    }
    status, source = BrandStatus.NOT_APPROVED, None
    if marketplace in approved:
        status, source = BrandStatus.APPROVED, marketplace
        message = N_("brand-registry-propagation.approved")
    elif (
        sources
        and marketplace in edition.scope
        and unified
        and marketplace not in KNOWN_PROPAGATION
    ):
        status = BrandStatus.UNDETERMINED
        message = N_("brand-registry-propagation.propagation-unknown")
        params["source"] = sources[0]
    elif sources and marketplace in edition.scope and unified:
        status, source = BrandStatus.PROPAGATED, sources[0]
        message = N_("brand-registry-propagation.propagated")
        params["source"] = sources[0]
    elif sources and marketplace in edition.scope:
        message = N_("brand-registry-propagation.not-unified")
        params["source"] = sources[0]
    elif approved:
        message = N_("brand-registry-propagation.does-not-carry")
        params["approved"] = _ordered(approved)
        params["sources"] = _ordered(edition.brand_registry_sources)
    else:
        message = N_("brand-registry-propagation.not-approved")
    approval = BrandApproval(
        brand=brand, marketplace=marketplace, status=status, source=source
    )
    return approval, Reason(_RULE, message, params)


def brand_registry_status(
    account: SellerAccount,
    registration: BrandRegistration,
    *,
    edition: Edition = FAQ,
) -> Resolved[tuple[BrandApproval, ...]]:
    """The brand's status in each marketplace, in catalogue order.

    The marketplaces are the scope's and any other that approved it.

    A marketplace that approved the brand has it ``APPROVED``.  Otherwise,
    if ``account`` is unified (``switcher-means-unified``) and a source
    marketplace approved it, it is ``PROPAGATED`` to every marketplace of
    the scope; else ``NOT_APPROVED``, with a reason saying why.
    """
    unified = evaluate_unified(account, edition=edition).allowed
    pairs = [
        _status(registration, marketplace, unified, edition)
        for marketplace in _ordered(edition.scope | registration.approved)
    ]
    return Resolved(
        tuple(approval for approval, _ in pairs),
        tuple(reason for _, reason in pairs),
    )


def propagate_brand_registry(
    account: SellerAccount,
    registration: BrandRegistration,
    *,
    edition: Edition = FAQ,
) -> BrandRegistration:
    """``registration`` with every approval the rule grants made explicit.

    Idempotent: propagating the result again changes nothing.
    """
    status = brand_registry_status(account, registration, edition=edition)
    return attrs.evolve(
        registration,
        approved={a.marketplace for a in status.value if a.approved},
    )


@attrs.frozen(kw_only=True)
class AttributeDifference:
    """Key attributes of one ASIN whose values differ between marketplaces.

    ``attributes`` are the names that differ (a value given in one
    marketplace and missing in another differs too); ``marketplaces`` are
    every marketplace where the ASIN has key attribute values.
    """

    asin: str
    attributes: tuple[str, ...]
    marketplaces: tuple[Marketplace, ...]


def _by_asin(
    records: Iterable[AsinAttributes],
) -> dict[str, dict[Marketplace, AsinAttributes]]:
    grouped: dict[str, dict[Marketplace, AsinAttributes]] = {}
    for index, record in enumerate(records):
        if not isinstance(record, AsinAttributes):
            raise InvalidValueError(
                f"`{excerpt(record, as_repr=True)}` is not AsinAttributes",
                field=f"records[{index}]",
            )
        listed = grouped.setdefault(record.asin, {})
        if record.marketplace in listed:
            raise InvalidValueError(
                f"ASIN `{excerpt(record.asin)}` has two records for "
                f"`{record.marketplace.name}`",
                field=f"records[{index}].marketplace",
            )
        listed[record.marketplace] = record
    return grouped


def _differing(
    listed: Mapping[Marketplace, Mapping[str, AttributeText]],
    compared: dict[tuple[int, ...], bool],
) -> tuple[str, ...]:
    maps = tuple(listed.values())
    names = sorted(set(maps[0]).union(*maps[1:]))
    found = []
    for name in names:
        given = [v.get(name) for v in maps]
        first = given[0]
        if type(first) is str:
            if given.count(first) == len(given):
                continue
            differs = _name_differs(given)
        else:
            # The loader shares equal values with a language, so an
            # ASIN's translations are mostly the very objects another
            # ASIN's are: the answer is kept by the values' identities,
            # for one comparison, whose values all outlive it.
            key = tuple(map(id, given))
            known = compared.get(key)
            if known is None:
                known = _name_differs(given)
                if len(compared) < _COMPARED:
                    compared[key] = known
            differs = known
        if differs:
            found.append(name)
    return tuple(found)


# The most answers one comparison keeps (a few distinct sets of values
# are the usual case; a caller's own values may each be distinct).
_COMPARED = 4096


def _name_differs(given: list[AttributeText | None]) -> bool:
    """Whether the values of one name across marketplaces differ."""
    if given.count(given[0]) == len(given):
        return False
    # Given in one marketplace and missing in another differs too.
    if None in given:
        return True
    values = cast("list[AttributeText]", given)
    return not _alike(values) and any(
        differ(one, two)
        for i, one in enumerate(values)
        for two in values[i + 1 :]
    )


def _alike(values: list[AttributeText]) -> bool:
    """Whether no two of ``values`` can differ, seen at a glance.

    They cannot when all have one text, or when each is in a language of
    its own (translations): the usual cases, decided without comparing
    every pair.
    """
    texts = {
        value.value if isinstance(value, AttributeValue) else value
        for value in values
    }
    if len(texts) == 1:
        return True
    tags = [language_of(value) for value in values]
    return None not in tags and len(set(tags)) == len(tags)


def _compare(
    grouped: Mapping[str, Mapping[Marketplace, Mapping[str, AttributeText]]],
) -> Resolved[tuple[AttributeDifference, ...]]:
    differences: list[AttributeDifference] = []
    reasons: list[Reason] = []
    # Most ASINs are listed in one of a few sets of marketplaces.
    orders: dict[tuple[Marketplace, ...], tuple[Marketplace, ...]] = {}
    compared: dict[tuple[int, ...], bool] = {}
    for asin, listed in sorted(grouped.items()):
        if len(listed) < 2:
            continue
        given = tuple(listed)
        marketplaces = orders.get(given)
        if marketplaces is None:
            marketplaces = orders[given] = _ordered(given)
        differing = _differing(listed, compared)
        params: dict[str, ParamValue] = {
            "asin": asin,
            "marketplaces": marketplaces,
        }
        if differing:
            differences.append(
                AttributeDifference(
                    asin=asin, attributes=differing, marketplaces=marketplaces
                )
            )
            params["attributes"] = differing
            message = N_("brand-registry-propagation.attributes-differ")
        else:
            message = N_("brand-registry-propagation.attributes-in-sync")
        # Checked values: ASINs and names of validated records.
        reasons.append(Reason._of(_RULE, message, params))
    return Resolved(tuple(differences), tuple(reasons))


def attribute_differences(
    records: Iterable[AsinAttributes],
) -> Resolved[tuple[AttributeDifference, ...]]:
    """Every ASIN listed in several marketplaces whose key values differ.

    Each ASIN with records in at least two marketplaces gets a reason:
    in sync, or naming the attributes that differ and the marketplaces.
    Values are compared exactly, but only within one language: values
    carrying two different language tags (``Black`` in ``en_US``,
    ``Noire`` in ``fr_CA``) are a translation, not a difference.  A value
    given in one marketplace and missing in another differs.

    .. versionchanged:: 0.2.0
       Values in different languages are no longer a difference.
    """
    grouped = {
        asin: {m: record.attributes for m, record in listed.items()}
        for asin, listed in _by_asin(records).items()
    }
    return _compare(grouped)


def catalog_attribute_differences(
    catalog: Catalog,
) -> Resolved[tuple[AttributeDifference, ...]]:
    """:func:`attribute_differences` of the catalogue's own listings.

    For each ASIN, the key attributes of its listings (those not deleted,
    with attributes) in each marketplace are compared, as
    :func:`attribute_differences` compares them.  Where several SKUs
    offer one ASIN in one marketplace, the first SKU's listing (in SKU
    order) speaks for it.

    .. versionadded:: 0.2.0
    """
    grouped: dict[str, dict[Marketplace, Mapping[str, AttributeText]]] = {}
    skus = catalog.skus
    deleted = ListingStatus.DELETED
    for sku in sorted(skus.keys()):
        record = skus[sku]
        if record.asin is None:
            continue
        listed = None
        for listing in record.listings:
            if listing.status is deleted or not listing.attributes:
                continue
            if listed is None:
                listed = grouped.setdefault(record.asin, {})
            listed.setdefault(listing.marketplace, listing.attributes)
    return _compare(grouped)
