"""Selling Partner API adapters."""

from .orders import order_from_2026, order_from_v0

__all__ = ["order_from_2026", "order_from_v0"]
