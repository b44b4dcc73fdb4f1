"""Logging to a file under the logs folder; bugs are logged there with their traceback."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pharmacy_desk.core import paths

_configured: Path | None = None


def setup() -> Path:
    """Send the app's log records to ``logs/pharmacy_desk.log`` (rotated at 1 MB, 5 kept)."""
    global _configured
    log_file = paths.log_dir() / "pharmacy_desk.log"
    if _configured == log_file:
        return log_file
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pharmacy_desk")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = log_file
    return log_file
