"""Named refusals: each invalid value is refused with our error and field.

The property tests draw valid values; these examples reach the checks
that refuse the invalid ones, one by one, so that every refusal is known
to work (and is counted by the branch coverage gate).
"""

import datetime
from decimal import Decimal

import immutables
import pytest

from unified_account import (
    FAQ,
    Catalog,
    ConversionRate,
    ConversionRates,
    Edition,
    InvalidValueError,
    Listing,
    Marketplace,
    Money,
    PerItemFee,
    Reason,
    RuleKey,
    SkuRecord,
    SubscriptionBilling,
    SubscriptionFee,
    SubscriptionFeeSchedule,
    convert_proceeds,
    example_snapshot,
    payout_route,
)
from unified_account.model.orders import Order
from unified_account.policy import inventory, listings, orders
from unified_account.report import Report

SELLER = example_snapshot()
ACCOUNT = SELLER.account
RECORD = next(iter(SELLER.catalog))
LISTING = RECORD.listings[0]
US_FEE = SubscriptionFee(
    marketplace=Marketplace.US,
    amount=Money("39.99", "USD"),
    effective=datetime.date(2026, 1, 1),
    source="seller central",
    confirmed=True,
)


def _edition(**changes):
    fields = {
        "name": "test",
        "scope": {Marketplace.US, Marketplace.CA, Marketplace.MX},
        "qualifying_plans": FAQ.qualifying_plans,
    }
    return Edition(**{**fields, **changes})


