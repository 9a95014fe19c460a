"""The limits of a snapshot, checked on the parsed JSON before anything else.

Whatever loads can be reported: a snapshot within these limits builds a
report in bounded time and memory, and one beyond them is refused when it
is read, with the JSON path of the first value past a limit.  The limits
themselves, and the test of one value against them, are defined once in
:mod:`unified_account.limits`; this module walks a parsed document with
them.  What each costs is documented in ``docs/limits.md``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .._excerpt import excerpt, one_line
from ..errors import SnapshotError
from ..limits import (
    MAX_DEPTH,
    MAX_SNAPSHOT_CHARACTERS,
    MAX_TEXT_CHARACTERS,
    MAX_WHOLE_DIGITS,
    amount_problem,
    text_problem,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_SNAPSHOT_CHARACTERS",
    "MAX_TEXT_CHARACTERS",
    "MAX_WHOLE_DIGITS",
    "AmountText",
    "Reading",
    "check_document",
    "first_past_limit",
    "whole_number",
]

_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS


class _Duplicated(dict[str, Any]):
    """A JSON object with a key given twice: refused by the walk."""

    duplicate: str


def _marked(
    pairs: list[tuple[str, Any]], value: dict[str, Any]
) -> _Duplicated:
    """``value``, built from ``pairs`` that repeat a key, marked as such.

    The last value of a repeated key would silently win; the object is
    marked instead, and :func:`check_document` refuses it with its path.
    """
    marked = _Duplicated(value)
    seen: set[str] = set()
    for key, _ in pairs:  # pragma: no branch  (a duplicate is found)
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


class AmountText(str):
    """An amount or rate as :mod:`._dump` writes it, checked by the walk.

    The model allows more digits than a snapshot holds; a dump marks its
    decimals so that :func:`first_past_limit` holds them to the limits
    of :func:`~unified_account.limits.amount_problem`.
    """

    __slots__ = ()


class _LongWhole(str):
    """The text of a JSON integer past the limit, kept for the walk."""

    __slots__ = ()


def whole_number(text: str) -> int | str:
    """The ``parse_int`` hook of :func:`json.loads`.

    An integer of more than :data:`MAX_WHOLE_DIGITS` digits is not
    converted (a long one would take quadratic time, or be refused with
    no path); :func:`check_document` refuses it with its path.
    """
    if len(text.lstrip("-")) > MAX_WHOLE_DIGITS:
        return _LongWhole(text)
    return int(text)


class Reading:
    """The hooks of one :func:`json.loads`, noting what needs the walk.

    A snapshot of a million SKUs is read in seconds; walking every value
    of it in Python again would double that.  Most limits hold by
    construction where the catalogue's records are read (each field is
    checked by its reader, titles and attributes against
    :data:`MAX_TEXT_CHARACTERS`), so the walk of :func:`check_document`
    may leave the records out unless something only the walk reports
    could be there: a key given twice or a long integer (seen by these
    hooks), or a surrogate (seen in the text by :meth:`may_hold_surrogates`).
    """

    __slots__ = ("suspect",)

    def __init__(self) -> None:
        self.suspect = False

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """The ``object_pairs_hook``: a dict, marked if a key repeats.

        A marked object is refused by :func:`check_document`, with its
        path, and noted so that the walk does not leave it out.
        """
        value = dict(pairs)
        if len(value) == len(pairs):
            return value
        self.suspect = True
        return _marked(pairs, value)

    def whole_number(self, text: str) -> int | str:
        """:func:`whole_number`, noting a long integer."""
        value = whole_number(text)
        if type(value) is not int:
            self.suspect = True
        return value

    @staticmethod
    def may_hold_surrogates(text: str | bytes) -> bool:
        """Whether JSON ``text`` may decode to a string with a surrogate."""
        # A quick search for what every match starts with (a backslash
        # and ``u``, or UTF-8's lead byte of a surrogate) rules out most
        # texts before the pattern's slower search.
        if isinstance(text, str):
            if "\\u" not in text and text.isascii():
                return False
            return _SURROGATE_TEXT.search(text) is not None
        # Bytes in UTF-16 or UTF-32 (``json.loads`` reads them too) are
        # not searched: they are always walked.
        if b"\x00" in text[:4]:
            return True
        if b"\\u" not in text and b"\xed" not in text:
            return False
        return _SURROGATE_BYTES.search(text) is not None


# A surrogate comes from a ``\uD800``-``\uDFFF`` escape, or raw: in a str,
# or in bytes as UTF-8's encoding of one (``json.loads`` decodes bytes
# with ``surrogatepass``).
_SURROGATE_TEXT = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")
_SURROGATE_BYTES = re.compile(rb"\xed[\xa0-\xbf]|\\u[dD][89a-fA-F]")


def _join(path: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{excerpt(step)}" if path else excerpt(step)


_text_problem = text_problem

# Where a value sits: ``(parent, step)``, or ``(None, path)`` at the root.
_Place = tuple[Any, str | int]


def _path(place: _Place) -> str:
    """The JSON path of ``place``."""
    steps: list[str | int] = []
    parent, step = place
    while parent is not None:
        steps.append(step)
        parent, step = parent
    path = str(step)
    for step in reversed(steps):
        path = _join(path, step)
    return path


def _records(data: object) -> object:
    """``catalog.skus`` of a snapshot document, if it has one."""
    catalog = data.get("catalog") if isinstance(data, dict) else None
    return catalog.get("skus") if isinstance(catalog, dict) else None


def check_document(
    data: object, source: str, *, records_checked: bool = False
) -> None:
    """Raise :class:`SnapshotError` for the first value past a limit.

    ``records_checked``: the items of ``catalog.skus`` are left out (see
    :class:`Reading`).
    """
    skipped = _records(data) if records_checked else None
    found = first_past_limit(data, skip=skipped)
    if found is not None:
        path, problem = found
        raise SnapshotError(one_line(path), problem, source)


def first_past_limit(
    data: object, path: str = "", depth: int = 0, *, skip: object = None
) -> tuple[str, str] | None:
    """The path and the problem of the first value past a limit, if any.

    ``data`` sits at ``path``, ``depth`` levels deep; the items of the
    list ``skip`` are not looked at.
    """
    # A value's place is its parent's place and its step, joined into a
    # path only when a problem is found: most documents have none.
    root: _Place = (None, path)
    stack: list[tuple[object, _Place, int]] = [(data, root, depth)]
    while stack:
        value, place, depth = stack.pop()
        if isinstance(value, dict):
            if depth >= MAX_DEPTH:
                return _path(place), f"nested deeper than {MAX_DEPTH} levels"
            if isinstance(value, _Duplicated):
                return (
                    _join(_path(place), value.duplicate),
                    "the key appears twice in one object",
                )
            for key, item in reversed(value.items()):
                problem = _text_problem(key)
                if problem:
                    return _path(place), f"key {problem}"
                stack.append((item, (place, key), depth + 1))
        elif isinstance(value, list):
            if depth >= MAX_DEPTH:
                return _path(place), f"nested deeper than {MAX_DEPTH} levels"
            if value is skip:
                continue
            for index in range(len(value) - 1, -1, -1):
                stack.append((value[index], (place, index), depth + 1))
        elif isinstance(value, _LongWhole):
            return (
                _path(place),
                f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits",
            )
        elif isinstance(value, AmountText):
            problem = amount_problem(Decimal(value))
            if problem:
                return _path(place), problem
        elif isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                return _path(place), problem
        elif (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not -_WHOLE_LIMIT < value < _WHOLE_LIMIT
        ):
            return (
                _path(place),
                f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits",
            )
    return None
