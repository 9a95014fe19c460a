"""Reading SP-API files and recognising each by its shape.

:func:`import_files` reads response, notification and report files, and
assembles them (:func:`~unified_account.spapi.assemble.assemble_snapshot`).
A file is recognised by its shape; ``KIND=FILE`` names the kind where a
shape is ambiguous or to be sure.  The kinds: ``participations``,
``account``, ``listings``, ``fba-inventory`` (``fba-inventory:CA`` names
the marketplace of the call when the response does not),
``orders``, ``fees``, ``notifications``, ``listings-report`` (``:CA``:
the marketplace it was requested for; default: home) and
``orders-report``; and what Amazon booked: ``finances`` (Finances v0
events; ``finances:2021-03-31`` dates the service fee events, which
carry no date), ``event-groups`` (Finances v0
``listFinancialEventGroups``: the deposits; a file named ``finances``
that holds event groups is read as such), ``transactions`` (Finances
2024-06-19) and ``settlement`` (the V2 settlement flat file).  JSON is
parsed with ``parse_float=Decimal`` (exact Product Fees and Finances
amounts).  A file may hold a response's document, its ``payload`` as a
client keeps it, or a JSON array of pages of one kind.
An error names the file and the JSON path (or the report's line and
column).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from .._excerpt import excerpt
from .._files import NotText, TooLong, read_limited
from .._gc import bulk
from ..errors import PayloadError, UnknownMarketplaceError
from ..limits import MAX_SNAPSHOT_CHARACTERS
from ..model.account import SellingPlan
from ..model.imports import SetAside
from ..model.marketplace import Marketplace
from ._pages import pages
from .assemble import Assembly, assemble_snapshot
from .event_groups import read_financial_event_groups
from .fba_inventory import read_inventory_summaries
from .fees import read_fees_estimates
from .finances import read_financial_events
from .listings import read_listings_item, read_listings_search
from .notifications import replay
from .order_lists import read_orders
from .reports import (
    decode_report,
    read_merchant_listings_report,
    read_orders_report,
)
from .sellers import read_account, read_participations
from .settlement import read_settlement_report
from .transactions import read_transactions

__all__ = ["KINDS", "import_files", "recognise"]

KINDS = (
    "participations",
    "account",
    "listings",
    "fba-inventory",
    "orders",
    "fees",
    "notifications",
    "listings-report",
    "orders-report",
    "finances",
    "event-groups",
    "transactions",
    "settlement",
)
"""The kinds a file can be named as (``KIND=FILE``)."""


def _first(value: object) -> Any:
    if isinstance(value, list) and value:
        return value[0]
    return value


def recognise(data: object) -> str:
    """The kind of a parsed JSON document, or a :class:`PayloadError`."""
    money = _money_kind(data)
    if money is not None:
        return money
    if (
        isinstance(data, list)
        and data
        and all(
            isinstance(item, Mapping) and "NotificationType" in item
            for item in data
        )
    ):
        return "notifications"
    if isinstance(data, Mapping):
        if "NotificationType" in data:
            return "notifications"
        payload = data.get("payload", data)
        if isinstance(payload, Mapping):
            if "marketplaceParticipationList" in payload:
                return "account"
            if "inventorySummaries" in payload:
                return "fba-inventory"
            if "Orders" in payload or "AmazonOrderId" in payload:
                return "orders"
            if "FeesEstimateResult" in payload:
                return "fees"
        if "orders" in data or "order" in data or "orderId" in data:
            return "orders"
        if "items" in data and "numberOfResults" in data:
            return "listings"
        if "sku" in data:
            return "listings"
        first = _first(payload)
        if isinstance(first, Mapping) and (
            "participation" in first or "marketplace" in first
        ):
            return "participations"
    first = _first(data)
    if isinstance(first, Mapping) and "FeesEstimateIdentifier" in first:
        return "fees"
    if isinstance(data, list) and data:
        kinds = {_page_kind(page) for page in data}
        if len(kinds) == 1 and None not in kinds:
            return str(kinds.pop())
    raise PayloadError(
        "", "not a shape this library recognises; name it as KIND=FILE"
    )


def _page_kind(page: object) -> str | None:
    """The kind of one page of a file of pages, if it has one."""
    if not isinstance(page, Mapping):
        return None
    try:
        return recognise(page)
    except PayloadError:
        return None


def _money_kind(data: object) -> str | None:
    """``finances``, ``event-groups`` or ``transactions`` (or pages)."""
    page = _first(data)
    if not isinstance(page, Mapping):
        return None
    payload = page.get("payload", page)
    if isinstance(payload, Mapping):
        if "FinancialEvents" in payload:
            return "finances"
        if "FinancialEventGroupList" in payload:
            return "event-groups"
        if "transactions" in payload:
            return "transactions"
    return None


def _spec(word: str) -> tuple[str | None, str | None, str]:
    head, sep, tail = word.partition("=")
    if sep:
        kind, _, market = head.partition(":")
        if kind in KINDS:
            return kind, market or None, tail
    return None, None, word


def _json(data: bytes) -> object:
    try:
        return json.loads(data, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise PayloadError(
            f"line {error.lineno}, column {error.colno}",
            f"not valid JSON: {error.msg}",
        ) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as error:
        raise PayloadError("", f"not valid JSON: {error}") from None


def import_files(
    words: Sequence[str],
    *,
    home: Marketplace,
    seller_id: str,
    plan: SellingPlan | None = None,
    read: Callable[[str], bytes] | None = None,
    as_of: date | None = None,
) -> Assembly:
    """Read each ``FILE`` or ``KIND=FILE`` of ``words`` and assemble them.

    ``read`` reads a path's bytes (default: the file system, a file, a
    FIFO or a device read no further than one byte past
    :data:`~unified_account.limits.MAX_SNAPSHOT_CHARACTERS`).
    The path of every item set aside starts with its file's name.
    ``as_of``: the day the snapshot describes (see
    :func:`~unified_account.spapi.assemble.assemble_snapshot`).
    """
    # Millions of values are built and none freed until the end: the
    # collector's passes would find nothing, and cost a third of the run.
    with bulk():
        return _import_files(words, home, seller_id, plan, read, as_of)


def _import_files(
    words: Sequence[str],
    home: Marketplace,
    seller_id: str,
    plan: SellingPlan | None,
    read: Callable[[str], bytes] | None,
    as_of: date | None,
) -> Assembly:
    reader = read or _read
    parts: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    streams: list[tuple[str, list[Any]]] = []
    for word in words:
        kind, market, path = _spec(word)
        try:
            try:
                data = reader(path)
            except OSError as error:
                raise PayloadError(
                    "", f"cannot read the file: {error.strerror}"
                ) from None
            except ValueError:  # a NUL in the name: no file can have it
                raise PayloadError(
                    "", "cannot read the file: the name holds a NUL character"
                ) from None
            except TooLong as error:
                raise PayloadError(
                    "", f"the file is longer than {error.limit:,} bytes"
                ) from None
            except NotText as error:
                raise PayloadError("", str(error)) from None
            found, value = _one(data, kind, market, home, path)
        except PayloadError as error:
            raise error.in_file(path) from None
        if found == "notifications":
            streams.append((path, value))
        elif found in (
            "settlement",
            "finances",
            "event-groups",
            "transactions",
        ):
            parts[found].append(value)  # each source names its file
        elif found == "listings":
            parts[found].append(tuple(_named(item, path) for item in value))
        else:
            parts[found].append(_named(value, path))
    assembly = assemble_snapshot(
        home=home,
        seller_id=seller_id,
        plan=plan,
        account=parts["account"][-1] if parts["account"] else None,
        participations=(
            parts["participations"][-1] if parts["participations"] else None
        ),
        listings=_flat(parts["listings"]),
        inventory=parts["fba-inventory"],
        orders=[*parts["orders"], *parts["orders-report"]],
        fees=parts["fees"],
        listing_reports=parts["listings-report"],
        as_of=as_of,
        booked=[
            *parts["settlement"],
            *parts["finances"],
            *parts["transactions"],
            *parts["event-groups"],
        ],
    )
    snapshot = assembly.snapshot
    for path, stream in streams:
        before = len(snapshot.set_aside)
        try:
            snapshot = replay(snapshot, stream)
        except PayloadError as error:
            raise error.in_file(path) from None
        added = tuple(_in(note, path) for note in snapshot.set_aside[before:])
        snapshot = attrs.evolve(
            snapshot, set_aside=(*snapshot.set_aside[:before], *added)
        )
    return Assembly(snapshot=snapshot, set_aside=snapshot.set_aside)


def _read(path: str) -> bytes:
    return read_limited(path, MAX_SNAPSHOT_CHARACTERS)


def _in(note: SetAside, path: str) -> SetAside:
    return attrs.evolve(
        note, path=f"{path}: {note.path}" if note.path else path
    )


def _named(read: Any, path: str) -> Any:
    """``read`` with its notes' paths starting with the file name."""
    if not read.set_aside:
        return read  # nothing to name: most listings items
    return attrs.evolve(
        read, set_aside=tuple(_in(note, path) for note in read.set_aside)
    )


