"""Synthetic seller snapshots of any size, the same for the same size.

:data:`SHAPES` names each shape of seller the benchmarks run on; each
writes a snapshot of a given number of SKUs (once) and returns its path:

- ``plain``: the catalogue mix ``bench_inventory.py`` has always used
  (see its ``rows``), no listing attributes, the example seller's
  orders;
- ``attributes``: attribute-rich, as sellers' own data is: every SKU
  listed in US, CA and MX with a brand (one of 500), a model number, a
  colour with its language tag and a size; one order per ten SKUs, in
  every order status;
- ``import``: what ``unified-account import-spapi`` writes for the
  attribute-rich seller, made by running the command on SP-API-shaped
  inputs (:func:`write_spapi_inputs`): Listings Items search results,
  FBA inventory per marketplace, the account and the orders.

The account is the bundled example seller's (or, for ``import``, the
one its SP-API account document gives), so every account, money and
brand rule applies too.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_inventory import CODES, CURRENCY, rows

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


BRANDS = tuple(f"Brand {n:03d}" for n in range(500))
LANGUAGE = {"US": "en_US", "CA": "fr_CA", "MX": "es_MX"}
COLOURS = {
    "en_US": ("Black", "White", "Navy", "Red", "Green"),
    "fr_CA": ("Noir", "Blanc", "Marine", "Rouge", "Vert"),
    "es_MX": ("Negro", "Blanco", "Marino", "Rojo", "Verde"),
}
SIZES = ("S", "M", "L", "XL", "12 oz", "750 ml")
ORDER_STATUSES = (
    "pending-availability",
    "pending",
    "unshipped",
    "partially-shipped",
    "shipped",
    "invoice-unconfirmed",
    "canceled",
    "unfulfillable",
)


def _attribute_listings(
    i: int, listings: list[tuple[str, str, str, str, str]]
) -> list[tuple[str, str, str, str, str]]:
    """``listings`` in all of US, CA and MX (a missing one: merchant's)."""
    have = {listing[0]: listing for listing in listings}
    cents = 99 + (i % 9000) * 100
    price = f"{cents // 100}.{cents % 100:02d}"
    return [
        have.get(code, (code, f"Item {i} ({code})", price, "mfn", "active"))
        for code in CODES
    ]


def _key_attributes(i: int, code: str) -> dict[str, Any]:
    """Brand, model number, a colour in the marketplace's language, size.

    One ASIN in fifty has a Mexican model number of its own: its
    listings differ, as some sellers' do.
    """
    language = LANGUAGE[code]
    model = f"MD-{i % 100000:05d}"
    if i % 50 == 3 and code == "MX":
        model += "-MX"
    return {
        "brand": BRANDS[i % len(BRANDS)],
        "model_number": model,
        "color": {"value": COLOURS[language][i % 5], "language_tag": language},
        "size": SIZES[i % len(SIZES)],
    }


def attribute_documents(
    count: int, start: int = 0
) -> Iterator[dict[str, Any]]:
    """The attribute-rich catalogue's SKUs as snapshot JSON objects."""
    for i, (sku, asin, mfn, _, fba, listings) in enumerate(
        rows(count, start), start
    ):
        document: dict[str, Any] = {
            "sku": sku,
            "asin": asin,
            "mfn": {"arrangement": "shared", "quantity": mfn},
        }
        if fba:
            document["fba"] = fba
        document["listings"] = {
            code: {
                "title": title,
                "price": {"amount": price, "currency": CURRENCY[code]},
                "channel": channel,
                "status": status,
                "attributes": _key_attributes(i, code),
            }
            for code, title, price, channel, status in _attribute_listings(
                i, listings
            )
        }
        yield document


def _order_id(n: int) -> str:
    return f"{111 + n % 3}-{n % 10**7:07d}-{(n * 7919) % 10**7:07d}"


def order_documents(count: int) -> Iterator[dict[str, Any]]:
    """One order per ten SKUs, at least one in each status and marketplace."""
    for n in range(max(len(ORDER_STATUSES), count // 10)):
        code = CODES[n % 3]
        status = ORDER_STATUSES[n % len(ORDER_STATUSES)]
        cents = 499 + (n % 5000) * 100
        yield {
            "order_id": _order_id(n),
            "marketplace": code,
            "purchased_at": f"2026-07-{1 + n % 14:02d}T{n % 24:02d}:15:00Z",
            "total": (
                None
                if status == "pending"
                else {
                    "amount": f"{cents // 100}.{cents % 100:02d}",
                    "currency": CURRENCY[code],
                }
            ),
            "fulfillment": "fba" if n % 4 == 1 else "mfn",
            "status": status,
        }


def _write_streaming(
    path: Path, head: dict[str, Any], skus: Iterator[dict[str, Any]]
) -> Path:
    """Write ``head`` with ``skus`` as its catalogue, via a partial file."""
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head)[:-1] + ', "catalog": {"skus": [')
        for index, sku in enumerate(skus):
            out.write(("," if index else "") + json.dumps(sku))
        out.write("]}}\n")
    partial.rename(path)
    return path


def write_attributes(path: Path, count: int) -> Path:
    """Write the attribute-rich ``count``-SKU snapshot to ``path`` (once)."""
    if path.exists():
        return path
    head = json.loads(example_text())
    head.pop("catalog", None)
    head["orders"] = [*head["orders"], *order_documents(count)]
    head["brands"] = [
        *head["brands"],
        *(
            {"brand": brand, "approved": list(CODES[: 1 + n % 3])}
            for n, brand in enumerate(BRANDS)
        ),
    ]
    return _write_streaming(path, head, attribute_documents(count))


MARKETPLACE_ID = {
    "US": "ATVPDKIKX0DER",
    "CA": "A2EUQ1WTGCTBG2",
    "MX": "A1AM78C64UM0Y8",
}
_V0_STATUS = {
    "pending-availability": "PendingAvailability",
    "pending": "Pending",
    "unshipped": "Unshipped",
    "partially-shipped": "PartiallyShipped",
    "shipped": "Shipped",
    "invoice-unconfirmed": "InvoiceUnconfirmed",
    "canceled": "Canceled",
    "unfulfillable": "Unfulfillable",
}
_SALES_CHANNEL = {"US": "Amazon.com", "CA": "Amazon.ca", "MX": "Amazon.com.mx"}


def _spapi_attributes(i: int) -> dict[str, list[dict[str, Any]]]:
    """An ``Item``'s ``attributes``: each value for each marketplace."""
    attributes: dict[str, list[dict[str, Any]]] = {}
    for code in CODES:
        market = MARKETPLACE_ID[code]
        for name, value in _key_attributes(i, code).items():
            entry: dict[str, Any] = {"marketplace_id": market}
            if isinstance(value, dict):
                entry.update(value)
            else:
                entry["value"] = value
            attributes.setdefault(name, []).append(entry)
    attributes["bullet_point"] = [
        {
            "value": f"Bullet {i}",
            "language_tag": "en_US",
            "marketplace_id": MARKETPLACE_ID["US"],
        }
    ]
    return attributes


def spapi_items(count: int) -> Iterator[dict[str, Any]]:
    """The attribute-rich catalogue as Listings Items API ``Item`` objects."""
    for document in attribute_documents(count):
        listings = document["listings"]
        fba = "fba" in {listing["channel"] for listing in listings.values()}
        i = int(document["sku"][4:])
        availability = [
            {
                "fulfillmentChannelCode": "DEFAULT",
                "quantity": document["mfn"]["quantity"],
            }
        ]
        if fba:
            availability.append({"fulfillmentChannelCode": "AMAZON_NA"})
        yield {
            "sku": document["sku"],
            "summaries": [
                {
                    "marketplaceId": MARKETPLACE_ID[code],
                    "asin": document["asin"],
                    "productType": "PRODUCT",
                    "status": (
                        ["BUYABLE", "DISCOVERABLE"]
                        if listing["status"] == "active"
                        else ["DISCOVERABLE"]
                    ),
                    "itemName": listing["title"],
                    "createdDate": "2026-03-01T10:00:00Z",
                    "lastUpdatedDate": "2026-06-01T10:00:00Z",
                }
                for code, listing in listings.items()
            ],
            "attributes": _spapi_attributes(i),
            "offers": [
                {
                    "marketplaceId": MARKETPLACE_ID[code],
                    "offerType": "B2C",
                    "price": {
                        "currencyCode": listing["price"]["currency"],
                        "amount": listing["price"]["amount"],
                    },
                }
                for code, listing in listings.items()
            ],
            "fulfillmentAvailability": availability,
        }


def _spapi_account() -> dict[str, Any]:
    return {
        "payload": {
            "businessType": "PRIVATE_LIMITED",
            "sellingPlan": "PROFESSIONAL",
            "marketplaceParticipationList": [
                {
                    "marketplace": {
                        "id": MARKETPLACE_ID[code],
                        "name": name,
                        "countryCode": code,
                        "domainName": domain,
                    },
                    "storeName": "Bench Goods",
                    "participation": {
                        "isParticipating": True,
                        "hasSuspendedListings": False,
                    },
                }
                for code, name, domain in (
                    ("US", "United States", "www.amazon.com"),
                    ("CA", "Canada", "www.amazon.ca"),
                    ("MX", "Mexico", "www.amazon.com.mx"),
                )
            ],
            "business": {
                "name": "Bench Goods LLC",
                "registeredBusinessAddress": {
                    "addressLine1": "1 Bench Street",
                    "city": "Seattle",
                    "stateOrProvinceCode": "WA",
                    "postalCode": "98101",
                    "countryCode": "US",
                },
            },
        }
    }


def _spapi_inventory(count: int, code: str) -> dict[str, Any]:
    summaries = []
    for document in attribute_documents(count):
        units = document.get("fba", {}).get(code)
        if units is None:
            continue
        summaries.append(
            {
                "asin": document["asin"],
                "fnSku": "X" + document["sku"][4:],
                "sellerSku": document["sku"],
                "condition": "NewItem",
                "inventoryDetails": {"fulfillableQuantity": units},
                "totalQuantity": units,
            }
        )
    return {
        "payload": {
            "granularity": {
                "granularityType": "Marketplace",
                "granularityId": MARKETPLACE_ID[code],
            },
            "inventorySummaries": summaries,
        },
        "pagination": {},
    }


def _spapi_orders(count: int) -> dict[str, Any]:
    orders = []
    for order in order_documents(count):
        code = order["marketplace"]
        raw: dict[str, Any] = {
            "AmazonOrderId": order["order_id"],
            "PurchaseDate": order["purchased_at"],
            "LastUpdateDate": order["purchased_at"],
            "OrderStatus": _V0_STATUS[order["status"]],
            "FulfillmentChannel": (
                "AFN" if order["fulfillment"] == "fba" else "MFN"
            ),
            "SalesChannel": _SALES_CHANNEL[code],
            "MarketplaceId": MARKETPLACE_ID[code],
            "OrderType": "StandardOrder",
        }
        if order["total"] is not None:
            raw["OrderTotal"] = {
                "CurrencyCode": order["total"]["currency"],
                "Amount": order["total"]["amount"],
            }
        orders.append(raw)
    return {"payload": {"Orders": orders}}


def write_spapi_inputs(folder: Path, count: int) -> list[str]:
    """SP-API-shaped files for the attribute-rich seller, in ``folder``.

    The arguments of ``unified-account import-spapi`` that read them
    (written once).
    """
    files = {
        "account.json": _spapi_account,
        "listings.json": lambda: {
            "numberOfResults": count,
            "items": list(spapi_items(count)),
        },
        "orders.json": lambda: _spapi_orders(count),
        **{
            f"fba_{code}.json": (
                lambda code=code: _spapi_inventory(count, code)
            )
            for code in CODES
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in files.items():
        target = folder / name
        if not target.exists():
            partial = target.with_suffix(".partial")
            partial.write_text(json.dumps(make()), encoding="utf-8")
            partial.rename(target)
    return [
        "account=" + str(folder / "account.json"),
        "listings=" + str(folder / "listings.json"),
        "orders=" + str(folder / "orders.json"),
        *(
            f"fba-inventory:{code}=" + str(folder / f"fba_{code}.json")
            for code in CODES
        ),
    ]


IMPORT_ARGUMENTS = (
    "--home",
    "US",
    "--seller-id",
    "A1BENCHSELLER",
    "--as-of",
    "2026-07-15",
    "--quiet",
)
"""The options of ``import-spapi`` for the ``import`` shape."""


def write_import(path: Path, count: int) -> Path:
    """Write what ``import-spapi`` makes of the SP-API inputs (once)."""
    if path.exists():
        return path
    from unified_account.cli import main

    words = write_spapi_inputs(path.with_name(path.stem + "-spapi"), count)
    partial = path.with_suffix(".partial")
    with contextlib.redirect_stdout(io.StringIO()):
        status = main(
            ["import-spapi", *IMPORT_ARGUMENTS, "-o", str(partial), *words]
        )
    if status != 0:
        raise RuntimeError(f"import-spapi exited with {status}")
    partial.rename(path)
    return path


SHAPES: dict[str, Callable[[Path, int], Path]] = {
    "plain": write_snapshot,
    "attributes": write_attributes,
    "import": write_import,
}
"""Each shape's writer: ``(path, SKUs) -> path`` (see the module)."""
