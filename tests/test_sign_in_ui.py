"""Signing in, locking and switching cashier at the till, with the keyboard as a cashier does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core import passwords, signin
from pharmacy_desk.core.models import Operation, Sale, Staff
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.sign_in import SignInDialog
from tests.counter_helpers import ime_type
from tests.counter_window import scan, type_amount

PIN = "2468"


def with_pin(person: Staff, secret: str = PIN) -> Staff:
    Staff.update(password_hash=passwords.hash_secret(secret)).where(Staff.id == person.id).execute()
    return Staff.get_by_id(person.id)


def kinds() -> list[str]:
    return [op.kind for op in Operation.select().order_by(Operation.id)]


def type_secret(qtbot, form, secret: str) -> None:
    """The PIN typed where the focus is, then Enter: no mouse."""
    focused = QApplication.focusWidget()
    assert focused is form.secret, "the PIN field should have the focus"
    qtbot.keyClicks(focused, secret)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def show(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.fixture
def signed_clerk(clerk):
    return with_pin(clerk)


def test_sign_in_by_name_tab_pin_enter(qtbot, db, signed_clerk):
    dialog = SignInDialog(name="")
    show(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.form.name
    ime_type(dialog.form.name, "李娜")  # a Chinese name arrives through the input method
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Tab)
    type_secret(qtbot, dialog.form, PIN)
    assert dialog.result() == SignInDialog.DialogCode.Accepted and dialog.person.id == signed_clerk.id
    assert kinds() == [OperationKind.SIGN_IN]


def test_wrong_pin_five_times_locks_the_account_and_says_so(qtbot, db, signed_clerk):
    dialog = SignInDialog(name="李娜")
    show(qtbot, dialog)
    for _ in range(4):
        type_secret(qtbot, dialog.form, "0000")
        assert dialog.form.message.text() == signin.WRONG  # one sentence, not saying whether name or PIN
        assert dialog.form.secret.text() == "" and dialog.isVisible()
    type_secret(qtbot, dialog.form, "0000")
    assert "锁定" in dialog.form.message.text()
    type_secret(qtbot, dialog.form, PIN)  # the right PIN does not open a locked account
    assert "已锁定" in dialog.form.message.text() and "分钟" in dialog.form.message.text()
    assert dialog.isVisible() and dialog.person is None
    assert kinds().count(OperationKind.SIGN_IN_FAILED) == 6 and OperationKind.SIGN_IN not in kinds()


def test_ctrl_l_locks_the_counter_and_the_pin_unlocks_it_with_the_sale_form_kept(qtbot, window, signed_clerk,
                                                                                  make_member):
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "35")
    field = window.counter.entry.amounts["household"]
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.lock_screen and not window.counter.isVisible()
    assert window.operator() is None and kinds()[-1] == OperationKind.LOCK
    assert "李娜" in window.lock_screen.detail.text()
    # The counter's keys do nothing while it is locked: the status bar says how to unlock instead.
    assert "F2" not in window.hint.text() and window.hint.text().startswith("已锁屏：输入 PIN 或密码后回车解锁")
    type_secret(qtbot, window.lock_screen.form, "1111")
    assert window.pages.currentWidget() is window.lock_screen
    assert window.lock_screen.form.message.text() == signin.WRONG
    type_secret(qtbot, window.lock_screen.form, PIN)
    assert window.pages.currentWidget() is window.counter and window.operator().id == signed_clerk.id
    assert field.text() == "35" and field.hasFocus()  # back where the cashier was typing
    assert "F2 登记新会员" in window.hint.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert Sale.get().member_id == member.id and Sale.get().staff_id == signed_clerk.id


def test_the_counter_takes_a_scan_in_the_first_keystroke_after_unlocking(qtbot, window, signed_clerk,
                                                                         make_member):
    member = make_member(name="王五")
    window.lock()
    type_secret(qtbot, window.lock_screen.form, PIN)
    focused = QApplication.focusWidget()
    assert focused is window.counter.search.edit
    qtbot.keyClicks(focused, member.card_no)  # the scanner types into whatever has the focus
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert window.counter.member_id == member.id


def test_a_card_scanned_at_the_lock_screen_opens_nobody_on_the_hidden_counter(qtbot, window, signed_clerk,
                                                                              make_member):
    member = make_member(name="吴九")
    window.lock()
    form = window.lock_screen.form
    qtbot.keyClicks(form.secret, member.card_no)  # scanner speed: every digit at once
    qtbot.keyClick(form.secret, Qt.Key.Key_Return)
    assert window.counter.member_id is None and window.session.locked
    assert form.message.text() == signin.WRONG  # it was tried as a PIN, and refused


def test_idle_time_locks_the_counter_and_typing_keeps_it_open(qtbot, window, signed_clerk):
    # Typing restarts the countdown: checked on the timer itself, so a slow machine can't
    # make a typing pause look idle.
    window.idle.timeout_ms = lambda: 60_000
    window.idle._timer.setTimerType(Qt.TimerType.PreciseTimer)  # remainingTime to the millisecond
    window.idle.start()
    for _ in range(4):
        qtbot.wait(30)
        left = window.idle._timer.remainingTime()
        qtbot.keyClicks(window.counter.search.edit, "1")
        assert window.idle._timer.remainingTime() > left
        assert window.pages.currentWidget() is window.counter
    window.idle.timeout_ms = lambda: 50
    window.idle.start()  # then nobody touches the till
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.lock_screen, timeout=3000)
    assert window.session.locked and kinds()[-1] == OperationKind.LOCK
    assert not window.idle.is_running()  # locked: nothing more to time
    type_secret(qtbot, window.lock_screen.form, PIN)
    assert window.idle.is_running() and window.counter.search.edit.text() == "1111"


def _half_typed_sale(qtbot, window, member, category, amount):
    """A sale half typed for ``member`` when a second cashier, 孙丽 (PIN 1357), comes to the till."""
    second = with_pin(Staff.create(name="孙丽", role="cashier"), "1357")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, category, amount)
    return second, member


def test_another_cashier_unlocks_and_the_sale_is_theirs_with_the_form_kept(qtbot, window, signed_clerk,
                                                                           make_member):
    second, member = _half_typed_sale(qtbot, window, make_member(name="赵六"), "otc", "45")
    window.lock()
    form = window.lock_screen.form
    qtbot.keyClick(form.secret, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the name
    assert QApplication.focusWidget() is form.name
    form.name.lineEdit().selectAll()
    ime_type(form.name, "孙丽")
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    type_secret(qtbot, form, "1357")
    assert window.operator().id == second.id and "孙丽" in window.operator_label.text()
    assert window.counter.entry.amounts["otc"].text() == "45"
    qtbot.keyClick(window.counter.entry.amounts["otc"], Qt.Key.Key_Return)
    assert Sale.get().staff_id == second.id and Sale.get().member_id == member.id


def test_switching_cashier_mid_shift_is_one_short_dialog_and_keeps_the_form(qtbot, window, signed_clerk,
                                                                            make_member):
    second, member = _half_typed_sale(qtbot, window, make_member(name="钱七"), "household", "20")
    qtbot.keyClick(window.counter.entry.amounts["household"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.windowTitle() == "切换店员"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.name)
    ime_type(dialog.form.name, "孙丽")
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Return)  # Enter in the name moves on to the PIN
    type_secret(qtbot, dialog.form, "1357")
    assert window.operator().id == second.id and not dialog.isVisible()
    assert window.counter.entry.amounts["household"].text() == "20"
    assert window.counter.member_id == member.id
    window.counter.entry.submit()
    assert Sale.get().staff_id == second.id


def test_the_screens_opened_before_a_lock_come_back_only_for_the_same_person(qtbot, window, signed_clerk,
                                                                             make_member):
    from pharmacy_desk.ui.member_detail import MemberDetailDialog

    with_pin(Staff.create(name="孙丽", role="cashier"), "1357")
    member = make_member(name="周八")
    scan(qtbot, window, member.card_no)
    detail = window.open_member_detail()
    qtbot.waitExposed(detail)
    window.lock()
    assert not detail.isVisible()  # the lock screen is not hidden behind a dialog
    type_secret(qtbot, window.lock_screen.form, PIN)
    assert detail.isVisible()
    window.lock()
    form = window.lock_screen.form
    form.name.setEditText("孙丽")
    form.secret.setFocus()
    type_secret(qtbot, form, "1357")
    qtbot.waitUntil(lambda: window.findChild(MemberDetailDialog) is None)  # it was opened for 李娜


def test_sign_out_covers_the_counter_until_someone_signs_in(qtbot, window, signed_clerk):
    window.sign_out()
    assert window.session.locked and window.operator() is None
    assert kinds()[-1] == OperationKind.SIGN_OUT
    assert window.lock_screen.heading.text() == "请登录" and window.lock_screen.form.name.currentText() == ""
    assert window.hint.text() == "请登录：输入姓名和 PIN 或密码后回车。"
    menu_actions = [a for m in window.menuBar().actions() for a in m.menu().actions() if a.text()]
    assert [a.text() for a in menu_actions if a.isEnabled()] == ["退出"]  # F2, F4 … wait for a sign-in
    form = window.lock_screen.form
    form.name.setEditText("李娜")
    form.secret.setFocus()
    type_secret(qtbot, form, PIN)
    assert window.operator().id == signed_clerk.id
    assert next(a for a in menu_actions if a.text() == "登记新会员").isEnabled()


OWNER_ACTIONS = {"经营图表", "营销活动", "从Excel导入会员", "店员管理", "操作日志", "积分兑换目录", "设置…"}


def test_a_cashiers_menu_lacks_the_owners_actions(qtbot, window, owner):
    from tests.counter_window import act_as

    def visible() -> set[str]:
        return {a.text() for m in window.menuBar().actions() for a in m.menu().actions() if a.isVisible()}

    assert not OWNER_ACTIONS & visible()
    assert {"切换店员", "锁屏", "退出登录", "退出"} <= visible()
    act_as(window, owner)
    assert OWNER_ACTIONS <= visible()
