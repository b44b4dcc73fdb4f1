"""One signal fired after every operation that changed data.

Screens refresh themselves from it instead of poking each other (the Anki way):
``ui.operations`` fires ``changed`` once after each successful core call, with the
``core.changes.Changes`` the call returned, and each screen looks at it before it
reads again (``if changes.touches_member(self.member_id)``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    changed = Signal(object)  # core.changes.Changes: what the operation changed
    slip = Signal(object)  # core.receipt.Receipt of a return or a redemption, for the counter's receipt pane


_events: DataEvents | None = None


def events() -> DataEvents:
    global _events
    if _events is None:
        _events = DataEvents()
    return _events
