"""The call-lists window, driven like the owner would: pick, filter, mark contacted, export."""

import datetime as dt


from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from pharmacy_desk.core.models import ContactLog
from pharmacy_desk.ui.contact_dialog import ContactDialog
from pharmacy_desk.ui.lists_window import ListsWindow

# The offscreen platform cannot size top-level windows and says so at every show().

TODAY = dt.date(2026, 6, 10)
OLD = dt.datetime(2025, 1, 5, 9, 0)


def open_window(qtbot, operator, rows):
    window = ListsWindow(operator, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == rows and "共" in window.count_label.text())
    return window


def answer_contact_dialog(qtbot, window, outcome_index, note):
    """When the modal dialog opens, choose the outcome, type a note and press 保存."""
    def handle():
        dialog = window.findChild(ContactDialog)
        if dialog is None or not dialog.isVisible():  # not open yet: look again shortly
            QTimer.singleShot(20, handle)
            return
        dialog.outcome.setCurrentIndex(outcome_index)
        dialog.note.insert(note)  # Chinese text arrives through the input method, not key events
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, handle)


def test_dormant_list_filter_mark_contacted(qtbot, qtmodeltester, make_member, owner, clerk):
    mine = make_member(name="店员的会员", at=OLD)  # signed by 李娜 (clerk), never bought
    theirs = make_member(name="店长的会员", at=OLD, operator=owner)
    window = open_window(qtbot, owner, 2)
    qtmodeltester.check(window.model)
    assert window.list_picker.currentData() == "dormant"
    assert {window.model.row(i).member_id for i in range(2)} == {mine.id, theirs.id}
    assert window.model.data(window.model.index(0, 1)) in (mine.phone, theirs.phone)

    window.staff_filter.setCurrentIndex(window.staff_filter.findText("王芳"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.row(0).member_id == theirs.id

    window.table.selectRow(0)
    answer_contact_dialog(qtbot, window, 1, "下周再打")  # 未接听
    qtbot.mouseClick(window.contact_button, Qt.MouseButton.LeftButton)
    log = ContactLog.get()
    assert (log.member_id, log.reason, log.outcome, log.notes, log.staff_id) == (
        theirs.id, "dormant", "未接听", "下周再打", owner.id)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)

    window.staff_filter.setCurrentIndex(0)  # 全部店员: only the clerk's member is left to call
    qtbot.waitUntil(lambda: [window.model.row(i).member_id for i in range(window.model.rowCount())] == [mine.id])


def test_switching_lists_and_exporting(qtbot, make_member, owner, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    make_member(name="生日会员", birthday=dt.date(1980, 6, 12), at=OLD)
    window = open_window(qtbot, owner, 1)
    window.list_picker.setCurrentIndex(window.list_picker.findData("birthday_7"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.row(0).reason == "birthday")
    assert window.model.data(window.model.index(0, 3)) == "06月12日生日（2天后），满46岁"

    target = tmp_path / "birthdays.xlsx"
    monkeypatch.setattr(window, "ask_export_path", lambda: str(target))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出 1 位会员" in window.count_label.text())
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[2]] == ["生日会员", "13800000001", "李娜", "06月12日生日（2天后），满46岁", None]


def test_clerk_cannot_export(qtbot, make_member, clerk):
    make_member(at=OLD)
    window = open_window(qtbot, clerk, 1)
    assert not window.export_button.isEnabled()


def test_a_refused_mark_is_not_announced_and_marks_nobody(qtbot, make_member, owner, monkeypatch):
    from pharmacy_desk.core.models import Coupon, Member
    from pharmacy_desk.ui.events import events

    make_member(name="甲", at=OLD), make_member(name="乙", at=OLD)
    window = open_window(qtbot, owner, 2)
    window.table.selectAll()
    first, gone = (row.member_id for row in window.selected_rows())
    # the second is deleted on request (PIPL) from another till while the list is open
    Coupon.delete().where(Coupon.member == gone).execute()
    Member.delete().where(Member.id == gone).execute()
    shown = []
    monkeypatch.setattr(window, "ask_contact", lambda rows: ("已接通", ""))
    monkeypatch.setattr("pharmacy_desk.ui.messages.QMessageBox.exec", lambda box: shown.append(box.text()))
    changed = []
    events().changed.connect(changed.append)
    try:
        window.mark_contacted()
    finally:
        events().changed.disconnect(changed.append)
    assert shown == ["找不到这位会员。"]
    assert changed == []
    assert not ContactLog.select().where(ContactLog.member == first).exists()  # all marked, or none
