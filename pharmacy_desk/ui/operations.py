"""The one way a screen runs a core call: who does it, what the user is told, who hears of it.

A screen action is a few lines::

    Op(self, lambda operator: profiles.update_profile(member_id, operator, **fields)) \\
        .success(lambda result: self.message.ok("资料已保存。")) \\
        .failure(self.message.refused) \\
        .run()

``Op`` resolves the operator (the one given to the window, or whoever is signed in at
the till: ``ui.session``), runs the call (again, a few times, while the database is busy:
``db.retry_when_busy``) on the GUI thread (``run``) or off it with a progress dialog
(``run_in_background``, where the call also gets ``progress``), words every failure
through ``messages.user_message`` (an expected refusal in plain Chinese; a bug
logged with its traceback and a generic sentence), and after a success broadcasts
what the call changed as one ``events().changed`` with a ``Changes``. Screens never
catch exceptions themselves.

``Read`` is the same for a question that changes nothing (a search, a preview), and
``Job`` for work the program does by itself (the daily housekeeping).
"""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import retry_when_busy
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.messages import show_message, user_message
from pharmacy_desk.ui.tasks import Cancelled, Task

NO_OPERATOR = QT_TRANSLATE_NOOP("operations", "请先登录（输入姓名和 PIN 或密码）。")

# Who is at the till: the main window's session (``ui.session.Session.operator``) says so.
_operator_provider: Callable[[], Operator | None] = lambda: None  # noqa: E731 - nobody until a window says


def provide_operator(provider: Callable[[], Operator | None]) -> None:
    """Name the one place that knows who is signed in at the till."""
    global _operator_provider
    _operator_provider = provider


def current_operator() -> Operator | None:
    """The signed-in session's operator; None before sign-in, while locked and after 退出登录."""
    return _operator_provider()


def changes_of(result: object) -> Changes:
    """What a core call's result says it changed (a ``Changes``, or a result carrying one)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", NOTHING)
    return changes if isinstance(changes, Changes) else NOTHING


class _Call:
    """A core call with what to do after it; ``run()`` or ``run_in_background(title)`` starts it."""

    emits_changes = True

    def __init__(self, parent: QWidget | None, call: Callable[..., Any]):
        self._parent = parent
        self._call = call
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        self._say: Callable[[str], None] | None = None
        self.task: Task | None = None

    def success(self, handler: Callable[[Any], None]) -> _Call:
        """``handler(result)`` on the GUI thread, before the change is broadcast."""
        self._on_success.append(handler)
        return self

    def failure(self, say: Callable[[str], None] | None) -> _Call:
        """Where the worded failure goes: an inline line (``InlineMessage.refused``), or ``None`` for a box."""
        self._say = say
        return self

    def after_failure(self, handler: Callable[[BaseException], None]) -> _Call:
        """``handler(error)`` once the failure was shown: put a button back, move the focus."""
        self._on_failure.append(handler)
        return self

    def _arguments(self) -> tuple:
        return ()

    def run(self) -> bool:
        """Run now, on the GUI thread; True when the call succeeded."""
        try:
            arguments = self._arguments()
            result = retry_when_busy(lambda: self._call(*arguments))
        except Exception as error:  # noqa: BLE001 - the one catch of every screen: worded, a bug logged
            self._failed(error)
            return False
        self._succeeded(result)
        return True

    def run_in_background(self, title: str, *, show_dialog: bool = True) -> Task | None:
        """Run in a worker thread as ``call(..., progress)``; success and failure arrive on the GUI thread."""
        try:
            arguments = self._arguments()
        except InvalidInput as refused:
            self._failed(refused)
            return None
        self.task = Task(self._parent, title, lambda progress: retry_when_busy(lambda: self._call(*arguments, progress)),
                         show_dialog=show_dialog)
        # Lambdas, not bound methods: the connection keeps this operation alive until it is done.
        self.task.done.connect(lambda result: self._succeeded(result))
        self.task.failed.connect(lambda error: self._failed(error))
        return self.task

    def _succeeded(self, result: object) -> None:
        for handler in self._on_success:
            handler(result)
        changes = changes_of(result) if self.emits_changes else NOTHING
        if changes:
            events().changed.emit(changes)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):  # the user pressed 取消: nothing to explain
            message, expected = user_message(error)
            if self._say is not None:
                self._say(message)
            else:
                show_message(self._parent, message, expected)
        for handler in self._on_failure:
            handler(error)


class Op(_Call):
    """Something a member of staff does: ``call(operator)`` (``call(operator, progress)`` in the background).

    ``operator`` is the one the window was opened for; without it, whoever is at the till now.
    """

    def __init__(self, parent: QWidget | None, call: Callable[..., Any], *, operator: Operator | None = None):
        super().__init__(parent, call)
        self._operator = operator

    def _arguments(self) -> tuple:
        operator = self._operator if self._operator is not None else current_operator()
        if operator is None:
            raise InvalidInput(QCoreApplication.translate("operations", NO_OPERATOR))
        return (operator,)


class Job(_Call):
    """Work the program does by itself: ``call()`` (``call(progress)`` in the background); changes are broadcast."""


class Read(_Call):
    """A question that changes nothing: ``call()`` (``call(progress)`` in the background); nothing is broadcast."""

    emits_changes = False


class LatestOnly:
    """Only the newest request's answer may fill a screen.

    A list or report read in the background can come back after a newer one was asked
    for (another list picked, a filter changed); ``token = latest.next()`` when asking,
    ``latest.is_current(token)`` when the answer arrives.
    """

    def __init__(self) -> None:
        self._latest = 0

    def next(self) -> int:
        self._latest += 1
        return self._latest

    def is_current(self, token: int) -> bool:
        return token == self._latest
