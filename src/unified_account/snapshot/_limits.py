"""The limits of a snapshot, checked on the parsed JSON before anything else.

Whatever loads can be reported: a snapshot within these limits builds a
report in bounded time and memory, and one beyond them is refused when it
is read, with the JSON path of the first value past a limit.  The limits
and what each costs are documented in ``docs/limits.md``.
"""

from __future__ import annotations

from typing import Any

from .._excerpt import excerpt, one_line
from ..errors import SnapshotError

__all__ = [
    "MAX_DEPTH",
    "MAX_SNAPSHOT_CHARACTERS",
    "MAX_TEXT_CHARACTERS",
    "MAX_WHOLE_DIGITS",
    "check_document",
    "object_pairs",
    "whole_number",
]

MAX_SNAPSHOT_CHARACTERS = 1024 * 1024 * 1024
"""The longest snapshot text (bytes, or characters for a ``str``)."""

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects (the format needs about 8)."""

MAX_TEXT_CHARACTERS = 10_000
"""The longest string, key or value."""

MAX_WHOLE_DIGITS = 15
"""The most digits of a whole number (a quantity, the version)."""

_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS


class _Duplicated(dict[str, Any]):
    """A JSON object with a key given twice: refused by the walk."""

    duplicate: str


def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The ``object_pairs_hook`` of :func:`json.loads`: keep duplicates.

    The last value of a repeated key would silently win; the object is
    marked instead, and :func:`check_document` refuses it with its path.
    """
    value = dict(pairs)
    if len(value) == len(pairs):
        return value
    marked = _Duplicated(value)
    seen: set[str] = set()
    for key, _ in pairs:  # pragma: no branch  (a duplicate is found)
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


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


def _join(path: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{excerpt(step)}" if path else excerpt(step)


def _text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT_CHARACTERS:
        return (
            f"`{excerpt(text)}` is longer than {MAX_TEXT_CHARACTERS:,} "
            "characters"
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return (
                f"`{excerpt(text)}` cannot be written as UTF-8 (it holds a "
                "lone surrogate)"
            )
    return None


def _refused(path: str, problem: str, source: str) -> SnapshotError:
    return SnapshotError(one_line(path), problem, source)


def check_document(data: object, source: str) -> None:
    """Raise :class:`SnapshotError` for the first value past a limit."""
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            if depth >= MAX_DEPTH:
                raise _refused(
                    path, f"nested deeper than {MAX_DEPTH} levels", source
                )
            if isinstance(value, _Duplicated):
                raise _refused(
                    _join(path, value.duplicate),
                    "the key appears twice in one object",
                    source,
                )
            for key, item in reversed(value.items()):
                problem = _text_problem(key)
                if problem:
                    raise _refused(path, f"key {problem}", source)
                stack.append((item, _join(path, key), depth + 1))
        elif isinstance(value, list):
            if depth >= MAX_DEPTH:
                raise _refused(
                    path, f"nested deeper than {MAX_DEPTH} levels", source
                )
            for index in range(len(value) - 1, -1, -1):
                stack.append((value[index], _join(path, index), depth + 1))
        elif isinstance(value, _LongWhole):
            raise _refused(
                path,
                f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits",
                source,
            )
        elif isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                raise _refused(path, problem, source)
        elif (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not -_WHOLE_LIMIT < value < _WHOLE_LIMIT
        ):
            raise _refused(
                path,
                f"`{excerpt(value)}` has more than {MAX_WHOLE_DIGITS} digits",
                source,
            )
