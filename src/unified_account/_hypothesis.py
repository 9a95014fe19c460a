"""The ``hypothesis`` entry point: a strategy for every public type.

Hypothesis runs :func:`_hypothesis_setup_hook` when it is imported (see
its "Registering strategies via setuptools entry points"), so
``st.from_type(T)`` works for every public type ``T`` of
:mod:`unified_account` with nothing else to do.  Without Hypothesis this
module is never imported, so it costs nothing.

The hook registers *deferred* strategies and imports
:mod:`unified_account.strategies` only when one is first used: the hook
may run while that package is itself importing Hypothesis, and must not
read it half-built.  Set ``HYPOTHESIS_NO_PLUGINS=1`` to turn the hook
off.
"""

from __future__ import annotations

import typing
from typing import Any

__all__ = ["public_types", "spapi_types"]


def public_types() -> tuple[Any, ...]:
    """The classes and ``NewType`` names of :mod:`unified_account`'s API.

    Exceptions are left out: they are raised, not generated.
    """
    import unified_account

    found = []
    for name in unified_account.__all__:
        value = getattr(unified_account, name)
        if isinstance(value, typing.NewType) or (
            isinstance(value, type) and not issubclass(value, BaseException)
        ):
            found.append(value)
    return tuple(found)


def spapi_types() -> tuple[Any, ...]:
    """The SP-API adapters' input shapes (``TypedDict``) and results."""
    from .spapi import (
        Assembly,
        FbaStock,
        FeeEstimates,
        ListingsItem,
        ListingsReport,
        OrderList,
        OrdersReport,
        Participations,
        SellersAccount,
        fba_inventory,
        fees,
        listings,
        notifications,
        orders,
        sellers,
    )

    shapes = [
        value
        for module in (
            fba_inventory,
            fees,
            listings,
            notifications,
            orders,
            sellers,
        )
        for name, value in vars(module).items()
        if name.endswith("Shape") and isinstance(value, type)
    ]
    return (
        *shapes,
        Assembly,
        FbaStock,
        fba_inventory.StockRow,
        FeeEstimates,
        ListingsItem,
        ListingsReport,
        OrderList,
        OrdersReport,
        Participations,
        SellersAccount,
    )


def _strategy(kind: Any) -> Any:
    from .strategies._registry import strategy_for

    return strategy_for(kind)


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    for kind in (*public_types(), *spapi_types()):
        st.register_type_strategy(kind, _registration(st, kind))


def _registration(st: Any, kind: Any) -> Any:
    from .decision import Resolved

    if kind is Resolved:
        # Generic: the callable receives ``Resolved[T]`` and builds ``T``.
        return _strategy
    return st.deferred(lambda: _strategy(kind))
