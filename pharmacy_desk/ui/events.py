"""One signal fired after every operation that changed data.

Screens refresh themselves from it instead of poking each other (the Anki way):
after a sale the member panel, the lists and the charts all hear ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    # what changed, e.g. "sale", "member", "redemption", "return", "import", "campaign"
    changed = Signal(str)


_events: DataEvents | None = None


def events() -> DataEvents:
    global _events
    if _events is None:
        _events = DataEvents()
    return _events
