"""RFM 客户分群: recency, frequency and money scored 1–5 on thresholds, then eight segments.

Who: members with at least one sale in the ``window_months`` ending at month end.
R = days from their last sale's date to the month's end (the first day after it),
F = number of sales, M = paid amount (fen, before refunds) in the window.

Scores use thresholds, not quintiles, so a member's score means the same thing
month after month and the owner can read and change them: ``recency_days`` are
upper bounds for scores 5, 4, 3, 2 (older is 1); ``frequency`` and ``money_fen``
are lower bounds for scores 5, 4, 3, 2 (less is 1).

The current month reads each member's running figures (``core.activity``) when they
hold its window, instead of a year of sales.

A score is "high" when it is above the average score of the members scored (the
usual split), compared exactly in integers: ``score × count > sum of scores``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pharmacy_desk.core import activity, dialect, operations
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports.period import Month, bound

# (R high, F high, M high) → segment name.
SEGMENTS = {
    (True, True, True): "重要价值客户",
    (True, False, True): "重要发展客户",
    (False, True, True): "重要保持客户",
    (False, False, True): "重要挽留客户",
    (True, True, False): "一般价值客户",
    (True, False, False): "一般发展客户",
    (False, True, False): "一般保持客户",
    (False, False, False): "一般挽留客户",
}
SEGMENT_ORDER = list(SEGMENTS.values())


@dataclass(frozen=True)
class RfmThresholds:
    window_months: int = 12
    recency_days: tuple[int, int, int, int] = (30, 60, 90, 180)
    frequency: tuple[int, int, int, int] = (12, 6, 3, 2)
    money_fen: tuple[int, int, int, int] = (300000, 150000, 60000, 20000)

    def describe(self) -> list[tuple[str, str]]:
        r, f, m = self.recency_days, self.frequency, self.money_fen
        return [
            ("统计期", f"月末前 {self.window_months} 个月"),
            ("R 最近消费（天）", f"≤{r[0]} 为5分，≤{r[1]} 为4分，≤{r[2]} 为3分，≤{r[3]} 为2分，其余1分"),
            ("F 消费次数", f"≥{f[0]} 为5分，≥{f[1]} 为4分，≥{f[2]} 为3分，≥{f[3]} 为2分，其余1分"),
            ("M 消费金额（元）", "，".join(f"≥{v // 100} 为{5 - i}分" for i, v in enumerate(m)) + "，其余1分"),
            ("高低划分", "得分高于全体平均分为“高”，否则为“低”"),
        ]


@dataclass(frozen=True)
class RfmResult:
    thresholds: RfmThresholds
    scored: int
    average: tuple[float, float, float]  # for display only; the split itself is exact
    segments: dict[str, int] = field(default_factory=dict)

    def ordered(self) -> list[tuple[str, int]]:
        return [(name, self.segments.get(name, 0)) for name in SEGMENT_ORDER]


def _score(column: str, bounds: tuple[int, ...], upper: bool) -> str:
    op = "<=" if upper else ">="
    whens = " ".join(f"WHEN {column} {op} {int(b)} THEN {5 - i}" for i, b in enumerate(bounds))
    return f"CASE {whens} ELSE 1 END"


def rfm_segments(month: Month, thresholds: RfmThresholds = RfmThresholds()) -> RfmResult:
    """Segment sizes for the members active in the window ending at month end."""
    end = month.end
    start = add_months(end, -thresholds.window_months)
    if activity.covers(month.first_day, operations.now().date(), thresholds.window_months):
        # The current month: each member's running figures hold exactly this window.
        members = (f"SELECT {dialect.days_between(':end', 'last_sale_at')} AS r, visits AS f, paid_fen AS m"
                   " FROM member_activity WHERE visits > 0")
    else:
        members = (
            f"SELECT {dialect.days_between(':end', 'MAX(created_at)')} AS r,"
            " COUNT(*) AS f, SUM(paid_fen) AS m FROM sale"
            # Keeping the planner off the created_at index: a year of sales read through it
            # costs a table lookup per sale and a sort by member, while the covering (member,
            # created_at, paid_fen) index is read once in member order (4.0 → 2.4 s at 1M members).
            f" WHERE {dialect.not_via_index('created_at')} >= :start AND {dialect.not_via_index('created_at')} < :end"
            " AND member_id IS NOT NULL GROUP BY member_id")
    scored_sql = (
        f"SELECT {_score('r', thresholds.recency_days, True)} AS rs,"
        f" {_score('f', thresholds.frequency, False)} AS fs,"
        f" {_score('m', thresholds.money_fen, False)} AS ms FROM ({members})")
    rows = database.execute_sql(
        f"WITH scored AS ({scored_sql}),"
        " totals AS (SELECT COUNT(*) AS n, SUM(rs) AS sr, SUM(fs) AS sf, SUM(ms) AS sm FROM scored)"
        " SELECT rs * n > sr, fs * n > sf, ms * n > sm, COUNT(*), n, sr, sf, sm FROM scored, totals"
        " GROUP BY 1, 2, 3", {"start": bound(start), "end": bound(end)}).fetchall()
    if not rows:
        return RfmResult(thresholds, 0, (0.0, 0.0, 0.0), {})
    n, sr, sf, sm = rows[0][4:]
    segments = {SEGMENTS[(bool(r), bool(f), bool(m))]: count for r, f, m, count, *_ in rows}
    return RfmResult(thresholds, n, (sr / n, sf / n, sm / n), segments)
