"""月度报告: everything the owner's month-end view shows, built in one call.

A month that has ended is read from its stored figures (``closing``: closed months are
facts); the month under way, and any month not closed, is computed from the records,
the current month's dormancy and RFM from each member's running figures, and its points
owed from the month before's stored balance plus the month's own entries. RFM with the
owner's own thresholds is computed for the month asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.reports import closing
from pharmacy_desk.core.reports.dormancy import Dormancy, dormancy_series
from pharmacy_desk.core.reports.mix import age_gender, tier_mix
from pharmacy_desk.core.reports.month_parts import MonthParts, consecutive_runs
from pharmacy_desk.core.reports.monthly import MonthlyFigures, monthly_series, top_categories
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.rfm import RfmThresholds, dormancy_and_segments, rfm_segments
from pharmacy_desk.core.reports.staff import staff_report
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate


@dataclass(frozen=True)
class MonthlyReport(MonthParts):
    """The month's parts, as computed or as its close stored them, with the trailing months beside them."""

    trend: list[MonthlyFigures]  # the trailing months, oldest first, ending with ``figures``
    closed: bool = False  # the month's figures were read from its close

    @classmethod
    def of(cls, parts: MonthParts, trend: list[MonthlyFigures], *, closed: bool) -> MonthlyReport:
        return cls(**{part.name: getattr(parts, part.name) for part in fields(MonthParts)}, trend=trend, closed=closed)

    @property
    def month(self) -> Month:
        return self.figures.month


def _quiet(done: int, total: int, text: Sentence | str = "") -> None:
    pass


def build_report(month: Month, operator: Operator, *, rfm_thresholds: RfmThresholds = RfmThresholds(),
                 trend_months: int = 12, progress: Progress = _quiet, live: bool = False) -> MonthlyReport:
    """The month's full report; ``trend_months`` = 1 skips the earlier months' figures.

    ``live`` computes every month from the records, closed or not (what a close stores).
    """
    require(operator, Permission.VIEW_REPORTS)
    months = month.trailing(max(trend_months, 1))
    steps = 6
    progress(0, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在读取已结账月份……")))
    # The month before the trend too: a month computed after a closed one starts from its points owed.
    stored = {} if live else closing.stored([months[0].shifted(-1), *months])
    closed = {m: parts for m, parts in stored.items() if m in months}
    figures = {m: parts.figures for m, parts in closed.items()}
    dormant: dict[Month, Dormancy] = {}
    progress(1, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在统计各月指标……")))
    # The current month: its dormancy and RFM from one pass over the members' running figures.
    now = None if month in closed else dormancy_and_segments(month, rfm_thresholds)
    for run in consecutive_runs([m for m in months if m not in closed]):
        run_dormant = [now[0]] if now is not None and run == [month] else dormancy_series(run)
        dormant.update(zip(run, run_dormant))
        before = stored.get(run[0].shifted(-1))
        opening = None if before is None else before.figures.points_outstanding
        figures.update(zip(run, monthly_series(run, dormant=run_dormant, opening_points=opening)))
    if month in closed:
        parts = closed[month]
        progress(3, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在计算 RFM 分群……")))
        rfm = parts.rfm if parts.rfm.thresholds == rfm_thresholds else rfm_segments(month, rfm_thresholds)
    else:
        progress(2, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在统计类别与会员结构……")))
        categories, tiers, ages = top_categories(month), tier_mix(month), age_gender(month)
        progress(3, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在计算 RFM 分群……")))
        rfm = rfm_segments(month, rfm_thresholds) if now is None else now[1]
        progress(4, steps, Sentence(QT_TRANSLATE_NOOP("core", "正在统计店员业绩……")))
        parts = MonthParts(figures[month], categories, tiers, ages, rfm, staff_report(month, dormant=dormant[month]))
    progress(steps, steps, "")
    return MonthlyReport.of(replace(parts, rfm=rfm), [figures[m] for m in months], closed=month in closed)
