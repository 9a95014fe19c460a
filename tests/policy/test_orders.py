"""order-tracking: one report, totals per currency, nothing dropped."""

from datetime import UTC, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    InvalidValueError,
    Marketplace,
    MissingDataError,
    Money,
    RuleKey,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.model.listing import FulfillmentChannel
from unified_account.model.orders import Order, OrderStatus
from unified_account.model.rates import ConversionRate, ConversionRates
from unified_account.policy.orders import combined_order_report
from unified_account.policy.unified import offer_marketplaces

SELLER = example_snapshot()


def test_the_example_reports_usd_cad_and_mxn_totals_apart():
    """Each currency has its own total; BR is reported outside."""
    report = combined_order_report(SELLER.account, SELLER.orders).value
    totals = {line.currency: line.totals.total for line in report.currencies}
    assert totals == {
        "USD": Money("61.00", "USD"),
        "CAD": Money("184.20", "CAD"),
        "MXN": Money("1999.00", "MXN"),
    }
    assert [line.marketplace for line in report.outside_scope] == [
        Marketplace.BR
    ]
    assert sum(line.totals.orders for line in report.marketplaces) == len(
        SELLER.orders
    )


def test_the_combined_line_names_only_the_north_american_marketplaces():
    """Issue 17: the example's Amazon.com.br order stays on its own line.

    ``combined_order_report(account, orders)``: the combined line says
    Amazon.com, Amazon.ca and Amazon.com.mx are tracked together, and
    counts their orders only.
    """
    resolved = combined_order_report(SELLER.account, SELLER.orders)
    combined = resolved.reasons[0]
    assert combined.message_id == "order-tracking.combined"
    assert combined.param("marketplaces") == (
        Marketplace.US,
        Marketplace.CA,
        Marketplace.MX,
    )
    outside = sum(1 for o in SELLER.orders if o.marketplace is Marketplace.BR)
    assert outside > 0
    assert combined.param("count") == len(SELLER.orders) - outside
    assert [r.message_id for r in resolved.reasons] == [
        "order-tracking.combined",
        "order-tracking.marketplace",
        "order-tracking.marketplace",
        "order-tracking.marketplace",
        "order-tracking.outside-scope",
        "order-tracking.currency",
        "order-tracking.currency",
        "order-tracking.currency",
    ]


def test_one_converted_figure_says_which_rates_made_it():
    """USD 61.00 + CAD 184.20 x 0.7312 + MXN 1999.00 x 0.0547."""
    resolved = combined_order_report(
        SELLER.account, SELLER.orders, currency="USD", rates=SELLER.rates
    )
    converted = resolved.value.converted
    assert converted.total == Money("305.04", "USD")
    assert [str(rate) for rate in converted.rates] == [
        "CAD/USD 0.7312",
        "MXN/USD 0.0547",
    ]
    assert "order-tracking.converted" in [
        r.message_id for r in resolved.reasons
    ]
    assert resolved.rules == {RuleKey.ORDER_TRACKING}


def test_a_missing_rate_is_an_error():
    """Converting MXN without an MXN rate is refused."""
    rates = ConversionRates([ConversionRate("CAD", "USD", "0.7312")])
    with pytest.raises(MissingDataError, match="from `MXN` to `USD`"):
        combined_order_report(
            SELLER.account, SELLER.orders, currency="USD", rates=rates
        )


def test_an_order_given_twice_is_refused():
    """Counting it twice would inflate the totals."""
    with pytest.raises(InvalidValueError, match="appears twice"):
        combined_order_report(SELLER.account, SELLER.orders[:1] * 2)


