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


def _with_ca_bank(country, currency):
    """The example seller with Amazon.ca's bank account in ``country``."""
    info = attrs.evolve(
        SELLER.info_overrides[CA],
        bank=BankAccount(
            country=country, currency=currency, masked_id="****0002"
        ),
    )
    return attrs.evolve(SELLER, info_overrides={CA: info})


class TestFaqExamples:
    """No local bank account is needed in each country."""

    def test_canadian_sales_reach_a_us_dollar_account_through_accs(self):
        """Without a CAD account, ACCS converts CAD proceeds to USD."""
        plain = attrs.evolve(SELLER, info_overrides={})
        route = payout_route(plain, CA)
        assert route.value.method is PayoutMethod.CURRENCY_CONVERTER
        assert route.value.bank.currency == "USD"
        assert route.reasons[0].message_id == "local-payout.currency-converter"
        assert route.rules == {
            RuleKey.LOCAL_PAYOUT,
            RuleKey.ACCOUNT_INFO_DEFAULTS,
        }

    def test_a_local_currency_account_is_paid_directly(self):
        """FAQ: a bank in an Amazon-supported country is paid directly.

        "只要您具有亞馬遜支持國家／地區的銀行帳戶，即可使用您的當地銀行帳戶
        以當地貨幣直接接收付款": with the caller's list naming CA, Amazon.ca's
        customised CAD account receives CAD directly.
        """
        route = payout_route(SELLER, CA, bank_countries={"US", "CA"})
        assert route.value.method is PayoutMethod.DIRECT
        assert route.value.bank.masked_id == "****4321"

    def test_the_faqs_own_case_is_paid_directly_without_a_list(self):
        """Issue 17: ``payout_route(account, Marketplace.CA)``.

        The example seller's Amazon.ca information has a Canadian bank
        account in CAD.  The FAQ: a seller registered in the US, Canada
        or Mexico is paid directly, in local currency, to a local bank
        account; no list of payout countries is needed for that.
        """
        route = payout_route(SELLER, CA)
        assert route.value.method is PayoutMethod.DIRECT
        assert route.value.bank.masked_id == "****4321"
        assert [(r.rule, r.message_id) for r in route.reasons] == [
            (RuleKey.LOCAL_PAYOUT, "local-payout.direct"),
            (
                RuleKey.ACCOUNT_INFO_DEFAULTS,
                "account-info-defaults.customised",
            ),
        ]
        assert FAQ.payout_bank_countries is None

    @pytest.mark.parametrize(
        ("country", "currency"),
        [("HK", "USD"), ("US", "USD"), ("CA", "USD"), ("GB", "CAD")],
    )
    def test_without_the_list_a_third_country_bank_is_undetermined(
        self, country, currency
    ):
        """Issue 9: no list of supported countries is published as data.

        A bank account for Amazon.ca that is not the one the seller
        registered with, and not a Canadian account in CAD: whether
        Amazon pays out to it is undetermined, never "not among the
        countries Amazon pays out to".
        """
        account = _with_ca_bank(country, currency)
        route = payout_route(account, CA)
        assert route.value.method is PayoutMethod.UNDETERMINED
        (reason,) = [
            r for r in route.reasons if r.rule is RuleKey.LOCAL_PAYOUT
        ]
        assert reason.message_id == "local-payout.bank-country-unknown"

    def test_the_registration_bank_is_paid_without_any_list(self):
        """FAQ: "您可以使用現有的銀行帳戶，通過 ACCS 以當地貨幣接受支付"."""
        hk_bank = BankAccount(
            country="HK", currency="USD", masked_id="****0001"
        )
        info = attrs.evolve(SELLER.registration_info, bank=hk_bank)
        account = attrs.evolve(
            SELLER, registration_info=info, info_overrides={}
        )
        assert payout_route(account, US).value.method is PayoutMethod.DIRECT
        assert (
            payout_route(account, CA).value.method
            is PayoutMethod.CURRENCY_CONVERTER
        )

    def test_the_bank_countries_are_data_not_code(self):
        """A Hong Kong account is paid exactly when the list includes HK."""
        hk_bank = BankAccount(
            country="HK", currency="USD", masked_id="****0001"
        )
        info = attrs.evolve(SELLER.registration_info, bank=hk_bank)
        account = attrs.evolve(SELLER, info_overrides={US: info})
        assert (
            payout_route(account, US).value.method is PayoutMethod.UNDETERMINED
        )
        assert (
            payout_route(account, US, bank_countries={"US"}).value.method
            is PayoutMethod.NOT_SUPPORTED
        )
        wider = attrs.evolve(FAQ, payout_bank_countries={"US", "HK"})
        assert (
            payout_route(account, US, edition=wider).value.method
            is PayoutMethod.DIRECT
        )
        assert (
            payout_route(account, US, bank_countries={"HK"}).value.method
            is PayoutMethod.DIRECT
        )

    def test_an_undetermined_route_pays_nothing_known(self):
        """No estimate of a payout whose possibility is unknown."""
        route = payout_route(_with_ca_bank("HK", "USD"), CA).value
        assert route.method is PayoutMethod.UNDETERMINED
        paid = convert_proceeds(route, Money("5.00", "CAD"), ConversionRates())
        assert paid.value is None
        assert paid.rules == {RuleKey.LOCAL_PAYOUT}
        assert [r.message_id for r in paid.reasons] == [
            "local-payout.payout-undetermined"
        ]


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
    st.none()
    | st.frozensets(
        st.sampled_from(
            ["US", "CA", "MX", "BR", "GB", "DE", "JP", "CN", "HK", "TW"]
        )
    ),
)
def test_the_route_follows_the_effective_bank_account(
    account, marketplace, countries
):
    """Bank from account-info-defaults; method from currency and country.

    Without a list, only the registration bank's route and a local bank's
    (the marketplace's own country and currency) are known.  Each method
    gives its own message id.
    """
    resolved = payout_route(account, marketplace, bank_countries=countries)
    route = resolved.value
    bank = effective_account_info(account, marketplace).value.bank
    assert route.bank == bank
    local = (bank.country, bank.currency) == (
        marketplace.name,
        marketplace.currency,
    )
    assert resolved.reasons[0].rule is RuleKey.LOCAL_PAYOUT
    assert resolved.reasons[0].message_id == _ROUTE_MESSAGE[route.method]
    if (
        countries is None
        and not local
        and bank != account.registration_info.bank
    ):
        assert route.method is PayoutMethod.UNDETERMINED
    elif countries is not None and bank.country not in countries:
        assert route.method is PayoutMethod.NOT_SUPPORTED
    elif bank.currency == marketplace.currency:
        assert route.method is PayoutMethod.DIRECT
    else:
        assert route.method is PayoutMethod.CURRENCY_CONVERTER


