"""What an import from the Selling Partner API adds to a snapshot.

:class:`SetAside` records an item an adapter did not turn into a model
value (a non-Amazon marketplace id, an order from a non-Amazon channel,
FBA stock a response attributes to the wrong country) or a note about
one it kept (a marketplace with suspended listings), with the reason and
the place in the payload.  :class:`FeeEstimate` is one Product Fees
estimate: the fees Amazon estimates for one item at one price in one
marketplace.  Snapshots carry both, so the report shows them.
"""

from __future__ import annotations

import enum
from types import MappingProxyType

import attrs

from ..errors import InvalidValueError
from ..rules import RuleKey
from ._validate import instance_of, non_empty_text, writable_text
from .marketplace import Marketplace
from .money import Money

__all__ = ["FeeEstimate", "SetAside", "SetAsideReason"]


class SetAsideReason(enum.Enum):
    """Why an adapter set an item aside (or noted one it kept)."""

    NON_AMAZON_MARKETPLACE = "non-amazon-marketplace"
    """A known id that is no Amazon storefront (non-Amazon, shadow)."""
    UNKNOWN_MARKETPLACE = "unknown-marketplace"
    """An id in no marketplace table."""
    OUTSIDE_REGION = "outside-region"
    """An Amazon marketplace outside North America."""
    NOT_PARTICIPATING = "not-participating"
    """``isParticipating`` is false: the marketplace is not turned on."""
    SUSPENDED_LISTINGS = "suspended-listings"
    """Kept: the seller participates, but has suspended listings there."""
    NON_AMAZON_ORDER = "non-amazon-order"
    """An order placed outside Amazon (``Non-Amazon`` sales channel)."""
    OTHER_COUNTRY_STOCK = "other-country-stock"
    """FBA stock a response gives that is not the called country's."""
    INCOMPLETE_LISTING = "incomplete-listing"
    """A marketplace's listing without a price (or a title)."""
    LISTING_ISSUE = "listing-issue"
    """Kept: Amazon reports an error-level issue for the listing."""
    UNKNOWN_FULFILLMENT_CHANNEL = "unknown-fulfillment-channel"
    """A ``fulfillmentChannelCode`` the library does not know."""
    CONTRADICTION = "contradiction"
    """A notification that contradicts the rules; not applied."""
    FEE_ESTIMATE_FAILED = "fee-estimate-failed"
    """A Product Fees result whose ``Status`` is not ``Success``."""
    REPEATED_STOCK = "repeated-stock"
    """FBA stock one country's call repeats from another's call (the same
    SKU and figures) where the SKU sells only in that other country."""
    UNDATED_CHARGE = "undated-charge"
    """A Finances service fee event, which carries no date, read without
    the date of the requested window: its date decides its rules."""
    OPEN_SETTLEMENT = "open-settlement"
    """A Finances v0 financial event group still open: its total is a
    running balance, not yet a deposit."""

    @property
    def rule(self) -> RuleKey:
        """The rule whose finding reports this reason."""
        return _RULES.get(self, RuleKey.NA_SCOPE)

    @property
    def kept(self) -> bool:
        """``True`` for a note about an item that was kept."""
        return self in (
            SetAsideReason.SUSPENDED_LISTINGS,
            SetAsideReason.LISTING_ISSUE,
        )


_R = SetAsideReason
_RULES = MappingProxyType(
    {
        _R.SUSPENDED_LISTINGS: RuleKey.PER_MARKETPLACE_LISTING,
        _R.INCOMPLETE_LISTING: RuleKey.PER_MARKETPLACE_LISTING,
        _R.LISTING_ISSUE: RuleKey.PER_MARKETPLACE_LISTING,
        _R.UNKNOWN_FULFILLMENT_CHANNEL: RuleKey.PER_MARKETPLACE_LISTING,
        _R.OTHER_COUNTRY_STOCK: RuleKey.FBA_POOL_SEPARATION,
        _R.REPEATED_STOCK: RuleKey.FBA_POOL_SEPARATION,
        _R.CONTRADICTION: RuleKey.MFN_INVENTORY,
        _R.FEE_ESTIMATE_FAILED: RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE,
        _R.UNDATED_CHARGE: RuleKey.SINGLE_SUBSCRIPTION,
        _R.OPEN_SETTLEMENT: RuleKey.LOCAL_PAYOUT,
    }
)


@attrs.frozen(kw_only=True)
class SetAside:
    """One item an import set aside, or a note about one it kept.

    ``source`` names the adapter (``sellers``, ``listings``,
    ``fba-inventory``, ``orders``, ``fees``, ``notifications``,
    ``reports``, ``finances``, ``settlement``); ``path`` is where the
    item sits in its payload (``payload[3]``, ``line 7``); ``subject``
    is its id (a marketplace id, an order id, a SKU); ``detail`` is
    extra, unlocalized data (the country code, the issue code), empty if
    none.
    """

    source: str = attrs.field(validator=non_empty_text)
    path: str = attrs.field(validator=writable_text)
    subject: str = attrs.field(validator=non_empty_text)
    reason: SetAsideReason = attrs.field(validator=instance_of(SetAsideReason))
    detail: str = attrs.field(default="", validator=writable_text)


@attrs.frozen(kw_only=True)
class FeeEstimate:
    """The fees Amazon estimates for one item sold at ``price``.

    ``reference`` is the SKU or ASIN the estimate is for; ``total`` the
    estimated total of the per-item fees.  Both amounts are in the
    currency of ``marketplace``, where the item sells
    (``per-item-fees-by-sale-marketplace``); another is refused.
    """

    marketplace: Marketplace = attrs.field(validator=instance_of(Marketplace))
    reference: str = attrs.field(validator=non_empty_text)
    price: Money = attrs.field(validator=instance_of(Money))
    total: Money = attrs.field(validator=instance_of(Money))

    def __attrs_post_init__(self) -> None:
        for name in ("price", "total"):
            money = getattr(self, name)
            if money.currency != self.marketplace.currency:
                raise InvalidValueError(
                    f"`{money}` is not in `{self.marketplace.currency}`, "
                    f"the currency of {self.marketplace.display_name}",
                    field=name,
                )
