import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pharmacy_desk.core import ledger, profiles, returns
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.models import Measurement, Member, Operation, Staff
from pharmacy_desk.ui import member_tabs
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.member_detail import MemberDetailDialog
from pharmacy_desk.ui.table_model import RowsTableModel
from tests.counter_helpers import ime_type
from tests.widget_helpers import shown

NOW = dt.datetime.now().replace(microsecond=0)


@pytest.fixture
def pharmacist(db):
    return Staff.create(name="陈静", role="pharmacist")


def _open(qtbot, member, operator):
    return shown(qtbot, MemberDetailDialog(member.id, operator), exposed=True)


def _tab_titles(dialog):
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def _busy_member(make_member, sell, clerk, owner, pharmacist):
    member = make_member(name="张三", at=NOW - dt.timedelta(days=2))
    ledger.adjust(member.id, 600, "开户赠送", owner, "seed", at=NOW - dt.timedelta(days=2))
    sold = sell(member, {"household": 10000, "supplement": 9000}, at=NOW - dt.timedelta(days=1))
    returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=NOW - dt.timedelta(hours=20))
    sell(member, {"supplement": 60000}, at=NOW - dt.timedelta(hours=2))  # crosses 500元 → 核心会员
    profiles.record_health_consent(member.id, pharmacist, True)
    profiles.add_measurement(member.id, pharmacist, "bp", systolic=148, diastolic=92, at=NOW - dt.timedelta(hours=1))
    return member


def test_every_history_model_passes_the_model_tester(qtmodeltester, make_member, sell, clerk, owner, pharmacist):
    member = _busy_member(make_member, sell, clerk, owner, pharmacist)
    def measurements_model(member_id):
        return RowsTableModel(member_tabs.MEASUREMENT_COLUMNS,
                              lambda: profiles.health_record(member_id, pharmacist).measurements)

    for factory in (member_tabs.ledger_model, member_tabs.sales_model, member_tabs.coupons_model,
                    member_tabs.tier_changes_model, measurements_model):
        model = factory(member.id)
        assert model.rowCount() > 0, factory
        qtmodeltester.check(model)
    ledger_rows = member_tabs.ledger_model(member.id)
    # newest first: the 600元 supplement sale's points, with the balance after it = today's balance
    assert ledger_rows.data(ledger_rows.index(0, 1)) == "消费积分"
    assert ledger_rows.data(ledger_rows.index(0, 3)) == str(ledger.balance(member.id))
    sales = member_tabs.sales_model(member.id)
    assert [sales.data(sales.index(r, 7)) for r in range(2)] == ["", "已全部退货"]


def test_cashier_sees_no_health_tabs(qtbot, make_member, clerk):
    member = make_member()
    dialog = _open(qtbot, member, clerk)
    assert _tab_titles(dialog) == ["资料", "积分流水", "消费记录", "优惠券", "等级变更"]


def test_pharmacist_sees_all_tabs_and_the_allergy_in_the_header(qtbot, make_member, sell, clerk, owner, pharmacist):
    member = _busy_member(make_member, sell, clerk, owner, pharmacist)
    profiles.update_health_file(member.id, pharmacist, allergies="青霉素")
    dialog = _open(qtbot, member, pharmacist)
    assert _tab_titles(dialog) == ["资料", "健康档案", "积分流水", "消费记录", "优惠券", "等级变更", "测量记录"]
    assert "过敏：青霉素" in dialog.header.text() and "核心会员" in dialog.header.text()
    dialog.tabs.setCurrentWidget(dialog.measurements_tab)
    assert dialog.tiers_model.rowCount() == 1 and dialog.measurements_tab.model.rowCount() == 1


