"""Every message id a reason or finding can carry, with its parameters.

This is the one source for the documented list of message ids
(``docs/messages.md`` is generated from it) and the test suite checks the
library against it: every id the code marks with
:func:`~unified_account.messages.N_` for a reason is here, and every
reason the rules produce has exactly the parameters listed, of the kinds
listed.

The ids and their parameters are **stable**: a tool may act on
``fba-pool-separation.not-here`` and read its ``marketplace``.  Removing
an id or a parameter, or changing a parameter's kind, is a breaking
change; adding an id or an optional parameter is not.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .rules import RuleKey

__all__ = ["MESSAGES", "MessageSpec", "ParamKind", "ParamSpec"]


class ParamKind(enum.Enum):
    """What a message parameter holds, and how JSON output writes it."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    DATE = "date"
    DATES = "dates"
    MARKETPLACE = "marketplace"
    MARKETPLACES = "marketplaces"
    TEXTS = "texts"
    TERM = "term"
    TERMS = "terms"

    @property
    def description(self) -> str:
        """What the kind holds, and its JSON form."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    ParamKind.TEXT: "a string; JSON: a string",
    ParamKind.INTEGER: "a whole number; JSON: a number",
    ParamKind.DECIMAL: 'a Decimal; JSON: a string such as "1.3500"',
    ParamKind.MONEY: ('a Money; JSON: {"amount": "39.99", "currency": "USD"}'),
    ParamKind.DATE: 'a date; JSON: "2026-07-01"',
    ParamKind.DATES: (
        'a tuple of dates; JSON: an array of dates such as "2026-07-01"'
    ),
    ParamKind.MARKETPLACE: 'a Marketplace; JSON: its country code, "CA"',
    ParamKind.MARKETPLACES: (
        "a tuple of Marketplace; JSON: an array of country codes"
    ),
    ParamKind.TEXTS: "a tuple of strings; JSON: an array of strings",
    ParamKind.TERM: "a translated word (a Term); JSON: its message id",
    ParamKind.TERMS: (
        "a tuple of translated words; JSON: an array of their message ids"
    ),
}


@attrs.frozen
class ParamSpec:
    """One parameter of a message: its name, kind, and whether it may lack."""

    name: str
    kind: ParamKind
    optional: bool = False


@attrs.frozen
class MessageSpec:
    """A message id, the rule it belongs to, and its parameters."""

    message_id: str
    rule: RuleKey
    params: tuple[ParamSpec, ...]

    @property
    def required(self) -> frozenset[str]:
        """The names of the parameters every reason with this id has."""
        return frozenset(p.name for p in self.params if not p.optional)


TEXT, INTEGER, DECIMAL, MONEY, DATE, DATES = (
    ParamKind.TEXT,
    ParamKind.INTEGER,
    ParamKind.DECIMAL,
    ParamKind.MONEY,
    ParamKind.DATE,
    ParamKind.DATES,
)
MARKETPLACE, MARKETPLACES, TEXTS, TERM, TERMS = (
    ParamKind.MARKETPLACE,
    ParamKind.MARKETPLACES,
    ParamKind.TEXTS,
    ParamKind.TERM,
    ParamKind.TERMS,
)


def _p(name: str, kind: ParamKind, *, optional: bool = False) -> ParamSpec:
    return ParamSpec(name, kind, optional)


def _m(message_id: str, *params: ParamSpec) -> MessageSpec:
    return MessageSpec(
        message_id, RuleKey(message_id.partition(".")[0]), params
    )


_SPECS = (
    _m("account-info-defaults.customised", _p("marketplace", MARKETPLACE)),
    _m("account-info-defaults.may-customise", _p("marketplace", MARKETPLACE)),
    _m("account-info-defaults.registration", _p("marketplace", MARKETPLACE)),
    _m(
        "brand-registry-propagation.approved",
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "brand-registry-propagation.attributes-differ",
        _p("asin", TEXT),
        _p("attributes", TEXTS),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "brand-registry-propagation.attributes-in-sync",
        _p("asin", TEXT),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "brand-registry-propagation.does-not-carry",
        _p("approved", MARKETPLACES),
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("sources", MARKETPLACES),
    ),
    _m(
        "brand-registry-propagation.not-approved",
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "brand-registry-propagation.not-unified",
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("source", MARKETPLACE),
    ),
    _m(
        "brand-registry-propagation.propagated",
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("source", MARKETPLACE),
    ),
    _m(
        "eu-distinct.registered-elsewhere",
        _p("home", MARKETPLACE),
        _p("scope", MARKETPLACES),
    ),
    _m(
        "eu-distinct.registered-in-scope",
        _p("home", MARKETPLACE),
        _p("scope", MARKETPLACES),
    ),
    _m(
        "fba-pool-separation.insufficient",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.not-here",
        _p("elsewhere", MARKETPLACES),
        _p("marketplace", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
        _p("units", INTEGER),
    ),
    _m(
        "fba-pool-separation.pool",
        _p("elsewhere", MARKETPLACES, optional=True),
        _p("marketplace", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
        _p("units", INTEGER, optional=True),
    ),
    _m(
        "fba-pool-separation.sold",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m("fba-pool-separation.table", _p("marketplaces", MARKETPLACES)),
    _m(
        "home-only-by-default.home",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "home-only-by-default.home-only",
        _p("home", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "home-only-by-default.not-turned-on",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "list-anywhere.allowed",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "list-anywhere.offered-in",
        _p("home", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "local-payout.bank-country-not-supported",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("bank_currency", TEXT),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "local-payout.converted",
        _p("bank", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("payout", MONEY),
        _p("proceeds", MONEY),
        _p("rate", TEXT),
    ),
    _m(
        "local-payout.currency-converter",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("bank_currency", TEXT),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "local-payout.direct",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("bank_currency", TEXT),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "local-payout.no-payout",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("proceeds", MONEY),
    ),
    _m(
        "local-payout.paid",
        _p("bank", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("proceeds", MONEY),
    ),
    _m(
        "marketplace-specific-deletion.delete",
        _p("marketplace", MARKETPLACE),
        _p("others", MARKETPLACES),
        _p("sku", TEXT),
    ),
    _m(
        "marketplace-specific-deletion.deleted",
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "marketplace-specific-deletion.live-elsewhere",
        _p("marketplace", MARKETPLACE),
        _p("others", MARKETPLACES),
        _p("sku", TEXT),
    ),
    _m(
        "marketplace-specific-deletion.table",
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "marketplace-specific-deletion.zero-quantity",
        _p("marketplaces", MARKETPLACES),
        _p("sku", TEXT),
    ),
    _m(
        "mfn-inventory.insufficient",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "mfn-inventory.separate",
        _p("marketplace", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "mfn-inventory.separate-elsewhere",
        _p("marketplace", MARKETPLACE),
        _p("serves", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "mfn-inventory.shared",
        _p("marketplace", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "mfn-inventory.sold",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m("mfn-inventory.table", _p("marketplaces", MARKETPLACES)),
    _m(
        "na-scope.in-scope",
        _p("marketplace", MARKETPLACE, optional=True),
        _p("scope", MARKETPLACES, optional=True),
    ),
    _m(
        "na-scope.out-of-scope",
        _p("marketplace", MARKETPLACE),
        _p("scope", MARKETPLACES),
    ),
    _m(
        "no-merge.denied",
        _p("first", TEXT),
        _p("first_home", MARKETPLACE),
        _p("second", TEXT),
        _p("second_home", MARKETPLACE),
    ),
    _m(
        "no-merge.outside-rule",
        _p("first", TEXT),
        _p("first_home", MARKETPLACE),
        _p("scope", MARKETPLACES),
        _p("second", TEXT),
        _p("second_home", MARKETPLACE),
    ),
    _m(
        "no-merge.same-account",
        _p("account", TEXT),
        _p("home", MARKETPLACE),
    ),
    _m(
        "order-tracking.combined",
        _p("count", INTEGER),
        _p("marketplaces", MARKETPLACES),
    ),
    _m("order-tracking.converted", _p("rates", TEXTS), _p("total", MONEY)),
    _m(
        "order-tracking.currency",
        _p("count", INTEGER),
        _p("currency", TEXT),
        _p("total", MONEY),
    ),
    _m(
        "order-tracking.marketplace",
        _p("canceled", INTEGER),
        _p("count", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("total", MONEY),
        _p("without_total", INTEGER),
    ),
    _m(
        "order-tracking.outside-scope",
        _p("canceled", INTEGER),
        _p("count", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
        _p("total", MONEY),
        _p("without_total", INTEGER),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.charged",
        _p("fee", MONEY),
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
        _p("price", MONEY),
        _p("reference", TEXT),
    ),
    _m(
        "per-marketplace-listing.already-listed",
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "per-marketplace-listing.changed",
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "per-marketplace-listing.created",
        _p("marketplace", MARKETPLACE),
        _p("price", MONEY),
        _p("sku", TEXT),
    ),
    _m(
        "per-marketplace-listing.inactive",
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "per-marketplace-listing.listed",
        _p("marketplace", MARKETPLACE),
        _p("price", MONEY),
        _p("sku", TEXT),
        _p("title", TEXT),
    ),
    _m(
        "per-marketplace-listing.not-listed",
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m("per-marketplace-listing.table", _p("marketplaces", MARKETPLACES)),
    _m("professional-only.plan-excluded", _p("plan", TERM, optional=True)),
    _m("professional-only.plan-qualifies", _p("plan", TERM)),
    _m(
        "single-subscription.amount-unconfirmed",
        _p("amount", MONEY),
        _p("home", MARKETPLACE),
        _p("source", TERM),
    ),
    _m("single-subscription.individual", _p("home", MARKETPLACE)),
    _m(
        "single-subscription.one-charge",
        _p("amount", MONEY),
        _p("effective", DATE, optional=True),
        _p("home", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "single-subscription.tax-unconfirmed",
        _p("amount", MONEY),
        _p("home", MARKETPLACE),
    ),
    _m(
        "storefront-origin.home-only",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "storefront-origin.links-home",
        _p("home", MARKETPLACE),
        _p("link", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "storefront-origin.may-customise",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "switcher-means-unified.not-unified",
        _p("home", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "switcher-means-unified.unified",
        _p("home", MARKETPLACE),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "account-info-defaults.unknown",
        _p("fields", TERMS),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "local-payout.bank-unknown",
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.estimated",
        _p("fee", MONEY),
        _p("marketplace", MARKETPLACE),
        _p("price", MONEY),
        _p("reference", TEXT),
    ),
    _m(
        "na-scope.set-aside.non-amazon-marketplace",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "na-scope.set-aside.unknown-marketplace",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "na-scope.set-aside.outside-region",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "na-scope.set-aside.not-participating",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "per-marketplace-listing.set-aside.suspended-listings",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "na-scope.set-aside.non-amazon-order",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "fba-pool-separation.set-aside.other-country-stock",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "fba-pool-separation.set-aside.repeated-stock",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "per-marketplace-listing.set-aside.incomplete-listing",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "per-marketplace-listing.set-aside.listing-issue",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "per-marketplace-listing.set-aside.unknown-fulfillment-channel",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "mfn-inventory.set-aside.contradiction",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.set-aside.fee-estimate-failed",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "single-subscription.charge-repeated",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("first", MONEY),
        _p("month", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "single-subscription.charge-currency",
        _p("amount", MONEY),
        _p("currency", TEXT),
        _p("edition", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("month", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "single-subscription.charge-amount",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("expected", MONEY),
        _p("month", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "single-subscription.charge-undetermined",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("month", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "single-subscription.charge-conflict",
        _p("amount", MONEY),
        _p("description", TEXT),
        _p("edition", TEXT),
        _p("other", MONEY),
        _p("other_source", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.charge-conflict",
        _p("amount", MONEY),
        _p("description", TEXT),
        _p("edition", TEXT),
        _p("other", MONEY),
        _p("other_source", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.charge-undetermined",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("order", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.charge-currency",
        _p("amount", MONEY),
        _p("currency", TEXT),
        _p("edition", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("order", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "per-item-fees-by-sale-marketplace.charge-amount",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("expected", MONEY),
        _p("marketplace", MARKETPLACE),
        _p("order", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "local-payout.deposit-undetermined",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("settlement", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "local-payout.deposit-currency",
        _p("amount", MONEY),
        _p("bank_currency", TEXT),
        _p("edition", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("settlement", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "order-tracking.charges-summary",
        _p("audited", INTEGER),
        _p("currency", TEXT),
        _p("in_question", MONEY),
        _p("undetermined", INTEGER),
    ),
    _m(
        "local-payout.deposit-conflict",
        _p("amount", MONEY),
        _p("edition", TEXT),
        _p("other", MONEY),
        _p("other_source", TEXT),
        _p("settlement", TEXT),
        _p("source", TEXT),
    ),
    _m(
        "local-payout.set-aside.open-settlement",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "single-subscription.set-aside.undated-charge",
        _p("detail", TEXT),
        _p("path", TEXT),
        _p("source", TEXT),
        _p("subject", TEXT),
    ),
    _m(
        "local-payout.bank-country-unknown",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("bank_currency", TEXT),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "local-payout.payout-undetermined",
        _p("bank", TEXT),
        _p("bank_country", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("proceeds", MONEY),
    ),
    _m(
        "single-subscription.start-unknown",
        _p("amount", MONEY),
        _p("billed_on", DATE),
        _p("home", MARKETPLACE),
        _p("source", TERM),
    ),
    _m(
        "single-subscription.plan-changed",
        _p("amount", MONEY),
        _p("below", MONEY),
        _p("billed_on", DATE),
        _p("free_months", INTEGER),
        _p("home", MARKETPLACE),
        _p("listed", MONEY),
        _p("reported", DATE),
        _p("source", TERM),
    ),
    _m(
        "single-subscription.fee-unknown",
        _p("billed_on", DATE),
        _p("home", MARKETPLACE),
    ),
    _m(
        "single-subscription.outside-scope",
        _p("home", MARKETPLACE),
    ),
    _m(
        "single-subscription.split-activity-unknown",
        _p("billed_on", DATE),
    ),
    _m(
        "single-subscription.split-billed",
        _p("billed_on", DATE),
        _p("cap", MONEY),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "single-subscription.split-nothing-active",
        _p("billed_on", DATE),
        _p("cap", MONEY),
        _p("marketplaces", MARKETPLACES),
    ),
    _m(
        "single-subscription.split-cap-no-rate",
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "single-subscription.split-cap-tax-excluded",
        _p("cap", MONEY),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "single-subscription.split-cap-tax-included",
        _p("cap", MONEY),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "single-subscription.split-share-unknown",
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "single-subscription.split-share",
        _p("amount", MONEY),
        _p("currency", TEXT),
        _p("marketplace", MARKETPLACE),
    ),
    _m(
        "single-subscription.audit-activity-unknown",
        _p("amount", MONEY),
        _p("charged_on", DATE),
        _p("edition", TEXT, optional=True),
        _p("marketplace", MARKETPLACE),
        _p("reference", TEXT),
    ),
    _m(
        "single-subscription.audit-charged-without-active-listings",
        _p("amount", MONEY),
        _p("charged_on", DATE),
        _p("edition", TEXT, optional=True),
        _p("marketplace", MARKETPLACE),
        _p("reference", TEXT),
    ),
    _m(
        "single-subscription.audit-several-billing-days",
        _p("days", DATES),
        _p("edition", TEXT, optional=True),
        _p("month", TEXT),
        _p("sources", TEXTS, optional=True),
    ),
    _m(
        "single-subscription.audit-cap-needs-rate",
        _p("currencies", TEXTS),
        _p("edition", TEXT, optional=True),
        _p("month", TEXT),
        _p("sources", TEXTS, optional=True),
    ),
    _m(
        "single-subscription.audit-active-earlier-in-month",
        _p("active_on", DATE),
        _p("amount", MONEY),
        _p("charged_on", DATE),
        _p("edition", TEXT, optional=True),
        _p("marketplace", MARKETPLACE),
        _p("reference", TEXT),
    ),
    _m(
        "single-subscription.audit-over-cap",
        _p("cap", MONEY),
        _p("edition", TEXT, optional=True),
        _p("month", TEXT),
        _p("sources", TEXTS, optional=True),
        _p("total", MONEY),
    ),
    _m(
        "single-subscription.audit-consistent",
        _p("count", INTEGER),
    ),
    _m(
        "fba-pool-separation.remote",
        _p("marketplace", MARKETPLACE),
        _p("pool", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-sold",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("pool", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-insufficient",
        _p("available", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("pool", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-local-unknown",
        _p("local", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("pool", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-sale-unknown",
        _p("available", INTEGER),
        _p("local", INTEGER),
        _p("marketplace", MARKETPLACE),
        _p("pool", MARKETPLACE),
        _p("quantity", INTEGER),
        _p("remaining", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-not-offered",
        _p("edition", TEXT),
        _p("marketplaces", MARKETPLACES),
        _p("outside", MARKETPLACES),
        _p("sku", TEXT),
        _p("targets", MARKETPLACES),
    ),
    _m(
        "fba-pool-separation.remote-mfn-zeroed",
        _p("merchant", MARKETPLACES),
        _p("quantity", INTEGER),
        _p("sku", TEXT),
    ),
    _m(
        "fba-pool-separation.remote-enrolled",
        _p("edition", TEXT),
        _p("marketplaces", MARKETPLACES),
        _p("sku", TEXT),
        _p("targets", MARKETPLACES),
    ),
    _m(
        "fba-pool-separation.remote-mfn-offer",
        _p("enrolled", MARKETPLACES),
        _p("marketplace", MARKETPLACE),
        _p("sku", TEXT),
    ),
    _m(
        "brand-registry-propagation.propagation-unknown",
        _p("brand", TEXT),
        _p("marketplace", MARKETPLACE),
        _p("source", MARKETPLACE),
    ),
    _m(
        "storefront-origin.link-unknown",
        _p("home", MARKETPLACE),
        _p("marketplace", MARKETPLACE),
    ),
)

MESSAGES: Mapping[str, MessageSpec] = MappingProxyType(
    {
        spec.message_id: spec
        for spec in sorted(_SPECS, key=lambda spec: spec.message_id)
    }
)
"""Every reason's message id, in order, with its specification."""
