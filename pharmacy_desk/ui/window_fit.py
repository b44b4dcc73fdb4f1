"""The main window on the counter's screen: inside what the screen has free, and as the cashier left it.

At 1366×768 a 1366×768 window plus its title bar and the taskbar pushes the status bar
(the hints and the errors) off the bottom. The first time, the window takes the screen's
available geometry (taskbar excluded) with its frame inside it: maximized on a small
screen, the design size centred on a large one. After that it opens where and as large as
it was closed, moved back onto the screen if that has shrunk since.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from pharmacy_desk.ui import preferences

DESIGN_SIZE = QSize(1366, 768)  # the counter's layout is made for this, frame included
# A title bar and borders are about this big on the desktops a pharmacy uses; the real
# frame is known only once the window manager has drawn it.
FRAME_ALLOWANCE = QSize(16, 40)


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, DESIGN_SIZE.width(), DESIGN_SIZE.height())


def place(window: QWidget) -> None:
    """Size and place ``window`` before it is first shown."""
    free = available()
    saved = preferences.get(preferences.WINDOW_GEOMETRY)
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        if free.contains(window.frameGeometry().center()) and window.height() <= free.height():
            return
    wanted = DESIGN_SIZE + FRAME_ALLOWANCE
    if wanted.width() > free.width() or wanted.height() > free.height():
        # Un-maximized, it still fits with a frame; maximized, the window manager fits the frame itself.
        window.setGeometry(free.adjusted(FRAME_ALLOWANCE.width() // 2, FRAME_ALLOWANCE.height() - 8,
                                         -(FRAME_ALLOWANCE.width() // 2), -8))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    rect = QRect(0, 0, DESIGN_SIZE.width(), DESIGN_SIZE.height())
    rect.moveCenter(free.center())
    window.setGeometry(rect)


def remember(window: QWidget) -> None:
    """Keep the window's size, place and maximized state for the next start."""
    preferences.put(preferences.WINDOW_GEOMETRY, bytes(window.saveGeometry().toBase64()).decode("ascii"))
