"""Qt's side of the shipped Chinese font: registered once per application."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from pharmacy_desk.fonts import CJK_FAMILIES, FAMILY, bundled_font

__all__ = ["CJK_FAMILIES", "FAMILY", "register_bundled_fonts"]

log = logging.getLogger("pharmacy_desk.ui")
_registered: list[str] | None = None


def register_bundled_fonts() -> list[str]:
    """Add the shipped font to Qt's font database (needs a QGuiApplication); returns its families."""
    global _registered
    if _registered is None:
        font_id = QFontDatabase.addApplicationFont(str(bundled_font()))
        if font_id < 0:
            log.warning("the shipped font %s could not be loaded", bundled_font())
            _registered = []
        else:
            _registered = QFontDatabase.applicationFontFamilies(font_id)
    return _registered