def test_profile_edit_is_saved_and_audited(qtbot, make_member, clerk, pharmacist):
    member = make_member(name="张三")
    dialog = _open(qtbot, member, clerk)
    tab = dialog.profile_tab
    changed = []
    events().changed.connect(changed.append)
    tab.name_edit.clear()
    ime_type(tab.name_edit, "张三丰")
    tab.birthday_edit.clear()
    qtbot.keyClicks(tab.birthday_edit, "1958-11-2")
    ime_type(tab.address_edit, "幸福小区3栋")
    tab.gender_box.setCurrentIndex(tab.gender_box.findData("M"))
    tab.owner_box.setCurrentIndex(tab.owner_box.findData(pharmacist.id))
    assert tab.marketing_box.isChecked()  # the member had agreed at sign-up
    qtbot.keyClick(tab.marketing_box, Qt.Key.Key_Space)  # and withdraws it now
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    events().changed.disconnect(changed.append)
    saved = Member.get_by_id(member.id)
    assert (saved.name, saved.birthday, saved.address, saved.gender, saved.owner_staff_id, saved.marketing_opt_out) == (
        "张三丰", dt.date(1958, 11, 2), "幸福小区3栋", "M", pharmacist.id, True)
    assert Operation.select().where(Operation.kind == "update_profile").count() == 1
    assert changed == [Changes.of_member(member.id)] and "张三丰" in dialog.header.text()
    assert tab.message.text() == "资料已保存。"


def test_phone_taken_by_another_member_is_refused_inline(qtbot, make_member, clerk):
    make_member(phone="13900000001", name="李四")
    member = make_member(phone="13900000002", name="王五")
    dialog = _open(qtbot, member, clerk)
    tab = dialog.profile_tab
    tab.phone_edit.clear()
    qtbot.keyClicks(tab.phone_edit, "13900000001")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "李四" in tab.message.text() and tab.message.kind == "error"
    assert Member.get_by_id(member.id).phone == "13900000002"


def test_profile_confirmed(qtbot, make_member, clerk):
    member = make_member(at=dt.datetime(2024, 1, 5, 9, 0))
    dialog = _open(qtbot, member, clerk)
    qtbot.mouseClick(dialog.profile_tab.confirm_button, Qt.MouseButton.LeftButton)
    assert Member.get_by_id(member.id).profile_confirmed_on == dt.date.today()
    assert f"资料确认 {dt.date.today():%Y-%m-%d}" in dialog.profile_tab.facts.text()


def test_pharmacist_records_consent_then_the_health_file_then_withdraws(qtbot, make_member, pharmacist, monkeypatch):
    member = make_member()
    dialog = _open(qtbot, member, pharmacist)
    health = dialog.health_tab
    dialog.tabs.setCurrentWidget(dialog.measurements_tab)
    assert not dialog.measurements_tab.add_button.isEnabled()
    dialog.tabs.setCurrentWidget(health)
    assert health.pages.currentIndex() == 0 and not health.record_consent_button.isEnabled()
    qtbot.keyClick(health.consent_box, Qt.Key.Key_Space)
    qtbot.mouseClick(health.record_consent_button, Qt.MouseButton.LeftButton)
    assert Member.get_by_id(member.id).health_consent_on == dt.date.today()
    assert health.pages.currentIndex() == 1 and dialog.measurements_tab.add_button.isEnabled()

    ime_type(health.chronic_edit, "高血压")
    ime_type(health.allergy_edit, "青霉素")
    ime_type(health.meds_edit, "氨氯地平片")
    qtbot.mouseClick(health.save_button, Qt.MouseButton.LeftButton)
    saved = Member.get_by_id(member.id)
    assert (saved.chronic_conditions, saved.allergies, saved.long_term_meds) == ("高血压", "青霉素", "氨氯地平片")
    assert "过敏：青霉素" in dialog.header.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(health.withdraw_button, Qt.MouseButton.LeftButton)
    assert Member.get_by_id(member.id).allergies == "青霉素"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(health.withdraw_button, Qt.MouseButton.LeftButton)
    gone = Member.get_by_id(member.id)
    assert (gone.health_consent_on, gone.chronic_conditions, gone.allergies, gone.long_term_meds) == (None, "", "", "")
    assert health.pages.currentIndex() == 0 and "过敏" not in dialog.header.text()


