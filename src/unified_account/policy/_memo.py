"""A bounded memo for policies whose answer depends on a few small values.

Some questions have a handful of possible answers: whether a marketplace
is in an edition's scope, whether a plan and a home marketplace qualify.
A report asks them once per listing, so their answers (immutable
decisions) are kept by the values they depend on.  The memo changes no
answer: the same inputs give an equal decision either way.  It holds at
most :data:`LIMIT` answers, so odd inputs cannot make it grow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["LIMIT", "memo"]

T = TypeVar("T")

LIMIT = 4096
"""The most answers one memo keeps."""


def memo(
    answers: dict[Hashable, T], key: Hashable, compute: Callable[[], T]
) -> T:
    """``answers[key]``, computed by ``compute()`` the first time."""
    try:
        return answers[key]
    except KeyError:
        pass
    answer = compute()
    if len(answers) < LIMIT:
        answers[key] = answer
    return answer
