"""The marketplace catalogue."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import Marketplace, Region, UnknownMarketplaceError


class TestCatalogue:
    """The catalogue holds the SP-API facts the rules rely on."""

    def test_north_america_ids_are_sp_apis(self):
        """US, CA and MX carry their SP-API marketplace ids."""
        assert {m.name: m.id for m in Marketplace if m.name in "USCAMX"} == {
            "US": "ATVPDKIKX0DER",
            "CA": "A2EUQ1WTGCTBG2",
            "MX": "A1AM78C64UM0Y8",
        }

    def test_north_america_currencies_and_domains(self):
        """Each NA marketplace has its currency and domain."""
        facts = {
            (m.currency, m.domain, m.region)
            for m in (Marketplace.US, Marketplace.CA, Marketplace.MX)
        }
        assert facts == {
            ("USD", "www.amazon.com", Region.NORTH_AMERICA),
            ("CAD", "www.amazon.ca", Region.NORTH_AMERICA),
            ("MXN", "www.amazon.com.mx", Region.NORTH_AMERICA),
        }

    def test_other_marketplaces_are_known(self):
        """BR, Europe and the Far East are known, for contrast."""
        assert Marketplace.BR.id == "A2Q3Y263D00KWC"
        assert Marketplace.GB.id == "A1F83G8C2ARO7P"
        assert Marketplace.DE.id == "A1PA6795UKMFR9"
        assert Marketplace.JP.id == "A1VC38T7YXB528"
        assert Marketplace.DE.region is Region.EUROPE
        assert Marketplace.JP.region is Region.FAR_EAST

    def test_ids_and_domains_are_unique(self):
        """No two marketplaces share an id or a domain."""
        assert len({m.id for m in Marketplace}) == len(Marketplace)
        assert len({m.domain for m in Marketplace}) == len(Marketplace)

    def test_every_locale_is_a_babel_locale(self):
        """Each customer-facing locale parses as a Babel locale."""
        from babel import Locale

        for marketplace in Marketplace:
            for locale in marketplace.locales:
                assert Locale.parse(locale)


class TestLookup:
    """Look-up by id, domain and country code."""

    @given(st.sampled_from(Marketplace))
    def test_every_marketplace_is_found_by_each_key(self, marketplace):
        """Id, domain (with or without www.) and country code all find it."""
        assert Marketplace.from_id(marketplace.id) is marketplace
        assert Marketplace.from_domain(marketplace.domain) is marketplace
        bare = marketplace.domain.removeprefix("www.")
        assert Marketplace.from_domain(bare.upper()) is marketplace
        assert (
            Marketplace.from_country(marketplace.country_code) is marketplace
        )
        assert (
            Marketplace.from_country(marketplace.name.lower()) is marketplace
        )

    def test_uk_is_an_alias_of_gb(self):
        """SP-API says GB; sellers say UK."""
        assert Marketplace.from_country("UK") is Marketplace.GB

    @pytest.mark.parametrize(
        ("finder", "value"),
        [
            (Marketplace.from_id, "ATVPDKIKX0DEX"),
            (Marketplace.from_domain, "www.amazon.cn"),
            (Marketplace.from_country, "ZZ"),
            (Marketplace.from_id, None),
            (Marketplace.from_country, 7),
        ],
    )
    def test_an_unknown_key_is_a_clear_error_naming_it(self, finder, value):
        """The error is a LookupError that quotes what was asked for."""
        with pytest.raises(UnknownMarketplaceError, match=f"`{value}`"):
            finder(value)
        assert issubclass(UnknownMarketplaceError, LookupError)
