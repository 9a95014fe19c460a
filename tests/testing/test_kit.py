"""The conformance kit: its example passes, and it catches broken components.

Each broken variant below breaks exactly one rule the way a real tool
might; the kit must fail it, naming that rule.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from unified_account import FulfillmentChannel
from unified_account.testing import (
    AccountInfoConformance,
    InventoryConformance,
    SaleRecorded,
)
from unified_account.testing.example import (
    AccountInfoStore,
    AccountInfoStoreConformance,
    InventorySync,
    InventorySyncConformance,
)

# Derandomized: the same sequences every run, so a broken variant that
# is caught today is caught on every machine.
KIT = settings(
    max_examples=100,
    stateful_step_count=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


class SalesStayInTheirMarketplace(InventorySync):
    """Keeps a copy of a shared pool per marketplace: sales never meet."""

    def __init__(self):
        super().__init__()
        self.sold = {}

    def sell(self, event):
        key = (event.sku, event.marketplace)
        if self.channels[key] is FulfillmentChannel.MFN:
            self.sold[key] = self.sold.get(key, 0) + event.quantity
        else:
            super().sell(event)

    def available(self, sku, marketplace):
        shown = super().available(sku, marketplace)
        if self.channels.get((sku, marketplace)) is FulfillmentChannel.MFN:
            return shown - self.sold.get((sku, marketplace), 0)
        return shown


class OnePoolForAllFba(InventorySync):
    """Adds every country's FBA stock together."""

    def available(self, sku, marketplace):
        if self.channels.get((sku, marketplace)) is FulfillmentChannel.FBA:
            return sum(units for (s, _), units in self.fba.items() if s == sku)
        return super().available(sku, marketplace)


class DeletesEverywhere(InventorySync):
    """Deleting one listing deletes the SKU's listings everywhere."""

    def apply(self, event):
        from unified_account.testing import ListingDeleted

        if isinstance(event, ListingDeleted):
            for key in [k for k in self.channels if k[0] == event.sku]:
                del self.channels[key]
            return
        super().apply(event)


class CustomisationLeaks(AccountInfoStore):
    """A customisation in one marketplace becomes everyone's default."""

    def apply(self, event):
        from unified_account.testing import InfoCustomised

        super().apply(event)
        if isinstance(event, InfoCustomised):
            self.registration = event.info


class ResetForgetsEverything(AccountInfoStore):
    """Resetting one marketplace resets them all."""

    def apply(self, event):
        from unified_account.testing import InfoReset

        super().apply(event)
        if isinstance(event, InfoReset):
            self.custom.clear()


# Finding the failure is the point; shrinking it would only cost time.
CATCH = settings(
    KIT, max_examples=300, phases=[Phase.explicit, Phase.reuse, Phase.generate]
)


def machine(base, component):
    return type(
        f"{component.__name__}Conformance",
        (base,),
        {"make_component": lambda self: component()},
    )


def test_the_example_inventory_sync_conforms():
    """The documented example passes the inventory machine."""
    run_state_machine_as_test(InventorySyncConformance, settings=KIT)


def test_the_example_account_store_conforms():
    """The documented example passes the account machine."""
    run_state_machine_as_test(AccountInfoStoreConformance, settings=KIT)


@pytest.mark.parametrize(
    ("base", "component", "rule"),
    [
        (InventoryConformance, SalesStayInTheirMarketplace, "mfn-inventory"),
        (InventoryConformance, OnePoolForAllFba, "fba-pool-separation"),
        (
            InventoryConformance,
            DeletesEverywhere,
            "marketplace-specific-deletion",
        ),
        (AccountInfoConformance, CustomisationLeaks, "account-info-defaults"),
        (
            AccountInfoConformance,
            ResetForgetsEverything,
            "account-info-defaults",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_the_kit_catches_a_component_breaking_each_rule(base, component, rule):
    """A broken variant fails, and the failure names the broken rule."""
    with pytest.raises(AssertionError, match=f"^{rule}: "):
        run_state_machine_as_test(machine(base, component), settings=CATCH)


def test_a_machine_without_a_component_says_what_is_missing():
    """Forgetting ``make_component`` is a clear error, not a silent pass."""
    with pytest.raises(NotImplementedError, match="make_component"):
        run_state_machine_as_test(InventoryConformance, settings=KIT)


def test_the_events_are_only_steps_the_rules_allowed():
    """A sale the rules refuse never reaches the component."""
    sales = []

    class Recording(InventorySync):
        def apply(self, event):
            if isinstance(event, SaleRecorded):
                shown = self.available(event.sku, event.marketplace)
                assert shown >= event.quantity, event
                sales.append(event)
            super().apply(event)

    run_state_machine_as_test(
        machine(InventoryConformance, Recording), settings=KIT
    )
    assert sales, "the machine never recorded a sale"
