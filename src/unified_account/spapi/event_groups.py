"""The Finances API v0 ``listFinancialEventGroups``: the settlements paid.

:func:`read_financial_event_groups` reads each financial event group as
a :class:`~unified_account.model.charges.Deposit`: its
``FinancialEventGroupId`` names the settlement, ``OriginalTotal`` (in
the currency of the marketplace the transactions belong to; else
``ConvertedTotal``) is the total, ``FundTransferDate`` the day it was
paid (``None`` when the group has none).  A group whose
``ProcessingStatus`` is ``Open`` is no deposit yet (its total is a
running balance): it is set aside as ``open-settlement``.  The group
names no marketplace: the audit finds it by the currency.

A response is taken in any form of :mod:`unified_account.spapi` (the
document, its ``payload``, a client's response object, or its pages);
a group two pages repeat counts once.  Amounts are JSON numbers, read
exactly (parse with ``parse_float=decimal.Decimal``).  Errors name the
JSON path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.charges import Deposit
from ..model.imports import SetAside, SetAsideReason
from ._booked import BookedRecords
from ._json import at, join, json_number, money, need, obj, text, timestamp
from .finances import (
    SOURCE,
    _list,
    _named,
    _optional_text,
    _Reader,
    read_pages,
)

__all__ = ["read_financial_event_groups"]

_GROUPS = "FinancialEventGroupList"


def read_financial_event_groups(
    response: object, *, name: str = ""
) -> BookedRecords:
    """Read Finances v0 ``listFinancialEventGroups`` into deposits.

    One response or its pages; ``name`` (the file's name) starts each
    deposit's source.
    """
    return read_pages(response, _groups, name=name)


def _groups(reader: _Reader, payload: Mapping[str, Any], path: str) -> None:
    """The groups of one page."""
    where = join(path, _GROUPS)
    for index, raw in enumerate(_list(payload, _GROUPS, path)):
        _group(reader, raw, f"{where}[{index}]")


def _group(reader: _Reader, raw: object, path: str) -> None:
    group = obj(raw, path)
    key = "FinancialEventGroupId"
    settlement = text(need(group, key, path), join(path, key))
    status = _optional_text(group, "ProcessingStatus", path)
    if status is not None and status.strip().lower() == "open":
        reader.notes.append(
            SetAside(
                source=SOURCE,
                path=_named(reader.name, path),
                subject=settlement,
                reason=SetAsideReason.OPEN_SETTLEMENT,
                detail=status,
            )
        )
        return
    total = "OriginalTotal"
    if group.get(total) is None:
        total = "ConvertedTotal"
    amount = money(
        need(group, total, path),
        join(path, total),
        "CurrencyAmount",
        "CurrencyCode",
        read=json_number,
    )
    day = group.get("FundTransferDate")
    reader.deposits.append(
        at(
            path,
            Deposit,
            settlement_id=settlement,
            amount=amount,
            source=_named(reader.name, path),
            deposited_on=None
            if day is None
            else timestamp(day, join(path, "FundTransferDate")).date(),
        )
    )
