"""Two readings of one booking: pages of a response, files, event groups.

A settlement is paid once: its deposit read twice with two totals (a
settlement report and a Finances event group) is
``local-payout.deposit-conflict``; one charge read from two pages of a
response with two amounts is a ``charge-conflict``, as from two files.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    Charge,
    ChargeKind,
    Deposit,
    Marketplace,
    Money,
    Outcome,
    audit_charges,
)
from unified_account.snapshot import example_snapshot

US, CA = Marketplace.US, Marketplace.CA
SELLER = attrs.evolve(example_snapshot().account, info_overrides={})


def deposit(amount, currency="USD", settlement="100500000", source=None):
    """A settlement's total as one source gives it."""
    return Deposit(
        settlement_id=settlement,
        amount=Money(amount, currency),
        source=source or "us.txt: line 2",
        deposited_on=date(2020, 5, 28),
        marketplace=US if currency == "USD" else None,
    )


def commission(amount, source):
    """The Commission of one Amazon.ca order."""
    return Charge(
        booked_on=date(2020, 5, 15),
        marketplace=CA,
        marketplace_name="Amazon.ca",
        amount=Money(amount, "CAD"),
        kind=ChargeKind.REFERRAL_FEE,
        description="Commission",
        source=source,
        order_id="702-0000001-0000001",
        sku="MUG-1",
    )


def keys(result):
    """``(message id, outcome)`` of each finding."""
    return [(f.reason.message_id, f.outcome) for f in result.findings]


class TestDepositConflicts:
    """One settlement id, two totals."""

    def test_a_second_total_is_a_conflict_and_the_first_is_judged(self):
        """The report says -2.04, the event group -2.40."""
        first = deposit("-2.04")
        second = deposit(
            "-2.40", source="groups.json: payload.FinancialEventGroupList[0]"
        )
        result = audit_charges([], account=SELLER, deposits=[first, second])
        assert keys(result) == [
            ("local-payout.deposit-conflict", Outcome.DENIED)
        ]
        params = dict(result.findings[0].reason.params)
        assert params == {
            "settlement": "100500000",
            "amount": Money("-2.40", "USD"),
            "other": Money("-2.04", "USD"),
            "source": "groups.json: payload.FinancialEventGroupList[0]",
            "other_source": "us.txt: line 2",
            "edition": "faq",
        }
        assert result.findings[0].deposit is second
        (line,) = result.summaries
        assert (line.audited, line.in_question) == (2, Money("2.40", "USD"))

    def test_a_second_total_in_another_currency_is_a_conflict(self):
        """A settlement has one currency."""
        result = audit_charges(
            [],
            account=SELLER,
            deposits=[deposit("-2.04"), deposit("-2.04", "CAD")],
        )
        assert keys(result) == [
            ("local-payout.deposit-conflict", Outcome.DENIED)
        ]

    def test_the_same_total_twice_is_no_conflict(self):
        """Each reading is judged as given: a USD deposit to a USD bank."""
        result = audit_charges(
            [], account=SELLER, deposits=[deposit("-2.04"), deposit("-2.04")]
        )
        assert result.findings == ()

    def test_the_conflicting_reading_is_not_judged_again(self):
        """A second total in MXN: the conflict, not a currency warning."""
        result = audit_charges(
            [],
            account=SELLER,
            deposits=[deposit("10.00", "USD"), deposit("10.00", "MXN")],
        )
        assert [f.reason.message_id for f in result.findings] == [
            "local-payout.deposit-conflict"
        ]

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["1", "2", "3", "4"]),
                st.decimals(min_value=-1000, max_value=1000, places=2).map(
                    str
                ),
            ),
            max_size=6,
        ),
        st.data(),
    )
    def test_one_planted_second_total_is_exactly_one_conflict(
        self, paid, data
    ):
        """Each settlement with one total is silent; one more is one."""
        totals = dict(paid)
        deposits = [
            deposit(amount, settlement=sid)
            for sid, amount in paid
            if totals[sid] == amount
        ]
        assert keys(audit_charges([], account=SELLER, deposits=deposits)) == []
        if not deposits:
            return
        victim = data.draw(st.sampled_from(deposits))
        planted = attrs.evolve(
            victim,
            amount=victim.amount + Money("0.01", "USD"),
            source="groups.json: x",
        )
        result = audit_charges(
            [], account=SELLER, deposits=[*deposits, planted]
        )
        assert keys(result) == [
            ("local-payout.deposit-conflict", Outcome.DENIED)
        ]


class TestPagesAreReadings:
    """Two pages of one response, like two files, are two readings."""

    def test_two_amounts_on_two_pages_are_a_conflict(self):
        """``[0]`` says 4.05, ``[1]`` says 4.50."""
        result = audit_charges(
            [
                commission("-4.05", "f.json: [0].payload.x"),
                commission("-4.50", "f.json: [1].payload.x"),
            ],
            account=SELLER,
        )
        assert keys(result) == [
            (
                "per-item-fees-by-sale-marketplace.charge-conflict",
                Outcome.DENIED,
            )
        ]

    def test_pages_without_a_file_name_are_readings_too(self):
        """Pages a program hands over name no file."""
        result = audit_charges(
            [commission("-4.05", "[0].x"), commission("-4.50", "[3].x")],
            account=SELLER,
        )
        assert len(result.findings) == 1

    def test_two_amounts_on_one_page_are_two_fees(self):
        """One order may have two Commission lines of its SKU."""
        for sources in (
            ("f.json: [2].payload.a", "f.json: [2].payload.b"),
            ("f.json: payload.a", "f.json: payload.b"),
            ("payload.a", "payload.b"),
        ):
            charges = [
                commission("-4.05", sources[0]),
                commission("-4.50", sources[1]),
            ]
            assert audit_charges(charges, account=SELLER).findings == ()
