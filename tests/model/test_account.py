"""Seller accounts and their account information."""

import contextlib

import attrs
import immutables
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    AccountInfo,
    BankAccount,
    InvalidValueError,
    Marketplace,
    SellerAccount,
    SellingPlan,
    UnifiedAccountError,
)
from unified_account import strategies as ua

BANK = BankAccount(country="US", currency="USD", masked_id="****6789")
INFO = AccountInfo(
    legal_entity_name="Harbor Lane Goods LLC",
    address_country="US",
    bank=BANK,
    contact_email="seller@harborlane.example",
    display_name="Harbor Lane",
)


def account(**changes):
    fields = {
        "seller_id": "A1EXAMPLE",
        "plan": SellingPlan.PROFESSIONAL,
        "home": Marketplace.US,
        "marketplaces": {Marketplace.US, Marketplace.CA},
        "registration_info": INFO,
    }
    return SellerAccount(**(fields | changes))


class TestInvariants:
    """Construction enforces the account's invariants."""

    def test_the_home_marketplace_must_be_turned_on(self):
        """An account always acts in the marketplace it registered on."""
        with pytest.raises(InvalidValueError, match="home marketplace `MX`"):
            account(home=Marketplace.MX)

    def test_customised_info_only_for_turned_on_marketplaces(self):
        """Customising a marketplace that is not turned on is refused."""
        with pytest.raises(InvalidValueError, match="not turned on") as error:
            account(info_overrides={Marketplace.MX: INFO})
        assert error.value.field == "info_overrides.MX"

    def test_a_full_bank_account_number_is_refused(self):
        """Only masked identifiers are stored."""
        with pytest.raises(InvalidValueError, match="masked") as error:
            attrs.evolve(BANK, masked_id="000123456789")
        assert error.value.field == "masked_id"

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("legal_entity_name", "  "),
            ("address_country", "usa"),
            ("contact_email", "not-an-email"),
            ("display_name", ""),
            ("bank", "****6789"),
        ],
    )
    def test_invalid_account_information_is_refused(self, field, value):
        """Each field of account information is validated, by name."""
        with pytest.raises(InvalidValueError) as error:
            attrs.evolve(INFO, **{field: value})
        assert error.value.field == field

    def test_a_bank_in_an_unknown_currency_is_refused(self):
        """The bank's currency is an ISO 4217 code."""
        with pytest.raises(InvalidValueError, match="unknown currency"):
            attrs.evolve(BANK, currency="CDN")

    @pytest.mark.parametrize("plan", ["professional", None])
    def test_the_plan_must_be_a_selling_plan(self, plan):
        """Strings are not plans; the enum is."""
        with pytest.raises(InvalidValueError):
            account(plan=plan)

    def test_marketplaces_must_be_marketplaces(self):
        """A country code string is not a marketplace."""
        with pytest.raises(InvalidValueError):
            account(marketplaces={"US"})
        with pytest.raises(InvalidValueError):
            account(marketplaces="US")


class TestImmutability:
    """Nothing reachable from an account can be mutated."""

    @given(ua.seller_accounts(customised=True))
    def test_collections_inside_are_immutable(self, seller):
        """Marketplaces are a frozenset, overrides an immutable map."""
        assert isinstance(seller.marketplaces, frozenset)
        assert isinstance(seller.info_overrides, immutables.Map)
        with pytest.raises(TypeError):
            seller.info_overrides[Marketplace.US] = INFO
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            seller.plan = SellingPlan.INDIVIDUAL
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            seller.registration_info.bank.masked_id = "**1"

    def test_a_plain_dict_of_overrides_is_copied_not_kept(self):
        """Changing the dict passed in never changes the account."""
        overrides = {Marketplace.CA: INFO}
        seller = account(info_overrides=overrides)
        overrides.clear()
        assert Marketplace.CA in seller.info_overrides

    @given(ua.seller_accounts())
    def test_equal_accounts_hash_equal(self, seller):
        """Accounts are values."""
        copy = attrs.evolve(seller)
        assert copy == seller
        assert hash(copy) == hash(seller)


_ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.lists(st.text(max_size=3), max_size=3),
    st.sampled_from(Marketplace),
    st.sampled_from(SellingPlan),
)


@given(
    st.fixed_dictionaries(
        {
            "seller_id": _ANYTHING,
            "plan": _ANYTHING,
            "home": _ANYTHING,
            "marketplaces": st.one_of(
                _ANYTHING, st.frozensets(st.sampled_from(Marketplace))
            ),
            "registration_info": st.one_of(st.just(INFO), _ANYTHING),
        }
    )
)
def test_only_documented_errors_escape_the_constructor(fields):
    """Arbitrary input builds an account or raises the library's error."""
    with contextlib.suppress(UnifiedAccountError):
        SellerAccount(**fields)


@given(
    st.one_of(
        st.text(max_size=8),
        st.integers(),
        st.floats(),
        st.none(),
        st.decimals(),
    ),
    st.one_of(st.text(max_size=4), st.none(), st.integers()),
)
def test_only_documented_errors_escape_money(amount, currency):
    """Arbitrary input builds money or raises the library's error."""
    from unified_account import Money

    with contextlib.suppress(UnifiedAccountError):
        Money(amount, currency)
