"""会员结构: tier mix, age bands and gender of the members on the books at month end."""

from __future__ import annotations

from dataclasses import dataclass

from pharmacy_desk.core.db import database
from pharmacy_desk.core.reports.period import Month, bound

# (label, lowest age, highest age) — DOMAIN's "30–45" and "over 60" bands.
AGE_BANDS = (("30岁以下", 0, 29), ("30–45岁", 30, 45), ("46–60岁", 46, 60), ("60岁以上", 61, 200))
UNKNOWN_AGE = "生日未知"
GENDERS = (("F", "女"), ("M", "男"), ("", "未填"))


@dataclass(frozen=True)
class TierCount:
    code: str
    name: str
    members: int


def tier_mix(month: Month) -> list[TierCount]:
    """Members joined by month end, by the tier they held at month end, lowest tier first.

    The tier at month end is the target of the member's last tier change before then;
    if every change came later, the tier that first change moved them from; if they
    never changed, their tier now. Registration itself is not a change.
    """
    end = bound(month.end)
    counts = dict(database.execute_sql(
        "SELECT tier, COUNT(*) FROM (SELECT COALESCE("
        " (SELECT t.to_tier_id FROM tier_change t WHERE t.member_id = m.id AND t.changed_at < ?"
        "  ORDER BY t.changed_at DESC, t.id DESC LIMIT 1),"
        " (SELECT t.from_tier_id FROM tier_change t WHERE t.member_id = m.id AND t.changed_at >= ?"
        "  ORDER BY t.changed_at, t.id LIMIT 1),"
        " m.tier_id) AS tier FROM member m WHERE m.joined_on < ?) GROUP BY tier", (end, end, end)).fetchall())
    return [TierCount(code, name, counts.get(tid, 0)) for tid, code, name in
            database.execute_sql("SELECT id, code, name FROM tier ORDER BY rank").fetchall()]


@dataclass(frozen=True)
class AgeGender:
    """Member counts: ``cells[(age band label, gender code)]``."""

    cells: dict[tuple[str, str], int]

    @property
    def bands(self) -> list[str]:
        return [label for label, _, _ in AGE_BANDS] + [UNKNOWN_AGE]

    def band_total(self, band: str) -> int:
        return sum(self.cells.get((band, g), 0) for g, _ in GENDERS)

    def gender_total(self, gender: str) -> int:
        return sum(self.cells.get((b, gender), 0) for b in self.bands)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def age_gender(month: Month) -> AgeGender:
    """Members joined by month end by age (in whole years, on the month's last day) and gender."""
    last_day = month.last_day.isoformat()
    age = ("(CAST(strftime('%Y', :d) AS INTEGER) - CAST(strftime('%Y', birthday) AS INTEGER)"
           " - (strftime('%m-%d', birthday) > strftime('%m-%d', :d)))")
    band = "CASE WHEN birthday IS NULL THEN :unknown " + " ".join(
        f"WHEN {age} <= {high} THEN '{label}'" for label, _, high in AGE_BANDS) + " END"
    rows = database.execute_sql(
        f"SELECT {band} AS band, gender, COUNT(*) FROM member WHERE joined_on < :end GROUP BY band, gender",
        {"d": last_day, "unknown": UNKNOWN_AGE, "end": bound(month.end)}).fetchall()
    return AgeGender({(b, g): n for b, g, n in rows})
