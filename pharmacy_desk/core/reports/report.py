"""月度报告: everything the owner's month-end view shows, built in one call."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.reports.dormancy import dormancy_series
from pharmacy_desk.core.reports.mix import AgeGender, TierCount, age_gender, tier_mix
from pharmacy_desk.core.reports.monthly import CategoryFigure, MonthlyFigures, monthly_series, top_categories
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.rfm import RfmResult, RfmThresholds, rfm_segments
from pharmacy_desk.core.reports.staff import StaffFigures, staff_report

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class MonthlyReport:
    month: Month
    figures: MonthlyFigures
    categories: list[CategoryFigure]
    tiers: list[TierCount]
    ages: AgeGender
    rfm: RfmResult
    staff: list[StaffFigures]
    trend: list[MonthlyFigures]  # the trailing months, oldest first, ending with ``figures``


def _quiet(done: int, total: int, text: str = "") -> None:
    pass


def build_report(month: Month, operator: Staff, *, rfm_thresholds: RfmThresholds = RfmThresholds(),
                 trend_months: int = 12, progress: Progress = _quiet) -> MonthlyReport:
    """The month's full report; ``trend_months`` = 1 skips the earlier months' figures."""
    require(operator, Permission.VIEW_REPORTS)
    months = month.trailing(max(trend_months, 1))
    steps = 6
    progress(0, steps, "正在统计沉睡会员……")
    dormant = dormancy_series(months)
    progress(1, steps, "正在统计各月指标……")
    trend = monthly_series(months, dormant=dormant)
    progress(2, steps, "正在统计类别与会员结构……")
    categories, tiers, ages = top_categories(month), tier_mix(month), age_gender(month)
    progress(3, steps, "正在计算 RFM 分群……")
    rfm = rfm_segments(month, rfm_thresholds)
    progress(4, steps, "正在统计店员业绩……")
    staff = staff_report(month, dormant=dormant[-1])
    progress(steps, steps, "")
    return MonthlyReport(month, trend[-1], categories, tiers, ages, rfm, staff, trend)
