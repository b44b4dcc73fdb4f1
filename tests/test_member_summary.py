"""The counter's member panel content, computed in core."""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import members, sales
from pharmacy_desk.core.member_summary import health_visible, points_options, refills_due, summarize
from pharmacy_desk.core.models import Member, Staff

DAY = dt.datetime(2026, 6, 10, 10, 0)


def test_summary_of_a_new_member(make_member, sell, clerk):
    member = make_member(phone="13812345678", name="张三", birthday=dt.date(1980, 6, 3))
    # household: 10000 fen → 10000 // 2000 = 5 points; birthday month doubles: 10 points
    sell(member, {"household": 10000}, at=DAY)
    s = summarize(member.id, DAY.date(), clerk)
    assert s.name == "张三" and s.masked_phone == "138****5678" and s.tier_name == "普通会员"
    assert s.balance == 10 and s.usable_points == 10
    # points last 3 months: the lot lapses 2026-09-10, not within 30 days of 2026-06-10
    assert s.expiring_points == 0
    assert s.birthday_this_month is True
    # the new-member coupon (3 yuan, 30 days) is still unused
    assert [c.text for c in s.coupons] == ["3.00元代金券（至 2026-07-09）"]
    assert s.needs_confirm is False
    assert s.cap_remaining_fen == 5000  # 普通会员: 50 yuan a month
    assert s.points_options == ()  # 10 points are not a block of 500
    assert s.health is None


def test_points_expiring_within_thirty_days(make_member, sell, clerk):
    member = make_member()
    sell(member, {"household": 20000}, at=DAY)  # 20000 // 2000 = 10 points, lapse 2026-09-10
    assert summarize(member.id, dt.date(2026, 8, 11), clerk).expiring_points == 10  # 30 days before
    assert summarize(member.id, dt.date(2026, 8, 10), clerk).expiring_points == 0  # 31 days before


def test_profile_needs_confirm_after_twelve_months(make_member, clerk):
    member = make_member(at=DAY)
    assert summarize(member.id, dt.date(2027, 6, 9), clerk).needs_confirm is False
    assert summarize(member.id, dt.date(2027, 6, 10), clerk).needs_confirm is True
    members.confirm_profile(member.id, clerk, today=dt.date(2027, 6, 10))
    assert summarize(member.id, dt.date(2027, 6, 10), clerk).needs_confirm is False


def test_health_only_for_pharmacist_or_owner_with_consent(make_member, clerk, owner):
    pharmacist = Staff.create(name="陈静", role="pharmacist")
    member = make_member()
    Member.update(allergies="青霉素", chronic_conditions="高血压").where(Member.id == member.id).execute()
    member = Member.get_by_id(member.id)
    assert not health_visible(member, pharmacist)  # no consent recorded
    Member.update(health_consent_on=dt.date(2026, 6, 1)).where(Member.id == member.id).execute()
    member = Member.get_by_id(member.id)
    assert health_visible(member, pharmacist) and health_visible(member, owner)
    assert not health_visible(member, clerk) and not health_visible(member, None)
    assert summarize(member.id, DAY.date(), clerk).health is None
    health = summarize(member.id, DAY.date(), pharmacist).health
    assert health is not None and health.allergies == "青霉素" and health.chronic_conditions == "高血压"


def _rx(member, sell, at, days, description=""):
    """A prescription sale lasting ``days``, recorded as the till records it (a line is never changed)."""
    order = sales.SaleInput(lines=[sales.LineInput("rx", 5000, description=description, days_supply=days)],
                            member_id=member.id, payments={"cash": 5000})
    sales.record_sale(order, operator=Staff.get(Staff.role == "cashier"), uid=f"rx-{at:%Y%m%d%H%M}", at=at)


