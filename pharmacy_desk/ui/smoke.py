"""``gui --smoke-test``: start as usual, quit once the main window has painted, say how long it took.

The frozen program is checked this way in CI and timed by ``bench/bench_bundle.py``: the
whole start (Python, Qt, the database, the counter) runs, and the program ends by itself
with exit code 0, leaving no thread behind.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pharmacy_desk.ui.first_paint import on_first_paint

# With the CPU time the process had used by then (a loaded machine stretches the first, not the second).
SMOKE_LINE = "smoke-test: first paint after {seconds:.2f} s (CPU {cpu:.3f} s)"


def _quit() -> None:
    QThreadPool.globalInstance().waitForDone(30_000)  # the morning's housekeeping finishes first
    QApplication.quit()


def quit_after_first_paint(window: QWidget, started: float) -> None:
    """Quit the application right after ``window``'s first paint, printing the time since ``started``."""

    def painted() -> None:
        print(SMOKE_LINE.format(seconds=time.monotonic() - started, cpu=time.process_time()), flush=True)
        QTimer.singleShot(0, _quit)

    on_first_paint(window, painted)
