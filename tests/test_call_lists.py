"""Call lists: who to call and why, with every date and figure worked out by hand."""

import datetime as dt

import pytest

from pharmacy_desk.core import call_lists, contacts, coupons, ledger, returns, settings
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import ContactLog, Coupon, Member
from tests.call_list_helpers import QueryCounter, buy_medicine

TODAY = dt.date(2026, 6, 10)
OLD = dt.datetime(2025, 1, 5, 9, 0)


def ids(rows):
    return [row.member_id for row in rows]


# --- dormant --------------------------------------------------------------------------------

def test_dormant_means_no_purchase_for_six_months(db, make_member, sell, owner):
    # cutoff: 2026-06-10 − 6 months = 2025-12-10; a purchase on or after it keeps a member active
    lapsed = make_member(name="沉睡甲", at=OLD)
    sell(lapsed, {"household": 2000}, at=dt.datetime(2025, 12, 9, 10, 0))
    active = make_member(name="活跃乙", at=OLD)
    sell(active, {"household": 2000}, at=dt.datetime(2025, 12, 10, 9, 0))
    never = make_member(name="未消费丙", at=dt.datetime(2025, 11, 1, 9, 0))
    make_member(name="新会员丁", at=dt.datetime(2026, 1, 1, 9, 0))  # joined after the cutoff
    opted_out = make_member(name="退订戊", at=OLD, marketing_opt_out=True)
    theirs = make_member(name="店长的", at=OLD, operator=owner)

    rows = call_lists.dormant(TODAY)
    # most recently lapsed first: 2025-12-09 sale, then joined 2025-11-01, then joined 2025-01-05
    assert ids(rows) == [lapsed.id, never.id, theirs.id]
    assert opted_out.id not in ids(rows)
    # 2025-12-09 → 2026-06-10: 22 + 31 + 28 + 31 + 30 + 31 + 10 = 183 days
    assert rows[0].detail == "最后消费 2025-12-09，已183天未到店"
    assert rows[0].phone == lapsed.phone and rows[0].owner_staff == "李娜" and rows[0].reason == "dormant"
    assert rows[1].detail == "2025-11-01 入会后从未消费"
    assert ids(call_lists.dormant(TODAY, owner_staff_id=owner.id)) == [theirs.id]


def test_a_call_keeps_the_member_off_the_list_for_thirty_days(db, make_member, clerk):
    member = make_member(at=OLD)
    contacts.mark_contacted(member.id, "dormant", "已接通", clerk, at=dt.datetime(2026, 6, 10, 15, 0))
    assert ids(call_lists.dormant(TODAY)) == []
    assert ids(call_lists.dormant(TODAY + dt.timedelta(days=1))) == []
    # the window covers the call day and the 29 days after it: 2026-06-10 … 2026-07-09
    assert ids(call_lists.dormant(dt.date(2026, 7, 9))) == []
    assert ids(call_lists.dormant(dt.date(2026, 7, 10))) == [member.id]
    # a call for another reason does not count
    other = make_member(phone="13900000001", at=OLD)
    contacts.mark_contacted(other.id, "birthday", "已接通", clerk, at=dt.datetime(2026, 6, 10, 15, 0))
    assert other.id in ids(call_lists.dormant(TODAY))


def test_a_call_nobody_answered_is_tried_again_the_next_day(db, make_member, clerk):
    member = make_member(at=OLD)
    contacts.mark_contacted(member.id, "dormant", "未接听", clerk, at=dt.datetime(2026, 6, 10, 15, 0))
    assert ids(call_lists.dormant(TODAY)) == []  # done for today
    assert ids(call_lists.dormant(TODAY + dt.timedelta(days=1))) == [member.id]
    contacts.mark_contacted(member.id, "dormant", "已接通", clerk, at=dt.datetime(2026, 6, 11, 10, 0))
    assert ids(call_lists.dormant(TODAY + dt.timedelta(days=2))) == []


