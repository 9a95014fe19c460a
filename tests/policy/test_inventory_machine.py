"""Random sequences of listing and stock transitions, against a dict model.

The reference model below restates the four rules as plainly as possible
(dicts of quantities and listing states).  After every step the library's
catalogue must agree with it cell by cell, and the invariants of the
rules must hold.
"""

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from unified_account import (
    FAQ,
    REMOTE_FULFILLMENT,
    Catalog,
    FulfillmentChannel,
    Listing,
    ListingStatus,
    Marketplace,
    MfnPool,
    Money,
    Outcome,
    RuleViolation,
    SkuRecord,
    availability_table,
    change_price,
    create_listing,
    delete_listing,
    enroll_remote_fulfillment,
    evaluate_sale,
    example_snapshot,
    offer_status,
    receive_fba_stock,
    record_sale,
    set_mfn_quantity,
)

US, CA, MX = Marketplace.US, Marketplace.CA, Marketplace.MX
NA = (US, CA, MX)
MFN, FBA = FulfillmentChannel.MFN, FulfillmentChannel.FBA
ACTIVE, INACTIVE, DELETED = (
    ListingStatus.ACTIVE,
    ListingStatus.INACTIVE,
    ListingStatus.DELETED,
)
SKUS = ("A", "B", "C")
SELLER = example_snapshot().account
HOME_ONLY = attrs.evolve(SELLER, marketplaces={US}, info_overrides={})


class Reference:
    """The rules as dicts: nothing clever, nothing shared."""

    def __init__(self):
        self.separate = {}  # sku -> marketplace of a separate SKU, or None
        self.mfn = {}  # sku -> merchant-fulfilled units
        self.fba = {}  # (sku, marketplace) -> units
        self.listing = {}  # (sku, marketplace) -> [channel, status]
        self.received = {}  # (sku, marketplace) -> FBA units received
        self.sold_fba = {}  # (sku, marketplace) -> FBA units sold
        self.mfn_set = {}  # sku -> quantity last set
        self.sold_mfn = {}  # sku -> MFN units sold since then
        self.enrolled = {}  # sku -> marketplaces served from the US pool

    def merchant(self, sku):
        """Whether ``sku`` has a merchant-fulfilled offer (not deleted)."""
        return any(
            entry[0] is MFN and entry[1] is not DELETED
            for (other, _), entry in self.listing.items()
            if other == sku
        )

    def local(self, sku, where):
        """Local FBA units of an enrolled offer: undetermined, not zero."""
        entry = self.listing.get((sku, where))
        if (
            where not in self.enrolled.get(sku, ())
            or entry is None
            or entry != [FBA, ACTIVE]
        ):
            return 0
        return self.fba.get((sku, where), 0)

    def pool(self, sku, where):
        """The FBA pool an FBA sale of ``sku`` on ``where`` draws from."""
        return US if where in self.enrolled.get(sku, ()) else where

    def available(self, sku, where):
        entry = self.listing.get((sku, where))
        if entry is None or entry[1] is not ACTIVE:
            return 0
        if entry[0] is MFN:
            return self.mfn[sku]
        return self.fba.get((sku, self.pool(sku, where)), 0)

    def status(self, sku, where):
        entry = self.listing.get((sku, where))
        if entry is None:
            return None
        if entry[1] is ACTIVE and entry[0] is MFN and self.mfn[sku] == 0:
            return INACTIVE
        return entry[1]