def test_refill_due_window(make_member, sell):
    member = make_member()
    # bought 2026-05-10 with 30 days: runs out 2026-06-09
    _rx(member, sell, dt.datetime(2026, 5, 10, 9), 30, "降压药")
    # remind 3 days before: 2026-06-06 is day −3 → due; 2026-06-05 is day −4 → not yet
    assert [r.runs_out_on for r in refills_due(member.id, dt.date(2026, 6, 6))] == [dt.date(2026, 6, 9)]
    assert refills_due(member.id, dt.date(2026, 6, 5)) == []
    # ran out 7 days ago still shows (2026-06-16); 8 days ago does not
    assert len(refills_due(member.id, dt.date(2026, 6, 16))) == 1
    assert refills_due(member.id, dt.date(2026, 6, 17)) == []


def test_buying_again_is_the_refill(make_member, sell):
    member = make_member()
    _rx(member, sell, dt.datetime(2026, 5, 10, 9), 30, "降压药")
    _rx(member, sell, dt.datetime(2026, 6, 8, 9), 30, "降压药")  # runs out 2026-07-08
    assert refills_due(member.id, dt.date(2026, 6, 9)) == []


def test_points_options_stop_at_the_cap():
    blocks = ((500, 2000), (1000, 4200))
    # 1600 usable, cap 100 yuan: 500→20, 1000→42, 1500→62 (1000+500)
    assert points_options(1600, 10000, blocks) == [(500, 2000), (1000, 4200), (1500, 6200)]
    # cap 50 yuan: 1500 points would be 62 yuan, over the cap
    assert points_options(1600, 5000, blocks) == [(500, 2000), (1000, 4200)]
    assert points_options(499, 10000, blocks) == []


def test_summary_sees_a_points_sale(make_member, sell, clerk):
    member = make_member()
    sell(member, {"supplement": 300000}, at=DAY)  # 300000 // 3000 * 2 = 200 points (multiplier 1 at the time of sale)
    s = summarize(member.id, DAY.date(), clerk)
    # 3000 yuan spent → VIP会员 (> 1000 yuan, not 白金: needs 12 visits)
    assert s.tier_name == "VIP会员"
    assert s.balance == 200


def test_a_tiers_privileges_are_listed_whatever_separates_them(make_member, owner):
    from pharmacy_desk.core import rules

    member = make_member()
    assert summarize(member.id, dt.date(2026, 6, 10)).privileges == ()
    rules.update_tier("normal", owner, privileges="免费测血压, 生日礼品；优先服务")
    assert summarize(member.id, dt.date(2026, 6, 10)).privileges == ("免费测血压", "生日礼品", "优先服务")


def test_the_panel_in_five_statements_agrees_with_each_rule_asked_alone(db, make_member, sell, clerk, owner):
    from pharmacy_desk.core import catalog, coupons, ledger, redemption

    member = make_member(at=DAY - dt.timedelta(days=200))
    ledger.adjust(member.id, 5000, "开户", owner, "seed", at=DAY - dt.timedelta(days=1))
    ledger.adjust(member.id, 300, "旧积分", owner, "old", at=DAY - dt.timedelta(days=120))  # lapsed by DAY
    cup = catalog.add_item(name="保温杯", points_price=800, value_fen=1500, stock=5, operator=owner)
    kept = redemption.redeem(member_id=member.id, item_id=cup.id, operator=clerk, key="g1", at=DAY)
    undone = redemption.redeem(member_id=member.id, item_id=cup.id, operator=clerk, key="g2", at=DAY)
    catalog.reverse_redemption(undone.redemption.id, "会员不要了", owner, at=DAY)
    sell(member, {"household": 20000}, points_used=500, at=DAY)
    assert kept.redemption.value_fen == 1500
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    try:
        s = summarize(member.id, DAY.date(), clerk)
    finally:
        db.connection().set_trace_callback(None)
    assert len(seen) == 5, seen
    assert s.balance == ledger.balance(member.id)
    assert (s.usable_points, s.expiring_points) == ledger.points_outlook(member.id, DAY.date())
    assert s.cap_remaining_fen == redemption.cap_remaining_fen(member.id, DAY.date())
    assert [c.coupon_id for c in s.coupons] == [c.id for c in coupons.usable_for(member.id, DAY.date())]
    assert s.cap_remaining_fen < 5000 - 1500  # the kept gift and the points sale count, the reversed gift not
