"""A pharmacy's history for the month-end tests, written through the services.

``generate_history`` writes five months (January–May 2026) of sign-ups, sales with coupons,
points adjusted and expired, and returns whole and in part, some in a later month than the
sale; ``june_business`` writes what June then brings after the close.
"""

from __future__ import annotations

import datetime as dt
import random

from pharmacy_desk.core import ledger, returns
from pharmacy_desk.core.models import Coupon, Member, Sale, SaleLine, SaleReturn, TierChange
from pharmacy_desk.core.reports.period import Month

NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二", "陈晨", "褚楚"]
CATEGORIES = ["household", "otc", "supplement", "rx", "device"]
FIRST, LAST = Month(2026, 1), Month(2026, 5)
CLOSE_DAY = dt.date(2026, 6, 1)
APRIL, MAY, JUNE = Month(2026, 4), Month(2026, 5), Month(2026, 6)


def sold_at(result) -> dt.datetime:
    return Sale.get_by_id(result.sale.id).created_at


def _moment(rng: random.Random, month: Month) -> dt.datetime:
    day = rng.randint(1, month.last_day.day)
    # the first and last second of a month are where a bound written wrong shows
    hour, minute, second = rng.choice([(0, 0, 0), (23, 59, 59), (rng.randint(8, 21), rng.randint(0, 59), 0)])
    return dt.datetime(month.year, month.month, day, hour, minute, second)


def generate_history(seed: int, make_member, sell, clerk, owner) -> list:
    """Members and five months of sales and returns; returns the sales (oldest first)."""
    rng = random.Random(seed)
    joins = [(2025, 12), (2026, 1), (2026, 2), (2026, 3)]
    members = [make_member(name=rng.choice(NAMES), gender=rng.choice(["F", "M", ""]),
                           birthday=rng.choice([None, dt.date(rng.randint(1940, 2005), rng.randint(1, 12), 15)]),
                           owner_staff=rng.choice([None, clerk.id, owner.id]),
                           at=dt.datetime(*rng.choice(joins), rng.randint(1, 28), 9)) for _ in range(14)]
    used: set[int] = set()
    sold, month = [], FIRST
    while month <= LAST:
        moments = sorted(_moment(rng, month) for _ in range(rng.randint(12, 20)))
        for at in moments:
            member = rng.choice([m for m in members if m.created_at <= at] + [None, None])
            fields = {}
            coupon = Coupon.get_or_none(Coupon.member == member) if member is not None else None
            if (coupon is not None and coupon.id not in used and coupon.valid_from <= at.date() <= coupon.valid_until
                    and rng.random() < 0.5):
                fields["coupon_id"] = coupon.id
                used.add(coupon.id)
            amounts = {c: rng.randint(500, 40000) for c in rng.sample(CATEGORIES, rng.randint(1, 2))}
            sold.append(sell(member, amounts, at=at, operator=rng.choice([clerk, owner]), **fields))
        if rng.random() < 0.7:
            someone = rng.choice(members)
            ledger.adjust(someone.id, rng.randint(1, 300), "补录积分", owner, f"adj-{seed}-{month}",
                          at=_moment(rng, month))
        month = month.shifted(1)
        ledger.expire_due(month.first_day, owner)
    # Returns, some weeks after the sale: across month ends, whole and in part.
    for n, result in enumerate(rng.sample(sold, len(sold) // 5)):
        at = sold_at(result) + dt.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 3))
        if at >= dt.datetime.combine(CLOSE_DAY, dt.time()):
            continue
        return_of(result, at, owner, f"r{seed}-{n}", whole=rng.random() < 0.5, rng=rng)
    return sold


def return_of(result, at: dt.datetime, owner, uid: str, *, whole: bool = True, rng: random.Random | None = None):
    amounts = None
    if not whole and rng is not None:
        line = SaleLine.get(SaleLine.sale == result.sale.id)
        amounts = {line.id: max(1, line.amount_fen // rng.randint(2, 4))}
    returns.return_sale(sale_id=result.sale.id, operator=owner, uid=uid, amounts=amounts, at=at)




def june_business(make_member, sell, owner, clerk, history, folder) -> None:
    """June after the close: sign-ups, sales (one lifting a tier), a late return, points adjusted
    and expired, a profile edited, a member erased, a legacy list imported with old join dates."""
    from pharmacy_desk.core import erasure, profiles, tiers
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from tests.spreadsheet_helpers import write_xlsx

    newcomer = make_member(name="新人", gender="F", birthday=dt.date(1990, 6, 30), owner_staff=clerk.id,
                           at=dt.datetime(2026, 6, 2, 9))
    regular = Member.select().order_by(Member.id).first()
    sell(newcomer, {"supplement": 90000}, at=dt.datetime(2026, 6, 3, 10))  # enough for the next tier
    sell(regular, {"otc": 4500}, at=dt.datetime(2026, 6, 4, 11), operator=owner)
    sell(None, {"household": 1200}, at=dt.datetime(2026, 6, 5, 12))
    returned = {r.sale_id for r in SaleReturn.select()}
    late = next(s for s in history if sold_at(s).month == 5 and s.sale.id not in returned)
    return_of(late, dt.datetime(2026, 6, 6, 10), owner, "june-late")
    ledger.adjust(regular.id, 250, "补录积分", owner, "june-adj", at=dt.datetime(2026, 6, 7, 9))
    ledger.expire_due(dt.date(2026, 6, 15), owner)
    tiers.monthly_review(dt.date(2026, 6, 1), owner, at=dt.datetime(2026, 6, 1, 1))
    others = list(Member.select().where(Member.id != regular.id).order_by(Member.id))
    profiles.update_profile(others[0].id, owner, birthday=dt.date(1958, 2, 1), owner_staff=owner, gender="M",
                            today=dt.date(2026, 6, 8))
    erasure.erase_member(others[1].id, owner, at=dt.datetime(2026, 6, 9, 9))
    rows = [["姓名", "手机", "性别", "生日", "入会日期", "积分", "会员等级"],
            ["老会员甲", "13912340001", "女", "1970-03-04", "2019-05-01", "1200", ""],
            ["老会员乙", "13912340002", "男", "", "2021-11-20", "300", ""]]
    commit_import(read_plan(write_xlsx(folder / "old.xlsx", {"Sheet1": rows}), today=dt.date(2026, 6, 10)), owner,
                  at=dt.datetime(2026, 6, 10, 9, 30))
    assert TierChange.select().where(TierChange.changed_at >= dt.datetime(2026, 6, 1)).exists()


