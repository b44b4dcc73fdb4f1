"""Doing something when a window first paints: the start's own clock, and the work left for after it.

What the first window's modules (the sign-in, 开店设置, the small widgets they share) import from
PySide6 at their top is only the classes the window shows. The first import of the ``Qt``
namespace builds every one of its enums, which takes longer than building and painting the
window; so where those modules need a ``Qt`` enum after the first paint, they import it there
(``tests/test_quick_start.py`` fails if the namespace is built before the paint).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, call: Callable[[], None]):
        super().__init__(window)
        self.call = call
        self.seen = False

    def eventFilter(self, watched, event) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            self.call()
        return False


def on_first_paint(window: QWidget, call: Callable[[], None]) -> None:
    """``call()`` as ``window`` starts its first paint."""
    window.installEventFilter(_FirstPaint(window, call))


def after_first_paint(window: QWidget, call: Callable[[], None]) -> None:
    """``call()`` once ``window``'s first paint is done: the window is on screen, and usable, before it runs."""
    on_first_paint(window, lambda: QTimer.singleShot(0, call))
