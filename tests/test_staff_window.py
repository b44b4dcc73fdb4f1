"""店员管理: the owner adds, edits, deactivates, resets and unlocks staff; refusals show in place."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from pharmacy_desk.core import passwords, signin
from pharmacy_desk.core.errors import DeskError
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.staff_window import StaffWindow
from tests.counter_helpers import ime_type
from tests.widget_helpers import click, shown


@pytest.fixture
def boss(owner):
    Staff.update(password_hash=passwords.hash_secret("boss-2026")).where(Staff.id == owner.id).execute()
    return Staff.get_by_id(owner.id)


@pytest.fixture
def staff_window(qtbot, boss, clerk):
    return shown(qtbot, StaffWindow(boss))


def pick(window: StaffWindow, name: str) -> None:
    row = next(i for i in range(window.model.rowCount()) if window.model.row(i).name == name)
    window.view.selectRow(row)


def staff_changes() -> int:
    return Operation.select().where(Operation.kind == OperationKind.STAFF_CHANGE).count()


def test_the_list_is_a_proper_table_model(qtmodeltester, staff_window):
    qtmodeltester.check(staff_window.model)
    assert [staff_window.model.row(i).name for i in range(staff_window.model.rowCount())] == ["王芳", "李娜"]
    assert staff_window.model.index(0, 1).data() == "店长"


def test_adding_a_cashier_who_then_signs_in_with_the_pin(qtbot, staff_window):
    ime_type(staff_window.name, "孙丽")
    staff_window.role.setCurrentIndex(staff_window.role.findData("cashier"))
    qtbot.keyClicks(staff_window.secret, "1357")
    qtbot.keyClicks(staff_window.secret_again, "1357")
    click(qtbot, staff_window.add_button)
    assert staff_window.message.kind == "ok" and "孙丽" in staff_window.message.text()
    assert staff_window.selected().name == "孙丽" and staff_window.secret.text() == ""
    assert signin.sign_in("孙丽", "1357").role == "cashier"


def test_refusals_are_shown_under_the_form_and_change_nothing(qtbot, staff_window, clerk):
    before = (Staff.select().count(), staff_changes())
    ime_type(staff_window.name, "孙丽")
    qtbot.keyClicks(staff_window.secret, "12")
    qtbot.keyClicks(staff_window.secret_again, "12")
    click(qtbot, staff_window.add_button)
    assert staff_window.message.kind == "error" and "PIN" in staff_window.message.text()
    staff_window.secret.setText("1357")
    staff_window.secret_again.setText("7531")
    click(qtbot, staff_window.add_button)
    assert staff_window.message.text() == "两次输入的 PIN/密码不一致。"
    pick(staff_window, "王芳")
    click(qtbot, staff_window.deactivate_button)  # the only owner
    assert staff_window.message.kind == "error" and "唯一" in staff_window.message.text()
    assert (Staff.select().count(), staff_changes()) == before


def test_renaming_and_deactivating_keep_the_person_and_their_history(qtbot, staff_window, clerk):
    pick(staff_window, "李娜")
    assert staff_window.name.text() == "李娜" and staff_window.deactivate_button.isEnabled()
    staff_window.name.selectAll()
    ime_type(staff_window.name, "李娜娜")
    click(qtbot, staff_window.save_button)
    assert Staff.get_by_id(clerk.id).name == "李娜娜" and staff_window.selected().id == clerk.id
    click(qtbot, staff_window.deactivate_button)
    assert not Staff.get_by_id(clerk.id).active and staff_window.selected().active is False
    assert staff_window.model.index(1, 2).data() == "已停用" and not staff_window.deactivate_button.isEnabled()
    assert staff_changes() == 2


def test_reset_and_unlock_after_wrong_pins(qtbot, staff_window, clerk):
    Staff.update(password_hash=passwords.hash_secret("2468")).where(Staff.id == clerk.id).execute()
    for _ in range(signin.MAX_FAILURES):
        with pytest.raises(DeskError):
            signin.sign_in("李娜", "0000")
    staff_window.reload()
    pick(staff_window, "李娜")
    assert staff_window.model.index(1, 2).data().startswith("已锁定") and staff_window.unlock_button.isEnabled()
    click(qtbot, staff_window.unlock_button)
    assert "解除" in staff_window.message.text() and signin.sign_in("李娜", "2468").id == clerk.id
    qtbot.keyClicks(staff_window.secret, "9753")
    qtbot.keyClicks(staff_window.secret_again, "9753")
    click(qtbot, staff_window.reset_button)
    assert staff_window.message.kind == "ok" and signin.sign_in("李娜", "9753").id == clerk.id


def test_a_cashier_cannot_read_the_list(qtbot, clerk):
    window = StaffWindow(clerk)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 0 and window.message.kind == "error"


def test_locked_state_reads_the_time_it_ends(staff_window, clerk):
    until = dt.datetime.now() + dt.timedelta(minutes=5)
    Staff.update(locked_until=until).where(Staff.id == clerk.id).execute()
    staff_window.reload()
    assert staff_window.model.index(1, 2).data() == f"已锁定（至 {until:%H:%M}）"


def test_clearing_the_form_adds_someone_new_and_leaves_the_picked_person_alone(qtbot, staff_window, clerk):
    pick(staff_window, "李娜")
    click(qtbot, staff_window.clear_button)
    assert staff_window.selected() is None and staff_window.name.text() == "" and staff_window.name.hasFocus()
    ime_type(staff_window.name, "周药师")
    staff_window.role.setCurrentIndex(staff_window.role.findData("pharmacist"))
    qtbot.keyClicks(staff_window.secret, "8642")
    qtbot.keyClicks(staff_window.secret_again, "8642")
    click(qtbot, staff_window.add_button)
    assert Staff.get(Staff.name == "周药师").role == "pharmacist" and Staff.get_by_id(clerk.id).name == "李娜"


def test_enter_in_the_form_adds_the_person_typed_in(qtbot, staff_window):
    ime_type(staff_window.name, "周敏")
    staff_window.role.setCurrentIndex(staff_window.role.findData("cashier"))
    qtbot.keyClicks(staff_window.secret, "2468")
    qtbot.keyClicks(staff_window.secret_again, "2468")
    qtbot.keyClick(staff_window.secret_again, Qt.Key.Key_Return)
    assert staff_window.message.kind == "ok" and signin.sign_in("周敏", "2468").role == "cashier"


def test_esc_closes_a_window_opened_from_the_menus(qtbot, window, owner):
    from tests.counter_window import act_as

    act_as(window, owner)
    window._show_window(StaffWindow(owner, parent=window))
    opened = window._windows[-1]
    qtbot.waitUntil(opened.isActiveWindow, timeout=2000)
    qtbot.keyClick(opened.name, Qt.Key.Key_Escape)
    assert not opened.isVisible()
