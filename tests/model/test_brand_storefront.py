"""Brand registrations, ASIN key attributes and storefront links."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import InvalidValueError, Marketplace
from unified_account.errors import UnifiedAccountError
from unified_account.model.brand import AsinAttributes, BrandRegistration
from unified_account.model.storefront import StorefrontLink, StorefrontRequest


class TestBrandRegistration:
    """Approvals are a frozen set of marketplaces."""

    def test_approvals_are_immutable(self):
        """A list given becomes a frozenset."""
        brand = BrandRegistration(
            brand="Harbor Lane", approved=[Marketplace.US]
        )
        assert brand.approved == frozenset({Marketplace.US})

    def test_a_country_code_is_not_a_marketplace(self):
        """Strings are refused, so `"US"` cannot pass as approvals."""
        with pytest.raises(InvalidValueError):
            BrandRegistration(brand="Harbor Lane", approved="US")


class TestAsinAttributes:
    """Key attribute values of one ASIN in one marketplace."""

    def test_attributes_are_a_read_only_mapping(self):
        """Nothing reachable from the value can be changed."""
        record = AsinAttributes(
            asin="B071VG5N9D",
            marketplace=Marketplace.US,
            attributes={"brand": "Harbor Lane"},
        )
        with pytest.raises(TypeError):
            record.attributes["brand"] = "Other"  # type: ignore[index]

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"asin": "b071vg5n9d"}, "asin"),
            ({"attributes": {}}, "attributes"),
            ({"attributes": {"Brand": "x"}}, "attributes"),
            ({"attributes": {"brand": " "}}, "attributes.brand"),
        ],
    )
    def test_invalid_records_name_their_field(self, fields, field):
        """Bad ASINs, names and empty values are refused."""
        base = {
            "asin": "B071VG5N9D",
            "marketplace": Marketplace.US,
            "attributes": {"brand": "x"},
        }
        with pytest.raises(InvalidValueError) as error:
            AsinAttributes(**{**base, **fields})
        assert error.value.field == field


class TestStorefrontLink:
    """A storefront link is on one marketplace's site."""

    def test_the_marketplace_comes_from_the_domain(self):
        """amazon.com.mx links belong to Amazon.com.mx."""
        link = StorefrontLink("https://www.amazon.com.mx/stores/HarborLane")
        assert link.marketplace is Marketplace.MX

    @pytest.mark.parametrize(
        "url",
        [
            "http://www.amazon.com/stores/x",
            "https://example.com/stores/x",
            "https://www.amazon.com",
            "",
            3,
        ],
    )
    def test_only_https_links_on_amazon_sites_are_accepted(self, url):
        """Other links are refused."""
        with pytest.raises(InvalidValueError):
            StorefrontLink(url)


_ANY = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=30),
    st.sampled_from(list(Marketplace)),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    st.frozensets(st.sampled_from(list(Marketplace))),
)


@given(_ANY, _ANY, _ANY)
def test_constructors_raise_only_documented_errors(a, b, c):
    """Arbitrary input either builds a value or raises a library error."""
    for build in (
        lambda: BrandRegistration(brand=a, approved=b),
        lambda: AsinAttributes(asin=a, marketplace=b, attributes=c),
        lambda: StorefrontLink(a),
        lambda: StorefrontRequest(marketplace=a, link=b),
    ):
        with contextlib.suppress(UnifiedAccountError):
            build()


def test_unhashable_approvals_are_refused_with_our_error():
    """A nested list is no marketplace, and says so."""
    from unified_account import BrandRegistration
    from unified_account.errors import InvalidValueError as Invalid

    with pytest.raises(Invalid, match="not a Marketplace"):
        BrandRegistration(brand="Acme", approved=[[1]])
