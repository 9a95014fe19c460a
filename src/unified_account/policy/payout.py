"""Where proceeds are paid and how: ``local-payout``.

No local bank account is needed in each country.  Each marketplace pays
out to the bank account of its effective account information
(``account-info-defaults``): directly in the local currency when the
account is in that currency, or through the Amazon Currency Converter
for Sellers (ACCS) when it is in another.  Which bank countries Amazon
pays out to is data: the caller's list, else the edition's
:attr:`~unified_account.edition.Edition.payout_bank_countries`.  Amazon
publishes no dated list the library could ship, so by default there is
none, and the answer is what the FAQ itself says: a seller registered
in the US, Canada or Mexico is paid directly, in local currency, to a
local bank account, so a bank account in the marketplace's own country
and currency is paid directly; the bank account the seller registered
with (an existing bank account) is paid, directly or through ACCS; any
other bank account (one in a third country) is *undetermined*
(:attr:`PayoutMethod.UNDETERMINED`) until the caller passes the list.
A gap in the data is never read as "Amazon does not pay out there".

Converting an amount uses a rate the caller supplies
(:class:`~unified_account.model.rates.ConversionRates`), exact
``Decimal`` arithmetic, and one rounding, half-even, to the bank
currency's precision.  Amazon's own ACCS rate includes its conversion
fee and is set when the payout is made, so the converted amount is an
estimate at the caller's rate.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from .._excerpt import excerpt
from ..decision import ParamValue, Reason, Resolved
from ..edition import FAQ, Edition
from ..errors import InvalidValueError, MissingDataError
from ..messages import N_
from ..model.account import BankAccount, SellerAccount
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..model.rates import ConversionRate, ConversionRates, RateText
from ..rules import RuleKey
from .account_info import effective_account_info

__all__ = [
    "PayoutMethod",
    "PayoutRoute",
    "convert_proceeds",
    "payout_route",
    "unknown_bank_reason",
]


class PayoutMethod(enum.Enum):
    """How a marketplace's proceeds reach the bank account."""

    DIRECT = "direct"
    """Paid directly in the marketplace's (local) currency."""
    CURRENCY_CONVERTER = "currency-converter"
    """Converted by the Amazon Currency Converter for Sellers (ACCS)."""
    NOT_SUPPORTED = "not-supported"
    """Amazon does not pay out to a bank account in that country.

    Only when the caller's list of countries says so.
    """
    UNDETERMINED = "undetermined"
    """Not known: no list of bank countries was given, and the FAQ says
    nothing about this bank account.

    .. versionadded:: 0.2.0
    """


@attrs.frozen(kw_only=True)
class PayoutRoute:
    """Where one marketplace's proceeds go, and how."""

    marketplace: Marketplace
    bank: BankAccount
    method: PayoutMethod

    @property
    def converts(self) -> bool:
        """Whether ACCS converts the proceeds to the bank's currency."""
        return self.method is PayoutMethod.CURRENCY_CONVERTER


