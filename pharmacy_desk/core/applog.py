"""Logging to a file under the logs folder; bugs are logged there with their traceback.

The file is rotated (1 MB, five kept), so a year at the till never fills the disk; the
message a user reads after a bug names it, so whoever maintains the program knows where
to look.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pharmacy_desk.core import paths

_configured: Path | None = None


LOG_NAME = "pharmacy_desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5


class RotatingLog(logging.FileHandler):
    """The log file, moved to ``.1`` (``.1`` to ``.2`` …, ``backupCount`` kept) before a record would take it past ``maxBytes``.

    What logging's RotatingFileHandler does, without ``logging.handlers``: that module brings
    sockets, pickling and queues, some milliseconds before the first window paints, and Qt may
    log a warning before then.
    """

    def __init__(self, path: Path, *, maxBytes: int, backupCount: int):  # noqa: N803 - logging's names
        super().__init__(path, encoding="utf-8")
        self.maxBytes, self.backupCount = maxBytes, backupCount

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() + len(self.format(record)) + 1 > self.maxBytes:
                self._roll(self.stream)
        except Exception:  # noqa: BLE001 - logging's own policy: a failing log never stops the program
            self.handleError(record)
            return
        super().emit(record)

    def _roll(self, full) -> None:
        full.close()
        for number in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def log_file() -> Path:
    """The file the log is written to (where a user is told to look after a bug)."""
    return _configured or paths.log_dir() / LOG_NAME


def setup() -> Path:
    """Send the app's log records to ``logs/pharmacy_desk.log`` (rotated at 1 MB, 5 kept)."""
    global _configured
    target = paths.log_dir() / LOG_NAME
    if _configured == target:
        return target
    handler = RotatingLog(target, maxBytes=MAX_BYTES, backupCount=BACKUPS)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pharmacy_desk")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = target
    return target
