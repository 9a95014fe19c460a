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
from .._gc import bulk
from ..errors import PayloadError
from ..model.charges import Charge, ChargeKind, Deposit, trusted_charge
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
    with bulk():
        header, rows = _rows(text, SETTLEMENT_COLUMNS)
        reader = _Reader(header, name)
        reader.read(rows)
        del rows
        if not reader.deposits:
            raise PayloadError("line 2", "the report has no settlement totals")
        return BookedRecords(
            charges=reader.charges,
            deposits=_placed(reader.deposits, reader.charges),
            set_aside=reader.notes,
            settlements=frozenset(d.settlement_id for d in reader.deposits),
        )


class _Reader:
    """One report's rows, read with what repeats (amounts, dates) cached.

    A row whose every cell reads the common way is built here; any
    other goes the careful way (:func:`_charge`), which names the line
    and column of a problem.
    """

    def __init__(self, header: list[str], name: str) -> None:
        self.header, self.name = header, name
        self.width = len(header)

        def column(title: str) -> int:
            return header.index(title) if title in header else self.width

        self.at = {title: column(title) for title in _READ}
        self.reach = max(self.at.values()) + 1
        self.charges: list[Charge] = []
        self.deposits: list[Deposit] = []
        self.notes: list[SetAside] = []
        self.currency = ""
        self.amounts: dict[tuple[str, str], Money] = {}
        self.days: dict[str, date] = {}
        self.kinds: dict[str, tuple[ChargeKind, str]] = {}
        self.places: dict[str, tuple[Marketplace | None, str]] = {}
        self.types: dict[str, bool] = {}
        self.ids: dict[str, str] = {}

    def read(self, rows: list[list[str]]) -> None:
        """Read the data rows (the first is line 2)."""
        at = self.at
        id_at, total_at = at["settlement-id"], at["total-amount"]
        type_at, amount_at = at["amount-type"], at["amount"]
        where_at, currency_at = at["marketplace-name"], at["currency"]
        posted_at, description_at = at["posted-date"], at["amount-description"]
        order_at, sku_at = at["order-id"], at["sku"]
        reach, types, places = self.reach, self.types, self.places
        amounts, days, kinds, ids = (
            self.amounts,
            self.days,
            self.kinds,
            self.ids,
        )
        charges, prefix = self.charges, _named(self.name, 0)[:-1]
        for number, raw in enumerate(rows, start=2):
            short = reach - len(raw)
            cells = raw + [""] * short if short > 0 else raw
            # A settlement already read (so after its totals row), no
            # totals: the common row.
            settlement = ids.get(cells[id_at])
            total = cells[total_at]
            if settlement is None or (total and total.strip()):
                self._careful(raw, number)
                continue
            proceeds = types.get(cells[type_at])
            if proceeds is None:
                proceeds = cells[type_at].replace(" ", "").lower() in _PROCEEDS
                types[cells[type_at]] = proceeds
            if proceeds:
                continue
            money = amounts.get((cells[amount_at], cells[currency_at]))
            place = places.get(cells[where_at])
            day = days.get(cells[posted_at])
            kind = kinds.get(cells[description_at])
            if money is None or place is None or day is None or kind is None:
                self._careful(raw, number)
                continue
            order, sku = cells[order_at].strip(), cells[sku_at].strip()
            charges.append(
                trusted_charge(
                    day,
                    place[0],
                    money,
                    kind[0],
                    kind[1],
                    f"{prefix}{number}",
                    place[1],
                    order or None,
                    sku or None,
                    settlement,
                )
            )

    def _careful(self, raw: list[str], number: int) -> None:
        if not any(cell.strip() for cell in raw):
            return
        row = _Row(self.header, raw, number)
        settlement = row.need("settlement-id").strip()
        if row.get("total-amount").strip():
            self.currency = row.need("currency").strip()
            self.amounts.clear()  # amounts without a currency change it
            self.deposits.append(
                _deposit(row, settlement, self.currency, self.name)
            )
            return
        if not self.deposits:
            raise PayloadError(
                row.where("total-amount"),
                "the first data row carries no settlement totals",
            )
        kind_of_amount = row.get("amount-type").replace(" ", "").lower()
        if kind_of_amount in _PROCEEDS or not row.get("amount").strip():
            return
        currency = row.get("currency").strip() or self.currency
        found = _charge(row, settlement, currency, self.name)
        if isinstance(found, SetAside):
            self.notes.append(found)
            return
        # What the careful way read, the fast way may reuse.
        self.amounts[(row.get("amount"), row.get("currency"))] = found.amount
        posted = row.get("posted-date")
        if posted.strip():
            self.days[posted] = found.booked_on
        self.kinds[row.get("amount-description")] = (
            found.kind,
            found.description,
        )
        self.places[row.get("marketplace-name")] = (
            found.marketplace,
            found.marketplace_name,
        )
        self.ids[row.get("settlement-id")] = settlement
        self.charges.append(found)


_READ = (
    "settlement-id",
    "total-amount",
    "currency",
    "amount-type",
    "amount",
    "amount-description",
    "marketplace-name",
    "posted-date",
    "order-id",
    "sku",
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
    marketplace = at(  # a name set aside is kept: within the limits
        row.where("marketplace-name"),
        lambda: marketplace_named(
            where,
            source=SOURCE,
            path=_named(name, row.line),
            subject=order or settlement,
        ),
    )
    if isinstance(marketplace, SetAside):
        return marketplace
    column = "posted-date"
    if not row.get(column).strip():
        column = "posted-date-time"
    posted = row.get(column).strip()
    if not posted:
        raise PayloadError(f"line {row.line}", "`posted-date` is empty")
    amount = settlement_amount(row.need("amount"), row.where("amount"))
    return at(
        row.where("amount"),
        Charge,
        booked_on=settlement_date(posted, row.where(column)),
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
