"""A hello-world PySide6 window, frozen beside the app by bench/bench_bundle.py as its baseline.

It starts the way the app does (a QApplication, one main window of the counter's size) and,
like ``gui --smoke-test``, quits after the first paint, printing the time since start.
"""

import sys
import time

STARTED = time.monotonic()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            print(f"smoke-test: first paint after {time.monotonic() - STARTED:.2f} s (CPU {time.process_time():.3f} s)",
                  flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello, world"))
    window.resize(1366, 768)
    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
