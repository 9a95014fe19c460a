"""Strategies for accounts, money, decisions and editions."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..decision import Decision, Outcome, Reason
from ..edition import EDITIONS, FAQ, Edition
from ..model.account import (
    AccountInfo,
    BankAccount,
    SellerAccount,
    SellingPlan,
)
from ..model.marketplace import Marketplace, Region
from ..model.money import Money, currency_precision
from ..rules import RuleKey

_NA_CURRENCIES = ("USD", "CAD", "MXN")
_UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789"
_AMERICAS = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
_OTHER_CURRENCIES = ("BRL", "EUR", "GBP", "JPY", "SEK", "AUD")


def marketplaces(
    *, in_scope: bool | None = None, edition: Edition = FAQ
) -> st.SearchStrategy[Marketplace]:
    """Marketplaces; ``in_scope`` keeps those in (or out of) ``edition``.

    Requires hypothesis.  Shrinks towards Amazon.com.
    """
    if in_scope is None:
        chosen = list(Marketplace)
    else:
        chosen = [m for m in Marketplace if (m in edition.scope) == in_scope]
    if not chosen:
        raise InvalidArgument("no marketplace matches these arguments")
    return st.sampled_from(chosen)


def currencies(*, north_america: bool | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 codes: USD, CAD, MXN and some others.  Requires hypothesis."""
    if north_america is None:
        return st.sampled_from(_NA_CURRENCIES + _OTHER_CURRENCIES)
    return st.sampled_from(
        _NA_CURRENCIES if north_america else _OTHER_CURRENCIES
    )


def money(
    *,
    currencies: st.SearchStrategy[str] | None = None,
    min_minor_units: int = 0,
    max_minor_units: int = 10**9,
) -> st.SearchStrategy[Money]:
    """Money whose amount is a whole number of the currency's minor units.

    ``min_minor_units`` and ``max_minor_units`` bound the amount in minor
    units (cents for USD, yen for JPY).  Requires hypothesis.  Shrinks
    towards ``min_minor_units``.
    """
    if min_minor_units > max_minor_units:
        raise InvalidArgument("min_minor_units > max_minor_units")
    codes = _currencies_default(currencies)

    @st.composite
    def build(draw: st.DrawFn) -> Money:
        currency = draw(codes)
        units = draw(st.integers(min_minor_units, max_minor_units))
        amount = Decimal(units).scaleb(-currency_precision(currency))
        return Money(amount, currency)

    return build()


def _currencies_default(
    value: st.SearchStrategy[str] | None,
) -> st.SearchStrategy[str]:
    return currencies() if value is None else value


def selling_plans(
    *, professional: bool | None = None
) -> st.SearchStrategy[SellingPlan]:
    """Selling plans; ``professional`` pins one side.  Requires hypothesis."""
    if professional is None:
        return st.sampled_from(SellingPlan)
    return st.just(
        SellingPlan.PROFESSIONAL if professional else SellingPlan.INDIVIDUAL
    )


def seller_ids() -> st.SearchStrategy[str]:
    """Seller ids shaped like SP-API merchant ids.  Requires hypothesis."""
    return st.text(_UPPER_DIGITS, min_size=5, max_size=13).map("A".__add__)


_COUNTRIES = ("US", "CA", "MX", "BR", "GB", "DE", "JP", "CN", "HK", "TW")


def bank_accounts(
    *, currencies: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[BankAccount]:
    """Bank accounts with masked ids.  Requires hypothesis."""
    return st.builds(
        BankAccount,
        country=st.sampled_from(_COUNTRIES),
        currency=_currencies_default(currencies),
        masked_id=st.builds(
            lambda stars, tail: "*" * stars + tail,
            st.integers(2, 8),
            st.text("0123456789", max_size=4),
        ),
    )


# Names start with a letter, so they are never blank: built, not filtered.
_NAMES = st.builds(
    str.__add__,
    st.characters(codec="utf-8", categories=["L"]),
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "Zs")),
        max_size=29,
    ),
)


