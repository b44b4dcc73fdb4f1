"""RFM segments and the whole report, on members whose scores were worked out by hand."""

from __future__ import annotations

import pytest

from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.report import build_report
from pharmacy_desk.core.reports.rfm import SEGMENT_ORDER, RfmThresholds, rfm_segments
from tests.reports_helpers import T

JUNE = Month(2026, 6)
SMALL = RfmThresholds(window_months=12, recency_days=(10, 30, 60, 90), frequency=(5, 4, 3, 2),
                      money_fen=(50000, 30000, 20000, 10000))


@pytest.fixture
def shoppers(db, make_member, sell):
    p, q, s, u = (make_member(phone=f"1390000000{i}", at=T(1, 1, year=2025)) for i in range(4))
    for day in (T(4, 1), T(5, 1), T(6, 25)):
        sell(p, {"household": 20000}, at=day)
    sell(q, {"household": 5000}, at=T(6, 1))
    sell(s, {"household": 15000}, at=T(1, 15))
    sell(s, {"household": 15000}, at=T(3, 1))
    sell(u, {"household": 99999}, at=T(6, 30, 23, 59, 59, year=2025))  # a day before the window opens
    return p, q, s, u


def test_segments_from_hand_scores(shoppers):
    result = rfm_segments(JUNE, SMALL)
    # window 2025-07-01 … 2026-06-30; R counted to 2026-07-01.
    # P: R 6 days → 5, F 3 → 3, M 600元 → 5;  Q: R 30 → 4, F 1 → 1, M 50元 → 1;
    # S: R 122 (from 03-01) → 1, F 2 → 2, M 300元 → 4;  U: outside the window, not scored.
    # sums over 3 members: R 10, F 6, M 10; high when score × 3 > sum:
    # P R15>10 F9>6 M15>10 → 重要价值; Q R12>10, F3, M3 → 一般发展; S R3, F6 (not >6), M12>10 → 重要挽留
    assert result.scored == 3
    assert result.segments == {"重要价值客户": 1, "一般发展客户": 1, "重要挽留客户": 1}
    assert result.average == (10 / 3, 2.0, 10 / 3)
    assert [name for name, _ in result.ordered()] == SEGMENT_ORDER and len(SEGMENT_ORDER) == 8


def test_thresholds_are_adjustable(shoppers):
    # M bars raised so nobody reaches 2 points on money: all M scores 1 → nobody "high" on M
    strict = RfmThresholds(window_months=12, recency_days=SMALL.recency_days, frequency=SMALL.frequency,
                           money_fen=(10**9, 10**8, 10**7, 10**6))
    result = rfm_segments(JUNE, strict)
    # R/F highs unchanged: P high R, high F → 一般价值; Q high R → 一般发展; S neither → 一般挽留
    assert result.segments == {"一般价值客户": 1, "一般发展客户": 1, "一般挽留客户": 1}
    # a 13-month window takes in U too (R 366 → 1, F 1 → 1, M 999.99元 → 5 on SMALL's money bars)
    assert rfm_segments(JUNE, RfmThresholds(13, SMALL.recency_days, SMALL.frequency, SMALL.money_fen)).scored == 4


def test_thresholds_are_described_for_the_owner():
    text = dict(RfmThresholds().describe())
    assert text["统计期"] == "月末前 12 个月"
    assert text["M 消费金额（元）"].startswith("≥3000 为5分，≥1500 为4分")


def test_no_sales_no_segments(db):
    result = rfm_segments(JUNE)
    assert result.scored == 0 and all(n == 0 for _, n in result.ordered())


def test_build_report_collects_everything_with_progress(shoppers, owner):
    calls = []
    report = build_report(JUNE, owner, rfm_thresholds=SMALL, trend_months=3, progress=lambda d, t, text: calls.append((d, t)))
    assert [f.month for f in report.trend] == [Month(2026, 4), Month(2026, 5), JUNE]
    assert report.figures is report.trend[-1]
    # April: P 200元; May: P 200元; June: P 200元 + Q 50元
    assert [f.sales_net_fen for f in report.trend] == [20000, 20000, 25000]
    assert report.rfm.scored == 3 and report.ages.total == 4
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
