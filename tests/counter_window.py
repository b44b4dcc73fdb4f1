"""The counter's main window as a test sees it, and what a scanner and a cashier's hands do to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def window(qtbot, db, clerk):
    return shown_counter(qtbot, clerk)


def shown_counter(qtbot, operator):
    """The counter's main window for ``operator``, on screen at its design size, the search field taking the keys."""
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session

    w = MainWindow(Session(operator))
    # qtbot's keys arrive at once, like a scanner's; on a busy machine two of them may still be
    # further apart than a scanner's gap, so the catcher reads a clock that keeps scanner time.
    # Tests of a person's typing set their own (tests/test_counter_scanner.py).
    w.counter.scans.clock = ScannerPace()
    qtbot.addWidget(w)
    # The counter's design size: the offscreen screen (800×600) would otherwise squeeze it.
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    w.counter.search.focus()
    return w


class ScannerPace:
    """A clock that moves 5 ms with every key read: what a scanner's keys look like."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self, _event=None) -> float:
        self.now += 0.005
        return self.now


def scan(qtbot, window, text: str) -> None:
    """What a barcode scanner does: type the characters, press Enter."""
    edit = window.counter.search.edit
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def type_amount(qtbot, window, category: str, text: str) -> None:
    field = window.counter.entry.amounts[category]
    field.setFocus()
    qtbot.keyClicks(field, text)


def act_as(window, person) -> None:
    """Someone else signs in at the till (what 切换店员 does once their PIN is accepted)."""
    window.session.begin(person)
