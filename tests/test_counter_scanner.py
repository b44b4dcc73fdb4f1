"""A scan always reaches the search, wherever the focus is; what a person types stays what it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core.models import Sale
from tests.counter_window import scan


class Clock:
    """The time the scan catcher reads: each key advances it by ``step`` seconds."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.2  # a person typing

    def __call__(self, _event=None) -> float:
        self.now += self.step
        return self.now


def _clock(window) -> Clock:
    clock = Clock()
    window.counter.scans.clock = clock
    return clock


def scanner_types(qtbot, clock: Clock, digits: str) -> None:
    """A scanner: the digits 5 ms apart and Enter, into whatever has the focus, a moment after the last key."""
    clock.now += 1.0
    clock.step = 0.005
    for digit in digits + "\r":
        target = QApplication.focusWidget()
        if digit == "\r":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(target, digit)
    clock.step = 0.2


def person_types(qtbot, clock: Clock, widget, text: str) -> None:
    clock.step = 0.2
    qtbot.keyClicks(widget, text)


def _typed_by_hand(qtbot, window, clock: Clock, member, amount: str):
    """The member's card scanned, then ``amount`` typed by hand on 日用品: that field."""
    scan(qtbot, window, member.card_no)
    field = window.counter.entry.amounts["household"]
    person_types(qtbot, clock, field, amount)
    return field


def _focus_back_on(qtbot, widget) -> None:
    # The offscreen platform leaves the closed popup's window active; a desktop gives it back.
    widget.window().activateWindow()
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


# A combo box's popup asks for the keyboard, which the offscreen platform cannot give.
POPUP = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def test_a_scan_after_a_click_on_the_switch_button_opens_the_member(qtbot, window, make_member, clerk):
    from pharmacy_desk.ui.sign_in import SignInDialog

    member = make_member(name="张三")
    clock = _clock(window)
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SignInDialog)
    dialog.reject()  # nobody else takes over the till
    _focus_back_on(qtbot, window.counter.search.edit)
    scanner_types(qtbot, clock, member.card_no)
    assert window.counter.member_id == member.id
    assert window.operator().id == clerk.id


@POPUP
def test_a_scan_after_a_click_on_the_paper_width_opens_the_member(qtbot, window, make_member):
    member = make_member(name="张三")
    clock = _clock(window)
    field = _typed_by_hand(qtbot, window, clock, member, "12")
    paper = window.counter.receipt.paper
    qtbot.mouseClick(paper, Qt.MouseButton.LeftButton)
    paper.hidePopup()
    _focus_back_on(qtbot, field)  # back where the cashier was typing
    other = make_member(phone="13900000002", name="李四")
    scanner_types(qtbot, clock, other.card_no)
    assert window.counter.member_id == other.id and field.text() == "12"


def test_a_scan_into_a_control_reached_by_keyboard_still_reaches_the_search(qtbot, window, make_member):
    member = make_member(name="张三")
    clock = _clock(window)
    paper = window.counter.receipt.paper
    width = paper.currentData()
    paper.setFocus(Qt.FocusReason.TabFocusReason)  # Tab keeps the focus where it went
    assert paper.hasFocus()
    scanner_types(qtbot, clock, member.card_no)
    assert window.counter.member_id == member.id
    assert paper.currentData() == width


def test_a_scan_into_an_amount_already_typed_keeps_the_amount(qtbot, window, make_member):
    first = make_member(name="张三")
    second = make_member(phone="13900000002", name="李四")
    clock = _clock(window)
    field = _typed_by_hand(qtbot, window, clock, first, "35")
    scanner_types(qtbot, clock, second.card_no)
    assert window.counter.member_id == second.id
    assert field.text() == "35" and field.hasFocus()
    assert Sale.select().count() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [(s.member_id, s.total_fen) for s in Sale.select()] == [(second.id, 3500)]


def test_eight_digits_typed_into_an_amount_are_an_amount(qtbot, window, make_member):
    member = make_member(name="张三")
    clock = _clock(window)
    field = _typed_by_hand(qtbot, window, clock, member, "99999999")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    entry = window.counter.entry
    assert window.counter.member_id == member.id and entry.summary.member_id == member.id  # not dropped
    assert field.text() == "99999999"
    assert "超过单笔上限" in entry.message.text()
    assert Sale.select().count() == 0


def test_a_scan_in_the_search_box_replaces_a_half_typed_search(qtbot, window, make_member):
    member = make_member(name="张三")
    clock = _clock(window)
    search = window.counter.search
    person_types(qtbot, clock, search.edit, "zs")
    scanner_types(qtbot, clock, member.card_no)
    assert window.counter.member_id == member.id and search.edit.text() == ""


def _send_keys(widget, text: str, start_ms: int, gap_ms: int) -> None:
    """Keys as the window system delivers them: each with the time it was pressed."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for n, char in enumerate(text):
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "\r" if char == "\r" else char)
            event.setTimestamp(start_ms + n * gap_ms)
            QApplication.sendEvent(widget, event)


def test_keys_are_timed_when_pressed_not_when_a_busy_till_handles_them(qtbot, window, make_member):
    from pharmacy_desk.ui import scanner

    first = make_member(name="张三")
    second = make_member(phone="13900000002", name="李四")
    scan(qtbot, window, first.card_no)
    window.counter.scans.clock = scanner.sent_at  # the real clock: the keys' own times
    field = window.counter.entry.amounts["household"]
    _send_keys(field, "35", 1_000_000, 250)  # a person
    _send_keys(field, second.card_no + "\r", 1_002_000, 5)  # a scanner, however slowly the till reprices
    assert window.counter.member_id == second.id and field.text() == "35"
    _send_keys(field, "0000000\r", 1_010_000, 200)  # 8 digits typed by a person stay an amount
    assert window.counter.member_id == second.id and field.text() == "350000000"
