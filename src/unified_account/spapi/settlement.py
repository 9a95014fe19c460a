"""The settlement report: ``GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2``.

A tab-separated file, one per settlement, in UTF-8 or Windows-1252
(:func:`~unified_account.spapi.reports.decode_report`).  The first data
row carries the settlement's totals (``settlement-id``,
``deposit-date``, ``total-amount``, ``currency``): it becomes a
:class:`~unified_account.model.charges.Deposit`.  Every other row is one
amount booked; those that are fees, charges or other transactions become
:class:`~unified_account.model.charges.Charge` values, and the proceeds
of a sale (``amount-type`` ``ItemPrice``, ``Promotion``,
``ItemWithheldTax``) are not charges and are skipped.

Dates come as ``2021-03-08``, ``2021-03-08 20:22:41 UTC``,
``2021-03-08T20:22:41+00:00`` or ``08.03.2021 20:22:41 UTC``; the date
is taken as written.  Amounts may use a decimal comma (``-39,99``,
``1.234,56``): a lone comma is the decimal point.  A row names its
marketplace in ``marketplace-name`` (``Amazon.com.mx``); ``Non-Amazon``
and names of other regions are set aside with their reason.  A problem
names its line and column.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .._excerpt import excerpt
from ..errors import PayloadError
from ..model.charges import Charge, Deposit
from ..model.imports import SetAside
from ..model.marketplace import Marketplace
from ..model.money import Money
from ._booked import BookedRecords, charge_kind, marketplace_named
from ._json import at, decimal_text
from .reports import _Row, _rows

__all__ = [
    "SETTLEMENT_COLUMNS",
    "read_settlement_report",
    "settlement_amount",
    "settlement_date",
]

SOURCE = "settlement"
SETTLEMENT_COLUMNS = (
    "settlement-id",
    "total-amount",
    "currency",
    "amount-description",
    "amount",
)
"""The columns a settlement report must have."""

_PROCEEDS = frozenset({"itemprice", "promotion", "itemwithheldtax"})
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T].*)?", re.ASCII)
_DOTTED = re.compile(r"([0-9]{2})\.([0-9]{2})\.([0-9]{4})(?: .*)?", re.ASCII)


def settlement_date(value: str, where: str) -> date:
    """The date of a settlement report's date cell, as written.

    ``YYYY-MM-DD`` or ``DD.MM.YYYY``, optionally followed by a time and
    a zone, which do not change the date.  A slashed date
    (``03/08/2021``) is refused: month and day cannot be told apart.
    """
    raw = value.strip()
    iso, dotted = _ISO.fullmatch(raw), _DOTTED.fullmatch(raw)
    if iso is not None:
        year, month, day = iso.groups()
    elif dotted is not None:
        day, month, year = dotted.groups()
    else:
        raise PayloadError(
            where,
            f"`{excerpt(raw)}` is not a date Amazon writes "
            "(`2021-03-08` or `08.03.2021`, with or without a time)",
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise PayloadError(
            where, f"`{excerpt(raw)}` is no calendar date"
        ) from None


def settlement_amount(value: str, where: str) -> Decimal:
    """An amount cell: a decimal point or comma, no other separator.

    With both a point and a comma, the last one is the decimal mark and
    the other groups thousands (``1.234,56``, ``1,234.56``); a lone
    comma is the decimal mark (``-39,99``).
    """
    raw = value.strip()
    if "," in raw:
        mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        group = "." if mark == "," else ","
        raw = raw.replace(group, "").replace(mark, ".")
    return decimal_text(raw, where)


def _named(name: str, line: int) -> str:
    return f"{name}: line {line}" if name else f"line {line}"


def read_settlement_report(text: str, name: str = "") -> BookedRecords:
    """Read one settlement report's text (see the module's docs).

    ``name`` (the file's name) starts each record's source, so a finding
    points at ``name: line 7``.
    """
    header, rows = _rows(text, SETTLEMENT_COLUMNS)
    charges: list[Charge] = []
    deposits: list[Deposit] = []
    notes: list[SetAside] = []
    currency = ""
    for number, raw in enumerate(rows, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        row = _Row(header, raw, number)
        settlement = row.need("settlement-id").strip()
        if row.get("total-amount").strip():
            currency = row.need("currency").strip()
            deposits.append(_deposit(row, settlement, currency, name))
            continue
        if not deposits:
            raise PayloadError(
                row.where("total-amount"),
                "the first data row carries no settlement totals",
            )
        kind_of_amount = row.get("amount-type").replace(" ", "").lower()
        if kind_of_amount in _PROCEEDS or not row.get("amount").strip():
            continue
        found = _charge(
            row, settlement, row.get("currency").strip() or currency, name
        )
        if isinstance(found, SetAside):
            notes.append(found)
        else:
            charges.append(found)
    if not deposits:
        raise PayloadError("line 2", "the report has no settlement totals")
    return BookedRecords(
        charges=charges, deposits=_placed(deposits, charges), set_aside=notes
    )


def _deposit(row: _Row, settlement: str, currency: str, name: str) -> Deposit:
    amount = settlement_amount(
        row.need("total-amount"), row.where("total-amount")
    )
    paid = row.get("deposit-date").strip()
    return at(
        row.where("currency"),
        Deposit,
        settlement_id=settlement,
        amount=at(row.where("currency"), Money, amount, currency),
        source=_named(name, row.line),
        deposited_on=(
            settlement_date(paid, row.where("deposit-date")) if paid else None
        ),
    )


def _charge(
    row: _Row, settlement: str, currency: str, name: str
) -> Charge | SetAside:
    description = row.need("amount-description").strip()
    order = row.get("order-id").strip() or None
    where = row.get("marketplace-name")
    marketplace = marketplace_named(
        where,
        source=SOURCE,
        path=_named(name, row.line),
        subject=order or settlement,
    )
    if isinstance(marketplace, SetAside):
        return marketplace
    posted = row.get("posted-date").strip() or row.need("posted-date-time")
    amount = settlement_amount(row.need("amount"), row.where("amount"))
    return at(
        row.where("amount"),
        Charge,
        booked_on=settlement_date(posted, row.where("posted-date")),
        marketplace=marketplace,
        marketplace_name=where.strip(),
        amount=at(row.where("amount"), Money, amount, currency),
        kind=charge_kind(description),
        description=description,
        source=_named(name, row.line),
        order_id=order,
        sku=row.get("sku").strip() or None,
        settlement_id=settlement,
    )


def _placed(
    deposits: list[Deposit], charges: list[Charge]
) -> tuple[Deposit, ...]:
    """Each deposit with its marketplace, where its charges name one."""
    placed = []
    for deposit in deposits:
        where: set[Marketplace] = {
            c.marketplace
            for c in charges
            if c.settlement_id == deposit.settlement_id
            and c.marketplace is not None
        }
        if len(where) == 1:
            deposit = Deposit(
                settlement_id=deposit.settlement_id,
                amount=deposit.amount,
                source=deposit.source,
                deposited_on=deposit.deposited_on,
                marketplace=where.pop(),
            )
        placed.append(deposit)
    return tuple(placed)
