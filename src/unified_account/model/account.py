"""The seller account: selling plan, home marketplace, account information.

Construction validates every invariant the model owns (the home
marketplace is turned on; customised information only for turned-on
marketplaces; bank identifiers are masked).  Whether the account may *use*
the unified account is a rule, not an invariant: see
:func:`~unified_account.policy.eligibility.evaluate_eligibility`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import immutables

from .._excerpt import excerpt
from ..errors import InvalidValueError
from ._plan import SellingPlan
from ._validate import country_code, instance_of, matches, non_empty_text
from .marketplace import Marketplace, Region
from .money import currency_precision

__all__ = [
    "AccountInfo",
    "BankAccount",
    "SellerAccount",
    "SellingPlan",
]


def _currency(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    try:
        currency_precision(value)
    except InvalidValueError as error:
        raise InvalidValueError(error.problem, field=attribute.name) from None


@attrs.frozen(kw_only=True)
class BankAccount:
    """A bank account that receives payouts.

    Only a masked identifier is kept (``****6789``: at least two ``*``
    then at most four visible characters); a full account number is
    refused, so it can never leak into a report or a log.
    """

    country: str = attrs.field(validator=country_code)
    currency: str = attrs.field(validator=_currency)
    masked_id: str = attrs.field(
        validator=matches(
            r"\*{2,}[0-9A-Za-z]{0,4}", "masked (like `****6789`)"
        )
    )


def _optional(check: Any) -> Any:
    return attrs.validators.optional(check)


@attrs.frozen(kw_only=True)
class AccountInfo:
    """The account information one marketplace uses.

    Legal entity name, registered address country, bank account, contact
    email and display name, as entered at registration or customised for
    one marketplace.

    Each field may be ``None``: *unknown*.  A source that does not carry
    a fact (the Selling Partner API gives no bank account, e-mail or
    display name) leaves it unknown rather than inventing it, and every
    rule that needs an unknown fact says so in its finding.  ``None``
    must be given explicitly: a forgotten field is still an error.

    >>> AccountInfo(legal_entity_name="Example LLC", address_country="US",
    ...             bank=None, contact_email=None,
    ...             display_name=None).unknown_fields
    ('bank', 'contact_email', 'display_name')
    """

    legal_entity_name: str | None = attrs.field(
        validator=_optional(non_empty_text)
    )
    address_country: str | None = attrs.field(
        validator=_optional(country_code)
    )
    bank: BankAccount | None = attrs.field(
        validator=_optional(instance_of(BankAccount))
    )
    contact_email: str | None = attrs.field(
        validator=_optional(
            matches(r"[^@\s]+@[^@\s]+\.[^@\s]+", "an email address")
        )
    )
    display_name: str | None = attrs.field(validator=_optional(non_empty_text))

    @property
    def unknown_fields(self) -> tuple[str, ...]:
        """The names of the fields that are unknown, in field order."""
        values = (
            self.legal_entity_name,
            self.address_country,
            self.bank,
            self.contact_email,
            self.display_name,
        )
        if None not in values:  # each is text, a bank account or None
            return ()
        return tuple(
            name
            for name, value in zip(_INFO_FIELDS, values, strict=True)
            if value is None
        )


# AccountInfo's fields, in order (``unknown_fields`` reads them all).
_INFO_FIELDS = tuple(field.name for field in attrs.fields(AccountInfo))


def _marketplaces(value: Iterable[Marketplace]) -> frozenset[Marketplace]:
    if isinstance(value, str | bytes):  # type: ignore[unreachable]
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection",
            field="marketplaces",
        )
    try:
        result = frozenset(value)
    except TypeError:
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a collection of "
            "marketplaces",
            field="marketplaces",
        ) from None
    for item in result:
        if not isinstance(item, Marketplace):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not a Marketplace",
                field="marketplaces",
            )
    return result


def _overrides(
    value: Mapping[Marketplace, AccountInfo],
) -> immutables.Map[Marketplace, AccountInfo]:
    if isinstance(value, immutables.Map):
        return value
    try:
        return immutables.Map(value)
    except (TypeError, ValueError):
        raise InvalidValueError(
            f"`{excerpt(value, as_repr=True)}` is not a mapping of "
            "marketplaces to account "
            "information",
            field="info_overrides",
        ) from None


@attrs.frozen(kw_only=True)
class SellerAccount:
    """One selling account (one registration), as the rules see it.

    ``seller_id`` identifies the account (SP-API's merchant id, or any
    stable id of the caller's); ``plan`` is its selling plan; ``home`` is
    the marketplace where the seller first registered; ``marketplaces``
    are the marketplaces the seller has turned on (always including
    ``home``); ``registration_info`` is what was entered at registration;
    ``info_overrides`` maps a turned-on marketplace to the information
    customised for it.

    Invariants: ``home in marketplaces``; every key of ``info_overrides``
    is in ``marketplaces`` and is an Americas marketplace.  Nothing
    reachable from an account can be mutated.
    """

    seller_id: str = attrs.field(
        validator=matches(
            r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
            "a seller id (letters, digits, `.`, `_`, `-`)",
        )
    )
    plan: SellingPlan = attrs.field(validator=instance_of(SellingPlan))
    home: Marketplace = attrs.field(validator=instance_of(Marketplace))
    marketplaces: frozenset[Marketplace] = attrs.field(converter=_marketplaces)
    registration_info: AccountInfo = attrs.field(
        validator=instance_of(AccountInfo)
    )
    info_overrides: immutables.Map[Marketplace, AccountInfo] = attrs.field(
        factory=immutables.Map, converter=_overrides
    )

    def __attrs_post_init__(self) -> None:
        if self.home not in self.marketplaces:
            raise InvalidValueError(
                f"the home marketplace `{self.home.name}` must be turned on",
                field="marketplaces",
            )
        for marketplace, info in self.info_overrides.items():
            if not isinstance(marketplace, Marketplace):
                raise InvalidValueError(
                    f"`{excerpt(marketplace, as_repr=True)}` is not a "
                    "Marketplace",
                    field="info_overrides",
                )
            where = f"info_overrides.{marketplace.name}"
            if marketplace.region is not Region.NORTH_AMERICA:
                raise InvalidValueError(
                    f"`{marketplace.name}` is not a marketplace of the "
                    "Americas unified account",
                    field=where,
                )
            if marketplace not in self.marketplaces:
                raise InvalidValueError(
                    f"`{marketplace.name}` is not turned on for this account",
                    field=where,
                )
            if not isinstance(info, AccountInfo):
                raise InvalidValueError(
                    f"`{excerpt(info, as_repr=True)}` is not an AccountInfo",
                    field=where,
                )
