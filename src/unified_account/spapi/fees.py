"""Product Fees API v0: ``getMyFeesEstimate(s)``.

Each ``FeesEstimateResult`` becomes a
:class:`~unified_account.model.imports.FeeEstimate`: the item
(``IdValue``), the sale marketplace, the listing price and
``TotalFeesEstimate``, all in that marketplace's currency
(``per-item-fees-by-sale-marketplace``).

**The one place a JSON number is money.**  Product Fees writes
``Amount`` as a JSON number (``3.0``), unlike every other SP-API money,
which is a decimal string.  To keep it exact, parse the response with
``json.loads(text, parse_float=decimal.Decimal)``: the adapter reads a
``Decimal`` (or an ``int``) as the number's own text and refuses a
``float``, whose digits are already rounded.

>>> import json
>>> from decimal import Decimal
>>> text = '''[{"Status": "Success",
...   "FeesEstimateIdentifier": {"MarketplaceId": "A2EUQ1WTGCTBG2",
...     "IdType": "SellerSKU", "IdValue": "MUG-1",
...     "PriceToEstimateFees": {"ListingPrice":
...         {"CurrencyCode": "CAD", "Amount": 24.99}}},
...   "FeesEstimate": {"TotalFeesEstimate":
...         {"CurrencyCode": "CAD", "Amount": 4.10}}}]'''
>>> read = read_fees_estimates(json.loads(text, parse_float=Decimal))
>>> str(read.estimates[0].total)
'CAD 4.10'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

import attrs

from ..model.imports import FeeEstimate, SetAside, SetAsideReason
from ._common import Read, classify
from ._json import array, at, join, json_number, money, need, obj, text
from ._pages import document, pages

__all__ = ["FeeEstimates", "FeesEstimateResultShape", "read_fees_estimates"]

SOURCE = "fees"


class MoneyTypeShape(TypedDict):
    """``MoneyType``: ``Amount`` is a JSON number (read as ``Decimal``)."""

    CurrencyCode: str
    Amount: Any


class FeesEstimateResultShape(TypedDict):
    """``FeesEstimateResult`` (the fields read)."""

    Status: str
    FeesEstimateIdentifier: dict[str, Any]
    FeesEstimate: NotRequired[dict[str, Any]]


@attrs.frozen
class FeeEstimates(Read):
    """The estimates of one response, in payload order."""

    estimates: tuple[FeeEstimate, ...] = ()


def _results(response: object) -> tuple[list[tuple[Any, str]], str]:
    if isinstance(response, Mapping):
        payload = response.get("payload", response)
        where = "payload" if "payload" in response else ""
        payload = obj(payload, where)
        if "FeesEstimateResult" in payload:
            return [
                (
                    payload["FeesEstimateResult"],
                    join(where, "FeesEstimateResult"),
                )
            ], where
        return [(payload, where)], where
    items = array(response, "")
    found: list[tuple[Any, str]] = []
    for index, item in enumerate(items):
        item_path = join("", index)
        found.append((item, item_path))
    return found, ""


def _one(raw: object, path: str) -> FeeEstimate | SetAside:
    result = obj(raw, path)
    status = text(need(result, "Status", path), join(path, "Status"))
    ident_path = join(path, "FeesEstimateIdentifier")
    ident = obj(need(result, "FeesEstimateIdentifier", path), ident_path)
    reference = text(
        need(ident, "IdValue", ident_path), join(ident_path, "IdValue")
    )
    if status != "Success":
        return SetAside(
            source=SOURCE,
            path=path,
            subject=reference,
            reason=SetAsideReason.FEE_ESTIMATE_FAILED,
            detail=status,
        )
    found = classify(
        need(ident, "MarketplaceId", ident_path),
        join(ident_path, "MarketplaceId"),
        SOURCE,
    )
    if isinstance(found, SetAside):
        return found
    price_path = join(ident_path, "PriceToEstimateFees")
    prices = obj(need(ident, "PriceToEstimateFees", ident_path), price_path)
    price = money(
        need(prices, "ListingPrice", price_path),
        join(price_path, "ListingPrice"),
        "Amount",
        "CurrencyCode",
        json_number,
    )
    estimate_path = join(path, "FeesEstimate")
    estimate = obj(need(result, "FeesEstimate", path), estimate_path)
    total_path = join(estimate_path, "TotalFeesEstimate")
    total = money(
        need(estimate, "TotalFeesEstimate", estimate_path),
        total_path,
        "Amount",
        "CurrencyCode",
        json_number,
    )
    return at(
        total_path,
        FeeEstimate,
        marketplace=found,
        reference=reference,
        price=price,
        total=total,
    )


def read_fees_estimates(response: object) -> FeeEstimates:
    """Read a ``getMyFeesEstimate(s)`` response (one result or a list).

    A result whose ``Status`` is not ``Success`` and one for a marketplace
    outside North America are set aside with their reason.  In any form
    the adapters accept (see :mod:`unified_account.spapi`); amounts as
    ``Decimal``, ``int`` or a float that is its JSON text
    (:func:`~unified_account.spapi._json.json_number`).
    """
    found = pages(response, _read, listed=True)
    if found is None:
        return _read(document(response))
    return FeeEstimates(
        estimates=tuple(e for read in found for e in read.estimates),
        set_aside=[note for read in found for note in read.set_aside],
    )


def _read(response: object) -> FeeEstimates:
    estimates: list[FeeEstimate] = []
    notes: list[SetAside] = []
    results, _ = _results(response)
    for raw, path in results:
        read = _one(raw, path)
        if isinstance(read, SetAside):
            notes.append(read)
        else:
            estimates.append(read)
    return FeeEstimates(estimates=tuple(estimates), set_aside=notes)
