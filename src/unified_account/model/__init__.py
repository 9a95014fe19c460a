"""Frozen values: marketplaces, money, seller accounts (one module each)."""