def account_infos(
    *, banks: st.SearchStrategy[BankAccount] | None = None
) -> st.SearchStrategy[AccountInfo]:
    """Account information, as entered at registration or customised.

    Requires hypothesis.
    """
    return st.builds(
        AccountInfo,
        legal_entity_name=_NAMES,
        address_country=st.sampled_from(_COUNTRIES),
        bank=bank_accounts() if banks is None else banks,
        contact_email=st.builds(
            "{}@{}.example".format,
            st.text(_LOWER_DIGITS, min_size=1, max_size=10),
            st.text(_LOWER_DIGITS, min_size=1, max_size=10),
        ),
        display_name=_NAMES,
    )


def seller_accounts(
    *,
    plans: st.SearchStrategy[SellingPlan] | None = None,
    homes: st.SearchStrategy[Marketplace] | None = None,
    others: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    customised: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[SellerAccount]:
    """Seller accounts; every draw passes the model's validation.

    ``homes``: where the account registered (any marketplace).
    ``others``: further marketplaces turned on (default: any subset of
    the Americas marketplaces: US, CA, MX and BR).  ``customised``:
    whether some turned-on Americas marketplaces get customised
    information (default: either).  Requires hypothesis.
    Shrinks towards a Professional Amazon.com account with nothing else
    turned on and no customised information.
    """
    plans = selling_plans() if plans is None else plans
    homes = marketplaces() if homes is None else homes
    if others is None:
        others = st.frozensets(st.sampled_from(_AMERICAS))
    customised = st.booleans() if customised is None else customised

    @st.composite
    def build(draw: st.DrawFn) -> SellerAccount:
        home = draw(homes)
        turned_on = draw(others) | {home}
        overrides: dict[Marketplace, AccountInfo] = {}
        americas = [m for m in _AMERICAS if m in turned_on]
        wanted = draw(customised)
        if americas and wanted:
            chosen = draw(
                st.lists(st.sampled_from(americas), min_size=1, unique=True)
            )
            overrides = {m: draw(account_infos()) for m in chosen}
        return SellerAccount(
            seller_id=draw(seller_ids()),
            plan=draw(plans),
            home=home,
            marketplaces=turned_on,
            registration_info=draw(account_infos()),
            info_overrides=overrides,
        )

    return build()


def editions() -> st.SearchStrategy[Edition]:
    """The named editions (the FAQ first).  Requires hypothesis."""
    return st.sampled_from(list(EDITIONS.values()))


def rule_keys() -> st.SearchStrategy[RuleKey]:
    """Rule keys.  Requires hypothesis."""
    return st.sampled_from(RuleKey)


def reasons(
    *, rules: st.SearchStrategy[RuleKey] | None = None
) -> st.SearchStrategy[Reason]:
    """Reasons with short message ids and string parameters.

    Requires hypothesis.
    """
    return st.builds(
        Reason,
        rule=rule_keys() if rules is None else rules,
        message_id=st.sampled_from(("a.one", "a.two", "b.one", "b.two")),
        params=st.dictionaries(
            st.sampled_from(("marketplace", "home", "count")),
            st.sampled_from(("US", "CA", "MX", "1")),
            max_size=2,
        ),
    )


def decisions(
    *, outcomes: st.SearchStrategy[Outcome] | None = None
) -> st.SearchStrategy[Decision]:
    """Decisions; an explicit deny always has a reason.

    Requires hypothesis.
    """
    outcomes = st.sampled_from(Outcome) if outcomes is None else outcomes

    @st.composite
    def build(draw: st.DrawFn) -> Decision:
        outcome = draw(outcomes)
        minimum = 1 if outcome is Outcome.DENIED else 0
        found = draw(st.lists(reasons(), min_size=minimum, max_size=4))
        errors = draw(st.lists(reasons(), max_size=2))
        errors = [e for e in errors if e not in found]
        return Decision(outcome, found, errors)

    return build()
