"""The counter's automatic backups and their status-bar label (上次备份).

The counter backs up in the background, never in the cashier's way: at the start when the
newest backup is older than a day, every hour the same look while the app is open, and on
exit unless one was made within the hour (``core/backup.py`` decides, writes and checks).
The label says the newest good backup and turns red when there is none or it is over two
days old; a failure is a status-bar line, never a dialog in front of the queue.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from pharmacy_desk.core import backup
from pharmacy_desk.core.vocabulary import BackupReason
from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.operations import Job
from pharmacy_desk.ui.tasks import Task

log = logging.getLogger("pharmacy_desk.ui")

# How often the open app looks whether the daily backup is due (and the label is current).
BACKUP_CHECK_MS = 60 * 60 * 1000
# On exit a backup is made unless one was made this recently (the start-up or daily one).
EXIT_BACKUP_AFTER = dt.timedelta(hours=1)
OVERDUE_STYLE = "color: #b00020; font-weight: bold;"


class BackupStatus(QLabel):
    """上次备份 in the window's status bar, and the backups it makes beside the counter."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self.setObjectName("backup_status")
        self._task: Task | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(BACKUP_CHECK_MS)
        self._timer.timeout.connect(lambda: self.back_up_if_due(BackupReason.DAILY))
        self.refresh()

    def refresh(self, now: dt.datetime | None = None) -> None:
        """Say the newest good backup: red when there is none or the newest is over two days old."""
        state = backup.status(now)
        self.setText(self.tr("尚无备份") if state.newest is None  # as ``BackupStatus.text`` says it
                     else self.tr("上次备份：{time}").format(time=f"{state.newest:%Y-%m-%d %H:%M}"))
        self.setStyleSheet(OVERDUE_STYLE if state.overdue else "")
        self.setToolTip(self.tr("超过两天没有完好的备份，请检查备份文件夹（店长 ▸ 备份与恢复）。")
                        if state.overdue else "")

    def start(self) -> Task | None:
        """A backup now when the newest is older than a day, then the same look every hour."""
        self._timer.start()
        return self.back_up_if_due(BackupReason.STARTUP)

    def back_up_if_due(self, reason: BackupReason) -> Task | None:
        """In the background, never in the cashier's way: a failure is a status-bar line."""
        self.refresh()
        if self._task is not None:
            return None

        def finished(info) -> None:
            self._task = None
            self.refresh()
            if info is not None and info.warning is not None:
                self._window.statusBar().showMessage(sentence(info.warning), 60000)

        def failed(text: str) -> None:
            self._window.statusBar().showMessage(self.tr("自动备份没有完成：{reason}").format(reason=text), 60000)

        self._task = Job(self._window, lambda _progress: backup.backup_if_due(reason)).success(finished) \
            .failure(failed).after_failure(lambda _error: finished(None)) \
            .run_in_background(self.tr("备份"), show_dialog=False)
        return self._task

    def back_up_on_exit(self) -> bool:
        """The last backup of the day, after the window closed; a failure is logged."""
        self._timer.stop()
        return Job(None, lambda: backup.backup_if_due(BackupReason.EXIT, after=EXIT_BACKUP_AFTER)) \
            .failure(lambda text: log.warning("backup on exit failed: %s", text)).run()
