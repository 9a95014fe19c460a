"""Strategies for accounts, money, decisions and editions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

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
from ._blob import COUNTRIES, NAMES, Reader, blobs

_NA_CURRENCIES = ("USD", "CAD", "MXN")
_UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789"
_AMERICAS = tuple(m for m in Marketplace if m.region is Region.NORTH_AMERICA)
_OTHER_CURRENCIES = ("BRL", "EUR", "GBP", "JPY", "SEK", "AUD")


def check_flag(name: str, value: object) -> None:
    """Refuse anything but ``True``, ``False`` or ``None`` for a flag.

    A strategy passed where a flag is meant (``customised=st.just(True)``,
    the style of earlier releases) would otherwise always count as true.
    """
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(
            f"{name}={value!r} must be True, False or None (a flag is a "
            "plain value, not a strategy)"
        )


def marketplaces(
    *, in_scope: bool | None = None, edition: Edition = FAQ
) -> st.SearchStrategy[Marketplace]:
    """Marketplaces; ``in_scope`` keeps those in (or out of) ``edition``.

    Requires hypothesis.  Shrinks towards Amazon.com.
    """
    check_flag("in_scope", in_scope)
    if in_scope is None:
        chosen = list(Marketplace)
    else:
        chosen = [m for m in Marketplace if (m in edition.scope) == in_scope]
    if not chosen:  # pragma: no cover  (a scope is never empty and never
        # all marketplaces, so both sides always have members)
        raise InvalidArgument("no marketplace matches these arguments")
    return st.sampled_from(chosen)


def currencies(*, north_america: bool | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 codes: USD, CAD, MXN and some others.  Requires hypothesis."""
    check_flag("north_america", north_america)
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
    check_flag("professional", professional)
    if professional is None:
        return st.sampled_from(SellingPlan)
    return st.just(
        SellingPlan.PROFESSIONAL if professional else SellingPlan.INDIVIDUAL
    )


def _base36(number: int) -> str:
    digits = []
    while True:
        number, digit = divmod(number, 36)
        digits.append(_UPPER_DIGITS[(digit + 26) % 36])
        if not number:
            return "".join(reversed(digits))


# One choice per id (an integer written in base 36, digits first), so an
# account costs Hypothesis a handful of choices instead of dozens.
_SELLER_IDS = st.integers(0, 36**13 - 1).map(
    lambda n: "A" + _base36(n).rjust(5, "0")
)


def seller_ids() -> st.SearchStrategy[str]:
    """Seller ids shaped like SP-API merchant ids (``A`` + 5 to 13 more).

    Requires hypothesis.  Shrinks towards ``A00000``.
    """
    return _SELLER_IDS


_COUNTRIES = COUNTRIES

# Two to eight stars, then the last 0 to 4 digits of the account number.
_MASKED_IDS = st.builds(
    lambda stars, number, digits: "*" * stars + f"{number:04d}"[4 - digits :],
    st.integers(2, 8),
    st.integers(0, 9999),
    st.integers(0, 4),
)


