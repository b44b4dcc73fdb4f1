"""Logging to a file under the logs folder; bugs are logged there with their traceback.

The file is rotated (1 MB, five kept), so a year at the till never fills the disk; the
message a user reads after a bug names it, so whoever maintains the program knows where
to look.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pharmacy_desk.core import paths

_configured: Path | None = None


LOG_NAME = "pharmacy_desk.log"


def log_file() -> Path:
    """The file the log is written to (where a user is told to look after a bug)."""
    return _configured or paths.log_dir() / LOG_NAME


def setup() -> Path:
    """Send the app's log records to ``logs/pharmacy_desk.log`` (rotated at 1 MB, 5 kept)."""
    global _configured
    target = paths.log_dir() / LOG_NAME
    if _configured == target:
        return target
    handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pharmacy_desk")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = target
    return target
