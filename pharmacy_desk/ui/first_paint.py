"""Doing something when a window first paints: the start's own clock, and the work left for after it."""

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
