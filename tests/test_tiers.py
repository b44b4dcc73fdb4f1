import dataclasses
import datetime as dt

import pytest

from pharmacy_desk.core import returns, tiers
from pharmacy_desk.core.models import Member, Tier, TierChange

MAR = dt.datetime(2025, 3, 5, 10)


def test_monthly_review_downgrades_with_a_reason_once_a_month(db, make_member, sell, owner, clerk):
    loyal = make_member(name="张三", at=MAR)
    faded = make_member(name="李四", at=MAR)
    sell(loyal, {"household": 60000}, at=MAR)
    sell(faded, {"household": 60000}, at=MAR)
    sell(loyal, {"household": 10000}, at=dt.datetime(2026, 2, 1, 10))
    assert Member.get_by_id(faded.id).tier.code == "core"
    # 2026-04-01: 李四's only sale (2025-03-05) is outside the 12-month window → 0 spent → 普通会员
    # 张三 still has 100元 within the window but needs 500 → also down
    result = tiers.monthly_review(dt.date(2026, 4, 1), owner, at=dt.datetime(2026, 4, 1, 8))
    assert (result.downgraded, result.upgraded) == (2, 0)
    change = TierChange.get((TierChange.member == faded.id) & (TierChange.to_tier != TierChange.from_tier)
                            & TierChange.reason.contains("降级"))
    assert "0.00" in change.reason and change.staff_id == owner.id
    assert tiers.monthly_review(dt.date(2026, 4, 1), owner).already_done


def test_review_keeps_members_who_still_qualify(db, make_member, sell, owner):
    member = make_member(at=MAR)
    sell(member, {"household": 120000}, at=dt.datetime(2026, 3, 10, 10))  # 1200元 > 1000 → VIP
    assert Member.get_by_id(member.id).tier.code == "vip"
    result = tiers.monthly_review(dt.date(2026, 4, 1), owner, at=dt.datetime(2026, 4, 1, 8))
    assert (result.downgraded, result.upgraded) == (0, 0)


def test_returns_count_against_the_spend(db, make_member, sell, owner, clerk):
    member = make_member(at=MAR)
    sold = sell(member, {"household": 60000}, at=dt.datetime(2026, 3, 10, 10))
    assert Member.get_by_id(member.id).tier.code == "core"
    returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", approved_by=owner,
                        at=dt.datetime(2026, 3, 11, 10))
    # the tier came only with the returned sale: it goes at once, not at the next review
    assert Member.get_by_id(member.id).tier.code == "normal"
    tiers.monthly_review(dt.date(2026, 4, 1), owner, at=dt.datetime(2026, 4, 1, 8))
    assert Member.get_by_id(member.id).tier.code == "normal"


def test_visit_count_gates_platinum(db, make_member, sell):
    member = make_member(at=MAR)
    sell(member, {"household": 400000}, at=dt.datetime(2026, 1, 5, 10))
    # 4000元 but one visit: 白金 needs 12 visits, so VIP
    assert Member.get_by_id(member.id).tier.code == "vip"


def test_a_downgrade_at_the_review_is_a_tier_notice_in_the_call_list(db, make_member, sell, owner, clerk):
    from pharmacy_desk.core import call_lists, contacts

    faded = make_member(name="李四", at=MAR)
    sell(faded, {"household": 60000}, at=MAR)
    notices = call_lists.LIST_BY_KEY["tier_notice"]
    assert notices.rows(dt.date(2026, 4, 2), clerk) == []  # still 核心会员
    tiers.monthly_review(dt.date(2026, 4, 1), owner, at=dt.datetime(2026, 4, 1, 8))
    [row] = notices.rows(dt.date(2026, 4, 2), clerk)
    assert row.member_id == faded.id and row.reason == "tier_notice"
    assert row.detail == "2026-04-01 月度复核由核心会员调整为普通会员"
    contacts.mark_contacted(faded.id, "tier_notice", "已接通", clerk, at=dt.datetime(2026, 4, 2, 10))
    assert notices.rows(dt.date(2026, 4, 3), clerk) == []
    assert call_lists.tier_notices(dt.date(2026, 6, 1)) == []  # long past: heard of at the counter by now


def test_the_shared_ladder_hands_out_rows_no_caller_can_change(db):
    ladder = tiers.tiers_by_rank()
    assert [t.code for t in ladder] == [t.code for t in Tier.select().order_by(Tier.rank)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ladder[0].monthly_cap_fen = 0  # type: ignore[misc]
    assert tiers.tier_of(ladder[0].id) == tiers.TierRow.of(Tier.get_by_id(ladder[0].id))


def test_the_review_reads_the_members_a_few_at_a_time_and_moves_the_same(db, make_member, sell, owner, clerk,
                                                                         monkeypatch):
    """One read of every member's sales kept the log from being copied for 1.7 s at a million members."""
    from pharmacy_desk.core import dialect
    from pharmacy_desk.core.db import database

    people = [make_member(at=MAR) for _ in range(5)]
    for number, person in enumerate(people):
        sell(person, {"household": 60000}, at=MAR)  # 核心会员, until March 2025 leaves the window
        if number % 2:
            sell(person, {"household": 60000}, at=dt.datetime(2026, 3, 1, 10))  # VIP then, 核心会员 after
    sold = sell(people[3], {"household": 10000}, at=dt.datetime(2026, 3, 2, 10))
    returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", approved_by=owner,
                        at=dt.datetime(2026, 3, 3, 10))
    at = dt.datetime(2026, 4, 1, 8)
    whole = tiers._moves(tiers.tiers_by_rank(), at)
    monkeypatch.setattr(tiers, "MEMBERS_PER_READ", 2)
    with dialect.sent(database) as statements:
        in_pieces = tiers._moves(tiers.tiers_by_rank(), at)
    assert in_pieces == whole
    assert [(move.member_id, move.to_tier.code) for move in whole] == [
        (person.id, "core" if number % 2 else "normal") for number, person in enumerate(people)]
    assert len([sql for sql in statements if 'FROM "sale"' in sql]) == 3  # members 1-2, 3-4, 5