class InventoryMachine(RuleBasedStateMachine):
    """The catalogue under random transitions, checked step by step."""

    edition = FAQ

    def __init__(self):
        super().__init__()
        self.catalog = Catalog()
        self.model = Reference()

    @initialize(
        arrangements=st.tuples(*[st.sampled_from((None, *NA)) for _ in SKUS]),
        quantities=st.tuples(*[st.integers(0, 5) for _ in SKUS]),
    )
    def add_skus(self, arrangements, quantities):
        for sku, where, units in zip(
            SKUS, arrangements, quantities, strict=True
        ):
            pool = (
                MfnPool.shared(units)
                if where is None
                else MfnPool.separate(where, units)
            )
            self.catalog = self.catalog.with_record(
                SkuRecord(sku=sku, mfn=pool)
            )
            self.model.separate[sku] = where
            self.model.mfn[sku] = units
            self.model.mfn_set[sku] = units
            self.model.sold_mfn[sku] = 0

    def _statuses(self):
        return {
            (sku, where): offer_status(
                self.catalog, sku, where, edition=self.edition
            ).value
            for sku in SKUS
            for where in NA
        }

    @rule(
        sku=st.sampled_from(SKUS),
        where=st.sampled_from(NA),
        channel=st.sampled_from(FulfillmentChannel),
        home_only=st.booleans(),
    )
    def create(self, sku, where, channel, home_only):
        model = self.model
        entry = model.listing.get((sku, where))
        allowed = (
            (not home_only or where is US)
            and (entry is None or entry[1] is DELETED)
            and not (
                channel is MFN and model.separate[sku] not in (None, where)
            )
            and not (channel is MFN and model.enrolled.get(sku))
        )
        new = Listing(
            sku=sku,
            marketplace=where,
            title=f"{sku} on {where.name}",
            price=Money("9.99", where.currency),
            channel=channel,
        )
        account = HOME_ONLY if home_only else SELLER
        before = self._statuses()
        if not allowed:
            with pytest.raises(RuleViolation):
                create_listing(self.catalog, account, new)
            return
        self.catalog = create_listing(self.catalog, account, new)
        model.listing[sku, where] = [channel, ACTIVE]
        after = self._statuses()
        assert {k: v for k, v in after.items() if k != (sku, where)} == {
            k: v for k, v in before.items() if k != (sku, where)
        }

    @rule(sku=st.sampled_from(SKUS), where=st.sampled_from(NA))
    def delete(self, sku, where):
        entry = self.model.listing.get((sku, where))
        if entry is None:
            with pytest.raises(RuleViolation):
                delete_listing(self.catalog, sku, where)
            return
        before = self._statuses()
        self.catalog = delete_listing(self.catalog, sku, where)
        entry[1] = DELETED
        after = self._statuses()
        # A deletion stays in its marketplace.
        assert after[sku, where] is DELETED
        assert {k: v for k, v in after.items() if k != (sku, where)} == {
            k: v for k, v in before.items() if k != (sku, where)
        }

    @rule(sku=st.sampled_from(SKUS), units=st.integers(0, 8))
    def set_quantity(self, sku, units):
        model = self.model
        if units and model.enrolled.get(sku) and model.merchant(sku):
            # An enrolled SKU's merchant-fulfilled offer stays at 0.
            with pytest.raises(RuleViolation):
                set_mfn_quantity(self.catalog, sku, units)
            return
        before = self._statuses()
        self.catalog = set_mfn_quantity(self.catalog, sku, units)
        self.model.mfn[sku] = units
        self.model.mfn_set[sku] = units
        self.model.sold_mfn[sku] = 0
        after = self._statuses()
        for (other, where), status in before.items():
            entry = self.model.listing.get((other, where))
            if other != sku or entry is None or entry[0] is FBA:
                assert after[other, where] is status
            elif units == 0 and entry[1] is ACTIVE:
                # The zero-quantity exception: off offer, not deleted.
                assert after[other, where] is INACTIVE

    @rule(
        sku=st.sampled_from(SKUS),
        where=st.sampled_from(NA),
        units=st.integers(1, 6),
    )
    def sell(self, sku, where, units):
        model = self.model
        entry = model.listing.get((sku, where))
        available = model.available(sku, where)
        pools = dict(self.catalog.record(sku).fba)
        edition = self.edition
        if available < units or model.status(sku, where) is not ACTIVE:
            with pytest.raises(RuleViolation):
                record_sale(self.catalog, sku, where, units, edition=edition)
            outcome = evaluate_sale(
                self.catalog, sku, where, units, edition=edition
            ).outcome
            local = model.local(sku, where)
            assert outcome is (
                Outcome.UNDETERMINED
                if local and units <= available + local
                else Outcome.DENIED
            )
            return
        self.catalog = record_sale(
            self.catalog, sku, where, units, edition=edition
        )
        if entry[0] is MFN:
            model.mfn[sku] -= units
            model.sold_mfn[sku] += units
            assert dict(self.catalog.record(sku).fba) == pools
        else:
            # The pool drawn from: the listing's own, or the US pool for
            # a SKU served there by Remote Fulfillment.
            pool = model.pool(sku, where)
            model.fba[sku, pool] -= units
            model.sold_fba[sku, pool] = (
                model.sold_fba.get((sku, pool), 0) + units
            )
            self._other_pools_unchanged(sku, pool, pools)

    @rule(
        sku=st.sampled_from(SKUS),
        where=st.sampled_from(NA),
        units=st.integers(1, 6),
    )
    def receive(self, sku, where, units):
        pools = dict(self.catalog.record(sku).fba)
        self.catalog = receive_fba_stock(self.catalog, sku, where, units)
        key = (sku, where)
        self.model.fba[key] = self.model.fba.get(key, 0) + units
        self.model.received[key] = self.model.received.get(key, 0) + units
        self._other_pools_unchanged(sku, where, pools)

    @rule(
        sku=st.sampled_from(SKUS),
        where=st.sampled_from(NA),
        cents=st.integers(1, 99_999),
    )
    def reprice(self, sku, where, cents):
        entry = self.model.listing.get((sku, where))
        price = Money(f"{cents // 100}.{cents % 100:02d}", where.currency)
        if entry is None or entry[1] is DELETED:
            with pytest.raises(RuleViolation):
                change_price(self.catalog, sku, where, price)
            return
        prices = {
            other: item.price
            for other in NA
            if (item := self.catalog.listing(sku, other)) is not None
        }
        self.catalog = change_price(self.catalog, sku, where, price)
        for other, old in prices.items():
            new = self.catalog.listing(sku, other).price
            assert new == (price if other is where else old)

    def _other_pools_unchanged(self, sku, where, pools):
        after = self.catalog.record(sku).fba
        for other in Marketplace:
            if other is not where:
                assert after.get(other) == pools.get(other)

    @invariant()
    def agrees_with_the_reference(self):
        table = availability_table(self.catalog, edition=self.edition).value
        for sku, where, units in table:
            assert units == self.model.available(sku, where)
        for (sku, where), status in self._statuses().items():
            assert status is self.model.status(sku, where)

    @invariant()
    def shared_pools_read_the_same_everywhere(self):
        table = availability_table(self.catalog, edition=self.edition).value
        for sku in SKUS:
            shown = {
                table.quantity(sku, where)
                for where in NA
                if self.model.listing.get((sku, where)) == [MFN, ACTIVE]
            }
            assert len(shown) <= 1

    @invariant()
    def units_are_conserved(self):
        for sku in SKUS:
            record = self.catalog.get(sku)
            if record is None:
                continue
            assert self.model.mfn_set[sku] == (
                self.model.sold_mfn[sku] + record.mfn.quantity
            )
            for where in NA:
                key = (sku, where)
                assert self.model.received.get(key, 0) == (
                    self.model.sold_fba.get(key, 0) + record.fba.get(where, 0)
                )

    @invariant()
    def no_quantity_is_negative(self):
        for record in self.catalog:
            assert record.mfn.quantity >= 0
            assert all(units >= 0 for units in record.fba.values())
            assert all(units >= 0 for units in record.sellable_quantities)


