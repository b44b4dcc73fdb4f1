"""A small pharmacy whose June 2026 report was worked out by hand (see test_reports_monthly)."""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import ledger, returns
from pharmacy_desk.core.models import Coupon, SaleLine, Staff


def T(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second)


def build_june(make_member, sell, clerk: Staff, owner: Staff) -> dict:
    """Five members, three staff, sales around June 2026 (clerk 李娜, owner 王芳, second clerk 刘洋)."""
    liu = Staff.create(name="刘洋", role="cashier")
    d = make_member(phone="13800000004", name="丁四", gender="M", birthday=dt.date(1996, 7, 1),
                    at=T(8, 1, year=2025))
    c = make_member(phone="13800000003", name="陈三", gender="F", birthday=dt.date(1965, 6, 30),
                    at=T(10, 1, year=2025))
    b = make_member(phone="13800000002", name="白二", gender="M", birthday=dt.date(1966, 4, 15),
                    at=T(11, 5, year=2025), operator=owner)
    a = make_member(phone="13800000001", name="安一", gender="F", birthday=dt.date(1996, 5, 31), at=T(6, 2))
    e = make_member(phone="13800000005", name="鄂五", at=T(6, 20))

    sell(d, {"household": 6000}, at=T(9, 10, year=2025))  # 3 points, lot lapses 2025-12-10
    sell(c, {"household": 4000}, at=T(12, 15, year=2025))  # 2 points, lot lapses 2026-03-15
    may = sell(b, {"household": 5000}, at=T(5, 31, 23, 59, 59), operator=liu)  # 2 points
    ledger.expire_due(dt.date(2026, 6, 1), owner)  # expires C's 2 and D's 3 at 2026-06-01 00:00
    ledger.adjust(b.id, 1000, "老会员补积分", owner, "adj-b", at=T(6, 1, 9))
    returns.return_sale(sale_id=may.sale.id, operator=clerk, uid="ret-may", at=T(6, 5),
                        amounts={SaleLine.get(SaleLine.sale == may.sale.id).id: 2000})
    welcome_a = Coupon.get(Coupon.member == a)
    s1 = sell(a, {"household": 10000}, at=T(6, 3), coupon_id=welcome_a.id)  # paid 9700 → 4 points
    s3 = sell(b, {"supplement": 9000}, at=T(6, 10), points_used=500)  # paid 7000 → 2 blocks × 2 = 4 points
    s4 = sell(None, {"household": 2001}, at=T(6, 11))
    s5 = sell(None, {"otc": 1000}, at=T(6, 12), operator=liu)
    returns.return_sale(sale_id=s5.sale.id, operator=liu, uid="ret-s5", at=T(6, 13))
    s2 = sell(a, {"otc": 4501}, at=T(6, 15), operator=liu)  # 3 points
    ledger.adjust(a.id, -5, "更正", owner, "adj-a", at=T(6, 20, 12))
    july = sell(b, {"household": 60000}, at=T(7, 1, 0, 0, 0))  # crosses 500 yuan: 核心会员 from July
    return dict(a=a, b=b, c=c, d=d, e=e, liu=liu, s1=s1, s2=s2, s3=s3, s4=s4, s5=s5, may=may, july=july)
