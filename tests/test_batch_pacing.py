"""Every batch leaves the write lock free between two of its chunks long enough for a waiting till.

A till that asks for the lock while a chunk holds it asks again every ``dialect.LOCK_POLL_S``, and
on a loaded machine is woken a few ms late (``till_pacing.till_gap``): a batch that takes the
lock again sooner finds every waiting till asleep and keeps it, chunk after chunk. Each batch kind
runs here with its chunks made to hold the lock 30 ms, as a chunk of a million-member file
does; every gap between two of its transactions must be at least ``till_gap``. Taking
the pause out of a batch (or writing its chunks outside ``db.batch_transaction``) leaves gaps
of a fraction of a millisecond.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import activity, coupon_issue, coupon_templates, expiry, tiers
from pharmacy_desk.core.till_pacing import till_gap
from pharmacy_desk.core.defaults import system_staff
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports import closing
from pharmacy_desk.core.spreadsheet import commit
from pharmacy_desk.core.spreadsheet.plan import read_plan
from tests.pacing_helpers import lock_timeline
from tests.spreadsheet_helpers import write_xlsx

HOLD = 0.03
JAN = dt.datetime(2026, 1, 15, 10)


def _members_with_sales(make_member, sell, count, amount=20000):
    people = [make_member(at=JAN) for _ in range(count)]
    for person in people:
        sell(person, {"household": amount}, at=JAN)
    return people


def _expiry(make_member, sell, owner, tmp_path, monkeypatch):
    _members_with_sales(make_member, sell, 7)
    return lambda: expiry.catch_up(dt.date(2026, 4, 15), system_staff(), page=3)  # three pages and the mark


def _tier_review(make_member, sell, owner, tmp_path, monkeypatch):
    _members_with_sales(make_member, sell, 5, amount=60000)  # 核心会员 until the spend leaves the period
    return lambda: tiers.monthly_review(dt.date(2027, 3, 1), system_staff(), at=dt.datetime(2027, 3, 1, 9), chunk=2)


def _activity_roll(make_member, sell, owner, tmp_path, monkeypatch):
    today = dt.date.today()
    for person in [make_member(at=dt.datetime.combine(add_months(today, -14), dt.time(9))) for _ in range(7)]:
        sell(person, {"household": 5000}, at=dt.datetime.combine(add_months(today, -13), dt.time(10)))
    activity.rebuild(add_months(today, -1))  # as if housekeeping last ran a month ago
    return lambda: activity.roll_one_month(page=2)


def _activity_recount(make_member, sell, owner, tmp_path, monkeypatch):
    _members_with_sales(make_member, sell, 7)
    return lambda: activity.rebuild_beside_tills(dt.date.today(), lambda: None, page=2)


def _month_closing(make_member, sell, owner, tmp_path, monkeypatch):
    _members_with_sales(make_member, sell, 1)
    return lambda: closing.close_due_months(dt.date(2026, 5, 1), owner)  # January to April


def _coupon_list(make_member, sell, owner, tmp_path, monkeypatch):
    people = _members_with_sales(make_member, sell, 7)
    terms = coupon_templates.Terms(kind="threshold", title="满100减10", valid_days=30, value_fen=1000,
                                   min_spend_fen=10000)
    template = coupon_templates.create_template(terms, owner, at=JAN).template
    monkeypatch.setattr(coupon_issue, "CHUNK", 2)
    return lambda: coupon_issue.issue_to_members(template.id, [p.id for p in people], owner, batch="b1",
                                                 reason="list:test", target="测试名单", at=JAN)


def _import(make_member, sell, owner, tmp_path, monkeypatch):
    monkeypatch.setattr(commit, "CHUNK", 7)
    sheet = write_xlsx(tmp_path / "会员.xlsx", {"会员": [["姓名", "手机号", "积分"]] + [
        [f"会员{n}", f"139{n:08d}", str(n * 10)] for n in range(1, 22)]})
    plan = read_plan(sheet, today=dt.date(2026, 6, 10))
    return lambda: commit.commit_import(plan, owner, at=dt.datetime(2026, 6, 10, 9, 30))


BATCHES = {"expiry": _expiry, "tier review": _tier_review, "activity roll": _activity_roll,
           "activity recount": _activity_recount, "month closing": _month_closing, "coupons to a list": _coupon_list,
           "import": _import}


@pytest.mark.parametrize("kind", BATCHES)
def test_the_lock_is_left_free_between_two_chunks_for_a_till_that_waited_through_one(
        kind, db, make_member, sell, owner, tmp_path, monkeypatch):
    run = BATCHES[kind](make_member, sell, owner, tmp_path, monkeypatch)
    timeline = lock_timeline(monkeypatch, hold=HOLD)
    run()
    gaps = timeline.gaps()
    assert len(gaps) >= 3, gaps  # the batch ran in chunks
    least = till_gap()  # a till that waited through a chunk asks again within this of its end
    assert all(held >= HOLD for held, _ in gaps)
    assert [round(free, 4) for _, free in gaps if free < least] == []
