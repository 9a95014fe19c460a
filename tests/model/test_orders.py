"""Orders: one marketplace, its currency, an aware purchase time."""

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import InvalidValueError, Marketplace, Money
from unified_account import strategies as ua
from unified_account.errors import UnifiedAccountError
from unified_account.model.listing import FulfillmentChannel
from unified_account.model.orders import Order, OrderStatus

WHEN = datetime(2026, 7, 1, 12, tzinfo=UTC)


def order(**kw):
    fields = {
        "order_id": "702-3035602-4225066",
        "marketplace": Marketplace.CA,
        "purchased_at": WHEN,
        "total": Money("54.20", "CAD"),
        "fulfillment": FulfillmentChannel.FBA,
        "status": OrderStatus.SHIPPED,
    }
    return Order(**{**fields, **kw})


class TestOrder:
    """An order keeps its marketplace's currency."""

    def test_a_total_in_another_currency_is_refused(self):
        """An Amazon.ca order totals in CAD."""
        with pytest.raises(InvalidValueError, match="not in `CAD`") as error:
            order(total=Money("54.20", "USD"))
        assert error.value.field == "total"

    def test_a_pending_order_may_have_no_total(self):
        """SP-API leaves OrderTotal out until the order is priced."""
        assert order(total=None, status=OrderStatus.PENDING).total is None

    def test_a_purchase_time_without_a_time_zone_is_refused(self):
        """A naive time would depend on where the code runs."""
        with pytest.raises(InvalidValueError, match="no time zone"):
            order(purchased_at=datetime(2026, 7, 1, 12))

    def test_a_negative_total_is_refused(self):
        """Totals are what the buyer paid."""
        with pytest.raises(InvalidValueError, match="negative"):
            order(total=Money("-1.00", "CAD"))


_ANY = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=12),
    st.floats(),
    st.sampled_from(list(Marketplace)),
    st.sampled_from(list(OrderStatus)),
    st.sampled_from(list(FulfillmentChannel)),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.builds(Money, st.just("1.00"), st.sampled_from(["USD", "CAD", "MXN"])),
)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(
            (
                "order_id",
                "marketplace",
                "purchased_at",
                "total",
                "fulfillment",
                "status",
            ),
            _ANY,
        )
    )
)
def test_order_raises_only_documented_errors(fields):
    """Arbitrary input either builds an order or raises a library error."""
    with contextlib.suppress(UnifiedAccountError):
        Order(**fields)


@given(ua.marketplaces(), ua.money(currencies=ua.currencies()))
def test_an_order_totals_only_in_its_marketplaces_currency(marketplace, total):
    """Any other currency is refused, whatever the amount."""
    if total.currency == marketplace.currency:
        assert order(marketplace=marketplace, total=total).total == total
    else:
        with pytest.raises(InvalidValueError):
            order(marketplace=marketplace, total=total)