def test_measurements_entered_at_the_counter(qtbot, make_member, pharmacist):
    member = make_member()
    profiles.record_health_consent(member.id, pharmacist, True)
    dialog = _open(qtbot, member, pharmacist)
    tab = dialog.measurements_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.systolic_edit, "150")
    qtbot.keyClicks(tab.diastolic_edit, "160")
    qtbot.keyClick(tab.diastolic_edit, Qt.Key.Key_Return)
    assert "填反" in tab.message.text()  # 160 is a possible diastolic, but not above 150
    assert Measurement.select().count() == 0
    tab.diastolic_edit.clear()
    qtbot.keyClicks(tab.diastolic_edit, "95")
    qtbot.keyClick(tab.diastolic_edit, Qt.Key.Key_Return)
    tab.kind_box.setCurrentIndex(1)
    assert tab.glucose_edit.isVisible() and not tab.systolic_edit.isVisible()
    qtbot.keyClicks(tab.glucose_edit, "7.8")
    ime_type(tab.notes_edit, "餐后2小时")
    qtbot.keyClick(tab.notes_edit, Qt.Key.Key_Return)
    rows = list(Measurement.select().order_by(Measurement.id))
    assert [(m.kind, m.systolic, m.diastolic, m.glucose, m.notes) for m in rows] == [
        ("bp", 150, 95, None, ""), ("glucose", None, None, Decimal("7.8"), "餐后2小时")]
    assert tab.model.rowCount() == 2 and tab.model.data(tab.model.index(0, 2)) == "7.8 mmol/L"


def test_detail_window_follows_changes_made_elsewhere_while_open(qtbot, make_member, sell, clerk):
    member = make_member()
    dialog = _open(qtbot, member, clerk)
    assert dialog.sales_model.rowCount() == 0
    sold = sell(member, {"household": 10000}, at=NOW)  # the till records a sale and announces it
    events().changed.emit(sold.changes)
    # 100 yuan household → 5 points
    assert dialog.sales_model.rowCount() == 1 and "可用积分 5" in dialog.header.text()
    dialog.hide()
    sold = sell(member, {"household": 10000}, at=NOW, uid="t-hidden")
    events().changed.emit(sold.changes)  # a hidden window does not listen
    assert dialog.sales_model.rowCount() == 1


def test_a_look_at_the_health_file_is_recorded_once_per_opening(qtbot, make_member, pharmacist):
    from pharmacy_desk.core.vocabulary import OperationKind

    member = make_member()
    profiles.record_health_consent(member.id, pharmacist, True)
    profiles.update_health_file(member.id, pharmacist, allergies="青霉素")
    views = Operation.select().where(Operation.kind == OperationKind.VIEW_HEALTH)
    dialog = _open(qtbot, member, pharmacist)
    assert views.count() == 0  # the window opened on 资料: nobody looked at the file yet
    dialog.tabs.setCurrentWidget(dialog.health_tab)
    assert dialog.health_tab.allergy_edit.toPlainText() == "青霉素" and views.count() == 1
    dialog.health_tab.chronic_edit.setPlainText("高血压")
    qtbot.mouseClick(dialog.health_tab.save_button, Qt.MouseButton.LeftButton)
    dialog.tabs.setCurrentIndex(0)
    dialog.tabs.setCurrentWidget(dialog.health_tab)
    assert dialog.health_tab.chronic_edit.toPlainText() == "高血压"
    assert [(v.staff_id, v.detail) for v in views] == [(pharmacist.id, "健康档案")]  # saved, repainted: one look
    dialog.close()
    _open(qtbot, member, pharmacist).tabs.setCurrentIndex(1)
    assert views.count() == 2


def test_without_the_right_to_edit_the_profile_shows_a_masked_phone_and_nothing_to_save(qtbot, make_member):
    from pharmacy_desk.core.defaults import system_staff

    member = make_member(phone="13912345678")
    tab = _open(qtbot, member, system_staff()).profile_tab
    assert tab.phone_edit.text() == "139****5678" and not tab.form.isEnabled()
    assert not tab.save_button.isVisible() and not tab.confirm_button.isVisible()