def test_a_refill_call_nobody_answered_stays_on_tomorrows_list(db, make_member, clerk):
    member = make_member(at=OLD)
    buy_medicine(member, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s1")  # runs out 06-11
    contacts.mark_contacted(member.id, "refill", "未接听", clerk, at=dt.datetime(2026, 6, 10, 11, 0))
    assert ids(call_lists.refills(TODAY)) == []
    assert ids(call_lists.refills(TODAY + dt.timedelta(days=1))) == [member.id]


def test_two_medicines_running_out_are_both_named_in_one_call(db, make_member, clerk):
    member = make_member(at=OLD)
    buy_medicine(member, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s1")  # 苯磺酸氨氯地平片, 06-11
    buy_medicine(member, dt.datetime(2026, 5, 13, 10, 0), 30, clerk, "s2", description="二甲双胍缓释片")
    [row] = call_lists.refills(TODAY)
    assert row.due_on == dt.date(2026, 6, 11)
    assert row.detail == ("2026-05-12 购买的苯磺酸氨氯地平片预计 06月11日 用完（1天后）；"
                          "2026-05-13 购买的二甲双胍缓释片预计 06月12日 用完（2天后）")


# --- birthdays ------------------------------------------------------------------------------

def test_birthdays_in_the_next_7_and_30_days(db, make_member):
    today_born = make_member(name="今天", birthday=dt.date(1980, 6, 10))
    in_seven = make_member(name="七天", birthday=dt.date(1990, 6, 17))
    in_eight = make_member(name="八天", birthday=dt.date(1990, 6, 18))
    in_thirty = make_member(name="三十天", birthday=dt.date(1990, 7, 10))
    make_member(name="三十一天", birthday=dt.date(1990, 7, 11))
    make_member(name="退订", birthday=dt.date(1990, 6, 12), marketing_opt_out=True)
    make_member(name="无生日")

    week = call_lists.birthdays(TODAY, 7)
    assert ids(week) == [today_born.id, in_seven.id]
    # 2026 − 1980 = 46; 2026 − 1990 = 36
    assert [r.detail for r in week] == ["06月10日生日（今天），满46岁", "06月17日生日（7天后），满36岁"]
    month = call_lists.birthdays(TODAY, 30)
    assert ids(month) == [today_born.id, in_seven.id, in_eight.id, in_thirty.id]
    assert month[3].detail == "07月10日生日（30天后），满36岁"


def test_birthdays_across_new_year_and_29_february(db, make_member):
    new_year = make_member(name="元旦后", birthday=dt.date(2000, 1, 3))
    leap = make_member(name="闰日", birthday=dt.date(2004, 2, 29))
    # 2026-12-28 + 7 days = 2027-01-04: 3 January is 6 days away, age 2027 − 2000 = 27
    rows = call_lists.birthdays(dt.date(2026, 12, 28), 7)
    assert [(r.member_id, r.detail) for r in rows] == [(new_year.id, "01月03日生日（6天后），满27岁")]
    # 2027 has no 29 February: celebrated on the 28th, 3 days after 2027-02-25; 2027 − 2004 = 23
    rows = call_lists.birthdays(dt.date(2027, 2, 25), 7)
    assert [(r.member_id, r.detail) for r in rows] == [(leap.id, "02月28日生日（3天后），满23岁")]


# --- refills --------------------------------------------------------------------------------

def test_refills_due_within_three_days(db, make_member, clerk):
    # run-out = purchase date + days of supply; listed when it falls in 2026-06-10 … 2026-06-13
    soon = make_member(name="明天用完", at=OLD)
    buy_medicine(soon, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s1")  # 05-12 + 30 = 06-11
    gone = make_member(name="已用完", at=OLD)
    buy_medicine(gone, dt.datetime(2026, 5, 10, 10, 0), 30, clerk, "s2")  # 06-09: before today
    edge = make_member(name="三天后", at=OLD)
    buy_medicine(edge, dt.datetime(2026, 5, 14, 10, 0), 30, clerk, "s3")  # 06-13: last day in
    later = make_member(name="四天后", at=OLD)
    buy_medicine(later, dt.datetime(2026, 5, 15, 10, 0), 30, clerk, "s4")  # 06-14: not yet
    refilled = make_member(name="已续药", at=OLD)
    buy_medicine(refilled, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s5")
    buy_medicine(refilled, dt.datetime(2026, 6, 5, 10, 0), 30, clerk, "s6")  # replaces it: 07-05
    opted_out = make_member(name="退订但需用药", at=OLD, marketing_opt_out=True)
    buy_medicine(opted_out, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s7")
    returned = make_member(name="已退货", at=OLD)
    sale = buy_medicine(returned, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, "s8")
    returns.return_sale(sale_id=sale.sale.id, operator=clerk, uid="r8", at=dt.datetime(2026, 5, 12, 11, 0))

    rows = call_lists.refills(TODAY)
    assert ids(rows) == [soon.id, opted_out.id, edge.id]
    assert rows[0].detail == "2026-05-12 购买的苯磺酸氨氯地平片预计 06月11日 用完（1天后）"
    assert rows[2].detail == "2026-05-14 购买的苯磺酸氨氯地平片预计 06月13日 用完（3天后）"
    # care, not marketing: the opted-out member stays, flagged
    assert [r.opt_out for r in rows] == [False, True, False]

    contacts.mark_contacted(soon.id, "refill", "已接通", clerk, at=dt.datetime(2026, 6, 10, 11, 0))
    # tomorrow (horizon 06-14) the called member is gone and the 06-14 run-out comes in
    assert ids(call_lists.refills(TODAY + dt.timedelta(days=1))) == [opted_out.id, edge.id, later.id]


# --- points and coupons expiring ------------------------------------------------------------

def test_points_expiring_within_thirty_days_match_the_ledger(db, make_member, sell, clerk, owner):
    # points are valid 3 months; horizon 2026-06-10 + 30 = 2026-07-10
    first = make_member(name="甲", at=OLD)
    sell(first, {"household": 20000}, at=dt.datetime(2026, 3, 20, 10, 0))  # 200/20 = 10 pts, lapse 06-20
    sell(first, {"household": 10000}, at=dt.datetime(2026, 4, 15, 10, 0))  # 5 pts, lapse 07-15: later
    second = make_member(name="乙", at=OLD)
    sell(second, {"household": 20000}, at=dt.datetime(2026, 3, 12, 10, 0))  # 10 pts, lapse 06-12
    ledger.adjust(second.id, -4, "更正", owner, "adj1", at=dt.datetime(2026, 4, 1, 10, 0))  # 6 left
    sell(second, {"household": 4000}, at=dt.datetime(2026, 4, 10, 10, 0))  # 2 pts, lapse 07-10: in
    third = make_member(name="丙", at=OLD)
    sell(third, {"household": 20000}, at=dt.datetime(2026, 3, 10, 10, 0))  # lapses 06-10: already due
    make_member(name="退订", at=OLD, marketing_opt_out=True)

    rows = call_lists.points_expiring(TODAY)
    # soonest first: 乙 (06-12: 6 + 2 = 8 points), 甲 (06-20: 10 points)
    assert [(r.member_id, r.detail) for r in rows] == [
        (second.id, "8积分将于 2026-06-12 起陆续到期"), (first.id, "10积分将于 2026-06-20 起陆续到期")]
    for member in (first, second, third):
        expected = {r.member_id: int(str(r.detail).split("积分")[0]) for r in rows}.get(member.id, 0)
        assert ledger.expiring_within(member.id, TODAY, 30) == expected
    # a 5-day warning (horizon 06-15) keeps only 乙's lot lapsing on 06-12: 6 points
    settings.change("points_expiry_warning_days", 5, owner)
    assert [(r.member_id, r.detail) for r in call_lists.points_expiring(TODAY)] == [
        (second.id, "6积分将于 2026-06-12 起陆续到期")]


def test_coupons_expiring_within_seven_days(db, make_member, sell):
    # the 3-yuan welcome coupon is valid 30 days: joined 05-15 → last day 05-15 + 29 = 06-13
    soon = make_member(name="六月十三", at=dt.datetime(2026, 5, 15, 9, 0))
    make_member(name="已过期", at=dt.datetime(2026, 5, 10, 9, 0))  # 06-08
    edge = make_member(name="六月十七", at=dt.datetime(2026, 5, 19, 9, 0))  # 06-17 = today + 7
    make_member(name="六月十八", at=dt.datetime(2026, 5, 20, 9, 0))  # 06-18: not yet
    used = make_member(name="已使用", at=dt.datetime(2026, 5, 15, 9, 0))
    coupon = Coupon.get(Coupon.member == used)
    sell(used, {"household": 2000}, at=dt.datetime(2026, 5, 20, 10, 0), coupon_id=coupon.id)

    rows = call_lists.coupons_expiring(TODAY)
    assert [(r.member_id, r.detail) for r in rows] == [
        (soon.id, "1张券未使用，面值合计3.00元，最早 2026-06-13 到期"),
        (edge.id, "1张券未使用，面值合计3.00元，最早 2026-06-17 到期")]


# --- profiles -------------------------------------------------------------------------------

def test_profiles_not_confirmed_for_twelve_months(db, make_member):
    # cutoff 2026-06-10 − 12 months = 2025-06-10: confirmed on or before it is due
    due = make_member(name="到期", at=dt.datetime(2025, 6, 10, 9, 0))
    make_member(name="未到期", at=dt.datetime(2025, 6, 11, 9, 0))
    never = make_member(name="从未确认", at=OLD)
    Member.update(profile_confirmed_on=None).where(Member.id == never.id).execute()
    opted_out = make_member(name="退订", at=dt.datetime(2025, 3, 1, 9, 0), marketing_opt_out=True)

    rows = call_lists.profiles_to_confirm(TODAY)
    assert ids(rows) == [never.id, opted_out.id, due.id]
    assert rows[0].detail == "资料从未确认，请核对手机号、生日和地址"
    assert rows[2].detail == "资料上次确认于 2025-06-10，请核对手机号、生日和地址"
    assert rows[1].opt_out is True
    assert ids(call_lists.profiles_to_confirm(TODAY, limit=1)) == [never.id]


# --- every list -----------------------------------------------------------------------------

@pytest.mark.parametrize("call_list", call_lists.LISTS, ids=lambda c: c.key)
def test_each_list_is_one_query_whatever_the_number_of_members(db, make_member, sell, clerk, monkeypatch,
                                                               call_list):
    for index in range(6):
        member = make_member(phone=f"1370000{index:04d}", at=OLD, birthday=dt.date(1980, 6, 12))
        sell(member, {"household": 20000}, at=dt.datetime(2026, 3, 20, 10, 0))
        buy_medicine(member, dt.datetime(2026, 5, 12, 10, 0), 30, clerk, f"m{index}")
        with write_transaction():  # valid 2026-06-01 … 06-10
            coupons.issue(member_id=member.id, kind="fixed", title="券", reason="test", issue_key=f"k{index}",
                          operator=clerk, valid_from=dt.date(2026, 6, 1), valid_days=10, value_fen=500)
    settings.get("dormant_months")  # warm the settings cache
    counter = QueryCounter(db, monkeypatch)
    rows = call_list.fetch(dt.date(2026, 6, 10))
    # A/B: count the ranked, fetch the top, fetch who was called; every other list: one statement
    assert len(counter.statements) == (3 if call_list.key == "ab_class" else 1), counter.statements
    if call_list.key == "ab_class":  # 6 ranked → A ceil(0.3) = 1, A+B ceil(1.2) = 2
        assert len(rows) == 2
    elif call_list.key == "tier_notice":  # nobody was moved down (tests/test_tiers.py has a downgrade)
        assert rows == []
    elif call_list.key != "dormant":  # everyone bought recently
        assert len(rows) == 6


def test_mark_contacted_records_the_call_and_refuses_nonsense(db, make_member, clerk):
    member = make_member()
    at = dt.datetime(2026, 6, 10, 16, 30)
    log = contacts.mark_contacted(member.id, "birthday", "已接通", clerk, at=at, notes="周六来店")
    stored = ContactLog.get_by_id(log.id)
    assert (stored.member_id, stored.reason, stored.outcome, stored.staff_id, stored.contacted_at, stored.notes) == (
        member.id, "birthday", "已接通", clerk.id, at, "周六来店")
    with pytest.raises(InvalidInput):
        contacts.mark_contacted(member.id, "nonsense", "已接通", clerk, at=at)
    with pytest.raises(InvalidInput):
        contacts.mark_contacted(member.id, "birthday", "  ", clerk, at=at)
    assert [c.id for c in contacts.history(member.id)] == [log.id]


def test_export_writes_phones_as_text_and_neutralises_formulas(db, make_member, owner, clerk, tmp_path):
    from openpyxl import load_workbook

    make_member(name="=HYPERLINK(1)", at=OLD)
    rows = call_lists.dormant(TODAY)
    with pytest.raises(NotPermitted, match="导出个人信息"):
        call_lists.export_xlsx(tmp_path / "x.xlsx", "沉睡会员", rows, clerk)
    assert not (tmp_path / "x.xlsx").exists()
    assert call_lists.export_xlsx(tmp_path / "x.xlsx", "沉睡会员", rows, owner) == 1
    sheet = load_workbook(tmp_path / "x.xlsx").active
    assert [c.value for c in sheet[1]] == list(call_lists.EXPORT_HEADERS)
    name, phone = sheet["A2"], sheet["B2"]
    assert (name.value, name.data_type) == ("=HYPERLINK(1)", "s")
    assert (phone.value, phone.data_type) == ("13800000001", "s")
    assert sheet.freeze_panes == "A2"


def test_ab_members_to_phone_skip_opt_outs_and_recent_calls(db, make_member, sell, clerk):
    # 10 spenders, member i spends i × 10 yuan: A = ceil(0.5) = 1 (#10), A+B = ceil(2) = 2 (#9 is B)
    members = []
    for i in range(1, 11):
        member = make_member(phone=f"1360000{i:04d}", name=f"会员{i}", at=OLD, marketing_opt_out=(i == 9))
        sell(member, {"household": i * 1000}, at=dt.datetime(2026, 3, 1, 10, 0))
        members.append(member)
    rows = call_lists.ab_members(TODAY)
    assert [(r.member_id, r.detail) for r in rows] == [(members[9].id, "A类会员（第1名），近12个月消费 100.00 元")]
    contacts.mark_contacted(members[9].id, "ab_class", "已接通", clerk, at=dt.datetime(2026, 6, 10, 9, 0))
    assert call_lists.ab_members(TODAY + dt.timedelta(days=1)) == []


def test_a_marking_submitted_twice_is_recorded_once(db, make_member, clerk):
    from pharmacy_desk.core.changes import NOTHING
    from pharmacy_desk.core.models import ContactLog

    member = make_member(at=OLD)
    at = dt.datetime(2026, 6, 10, 15, 0)
    first = contacts.mark_all_contacted([(member.id, "dormant")], "已接通", clerk, at=at, key="contact:k1")
    again = contacts.mark_all_contacted([(member.id, "dormant")], "已接通", clerk, at=at, key="contact:k1")
    assert first.touches_member(member.id) and again == NOTHING
    assert ContactLog.select().count() == 1
