"""Opening a window under test and clicking in it as a cashier would."""

from __future__ import annotations

from typing import TypeVar

W = TypeVar("W")


def shown(qtbot, widget: W, *, exposed: bool = False) -> W:
    """``widget`` handed to qtbot (closed after the test) and shown; with ``exposed``, on screen already."""
    qtbot.addWidget(widget)
    widget.show()  # type: ignore[attr-defined]
    if exposed:
        qtbot.waitExposed(widget)
    return widget


def click(qtbot, button) -> None:
    from PySide6.QtCore import Qt  # here, so importing this module pulls in no Qt

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