class RemoteFulfillmentMachine(InventoryMachine):
    """The same, under Remote Fulfillment with FBA, with enrolments.

    Enrolled SKUs' CA and MX FBA offers show and sell the US pool; every
    other offer keeps its own country's pool, as in the FAQ.
    """

    edition = REMOTE_FULFILLMENT

    @rule(
        sku=st.sampled_from(SKUS),
        where=st.frozensets(st.sampled_from((CA, MX)), min_size=1),
    )
    def enroll(self, sku, where):
        model = self.model
        self.catalog = enroll_remote_fulfillment(
            self.catalog, sku, where, edition=self.edition
        )
        if model.merchant(sku):
            # Issue 17: enrolment zeroes the merchant-fulfilled offer.
            model.mfn[sku] = model.mfn_set[sku] = model.sold_mfn[sku] = 0
        model.enrolled[sku] = model.enrolled.get(sku, frozenset()) | where

    @invariant()
    def enrolled_offers_show_the_us_pool_never_added(self):
        table = availability_table(self.catalog, edition=self.edition).value
        for sku, where, units in table:
            entry = self.model.listing.get((sku, where))
            if where in self.model.enrolled.get(sku, ()) and entry == [
                FBA,
                ACTIVE,
            ]:
                assert units == self.catalog.record(sku).fba.get(US, 0)


for machine in (InventoryMachine, RemoteFulfillmentMachine):
    machine.TestCase.settings = settings(stateful_step_count=30, deadline=None)
TestInventoryMachine = InventoryMachine.TestCase
TestRemoteFulfillmentMachine = RemoteFulfillmentMachine.TestCase
