"""Charges and deposits: what Amazon booked, as values."""

from datetime import UTC, date, datetime

import attrs
import pytest
from hypothesis import given

from unified_account import (
    Charge,
    ChargeKind,
    Deposit,
    InvalidValueError,
    Marketplace,
    Money,
)
from unified_account import strategies as ua

DAY = date(2020, 3, 1)


def _commission(**changes):
    values = {
        "booked_on": DAY,
        "marketplace": Marketplace.CA,
        "marketplace_name": "Amazon.ca",
        "amount": Money("-1.50", "CAD"),
        "kind": ChargeKind.REFERRAL_FEE,
        "description": "Commission",
        "source": "settlement.txt line 4",
        "order_id": "702-3035602-4225066",
        "sku": "MUG-1",
        "settlement_id": "11901000000",
    }
    values.update(changes)
    return Charge(**values)


class TestCharge:
    """A charge is a valid, immutable value."""

    def test_a_referral_fee_is_a_per_item_fee(self):
        """Commission and closing fees are per-item fees; the rest not."""
        assert ChargeKind.REFERRAL_FEE.per_item
        assert ChargeKind.PER_ITEM_FEE.per_item
        assert not ChargeKind.FULFILLMENT_FEE.per_item
        assert not ChargeKind.SUBSCRIPTION.per_item
        assert not ChargeKind.OTHER.per_item

    def test_the_identity_leaves_the_amount_out(self):
        """Two records differing only in amount are one booking."""
        one = _commission()
        other = _commission(amount=Money("-2.00", "CAD"), source="api")
        assert one.identity == other.identity
        assert one.identity != _commission(sku="MUG-2").identity
        assert (
            one.identity != _commission(amount=Money("-1.50", "USD")).identity
        )

    def test_a_charge_may_name_no_marketplace(self):
        """A subscription line of a settlement names none."""
        charge = _commission(
            marketplace=None,
            marketplace_name="",
            kind=ChargeKind.SUBSCRIPTION,
            order_id=None,
            sku=None,
        )
        assert charge.marketplace is None

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("booked_on", datetime(2020, 3, 1, tzinfo=UTC)),
            ("booked_on", "2020-03-01"),
            ("marketplace", "CA"),
            ("amount", "-1.50"),
            ("kind", "referral-fee"),
            ("description", " "),
            ("source", ""),
            ("marketplace_name", None),
            ("order_id", ""),
            ("sku", 7),
            ("settlement_id", " "),
        ],
    )
    def test_an_invalid_field_is_refused_with_its_name(self, field, value):
        """Construction validates every field and names it."""
        with pytest.raises(InvalidValueError, match=field):
            _commission(**{field: value})

    @given(ua.charges())
    def test_drawn_charges_are_frozen_values(self, charge):
        """Every draw is valid, hashable and frozen."""
        assert attrs.evolve(charge) == charge
        assert hash(charge) == hash(attrs.evolve(charge))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            charge.amount = Money("0", "USD")  # type: ignore[misc]


class TestDeposit:
    """A deposit is a settlement's total."""

    def test_a_deposit_without_a_date_is_valid(self):
        """A settlement not paid out yet has no deposit date."""
        deposit = Deposit(
            settlement_id="11901000000",
            amount=Money("1520.33", "USD"),
            source="settlement.txt line 2",
        )
        assert deposit.deposited_on is None
        assert deposit.marketplace is None

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("settlement_id", ""),
            ("amount", "5"),
            ("source", " "),
            ("deposited_on", "2020-03-01"),
            ("marketplace", "US"),
        ],
    )
    def test_an_invalid_field_is_refused_with_its_name(self, field, value):
        """Construction validates every field and names it."""
        values = {
            "settlement_id": "1",
            "amount": Money("5", "USD"),
            "source": "s",
        }
        values[field] = value
        with pytest.raises(InvalidValueError, match=field):
            Deposit(**values)

    @given(ua.deposits())
    def test_drawn_deposits_are_valid(self, deposit):
        """Every draw is in its marketplace's currency."""
        expected = (
            "USD"
            if deposit.marketplace is None
            else deposit.marketplace.currency
        )
        assert expected == deposit.amount.currency