CASES = {
    "edition with an empty scope": (lambda: _edition(scope=()), "scope"),
    "edition scope outside the Americas": (
        lambda: _edition(scope={Marketplace.US, Marketplace.DE}),
        "scope",
    ),
    "edition payout country not a code": (
        lambda: _edition(payout_bank_countries={"usa"}),
        "payout_bank_countries",
    ),
    "split subscription without a start": (
        lambda: _edition(subscription_billing=SubscriptionBilling.SPLIT),
        "split_subscription_since",
    ),
    "brand registry source outside the scope": (
        lambda: _edition(
            scope={Marketplace.US},
            brand_registry_sources={Marketplace.CA},
        ),
        "brand_registry_sources",
    ),
    "account overrides not a mapping": (
        lambda: ACCOUNT.__class__(
            seller_id="A1",
            plan=ACCOUNT.plan,
            home=Marketplace.US,
            marketplaces={Marketplace.US},
            registration_info=ACCOUNT.registration_info,
            info_overrides=[1, 2],
        ),
        "info_overrides",
    ),
    "account override keyed by a string": (
        lambda: ACCOUNT.__class__(
            seller_id="A1",
            plan=ACCOUNT.plan,
            home=Marketplace.US,
            marketplaces={Marketplace.US},
            registration_info=ACCOUNT.registration_info,
            info_overrides=immutables.Map({"CA": ACCOUNT.registration_info}),
        ),
        "info_overrides",
    ),
    "account override outside North America": (
        lambda: ACCOUNT.__class__(
            seller_id="A1",
            plan=ACCOUNT.plan,
            home=Marketplace.US,
            marketplaces={Marketplace.US},
            registration_info=ACCOUNT.registration_info,
            info_overrides={Marketplace.DE: ACCOUNT.registration_info},
        ),
        "info_overrides.DE",
    ),
    "account override not account information": (
        lambda: ACCOUNT.__class__(
            seller_id="A1",
            plan=ACCOUNT.plan,
            home=Marketplace.US,
            marketplaces={Marketplace.US, Marketplace.CA},
            registration_info=ACCOUNT.registration_info,
            info_overrides={Marketplace.CA: "info"},
        ),
        "info_overrides.CA",
    ),
    "record with a bad SKU": (lambda: SkuRecord(sku="", listings=()), "sku"),
    "record with a bad ASIN": (
        lambda: SkuRecord(sku="A", asin="short", listings=()),
        "asin",
    ),
    "FBA stock not a mapping": (
        lambda: SkuRecord(sku="A", fba=[1], listings=()),
        "fba",
    ),
    "FBA stock keyed by a string": (
        lambda: SkuRecord(sku="A", fba={"US": 1}, listings=()),
        "fba",
    ),
    "listings not a collection": (
        lambda: SkuRecord(sku="A", listings=7),
        "listings",
    ),
    "listings keyed by a string": (
        lambda: SkuRecord(sku=LISTING.sku, listings={"US": LISTING}),
        "listings",
    ),
    "listings mapping to text": (
        lambda: SkuRecord(sku="A", listings={Marketplace.US: "x"}),
        "listings.US",
    ),
    "listings holding text": (
        lambda: SkuRecord(sku="A", listings=["x"]),
        "listings",
    ),
    "catalogue given text for a record": (
        lambda: Catalog().with_record("x"),
        "record",
    ),
    "negative subscription fee": (
        lambda: SubscriptionFee(
            marketplace=Marketplace.US,
            amount=Money("-1", "USD"),
            effective=datetime.date(2026, 1, 1),
            source="s",
            confirmed=True,
        ),
        "amount",
    ),
    "schedule holding text": (
        lambda: SubscriptionFeeSchedule(["x"]),
        "entries[0]",
    ),
    "per-item fixed fee not money": (
        lambda: PerItemFee(marketplace=Marketplace.US, fixed="1"),
        "fixed",
    ),
    "negative per-item fixed fee": (
        lambda: PerItemFee(
            marketplace=Marketplace.US, fixed=Money("-1", "USD")
        ),
        "fixed",
    ),
    "listing attribute name blank": (
        lambda: Listing(
            sku="A",
            marketplace=Marketplace.US,
            title="t",
            price=Money("1", "USD"),
            channel=LISTING.channel,
            attributes={" ": "x"},
        ),
        "attributes",
    ),
    "rounding mode unknown": (
        lambda: Money.rounded("1.005", "USD", "ROUND_SIDEWAYS"),
        "rounding",
    ),
    "order time not a datetime": (
        lambda: Order(
            order_id="114-3941689-8772232",
            marketplace=Marketplace.US,
            purchased_at="2026-07-01",
            total=None,
            fulfillment=LISTING.channel,
            status=SELLER.orders[0].status,
        ),
        "purchased_at",
    ),
    "order total not money": (
        lambda: Order(
            order_id="114-3941689-8772232",
            marketplace=Marketplace.US,
            purchased_at=SELLER.orders[0].purchased_at,
            total="11.01",
            fulfillment=LISTING.channel,
            status=SELLER.orders[0].status,
        ),
        "total",
    ),
    "rate table holding text": (lambda: ConversionRates(["x"]), "rates[0]"),
    "reason parameter of no known kind": (
        lambda: Reason(RuleKey.NO_MERGE, "no-merge.denied", {"x": 1.5}),
        "params.x",
    ),
    "reason parameters not a mapping": (
        lambda: Reason(RuleKey.NO_MERGE, "no-merge.denied", 7),
        "params",
    ),
    "reason parameter name not text": (
        lambda: Reason(RuleKey.NO_MERGE, "no-merge.denied", {1: "x"}),
        "params",
    ),
    "inventory marketplace not a marketplace": (
        lambda: inventory.receive_fba_stock(
            SELLER.catalog, RECORD.sku, "US", 1
        ),
        "marketplace",
    ),
    "new listing not a listing": (
        lambda: listings.evaluate_new_listing(ACCOUNT, SELLER.catalog, "x"),
        "listing",
    ),
    "orders holding text": (
        lambda: orders.combined_order_report(ACCOUNT, ["x"]),
        "orders[0]",
    ),
    "payout bank countries a string": (
        lambda: payout_route(ACCOUNT, Marketplace.US, bank_countries="US"),
        "bank_countries",
    ),
    "payout bank country not a code": (
        lambda: payout_route(
            ACCOUNT, Marketplace.US, bank_countries={"US", "usa"}
        ),
        "bank_countries",
    ),
    "report findings holding text": (
        lambda: Report(edition=FAQ, findings=["x"]),
        "findings",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_invalid_value_is_refused_naming_its_field(case):
    """Our InvalidValueError, with the field that holds the value."""
    build, field = CASES[case]
    with pytest.raises(InvalidValueError) as error:
        build()
    assert error.value.field == field


def test_proceeds_to_a_bank_amazon_does_not_pay_are_not_converted():
    """``local-payout``: no payout, so nothing converted, and why."""
    route = payout_route(ACCOUNT, Marketplace.CA, bank_countries={"MX"})
    assert route.value.method.name == "NOT_SUPPORTED"
    paid = convert_proceeds(
        route.value,
        Money("10.00", "CAD"),
        ConversionRates([ConversionRate("CAD", "USD", Decimal("0.7"))]),
    )
    assert paid.value is None
    assert [r.message_id for r in paid.reasons] == ["local-payout.no-payout"]