def test_an_order_from_a_marketplace_not_turned_on_is_reported_not_dropped():
    """A Mexican order of an account that sells only in the US."""
    home_only = attrs.evolve(
        SELLER.account, marketplaces={Marketplace.US}, info_overrides={}
    )
    mx = Order(
        order_id="701-0000000-0000001",
        marketplace=Marketplace.MX,
        purchased_at=datetime(2026, 7, 1, tzinfo=UTC),
        total=Money("10.00", "MXN"),
        fulfillment=FulfillmentChannel.MFN,
        status=OrderStatus.SHIPPED,
    )
    report = combined_order_report(home_only, [mx]).value
    assert [
        (line.marketplace, line.in_scope) for line in report.marketplaces
    ] == [
        (Marketplace.US, True),
        (Marketplace.MX, False),
    ]
    assert [line.currency for line in report.currencies] == ["USD"]


order_lists = st.lists(
    st.one_of(
        ua.orders(marketplaces=ua.marketplaces(in_scope=True)), ua.orders()
    ),
    max_size=12,
    unique_by=lambda o: o.order_id,
)
na_accounts = ua.seller_accounts(homes=ua.marketplaces(in_scope=True))


@given(st.one_of(na_accounts, ua.seller_accounts()), order_lists)
def test_every_order_is_counted_once_and_totals_are_per_currency(
    account, orders
):
    """Per-currency totals equal the sum of their orders; none is lost."""
    report = combined_order_report(account, orders).value
    scope = offer_marketplaces(account).value
    assert sum(line.totals.orders for line in report.marketplaces) == len(
        orders
    )
    for line in report.marketplaces:
        assert line.in_scope is (line.marketplace in scope)
        assert line.totals.total.currency == line.marketplace.currency
    for line in report.currencies:
        counted = [
            o
            for o in orders
            if o.marketplace in scope
            and o.marketplace.currency == line.currency
        ]
        added = [
            o.total
            for o in counted
            if o.total is not None and o.status is not OrderStatus.CANCELED
        ]
        assert line.totals.orders == len(counted)
        assert line.totals.total == sum(added, Money.zero(line.currency))
    assert len({line.currency for line in report.currencies}) == len(
        report.currencies
    )


@given(st.one_of(na_accounts, ua.seller_accounts()), order_lists)
def test_the_combined_line_tracks_exactly_the_accounts_marketplaces(
    account, orders
):
    """Issue 17: other channels stay on their own lines, never combined.

    Each line's reason has its own message id: the combined line, one
    per marketplace (``outside-scope`` for another channel), one per
    currency.
    """
    resolved = combined_order_report(account, orders)
    scope = offer_marketplaces(account).value
    combined, *rest = resolved.reasons
    assert combined.message_id == "order-tracking.combined"
    assert combined.param("marketplaces") == scope
    assert combined.param("count") == sum(
        1 for o in orders if o.marketplace in scope
    )
    report = resolved.value
    assert [r.message_id for r in rest] == [
        "order-tracking.marketplace"
        if line.in_scope
        else "order-tracking.outside-scope"
        for line in report.marketplaces
    ] + ["order-tracking.currency"] * len(report.currencies)


@given(
    ua.seller_accounts(homes=ua.marketplaces(in_scope=True)),
    order_lists,
    st.data(),
)
def test_the_converted_total_is_the_sum_of_converted_currency_totals(
    account, orders, data
):
    """Each currency converted once at its rate, then added."""
    rates = ConversionRates(
        [
            ConversionRate(
                code, "USD", data.draw(st.decimals("0.01", "100", places=4))
            )
            for code in ("CAD", "MXN", "BRL")
        ]
    )
    report = combined_order_report(
        account, orders, currency="USD", rates=rates
    ).value
    expected = sum(
        (
            rates.convert(line.totals.total, "USD")
            for line in report.currencies
            if line.totals.total.amount  # a zero total needs no rate
        ),
        Money.zero("USD"),
    )
    assert report.converted.total == expected


@given(na_accounts, st.lists(ua.orders(), min_size=1, max_size=6), st.data())
def test_an_order_id_given_twice_is_always_refused(account, orders, data):
    """A repeated id is refused wherever it repeats."""
    repeated = data.draw(st.sampled_from(orders))
    at = data.draw(st.integers(0, len(orders)))
    with pytest.raises(InvalidValueError, match="appears twice"):
        combined_order_report(account, [*orders[:at], repeated, *orders[at:]])
