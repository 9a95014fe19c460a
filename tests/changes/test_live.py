"""The live report equals the batch report, after any changes.

A stateful property (Hypothesis's rule-based state machine): from any
generated seller, in any edition, after any drawn sequence of
notifications (the four types Amazon sends) and what-if actions, the
live report's findings are ``build_report``'s on the snapshot it holds,
and the diffs it gave, applied in order to its first findings, give the
same set.  A change the rules or the reader refuse leaves it as it was,
and the plain transition refuses it too.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from unified_account import (
    EDITIONS,
    FAQ,
    Marketplace,
    build_report,
    example_snapshot,
)
from unified_account import strategies as ua
from unified_account.changes.live import LiveReport
from unified_account.changes.plan import (
    DeleteListing,
    ReceiveFbaStock,
    RecordSale,
    SetMfnQuantity,
    TurnOnMarketplace,
)
from unified_account.decision import RuleViolation
from unified_account.errors import InvalidValueError, UnifiedAccountError
from unified_account.spapi import apply_notification

MARKETS = (Marketplace.US, Marketplace.CA, Marketplace.MX, Marketplace.BR)
STRANGERS = ("NEW-SKU-1", "NEW-SKU-2")


def mfn(sku, quantity):
    return {
        "NotificationType": "LISTINGS_ITEM_MFN_QUANTITY_CHANGE",
        "Payload": {
            "SellerId": "A1EXAMPLEUS",
            "FulfillmentChannelCode": "DEFAULT",
            "Sku": sku,
            "Quantity": quantity,
        },
    }


def status(sku, market, buyable):
    return {
        "NotificationType": "LISTINGS_ITEM_STATUS_CHANGE",
        "Payload": {
            "SellerId": "A1EXAMPLEUS",
            "MarketplaceId": market.id,
            "Asin": "B0000000A1",
            "Sku": sku,
            "CreatedDate": "2026-01-01T00:00:00Z",
            "Status": ["BUYABLE"] if buyable else [],
        },
    }


def fba(sku, pools):
    return {
        "NotificationType": "FBA_INVENTORY_AVAILABILITY_CHANGES",
        "Payload": {
            "SellerId": "A1EXAMPLEUS",
            "FNSKU": "X000000001",
            "ASIN": "B0000000A1",
            "SKU": sku,
            "FulfillmentInventoryByMarketplace": [
                {
                    "MarketplaceId": m.id,
                    "ItemName": sku,
                    "FulfillmentInventory": {"Fulfillable": units},
                    "Stores": [],
                }
                for m, units in pools.items()
            ],
        },
    }


def order(order_id, market, status_, channel):
    return {
        "NotificationType": "ORDER_CHANGE",
        "Payload": {
            "OrderChangeNotification": {
                "AmazonOrderId": order_id,
                "Summary": {
                    "MarketplaceId": market.id,
                    "OrderStatus": status_,
                    "PurchaseDate": "2026-07-01T00:00:00Z",
                    "FulfillmentType": channel,
                },
            }
        },
    }


class LiveEqualsBatch(RuleBasedStateMachine):
    """Live and batch agree after every step."""

    @initialize(
        snapshot=st.one_of(st.just(example_snapshot()), ua.snapshots()),
        edition=ua.editions(),
    )
    def start(self, snapshot, edition):
        self.live = LiveReport(snapshot, edition=edition)
        self.edition = edition
        self.folded = self.live.findings

    def skus(self):
        return sorted(self.live.snapshot.catalog.skus.keys())

    def step(self, change, plain):
        """Apply ``change``; a refusal must be the plain path's too."""
        before = self.live
        try:
            live, diff = before.apply(change)
        except UnifiedAccountError as error:
            with pytest.raises(type(error)):
                plain(before.snapshot)
            assert self.live is before
            return
        self.live = live
        self.folded = diff.apply(self.folded)
        assert live.snapshot == plain(before.snapshot)

    @rule(data=st.data(), quantity=st.integers(0, 40))
    def mfn_quantity(self, data, quantity):
        sku = data.draw(st.sampled_from([*self.skus(), *STRANGERS]))
        note = mfn(sku, quantity)
        self.step(note, lambda s: apply_notification(s, note))

    @precondition(lambda self: self.skus())
    @rule(data=st.data(), buyable=st.booleans())
    def listing_status(self, data, buyable):
        sku = data.draw(st.sampled_from(self.skus()))
        market = data.draw(st.sampled_from(MARKETS))
        note = status(sku, market, buyable)
        self.step(note, lambda s: apply_notification(s, note))

    @rule(data=st.data())
    def fba_availability(self, data):
        sku = data.draw(st.sampled_from([*self.skus(), *STRANGERS]))
        markets = data.draw(
            st.lists(st.sampled_from(MARKETS[:3]), unique=True, min_size=1)
        )
        pools = {m: data.draw(st.integers(0, 30)) for m in markets}
        note = fba(sku, pools)
        self.step(note, lambda s: apply_notification(s, note))

    @rule(
        order_id=st.sampled_from(["111-0000000-0000001", "702-0000000-0002"]),
        market=st.sampled_from(MARKETS[:3]),
        status_=st.sampled_from(["Pending", "Shipped", "Canceled"]),
        channel=st.sampled_from(["MFN", "AFN"]),
    )
    def order_change(self, order_id, market, status_, channel):
        note = order(order_id, market, status_, channel)
        self.step(note, lambda s: apply_notification(s, note))

    @precondition(lambda self: self.skus())
    @rule(data=st.data())
    def action(self, data):
        sku = data.draw(st.sampled_from(self.skus()))
        market = data.draw(st.sampled_from(MARKETS[:3]))
        quantity = data.draw(st.integers(0, 20))
        action = data.draw(
            st.sampled_from(
                [
                    SetMfnQuantity(sku=sku, quantity=quantity),
                    ReceiveFbaStock(
                        sku=sku, marketplace=market, quantity=quantity
                    ),
                    RecordSale(sku=sku, marketplace=market, quantity=quantity),
                    DeleteListing(sku=sku, marketplace=market),
                ]
            )
        )

        def plain(snapshot):
            decision = action.decide(snapshot, self.edition)
            if not decision.allowed:
                raise RuleViolation(decision)
            return action.apply(snapshot, self.edition)

        self.step(action, plain)

    @rule(market=st.sampled_from(MARKETS))
    def turn_on(self, market):
        action = TurnOnMarketplace(marketplace=market)

        def plain(snapshot):
            decision = action.decide(snapshot, self.edition)
            if not decision.allowed:
                raise RuleViolation(decision)
            return action.apply(snapshot, self.edition)

        self.step(action, plain)

    @invariant()
    def equals_the_batch_report(self):
        batch = build_report(self.live.snapshot, edition=self.edition)
        assert self.live.report() == batch
        assert set(self.folded) == set(batch.findings)


