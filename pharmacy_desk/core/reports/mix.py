"""会员结构: tier mix, age bands and gender of the members on the books at month end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import dialect
from pharmacy_desk.core.db import database
from pharmacy_desk.core.reports.period import Month, bound
from pharmacy_desk.core.vocabulary import Gender

# (label, lowest age, highest age) — DOMAIN's "30–45" and "over 60" bands.
AGE_BANDS = (("30岁以下", 0, 29), ("30–45岁", 30, 45), ("46–60岁", 46, 60), ("60岁以上", 61, 200))
UNKNOWN_AGE = "生日未知"
GENDERS = (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN)  # the report's column order


@dataclass(frozen=True)
class TierCount:
    code: str
    name: str
    members: int


def tier_mix(month: Month) -> list[TierCount]:
    """Members joined by month end, by the tier they held at month end, lowest tier first.

    Every tier change is recorded (registration itself is not a change), so the tier at
    month end is the current tier, unless the member changed tier since: then it is the
    tier the first change after month end moved them from.
    """
    end = bound(month.end)
    tiers = database.execute_sql("SELECT id, code, name FROM tier ORDER BY rank").fetchall()
    counts = dict(zip((tid for tid, _, _ in tiers), count_by_value("member", "tier_id", [t[0] for t in tiers], end)))
    # The current tier is the last change's target, so only members changed after month end
    # need their tier wound back: to what their first later change moved them from.
    for now, then in database.execute_sql(
            "SELECT m.tier_id, (SELECT t.from_tier_id FROM tier_change t WHERE t.member_id = m.id"
            " AND t.changed_at >= :end ORDER BY t.changed_at, t.id LIMIT 1) FROM member m"
            " WHERE m.joined_on < :end AND m.id IN (SELECT member_id FROM tier_change WHERE changed_at >= :end)",
            {"end": end}).fetchall():
        counts[now] -= 1
        counts[then] = counts.get(then, 0) + 1
    return [TierCount(code, name, counts.get(tid, 0)) for tid, code, name in tiers]


def count_by_value(table: str, column: str, values: list, joined_before: str) -> list[int]:
    """Members joined before a date, counted per value of a column, in one scan.

    One count per value instead of GROUP BY: the values are few, and
    a GROUP BY over a million members sorts them all first.
    """
    if not values:
        return []
    sums = ", ".join(dialect.count_where(f"{column} = ?") for _ in values)
    return list(database.execute_sql(f"SELECT {sums} FROM {dialect.full_scan(table)} WHERE joined_on < ?",
                                     (*values, joined_before)).fetchone())


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class AgeGender:
    """Member counts: ``cells[(age band label, gender code)]``."""

    cells: dict[tuple[str, str], int]

    @property
    def bands(self) -> list[str]:
        return [label for label, _, _ in AGE_BANDS] + [UNKNOWN_AGE]

    def band_total(self, band: str) -> int:
        return sum(self.cells.get((band, g), 0) for g in GENDERS)

    def gender_total(self, gender: str) -> int:
        return sum(self.cells.get((b, gender), 0) for b in self.bands)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def age_gender(month: Month) -> AgeGender:
    """Members joined by month end by age (in whole years, on the month's last day) and gender."""
    # Age ≥ A on the last day ⇔ born on or before the last day A years earlier, so each band
    # is a comparison of the stored ISO date text (no date arithmetic per member).
    bounds = [_years_before(month.last_day, high + 1).isoformat() for _, _, high in AGE_BANDS[:-1]]
    # Per gender: how many have no birthday, and how many are younger than each band's
    # upper edge (cumulative); the bands are the differences. A single comparison per
    # bound keeps the one scan of the member table cheap.
    younger = ", ".join(dialect.count_where(f"birthday > '{day}'") for day in bounds)
    rows = database.execute_sql(
        f"SELECT gender, {dialect.count_where('birthday IS NULL')}, {younger}, COUNT(*) FROM {dialect.full_scan('member')}"
        " WHERE joined_on < ? GROUP BY gender", (bound(month.end),)).fetchall()
    cells = {}
    for gender, unknown, *cumulative, everyone in rows:
        known = everyone - unknown
        edges = [0, *cumulative, known]
        for (label, _, _), low, high in zip(AGE_BANDS, edges, edges[1:]):
            cells[(label, gender)] = high - low
        cells[(UNKNOWN_AGE, gender)] = unknown
    return AgeGender({cell: n for cell, n in cells.items() if n})
