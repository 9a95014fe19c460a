"""A snapshot's JSON parsed quickly, where that is known to change nothing.

The loader's own parse (``json.loads`` with hooks, in
``snapshot._json``) notes what only a walk of the whole document
reports: a key given twice in one object, an integer of more than
:data:`~unified_account.limits.MAX_WHOLE_DIGITS` digits, a constant such
as ``NaN``.  Its hooks run Python code for every object and every
integer, which costs as much as the parse itself.

:func:`quick_parse` parses with orjson instead, and returns the document
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

Anything else (orjson refuses the text, a check fails) returns ``None``:
the careful parse reads it and names its problem as it always has.
"""

from __future__ import annotations

import orjson

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
        data: object = orjson.loads(text)
        written = orjson.dumps(data)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):
        return None
    if written.count(b":") != colons:
        return None  # a key given twice
    return data
