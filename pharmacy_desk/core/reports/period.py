"""报表月份: a calendar month and the bounds the report queries use.

Datetimes are stored as ``YYYY-MM-DD HH:MM:SS`` text, so a bare ``YYYY-MM-DD`` bound
compares correctly: ``created_at >= '2026-06-01'`` starts at midnight and
``created_at < '2026-07-01'`` stops before the first second of July.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(text))
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "月份格式应为“年-月”，例如 2026-06，收到：{text}"), text=text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def end(self) -> dt.date:
        """The first day after the month: every bound is ``< end``."""
        return add_months(self.first_day, 1)

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    def shifted(self, months: int) -> Month:
        return Month.of(add_months(self.first_day, months))

    def trailing(self, count: int) -> list[Month]:
        """The ``count`` months ending with this one, oldest first."""
        return [self.shifted(-i) for i in range(count - 1, -1, -1)]

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def __str__(self) -> str:
        return self.label


def bound(day: dt.date) -> str:
    """A date as the text bound used against the stored datetimes."""
    return day.isoformat()
