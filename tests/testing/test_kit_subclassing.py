"""Subclassing the kit: a machine without a component says what to do."""

import pytest

from unified_account.testing import (
    AccountInfoConformance,
    InventoryConformance,
)


@pytest.mark.parametrize("kit", [AccountInfoConformance, InventoryConformance])
def test_a_machine_without_make_component_asks_for_it(kit):
    """``make_component`` is the one method a subclass must write."""
    forgotten = type("Forgotten", (kit,), {})
    with pytest.raises(
        NotImplementedError, match=r"^implement make_component\(\)$"
    ):
        forgotten()
