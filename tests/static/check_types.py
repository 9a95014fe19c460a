"""Type checks of the public API, run by mypy (never executed).

``.ci/run`` checks this file with ``mypy --strict --warn-unused-ignores``:
each ``# type: ignore[...]`` below marks a call that must NOT type-check,
and becomes an error itself if the call ever does (a float amount, a
number where a catalogue is meant).  Each ``assert_type`` pins a return
type of the main API.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import assert_type

from hypothesis.strategies import SearchStrategy

from unified_account import (
    AccountInfo,
    AvailabilityTable,
    Catalog,
    ConversionRate,
    Decision,
    FeeEstimate,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    Money,
    PerItemFee,
    Reason,
    Report,
    Resolved,
    SellerAccount,
    SetAside,
    SetAsideReason,
    Sku,
    SkuRecord,
    Snapshot,
    Subject,
    availability_table,
    available_quantity,
    build_report,
    combine,
    create_listing,
    effective_account_info,
    evaluate_eligibility,
    evaluate_merge,
    evaluate_scope,
    example_snapshot,
    explain,
    load_snapshot,
    offer_status,
    to_sku,
)
from unified_account import strategies as ua
from unified_account.message_ids import MESSAGES, MessageSpec


def amounts_are_exact() -> None:
    """Money takes a Decimal, an int or a numeric string, never a float."""
    Money(Decimal("3.00"), "USD")
    Money(3, "USD")
    Money("3.00", "USD")
    Money(3.0, "USD")  # type: ignore[arg-type]
    PerItemFee(marketplace=Marketplace.US, rate=Decimal("0.15"))
    PerItemFee(marketplace=Marketplace.US, rate=0.15)  # type: ignore[arg-type]
    ConversionRate("USD", "CAD", "1.35")
    ConversionRate("USD", "CAD", 1.35)  # type: ignore[arg-type]


def collections_are_what_they_say() -> None:
    """A catalogue takes records; a listing's SKU is text."""
    Catalog(skus=())
    Catalog(skus=42)  # type: ignore[arg-type]
    snapshot = example_snapshot()
    Snapshot(account=snapshot.account, orders=snapshot.orders)
    Snapshot(account=snapshot.account, orders=[42])  # type: ignore[list-item]
    SkuRecord(sku=42)  # type: ignore[arg-type]
    Listing(
        sku=7,  # type: ignore[arg-type]
        marketplace=Marketplace.US,
        title="Mug",
        price=Money("9.99", "USD"),
        channel=FulfillmentChannel.MFN,
    )


def the_main_api_returns_exact_types(
    seller: SellerAccount, other: SellerAccount, catalog: Catalog, sku: Sku
) -> None:
    """What the rules return, exactly."""
    snapshot = example_snapshot()
    assert_type(snapshot, Snapshot)
    # The types of a public value's fields are importable from the package.
    assert_type(snapshot.set_aside, tuple[SetAside, ...])
    assert_type(snapshot.fee_estimates, tuple[FeeEstimate, ...])
    assert_type(snapshot.set_aside[0].reason, SetAsideReason)
    assert_type(load_snapshot("seller.json"), Snapshot)
    assert_type(evaluate_scope(Marketplace.CA), Decision)
    assert_type(evaluate_eligibility(seller), Decision)
    assert_type(evaluate_merge(seller, other), Decision)
    assert_type(combine(evaluate_scope(Marketplace.CA)), Decision)
    assert_type(
        effective_account_info(seller, Marketplace.CA), Resolved[AccountInfo]
    )
    assert_type(
        available_quantity(catalog, sku, Marketplace.MX), Resolved[int]
    )
    assert_type(
        offer_status(catalog, sku, Marketplace.MX),
        Resolved[ListingStatus | None],
    )
    assert_type(availability_table(catalog), Resolved[AvailabilityTable])
    assert_type(build_report(snapshot), Report)
    assert_type(build_report(snapshot).findings[0].subject, Subject)
    assert_type(explain(evaluate_scope(Marketplace.CA), "en"), tuple[str, ...])
    assert_type(
        explain(available_quantity(catalog, sku, Marketplace.MX), "en"),
        tuple[str, ...],
    )
    explain(Marketplace.CA, "en")  # type: ignore[arg-type]
    assert_type(evaluate_scope(Marketplace.CA).reasons, tuple[Reason, ...])
    assert_type(to_sku("MUG-1"), Sku)
    assert_type(MESSAGES["no-merge.denied"], MessageSpec)
    listing = Listing(
        sku=sku,
        marketplace=Marketplace.US,
        title="Mug",
        price=Money("9.99", "USD"),
        channel=FulfillmentChannel.MFN,
    )
    assert_type(create_listing(catalog, seller, listing), Catalog)
    assert_type(date(2026, 1, 1), date)


def strategies_are_typed() -> None:
    """Each public strategy draws its own type."""
    assert_type(ua.listings(), SearchStrategy[Listing])
    assert_type(ua.catalogs(), SearchStrategy[Catalog])
    assert_type(ua.snapshots(), SearchStrategy[Snapshot])
    assert_type(ua.money(), SearchStrategy[Money])
    ua.seller_accounts(customised=ua.selling_plans())  # type: ignore[arg-type]
