"""当前登录: who is working at the till, and whether the counter is locked.

One ``Session`` per main window. It is what ``operations.current_operator()`` answers
from: the signed-in person while the counter is open, nobody while it is locked or
after 退出登录, so no operation can run in the name of someone who walked away. The
``IdleWatch`` locks the counter after ``idle_lock_minutes`` without a key or a click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from pharmacy_desk.core import settings, signin, staff
from pharmacy_desk.core.ids import StaffId
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.vocabulary import Role
from pharmacy_desk.ui import preferences
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.operations import Op


class Session(QObject):
    """The person signed in at this till; ``changed`` after a sign-in, a switch, a lock or a sign-out."""

    changed = Signal()

    def __init__(self, operator: Operator | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._staff_id: StaffId | None = None
        self.locked = True
        self.last_name = ""  # whoever was signed in last: the lock screen offers them first
        if operator is not None:
            self.begin(operator)

    def operator(self) -> Operator | None:
        """The signed-in person, read afresh (a role changed or deactivated meanwhile counts); None when locked."""
        if self.locked or self._staff_id is None:
            return None
        return staff.current(self._staff_id)

    @property
    def staff_id(self) -> StaffId | None:
        return self._staff_id

    def label(self) -> str:
        person = self.operator()
        if person is not None:  # as ``staff.label`` writes it, in the windows' language
            return self.tr("{name}（{role}）").format(name=person.name, role=core(Role.label_of(person.role)))
        return self.tr("（已锁屏）") if self._staff_id is not None else self.tr("（未登录）")

    def begin(self, person: Operator) -> None:
        """``person`` proved who they are (``signin.sign_in`` recorded it): the counter is theirs now."""
        self._staff_id, self.locked, self.last_name = person.id, False, person.name
        preferences.put(preferences.LAST_SIGN_IN, person.name)
        self.changed.emit()

    def lock(self, parent: QWidget | None = None) -> None:
        """锁屏: recorded in the audit log; whoever unlocks must give their PIN or password."""
        if self.locked:
            return
        Op(parent, signin.record_lock, operator=self.operator()).run()
        self.locked = True
        self.changed.emit()

    def forget(self) -> None:
        """The database was replaced (a restore): nobody is signed in to the new one, and
        nothing is recorded in it for a sign-in it never saw."""
        self._staff_id, self.locked = None, True
        self.changed.emit()

    def sign_out(self, parent: QWidget | None = None) -> None:
        """退出登录: recorded; the counter waits for the next person to sign in."""
        if self._staff_id is None:
            return
        person = staff.current(self._staff_id)
        if person is not None:
            Op(parent, signin.sign_out, operator=person).run()
        self._staff_id, self.locked = None, True
        self.changed.emit()


def idle_lock_ms() -> int:
    """The idle time before the counter locks, from the owner's setting; 0 means never."""
    return max(0, int(settings.get("idle_lock_minutes"))) * 60_000


class IdleWatch(QObject):
    """Emits ``idle`` when no key, click or wheel reached the application for ``timeout_ms()``.

    ``timeout_ms`` is asked at every start, so a changed setting applies from the next
    sign-in; tests give a short one.
    """

    idle = Signal()
    INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                              QEvent.Type.InputMethod, QEvent.Type.TouchBegin})

    def __init__(self, parent: QObject | None = None, timeout_ms: Callable[[], int] = idle_lock_ms):
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        interval = self.timeout_ms()
        if interval > 0:
            self._timer.start(interval)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def stop_watching(self) -> None:
        """Its window closed: no idle lock, and no look at the application's events any more.

        Qt keeps an application's event filter until the filter object is deleted, and a closed
        window is deleted only when the event loop gets to it: until then a running timer would
        lock a closed counter (and record the lock), and while the window is being deleted its
        parts are gone before the filter is.
        """
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: only a running timer and an input event cost more.
        if self._timer.isActive() and event.type() in self.INPUT_EVENTS:
            self._timer.start()
        return False
