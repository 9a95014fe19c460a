"""A calendar month as message text: ``2026-07``, rendered for the locale."""

from __future__ import annotations

import re
from datetime import date

from .._excerpt import excerpt
from ..errors import InvalidValueError

__all__ = ["MonthText"]

_MONTH = re.compile(r"(\d{4})-(\d{2})")


class MonthText(str):
    """A calendar month as message text: ``2026-07``.

    A string like any other (equal to its ISO text, written as such in
    JSON), which rendering writes as the locale writes a month and year:
    ``July 2026``, ``juillet 2026``, ``2026年7月``.

    >>> month = MonthText.of(date(2026, 7, 19))
    >>> month, month.first_day
    ('2026-07', datetime.date(2026, 7, 1))
    """

    __slots__ = ()

    def __new__(cls, text: str) -> MonthText:
        """``text`` as a month, checked: ``YYYY-MM``, a real month."""
        match = _MONTH.fullmatch(str(text))
        if match is None or not 1 <= int(match[2]) <= 12 or match[1] == "0000":
            raise InvalidValueError(
                f"`{excerpt(text)}` is not a month such as `2026-07`",
                field="month",
            )
        return super().__new__(cls, text)

    @classmethod
    def of(cls, day: date) -> MonthText:
        """The month ``day`` falls in."""
        return cls(f"{day.year:04d}-{day.month:02d}")

    @property
    def first_day(self) -> date:
        """The month's first day."""
        return date(int(self[:4]), int(self[5:]), 1)
