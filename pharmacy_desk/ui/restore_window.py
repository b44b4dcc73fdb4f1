"""备份与恢复 window (the owner's): the good backups, a backup now, a restore from one of them
or from a file, and the offer made at start-up when the database cannot be opened.

A restore replaces everything the windows show, so it asks twice: the first click names
what will happen, the second does it. The core keeps the current database as a backup
first and opens the restored file; the operation then broadcasts that everything changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core import backup, restore
from pharmacy_desk.core.backup_files import BackupInfo
from pharmacy_desk.core.database_file import DatabaseUnusable
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.ui.i18n import core, sentence
from pharmacy_desk.ui.inline import InlineMessage, table_view, time_text
from pharmacy_desk.ui.operations import Job, Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "备份时间"), lambda b: time_text(b.created_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "原因"), lambda b: core(b.reason.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "大小"), lambda b: f"{b.size / 1_000_000:.1f} MB", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "位置"), lambda b: str(b.path), tooltip=lambda b: str(b.path)),
)


def status_text(state: backup.BackupStatus) -> str:
    """``BackupStatus.text`` in the windows' language."""
    if state.newest is None:
        return QCoreApplication.translate("RestoreWindow", "尚无备份")
    return QCoreApplication.translate("RestoreWindow", "上次备份：{time}").format(time=f"{state.newest:%Y-%m-%d %H:%M}")


def kept_text(kept: Path | None) -> str:
    """``restore.kept_sentence`` in the windows' language."""
    if kept is None:
        return QCoreApplication.translate("RestoreWindow", "原来没有数据库文件")
    return QCoreApplication.translate("RestoreWindow", "恢复前的数据库保存为 {path}").format(path=kept)


class RestoreWindow(QDialog):
    """The backups of the open database, newest first; ``restored`` fires after a restore."""

    restored = Signal(object)  # core.restore.RestoreResult
    backed_up = Signal(object)  # core.backup_files.BackupInfo of the backup just made

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.operator = operator
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(900, 480)
        self._pending: Path | None = None  # the file a first click on 恢复 named
        self._task = None

        self.status = QLabel()
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.table = table_view(self.model, self, stretch_column=3)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("从所选备份恢复"))
        self.file_button = QPushButton(self.tr("从文件恢复…"))
        self.message = InlineMessage(self)
        allowed = can(operator, Permission.RESTORE)
        for button in (self.restore_button, self.file_button):
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(self.tr("只有店长可以恢复备份。"))
        self.backup_button.setEnabled(can(operator, Permission.BACKUP))

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button.clicked.connect(self._restore_from_file)
        self.table.selectionModel().selectionChanged.connect(self._forget_pending)
        self.refresh()

    def refresh(self) -> None:
        Read(self, backup.good_backups).success(self._show).failure(self.message.refused).run()

    def _show(self, backups: list[BackupInfo]) -> None:
        self.model.set_rows(backups)
        if backups:
            self.table.selectRow(0)
        state = backup.status()
        self.status.setText(status_text(state))
        self.status.setStyleSheet("color: #b00020; font-weight: bold;" if state.overdue else "")

    def back_up_now(self):
        def done(info: BackupInfo) -> None:
            done_text = self.tr("已备份到 {path}（完整性检查通过）。").format(path=info.path)
            if info.warning is None:
                self.message.ok(done_text)
            else:  # not where the owner keeps them: the stick is out, and they should know
                self.message.warn(f"{sentence(info.warning)} {done_text}")
            self.refresh()
            self.backed_up.emit(info)

        self._task = Op(self, lambda operator, _progress: backup.make_backup(operator=operator),
                        operator=self.operator).success(done).failure(self.message.refused) \
            .run_in_background(self.tr("正在备份"))
        return self._task

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _forget_pending(self) -> None:
        self._pending = None
        self.restore_button.setText(self.tr("从所选备份恢复"))

    def _restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.refused(self.tr("请先在列表中选择一个备份。"))
            return
        self.ask_or_restore(chosen.path)

    def _restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), "",
                                              self.tr("数据库备份 (*.sqlite3);;所有文件 (*)"))
        if name:
            self.ask_or_restore(Path(name))

    def ask_or_restore(self, source: Path) -> None:
        """The first call for a file says what will happen; the second restores it."""
        if self._pending != source:
            self._pending = source
            self.restore_button.setText(self.tr("确认恢复"))
            self.message.info(self.tr("将用 {source} 替换当前数据库；当前数据库会先备份保留。再按一次“确认恢复”执行。")
                              .format(source=source))
            return
        self._pending = None
        self.restore_button.setText(self.tr("从所选备份恢复"))

        def done(result: restore.RestoreResult) -> None:
            self.message.ok(self.tr("已从 {source} 恢复。{kept}。").format(source=result.restored_from,
                                                                      kept=kept_text(result.kept)))
            self.refresh()
            self.restored.emit(result)

        Op(self, lambda operator: restore.restore(source, operator), operator=self.operator) \
            .success(done).failure(self.message.refused).run()


def offer_restore_at_start(refusal: DatabaseUnusable, parent: QWidget | None = None) -> bool:
    """The database cannot be opened: say why and, when there is a good backup, offer it.

    True when the backup was restored (the database is then open); nobody can sign in
    to a database that cannot be opened, so this restore is the program's own act.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("RestoreWindow", "无法打开数据库"), sentence(refusal.sentence),
                      QMessageBox.StandardButton.NoButton, parent)
    restore_button = None
    if refusal.backup is not None:
        restore_button = box.addButton(QCoreApplication.translate("RestoreWindow", "从最近的备份恢复"),
                                       QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("RestoreWindow", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    if restore_button is None or box.clickedButton() is not restore_button:
        return False
    backup_file = refusal.backup
    return Job(parent, lambda: restore.restore_unopenable(refusal.path, backup_file)).run()
