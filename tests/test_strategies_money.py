"""Money, order, brand and storefront strategies.

Every draw is valid, and both sides of every rule are reachable.
"""

import contextlib

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, Unsatisfiable

from unified_account import Marketplace, evaluate_unified
from unified_account import strategies as ua
from unified_account.model.fees import TaxTreatment
from unified_account.model.listing import FulfillmentChannel
from unified_account.model.orders import OrderStatus
from unified_account.policy.brand import propagate_brand_registry
from unified_account.policy.payout import PayoutMethod, payout_route
from unified_account.policy.storefront import evaluate_storefront_customisation


class _AllSeen(Exception):
    """Raised to stop drawing once every expected label was seen."""


def reached(strategy, label, expected=None):
    """The values of ``label`` seen over many draws.

    Without ``expected``: over 300 draws (to check what never appears).
    With ``expected``: over up to 10,000 draws, stopping as soon as all of
    them were seen, so a rare side is searched for long without slowing
    the common case.
    """
    examples = 300 if expected is None else 10_000
    seen = set()

    @settings(max_examples=examples, database=None, phases=[Phase.generate])
    @given(strategy)
    def collect(value):
        seen.add(label(value))
        if expected is not None and seen >= expected:
            raise _AllSeen

    with contextlib.suppress(_AllSeen):
        collect()
    return seen


STRATEGIES = {
    "subscription_fees": ua.subscription_fees(),
    "subscription_fee_schedules": ua.subscription_fee_schedules(),
    "per_item_fees": ua.per_item_fees(),
    "sales": ua.sales(),
    "conversion_rates": ua.conversion_rates(),
    "conversion_rate_tables": ua.conversion_rate_tables(),
    "orders": ua.orders(),
    "brand_registrations": ua.brand_registrations(),
    "asin_attributes": ua.asin_attributes(),
    "storefront_links": ua.storefront_links(),
    "storefront_requests": ua.storefront_requests(),
}


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@given(data=st.data())
def test_every_draw_passes_validation_again(name, data):
    """Re-running every validator (attrs.evolve) accepts each draw."""
    value = data.draw(STRATEGIES[name])
    assert attrs.evolve(value) == value


def test_every_enum_member_is_reachable():
    """Tax treatments, channels and statuses: each can be drawn."""
    for strategy, members in (
        (ua.tax_treatments(), TaxTreatment),
        (ua.fulfillment_channels(), FulfillmentChannel),
        (ua.order_statuses(), OrderStatus),
    ):
        assert reached(strategy, lambda v: v, set(members)) == set(members)


def test_order_statuses_pin_each_side_of_cancellation():
    """canceled=True only cancels; canceled=False never does."""
    assert reached(ua.order_statuses(canceled=True), lambda s: s) == {
        OrderStatus.CANCELED
    }
    assert reached(ua.order_statuses(canceled=False), lambda s: s) == set(
        OrderStatus
    ) - {OrderStatus.CANCELED}


def test_per_item_fees_reach_rate_only_fixed_only_and_both():
    """Every shape of schedule is drawn, with and without a minimum."""
    every = {
        (r, f, m)
        for r in (True, False)
        for f in (True, False)
        for m in (True, False)
        if r or f
    }
    shapes = reached(
        ua.per_item_fees(),
        lambda f: (
            f.rate is not None,
            f.fixed is not None,
            f.minimum is not None,
        ),
        every,
    )
    assert shapes == every


def test_orders_reach_both_sides_of_scope_and_of_totals():
    """In and out of scope; with and without a total."""
    scope = {Marketplace.US, Marketplace.CA, Marketplace.MX}
    every = {(True, True), (True, False), (False, True), (False, False)}
    sides = reached(
        ua.orders(), lambda o: (o.marketplace in scope, o.total is None), every
    )
    assert sides == every


def test_payout_routes_reach_every_method():
    """Direct, converted, unsupported and undetermined payouts are drawn.

    Unsupported needs the caller's list of countries; undetermined needs
    its absence and a customised bank account.
    """
    accounts = ua.seller_accounts(
        homes=ua.marketplaces(in_scope=True), customised=None
    )
    lists = st.none() | st.frozensets(st.sampled_from(["US", "CA", "MX"]))
    every = set(PayoutMethod)

    def method(pair):
        account, countries = pair
        scope = {Marketplace.US, Marketplace.CA, Marketplace.MX}
        where = sorted(
            account.marketplaces & scope, key=list(Marketplace).index
        )[-1]
        return payout_route(
            account, where, bank_countries=countries
        ).value.method

    assert reached(st.tuples(accounts, lists), method, every) == every


def test_brand_propagation_reaches_both_sides():
    """Some draws propagate, some do not; unified and not."""
    pairs = st.tuples(ua.seller_accounts(), ua.brand_registrations())
    every = {(True, True), (False, True), (False, False)}
    sides = reached(
        pairs,
        lambda p: (
            propagate_brand_registry(*p) != p[1],
            evaluate_unified(p[0]).allowed,
        ),
        every,
    )
    assert sides == every


def test_storefront_requests_reach_home_and_elsewhere():
    """Allowed and refused customisations are both drawn."""
    pairs = st.tuples(
        ua.seller_accounts(homes=ua.marketplaces(in_scope=True)),
        ua.storefront_requests(),
    )
    assert reached(
        pairs,
        lambda p: (
            evaluate_storefront_customisation(p[0], p[1].marketplace).allowed
        ),
        {True, False},
    ) == {True, False}


def test_asin_attributes_reach_equal_and_differing_values():
    """Two records of one ASIN can agree or differ."""
    one = ua.asin_attributes(asins=st.just("B000000001"))
    assert reached(
        st.tuples(one, one),
        lambda p: p[0].attributes == p[1].attributes,
        {True, False},
    ) == {True, False}


def test_invalid_arguments_are_refused():
    """An impossible request is an InvalidArgument, not a silent fix."""
    with pytest.raises(InvalidArgument):
        ua.subscription_fee_schedules(max_entries=0)


def test_conversion_rates_never_pair_a_currency_with_itself():
    """Overlapping arguments: distinct currencies, each from its argument."""
    both = st.sampled_from(("USD", "CAD"))
    rates = ua.conversion_rates(sources=both, targets=both)
    pairs = reached(rates, lambda r: (r.source, r.target), {("USD", "CAD")})
    assert pairs <= {("USD", "CAD"), ("CAD", "USD")}
    assert ("USD", "CAD") in pairs


def test_conversion_rates_between_one_currency_are_unsatisfiable():
    """Arguments no rate can honour are reported, never quietly changed."""
    same = ua.conversion_rates(sources=st.just("USD"), targets=st.just("USD"))
    with pytest.raises(Unsatisfiable):
        reached(same, lambda r: r.source)
