import datetime as dt

import pytest

from pharmacy_desk.core import check, ledger
from pharmacy_desk.core.errors import InvalidInput, NotPermitted, PointsError
from pharmacy_desk.core.models import LedgerAllocation, LedgerEntry

JAN = dt.datetime(2026, 1, 15, 10)
FEB = dt.datetime(2026, 2, 20, 10)


def test_oldest_points_are_spent_first_and_lots_expire_after_three_months(db, make_member, sell, clerk, owner):
    member = make_member(at=JAN)
    sell(member, {"household": 20000}, at=JAN)  # 10 points, expire 2026-04-15
    sell(member, {"household": 40000}, at=FEB)  # 20 points, expire 2026-05-20
    ledger.adjust(member.id, -12, "兑换小礼品", owner, "a1", at=dt.datetime(2026, 3, 1))
    # 12 come from the January lot (10) then 2 from February
    debit = LedgerEntry.get(LedgerEntry.key == "a1/adjust")
    assert sorted((a.lot.created_at.month, a.points) for a in LedgerAllocation.select().where(
        LedgerAllocation.debit == debit)) == [(1, 10), (2, 2)]
    assert ledger.expiring_within(member.id, dt.date(2026, 4, 25), days=30) == 18
    assert ledger.expire_due(dt.date(2026, 5, 19), clerk) == 0
    assert ledger.expire_due(dt.date(2026, 5, 20), clerk) == 18
    assert ledger.expire_due(dt.date(2026, 5, 20), clerk) == 0  # idempotent
    assert ledger.expire_due(dt.date(2026, 6, 1), clerk) == 0
    assert ledger.balance(member.id) == 0 and check.run_checks() == []


def test_points_past_expiry_cannot_be_spent_even_before_the_run(db, make_member, sell, clerk, owner):
    member = make_member(at=JAN)
    sell(member, {"household": 20000}, at=JAN)  # 10 points until 2026-04-15
    with pytest.raises(PointsError, match="可用 0"):
        ledger.adjust(member.id, -5, "过期后尝试使用", owner, "a1", at=dt.datetime(2026, 4, 15, 9))
    # the refused operation wrote nothing, not even the expiry it started with
    assert ledger.balance(member.id) == 10 and LedgerEntry.select().count() == 1
    assert ledger.usable_points(member.id, dt.date(2026, 4, 15)) == 0


def test_expiry_period_is_a_setting(db, make_member, sell, owner):
    from pharmacy_desk.core import settings
    settings.change("points_validity_months", 12, owner)
    member = make_member(at=JAN)
    sell(member, {"household": 20000}, at=JAN)
    assert LedgerEntry.get(LedgerEntry.kind == "earn").expires_on == dt.date(2027, 1, 15)


def test_adjustment_needs_reason_and_a_person(db, make_member, clerk, owner):
    from pharmacy_desk.core.defaults import system_staff
    member = make_member()
    with pytest.raises(InvalidInput, match="原因"):
        ledger.adjust(member.id, 10, "  ", owner, "k1")
    with pytest.raises(NotPermitted, match="调整积分"):
        ledger.adjust(member.id, 10, "补录", system_staff(), "k2")
    entry = ledger.adjust(member.id, 10, "补录纸质积分", owner, "k3")
    fix = ledger.adjust(member.id, -4, "更正：多录了4分", owner, "k4", corrects=entry.id)
    assert fix.corrects_id == entry.id and ledger.balance(member.id) == 6
    assert ledger.adjust(member.id, -4, "更正：多录了4分", owner, "k4").id == fix.id  # replay
    assert ledger.balance(member.id) == 6


def test_ledger_rows_cannot_be_edited_or_deleted(db, make_member, clerk, owner):
    member = make_member()
    entry = ledger.adjust(member.id, 10, "补录", owner, "k1")
    with pytest.raises(Exception, match="只能追加"):
        LedgerEntry.update(points=1000).where(LedgerEntry.id == entry.id).execute()
    with pytest.raises(Exception, match="只能追加"):
        LedgerEntry.delete().where(LedgerEntry.id == entry.id).execute()
    ledger.adjust(member.id, -5, "用掉", owner, "k2")
    with pytest.raises(Exception, match="只能追加"):
        LedgerAllocation.delete().execute()
    assert ledger.balance(member.id) == 5
