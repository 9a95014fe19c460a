"""Amazon marketplaces: the closed catalogue the rules speak about.

The data are static and dated by nothing: marketplace ids, domains and
default currencies are stable identifiers of the Selling Partner API.
Currency and locales are kept here as a table, never derived from Babel's
territory data at run time (which depends on today's date).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .._arguments import checked_methods_but
from .._excerpt import excerpt
from ..errors import UnknownMarketplaceError

__all__ = ["Marketplace", "NonAmazonMarketplace", "Region"]


class Region(enum.Enum):
    """The Selling Partner API region (endpoint) a marketplace belongs to."""

    NORTH_AMERICA = "na"
    EUROPE = "eu"
    FAR_EAST = "fe"


@attrs.frozen
class _Facts:
    display_name: str
    domain: str
    currency: str
    locales: tuple[str, ...]
    region: Region


_NA, _EU, _FE = Region.NORTH_AMERICA, Region.EUROPE, Region.FAR_EAST

# Country code: (name, domain, currency, locales, region).  Read-only.
_FACTS: Mapping[str, _Facts] = MappingProxyType(
    {
        code: _Facts(*facts)
        for code, facts in {
            "US": ("Amazon.com", "www.amazon.com", "USD",
                   ("en_US", "es_US"), _NA),
            "CA": ("Amazon.ca", "www.amazon.ca", "CAD",
                   ("en_CA", "fr_CA"), _NA),
            "MX": ("Amazon.com.mx", "www.amazon.com.mx", "MXN",
                   ("es_MX",), _NA),
            "BR": ("Amazon.com.br", "www.amazon.com.br", "BRL",
                   ("pt_BR",), _NA),
            "GB": ("Amazon.co.uk", "www.amazon.co.uk", "GBP",
                   ("en_GB",), _EU),
            "DE": ("Amazon.de", "www.amazon.de", "EUR", ("de_DE",), _EU),
            "FR": ("Amazon.fr", "www.amazon.fr", "EUR", ("fr_FR",), _EU),
            "IT": ("Amazon.it", "www.amazon.it", "EUR", ("it_IT",), _EU),
            "ES": ("Amazon.es", "www.amazon.es", "EUR", ("es_ES",), _EU),
            "NL": ("Amazon.nl", "www.amazon.nl", "EUR", ("nl_NL",), _EU),
            "SE": ("Amazon.se", "www.amazon.se", "SEK", ("sv_SE",), _EU),
            "PL": ("Amazon.pl", "www.amazon.pl", "PLN", ("pl_PL",), _EU),
            "BE": ("Amazon.com.be", "www.amazon.com.be", "EUR",
                   ("fr_BE", "nl_BE"), _EU),
            "IE": ("Amazon.ie", "www.amazon.ie", "EUR", ("en_IE",), _EU),
            "TR": ("Amazon.com.tr", "www.amazon.com.tr", "TRY",
                   ("tr_TR",), _EU),
            "JP": ("Amazon.co.jp", "www.amazon.co.jp", "JPY",
                   ("ja_JP",), _FE),
            "AU": ("Amazon.com.au", "www.amazon.com.au", "AUD",
                   ("en_AU",), _FE),
            "SG": ("Amazon.sg", "www.amazon.sg", "SGD", ("en_SG",), _FE),
            "AE": ("Amazon.ae", "www.amazon.ae", "AED",
                   ("en_AE", "ar_AE"), _EU),
            "EG": ("Amazon.eg", "www.amazon.eg", "EGP",
                   ("ar_EG",), _EU),
            "IN": ("Amazon.in", "www.amazon.in", "INR",
                   ("en_IN", "hi_IN"), _EU),
            "SA": ("Amazon.sa", "www.amazon.sa", "SAR",
                   ("ar_SA",), _EU),
            "ZA": ("Amazon.co.za", "www.amazon.co.za", "ZAR",
                   ("en_ZA",), _EU),
        }.items()
    }
)  # fmt: skip


@checked_methods_but("from_id", "from_domain", "from_country")
class Marketplace(enum.Enum):
    """One Amazon marketplace, named by its country code.

    The value is the SP-API marketplace id; each member also has its
    country code, name, domain, default currency (ISO 4217),
    customer-facing locales and SP-API region, all read-only.  Members
    are singletons: compare with ``is`` or ``==``.

    >>> Marketplace.CA.domain
    'www.amazon.ca'
    >>> Marketplace.from_id("A1AM78C64UM0Y8")
    <Marketplace.MX: 'A1AM78C64UM0Y8'>

    Every marketplace of SP-API's marketplace-id table is a member, so an
    id from any real payload is known; the ids SP-API lists that are not
    storefronts are :class:`NonAmazonMarketplace`.
    """

    # Members are singletons compared by identity, so they hash by
    # identity too, at C speed (Enum's own hash is Python code).
    __hash__ = object.__hash__

    US = "ATVPDKIKX0DER"
    CA = "A2EUQ1WTGCTBG2"
    MX = "A1AM78C64UM0Y8"
    BR = "A2Q3Y263D00KWC"
    GB = "A1F83G8C2ARO7P"
    DE = "A1PA6795UKMFR9"
    FR = "A13V1IB3VIYZZH"
    IT = "APJ6JRA9NG5V4"
    ES = "A1RKKUPIHCS9HS"
    NL = "A1805IZSGTT6HS"
    SE = "A2NODRKZP88ZB9"
    PL = "A1C3SOZRARQ6R3"
    BE = "AMEN7PMS3EDWL"
    IE = "A28R8C7NBKEWEA"
    TR = "A33AVAJ2PDY3EV"
    JP = "A1VC38T7YXB528"
    AU = "A39IBJ37TRP1C6"
    SG = "A19VAU5U5O7RUS"
    AE = "A2VIGQ35RCS4UG"
    EG = "ARBP9OOSHTCHU"
    IN = "A21TJRUUN4KGV"
    SA = "A17E79C6D8DWNP"
    ZA = "AE08WJ6YKNBMC"

    @property
    def id(self) -> str:
        """The SP-API marketplace id (``ATVPDKIKX0DER``)."""
        return str(self.value)

    @property
    def country_code(self) -> str:
        """The ISO 3166 country code, as SP-API's ``countryCode`` has it."""
        return self._name_  # the member's name, without Enum's descriptor

    @property
    def display_name(self) -> str:
        """The marketplace's name (``Amazon.ca``)."""
        return _FACTS[self._name_].display_name

    @property
    def domain(self) -> str:
        """The storefront domain (``www.amazon.ca``)."""
        return _FACTS[self._name_].domain

    @property
    def currency(self) -> str:
        """The default currency, an ISO 4217 code (``CAD``)."""
        return _FACTS[self._name_].currency

    @property
    def locales(self) -> tuple[str, ...]:
        """The customer-facing locales (``("en_CA", "fr_CA")``)."""
        return _FACTS[self._name_].locales

    @property
    def region(self) -> Region:
        """The SP-API region the marketplace belongs to."""
        return _FACTS[self._name_].region

    @classmethod
    def from_id(cls, marketplace_id: str) -> Marketplace:
        """Look up a marketplace by its SP-API id (``ATVPDKIKX0DER``)."""
        try:
            return _BY_ID[marketplace_id]
        except (KeyError, TypeError):
            raise UnknownMarketplaceError(
                f"unknown marketplace id `{excerpt(marketplace_id)}`"
            ) from None

    @classmethod
    def from_domain(cls, domain: str) -> Marketplace:
        """Look up a marketplace by domain; ``amazon.ca`` finds ``CA`` too."""
        key = (
            domain.lower().removeprefix("www.")
            if isinstance(domain, str)
            else domain
        )
        try:
            return _BY_DOMAIN[key]
        except (KeyError, TypeError):
            raise UnknownMarketplaceError(
                f"unknown marketplace domain `{excerpt(domain)}`"
            ) from None

    @classmethod
    def from_country(cls, country_code: str) -> Marketplace:
        """Look up a marketplace by country code (``MX``; ``UK`` is ``GB``)."""
        key = country_code.upper() if isinstance(country_code, str) else ""
        key = "GB" if key == "UK" else key
        try:
            return cls[key]
        except KeyError:
            raise UnknownMarketplaceError(
                f"unknown marketplace country code `{excerpt(country_code)}`"
            ) from None