def bank_accounts(
    *, currencies: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[BankAccount]:
    """Bank accounts with masked ids.  Requires hypothesis."""
    return st.builds(
        BankAccount,
        country=st.sampled_from(_COUNTRIES),
        currency=_currencies_default(currencies),
        masked_id=_MASKED_IDS,
    )


# Names as sellers write them in the three languages of North America and
# the FAQ's two Chinese scripts: one choice each, never blank.
_NAMES = st.sampled_from(NAMES)
_EMAILS = st.builds(
    "{}{}@{}.example".format,
    st.sampled_from(("seller", "ops", "a", "finance", "contact")),
    st.integers(0, 999),
    st.sampled_from(("shop", "b", "example-store", "x1")),
)
_BANKS = bank_accounts()


INFO_FIELDS: tuple[str, ...] = (
    "legal_entity_name",
    "address_country",
    "bank",
    "contact_email",
    "display_name",
)


def account_infos(
    *,
    banks: st.SearchStrategy[BankAccount] | None = None,
    unknown: st.SearchStrategy[frozenset[str]] | None = None,
) -> st.SearchStrategy[AccountInfo]:
    """Account information, as entered at registration or customised.

    ``unknown``: the names of the fields left unknown (``None``), as a
    source like the Selling Partner API leaves them (default: none; try
    ``st.frozensets(st.sampled_from(["bank", "display_name"]))``).  Requires
    hypothesis.
    """
    fields: dict[str, st.SearchStrategy[Any]] = {
        "legal_entity_name": _NAMES,
        "address_country": st.sampled_from(_COUNTRIES),
        "bank": _BANKS if banks is None else banks,
        "contact_email": _EMAILS,
        "display_name": _NAMES,
    }
    if unknown is None:
        return st.builds(AccountInfo, **fields)

    @st.composite
    def build(draw: st.DrawFn) -> AccountInfo:
        missing = draw(unknown)
        values: dict[str, Any] = {
            name: None if name in missing else draw(strategy)
            for name, strategy in fields.items()
        }
        return AccountInfo(**values)

    return build()


_INFOS = account_infos()


def seller_accounts(
    *,
    plans: st.SearchStrategy[SellingPlan] | None = None,
    homes: st.SearchStrategy[Marketplace] | None = None,
    others: st.SearchStrategy[frozenset[Marketplace]] | None = None,
    customised: bool | None = None,
) -> st.SearchStrategy[SellerAccount]:
    """Seller accounts; every draw passes the model's validation.

    ``homes``: where the account registered (any marketplace).
    ``others``: further marketplaces turned on (default: any subset of
    the Americas marketplaces: US, CA, MX and BR).  ``customised``: a
    flag, as in Hypothesis's own strategies: ``True`` gives customised
    information to at least one turned-on Americas marketplace (turning
    one on if ``homes`` and ``others`` gave none), ``False`` to none,
    ``None`` either.
    Requires hypothesis.
    Shrinks towards a Professional Amazon.com account with nothing else
    turned on and no customised information.
    """
    check_flag("customised", customised)

    # Parts left to their default are read from one byte string (see
    # ``_blob``): an account costs Hypothesis a choice or two.
    @st.composite
    def build(draw: st.DrawFn) -> SellerAccount:
        read = Reader(draw(_ACCOUNT_BYTES))
        home = read.choice(_ALL) if homes is None else draw(homes)
        extra = read.subset(_AMERICAS) if others is None else draw(others)
        turned_on = {*extra, home}
        americas = [m for m in _AMERICAS if m in turned_on]
        wanted = read.flag() if customised is None else customised
        if wanted and not americas:
            # Customising needs an Americas marketplace: turn one on.
            americas = [read.choice(_AMERICAS)]
            turned_on |= set(americas)
        overrides: dict[Marketplace, AccountInfo] = {}
        chosen = read.subset(americas) if wanted else []
        for marketplace in chosen or americas[-1:] if wanted else ():
            overrides[marketplace] = read.info()
        return SellerAccount(
            seller_id=read.seller_id(),
            plan=read.plan() if plans is None else draw(plans),
            home=home,
            marketplaces=turned_on,
            registration_info=read.info(),
            info_overrides=overrides,
        )

    return build()


_ACCOUNT_BYTES = blobs(160)
_ALL = tuple(Marketplace)


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
    """Decisions; an explicit deny and an undetermined one have a reason.

    Requires hypothesis.
    """
    outcomes = st.sampled_from(Outcome) if outcomes is None else outcomes

    @st.composite
    def build(draw: st.DrawFn) -> Decision:
        outcome = draw(outcomes)
        minimum = 0 if outcome is Outcome.ALLOWED else 1
        found = draw(st.lists(reasons(), min_size=minimum, max_size=4))
        errors = draw(st.lists(reasons(), max_size=2))
        errors = [e for e in errors if e not in found]
        return Decision(outcome, found, errors)

    return build()
