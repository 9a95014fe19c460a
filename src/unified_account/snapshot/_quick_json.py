"""A snapshot's JSON parsed quickly, where that is known to change nothing.

The loader's own parse (``json.loads`` with hooks, in
``snapshot._json``) notes what only a walk of the whole document
reports: a key given twice in one object, an integer of more than
:data:`~unified_account.limits.MAX_WHOLE_DIGITS` digits, a constant such
as ``NaN``.  Its hooks run Python code for every object and every
integer, which costs as much as the parse itself.

:func:`quick_parse` parses with msgspec instead, and returns the document
only where cheap checks of whole texts, each exact, show that the
careful parse would have given the same values and noted nothing:

- no surrogate can be in it (:meth:`Reading.may_hold_surrogates`);
- no run of more than ``MAX_WHOLE_DIGITS`` digits anywhere in the text,
  so no integer has more digits (a long number in a string only sends
  the document to the careful parse);
- no key given twice: a JSON text's colons are those after each key and
  those inside strings.  With no colon written as an escape (a
  backslash and ``u003a``), the text's colons and those of the parsed document
  written out again differ exactly by the pairs the parse dropped, which
  a key given twice drops (its value, and any colon in it, go too).

Anything else (msgspec refuses the text, a check fails) returns ``None``:
the careful parse reads it and names its problem as it always has.
"""

from __future__ import annotations

import msgspec

from ..limits import MAX_WHOLE_DIGITS
from ._limits import Reading

__all__ = ["quick_parse"]

# Every ASCII digit as ``0``, so one search finds a run of any digits.
_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * (MAX_WHOLE_DIGITS + 1)
# What an escaped colon (``\u003a``, ``\u003A``) starts with.
_ESCAPED_COLON = b"\\u003"


def quick_parse(text: str | bytes) -> object | None:
    """The parsed document, or ``None`` where the careful parse must read it.

    ``text`` is JSON text, or JSON in UTF-8 (another encoding, or a
    byte-order mark, returns ``None``).
    """
    if Reading.may_hold_surrogates(text):
        return None
    if isinstance(text, str):
        text = text.encode("utf-8")  # no surrogate: nothing to refuse
    if _ESCAPED_COLON in text or _LONG_RUN in text.translate(_DIGITS):
        return None
    colons = text.count(b":")
    try:
        data = _decoded(text, _FRAMES)
        written = _written_colons(data)
    except (msgspec.DecodeError, msgspec.EncodeError, RecursionError):
        return None
    if written != colons:
        return None  # a key given twice
    return data


# msgspec, like json.loads, counts each level of nesting against the
# interpreter's recursion limit.  It is called this many frames deeper
# than the careful parse's scanner runs, so that it gives up (and the
# careful parse reads the text, and says it is nested too deeply) on
# every document the careful parse would give up on.
_FRAMES = 8


def _decoded(text: bytes, frames: int) -> object:
    """``msgspec.json.decode(text)``, called ``frames`` frames deeper."""
    if frames:
        return _decoded(text, frames - 1)
    return msgspec.json.decode(text)


# The catalogue's records are written out this many at a time, so that
# the text written is never as large as the document's.
_CHUNK = 1024


def _written_colons(data: object) -> int:
    """The colons of ``data`` written out as JSON, written in pieces.

    The records of ``catalog.skus`` (most of a snapshot) a chunk at a
    time, the rest with the list emptied: a list's text holds its items'
    texts and no colon of its own.
    """
    catalog = data.get("catalog") if type(data) is dict else None
    skus = catalog.get("skus") if type(catalog) is dict else None
    if type(skus) is not list:
        return _encode(data).count(b":")
    assert type(data) is dict
    assert type(catalog) is dict
    rest = {**data, "catalog": {**catalog, "skus": []}}
    return _encode(rest).count(b":") + sum(
        _encode(skus[start : start + _CHUNK]).count(b":")
        for start in range(0, len(skus), _CHUNK)
    )


_encode = msgspec.json.encode
