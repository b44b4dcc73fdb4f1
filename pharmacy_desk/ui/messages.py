"""The one place that turns a failure into what the user sees.

An expected problem (a ``DeskError``, a database failure by its error code, a full or
vanished disk: ``errors.expected_problem``) is shown as one plain sentence in the windows'
language (``i18n.sentence``); anything else is a bug: logged with its traceback, and the
user is told it was recorded.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pharmacy_desk.core import applog
from pharmacy_desk.core.errors import StorageError, expected_problem
from pharmacy_desk.ui import i18n

log = logging.getLogger("pharmacy_desk.ui")


def user_message(error: BaseException) -> tuple[str, bool]:
    """(message, expected) for an exception raised by a core call."""
    expected = expected_problem(error)
    if expected is not None:
        if isinstance(expected, StorageError) and expected.code:
            log.warning("database failure %s: %s", expected.code, error)
        return i18n.sentence(expected.sentence), True
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return bug_message(), False


def bug_message() -> str:
    """The apology after a bug: nothing was done, the program goes on, and where the details are."""
    return QCoreApplication.translate(
        "messages", "抱歉，程序出错了，这次操作没有完成，其他数据不受影响，可以继续使用。"
                    "详细情况已记录到日志文件：{log}。若反复出现，请把这个文件交给维护人员。").format(log=applog.log_file())


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    show_message(parent, *user_message(error), title=title)


def show_message(parent: QWidget | None, message: str, expected: bool, title: str | None = None) -> None:
    """A box with a message already worded by ``user_message``: a warning, or an error for a bug."""
    title = title or QCoreApplication.translate("messages", "无法完成")
    box = QMessageBox(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()