_BY_ID: Mapping[str, Marketplace] = MappingProxyType(
    {m.id: m for m in Marketplace}
)
_BY_DOMAIN: Mapping[str, Marketplace] = MappingProxyType(
    {m.domain.removeprefix("www."): m for m in Marketplace}
)


@checked_methods_but("from_id")
class NonAmazonMarketplace(enum.Enum):
    """Marketplace ids SP-API lists that are not Amazon storefronts.

    ``getMarketplaceParticipations`` of a North American seller also
    returns these: ids for sales outside Amazon (Multi-Channel
    Fulfillment orders, ``SalesChannel`` ``Non-Amazon``) and an
    invoicing "shadow" id.  They are known, named and kept apart from
    :class:`Marketplace`: nothing is listed or sold there, so an adapter
    sets them aside with a reason instead of failing on them.

    >>> NonAmazonMarketplace.from_id("A2ZV50J4W1RKNI").country_code
    'US'
    """

    NON_AMAZON_US = "A2ZV50J4W1RKNI"
    NON_AMAZON_CA = "A1MQXOICRS2Z7M"
    NON_AMAZON_MX = "A3H6HPSLHAK3XG"
    INVOICING_SHADOW_US = "AHRY1CZE9ZY4H"

    @property
    def id(self) -> str:
        """The id as SP-API gives it."""
        return str(self.value)

    @property
    def country_code(self) -> str:
        """The country the id belongs to (``US``)."""
        return self.name[-2:]

    @property
    def kind(self) -> str:
        """``non-amazon`` (sales outside Amazon) or ``invoicing-shadow``."""
        return "invoicing-shadow" if "SHADOW" in self.name else "non-amazon"

    @classmethod
    def from_id(cls, marketplace_id: str) -> NonAmazonMarketplace:
        """Look up a known non-Amazon id."""
        try:
            return cls(marketplace_id)
        except ValueError:
            raise UnknownMarketplaceError(
                f"unknown marketplace id `{excerpt(marketplace_id)}`"
            ) from None
