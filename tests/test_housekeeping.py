import datetime as dt

from pharmacy_desk.core import ledger
from pharmacy_desk.core.housekeeping import run_due_jobs
from pharmacy_desk.core.models import Member


def test_due_jobs_expire_points_and_review_tiers_once(db, make_member, sell):
    member = make_member(at=dt.datetime(2025, 1, 5, 9))
    sell(member, {"household": 60000}, at=dt.datetime(2025, 1, 5, 10))  # 30 points, 核心会员
    first = run_due_jobs(dt.date(2026, 3, 2))
    assert first.points_expired == 30 and ledger.balance(member.id) == 0
    assert first.review.downgraded == 1 and Member.get_by_id(member.id).tier.code == "normal"
    again = run_due_jobs(dt.date(2026, 3, 2))
    assert again.points_expired == 0 and again.review.already_done
