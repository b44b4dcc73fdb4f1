"""Helpers for the counter dialog tests."""

from __future__ import annotations

import contextlib



def ime_type(widget, text: str) -> None:
    """Type Chinese the way a cashier does: through the input method, which commits whole words.

    ``qtbot.keyClicks`` only knows keys with ASCII/Latin-1 codes; Chinese arrives from the IME.
    """
    from PySide6.QtGui import QInputMethodEvent  # here, so the core tests using this module stay Qt-free
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@contextlib.contextmanager
def count_queries(db):
    """Count the SQL statements the database runs inside the block."""
    seen: list[str] = []
    original = db.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        seen.append(sql)
        return original(sql, params, *args, **kwargs)

    db.execute_sql = counting
    try:
        yield seen
    finally:
        del db.execute_sql  # back to the class method
