"""The campaigns window: click a campaign, check the preview, issue, export the SMS list."""

import datetime as dt

from PySide6.QtCore import QDate, Qt

from pharmacy_desk.core.models import Coupon
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.ui.campaigns_window import CampaignsWindow


JULY = dt.date(2026, 7, 1)


def birthday_coupons():
    return list(Coupon.select().where(Coupon.reason == "birthday"))


def open_window(qtbot, operator):
    window = CampaignsWindow(operator, today=JULY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_preview_issue_and_export_birthday_coupons(qtbot, qtmodeltester, make_member, owner, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    member = make_member(name="七月寿星", birthday=dt.date(1970, 7, 15))
    make_member(name="退订寿星", birthday=dt.date(1970, 7, 16), marketing_opt_out=True)
    make_member(name="八月寿星", birthday=dt.date(1970, 8, 1))
    window = open_window(qtbot, owner)

    qtbot.mouseClick(window.buttons["birthday"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.issue_button.isEnabled())
    qtmodeltester.check(window.model)
    assert [window.model.data(window.model.index(0, c)) for c in range(5)] == [
        "七月寿星", mask_phone(member.phone), "李娜", "生日礼品 + 3.00元生日券", "待发放"]
    assert window.summary.text() == "共 1 位会员：待发放 1 张，已发放 0 张。"
    assert birthday_coupons() == []  # a preview issues nothing

    qtbot.mouseClick(window.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1
                    and window.model.data(window.model.index(0, 4)) == "已发放")
    coupons = birthday_coupons()
    assert [(c.member_id, c.value_fen, c.valid_until, c.issued_by_id) for c in coupons] == [
        (member.id, 300, dt.date(2026, 7, 31), owner.id)]
    assert window.summary.text().startswith("本次发放 1 张券")
    assert not window.issue_button.isEnabled() and window.export_button.isEnabled()

    target = tmp_path / "sms.xlsx"
    monkeypatch.setattr(window, "ask_export_path", lambda: str(target))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出 1 条短信" in window.summary.text())
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[2]] == [
        member.phone, "七月寿星", "七月寿星您好，祝您生日快乐！本店为您准备了生日礼品和3.00元生日券（7月内有效），欢迎到店领取。"]


def test_changing_the_day_re_previews_and_plan_is_messages_only(qtbot, make_member, owner):
    joined = make_member(name="新会员", at=dt.datetime(2026, 6, 29, 9, 0))
    window = open_window(qtbot, owner)
    qtbot.mouseClick(window.buttons["plan"], Qt.MouseButton.LeftButton)
    # 2026-07-01 is day 3 for a member who joined on 06-29
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.row(0).member_id == joined.id
    assert window.model.data(window.model.index(0, 3)) == "第3天：门店服务指南"
    assert window.model.data(window.model.index(0, 4)) == "仅短信"
    assert not window.issue_button.isEnabled()
    window.day.setDate(QDate(2026, 7, 2))  # day 4: nothing due
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and "共 0 位" in window.summary.text())


def test_a_clerk_sees_no_recipients_and_cannot_issue(qtbot, make_member, clerk):
    make_member(birthday=dt.date(1970, 7, 15))
    window = open_window(qtbot, clerk)
    qtbot.mouseClick(window.buttons["birthday"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "营销活动" in window.summary.text())
    assert window.summary.text() == "没有“营销活动”的权限（店长可以）。"
    assert window.model.rowCount() == 0 and birthday_coupons() == []
    assert not window.issue_button.isEnabled() and not window.export_button.isEnabled()
