"""``gui --smoke-test``: start as usual, quit once the main window has painted, say how long it took.

The frozen program is checked this way in CI and timed by ``bench/bench_bundle.py``: the
whole start (Python, Qt, the database, the counter) runs, and the program ends by itself
with exit code 0, leaving no thread behind.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SMOKE_LINE = "smoke-test: first paint after {seconds:.2f} s"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, started: float):
        super().__init__(window)
        self.started = started
        self.seen = False

    def eventFilter(self, watched, event) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            print(SMOKE_LINE.format(seconds=time.monotonic() - self.started), flush=True)
            QTimer.singleShot(0, _quit)
        return False


def _quit() -> None:
    QThreadPool.globalInstance().waitForDone(30_000)  # the morning's housekeeping finishes first
    QApplication.quit()


def quit_after_first_paint(window: QWidget, started: float) -> None:
    """Quit the application right after ``window``'s first paint, printing the time since ``started``."""
    window.installEventFilter(_FirstPaint(window, started))
