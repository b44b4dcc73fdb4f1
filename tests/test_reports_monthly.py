"""The June 2026 report of the hand-built pharmacy in reports_helpers, every figure worked by hand.

Who and what (owner-staff in brackets):
  D (李娜) bought 2025-09-10; C (李娜) bought 2025-12-15; B (王芳) bought 2026-05-31 (served by 刘洋),
  returned 20元 of it on 06-05; A (李娜) and E (李娜) joined in June.
  June sales: s1 A 100元 − 3元 welcome coupon = 97.00 (李娜); s2 A 45.01 (刘洋);
  s3 B 90元 − 500 points (20元) = 70.00 (李娜); s4 walk-in 20.01 (李娜); s5 walk-in 10.00 (刘洋),
  returned whole on 06-13. July 1 00:00:00: B 600元 (outside June).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from pharmacy_desk.core import check, settings
from pharmacy_desk.core.reports.mix import age_gender, tier_mix
from pharmacy_desk.core.reports.monthly import monthly_figures, top_categories
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.staff import owner_share, staff_report
from tests.reports_helpers import T, build_june

JUNE, MAY, JULY = Month(2026, 6), Month(2026, 5), Month(2026, 7)


@pytest.fixture
def june(db, make_member, sell, clerk, owner):
    built = build_june(make_member, sell, clerk, owner)
    assert check.run_checks() == []
    return built


def test_sales_split_tickets_and_returns(june):
    f = monthly_figures(JUNE)
    # member gross 9700 + 4501 + 7000 = 21201, less the 2000 refunded on B's May sale
    assert f.sales_member_fen == 19201
    # walk-in gross 2001 + 1000 = 3001, less s5's 1000 refund
    assert f.sales_walkin_fen == 2001
    assert f.sales_net_fen == 21202 and f.returns_fen == 3000
    assert (f.sales_count, f.member_sales_count) == (5, 3)
    # 24202 / 5 = 4840.4 → 4840; 21201 / 3 = 7067; 3001 / 2 = 1500.5 → 1501 (half up)
    assert (f.avg_ticket_fen, f.avg_ticket_member_fen, f.avg_ticket_walkin_fen) == (4840, 7067, 1501)


def test_members_activity_and_dormancy(june):
    f = monthly_figures(JUNE)
    # A (2 visits) and B (1 visit) bought in June
    assert f.active_members == 2 and f.repurchase_rate == Fraction(1, 2)
    assert f.visits_per_active == Fraction(3, 2)
    assert (f.new_members, f.members_total) == (2, 5)  # A, E; all five joined by June 30
    # 6 months: cutoff 2026-01-01. C (last 2025-12-15) and D (2025-09-10) are dormant;
    # C's last sale falls in December 2025, so C turned dormant at the end of June.
    assert (f.dormant_members, f.newly_dormant) == (2, 1)
    # 3 months: cutoff 2026-04-01, C and D still dormant; nobody's last sale is in March → 0 new
    assert (monthly_figures(JUNE, dormant_months=3).dormant_members,
            monthly_figures(JUNE, dormant_months=3).newly_dormant) == (2, 0)
    may = monthly_figures(MAY)
    # May: cutoff 2025-12-01 → only D (last 2025-09-10); newly dormant needs a last sale in November → 0
    assert (may.dormant_members, may.newly_dormant, may.members_total) == (1, 0, 3)


def test_dormancy_follows_the_setting(june, owner):
    settings.change("dormant_months", 3, owner)
    assert monthly_figures(JUNE).newly_dormant == 0


def test_points_flow_and_outstanding_liability(june):
    f = monthly_figures(JUNE)
    # credits: 1000 adjust (B) + 4 (s1) + 4 (s3) + 3 (s2) = 1011
    assert f.points_issued == 1011
    assert f.points_redeemed == 500  # s3's points as cash
    assert f.points_expired == 5  # C's 2 and D's 3, expired 06-01
    # A's −5 adjustment and 1 from B's May return: the 30元 kept is 1 whole block of 20元, so 1 of 2 goes back
    assert f.points_other_out == 6
    # B: 2 − 1 + 1000 − 500 + 4 = 505; A: 4 + 3 − 5 = 2; C, D: 0 → 507 (July's points excluded)
    assert f.points_outstanding == 507
    assert f.points_outstanding_fen == 507 * 2000 // 500 == 2028
    # May ends with B 2 + C 2 + D 3 (not yet expired in the ledger) = 7; the month's flow explains the change
    assert monthly_figures(MAY).points_outstanding == 7
    assert 507 - 7 == f.points_issued - f.points_redeemed - f.points_expired - f.points_other_out


def test_coupons_issued_and_used(june):
    f = monthly_figures(JUNE)
    # welcome coupons of A (06-02) and E (06-20) issued in June; A's used in s1
    assert (f.coupons_issued, f.coupons_used, f.coupon_use_rate) == (2, 1, Fraction(1, 2))


def test_top_categories_net_of_refunds(june):
    got = [(c.code, c.paid_fen, c.refund_fen, c.net_fen) for c in top_categories(JUNE)]
    assert got == [
        ("household", 9700 + 2001, 2000, 9701),
        ("supplement", 7000, 0, 7000),
        ("otc", 4501 + 1000, 1000, 4501),
    ]


def test_tier_mix_is_the_tier_held_at_month_end(june):
    # B became 核心会员 on July 1 (600元 within 12 months); in June B was still 普通会员
    assert [(t.code, t.members) for t in tier_mix(JUNE)] == [("normal", 5), ("core", 0), ("vip", 0),
                                                            ("platinum", 0)]
    assert [(t.code, t.members) for t in tier_mix(JULY)] == [("normal", 4), ("core", 1), ("vip", 0),
                                                            ("platinum", 0)]


def test_age_bands_and_gender_on_the_last_day(june):
    ages = age_gender(JUNE)
    # ages on 2026-06-30: A 1996-05-31 → 30, B 1966-04-15 → 60, C 1965-06-30 → 61,
    # D 1996-07-01 → 29 (birthday tomorrow), E no birthday
    assert ages.cells == {("30–45岁", "F"): 1, ("46–60岁", "M"): 1, ("60岁以上", "F"): 1,
                          ("30岁以下", "M"): 1, ("生日未知", ""): 1}
    assert (ages.gender_total("F"), ages.gender_total("M"), ages.gender_total(""), ages.total) == (2, 2, 1, 5)
    assert age_gender(MAY).total == 3  # A and E had not joined


def test_owner_share_is_largest_remainder():
    assert owner_share(4501, 70) == 3151  # 3150.7 vs 1350.3: the spare fen goes to the owner
    assert owner_share(5, 70) == 4  # 3.5 vs 1.5: a tie goes to the owner
    assert owner_share(1, 70) == 1 and owner_share(1, 30) == 0
    assert owner_share(1000, 100) == 1000 and owner_share(1000, 0) == 0


def test_staff_report_credits_and_members(june, clerk, owner):
    rows = {s.name: s for s in staff_report(JUNE)}
    assert set(rows) == {"李娜", "王芳", "刘洋"}  # the system operator is left out
    li, wang, liu = rows["李娜"], rows["王芳"], rows["刘洋"]
    # 李娜 served s1 9700 (own member), s3 7000 − 70% to 王芳 = 2100, s4 2001 → 13801;
    # as A's owner she gets 70% of s2: 4501 × 0.7 = 3150.7 → 3151
    assert (li.served_fen, li.owner_fen, li.credited_fen) == (13801, 3151, 16952)
    # 刘洋: s2 4501 − 3151 = 1350, s5 1000 − 1000 refunded, May refund −2000 split −1400/−600 → 750
    assert (liu.served_fen, liu.owner_fen) == (750, 0)
    # 王芳: 70% of s3 = 4900, less 70% of the 2000 refund = 1400 → 3500
    assert (wang.served_fen, wang.owner_fen) == (0, 3500)
    assert sum(s.credited_fen for s in rows.values()) == monthly_figures(JUNE).sales_net_fen == 21202
    # 李娜 owns A, C, D, E and signed A and E in June; C turned dormant → 1 lost
    assert (li.members_owned, li.new_members, li.newly_dormant) == (4, 2, 1)
    assert (wang.members_owned, wang.new_members, wang.newly_dormant) == (1, 0, 0)
    assert (liu.members_owned, liu.new_members, liu.newly_dormant) == (0, 0, 0)


def test_staff_credit_follows_the_setting(june, owner):
    settings.change("owner_credit_percent", 50, owner)
    li = {s.name: s for s in staff_report(JUNE)}["李娜"]
    assert li.owner_fen == (4501 * 50 + 50) // 100 == 2251  # 2250.5 → tie to the owner


def test_empty_month_is_all_zero(db):
    f = monthly_figures(JUNE)
    assert all(value == 0 for _, value in f.items())
    assert top_categories(JUNE) == [] and age_gender(JUNE).total == 0


def test_month_parsing():
    assert Month.parse("2026-06") == JUNE and Month.parse(" 2026-6 ") == JUNE
    assert JUNE.trailing(3) == [Month(2026, 4), MAY, JUNE] and Month(2026, 1).shifted(-1) == Month(2025, 12)
    from pharmacy_desk.core.errors import InvalidInput
    for bad in ("2026-13", "六月", "2026/06"):
        with pytest.raises(InvalidInput):
            Month.parse(bad)


def test_leap_day_birthday_turns_a_year_older_on_1_march(db, make_member):
    make_member(phone="13800000009", gender="F", birthday=dt.date(2000, 2, 29), at=T(1, 1))
    # 2030-02-28: not yet 30 (the birthday has not come); 2030-03-31: 30
    assert age_gender(Month(2030, 2)).cells == {("30岁以下", "F"): 1}
    assert age_gender(Month(2030, 3)).cells == {("30–45岁", "F"): 1}
    # a leap-year February ends on the 29th: born 1998-02-28 is 30 on 2028-02-29
    make_member(phone="13800000010", gender="M", birthday=dt.date(1998, 2, 28), at=T(1, 1))
    assert age_gender(Month(2028, 2)).cells == {("30岁以下", "F"): 1, ("30–45岁", "M"): 1}


def test_a_dormancy_series_matches_month_by_month(june, clerk):
    from pharmacy_desk.core.reports.dormancy import dormancy, dormancy_series

    months = Month(2026, 3).trailing(6) + [MAY, JUNE, JULY]
    series = dormancy_series(months)
    assert [(d.month, d.dormant, d.newly) for d in series] == [
        (m, dormancy(m).dormant, dormancy(m).newly) for m in months]
    # June alone: C turned dormant, owned by 李娜; in a series only the last month names owners
    assert dormancy(JUNE).newly_by_owner == {clerk.id: 1}
    assert dormancy_series([JUNE, JULY])[0].newly_by_owner == {}
    # by hand, 6 months: March 2026 end (cutoff 2025-10-01): D (last 2025-09-10) newly dormant
    assert (series[5].month, series[5].dormant, series[5].newly) == (Month(2026, 3), 1, 1)
