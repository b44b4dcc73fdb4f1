"""The import wizard and the export menu, driven like the owner would."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from pharmacy_desk.core import check, ledger
from pharmacy_desk.core.changes import ALL, Changes
from pharmacy_desk.core.models import Member
from tests.spreadsheet_helpers import write_xlsx

# The offscreen platform cannot size native windows; it says so for every top-level window.


@pytest.fixture
def two_phone_list(tmp_path):
    # 电话 (a landline) is guessed as the phone; the owner points 手机 at it instead.
    return write_xlsx(tmp_path / "list.xlsx", {"会员": [
        ["会员名单"],
        ["姓名", "电话", "手机", "生日", "积分"],
        ["张三", "010-12345678", "13812345678", "1965-03-08", "1,200"],
        ["李四", "010-87654321", "139 1234 5678", "", "300分"],
        ["王五", "", "1381234567", "", ""],
    ]})


def click_next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def next_to(qtbot, wizard, page):
    """下一步 clicked, then waited on until the wizard shows ``page``."""
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10000)


def start_import(qtbot, wizard):
    """开始导入 clicked, then waited on until the result page shows."""
    qtbot.mouseClick(wizard.import_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)


def open_wizard(qtbot, owner, path):
    """The import wizard shown with ``path`` chosen on its first page."""
    from pharmacy_desk.ui.import_wizard import ImportWizard

    wizard = ImportWizard(owner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.set_path(path)
    return wizard


def test_wizard_end_to_end(qtbot, qtmodeltester, db, owner, two_phone_list, tmp_path):
    from pharmacy_desk.ui.events import events

    wizard = open_wizard(qtbot, owner, two_phone_list)
    next_to(qtbot, wizard, wizard.mapping_page)

    page = wizard.mapping_page
    qtmodeltester.check(page.model)
    assert [(r["header"], r["field"]) for r in page.model.rows()] == [
        ("姓名", "name"), ("电话", "phone"), ("手机", ""), ("生日", "birthday"), ("积分", "points")]
    assert page.model.row(2)["sample"] == "13812345678"
    page.combos[1].setCurrentIndex(page.combos[1].findData(""))
    page.combos[2].setCurrentIndex(page.combos[2].findData("phone"))
    next_to(qtbot, wizard, wizard.preview_page)

    preview = wizard.preview_page
    qtmodeltester.check(preview.model)
    assert wizard.plan.counts() == {"new": 2, "merged": 0, "conflicts": 0, "rejected": 1, "skipped": 0}
    assert "新增会员 <b>2</b> 人" in preview.summary.text() and "期初积分共 <b>1500</b> 分" in preview.summary.text()
    assert preview.model.rowCount() == 1 and "10位" in str(preview.model.row(0).reason)
    assert Member.select().count() == 0  # the preview wrote nothing

    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.import_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(events().changed, timeout=10000) as changed:
        qtbot.mouseClick(wizard.import_page.start, Qt.MouseButton.LeftButton)
    assert changed.args == [Changes.of_members(ALL, ledger=True)]
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)

    zhang = Member.get(Member.phone == "13812345678")
    assert (zhang.name, zhang.birthday, ledger.balance(zhang.id)) == ("张三", dt.date(1965, 3, 8), 1200)
    assert ledger.balance(Member.get(Member.phone == "13912345678").id) == 300
    assert Member.select().count() == 2 and check.run_checks() == []
    assert "新增 2 位会员" in wizard.result_page.summary.text()
    assert wizard.result_page.save.isEnabled()
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # an import cannot be stepped back into
    report = tmp_path / "errors.xlsx"
    wizard.result_page.save_report(report)
    from openpyxl import load_workbook

    assert load_workbook(report)["会员"]["A2"].value == "王五"
    wizard.grab().save(str(tmp_path / "result.png"))

    # The corrected mapping is remembered for the next file with the same header.
    again = open_wizard(qtbot, owner, two_phone_list)
    next_to(qtbot, again, again.mapping_page)
    assert [r["field"] for r in again.mapping_page.model.rows()][1:3] == ["", "phone"]
    next_to(qtbot, again, again.preview_page)
    assert again.plan.already_imported and "已经导入过" in again.preview_page.summary.text()


def test_bad_file_is_reported_and_wizard_stays(qtbot, db, owner, tmp_path, monkeypatch):
    from pharmacy_desk.ui import operations

    shown = []
    monkeypatch.setattr(operations, "show_message", lambda parent, message, expected: shown.append(message))
    bad = tmp_path / "macro.xlsm"
    bad.write_bytes(b"PK\x03\x04")
    wizard = open_wizard(qtbot, owner, bad)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "含宏" in shown[0] and wizard.currentPage() is wizard.file_page


def test_export_menu(qtbot, db, owner, clerk, make_member, tmp_path):
    from openpyxl import load_workbook

    from pharmacy_desk.ui.export_menu import build_export_menu, run_export

    make_member(phone="13812345678", name="张三")
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = build_export_menu(parent, owner)
    assert [a.text() for a in menu.actions()] == ["会员…", "消费记录…", "积分流水…", "优惠券…", "券核销…"]
    assert all(a.isEnabled() for a in menu.actions())
    assert menu.menuAction().isVisible()
    cashiers = build_export_menu(parent, clerk)
    assert not cashiers.menuAction().isVisible() and not any(a.isEnabled() for a in cashiers.actions())

    path = tmp_path / "members.xlsx"
    task = run_export(parent, "members", path, owner, notify=False)
    with qtbot.waitSignal(task.done, timeout=10000) as done:
        pass
    assert done.args == [1]
    assert load_workbook(path).active["C2"].value == "13812345678"


@pytest.mark.parametrize(("typed", "path"), [("/e/名单", "/e/名单.xlsx"), ("/e/名单.XLSX", "/e/名单.XLSX"), ("", "")])
def test_every_export_asks_for_its_workbook_the_same_way(qtbot, monkeypatch, typed, path):
    from PySide6.QtWidgets import QFileDialog

    from pharmacy_desk.ui.export_menu import ask_workbook_path

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: asked.append(args) or (typed, ""))
    assert ask_workbook_path(None, "导出回访名单", "/e/回访名单.xlsx") == path
    assert asked == [(None, "导出回访名单", "/e/回访名单.xlsx", "Excel 工作簿 (*.xlsx)")]


def test_an_import_from_the_main_window_is_announced_once(qtbot, db, owner, tmp_path):
    from pharmacy_desk.ui.events import events
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session

    one_member = write_xlsx(tmp_path / "one.xlsx", {"会员": [["姓名", "手机"], ["张三", "13812345678"]]})
    window = MainWindow(Session(owner))
    qtbot.addWidget(window)
    changed = []
    events().changed.connect(changed.append)
    try:
        cancelled = window.open_import()
        cancelled.reject()  # opened and closed without importing: nothing changed, nothing to announce
        assert changed == []
        wizard = window.open_import()
        wizard.file_page.set_path(one_member)
        for page in (wizard.mapping_page, wizard.preview_page):
            next_to(qtbot, wizard, page)
        click_next(qtbot, wizard)
        start_import(qtbot, wizard)
        wizard.accept()  # 完成
        assert Member.select().count() == 1
        assert len(changed) == 1
    finally:
        events().changed.disconnect(changed.append)


@pytest.fixture
def undetected_header(tmp_path):
    # Neither 客人 nor 号码 is a known column name, and half the numbers are not mobiles.
    return write_xlsx(tmp_path / "客户资料.xlsx", {
        "说明": [["本表由收银系统导出"]],
        "资料": [["客户资料"], ["客人", "号码", "住哪"], ["张三", "备用 010-1234", "某路1号"],
                 ["李四", "13912345678", "某路2号"]],
    })


def pick(combo, data):
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def test_a_sheet_whose_header_was_missed_is_mapped_by_hand_and_imported(qtbot, qtmodeltester, db, owner,
                                                                      undetected_header):

    wizard = open_wizard(qtbot, owner, undetected_header)
    next_to(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == [
        "说明（未导入）", "资料（未导入）"]
    page.sheet_combo.setCurrentIndex(1)
    assert "没有找到表头" in page.status.text() and not page.use_sheet.isChecked()

    page.header_spin.setFocus()
    qtbot.keyClick(page.header_spin, Qt.Key.Key_Up)
    qtbot.keyClick(page.header_spin, Qt.Key.Key_Up)
    assert page.header_spin.value() == 2 and page.use_sheet.isChecked()
    qtmodeltester.check(page.model)
    assert [(r["letter"], r["header"], r["field"]) for r in page.model.rows()] == [
        ("A", "客人", "name"), ("B", "号码", ""), ("C", "住哪", "")]  # 客人 guessed from 张三, 李四
    assert "还需要指定：手机号" in page.status.text()
    pick(page.combos[1], "phone")
    pick(page.combos[2], "address")
    assert page.sheet_combo.itemText(1) == "资料（导入）"
    next_to(qtbot, wizard, wizard.preview_page)
    assert wizard.plan.counts() == {"new": 1, "merged": 0, "conflicts": 0, "rejected": 1, "skipped": 0}
    summary = wizard.preview_page.summary.text()
    assert "工作表“说明”未导入" in summary and "手机号只能包含数字：1 行" in summary

    click_next(qtbot, wizard)
    start_import(qtbot, wizard)
    li = Member.get(Member.phone == "13912345678")
    assert (li.name, li.address) == ("李四", "某路2号") and check.run_checks() == []


def test_the_wheel_over_the_mapping_table_scrolls_and_changes_no_field(qtbot, db, owner, two_phone_list):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication


    wizard = open_wizard(qtbot, owner, two_phone_list)
    next_to(qtbot, wizard, wizard.mapping_page)
    combo = wizard.mapping_page.combos[0]
    assert combo.currentData() == "name" and not combo.hasFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus

    def roll():
        centre = QPointF(combo.rect().center())
        event = QWheelEvent(centre, QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(combo, event)

    roll()
    assert combo.currentData() == "name"  # 姓名 does not silently become 办卡日期
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    roll()
    assert combo.currentData() != "name"  # a combo the owner clicked into still takes the wheel


def test_matching_against_the_members_runs_off_the_gui_thread(qtbot, db, owner, two_phone_list, monkeypatch):
    import threading

    from pharmacy_desk.core.spreadsheet import plan

    threads = []
    real = plan.match_database

    def match(file_plan):
        threads.append(threading.current_thread())
        return real(file_plan)

    monkeypatch.setattr(plan, "match_database", match)
    wizard = open_wizard(qtbot, owner, two_phone_list)
    next_to(qtbot, wizard, wizard.mapping_page)
    assert threads and threading.main_thread() not in threads


def test_the_preview_says_what_opening_points_are_worth_and_the_owner_sets_their_validity(
        qtbot, db, owner, tmp_path):
    from pharmacy_desk.core.ledger import add_months
    from pharmacy_desk.core.models import LedgerEntry

    path = write_xlsx(tmp_path / "a.xlsx", {"会员": [["姓名", "手机", "积分", "病史"],
                                                     ["张三", "13812345678", "18759", "高血压"]]})
    wizard = open_wizard(qtbot, owner, path)
    for page in (wizard.mapping_page, wizard.preview_page):
        next_to(qtbot, wizard, page)
    preview = wizard.preview_page
    assert "可抵现约 776.00 元" in preview.summary.text() and "导入后 12 个月" in preview.summary.text()
    assert "待与会员确认" in preview.summary.text()
    preview.validity.setValue(6)
    assert "导入后 6 个月" in preview.summary.text()
    click_next(qtbot, wizard)
    start_import(qtbot, wizard)
    assert {e.expires_on for e in LedgerEntry.select()} == {add_months(dt.date.today(), 6)}


def test_the_conflicts_cells_come_from_the_one_read_of_the_file(qtbot, db, owner, make_member, tmp_path, monkeypatch):
    """A row whose card another row or a member holds is shown with its cells, the file read once for the plan."""
    import python_calamine

    make_member(phone="13712345678", name="王五", card_no="8800001")
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": [
        ["会员卡号", "姓名", "手机", "备注"], ["8800002", "张三", "13812345678", "老顾客"],
        ["8800002", "李四", "13912345678", "同一张卡"], ["8800001", "马六", "13612345678", "王五的卡"],
        ["", "赵七", "1381234567", "少一位"]]})
    reads = []
    real = python_calamine.CalamineWorkbook.from_path
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path",
                        lambda *args, **kwargs: reads.append(args) or real(*args, **kwargs))
    wizard = open_wizard(qtbot, owner, path)
    next_to(qtbot, wizard, wizard.mapping_page)
    next_to(qtbot, wizard, wizard.preview_page)
    assert len(reads) == 1  # the one plan's (the guessed columns were kept)
    assert wizard.plan.counts()["conflicts"] == 2
    shown = {p.source.row_number: list(p.source.values) for p in wizard.preview_page.model.rows()}
    assert shown == {3: ["8800002", "李四", "13912345678", "同一张卡"], 4: ["8800001", "马六", "13612345678", "王五的卡"],
                     5: ["", "赵七", "1381234567", "少一位"]}


def test_enter_on_the_finished_import_closes_the_wizard_and_a_report_is_saved_as_a_workbook(
        qtbot, db, owner, two_phone_list, tmp_path, monkeypatch):
    """Seen at a real counter: Enter on 导入完成 (完成 drawn as the default) opened the report's save
    dialog instead, and the next scan's digits became a report file named after them, without .xlsx."""
    from PySide6.QtWidgets import QApplication, QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(args) or (str(tmp_path / "18822151217"), ""))
    wizard = open_wizard(qtbot, owner, two_phone_list)
    next_to(qtbot, wizard, wizard.mapping_page)
    next_to(qtbot, wizard, wizard.preview_page)
    click_next(qtbot, wizard)
    start_import(qtbot, wizard)
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)  # wherever the focus is
    assert asked == [] and not wizard.isVisible()

    wizard.result_page.save.click()  # the report asked for by its button
    assert (tmp_path / "18822151217.xlsx").exists() and not (tmp_path / "18822151217").exists()
