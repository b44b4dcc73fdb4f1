"""Campaigns: preview who receives what, issue once, export the SMS list."""

import datetime as dt

import pytest

from pharmacy_desk.core import campaigns, settings
from pharmacy_desk.core.errors import NotPermitted
from pharmacy_desk.core.models import Coupon, Operation

OLD = dt.datetime(2025, 1, 5, 9, 0)
RUN_AT = dt.datetime(2026, 6, 30, 10, 0)


def campaign_coupons(reason):
    return list(Coupon.select().where(Coupon.reason == reason).order_by(Coupon.member))


def test_ab_vouchers_go_to_a_and_b_members_once_and_skip_opt_outs(db, make_member, sell, owner, clerk):
    members = []
    for i in range(1, 21):  # member i spends i × 10 yuan; 20 ranked → A: #20, B: #19 #18 #17
        member = make_member(phone=f"1390000{i:04d}", name=f"会员{i}", at=OLD, marketing_opt_out=(i == 18))
        sell(member, {"household": i * 1000}, at=dt.datetime(2026, 3, 1, 10, 0))
        members.append(member)
    preview = campaigns.preview_ab_vouchers(RUN_AT.date())
    assert [(r.member_id, r.gift) for r in preview] == [
        (members[19].id, "A类 20.00元代金券"), (members[18].id, "B类 20.00元代金券"),
        (members[16].id, "B类 20.00元代金券")]
    # valid 30 days from 2026-06-30: last day 06-30 + 29 = 07-29
    assert preview[0].message == "会员20您好，感谢您一年来对本店的信任！特赠您20.00元代金券一张，2026年07月29日前到店消费即可抵用。"
    assert not any(r.already_issued for r in preview)

    with pytest.raises(NotPermitted, match="营销活动"):
        campaigns.run_ab_vouchers(RUN_AT.date(), clerk, at=RUN_AT)
    assert campaign_coupons("ab_voucher") == []

    result = campaigns.run_ab_vouchers(RUN_AT.date(), owner, at=RUN_AT)
    assert result.issued == 3
    issued = campaign_coupons("ab_voucher")
    assert [(c.member_id, c.value_fen, c.valid_from, c.valid_until, c.issue_key, c.issued_by_id) for c in issued] == [
        (m.id, 2000, dt.date(2026, 6, 30), dt.date(2026, 7, 29), f"ab:2026:{m.id}", owner.id)
        for m in (members[16], members[18], members[19])]
    assert Operation.select().where(Operation.kind == "campaign").count() == 1

    again = campaigns.run_ab_vouchers(RUN_AT.date(), owner, at=RUN_AT + dt.timedelta(hours=1))
    assert again.issued == 0 and all(r.already_issued for r in again.recipients)
    assert len(campaign_coupons("ab_voucher")) == 3


def test_birthday_coupons_for_the_month(db, make_member, owner):
    first = make_member(name="七月一日", birthday=dt.date(1970, 7, 1))
    mid = make_member(name="七月十五", birthday=dt.date(1985, 7, 15))
    make_member(name="八月", birthday=dt.date(1985, 8, 1))
    make_member(name="退订", birthday=dt.date(1985, 7, 20), marketing_opt_out=True)
    preview = campaigns.preview_birthday_coupons(dt.date(2026, 7, 1))
    assert [r.member_id for r in preview] == [first.id, mid.id]
    assert preview[0].gift == "生日礼品 + 3.00元生日券"
    assert preview[0].message == "七月一日您好，祝您生日快乐！本店为您准备了生日礼品和3.00元生日券（7月内有效），欢迎到店领取。"

    assert campaigns.run_birthday_coupons(dt.date(2026, 7, 1), owner, at=RUN_AT).issued == 2
    # valid the whole of July: 2026-07-01 … 07-31
    assert [(c.member_id, c.value_fen, c.valid_from, c.valid_until, c.issue_key) for c in campaign_coupons("birthday")] == [
        (first.id, 300, dt.date(2026, 7, 1), dt.date(2026, 7, 31), f"birthday:2026:{first.id}"),
        (mid.id, 300, dt.date(2026, 7, 1), dt.date(2026, 7, 31), f"birthday:2026:{mid.id}")]
    assert campaigns.run_birthday_coupons(dt.date(2026, 7, 20), owner, at=RUN_AT).issued == 0


