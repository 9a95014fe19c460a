"""Responses as clients hand them over: documents, payloads and pages.

Every JSON adapter takes its response in any of these forms:

- the JSON document Amazon sends (``{"payload": ...}`` where the API
  wraps it);
- its ``payload`` (what a client keeps of a wrapped response);
- any object with a ``payload`` attribute, such as
  ``python-amazon-sp-api``'s ``ApiResponse`` (duck-typed: the library
  does not depend on the client);
- an iterable of pages, each of them one of the above (the responses of
  a ``nextToken`` loop), read as one response: errors and notes name
  the page first (``[2].payload.Orders[0]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ..errors import PayloadError
from ..model.imports import SetAside

__all__ = ["document", "pages", "within"]

R = TypeVar("R")

_MISSING = object()


def document(response: object) -> object:
    """``response``'s ``payload`` when it is a client's response object."""
    if isinstance(response, Mapping | str | bytes | bytearray | Sequence):
        return response
    payload = getattr(response, "payload", _MISSING)
    return response if payload is _MISSING else payload


def _is_page(item: object) -> bool:
    if isinstance(item, Mapping):
        return "payload" in item
    if isinstance(item, str | bytes | bytearray):
        return False
    return isinstance(item, Sequence) or document(item) is not item


def within(prefix: str, path: str) -> str:
    """``path`` inside the page at ``prefix`` (``[2]``)."""
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def pages(
    response: object, read: Callable[[object], R], *, listed: bool = False
) -> list[R] | None:
    """``read`` of each page, or ``None`` when ``response`` is no pages.

    ``listed``: the response's own document is an array (participations,
    fee estimates); an array is then pages only when each of its items is
    a page (an object with ``payload``, an array, or a response object).
    Each result's notes and each error name the page first.
    """
    if isinstance(response, Mapping | str | bytes | bytearray) or not (
        isinstance(response, Iterable)
    ):
        return None
    items = list(response)
    if listed and not all(_is_page(item) for item in items):
        return None
    found: list[R] = []
    for index, item in enumerate(items):
        prefix = f"[{index}]"
        try:
            result = read(document(item))
        except PayloadError as error:
            raise PayloadError(
                within(prefix, error.path), error.problem, error.source
            ) from None
        found.append(_noted(result, prefix))
    return found


def _noted(result: Any, prefix: str) -> Any:
    if isinstance(result, tuple):
        return tuple(_noted(item, prefix) for item in result)
    notes: tuple[SetAside, ...] = result.set_aside
    return attrs.evolve(
        result,
        set_aside=tuple(
            attrs.evolve(note, path=within(prefix, note.path))
            for note in notes
        ),
    )
