"""RFM 客户分群: recency, frequency and money scored 1–5 on thresholds, then eight segments.

Who: members with at least one sale in the ``window_months`` ending at month end.
R = days from their last sale's date to the month's end (the first day after it),
F = number of sales, M = paid amount (fen, before refunds) in the window.

Scores use thresholds, not quintiles, so a member's score means the same thing
month after month and the owner can read and change them: ``recency_days`` are
upper bounds for scores 5, 4, 3, 2 (older is 1); ``frequency`` and ``money_fen``
are lower bounds for scores 5, 4, 3, 2 (less is 1).

The current month reads each member's running figures (``core.activity``) when they
hold its window, instead of a year of sales, in two plain passes over that small table
(``_from_activity``): SQLite groups by sorting, and sorting half a million members into
their score cells costs more than reading them twice. The first pass counts the month's
dormancy too (``dormancy_and_segments``).

A score is "high" when it is above the average score of the members scored (the
usual split), compared exactly in integers: ``score × count > sum of scores``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pharmacy_desk.core import activity, dialect, operations, settings
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports import dormancy
from pharmacy_desk.core.reports.dormancy import Dormancy
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
        return _from_activity(end, thresholds)[0]
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


def dormancy_and_segments(month: Month, thresholds: RfmThresholds = RfmThresholds(),
                          dormant_months: int | None = None) -> tuple[Dormancy, RfmResult] | None:
    """The current month's dormancy and segments from two passes over the running figures.

    The first counts the dormant, the newly dormant (naming them, for their owners) and RFM's
    totals; the second who is high on what. Apart, the two read the figures four times. None
    when the running figures do not hold the month (another month, or another RFM period).
    """
    if not activity.covers(month.first_day, operations.now().date(), thresholds.window_months):
        return None
    n = settings.get("dormant_months") if dormant_months is None else dormant_months
    result, counts = _from_activity(month.end, thresholds, dormancy.running_columns(month, n))
    return dormancy.from_running(month, *counts), result


def _recency_day(end: dt.date, days: int) -> str:
    """The earliest last sale within ``days`` of ``end``: R ≤ days ⇔ the sale's date is on or after it."""
    return bound(end - dt.timedelta(days=days))


def _high_from(score_sums: int, n: int) -> int:
    """The lowest score that counts as high (score × n > sum); 6 when none does."""
    return next((score for score in range(1, 6) if score * n > score_sums), 6)


def _at_least(column: str, bounds: tuple, score: int) -> str:
    """``column``'s score is ``score`` or more, as one comparison of the raw value.

    The score is 5 for the first lower bound met, 4 for the second …, so it is at least
    ``score`` when any of the first 6 − ``score`` bounds is met: the lowest of them decides
    (bounds out of order included).
    """
    if score <= 1:
        return "1"
    if score >= 6:
        return "0"
    lowest = min(bounds[:6 - score])
    return f"{column} >= '{lowest}'" if isinstance(lowest, str) else f"{column} >= {int(lowest)}"


def _from_activity(end: dt.date, thresholds: RfmThresholds, also: tuple[list[str], dict[str, str]] = ([], {}),
                   ) -> tuple[RfmResult, tuple]:
    """The segments from each member's running figures: totals first, then who is high on what.

    ``also`` adds columns (with their parameters) to the totals' pass over every member's
    row, whose values come back beside the result: the pass that counts the current month's
    dormancy (``dormancy_and_segments``).
    """
    recency = tuple(_recency_day(end, days) for days in thresholds.recency_days)
    r_score = "CASE " + " ".join(f"WHEN last_sale_at >= '{day}' THEN {5 - i}"
                                 for i, day in enumerate(recency)) + " ELSE 1 END"
    scored = "FILTER (WHERE visits > 0)"  # RFM's members: a sale in the window
    columns, params = also
    n, sr, sf, sm, *others = database.execute_sql(
        f"SELECT {dialect.count_where('visits > 0')}, SUM({r_score}) {scored},"
        f" SUM({_score('visits', thresholds.frequency, False)}) {scored},"
        f" SUM({_score('paid_fen', thresholds.money_fen, False)}) {scored}"
        + "".join(f", {column}" for column in columns) + " FROM member_activity", params).fetchone()
    return _segments(thresholds, recency, n, sr, sf, sm), tuple(others)


def _segments(thresholds: RfmThresholds, recency: tuple[str, ...], n: int, sr: int, sf: int, sm: int,
              ) -> RfmResult:
    """The segment sizes given the totals: a second pass counts who is high on R, F and M."""
    if not n:
        return RfmResult(thresholds, 0, (0.0, 0.0, 0.0), {})
    # Recency as the earliest day of a last sale: a lower bound on the stored text, like F's and M's.
    high_r = _at_least("last_sale_at", recency, _high_from(sr, n))
    high_f = _at_least("visits", thresholds.frequency, _high_from(sf, n))
    high_m = _at_least("paid_fen", thresholds.money_fen, _high_from(sm, n))
    # How many are high on R, F, M, on each pair and on all three; each cell follows by inclusion–exclusion.
    r, f, m, rf, rm, fm, rfm = database.execute_sql(
        "SELECT " + ", ".join(dialect.count_where(c) for c in (
            high_r, high_f, high_m, f"({high_r}) AND ({high_f})", f"({high_r}) AND ({high_m})",
            f"({high_f}) AND ({high_m})", f"({high_r}) AND ({high_f}) AND ({high_m})"))
        + " FROM member_activity WHERE visits > 0").fetchone()
    cells = {
        (True, True, True): rfm,
        (True, True, False): rf - rfm, (True, False, True): rm - rfm, (False, True, True): fm - rfm,
        (True, False, False): r - rf - rm + rfm, (False, True, False): f - rf - fm + rfm,
        (False, False, True): m - rm - fm + rfm,
        (False, False, False): n - r - f - m + rf + rm + fm - rfm,
    }
    segments = {SEGMENTS[cell]: count for cell, count in cells.items() if count}
    return RfmResult(thresholds, n, (sr / n, sf / n, sm / n), segments)
