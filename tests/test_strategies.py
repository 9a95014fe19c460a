"""The public strategies: every draw is valid, every side is reachable."""

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from unified_account import (
    Marketplace,
    Money,
    SellingPlan,
    Snapshot,
    evaluate_eligibility,
)
from unified_account import strategies as ua
from unified_account.model.money import currency_precision


def rebuilt(value):
    """Construct the value again from its fields: validation re-runs."""
    return attrs.evolve(value)


@given(ua.seller_accounts())
def test_every_account_passes_validation(account):
    """An account drawn is an account the constructor accepts."""
    assert rebuilt(account) == account


@given(ua.snapshots())
def test_every_snapshot_passes_validation(snapshot):
    """Seller ids are distinct; the snapshot constructs."""
    assert isinstance(rebuilt(snapshot), Snapshot)


@given(ua.money())
def test_every_amount_fits_its_currency(money):
    """Amounts never have more places than the currency allows."""
    assert (
        -money.amount.as_tuple().exponent
        <= max(currency_precision(money.currency), 0)
        or money.amount == money.amount.to_integral()
    )
    assert Money(money.amount, money.currency) == money


@given(ua.decisions())
def test_every_decision_passes_validation(decision):
    """Deny has a reason; reasons and errors are disjoint."""
    assert rebuilt(decision) == decision


def test_the_money_bounds_are_checked():
    """Impossible arguments are an InvalidArgument, as in Hypothesis."""
    with pytest.raises(InvalidArgument):
        ua.money(min_minor_units=5, max_minor_units=1).example()


@pytest.mark.parametrize(
    ("strategy", "condition"),
    [
        (ua.marketplaces(), lambda m: m is Marketplace.DE),
        (ua.marketplaces(in_scope=True), lambda m: m is Marketplace.MX),
        (ua.selling_plans(), lambda p: p is SellingPlan.INDIVIDUAL),
        (
            ua.seller_accounts(),
            lambda a: evaluate_eligibility(a).allowed,
        ),
        (
            ua.seller_accounts(),
            lambda a: not evaluate_eligibility(a).allowed,
        ),
        (ua.seller_accounts(), lambda a: len(a.info_overrides) > 0),
        (ua.seller_accounts(), lambda a: len(a.info_overrides) == 0),
        (ua.seller_accounts(), lambda a: len(a.marketplaces) == 3),
        (ua.decisions(), lambda d: d.allowed),
        (ua.decisions(), lambda d: not d.allowed and d.errors),
        (ua.editions(), lambda e: e.name == "remote-fulfillment"),
        (ua.money(), lambda m: m.currency == "JPY" and m.amount > 0),
    ],
)
def test_both_sides_of_every_rule_are_reachable(strategy, condition):
    """Each strategy can produce the case downstream tests need."""

    @settings(max_examples=2000, database=None, phases=[Phase.generate])
    @given(strategy)
    def search(value):
        assert not condition(value)

    with pytest.raises(AssertionError):
        search()


def test_accounts_shrink_towards_a_plain_professional_us_account():
    """The minimal account is Professional, on Amazon.com, not customised."""
    from hypothesis import find

    minimal = find(ua.seller_accounts(), lambda a: True)
    assert minimal.plan is SellingPlan.PROFESSIONAL
    assert minimal.home is Marketplace.US
    assert minimal.marketplaces == {Marketplace.US}
    assert len(minimal.info_overrides) == 0


@given(st.data())
def test_focused_accounts_stay_in_focus(data):
    """Arguments fix what they say they fix."""
    account = data.draw(
        ua.seller_accounts(
            plans=st.just(SellingPlan.INDIVIDUAL),
            homes=st.just(Marketplace.CA),
            customised=True,
        )
    )
    assert account.plan is SellingPlan.INDIVIDUAL
    assert account.home is Marketplace.CA
    assert account.info_overrides
