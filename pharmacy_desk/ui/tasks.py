"""Long work (import, export, backup, reports) off the GUI thread, with a progress dialog.

The work function runs in a ``QThreadPool`` thread (with its own database
connection, closed when it ends) and must not touch widgets; it
reports progress through the ``progress(done, total, text)`` callback it is given (the text a
core sentence, shown in the windows' language), which is relayed to the GUI thread by a queued
signal. The result and errors are
delivered on the GUI thread too; ``ui.operations`` starts every task and words its errors.
"""

from __future__ import annotations

import threading
from typing import Any
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from pharmacy_desk.core.sentences import Sentence
from pharmacy_desk.ui.i18n import sentence

Progress = Callable[[int, int, "Sentence | str"], None]


class Cancelled(Exception):
    """Raised inside the work function by ``progress`` once the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int, object)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel

    def run(self) -> None:
        def progress(done: int, total: int, text: Sentence | str = "") -> None:
            if self.cancel.is_set():
                raise Cancelled
            self.signals.progress.emit(done, total, text)

        from pharmacy_desk.core.db import database

        try:
            result = self.work(progress)
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI thread
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            # Peewee keeps one SQLite connection per thread; a pool thread would
            # otherwise hold its connection open after the work is done.
            if not database.is_closed():
                database.close()


class Task(QObject):
    """A running piece of work; keep a reference until ``done`` or ``failed`` fires."""

    done = Signal(object)
    failed = Signal(object)
    # (done, total, text) as the work reports it, on the GUI thread: for a task shown without a dialog.
    progressed = Signal(int, int, object)

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                 *, show_dialog: bool = True):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, QCoreApplication.translate("Task", "取消"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self._cancel.set)
        QThreadPool.globalInstance().start(_Runnable(work, self._signals, self._cancel))

    @Slot(int, int, object)
    def _on_progress(self, done: int, total: int, text: Sentence | str) -> None:
        self.progressed.emit(done, total, text)
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(done)
            shown = sentence(text)
            if shown:
                self.dialog.setLabelText(shown)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel.set)
            self.dialog.close()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._close_dialog()
        self.done.emit(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._close_dialog()
        self.failed.emit(error)

