"""Amazon marketplaces: the closed catalogue the rules speak about.

The data are static and dated by nothing: marketplace ids, domains and
default currencies are stable identifiers of the Selling Partner API.
Currency and locales are kept here as a table, never derived from Babel's
territory data at run time (which depends on today's date).
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import UnknownMarketplaceError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Marketplace", "Region"]


class Region(enum.Enum):
    """The Selling Partner API region (endpoint) a marketplace belongs to."""

    NORTH_AMERICA = "na"
    EUROPE = "eu"
    FAR_EAST = "fe"


class Marketplace(enum.Enum):
    """One Amazon marketplace, named by its country code.

    Each member carries its SP-API marketplace id, country code, name,
    domain, default currency (ISO 4217), customer-facing locales and
    SP-API region.  Members are singletons: compare with ``is`` or ``==``.

    >>> Marketplace.CA.domain
    'www.amazon.ca'
    >>> Marketplace.from_id("A1AM78C64UM0Y8")
    <Marketplace.MX: 'A1AM78C64UM0Y8'>
    """

    # Listed as: (id, name, domain, currency, locales, region)
    US = ("ATVPDKIKX0DER", "Amazon.com", "www.amazon.com", "USD",
          ("en_US", "es_US"), Region.NORTH_AMERICA)  # fmt: skip
    CA = ("A2EUQ1WTGCTBG2", "Amazon.ca", "www.amazon.ca", "CAD",
          ("en_CA", "fr_CA"), Region.NORTH_AMERICA)  # fmt: skip
    MX = ("A1AM78C64UM0Y8", "Amazon.com.mx", "www.amazon.com.mx", "MXN",
          ("es_MX",), Region.NORTH_AMERICA)  # fmt: skip
    BR = ("A2Q3Y263D00KWC", "Amazon.com.br", "www.amazon.com.br", "BRL",
          ("pt_BR",), Region.NORTH_AMERICA)  # fmt: skip
    GB = ("A1F83G8C2ARO7P", "Amazon.co.uk", "www.amazon.co.uk", "GBP",
          ("en_GB",), Region.EUROPE)  # fmt: skip
    DE = ("A1PA6795UKMFR9", "Amazon.de", "www.amazon.de", "EUR",
          ("de_DE",), Region.EUROPE)  # fmt: skip
    FR = ("A13V1IB3VIYZZH", "Amazon.fr", "www.amazon.fr", "EUR",
          ("fr_FR",), Region.EUROPE)  # fmt: skip
    IT = ("APJ6JRA9NG5V4", "Amazon.it", "www.amazon.it", "EUR",
          ("it_IT",), Region.EUROPE)  # fmt: skip
    ES = ("A1RKKUPIHCS9HS", "Amazon.es", "www.amazon.es", "EUR",
          ("es_ES",), Region.EUROPE)  # fmt: skip
    NL = ("A1805IZSGTT6HS", "Amazon.nl", "www.amazon.nl", "EUR",
          ("nl_NL",), Region.EUROPE)  # fmt: skip
    SE = ("A2NODRKZP88ZB9", "Amazon.se", "www.amazon.se", "SEK",
          ("sv_SE",), Region.EUROPE)  # fmt: skip
    PL = ("A1C3SOZRARQ6R3", "Amazon.pl", "www.amazon.pl", "PLN",
          ("pl_PL",), Region.EUROPE)  # fmt: skip
    BE = ("AMEN7PMS3EDWL", "Amazon.com.be", "www.amazon.com.be", "EUR",
          ("fr_BE", "nl_BE"), Region.EUROPE)  # fmt: skip
    IE = ("A28R8C7NBKEWEA", "Amazon.ie", "www.amazon.ie", "EUR",
          ("en_IE",), Region.EUROPE)  # fmt: skip
    TR = ("A33AVAJ2PDY3EV", "Amazon.com.tr", "www.amazon.com.tr", "TRY",
          ("tr_TR",), Region.EUROPE)  # fmt: skip
    JP = ("A1VC38T7YXB528", "Amazon.co.jp", "www.amazon.co.jp", "JPY",
          ("ja_JP",), Region.FAR_EAST)  # fmt: skip
    AU = ("A39IBJ37TRP1C6", "Amazon.com.au", "www.amazon.com.au", "AUD",
          ("en_AU",), Region.FAR_EAST)  # fmt: skip
    SG = ("A19VAU5U5O7RUS", "Amazon.sg", "www.amazon.sg", "SGD",
          ("en_SG",), Region.FAR_EAST)  # fmt: skip

    def __new__(cls, marketplace_id: str, *_: object) -> Marketplace:
        """Make the SP-API id the member's value."""
        member = object.__new__(cls)
        member._value_ = marketplace_id
        return member

    def __init__(
        self,
        marketplace_id: str,
        display_name: str,
        domain: str,
        currency: str,
        locales: tuple[str, ...],
        region: Region,
    ) -> None:
        self.id = marketplace_id
        self.display_name = display_name
        self.domain = domain
        self.currency = currency
        self.locales = locales
        self.region = region

    @property
    def country_code(self) -> str:
        """The ISO 3166 country code, as SP-API's ``countryCode`` has it."""
        return self.name

    @classmethod
    def from_id(cls, marketplace_id: str) -> Marketplace:
        """Look up a marketplace by its SP-API id (``ATVPDKIKX0DER``)."""
        try:
            return _BY_ID[marketplace_id]
        except (KeyError, TypeError):
            raise UnknownMarketplaceError(
                f"unknown marketplace id `{marketplace_id}`"
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
                f"unknown marketplace domain `{domain}`"
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
                f"unknown marketplace country code `{country_code}`"
            ) from None


_BY_ID: Mapping[str, Marketplace] = MappingProxyType(
    {m.id: m for m in Marketplace}
)
_BY_DOMAIN: Mapping[str, Marketplace] = MappingProxyType(
    {m.domain.removeprefix("www."): m for m in Marketplace}
)