def _countries(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidValueError(
            f"`{excerpt(value)}` is not a collection of country codes",
            field="bank_countries",
        )
    countries = frozenset(value)
    for code in countries:
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise InvalidValueError(
                f"`{excerpt(code)}` is not an ISO 3166 country code",
                field="bank_countries",
            )
    return countries


def payout_route(
    account: SellerAccount,
    marketplace: Marketplace,
    *,
    bank_countries: Iterable[str] | None = None,
    edition: Edition = FAQ,
) -> Resolved[PayoutRoute]:
    """``local-payout``: where ``marketplace``'s proceeds go, and how.

    The bank account is the one of ``marketplace``'s effective account
    information.  ``bank_countries`` are the countries Amazon pays out
    to (default: ``edition.payout_bank_countries``, which no bundled
    edition knows).  Without a list, the bank account entered at
    registration is paid (the FAQ: an existing bank account receives
    payouts through ACCS), as is a local bank account (in the
    marketplace's own country and currency: paid directly), and any
    other is :attr:`PayoutMethod.UNDETERMINED`.  Raises
    :class:`~unified_account.errors.MissingDataError` when that bank
    account is unknown (the report then gives
    :func:`unknown_bank_reason`).  The reasons name
    ``account-info-defaults`` (which bank account) and ``local-payout``
    (how).
    """
    countries = _countries(
        edition.payout_bank_countries
        if bank_countries is None
        else bank_countries
    )
    info = effective_account_info(account, marketplace, edition=edition)
    bank = info.value.bank
    if bank is None:
        raise MissingDataError(
            f"the bank account {marketplace.name} pays out to is unknown"
        )
    params: dict[str, ParamValue] = {
        "marketplace": marketplace,
        "currency": marketplace.currency,
        "bank": bank.masked_id,
        "bank_country": bank.country,
        "bank_currency": bank.currency,
    }
    local = (
        bank.country == marketplace.name
        and bank.currency == marketplace.currency
    )
    if (
        countries is None
        and not local
        and bank != account.registration_info.bank
    ):
        method = PayoutMethod.UNDETERMINED
        message = N_("local-payout.bank-country-unknown")
    elif countries is not None and bank.country not in countries:
        method = PayoutMethod.NOT_SUPPORTED
        message = N_("local-payout.bank-country-not-supported")
    elif bank.currency == marketplace.currency:
        method = PayoutMethod.DIRECT
        message = N_("local-payout.direct")
    else:
        method = PayoutMethod.CURRENCY_CONVERTER
        message = N_("local-payout.currency-converter")
    route = PayoutRoute(marketplace=marketplace, bank=bank, method=method)
    return Resolved(
        route,
        (Reason(RuleKey.LOCAL_PAYOUT, message, params), *info.reasons),
    )


def unknown_bank_reason(marketplace: Marketplace) -> Reason:
    """``local-payout`` when the bank account is unknown: undetermined.

    A snapshot built from the Selling Partner API has no bank account
    (SP-API does not report one), so how ``marketplace``'s proceeds are
    paid out cannot be said; the finding says so instead of guessing.
    """
    return Reason(
        RuleKey.LOCAL_PAYOUT,
        N_("local-payout.bank-unknown"),
        {"marketplace": marketplace, "currency": marketplace.currency},
    )


def convert_proceeds(
    route: PayoutRoute, proceeds: Money, rates: ConversionRates
) -> Resolved[Money | None]:
    """What ``proceeds`` of ``route``'s marketplace pay into the bank.

    Unchanged for a direct payout; converted at the caller's rate
    (half-even to the bank currency's precision) through ACCS; ``None``
    when Amazon does not pay out to the bank's country, or when that is
    not known (the reason says which).  Raises
    :class:`~unified_account.errors.MissingDataError` when ``rates`` has
    no rate from the marketplace's currency to the bank's.
    """
    if proceeds.currency != route.marketplace.currency:
        raise InvalidValueError(
            f"`{excerpt(proceeds)}` is not in "
            f"`{excerpt(route.marketplace.currency)}`, the "
            f"currency of {route.marketplace.display_name}",
            field="proceeds",
        )
    params: dict[str, ParamValue] = {
        "marketplace": route.marketplace,
        "proceeds": proceeds,
        "bank": route.bank.masked_id,
    }
    if route.method is PayoutMethod.NOT_SUPPORTED:
        return Resolved(
            None,
            (
                Reason(
                    RuleKey.LOCAL_PAYOUT,
                    N_("local-payout.no-payout"),
                    {**params, "bank_country": route.bank.country},
                ),
            ),
        )
    if route.method is PayoutMethod.UNDETERMINED:
        return Resolved(
            None,
            (
                Reason(
                    RuleKey.LOCAL_PAYOUT,
                    N_("local-payout.payout-undetermined"),
                    {**params, "bank_country": route.bank.country},
                ),
            ),
        )
    if route.method is PayoutMethod.DIRECT:
        return Resolved(
            proceeds,
            (Reason(RuleKey.LOCAL_PAYOUT, N_("local-payout.paid"), params),),
        )
    target = route.bank.currency
    payout = rates.convert(proceeds, target)
    rate = rates.rate(proceeds.currency, target)
    return Resolved(
        payout,
        (
            Reason(
                RuleKey.LOCAL_PAYOUT,
                N_("local-payout.converted"),
                {
                    **params,
                    "payout": payout,
                    "rate": RateText.of(
                        ConversionRate(proceeds.currency, target, rate)
                    ),
                },
            ),
        ),
    )
