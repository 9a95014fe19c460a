"""local-payout: the marketplace's bank account, directly or through ACCS."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    InvalidValueError,
    Marketplace,
    MissingDataError,
    Money,
    RuleKey,
    effective_account_info,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.model.account import BankAccount
from unified_account.model.rates import ConversionRate, ConversionRates
from unified_account.policy.payout import (
    PayoutMethod,
    convert_proceeds,
    payout_route,
)

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
SELLER = example_snapshot().account  # US bank in USD; CA customised, CAD bank


class TestFaqExamples:
    """No local bank account is needed in each country."""

    def test_canadian_sales_reach_a_us_dollar_account_through_accs(self):
        """Without a CAD account, ACCS converts CAD proceeds to USD."""
        plain = attrs.evolve(SELLER, info_overrides={})
        route = payout_route(plain, CA)
        assert route.value.method is PayoutMethod.CURRENCY_CONVERTER
        assert route.value.bank.currency == "USD"
        assert route.rules == {
            RuleKey.LOCAL_PAYOUT,
            RuleKey.ACCOUNT_INFO_DEFAULTS,
        }

    def test_a_local_currency_account_is_paid_directly(self):
        """Amazon.ca's customised CAD account receives CAD directly."""
        route = payout_route(SELLER, CA)
        assert route.value.method is PayoutMethod.DIRECT
        assert route.value.bank.masked_id == "****4321"

    def test_the_bank_countries_are_data_not_code(self):
        """A Hong Kong account is paid once the list includes HK."""
        hk_bank = BankAccount(
            country="HK", currency="USD", masked_id="****0001"
        )
        info = attrs.evolve(SELLER.registration_info, bank=hk_bank)
        account = attrs.evolve(
            SELLER, registration_info=info, info_overrides={}
        )
        assert (
            payout_route(account, US).value.method
            is PayoutMethod.NOT_SUPPORTED
        )
        wider = attrs.evolve(
            FAQ, payout_bank_countries=FAQ.payout_bank_countries | {"HK"}
        )
        assert (
            payout_route(account, US, edition=wider).value.method
            is PayoutMethod.DIRECT
        )
        assert (
            payout_route(account, US, bank_countries={"HK"}).value.method
            is PayoutMethod.DIRECT
        )


class TestConvertProceeds:
    """Converting proceeds uses the caller's rate, half-even."""

    def test_mxn_proceeds_convert_to_usd_at_the_callers_rate(self):
        """1999.00 x 0.0547 = 109.3453, rounded to 109.35."""
        route = payout_route(SELLER, MX).value
        rates = ConversionRates([ConversionRate("MXN", "USD", "0.0547")])
        assert convert_proceeds(
            route, Money("1999.00", "MXN"), rates
        ).value == Money("109.35", "USD")

    def test_a_missing_rate_is_an_error(self):
        """No rate, no estimate."""
        route = payout_route(SELLER, MX).value
        with pytest.raises(MissingDataError, match="from `MXN` to `USD`"):
            convert_proceeds(route, Money("1.00", "MXN"), ConversionRates())

    def test_proceeds_in_another_currency_are_refused(self):
        """Amazon.com.mx proceeds are in MXN."""
        route = payout_route(SELLER, MX).value
        with pytest.raises(InvalidValueError, match="not in `MXN`"):
            convert_proceeds(route, Money("1.00", "USD"), ConversionRates())

    def test_a_direct_payout_is_unchanged(self):
        """No conversion, no rate needed."""
        route = payout_route(SELLER, US).value
        assert convert_proceeds(
            route, Money("61.00", "USD"), ConversionRates()
        ).value == Money("61.00", "USD")


@given(
    ua.seller_accounts(customised=None),
    ua.marketplaces(in_scope=True),
    st.frozensets(
        st.sampled_from(
            ["US", "CA", "MX", "BR", "GB", "DE", "JP", "CN", "HK", "TW"]
        )
    ),
)
def test_the_route_follows_the_effective_bank_account(
    account, marketplace, countries
):
    """Bank from account-info-defaults; method from currency and country."""
    route = payout_route(account, marketplace, bank_countries=countries).value
    bank = effective_account_info(account, marketplace).value.bank
    assert route.bank == bank
    if bank.country not in countries:
        assert route.method is PayoutMethod.NOT_SUPPORTED
    elif bank.currency == marketplace.currency:
        assert route.method is PayoutMethod.DIRECT
    else:
        assert route.method is PayoutMethod.CURRENCY_CONVERTER


@given(ua.seller_accounts(), ua.marketplaces(in_scope=True), st.data())
def test_customising_one_marketplace_never_moves_anothers_payout(
    account, marketplace, data
):
    """A new bank for one marketplace leaves the others' routes alone."""
    other = data.draw(ua.marketplaces(in_scope=True))
    if other is marketplace:
        return
    info = data.draw(ua.account_infos())
    changed = attrs.evolve(
        account,
        marketplaces=account.marketplaces | {marketplace, other},
        info_overrides=account.info_overrides.set(marketplace, info),
    )
    before = attrs.evolve(changed, info_overrides=account.info_overrides)
    assert (
        payout_route(changed, other).value == payout_route(before, other).value
    )
    assert payout_route(changed, marketplace).value.bank == info.bank