def _flat(groups: Iterable[Any]) -> list[Any]:
    return [item for group in groups for item in group]


def _market(code: str | None, home: Marketplace) -> Marketplace:
    if code is None:
        return home
    try:
        return Marketplace.from_country(code)
    except UnknownMarketplaceError:
        raise PayloadError(
            "", f"unknown marketplace `{excerpt(code)}`"
        ) from None


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PayloadError(
            "", f"`{excerpt(text)}` is not a date (`2021-03-31`)"
        ) from None


def _one(
    data: bytes,
    kind: str | None,
    market: str | None,
    home: Marketplace,
    path: str,
) -> tuple[str, Any]:
    if kind in ("listings-report", "orders-report", "settlement") or (
        kind is None and data.lstrip()[:1] not in (b"{", b"[")
    ):
        text = decode_report(data)
        header = text.splitlines()[0] if text.strip() else ""
        columns = header.split("\t")
        if kind == "settlement" or (
            kind is None and "settlement-id" in columns
        ):
            return "settlement", read_settlement_report(text, path)
        if kind == "orders-report" or (
            kind is None and "sales-channel" in columns
        ):
            return "orders-report", read_orders_report(text)
        if kind == "listings-report" or (
            kind is None and "seller-sku" in columns
        ):
            return "listings-report", read_merchant_listings_report(
                text, _market(market, home)
            )
        raise PayloadError(
            "line 1", "not JSON and not a known flat-file report"
        )
    parsed = _json(data)
    kind = kind or recognise(parsed)
    if kind == "finances" and _money_kind(parsed) == "event-groups":
        kind = "event-groups"
    if kind == "participations":
        return kind, read_participations(parsed)
    if kind == "account":
        return kind, read_account(parsed)
    if kind == "listings":
        if isinstance(parsed, Mapping) and "items" in parsed:
            return kind, read_listings_search(parsed)
        if isinstance(parsed, list):
            if all(isinstance(p, Mapping) and "items" in p for p in parsed):
                return kind, read_listings_search(parsed)
            items = pages(parsed, read_listings_item)
            return kind, tuple(items or ())
        return kind, (read_listings_item(parsed),)
    if kind == "fba-inventory":
        called = None if market is None else _market(market, home).id
        return kind, read_inventory_summaries(parsed, called)
    if kind == "orders":
        return kind, read_orders(parsed)
    if kind == "fees":
        return kind, read_fees_estimates(parsed)
    if kind == "finances":
        return kind, read_financial_events(
            parsed, posted_on=_day(market), name=path
        )
    if kind == "event-groups":
        return kind, read_financial_event_groups(parsed, name=path)
    if kind == "transactions":
        return kind, read_transactions(parsed, name=path)
    notes = parsed if isinstance(parsed, list) else [parsed]
    return "notifications", notes
