"""Coupons as the owner and the cashier meet them: the template window, issuing from the member
window, the counter taking a 满减 coupon and redeeming a 体验券, and the usage report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core import coupon_issue, coupon_templates
from pharmacy_desk.core.coupon_templates import Terms
from pharmacy_desk.core.errors import NotPermitted
from pharmacy_desk.core.models import Coupon, CouponServiceUse, CouponTemplate, Operation, Sale
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.coupon_report_window import CouponReportWindow
from pharmacy_desk.ui.coupon_templates_window import CouponTemplatesWindow
from pharmacy_desk.ui.issue_coupon_dialog import IssueCouponDialog
from pharmacy_desk.ui.member_detail import MemberDetailDialog
from tests.counter_helpers import ime_type
from tests.counter_window import act_as, scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def templates(qtbot, owner):
    window = CouponTemplatesWindow(owner)
    qtbot.addWidget(window)
    window.show()
    return window


def menu_action(window, text: str):
    return next(a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions() if a.text() == text)


def test_the_owner_creates_a_manjian_template_in_the_window(qtbot, templates):
    templates.kind.setCurrentIndex(templates.kind.findData("threshold"))
    assert templates.min_spend.isVisible() and templates.value.isVisible()
    assert not templates.percent.isVisible() and not templates.service.isVisible()
    ime_type(templates.title, "满100减10")
    qtbot.keyClicks(templates.value, "10")
    qtbot.keyClicks(templates.min_spend, "100")
    templates.days.setValue(30)
    click(qtbot, templates.add_button)
    assert templates.message.kind == "ok" and "满100减10" in templates.message.text()
    made = CouponTemplate.get()
    assert (made.kind, made.value_fen, made.min_spend_fen, made.valid_days, made.active) == (
        "threshold", 1000, 10000, 30, True)
    assert templates.selected().id == made.id and templates.model.rowCount() == 1
    assert Operation.select().where(Operation.kind == OperationKind.COUPON_TEMPLATE_ADD).count() == 1


def test_the_form_shows_the_fields_of_each_kind_and_refuses_bad_terms_in_place(qtbot, templates):
    templates.kind.setCurrentIndex(templates.kind.findData("service"))
    assert templates.service.isVisible() and not templates.min_spend.isVisible()
    templates.kind.setCurrentIndex(templates.kind.findData("percent"))
    assert templates.percent.isVisible() and not templates.value.isVisible()
    templates.kind.setCurrentIndex(templates.kind.findData("threshold"))
    ime_type(templates.title, "满10减10")
    qtbot.keyClicks(templates.value, "10")
    qtbot.keyClicks(templates.min_spend, "1o")  # a typo in the amount
    click(qtbot, templates.add_button)
    assert templates.message.kind == "error" and "1o" in templates.message.text()
    templates.min_spend.clear()
    qtbot.keyClicks(templates.min_spend, "10")
    click(qtbot, templates.add_button)
    assert templates.message.kind == "error" and "门槛必须高于" in templates.message.text()
    assert CouponTemplate.select().count() == 0


def test_edit_and_retire_from_the_form_keep_issued_coupons_as_they_were(qtbot, templates, owner, make_member):
    member = make_member()
    made = coupon_templates.create_template(Terms(kind="fixed", title="5元券", valid_days=30, value_fen=500),
                                            owner).template
    coupon_issue.issue_to_member(made.id, member.id, owner, batch="b")
    templates.reload()
    templates.view.selectRow(0)
    assert templates.title.text() == "5元券" and templates.value.text() == "5.00"
    templates.value.clear()
    qtbot.keyClicks(templates.value, "8")
    click(qtbot, templates.save_button)
    assert templates.message.kind == "ok"
    assert CouponTemplate.get_by_id(made.id).value_fen == 800
    assert Coupon.get(Coupon.template_id == made.id).value_fen == 500  # the member's coupon keeps its terms
    click(qtbot, templates.retire_button)
    assert not CouponTemplate.get_by_id(made.id).active and templates.retire_button.text() == "重新启用"
    assert not templates.issue_button.isEnabled()


def test_issuing_to_a_call_list_runs_in_the_background(qtbot, templates, owner, make_member):
    old = NOW - dt.timedelta(days=400)
    sleepers = [make_member(name=f"沉睡{i}", at=old) for i in range(3)]
    coupon_templates.create_template(Terms(kind="percent", title="九折券", valid_days=14, percent_off=10), owner)
    templates.reload()
    templates.view.selectRow(0)
    templates.target.setCurrentIndex(next(i for i in range(templates.target.count())
                                          if templates.target.itemData(i).key == "dormant"))
    click(qtbot, templates.issue_button)
    qtbot.waitUntil(lambda: templates.issue_message.kind == "ok", timeout=10000)
    assert "已发放 3 张" in templates.issue_message.text()
    click(qtbot, templates.issue_button)  # the same list again today: nobody twice
    qtbot.waitUntil(lambda: "没有重复发" in templates.issue_message.text(), timeout=10000)
    assert "已发放 0 张" in templates.issue_message.text()
    assert {c.member_id for c in Coupon.select().where(Coupon.template_id.is_null(False))} == {
        m.id for m in sleepers}


def test_the_tables_are_proper_models(qtmodeltester, templates, owner, make_member):
    made = coupon_templates.create_template(Terms(kind="fixed", title="5元券", valid_days=30, value_fen=500),
                                            owner).template
    coupon_issue.issue_to_member(made.id, make_member().id, owner, batch="b")
    templates.reload()
    qtmodeltester.check(templates.model)
    report = CouponReportWindow(owner)
    report._show(coupon_usage_rows(owner))
    qtmodeltester.check(report.model)
    report.close()


def coupon_usage_rows(owner):
    from pharmacy_desk.core.reports.coupon_usage import usage_rows

    return usage_rows(owner)


def test_a_cashier_cannot_open_the_template_window_and_the_core_refuses_her(qtbot, window, clerk):
    assert not menu_action(window, "优惠券模板").isVisible()
    assert not menu_action(window, "券核销").isVisible()
    window.open_coupon_templates()  # even asked directly, nothing opens for her
    assert not any(isinstance(w, CouponTemplatesWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert window._windows == []
    with pytest.raises(NotPermitted, match="管理和发放优惠券"):
        coupon_templates.create_template(Terms(kind="fixed", title="5元券", valid_days=30, value_fen=500), clerk)
    assert CouponTemplate.select().count() == 0 and Operation.select().where(
        Operation.kind == OperationKind.COUPON_TEMPLATE_ADD).count() == 0


def test_manjian_template_issued_from_the_member_window_and_used_at_the_counter(qtbot, window, owner, clerk,
                                                                               make_member):
    member = make_member(name="张三", at=NOW - dt.timedelta(days=1))
    # The owner: the template, from the menu's window
    act_as(window, owner)
    menu_action(window, "优惠券模板").trigger()
    templates = next(w for w in window._windows if isinstance(w, CouponTemplatesWindow))
    templates.kind.setCurrentIndex(templates.kind.findData("threshold"))
    ime_type(templates.title, "满100减10")
    qtbot.keyClicks(templates.value, "10")
    qtbot.keyClicks(templates.min_spend, "100")
    click(qtbot, templates.add_button)
    templates.close()
    # ... issued to the member from the member window
    detail = MemberDetailDialog(member.id, owner)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.coupon_button.isVisible()
    dialog = detail.open_issue_coupon()
    assert isinstance(dialog, IssueCouponDialog) and dialog.template.currentText().startswith("满100减10")
    click(qtbot, dialog.issue_button)
    click(qtbot, dialog.issue_button)  # a double click issues one coupon
    assert dialog.message.kind == "info"
    dialog.close()
    coupon = Coupon.get(Coupon.template_id.is_null(False))
    assert coupon.member_id == member.id and coupon.kind == "threshold"
    detail.close()

    # The cashier scans the member, picks the coupon, types the amount
    act_as(window, clerk)
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    index = entry.coupon.findData(coupon.id)
    assert index > 0 and entry.coupon.itemText(index).startswith("满100.00减10.00")
    type_amount(qtbot, window, "household", "99")
    entry.coupon.setCurrentIndex(index)
    assert "满 100.00 元" in entry.message.text()  # below the threshold: refused in place
    entry.amounts["household"].clear()
    type_amount(qtbot, window, "household", "120")
    assert entry.due_label.text() == "应付 110.00 元" and "券 −10.00" in entry.detail_label.text()
    qtbot.keyClick(entry.amounts["household"], Qt.Key.Key_Return)
    sale = Sale.get()
    # 110.00 paid on 常备药 at 1 point per 20 yuan: 5 points, on what was paid after the coupon
    assert (sale.coupon_id, sale.coupon_discount_fen, sale.paid_fen, sale.points_earned) == (coupon.id, 1000, 11000, 5)
    receipt = window.counter.receipt.text.toPlainText()
    assert "优惠券（满100减10）" in receipt and "-10.00" in receipt

    # The owner's report: 1 issued, 1 used
    act_as(window, owner)
    report = CouponReportWindow(owner)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitUntil(lambda: report.model.rowCount() > 0, timeout=10000)
    row = next(r for r in report.model.rows() if r.coupon == "满100减10")
    assert (row.issued, row.used, row.discount_fen) == (1, 1, 1000)
    assert report.model.data(report.model.index(report.model.rows().index(row), 5)) == "100.0%"


def test_a_service_coupon_is_redeemed_at_the_counter_without_a_sale(qtbot, window, owner, clerk, make_member):
    member = make_member(name="张三", at=NOW - dt.timedelta(days=1))
    made = coupon_templates.create_template(
        Terms(kind="service", title="免费测血压", valid_days=30, service="免费测血压"), owner).template
    coupon_issue.issue_to_member(made.id, member.id, owner, batch="b")
    service = window.counter.service_coupons
    assert not service.isVisible()  # nobody scanned yet
    scan(qtbot, window, member.card_no)
    assert service.isVisible() and service.choice.count() == 1
    assert "免费测血压" in service.choice.itemText(0)
    entry = window.counter.entry
    held = Coupon.get(Coupon.template_id == made.id)
    assert entry.coupon.findData(held.id) == -1  # a 体验券 takes nothing off a sale: not offered there
    click(qtbot, service.redeem_button)
    click(qtbot, service.redeem_button)  # nothing left to redeem: one use only
    assert service.message.kind == "ok" and "免费测血压" in service.message.text()
    assert service.isVisible() and service.choice.count() == 0 and not service.redeem_button.isVisible()
    use = CouponServiceUse.get()
    assert use.staff_id == clerk.id and Sale.select().count() == 0
    assert Operation.get(Operation.kind == OperationKind.REDEEM_SERVICE).staff_id == clerk.id
    window.counter.walk_in()
    assert not service.isVisible()
