"""The strategies for import notes and fee estimates."""

import attrs
from hypothesis import given
from hypothesis import strategies as st

from test_strategies_money import reached
from unified_account import Marketplace
from unified_account import strategies as ua
from unified_account.model.imports import FeeEstimate, SetAside, SetAsideReason


@given(ua.set_asides(), ua.fee_estimates())
def test_every_draw_passes_validation_again(note, estimate):
    """Each draw rebuilds from its own fields without error."""
    assert SetAside(**attrs.asdict(note, recurse=False)) == note
    assert FeeEstimate(**attrs.asdict(estimate, recurse=False)) == estimate


def test_every_reason_is_reachable():
    """Each set-aside reason can be drawn."""
    seen = reached(ua.set_asides(), lambda n: n.reason, set(SetAsideReason))
    assert seen == set(SetAsideReason)


@given(ua.fee_estimates(marketplaces=st.just(Marketplace.MX)))
def test_the_marketplace_argument_pins_marketplace_and_currency(estimate):
    """Estimates for MX are in MXN, price and total alike."""
    assert estimate.marketplace is Marketplace.MX
    assert {estimate.price.currency, estimate.total.currency} == {"MXN"}