def test_monthly_thanks_to_the_months_new_members(db, make_member, owner):
    may_first = make_member(name="五月一日", at=dt.datetime(2026, 5, 1, 9, 0))
    may_last = make_member(name="五月底", at=dt.datetime(2026, 5, 31, 20, 0))
    make_member(name="四月", at=dt.datetime(2026, 4, 30, 9, 0))
    make_member(name="六月", at=dt.datetime(2026, 6, 1, 9, 0))
    make_member(name="退订", at=dt.datetime(2026, 5, 10, 9, 0), marketing_opt_out=True)
    may = dt.date(2026, 5, 1)

    # by default a thank-you message and a gift at the store, no coupon
    preview = campaigns.preview_new_member_thanks(may)
    assert [(r.member_id, r.gift, r.issue_key) for r in preview] == [
        (may_first.id, "答谢礼品", None), (may_last.id, "答谢礼品", None)]
    assert preview[0].message == "五月一日您好，感谢您成为我们的会员！请您到店领取答谢礼品。"
    assert campaigns.run_new_member_thanks(may, owner, at=RUN_AT).issued == 0
    assert campaign_coupons("thanks") == []

    settings.change("thanks_coupon_fen", 500, owner)
    assert campaigns.preview_new_member_thanks(may)[1].message == \
        "五月底您好，感谢您成为我们的会员！请您到店领取答谢礼品，另赠5.00元感谢券一张。"
    assert campaigns.run_new_member_thanks(may, owner, at=RUN_AT).issued == 2
    # from the first day after the month, for new_member_coupon_days = 30: 06-01 … 06-30
    assert [(c.member_id, c.value_fen, c.valid_from, c.valid_until, c.issue_key) for c in campaign_coupons("thanks")] == [
        (m.id, 500, dt.date(2026, 6, 1), dt.date(2026, 6, 30), f"thanks:2026-05:{m.id}") for m in (may_first, may_last)]
    assert campaigns.run_new_member_thanks(may, owner, at=RUN_AT).issued == 0


def test_seven_day_plan_sends_the_right_message_on_the_right_day(db, make_member, owner):
    day1 = make_member(name="第一天", at=dt.datetime(2026, 6, 10, 9, 0))
    make_member(name="第二天", at=dt.datetime(2026, 6, 9, 9, 0))
    day3 = make_member(name="第三天", at=dt.datetime(2026, 6, 8, 9, 0))  # 06-08 + 2 = 06-10
    day7 = make_member(name="第七天", at=dt.datetime(2026, 6, 4, 9, 0))  # 06-04 + 6 = 06-10
    make_member(name="第八天", at=dt.datetime(2026, 6, 3, 9, 0))
    make_member(name="退订", at=dt.datetime(2026, 6, 10, 9, 0), marketing_opt_out=True)
    rows = campaigns.preview_new_member_plan(dt.date(2026, 6, 10))
    assert [(r.member_id, r.gift) for r in rows] == [
        (day1.id, "第1天：会员权益介绍"), (day3.id, "第3天：门店服务指南"), (day7.id, "第7天：健康问卷")]
    assert rows[2].message.startswith("第七天您好，为了更好地为您提供用药服务")
    assert campaigns.run_new_member_plan(dt.date(2026, 6, 10), owner).issued == 0


