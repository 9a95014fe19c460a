"""The levels at which each message id's findings appear in the report.

A message id is written by the rules; the report gives each finding its
level (:class:`~unified_account.report.finding.FindingOutcome`) from the
decision it came from and from what the seller has or asked for
(``docs/command.md``, "Outcome levels").  This table says, for every
documented message id, the levels its findings can have, so that a tool
knows which ids can be problems; an id with no level is never a finding:
only the API's answers (a transition's decision, an availability table)
carry it.  The message-id page of the documentation shows it, and the
test suite checks every report it builds against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .finding import FindingOutcome

__all__ = ["MESSAGE_LEVELS", "levels_of"]

_DENIED, _WARNING = FindingOutcome.DENIED, FindingOutcome.WARNING
_UNDETERMINED = FindingOutcome.UNDETERMINED
_ALLOWED, _INFO = FindingOutcome.ALLOWED, FindingOutcome.INFO

_REPORTED: dict[str, tuple[FindingOutcome, ...]] = {
    "account-info-defaults.customised": (_INFO,),
    "account-info-defaults.registration": (_INFO,),
    "account-info-defaults.unknown": (_INFO,),
    "brand-registry-propagation.approved": (_ALLOWED,),
    "brand-registry-propagation.attributes-differ": (_WARNING,),
    "brand-registry-propagation.attributes-in-sync": (_INFO,),
    "brand-registry-propagation.does-not-carry": (_INFO,),
    "brand-registry-propagation.not-approved": (_INFO,),
    "brand-registry-propagation.not-unified": (_INFO,),
    "brand-registry-propagation.propagated": (_ALLOWED,),
    "brand-registry-propagation.propagation-unknown": (_UNDETERMINED,),
    "eu-distinct.registered-elsewhere": (_DENIED, _INFO),
    "eu-distinct.registered-in-scope": (_ALLOWED,),
    "fba-pool-separation.not-here": (_WARNING,),
    "fba-pool-separation.pool": (_INFO,),
    "fba-pool-separation.remote": (_INFO,),
    "fba-pool-separation.remote-local-unknown": (_UNDETERMINED,),
    "fba-pool-separation.set-aside.other-country-stock": (_WARNING,),
    "fba-pool-separation.set-aside.repeated-stock": (_WARNING,),
    "home-only-by-default.home": (_ALLOWED,),
    "home-only-by-default.not-turned-on": (_DENIED, _INFO),
    "list-anywhere.allowed": (_ALLOWED,),
    "local-payout.bank-country-not-supported": (_WARNING,),
    "local-payout.bank-country-unknown": (_UNDETERMINED,),
    "local-payout.bank-unknown": (_UNDETERMINED,),
    "local-payout.converted": (_INFO,),
    "local-payout.currency-converter": (_INFO,),
    "local-payout.deposit-conflict": (_WARNING,),
    "local-payout.deposit-currency": (_WARNING,),
    "local-payout.deposit-undetermined": (_UNDETERMINED,),
    "local-payout.direct": (_INFO,),
    "local-payout.no-payout": (_INFO,),
    "local-payout.paid": (_INFO,),
    "local-payout.payout-undetermined": (_INFO,),
    "local-payout.set-aside.open-settlement": (_WARNING,),
    "marketplace-specific-deletion.deleted": (_INFO,),
    "marketplace-specific-deletion.live-elsewhere": (_WARNING,),
    "marketplace-specific-deletion.zero-quantity": (_WARNING,),
    "mfn-inventory.separate": (_INFO,),
    "mfn-inventory.set-aside.contradiction": (_WARNING,),
    "mfn-inventory.shared": (_INFO,),
    "na-scope.in-scope": (_ALLOWED,),
    "na-scope.out-of-scope": (_DENIED, _INFO),
    "na-scope.set-aside.non-amazon-marketplace": (_WARNING,),
    "na-scope.set-aside.non-amazon-order": (_WARNING,),
    "na-scope.set-aside.not-participating": (_WARNING,),
    "na-scope.set-aside.outside-region": (_WARNING,),
    "na-scope.set-aside.unknown-marketplace": (_WARNING,),
    "no-merge.denied": (_INFO,),
    "no-merge.outside-rule": (_INFO,),
    "no-merge.same-account": (_INFO,),
    "order-tracking.charges-summary": (_INFO,),
    "order-tracking.combined": (_INFO,),
    "order-tracking.converted": (_INFO,),
    "order-tracking.currency": (_INFO,),
    "order-tracking.marketplace": (_INFO,),
    "order-tracking.outside-scope": (_WARNING,),
    "per-item-fees-by-sale-marketplace.charge-amount": (_WARNING,),
    "per-item-fees-by-sale-marketplace.charge-conflict": (_WARNING,),
    "per-item-fees-by-sale-marketplace.charge-currency": (_WARNING,),
    "per-item-fees-by-sale-marketplace.charge-undetermined": (_UNDETERMINED,),
    "per-item-fees-by-sale-marketplace.charged": (_INFO,),
    "per-item-fees-by-sale-marketplace.estimated": (_INFO,),
    "per-item-fees-by-sale-marketplace.set-aside.fee-estimate-failed": (
        _WARNING,
    ),
    "per-marketplace-listing.inactive": (_INFO,),
    "per-marketplace-listing.listed": (_INFO,),
    "per-marketplace-listing.set-aside.incomplete-listing": (_WARNING,),
    "per-marketplace-listing.set-aside.listing-issue": (_INFO,),
    "per-marketplace-listing.set-aside.suspended-listings": (_INFO,),
    "per-marketplace-listing.set-aside.unknown-fulfillment-channel": (
        _WARNING,
    ),
    "professional-only.plan-excluded": (_DENIED, _INFO),
    "professional-only.plan-qualifies": (_ALLOWED,),
    "single-subscription.amount-unconfirmed": (_UNDETERMINED,),
    "single-subscription.audit-active-earlier-in-month": (
        _WARNING,
        _UNDETERMINED,
    ),
    "single-subscription.audit-activity-unknown": (_WARNING, _UNDETERMINED),
    "single-subscription.audit-cap-needs-rate": (_WARNING, _UNDETERMINED),
    "single-subscription.audit-charged-without-active-listings": (_WARNING,),
    "single-subscription.audit-consistent": (_INFO,),
    "single-subscription.audit-over-cap": (_WARNING,),
    "single-subscription.audit-several-billing-days": (_WARNING,),
    "single-subscription.charge-amount": (_WARNING,),
    "single-subscription.charge-conflict": (_WARNING,),
    "single-subscription.charge-currency": (_WARNING,),
    "single-subscription.charge-repeated": (_WARNING,),
    "single-subscription.charge-undetermined": (_UNDETERMINED,),
    "single-subscription.fee-unknown": (_UNDETERMINED,),
    "single-subscription.individual": (_INFO,),
    "single-subscription.one-charge": (_INFO,),
    "single-subscription.outside-scope": (_DENIED,),
    "single-subscription.plan-changed": (_INFO,),
    "single-subscription.set-aside.undated-charge": (_WARNING,),
    "single-subscription.split-activity-unknown": (_UNDETERMINED,),
    "single-subscription.split-billed": (_INFO,),
    "single-subscription.split-cap-no-rate": (_UNDETERMINED,),
    "single-subscription.split-cap-tax-excluded": (_INFO,),
    "single-subscription.split-cap-tax-included": (_INFO,),
    "single-subscription.split-nothing-active": (_INFO,),
    "single-subscription.split-share": (_INFO,),
    "single-subscription.split-share-unknown": (_UNDETERMINED,),
    "single-subscription.start-unknown": (_UNDETERMINED,),
    "single-subscription.tax-unconfirmed": (_UNDETERMINED,),
    "storefront-origin.home-only": (_DENIED,),
    "storefront-origin.link-unknown": (_UNDETERMINED,),
    "storefront-origin.links-home": (_INFO,),
    "storefront-origin.may-customise": (_ALLOWED,),
    "switcher-means-unified.not-unified": (_INFO,),
    "switcher-means-unified.unified": (_ALLOWED,),
}

_API_ONLY: dict[str, tuple[FindingOutcome, ...]] = {
    "account-info-defaults.may-customise": (),
    "fba-pool-separation.insufficient": (),
    "fba-pool-separation.remote-enrolled": (),
    "fba-pool-separation.remote-mfn-zeroed": (),
    "fba-pool-separation.remote-sale-unknown": (),
    "fba-pool-separation.remote-insufficient": (),
    "fba-pool-separation.remote-mfn-offer": (),
    "fba-pool-separation.remote-not-offered": (),
    "fba-pool-separation.remote-sold": (),
    "fba-pool-separation.sold": (),
    "fba-pool-separation.table": (),
    "home-only-by-default.home-only": (),
    "list-anywhere.offered-in": (),
    "marketplace-specific-deletion.delete": (),
    "marketplace-specific-deletion.table": (),
    "mfn-inventory.insufficient": (),
    "mfn-inventory.separate-elsewhere": (),
    "mfn-inventory.sold": (),
    "mfn-inventory.table": (),
    "per-marketplace-listing.already-listed": (),
    "per-marketplace-listing.changed": (),
    "per-marketplace-listing.created": (),
    "per-marketplace-listing.not-listed": (),
    "per-marketplace-listing.table": (),
}

MESSAGE_LEVELS: Mapping[str, frozenset[FindingOutcome]] = MappingProxyType(
    {
        message_id: frozenset(levels)
        for message_id, levels in (_REPORTED | _API_ONLY).items()
    }
)
"""Each documented message id and the levels its findings can have.

Empty for an id the report never writes (the API's answers only).
"""


def levels_of(message_id: str) -> frozenset[FindingOutcome]:
    """The levels findings with ``message_id`` can have in the report.

    >>> sorted(level.value for level in levels_of("no-merge.denied"))
    ['info']
    >>> levels_of("per-marketplace-listing.created")
    frozenset()
    """
    return MESSAGE_LEVELS[message_id]