# The profile's number of examples (dev 100, ci 300), each a run of steps.
LiveEqualsBatch.TestCase.settings = settings(
    settings(),
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLiveEqualsBatch = LiveEqualsBatch.TestCase


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_every_edition_starts_equal(edition):
    live = LiveReport(example_snapshot(), edition=EDITIONS[edition])
    assert live.report() == build_report(
        example_snapshot(), edition=EDITIONS[edition]
    )


def test_as_of_dates_the_snapshot():
    from datetime import date

    live = LiveReport(example_snapshot(), as_of=date(2026, 8, 1))
    assert live.snapshot.as_of == date(2026, 8, 1)
    assert live.report() == build_report(
        attrs.evolve(example_snapshot(), as_of=date(2026, 8, 1))
    )


def test_a_notification_gives_the_diff_of_its_sku():
    live = LiveReport(example_snapshot())
    after, diff = live.apply(mfn("MUG-CERAMIC-12", 0))
    assert [f.subject.path for f in diff.appeared] == ["sku:MUG-CERAMIC-12"]
    assert [c.key for c in diff.changed] != []
    assert live.snapshot == example_snapshot()  # a value: left as it was
    assert after.report() == build_report(after.snapshot)


def test_a_refused_action_raises_its_decision():
    live = LiveReport(example_snapshot())
    with pytest.raises(RuleViolation):
        live.apply(TurnOnMarketplace(marketplace=Marketplace.BR))


def test_only_notifications_and_actions_apply():
    """A value of neither type is refused as every method refuses one."""
    from unified_account.errors import InvalidArgumentError

    live = LiveReport(example_snapshot())
    with pytest.raises(InvalidArgumentError) as raised:
        live.apply("LISTINGS_ITEM_MFN_QUANTITY_CHANGE")
    assert (raised.value.function, raised.value.field) == (
        "LiveReport.apply",
        "change",
    )


def test_a_look_alike_of_an_action_is_not_one():
    """Shaped as an action (the protocol), but none of the plan's."""

    class LookAlike:
        name = "look-alike"

        def decide(self, snapshot, edition):  # pragma: no cover
            raise AssertionError("never asked")

        def apply(self, snapshot, edition):  # pragma: no cover
            raise AssertionError("never applied")

    live = LiveReport(example_snapshot())
    with pytest.raises(InvalidValueError, match="neither a notification"):
        live.apply(LookAlike())


def test_a_live_report_needs_a_snapshot_and_an_edition():
    with pytest.raises(InvalidValueError, match="is not a Snapshot"):
        LiveReport({})
    with pytest.raises(InvalidValueError, match="is not an Edition"):
        LiveReport(example_snapshot(), edition="faq")


def test_an_unnamed_catalogue_change_rebuilds(monkeypatch):
    """A notification without a SKU that still changed the catalogue."""
    from unified_account.changes import live as module

    monkeypatch.setattr(module, "_notification_skus", lambda note: ())
    live = LiveReport(example_snapshot(), edition=FAQ)
    after, diff = live.apply(mfn("MUG-CERAMIC-12", 0))
    assert after.report() == build_report(after.snapshot)
    assert diff.appeared


def test_a_change_of_another_sku_than_the_one_named_rebuilds(monkeypatch):
    """The SKU named is unchanged, another changed: nothing is trusted."""
    from unified_account.changes import live as module

    snapshot = example_snapshot()
    other = next(
        sku for sku in snapshot.catalog.skus if sku != "MUG-CERAMIC-12"
    )
    monkeypatch.setattr(module, "_notification_skus", lambda note: (other,))
    live = LiveReport(snapshot, edition=FAQ)
    after, diff = live.apply(mfn("MUG-CERAMIC-12", 0))
    assert after.report() == build_report(after.snapshot)
    assert diff.appeared


def test_the_last_active_listing_of_a_marketplace_going_off_offer():
    """The active marketplaces change: the money findings are redone."""
    from datetime import date

    from unified_account.model.catalog import Catalog

    seller = example_snapshot()
    mug = seller.catalog.record("MUG-CERAMIC-12")
    alone = attrs.evolve(
        seller, catalog=Catalog([mug]), as_of=date(2026, 7, 1)
    )
    live = LiveReport(alone, edition=EDITIONS["split-subscription"])
    after, _ = live.apply(mfn("MUG-CERAMIC-12", 0))
    assert after.report() == build_report(
        after.snapshot, edition=EDITIONS["split-subscription"]
    )
    again, _ = after.apply(mfn("MUG-CERAMIC-12", 100))
    assert again.report() == live.report()


def test_a_created_listing_is_indexed_under_its_sku():
    from unified_account.changes.plan import CreateListing
    from unified_account.model.listing import FulfillmentChannel, Listing
    from unified_account.model.money import Money

    listing = Listing(
        sku="MUG-NEW",
        marketplace=Marketplace.CA,
        title="Mug",
        price=Money("10.00", "CAD"),
        channel=FulfillmentChannel.FBA,
    )
    live = LiveReport(example_snapshot())
    after, diff = live.apply(CreateListing(listing=listing))
    assert after.report() == build_report(after.snapshot)
    assert {f.subject.sku for f in diff.appeared} == {"MUG-NEW"}


def test_a_sku_the_catalogue_lacks_has_no_findings():
    from unified_account.report import sku_findings

    assert sku_findings(example_snapshot(), "NO-SUCH-SKU") == ()


def test_an_action_without_a_sku_redoes_the_other_findings():
    from unified_account.changes.plan import RequestStorefrontLink
    from unified_account.model.storefront import StorefrontLink

    link = StorefrontLink("https://www.amazon.com/shops/harborlane")
    live = LiveReport(example_snapshot())
    after, diff = live.apply(
        RequestStorefrontLink(marketplace=Marketplace.US, link=link)
    )
    assert after.report() == build_report(after.snapshot)
    assert len(after.snapshot.storefront_requests) == 1 + len(
        live.snapshot.storefront_requests
    )
    assert set(diff.apply(live.findings)) == set(after.findings)


def test_a_skus_findings_are_the_reports_about_it():
    from unified_account.report import sku_findings

    report = build_report(example_snapshot())
    about = tuple(
        f for f in report.findings if f.subject.sku == "BOTTLE-STEEL-750"
    )
    assert sku_findings(example_snapshot(), "BOTTLE-STEEL-750") == about


def test_a_sku_gone_from_the_catalogue_takes_its_findings():
    """No transition removes a SKU; should one, the index follows."""
    from unified_account.model.catalog import Catalog

    seller = example_snapshot()
    live = LiveReport(seller)
    kept = [r for r in seller.catalog if r.sku != "CANDLE-SOY-8"]
    after, diff = live._moved(
        attrs.evolve(seller, catalog=Catalog(kept)), ["CANDLE-SOY-8"]
    )
    assert after.report() == build_report(after.snapshot)
    assert {f.subject.sku for f in diff.resolved} == {"CANDLE-SOY-8"}
    assert after == LiveReport(after.snapshot)  # no trace of the SKU
