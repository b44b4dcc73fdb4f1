"""会员结构: tier mix, age bands and gender of the members on the books at month end.

Counted from the kept counts (``core.member_tally``) less the members who joined after the
month, when those are few (the current month: none); a month long past, after which most
members joined, is counted from the members themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import dialect, member_tally
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
    counts = dict(zip((tid for tid, _, _ in tiers), members_by("tier_id", [t[0] for t in tiers], end)))
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


# What the kept counts call the member's columns.
_TALLY_KEYS = {"tier_id": "tier_id", "owner_staff_id": "owner_key"}


def members_by(column: str, values: list, joined_before: str) -> list[int]:
    """Members joined before a date per value of ``tier_id`` or ``owner_staff_id``, in the order of ``values``."""
    if not values:
        return []
    if not member_tally.holds(joined_before):
        return count_by_value("member", column, values, joined_before)
    counts = dict(database.execute_sql(
        f"SELECT {_TALLY_KEYS[column]}, SUM(members) FROM member_tally GROUP BY 1").fetchall())
    # Grouped on the value as an expression: grouping on the column itself makes the planner read
    # every member through the column's index to skip a sort of the few who joined later.
    for value, later in database.execute_sql(
            f"SELECT {column}, COUNT(*) FROM member WHERE joined_on >= ? GROUP BY {dialect.not_via_index(column)}",
            (joined_before,)).fetchall():
        counts[value] = counts.get(value, 0) - later
    return [counts.get(value, 0) for value in values]


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


# Where the ages are counted from: rows of (gender, born: the birthday or '' when unknown, n members).
_KEPT_BIRTHDAYS = "SELECT gender, born, members AS n FROM birthday_tally"
_LATER_BIRTHDAYS = "SELECT gender, COALESCE(birthday, '') AS born, 1 AS n FROM member WHERE joined_on >= :end"
_ALL_BIRTHDAYS = (f"SELECT gender, COALESCE(birthday, '') AS born, 1 AS n FROM {dialect.full_scan('member')}"
                  " WHERE joined_on < :end")


def _age_counts(source: str, bounds: list[str], end: str) -> dict[str, list[int]]:
    """Per gender: [no birthday, younger than each bound (cumulative) …, everyone] over ``source``'s rows."""
    # A single comparison per bound of the stored ISO date text: no date arithmetic per member.
    younger = ", ".join(f"COALESCE(SUM(CASE WHEN born > '{day}' THEN n END), 0)" for day in bounds)
    return {gender: list(counts) for gender, *counts in database.execute_sql(
        f"SELECT gender, COALESCE(SUM(CASE WHEN born = '' THEN n END), 0), {younger}, COALESCE(SUM(n), 0)"
        f" FROM ({source}) GROUP BY gender", {"end": end}).fetchall()}


def age_gender(month: Month) -> AgeGender:
    """Members joined by month end by age (in whole years, on the month's last day) and gender."""
    # Age ≥ A on the last day ⇔ born on or before the last day A years earlier, so each band
    # is a comparison of the birthday with a date; the bands are the differences of how many
    # are younger than each band's upper edge.
    bounds = [_years_before(month.last_day, high + 1).isoformat() for _, _, high in AGE_BANDS[:-1]]
    end = bound(month.end)
    if member_tally.holds(end):
        by_gender = _age_counts(_KEPT_BIRTHDAYS, bounds, end)
        for gender, later in _age_counts(_LATER_BIRTHDAYS, bounds, end).items():
            by_gender[gender] = [kept - gone for kept, gone in zip(by_gender[gender], later)]
    else:
        by_gender = _age_counts(_ALL_BIRTHDAYS, bounds, end)
    cells = {}
    for gender, (unknown, *cumulative, everyone) in by_gender.items():
        known = everyone - unknown
        edges = [0, *cumulative, known]
        for (label, _, _), low, high in zip(AGE_BANDS, edges, edges[1:]):
            cells[(label, gender)] = high - low
        cells[(UNKNOWN_AGE, gender)] = unknown
    return AgeGender({cell: n for cell, n in cells.items() if n})