_ROUTE_MESSAGE = {
    PayoutMethod.DIRECT: "local-payout.direct",
    PayoutMethod.CURRENCY_CONVERTER: "local-payout.currency-converter",
    PayoutMethod.NOT_SUPPORTED: "local-payout.bank-country-not-supported",
    PayoutMethod.UNDETERMINED: "local-payout.bank-country-unknown",
}
_PAID_MESSAGE = {
    PayoutMethod.DIRECT: "local-payout.paid",
    PayoutMethod.CURRENCY_CONVERTER: "local-payout.converted",
    PayoutMethod.NOT_SUPPORTED: "local-payout.no-payout",
    PayoutMethod.UNDETERMINED: "local-payout.payout-undetermined",
}


@given(
    ua.seller_accounts(customised=None),
    ua.marketplaces(in_scope=True),
    st.none() | st.frozensets(st.sampled_from(["US", "CA", "MX", "HK"])),
    st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_each_payout_gives_its_methods_message(
    account, marketplace, countries, amount
):
    """The reason of a conversion names what happened: its own id.

    A direct payout is the proceeds unchanged, a converted one is in the
    bank's currency, and no payout (or an unknown one) is ``None``.
    """
    route = payout_route(account, marketplace, bank_countries=countries).value
    proceeds = Money(amount, marketplace.currency)
    rates = ConversionRates(
        [ConversionRate(marketplace.currency, route.bank.currency, "0.5")]
        if route.bank.currency != marketplace.currency
        else []
    )
    paid = convert_proceeds(route, proceeds, rates)
    assert [(r.rule, r.message_id) for r in paid.reasons] == [
        (RuleKey.LOCAL_PAYOUT, _PAID_MESSAGE[route.method])
    ]
    if route.method is PayoutMethod.DIRECT:
        assert paid.value == proceeds
    elif route.converts:
        assert paid.value is not None
        assert paid.value.currency == route.bank.currency
    else:
        assert paid.value is None


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


class TestConvertProceedsByName:
    """Each payout method's result, its reason and its rendered sentence."""

    def _seller(self):
        from unified_account import example_snapshot

        return example_snapshot().account

    def test_a_direct_payout_is_the_proceeds_unchanged(self):
        """``local-payout.paid``, with the proceeds, marketplace and bank."""
        from unified_account import Marketplace, Money, payout_route
        from unified_account.i18n import render_reason
        from unified_account.policy.payout import convert_proceeds

        # The CAD bank was customised for Amazon.ca, not registered: it is
        # paid directly once the caller says Amazon pays out to Canada.
        route = payout_route(
            self._seller(), Marketplace.CA, bank_countries={"CA", "US"}
        ).value
        paid = convert_proceeds(route, Money("100.00", "CAD"), _NO_RATES)
        assert paid.value == Money("100.00", "CAD")
        assert [render_reason(r, "en") for r in paid.reasons] == [
            "CA$100.00 from Amazon.ca is paid to bank account ****4321 "
            "unchanged"
        ]

    def test_a_converted_payout_shows_the_callers_rate(self):
        """``local-payout.converted`` renders the rate used, and the sum."""
        from unified_account import (
            ConversionRate,
            ConversionRates,
            Marketplace,
            Money,
            payout_route,
        )
        from unified_account.i18n import render_reason
        from unified_account.policy.payout import convert_proceeds

        route = payout_route(self._seller(), Marketplace.MX).value
        rates = ConversionRates([ConversionRate("MXN", "USD", "0.0585")])
        paid = convert_proceeds(route, Money("1000.00", "MXN"), rates)
        assert paid.value == Money("58.50", "USD")
        assert [render_reason(r, "en") for r in paid.reasons] == [
            "MX$1,000.00 from Amazon.com.mx comes to about $58.50 in bank "
            "account ****6789 at your rate MXN/USD 0.0585; Amazon applies "
            "its own rate when it pays"
        ]

    def test_no_payout_names_the_banks_country(self):
        """``local-payout.no-payout``: nothing paid, and to where not."""
        from unified_account import Marketplace, Money, payout_route
        from unified_account.i18n import render_reason
        from unified_account.policy.payout import convert_proceeds

        route = payout_route(
            self._seller(), Marketplace.US, bank_countries={"MX"}
        ).value
        paid = convert_proceeds(route, Money("10.00", "USD"), _NO_RATES)
        assert paid.value is None
        assert [render_reason(r, "en") for r in paid.reasons] == [
            "No payout of $10.00 from Amazon.com to bank account ****6789: "
            "Amazon does not pay out to US"
        ]

    def test_proceeds_in_another_currency_are_refused(self):
        """The proceeds are named, in the field ``proceeds``."""
        from unified_account import (
            InvalidValueError,
            Marketplace,
            Money,
            payout_route,
        )
        from unified_account.policy.payout import convert_proceeds

        route = payout_route(self._seller(), Marketplace.CA).value
        with pytest.raises(InvalidValueError) as error:
            convert_proceeds(route, Money("1.00", "USD"), _NO_RATES)
        assert error.value.field == "proceeds"
        assert error.value.problem.startswith("`USD 1.00` is not in `CAD`")


_NO_RATES = ConversionRates([])


def test_bank_countries_given_as_one_string_are_refused():
    """``"US"`` is text, not a collection of codes: the message says so."""
    from unified_account import InvalidValueError, Marketplace, payout_route
    from unified_account import example_snapshot as seller

    with pytest.raises(InvalidValueError) as error:
        payout_route(seller().account, Marketplace.US, bank_countries="US")
    assert error.value.problem == "`US` is not a collection of country codes"


@pytest.mark.parametrize("code", ["USA", "us", "U"])
def test_a_bank_country_must_be_two_capital_letters(code):
    """Three capitals, two small letters, one letter: each refused."""
    from unified_account import InvalidValueError, Marketplace, payout_route
    from unified_account import example_snapshot as seller

    with pytest.raises(InvalidValueError) as error:
        payout_route(seller().account, Marketplace.US, bank_countries={code})
    assert error.value.problem == f"`{code}` is not an ISO 3166 country code"
    assert error.value.field == "bank_countries"


def test_a_brazilian_route_needs_the_brazil_edition():
    """The edition decides the scope of the account information used."""
    from unified_account import (
        NORTH_AMERICA_AND_BRAZIL,
        Marketplace,
        RuleViolation,
        payout_route,
    )
    from unified_account import example_snapshot as seller

    account = attrs.evolve(
        seller().account,
        home=Marketplace.BR,
        marketplaces={Marketplace.BR, Marketplace.US},
        info_overrides={},
    )
    route = payout_route(
        account, Marketplace.BR, edition=NORTH_AMERICA_AND_BRAZIL
    )
    assert route.value.marketplace is Marketplace.BR
    with pytest.raises(RuleViolation):
        payout_route(account, Marketplace.BR)


def test_an_unpaid_bank_country_is_said_in_words():
    """``local-payout.bank-country-not-supported``, rendered."""
    from unified_account import Marketplace, payout_route
    from unified_account import example_snapshot as seller
    from unified_account.i18n import render_reason

    route = payout_route(
        seller().account, Marketplace.US, bank_countries={"MX"}
    )
    assert render_reason(route.reasons[0], "en") == (
        "Amazon.com cannot pay out to bank account ****6789: US is not "
        "among the countries Amazon pays out to"
    )
