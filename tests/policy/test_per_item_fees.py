"""per-item-fees-by-sale-marketplace: the fee of where the item sold."""

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
from unified_account.model.fees import PerItemFee, Sale
from unified_account.policy.per_item_fees import per_item_fee

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
SCHEDULES = [
    PerItemFee(marketplace=US, rate="0.15", minimum=Money("0.30", "USD")),
    PerItemFee(marketplace=CA, rate="0.15", minimum=Money("0.40", "CAD")),
    PerItemFee(marketplace=MX, rate="0.10", fixed=Money("5.00", "MXN")),
]


def test_an_item_sold_on_amazon_com_mx_pays_its_fees_in_mxn():
    """The FAQ: fees are those of the marketplace where the item sold."""
    account = example_snapshot().account  # registered on Amazon.com
    sale = Sale(marketplace=MX, price=Money("349.50", "MXN"))
    fee = per_item_fee(account, sale, SCHEDULES)
    assert fee.value == Money("39.95", "MXN")
    assert fee.rules == {RuleKey.PER_ITEM_FEES_BY_SALE_MARKETPLACE}
    assert [r.message_id for r in fee.reasons] == [
        "per-item-fees-by-sale-marketplace.charged"
    ]


def test_the_home_schedule_never_stands_in_for_a_missing_one():
    """No Amazon.ca schedule: an error, though Amazon.com's is there."""
    sale = Sale(marketplace=CA, price=Money("10.00", "CAD"))
    with pytest.raises(MissingDataError, match="`CA`"):
        per_item_fee(example_snapshot().account, sale, SCHEDULES[:1])


def test_two_schedules_for_one_marketplace_are_refused():
    """Which one applies would be a guess."""
    sale = Sale(marketplace=US, price=Money("10.00", "USD"))
    with pytest.raises(InvalidValueError, match="two per-item"):
        per_item_fee(
            example_snapshot().account, sale, [SCHEDULES[0], SCHEDULES[0]]
        )


schedules_for_every_marketplace = st.tuples(
    *(ua.per_item_fees(marketplaces=st.just(m)) for m in (US, CA, MX))
)


@given(
    ua.seller_accounts(),
    ua.sales(),
    schedules_for_every_marketplace,
    ua.per_item_fees(),
)
def test_the_fee_follows_the_sale_marketplace_never_the_home(
    account, sale, schedules, other
):
    """Only the sale marketplace's schedule matters, in its currency."""
    resolved = per_item_fee(account, sale, schedules)
    assert [r.message_id for r in resolved.reasons] == [
        "per-item-fees-by-sale-marketplace.charged"
    ]
    fee = resolved.value
    expected = next(s for s in schedules if s.marketplace is sale.marketplace)
    assert fee == expected.fee_for(sale.price)
    assert fee.currency == sale.marketplace.currency
    if other.marketplace is not sale.marketplace:
        replaced = [
            other if s.marketplace is other.marketplace else s
            for s in schedules
        ]
        assert per_item_fee(account, sale, replaced).value == fee


@given(
    ua.seller_accounts(),
    ua.sales(),
    schedules_for_every_marketplace,
    ua.marketplaces(in_scope=True),
)
def test_the_home_marketplace_does_not_change_the_fee(
    account, sale, schedules, home
):
    """Moving the home to any other marketplace leaves the fee alone."""
    moved = attrs.evolve(
        account, home=home, marketplaces=account.marketplaces | {home}
    )
    assert (
        per_item_fee(moved, sale, schedules).value
        == per_item_fee(account, sale, schedules).value
    )


@given(
    ua.seller_accounts(homes=ua.marketplaces(in_scope=True)),
    ua.sales(),
    schedules_for_every_marketplace,
    st.data(),
)
def test_a_missing_sale_schedule_is_an_error_whatever_else_is_given(
    account, sale, schedules, data
):
    """No fallback: without the sale marketplace's schedule, an error."""
    kept = data.draw(st.lists(st.sampled_from(schedules), unique=True))
    if any(s.marketplace is sale.marketplace for s in kept):
        assert (
            per_item_fee(account, sale, kept).value.currency
            == sale.marketplace.currency
        )
    else:
        with pytest.raises(MissingDataError):
            per_item_fee(account, sale, kept)


@given(ua.sales())
def test_a_half_rate_rounds_half_even(sale):
    """Half of an odd number of cents is a tie, rounded to even."""
    schedule = PerItemFee(marketplace=sale.marketplace, rate="0.5")
    account = example_snapshot().account
    fee = per_item_fee(account, sale, [schedule]).value
    half, odd = divmod(int(sale.price.amount * 100), 2)
    expected = half + 1 if odd and half % 2 else half  # ties go to even
    assert fee.amount * 100 == expected
