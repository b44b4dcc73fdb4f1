"""交班 and 日结 from the menu: one action, the slip shown to print or save as PDF, recorded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.shift_window import SlipDialog
from tests.counter_window import act_as, scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def _action(window, name):
    return next(a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions() if a.text() == name)


def _slip(qtbot) -> SlipDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SlipDialog) and w.isVisible()]
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
    dialog = _slip(qtbot)
    text = dialog.view.text.toPlainText()
    assert "交班单" in text and "销售 1 笔" in text and "李娜" in text
    assert "医保（另计，不在钱箱）" in text and "80.00" in text and "150.00" in text
    assert Operation.select().where(Operation.kind == OperationKind.SHIFT_CLOSE.value).count() == 1
    path = dialog.view.save_pdf(str(tmp_path / "shift.pdf"))
    assert path and (tmp_path / "shift.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()


def test_the_owner_runs_the_day_end_with_the_chain_head(qtbot, window, make_member, tmp_path):
    member = make_member(at=NOW - dt.timedelta(days=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "100")
    qtbot.keyClick(window.counter.entry.amounts["household"], Qt.Key.Key_Return)
    act_as(window, Staff.create(name="王店长", role="owner"))
    action = _action(window, "日结")
    assert action.isVisible()
    action.trigger()
    dialog = _slip(qtbot)
    text = dialog.view.text.toPlainText()
    assert "日结报表" in text and "收银员 李娜" in text and "账本链头" in text and "operation:" in text
    recorded = Operation.get(Operation.kind == OperationKind.DAY_END.value)
    assert recorded.staff.name == "王店长"
    assert dialog.view.save_pdf(str(tmp_path / "day.pdf"))
    dialog.reject()