def test_sms_export_has_phone_as_text_and_message(db, make_member, owner, clerk, tmp_path):
    from openpyxl import load_workbook

    member = make_member(phone="13912345678", name="张三", at=dt.datetime(2026, 6, 10, 9, 0))
    rows = campaigns.preview_new_member_plan(dt.date(2026, 6, 10))
    assert campaigns.sms_rows(rows) == [("13912345678", "张三", rows[0].message)]
    with pytest.raises(NotPermitted, match="导出个人信息"):
        campaigns.export_sms(tmp_path / "sms.xlsx", rows, clerk)
    assert not (tmp_path / "sms.xlsx").exists()
    assert campaigns.export_sms(tmp_path / "sms.xlsx", rows, owner) == 1
    sheet = load_workbook(tmp_path / "sms.xlsx").active
    assert [c.value for c in sheet[1]] == ["手机号", "姓名", "短信内容"]
    assert (sheet["A2"].value, sheet["A2"].data_type, sheet["B2"].value) == ("13912345678", "s", member.name)
    assert sheet["C2"].value == rows[0].message


def test_running_issues_exactly_the_previewed_recipients(db, make_member, sell, owner):
    # 4 spenders → A = ceil(0.2) = 1 (the 40-yuan member), B = ceil(0.8) − 1 = 0
    members = []
    for i in range(1, 5):
        member = make_member(phone=f"1390000{i:04d}", name=f"会员{i}", at=OLD)
        sell(member, {"household": i * 1000}, at=dt.datetime(2026, 3, 1, 10, 0))
        members.append(member)
    shown = campaigns.preview_ab_vouchers(RUN_AT.date())
    assert [r.member_id for r in shown] == [members[3].id]
    # after the preview, member 1 buys for 500 yuan and would now rank first
    sell(members[0], {"household": 50000}, at=dt.datetime(2026, 6, 30, 9, 0))
    result = campaigns.run_ab_vouchers(RUN_AT.date(), owner, at=RUN_AT, recipients=shown)
    assert result.issued == 1
    assert [c.member_id for c in campaign_coupons("ab_voucher")] == [members[3].id]


def test_the_campaigns_are_listed_in_core_with_their_explanations(db, make_member, owner):
    """The registry the campaigns window renders; the command line or a report can list it too."""
    assert [c.key for c in campaigns.CAMPAIGNS] == ["ab", "birthday", "thanks", "plan"]
    assert campaigns.CAMPAIGN_BY_KEY["birthday"].preview is campaigns.preview_birthday_coupons
    assert campaigns.CAMPAIGN_BY_KEY["birthday"].run is campaigns.run_birthday_coupons
    ab = campaigns.CAMPAIGN_BY_KEY["ab"]
    assert ab.explain() == "按近12个月消费排名：前5%为A类，其后至20%为B类，各发一张代金券。"
    settings.change("a_class_percent", 10, owner)  # A-share 10%, B-share still 20%
    assert ab.explain().startswith("按近12个月消费排名：前10%为A类")
    assert all("{" not in c.explain() for c in campaigns.CAMPAIGNS)


def test_a_recipients_status_and_the_counts_of_a_preview(db, make_member, owner):
    born = make_member(phone="13900000001", name="七月寿星", birthday=dt.date(1970, 7, 15), at=OLD)
    make_member(phone="13900000002", name="七月寿星二", birthday=dt.date(1971, 7, 3), at=OLD)
    birthday = campaigns.CAMPAIGN_BY_KEY["birthday"]
    rows = birthday.preview(dt.date(2026, 7, 1))
    assert [r.status for r in rows] == ["待发放", "待发放"] and campaigns.issue_counts(rows) == (2, 0)
    birthday.run(dt.date(2026, 7, 1), owner, at=RUN_AT, recipients=[r for r in rows if r.member_id == born.id])
    rows = birthday.preview(dt.date(2026, 7, 1))
    assert {r.member_id: r.status for r in rows}[born.id] == "已发放" and campaigns.issue_counts(rows) == (1, 1)
    plan = campaigns.CAMPAIGN_BY_KEY["plan"].preview(OLD.date())
    assert [r.status for r in plan] == ["仅短信", "仅短信"] and campaigns.issue_counts(plan) == (0, 0)
