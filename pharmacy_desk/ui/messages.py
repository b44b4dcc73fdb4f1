"""The one place that turns a failure into what the user sees.

An expected problem (``DeskError`` or a storage failure SQLite reports) is shown in
plain Chinese; anything else is a bug: logged with its traceback, and the user is
told it was recorded.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from pharmacy_desk.core.errors import DeskError, explain_storage_error

log = logging.getLogger("pharmacy_desk.ui")


def user_message(error: BaseException) -> tuple[str, bool]:
    """(message, expected) for an exception raised by a core call."""
    if isinstance(error, DeskError):
        return str(error), True
    storage = explain_storage_error(error)
    if storage is not None:
        return str(storage), True
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return "程序内部错误，已记录到日志文件。请联系维护人员。", False


def show_error(parent: QWidget | None, error: BaseException, title: str = "无法完成") -> None:
    show_message(parent, *user_message(error), title=title)


def show_message(parent: QWidget | None, message: str, expected: bool, title: str = "无法完成") -> None:
    """A box with a message already worded by ``user_message``: a warning, or an error for a bug."""
    box = QMessageBox(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()
