"""A saved JSON report, read back into a :class:`~unified_account.Report`.

``unified-account report --all --format json`` writes every finding with
its rule, outcome, subject, message id and parameters; this module reads
such a document back, each parameter as the kind its message id
declares (:data:`unified_account.message_ids.MESSAGES`), so a saved
report can be compared with another and rendered in any locale.

A report written without ``--all`` summarises the findings that are not
problems; it cannot be read back whole, and is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .._excerpt import excerpt
from ..decision import ParamValue, Term
from ..edition import edition_named
from ..errors import InvalidValueError, UnifiedAccountError
from ..message_ids import MESSAGES, ParamKind
from ..model.identifiers import Asin, Sku
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..report import Report
from ..report.finding import Finding, FindingOutcome
from ..report.subject import Subject, SubjectKind

__all__ = ["is_report_document", "parse_report", "report_from_data"]


class _Bad(Exception):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise _Bad(path, f"`{excerpt(value, as_repr=True)}` is not a string")
    return value


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad(path, f"`{excerpt(value, as_repr=True)}` is not a list")
    return value


def _object(value: object, path: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(path, f"`{excerpt(value, as_repr=True)}` is not an object")
    return value


def _integer(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(path, f"`{excerpt(value, as_repr=True)}` is not an integer")
    return value


def _marketplace(value: object, path: str) -> Marketplace:
    try:
        return Marketplace.from_country(_text(value, path))
    except UnifiedAccountError as error:
        raise _Bad(path, str(error)) from None


def _decimal(value: object, path: str) -> Decimal:
    try:
        return Decimal(_text(value, path))
    except InvalidOperation:
        raise _Bad(path, f"`{excerpt(value)}` is not a decimal") from None


def _money(value: object, path: str) -> Money:
    money = _object(value, path)
    try:
        return Money(
            _decimal(money.get("amount"), f"{path}.amount"),
            _text(money.get("currency"), f"{path}.currency"),
        )
    except UnifiedAccountError as error:
        raise _Bad(path, str(error)) from None


def _date(value: object, path: str) -> date:
    try:
        return date.fromisoformat(_text(value, path))
    except ValueError:
        raise _Bad(path, f"`{excerpt(value)}` is not a date") from None


def _many(
    read: Callable[[object, str], ParamValue],
) -> Callable[[object, str], ParamValue]:
    def many(value: object, path: str) -> ParamValue:
        return tuple(
            read(item, f"{path}[{index}]")
            for index, item in enumerate(_list(value, path))
        )

    return many


def _term(value: object, path: str) -> Term:
    return Term(_text(value, path))


_READERS: Mapping[ParamKind, Callable[[object, str], ParamValue]] = {
    ParamKind.TEXT: _text,
    ParamKind.INTEGER: _integer,
    ParamKind.DECIMAL: _decimal,
    ParamKind.MONEY: _money,
    ParamKind.DATE: _date,
    ParamKind.DATES: _many(_date),
    ParamKind.MARKETPLACE: _marketplace,
    ParamKind.MARKETPLACES: _many(_marketplace),
    ParamKind.TEXTS: _many(_text),
    ParamKind.TERM: _term,
    ParamKind.TERMS: _many(_term),
}

_SUBJECT_TEXTS = (
    "account",
    "other_account",
    "sku",
    "asin",
    "brand",
    "reference",
    "currency",
)


def _subject(value: object, path: str) -> Subject:
    fields = _object(value, path)
    try:
        kind = SubjectKind(fields.get("kind"))
    except ValueError:
        raise _Bad(
            f"{path}.kind", f"`{excerpt(fields.get('kind'))}` is not a kind"
        ) from None
    texts = {
        name: None
        if fields.get(name) is None
        else _text(fields[name], f"{path}.{name}")
        for name in _SUBJECT_TEXTS
    }
    where = fields.get("marketplace")
    sku, asin = texts["sku"], texts["asin"]
    return Subject(
        kind=kind,
        account=texts["account"],
        other_account=texts["other_account"],
        marketplace=None
        if where is None
        else _marketplace(where, f"{path}.marketplace"),
        sku=None if sku is None else Sku(sku),
        asin=None if asin is None else Asin(asin),
        brand=texts["brand"],
        reference=texts["reference"],
        currency=texts["currency"],
    )


def _finding(value: object, path: str) -> Finding:
    document = _object(value, path)
    message_id = _text(document.get("message_id"), f"{path}.message_id")
    spec = MESSAGES.get(message_id)
    if spec is None:
        raise _Bad(
            f"{path}.message_id",
            f"`{excerpt(message_id)}` is not a message id of this version",
        )
    kinds = {param.name: param.kind for param in spec.params}
    params: dict[str, ParamValue] = {}
    for name, item in _object(
        document.get("params"), f"{path}.params"
    ).items():
        if name not in kinds:
            raise _Bad(
                f"{path}.params",
                f"`{excerpt(name)}` is not a parameter of `{message_id}`",
            )
        params[name] = _READERS[kinds[name]](item, f"{path}.params.{name}")
    try:
        outcome = FindingOutcome(document.get("outcome"))
    except ValueError:
        raise _Bad(
            f"{path}.outcome",
            f"`{excerpt(document.get('outcome'))}` is not an outcome",
        ) from None
    try:
        return Finding(
            _text(document.get("rule"), f"{path}.rule"),
            outcome,
            _subject(document.get("subject"), f"{path}.subject"),
            message_id,
            params,
        )
    except UnifiedAccountError as error:
        raise _Bad(path, str(error)) from None


def is_report_document(data: object) -> bool:
    """Whether ``data`` (parsed JSON) looks like a report, not a snapshot."""
    return (
        isinstance(data, dict) and "findings" in data and "account" not in data
    )


def report_from_data(data: object, source: str = "<data>") -> Report:
    """The report a parsed JSON report document holds.

    A problem raises :class:`~unified_account.errors.InvalidValueError`
    naming ``source`` and the JSON path (``findings[3].params.price``).
    """
    try:
        document = _object(data, "")
        if document.get("summary"):
            raise _Bad(
                "summary",
                "the report summarises findings it does not write; "
                "save it with `report --all --format json`",
            )
        name = _text(document.get("edition"), "edition")
        try:
            edition = edition_named(name)
        except UnifiedAccountError as error:
            raise _Bad("edition", str(error)) from None
        findings = [
            _finding(item, f"findings[{index}]")
            for index, item in enumerate(
                _list(document.get("findings"), "findings")
            )
        ]
    except _Bad as bad:
        where = ": ".join(part for part in (source, bad.path) if part)
        raise InvalidValueError(bad.problem, field=where) from None
    return Report(edition, findings)


def parse_report(text: str | bytes, source: str = "<string>") -> Report:
    """The report a saved JSON report's text holds (see the module)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InvalidValueError(
            f"not JSON: {excerpt(str(error))}", field=source
        ) from None
    return report_from_data(data, source)
