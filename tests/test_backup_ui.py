"""Backups at the counter: the status bar's last good backup (red after two days), the automatic
backups off the GUI thread, the owner's restore window and the offer made when the database
cannot be opened."""

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pharmacy_desk.core import backup, db as core_db, paths
from pharmacy_desk.core.database_file import DatabaseUnusable, FileState
from pharmacy_desk.core.models import Member, Operation
from pharmacy_desk.core.vocabulary import BackupReason, OperationKind
from pharmacy_desk.ui.backup_status import OVERDUE_STYLE


def test_the_status_bar_shows_the_last_good_backup_and_turns_red_after_two_days(qtbot, window):
    assert window.backup_status.text() == "尚无备份" and window.backup_status.styleSheet() == OVERDUE_STYLE
    made = backup.make_backup(at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=1, hours=23))
    window.backup_status.refresh()
    assert window.backup_status.text() == f"上次备份：{made.created_at:%Y-%m-%d %H:%M}"
    assert window.backup_status.styleSheet() == ""
    window.backup_status.refresh(now=made.created_at + dt.timedelta(days=2))
    assert window.backup_status.styleSheet() == OVERDUE_STYLE and window.backup_status.toolTip()


def test_a_backup_is_made_in_the_background_at_start_up_and_then_only_when_due(qtbot, window):
    task = window.backup_status.start()
    with qtbot.waitSignal(task.done, timeout=10000):
        pass
    assert [b.reason for b in backup.good_backups()] == [BackupReason.STARTUP]
    assert window.backup_status.text().startswith("上次备份：") and window.backup_status.styleSheet() == ""
    task = window.backup_status.back_up_if_due(BackupReason.DAILY)  # the newest is minutes old: nothing to do
    with qtbot.waitSignal(task.done, timeout=10000):
        pass
    assert len(backup.good_backups()) == 1
    assert window.backup_status.back_up_on_exit() and len(backup.good_backups()) == 1  # one was made within the hour


def test_a_failed_automatic_backup_is_a_status_line_not_a_box(qtbot, window, monkeypatch):
    from pharmacy_desk.core import dialect_files

    def full(database, target):
        import sqlite3

        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode, error.sqlite_errorname = 13, "SQLITE_FULL"
        raise error
    monkeypatch.setattr(dialect_files, "copy_database", full)
    task = window.backup_status.back_up_if_due(BackupReason.DAILY)
    with qtbot.waitSignal(task.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.backup_status._task is None)
    assert window.statusBar().currentMessage().startswith("自动备份没有完成：备份没有完成")
    assert "磁盘已满" in window.statusBar().currentMessage()
    assert window.backup_status.text() == "尚无备份"


def as_owner(window, owner):
    from tests.counter_window import act_as

    act_as(window, owner)


def test_the_owner_restores_a_backup_from_the_window_and_the_counter_follows(qtbot, window, owner, make_member):
    make_member(phone="13800000001")
    made = backup.make_backup(at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2))
    make_member(phone="13800000002")
    as_owner(window, owner)
    dialog = window.open_backups()
    assert dialog.model.rowCount() == 1 and dialog.selected().path == made.path
    qtbot.mouseClick(dialog.restore_button, qtbot_left())
    assert dialog.restore_button.text() == "确认恢复" and Member.select().count() == 2  # asked, not done
    qtbot.mouseClick(dialog.restore_button, qtbot_left())
    assert [m.phone for m in Member.select()] == ["13800000001"]
    assert Operation.select().where(Operation.kind == OperationKind.RESTORE.value).count() == 1
    assert len(backup.good_backups()) == 2  # the one restored from, and the one made before the restore
    # Another database's staff now: the screens close and whoever works next signs in to it.
    assert window.session.locked and window.pages.currentWidget() is window.lock_screen
    assert window.counter.member_id is None and not dialog.isVisible()
    assert window.statusBar().currentMessage().startswith(f"已从 {made.path} 恢复")


