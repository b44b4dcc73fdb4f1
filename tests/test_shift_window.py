"""交班 and 日结 from the menu: one action, the slip shown to print or save as PDF, recorded."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core.models import Operation, Sale, Staff
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.shift_window import SlipDialog
from tests.counter_window import act_as, scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def _action(window, name):
    return next(a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions() if a.text() == name)


def _slip(window) -> SlipDialog:
    """The slip this window shows (not one an earlier test's window left open)."""
    dialogs = [w for w in window.findChildren(SlipDialog) if w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_the_cashier_closes_the_shift_from_the_menu_and_gets_the_slip(qtbot, window, make_member, tmp_path):
    member = make_member(at=NOW - dt.timedelta(days=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "otc", "150")
    type_amount(qtbot, window, "rx", "80")
    qtbot.keyClicks(window.counter.entry.insurance, "80")
    qtbot.keyClick(window.counter.entry.insurance, Qt.Key.Key_Return)
    assert not _action(window, "日结").isVisible()  # a cashier closes a shift, not the day
    _action(window, "交班").trigger()
    dialog = _slip(window)
    text = dialog.view.text.toPlainText()
    assert "交班单" in text and "销售 1 笔" in text and "李娜" in text
    assert "医保（另计，不在钱箱）" in text and "80.00" in text and "150.00" in text
    earned = Sale.get().points_earned
    assert re.search(rf"发放积分 +{earned}\n  退货扣回 +0\n  积分不足未扣回 +0\n净发放积分 +{earned}\n", text)
    assert Operation.select().where(Operation.kind == OperationKind.SHIFT_CLOSE.value).count() == 1
    path = dialog.view.save_pdf(str(tmp_path / "shift.pdf"))
    assert path and (tmp_path / "shift.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()


def _day_end_asked(qtbot, window):
    """日结 from the menu: the day is asked first, with today's date and the focus in it."""
    from pharmacy_desk.ui.shift_window import DayEndDialog

    _action(window, "日结").trigger()
    dialog = window.findChild(DayEndDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.date and dialog.day() == dt.date.today()
    return dialog


def test_the_owner_runs_the_day_end_with_the_chain_head(qtbot, window, make_member, tmp_path):
    member = make_member(at=NOW - dt.timedelta(days=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "100")
    qtbot.keyClick(window.counter.entry.amounts["household"], Qt.Key.Key_Return)
    act_as(window, Staff.create(name="王店长", role="owner"))
    assert _action(window, "日结").isVisible()
    asked = _day_end_asked(qtbot, window)
    qtbot.keyClick(asked.date, Qt.Key.Key_Return)  # today, as it stands
    dialog = _slip(window)
    text = dialog.view.text.toPlainText()
    assert "日结报表" in text and "收银员 李娜" in text and "账本链头" in text and "operation:" in text
    assert re.search(rf"日期 +{dt.date.today():%Y-%m-%d}\n", text)
    recorded = Operation.get(Operation.kind == OperationKind.DAY_END.value)
    assert recorded.staff.name == "王店长"
    assert dialog.view.save_pdf(str(tmp_path / "day.pdf"))
    dialog.reject()


def test_the_owner_prints_yesterdays_day_end_with_the_keyboard_and_cannot_pick_tomorrow(
        qtbot, window, owner, make_member, sell):
    today = dt.date.today()
    yesterday = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(15, 0))
    member = make_member(at=yesterday - dt.timedelta(hours=1))
    sell(member, {"household": 4200}, at=yesterday)
    sell(member, {"household": 100}, at=NOW)  # today's: not on yesterday's
    act_as(window, owner)
    asked = _day_end_asked(qtbot, window)
    qtbot.keyClick(asked.date, Qt.Key.Key_Up)  # no day to come: today is as far as it goes
    assert asked.day() == today
    qtbot.keyClick(asked.date, Qt.Key.Key_Down)  # a day back
    assert asked.day() == today - dt.timedelta(days=1)
    qtbot.keyClick(asked.date, Qt.Key.Key_Return)
    dialog = _slip(window)
    text = dialog.view.text.toPlainText()
    assert re.search(rf"日期 +{yesterday:%Y-%m-%d}\n", text) and "销售 1 笔" in text and "42.00" in text
    recorded = Operation.get(Operation.kind == OperationKind.DAY_END.value)
    assert recorded.subject == f"日结：{yesterday:%Y-%m-%d}"
    dialog.reject()


def test_the_day_end_asked_and_let_go_records_nothing(qtbot, window, owner):
    act_as(window, owner)
    asked = _day_end_asked(qtbot, window)
    qtbot.keyClick(asked.date, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.isActiveWindow)
    assert not Operation.select().where(Operation.kind == OperationKind.DAY_END.value).exists()
    assert QApplication.focusWidget() is window.counter.search.edit
