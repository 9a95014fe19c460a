"""storefront-origin: one storefront, set only in the home marketplace."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    NORTH_AMERICA_AND_BRAZIL,
    InvalidValueError,
    Marketplace,
    RuleKey,
    RuleViolation,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.model.storefront import StorefrontLink
from unified_account.policy.storefront import (
    customise_storefront,
    evaluate_storefront_customisation,
    storefront_link,
)

SELLER = example_snapshot().account  # registered on Amazon.com
HOME_LINK = StorefrontLink("https://www.amazon.com/stores/HarborLane")
CA_LINK = StorefrontLink("https://www.amazon.ca/stores/HarborLaneCanada")


class TestFaqExamples:
    """Registered on Amazon.com: the link is customised there only."""

    def test_listings_on_ca_and_mx_link_to_the_amazon_com_storefront(self):
        """Every marketplace gets the home's link."""
        for marketplace in (Marketplace.US, Marketplace.CA, Marketplace.MX):
            resolved = storefront_link(SELLER, marketplace, HOME_LINK)
            assert resolved.value == HOME_LINK
            assert resolved.rules == {RuleKey.STOREFRONT_ORIGIN}

    def test_customising_from_amazon_ca_is_refused_with_this_rule(self):
        """The option is not there in Amazon.ca."""
        with pytest.raises(
            RuleViolation, match="`storefront-origin`"
        ) as error:
            customise_storefront(SELLER, Marketplace.CA, CA_LINK)
        assert error.value.decision.rules == {RuleKey.STOREFRONT_ORIGIN}
        assert not error.value.decision.allowed

    def test_customising_from_home_to_another_site_is_refused(self):
        """Even from Amazon.com, the link must be on Amazon.com."""
        with pytest.raises(InvalidValueError, match="not on the home"):
            customise_storefront(SELLER, Marketplace.US, CA_LINK)

    def test_a_link_outside_the_home_site_is_never_used(self):
        """An Amazon.ca link for an Amazon.com seller is refused."""
        with pytest.raises(RuleViolation):
            storefront_link(SELLER, Marketplace.CA, CA_LINK)

    def test_a_marketplace_outside_the_scope_is_refused(self):
        """Amazon.de listings are not the unified account's."""
        with pytest.raises(RuleViolation, match="`na-scope`"):
            storefront_link(SELLER, Marketplace.DE, HOME_LINK)


homes = ua.marketplaces(in_scope=True)


@given(ua.seller_accounts(homes=homes), ua.marketplaces(), st.data())
def test_customising_is_allowed_exactly_in_the_home_marketplace(
    account, marketplace, data
):
    """Allowed iff home; a refusal always names storefront-origin."""
    decision = evaluate_storefront_customisation(account, marketplace)
    assert decision.allowed is (marketplace is account.home)
    assert decision.rules == {RuleKey.STOREFRONT_ORIGIN}
    assert [r.message_id for r in decision.reasons] == [
        "storefront-origin.may-customise"
        if marketplace is account.home
        else "storefront-origin.home-only"
    ]
    link = data.draw(ua.storefront_links(marketplaces=st.just(account.home)))
    if marketplace is account.home:
        assert customise_storefront(account, marketplace, link) == link
    else:
        with pytest.raises(RuleViolation):
            customise_storefront(account, marketplace, link)


@given(ua.seller_accounts(homes=homes), st.data())
def test_every_marketplace_links_to_the_home_storefront(account, data):
    """The same link everywhere, unchanged by unrelated fields."""
    link = data.draw(ua.storefront_links(marketplaces=st.just(account.home)))
    resolved = [
        storefront_link(account, m, link)
        for m in (Marketplace.US, Marketplace.CA, Marketplace.MX)
    ]
    assert {r.value for r in resolved} == {link}
    assert {x.message_id for r in resolved for x in r.reasons} == {
        "storefront-origin.links-home"
    }
    other = attrs.evolve(
        account,
        seller_id="A9OTHER",
        info_overrides={},
        marketplaces={account.home},
    )
    assert storefront_link(other, Marketplace.MX, link).value == link


@given(ua.seller_accounts(homes=homes), ua.storefront_links(), homes)
def test_a_link_on_another_site_than_the_home_is_never_used(
    account, link, marketplace
):
    """Whatever the listing's marketplace, a foreign link is refused."""
    if link.marketplace is account.home:
        assert storefront_link(account, marketplace, link).value == link
    else:
        with pytest.raises(RuleViolation):
            storefront_link(account, marketplace, link)


def test_a_link_on_another_site_is_refused_naming_it():
    """The refusal names the link, its site and the field ``link``."""
    from unified_account import InvalidValueError, StorefrontLink

    link = StorefrontLink("https://www.amazon.ca/stores/x")
    with pytest.raises(InvalidValueError) as error:
        customise_storefront(SELLER, SELLER.home, link)
    assert error.value.field == "link"
    assert error.value.problem.startswith(
        "`https://www.amazon.ca/stores/x` is on Amazon.ca, not on the home"
    )


def test_a_brazilian_storefront_link_needs_the_brazil_edition():
    """``na-scope`` under the FAQ; undetermined under the Brazil edition."""
    import attrs

    from unified_account import (
        NORTH_AMERICA_AND_BRAZIL,
        RuleViolation,
        StorefrontLink,
        storefront_link,
    )

    account = attrs.evolve(
        SELLER,
        home=Marketplace.BR,
        marketplaces={Marketplace.BR, Marketplace.US},
        info_overrides={},
    )
    link = StorefrontLink("https://www.amazon.com.br/stores/x")
    resolved = storefront_link(
        account, Marketplace.BR, link, edition=NORTH_AMERICA_AND_BRAZIL
    )
    assert resolved.value is None
    assert [r.message_id for r in resolved.reasons] == [
        "storefront-origin.link-unknown"
    ]
    with pytest.raises(RuleViolation):
        storefront_link(account, Marketplace.BR, link)


def test_the_storefront_of_a_brazilian_listing_is_undetermined():
    """Issue 9: the FAQ's storefront answer names .com, .ca and .com.mx.

    "您在 Amazon.com.. Amazon.ca 和 Amazon.com.mx 中的商品對應的都是
    Amazon.com 店鋪連結": nothing is said of Amazon.com.br.
    """
    snapshot = example_snapshot()
    link = StorefrontLink("https://www.amazon.com/stores/HarborLane")
    brazil = storefront_link(
        snapshot.account,
        Marketplace.BR,
        link,
        edition=NORTH_AMERICA_AND_BRAZIL,
    )
    assert brazil.value is None
    assert [r.message_id for r in brazil.reasons] == [
        "storefront-origin.link-unknown"
    ]
    canada = storefront_link(
        snapshot.account,
        Marketplace.CA,
        link,
        edition=NORTH_AMERICA_AND_BRAZIL,
    )
    assert canada.value == link