def test_a_cashier_cannot_restore(qtbot, window, make_member):
    backup.make_backup()
    dialog = window.open_backups()
    assert not dialog.restore_button.isEnabled() and not dialog.file_button.isEnabled()
    assert not dialog.backup_button.isEnabled()
    dialog.close()


def test_back_up_now_from_the_window(qtbot, window, owner):
    as_owner(window, owner)
    dialog = window.open_backups()
    task = dialog.back_up_now()
    with qtbot.waitSignal(task.done, timeout=10000):
        pass
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.message.kind == "ok" and str(paths.backup_dir()) in dialog.message.text()
    assert Operation.get(Operation.kind == OperationKind.BACKUP.value).staff_id == owner.id
    # The counter's status bar, beside the window still open, names the backup just made.
    made = backup.status().newest
    assert window.backup_status.text() == f"上次备份：{made:%Y-%m-%d %H:%M}"
    dialog.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def press_in_next_box(text: str) -> list[str]:
    """Press the button called ``text`` in the message box about to open; returns what the box said."""
    said: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        said.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()
    QTimer.singleShot(0, press)
    return said


def test_a_database_that_cannot_be_opened_is_offered_its_newest_backup(qtbot, db, make_member):
    from pharmacy_desk.ui.restore_window import offer_restore_at_start

    make_member(phone="13800000001")
    made = backup.make_backup()
    path = core_db.database_path()
    core_db.close_database()
    path.write_bytes(b"")
    refusal = DatabaseUnusable(path, FileState.EMPTY, made.path)
    said = press_in_next_box("从最近的备份恢复")
    assert offer_restore_at_start(refusal)
    assert said == [str(refusal)] and [m.phone for m in Member.select()] == ["13800000001"]


def test_without_a_backup_the_offer_is_only_to_quit(qtbot, tmp_path):
    from pharmacy_desk.ui.restore_window import offer_restore_at_start

    refusal = DatabaseUnusable(tmp_path / "shop.sqlite3", FileState.MISSING)
    said = press_in_next_box("退出")
    assert not offer_restore_at_start(refusal) and "不存在" in said[0]


def test_after_a_restore_the_receipt_of_a_sale_the_restored_file_does_not_hold_is_gone(qtbot, window, owner,
                                                                                      make_member):
    from PySide6.QtCore import Qt

    from tests.counter_window import scan, type_amount

    member = make_member(phone="13800000001")
    made = backup.make_backup(at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2))
    as_owner(window, owner)
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "88")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    receipt = window.counter.receipt
    assert receipt.receipt is not None and receipt.print_button.isEnabled()  # the sale made after the backup
    dialog = window.open_backups()
    assert dialog.selected().path == made.path
    qtbot.mouseClick(dialog.restore_button, qtbot_left())
    qtbot.mouseClick(dialog.restore_button, qtbot_left())
    assert Operation.select().where(Operation.kind == OperationKind.RESTORE.value).count() == 1
    # Ctrl+P must not print a receipt for a sale that is not in the database any more.
    assert receipt.receipt is None and receipt.sale_id is None and receipt.text.toPlainText() == ""
    assert not receipt.print_button.isEnabled() and not receipt.pdf_button.isEnabled()


def test_a_backup_that_fell_back_to_the_data_folder_is_shown_as_a_warning_not_a_success(qtbot, window, owner,
                                                                                       tmp_path):
    from pharmacy_desk.core import settings

    settings.change("backup_dir", str(tmp_path / "pulled-stick"), owner)
    as_owner(window, owner)
    dialog = window.open_backups()
    task = dialog.back_up_now()
    with qtbot.waitSignal(task.done, timeout=10000):
        pass
    qtbot.waitUntil(lambda: dialog.message.kind != "info")
    # The copy is good, but not where the owner wants it: said so in the colour of a problem.
    assert dialog.message.kind == "warning" and "U盘可能已拔出" in dialog.message.text()
    assert dialog.message.styleSheet() != "color: #1b5e20;"
    dialog.close()
