"""``gui --smoke-walk``: a pharmacy's first day, driven through the real widgets, each step checked.

On a new database: 开店设置 (the pharmacy, the owner's password typed twice, the rules,
载入演示数据, 完成); the counter with the owner signed in and the demo loaded; a member's
card scanned and a sale typed in and recorded with Enter; the charts window drawn (the
frozen program's matplotlib and numpy); then 退出 from the menu, after which the program
must end by itself. Keys and clicks are sent to the widgets as a cashier's keyboard and
mouse send them (Chinese through the input method), not to the core.

Each step prints one line (``smoke-walk: …``). The first that fails, or waits longer than
``STEP_SECONDS``, prints why on stderr and (``gui --smoke-walk``) ends the program with exit code 1.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

STEP_SECONDS = 240.0  # the demo data takes longest: a year of a small pharmacy's sales
POLL_MS = 50
PHARMACY, OWNER, PASSWORD = "康宁大药房", "王芳", "smoke-walk-2026"
AMOUNT = "25"

Wait = tuple[str, Callable[[], bool]]


class SmokeFailure(Exception):
    """A step did not end as a pharmacist would see it end."""


def check(condition: object, problem: str) -> None:
    if not condition:
        raise SmokeFailure(problem)


def send_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: Latin keys one by one, Chinese committed by the input method."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if not text.isascii():
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
        return
    for character in text:
        key = Qt.Key(ord(character.upper()))  # a printable key's code is its upper-case character
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character))


def press(widget: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def say(line: str) -> None:
    print(f"smoke-walk: {line}", flush=True)


class Walk(QObject):
    """Runs ``steps`` (a generator yielding what to wait for) on the event loop, one condition at a time."""

    def __init__(self, steps: Iterator[Wait], on_failure: Callable[[], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.steps = steps
        self.on_failure = on_failure
        self.waiting: Wait | None = None
        self.deadline = 0.0
        self.finished = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        try:
            self._step()
        except Exception as error:  # noqa: BLE001 - a step's failure, whatever it is, ends the walk saying why
            self._fail(error)

    def _step(self) -> None:
        """Go on to the next step once the awaited condition holds; give up after ``STEP_SECONDS``."""
        if self.waiting is not None:
            what, ready = self.waiting
            if not ready():
                if time.monotonic() > self.deadline:
                    modal = QApplication.activeModalWidget()
                    shown = f"; a dialog is open: {modal.windowTitle()!r}" if modal is not None else ""
                    raise SmokeFailure(f"waited {STEP_SECONDS:.0f} s for {what}{shown}")
                return
        self.waiting = next(self.steps, None)
        if self.waiting is None:
            self.timer.stop()
            self.finished = True
            return
        self.deadline = time.monotonic() + STEP_SECONDS
        self.timer.start()

    def _fail(self, error: Exception) -> None:
        self.timer.stop()
        if isinstance(error, SmokeFailure):
            print(f"smoke-walk FAILED: {error}", file=sys.stderr, flush=True)
        else:  # a bug on the way: where it happened is what the log of a CI run must show
            print(f"smoke-walk FAILED: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
            traceback.print_exception(error, file=sys.stderr)
        if self.on_failure is not None:
            self.on_failure()


def first_day(launcher) -> Iterator[Wait]:
    """The steps, each yielding the condition that says the program got there."""
    from pharmacy_desk.core.demo import tally
    from pharmacy_desk.ui.setup_wizard import START_DEMO, SetupWizard

    wizard = launcher.first
    check(isinstance(wizard, SetupWizard), f"the first window is {type(wizard).__name__}, not 开店设置")
    yield "开店设置 on screen", wizard.isVisible
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    check(not next_button.isEnabled(), "下一步 is enabled before the pharmacy has a name")
    send_keys(wizard.pharmacy.name, PHARMACY)
    send_keys(wizard.pharmacy.phone, "0571-88886666")
    check(next_button.isEnabled(), "下一步 stays disabled after the pharmacy's name is typed")
    next_button.click()
    yield "the owner's page", lambda: wizard.currentPage() is wizard.owner
    say(f"开店设置: {wizard.pharmacy.name.text()}")
    send_keys(wizard.owner.name, OWNER)
    send_keys(wizard.owner.password, PASSWORD)
    send_keys(wizard.owner.again, PASSWORD)
    next_button.click()
    yield "the rules page", lambda: wizard.currentPage() is wizard.rules
    rules = wizard.rules.model.rowCount()
    check(rules > 0, "the rules page lists no rule")
    say(f"店长账号 {wizard.owner.name.text()}; {rules} default rules shown")
    next_button.click()
    yield "the last page", lambda: wizard.currentPage() is wizard.start_page
    demo = next((b for b in wizard.start_page.choices.buttons() if b.property("start") == START_DEMO), None)
    check(demo is not None, "no 载入演示数据 choice")
    demo.click()
    check(wizard.start == START_DEMO, "载入演示数据 is not chosen after a click on it")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    yield "the counter", lambda: launcher.window is not None and launcher.window.isVisible()
    window = launcher.window
    check(not wizard.isVisible(), "开店设置 is still open beside the counter")
    operator = window.operator()
    check(operator is not None and operator.name == OWNER, f"the counter is signed in as {operator}")
    say(f"收银台 open, signed in as {operator.name}")
    yield "the demo data", lambda: "演示数据" in window.windowTitle() and tally().members > 0
    loaded = tally()
    say(f"演示数据 loaded: {loaded.members} members, {loaded.sales} sales")

    counter = window.counter
    card_no, name = loaded.first_card_no, loaded.first_name
    send_keys(counter.search.edit, card_no)  # a scanner: the digits at once, then Enter
    press(counter.search.edit, Qt.Key.Key_Return)
    yield f"member {card_no} at the counter", lambda: counter.member_id == loaded.first_member_id
    check(counter.panel.name_label.text() == name,
          f"the panel shows {counter.panel.name_label.text()!r}, not {name!r}")
    say(f"card {card_no} scanned: {name}")
    sales_before = tally().sales
    field = counter.entry.amounts["household"]
    send_keys(field, AMOUNT)
    press(field, Qt.Key.Key_Return)
    yield "the sale recorded", lambda: tally().sales == sales_before + 1
    sale = tally()
    check(sale.last_sale_member_id == loaded.first_member_id and sale.last_sale_total_fen == int(AMOUNT) * 100,
          f"the sale recorded is member {sale.last_sale_member_id}'s, of {sale.last_sale_total_fen} fen")
    say(f"sale of {AMOUNT} 元 recorded for {name}, {sale.last_sale_points} points")

    window.open_charts()
    charts = next((w for w in window._windows if type(w).__name__ == "ChartsWindow"), None)
    check(charts is not None, "经营图表 opened no window")
    yield "the month's charts", lambda: charts.report is not None
    drawn = [key for key, page in charts.pages.items() if page.figure.axes]
    check(drawn, "no chart was drawn")
    charts.tabs.setCurrentIndex(1)
    yield "a chart painted", lambda: not charts.tabs.currentWidget().canvas.grab().isNull()
    say(f"经营图表 drawn: {len(drawn)} charts")
    charts.close()
    yield "the charts window closed", lambda: not charts.isVisible()
    # Housekeeping and the backups run in the background: they finish before the program ends.
    yield "background work done", lambda: QThreadPool.globalInstance().activeThreadCount() == 0
    window.quit_action.trigger()
    say("退出 chosen")


def walk_first_day(launcher, on_failure: Callable[[], None] | None = None) -> Walk:
    """Start the walk on the launcher's first window; ``on_failure`` ends the program when a step fails.

    When it succeeds its last step, 退出, ends the program as a pharmacist's click does.
    """
    walk = Walk(first_day(launcher), on_failure, QApplication.instance())
    walk.start()
    return walk
