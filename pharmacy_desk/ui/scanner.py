"""The barcode scanner and the cashier's hands, told apart wherever the focus is in the counter window.

A scanner is a keyboard that types a card's digits a few milliseconds apart and presses
Enter. ``ScanCatcher`` watches every key the counter window receives: a burst of at least
``MIN_DIGITS`` digits, each within ``MAX_GAP`` seconds of the last, ended by Enter, is a
scan. The field the burst landed in gets back exactly the text it had before the burst
(``35`` stays ``35``), the Enter goes no further, and the digits are handed to the search.
Digits a person types, however many, arrive slower and stay what they are: an amount.

``FocusKeeper`` sends the focus back to the field the cashier was working in after a
mouse click on any other control of the window (the operator box, the paper width, a
button), so the next scan or amount does not land in a combo box.

Both watch the application's events, so they need no cooperation from the widgets. The
time of a key is when the keyboard sent it (the event's timestamp), not when the program
got round to it: each digit in an amount field reprices the sale, and a busy till would
otherwise see a scanner's 5 ms keys arrive 50 ms apart. The clock is injectable, since a
test's simulated keys carry no real times.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QTextEdit, QWidget

MIN_DIGITS = 8  # card numbers have 13, phones 11; no person types 8 digits at scanner speed
MAX_GAP = 0.035  # seconds between a scanner's keys (a fast typist needs 80 ms or more)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def sent_at(event: QKeyEvent) -> float:
    """Seconds, on the window system's clock, when the key was pressed (now, if it does not say)."""
    stamp = event.timestamp()
    return stamp / 1000 if stamp else time.monotonic()


def text_field(widget: QWidget) -> QLineEdit | None:
    """The line edit that holds what ``widget`` shows as typed text, if any."""
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox) or (isinstance(widget, QComboBox) and widget.isEditable()):
        return widget.findChild(QLineEdit)
    return None


@dataclass
class _Burst:
    widget: QWidget
    text_before: str | None  # None when the widget holds no typed text
    cursor_before: int
    digits: str
    last_at: float


class ScanCatcher(QObject):
    """Recognises scans typed into any widget of the window ``scope`` is in (not its dialogs)."""

    scanned = Signal(str, QWidget)  # the digits, and the widget they were typed into

    def __init__(self, scope: QWidget, clock: Callable[[QKeyEvent], float] = sent_at):
        super().__init__(scope)
        self.scope = scope
        self.clock = clock
        self._burst: _Burst | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched is not QApplication.focusWidget():
            return False  # a key event also visits the window and the parents: look once, at the focus
        widget = watched
        assert isinstance(widget, QWidget) and isinstance(event, QKeyEvent)
        if widget.window() is not self.scope.window() or not self.scope.isVisible():
            self._burst = None  # a dialog, or the lock screen in the counter's place: not the counter's keys
            return False
        now = self.clock(event)
        burst = self._burst
        fresh = burst is not None and burst.widget is widget and now - burst.last_at <= MAX_GAP
        if event.key() in ENTER_KEYS:
            self._burst = None
            if fresh and burst is not None and len(burst.digits) >= MIN_DIGITS:
                self._undo(burst)
                self.scanned.emit(burst.digits, widget)
                return True
            return False
        text = event.text()
        if len(text) == 1 and "0" <= text <= "9" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if fresh and burst is not None:
                burst.digits += text
                burst.last_at = now
            else:
                field = text_field(widget)
                self._burst = _Burst(widget, field.text() if field else None,
                                     field.cursorPosition() if field else 0, text, now)
        else:
            self._burst = None
        return False

    def stop_watching(self) -> None:
        """Its window closed: no look at the application's keys any more (``IdleWatch.stop_watching``)."""
        self._burst = None
        QApplication.instance().removeEventFilter(self)

    @staticmethod
    def _undo(burst: _Burst) -> None:
        """The field as it was before the scanner typed into it."""
        field = text_field(burst.widget)
        if field is not None and burst.text_before is not None:
            field.setText(burst.text_before)
            field.setCursorPosition(burst.cursor_before)


class FocusKeeper(QObject):
    """After a mouse click on a control of ``scope``'s window, the focus goes back to the last work field.

    ``is_work(widget)`` says which widgets the cashier works in (the search box and the sale's
    fields); ``fallback`` is where the focus goes before the cashier has worked anywhere.
    A control reached with Tab keeps the focus: that is the keyboard's choice.
    """

    REASONS = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason)

    def __init__(self, scope: QWidget, is_work: Callable[[QWidget], bool], fallback: QWidget):
        super().__init__(scope)
        self.scope = scope
        self.is_work = is_work
        self.fallback = fallback
        self.last_work: QWidget | None = None
        QApplication.instance().installEventFilter(self)

    def stop_watching(self) -> None:
        """Its window closed: no look at the application's focus changes any more (``IdleWatch.stop_watching``)."""
        self.last_work = None
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FocusIn or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.scope.window():
            return False
        if self.is_work(watched):
            self.last_work = watched
        elif isinstance(event, QFocusEvent) and event.reason() in self.REASONS and not self._typed_into(watched):
            QTimer.singleShot(0, self, self.restore)  # after the click: the press gave the control focus
        return False

    @staticmethod
    def _typed_into(widget: QWidget) -> bool:
        # A text field outside the work area was clicked to type into it: leave the focus there.
        return text_field(widget) is not None or isinstance(widget, QTextEdit)

    def restore(self) -> None:
        target = self.last_work if self.last_work is not None and self.last_work.isVisible() else self.fallback
        if target.isEnabled() and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
