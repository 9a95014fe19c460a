"""What a finding is about, as fields a tool can match on.

A :class:`Subject` names its :class:`SubjectKind` and whichever of the
account (and the other account of a pair), marketplace, SKU, ASIN, brand,
sale reference and currency identify it; :attr:`Subject.path` writes it
as one stable, unlocalized string (``account:A1EXAMPLEUS/marketplace:CA``,
``listing:MUG-1@CA``), which the text and Markdown reports show.  A tool
reads the fields; the path is for people and for sorting.
"""

from __future__ import annotations

import enum

import attrs

from ..model._validate import instance_of
from ..model.identifiers import Asin, Sku
from ..model.marketplace import Marketplace

__all__ = ["Subject", "SubjectKind"]


class SubjectKind(enum.Enum):
    """The kinds of thing a finding is about.

    .. versionadded:: 0.1.0
    """

    ACCOUNT = "account"
    """A seller account as a whole (``account``)."""
    ACCOUNTS = "accounts"
    """Two accounts of one business (``account``, ``other_account``)."""
    MARKETPLACE = "marketplace"
    """An account in one marketplace (``account``, ``marketplace``)."""
    STOREFRONT = "storefront"
    """An account's storefront link in one marketplace."""
    STOREFRONT_REQUEST = "storefront-request"
    """A request to set the storefront link in one marketplace."""
    SUBSCRIPTION = "subscription"
    """An account's selling plan subscription (``account``)."""
    SKU = "sku"
    """A SKU and its stock across marketplaces (``sku``, ``asin``)."""
    LISTING = "listing"
    """A SKU's listing in one marketplace (``sku``, ``asin``,
    ``marketplace``)."""
    ASIN = "asin"
    """An ASIN's key attributes across marketplaces (``asin``)."""
    BRAND = "brand"
    """A brand's registration in one marketplace (``brand``,
    ``marketplace``)."""
    SALE = "sale"
    """A sale charged a per-item fee (``reference``, ``marketplace``)."""
    ORDERS = "orders"
    """Order totals: all, or by ``marketplace`` or ``currency``."""
    CONVERTED_ORDERS = "converted-orders"
    """The order total converted to the report currency."""
    IMPORT = "import"
    """An item an SP-API import set aside or noted (``reference``:
    the adapter and the item's id, ``sellers/A2ZV50J4W1RKNI``)."""
    FEE_ESTIMATE = "fee-estimate"
    """A Product Fees estimate (``reference``, ``marketplace``)."""

    __hash__ = object.__hash__  # members are singletons: C-speed hashing


@attrs.frozen(kw_only=True)
class Subject:
    """What a finding is about: a kind and the fields that identify it.

    Fields that do not apply are ``None``.

    >>> Subject(kind=SubjectKind.LISTING, sku="MUG-1",
    ...         marketplace=Marketplace.CA).path
    'listing:MUG-1@CA'

    .. versionadded:: 0.1.0
    """

    kind: SubjectKind = attrs.field(validator=instance_of(SubjectKind))
    account: str | None = None
    other_account: str | None = None
    marketplace: Marketplace | None = None
    sku: Sku | None = None
    asin: Asin | None = None
    brand: str | None = None
    reference: str | None = None
    currency: str | None = None

    @property
    def path(self) -> str:
        """The subject as one stable string, as the text report shows it."""
        kind = self.kind
        # A catalogue's listings and SKUs first: a report has most of them.
        if kind is SubjectKind.LISTING:
            return f"listing:{self.sku}@{self._where()}"
        if kind is SubjectKind.SKU:
            return f"sku:{self.sku}"
        where = self._where()
        if kind is SubjectKind.ACCOUNT:
            return f"account:{self.account}"
        if kind is SubjectKind.ACCOUNTS:
            return f"accounts:{self.account}+{self.other_account}"
        if kind is SubjectKind.MARKETPLACE:
            return f"account:{self.account}/marketplace:{where}"
        if kind is SubjectKind.STOREFRONT:
            return f"account:{self.account}/marketplace:{where}/storefront"
        if kind is SubjectKind.STOREFRONT_REQUEST:
            return f"account:{self.account}/storefront-request:{where}"
        if kind is SubjectKind.SUBSCRIPTION:
            return f"account:{self.account}/subscription"
        if kind is SubjectKind.ASIN:
            return f"asin:{self.asin}"
        if kind is SubjectKind.BRAND:
            return f"brand:{self.brand}@{where}"
        if kind is SubjectKind.SALE:
            return f"sale:{self.reference}@{where}"
        if kind is SubjectKind.CONVERTED_ORDERS:
            return "orders/converted"
        if kind is SubjectKind.IMPORT:
            return f"import:{self.reference}"
        if kind is SubjectKind.FEE_ESTIMATE:
            return f"estimate:{self.reference}@{where}"
        if self.marketplace is not None:
            return f"orders/marketplace:{where}"
        if self.currency is not None:
            return f"orders/currency:{self.currency}"
        return "orders"

    def _where(self) -> str:
        marketplace = self.marketplace
        # ``country_code`` is the member's name, read without the cost of
        # Enum's ``name`` descriptor.
        return "" if marketplace is None else marketplace.country_code

    def __str__(self) -> str:
        return self.path


_FIELDS = tuple(field.name for field in attrs.fields(Subject))
_SETTERS = {name: Subject.__dict__[name].__set__ for name in _FIELDS}


def catalogue_subject(
    kind: SubjectKind,
    sku: Sku | None,
    asin: Asin | None,
    marketplace: Marketplace | None = None,
) -> Subject:
    """The subject of a SKU, a listing or an ASIN of validated records.

    What ``Subject(kind=kind, sku=sku, asin=asin, marketplace=...)``
    builds, without checking values a record already checked: a report
    of a million SKUs builds millions.
    """
    subject: Subject = _new(Subject)
    # Each of the other fields is None (one call each, no loop: a report
    # builds millions).  A field added to Subject is set here too (a
    # property of the report compares these with Subject(...)'s).
    _set_account(subject, None)
    _set_other_account(subject, None)
    _set_brand(subject, None)
    _set_reference(subject, None)
    _set_currency(subject, None)
    _set_kind(subject, kind)
    _set_sku(subject, sku)
    _set_asin(subject, asin)
    _set_marketplace(subject, marketplace)
    return subject


_new = object.__new__
_set_account = _SETTERS["account"]
_set_other_account = _SETTERS["other_account"]
_set_brand = _SETTERS["brand"]
_set_reference = _SETTERS["reference"]
_set_currency = _SETTERS["currency"]
_set_kind = _SETTERS["kind"]
_set_sku = _SETTERS["sku"]
_set_asin = _SETTERS["asin"]
_set_marketplace = _SETTERS["marketplace"]
