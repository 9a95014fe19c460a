"""Synthetic seller snapshots of any size, the same for the same size.

The catalogue mix is the one ``bench_inventory.py`` has always used (see
its ``rows``); the account is the bundled example seller's, so every
account, money and brand rule applies too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_inventory import CURRENCY, rows

from unified_account.snapshot import example_text


def sku_documents(count: int, start: int = 0) -> Iterator[dict[str, Any]]:
    """The catalogue's SKUs as snapshot JSON objects."""
    for sku, asin, mfn, separate, fba, listings in rows(count, start):
        arrangement = "separate" if separate else "shared"
        pool: dict[str, Any] = {"arrangement": arrangement, "quantity": mfn}
        if separate is not None:
            pool["marketplace"] = separate
        document: dict[str, Any] = {"sku": sku, "asin": asin, "mfn": pool}
        if fba:
            document["fba"] = fba
        document["listings"] = {
            code: {
                "title": title,
                "price": {"amount": price, "currency": CURRENCY[code]},
                "channel": channel,
                "status": status,
            }
            for code, title, price, channel, status in listings
        }
        yield document


def snapshot_document(count: int, start: int = 0) -> dict[str, Any]:
    """A whole snapshot with ``count`` SKUs."""
    document = json.loads(example_text())
    document["catalog"] = {"skus": list(sku_documents(count, start))}
    return document


def write_snapshot(path: Path, count: int, start: int = 0) -> Path:
    """Write the ``count``-SKU snapshot to ``path`` (once), streaming."""
    if path.exists():
        return path
    head = json.loads(example_text())
    head.pop("catalog", None)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head)[:-1] + ', "catalog": {"skus": [')
        for index, sku in enumerate(sku_documents(count, start)):
            out.write(("," if index else "") + json.dumps(sku))
        out.write("]}}\n")
    partial.rename(path)
    return path


# The shapes a benchmark runs on: name -> writer of a snapshot of that
# many SKUs at the given path.  Only the current generator for now.
SHAPES: dict[str, Callable[[Path, int], Path]] = {"plain": write_snapshot}
