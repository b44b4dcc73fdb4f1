"""Personal UI preferences, each declared once: key, type, default and what it means.

Business rules (points rates, tiers, expiry) live in the database through
``core.settings``; what one person prefers at their own screen (who signed in last,
the receipt paper width, remembered import mappings) lives here, in an INI file whose
place ``core.paths`` decides, so tests and portable builds keep it in their folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from pharmacy_desk.core import paths


@dataclass(frozen=True)
class Preference:
    key: str
    type: type
    default: Any
    label: str


LAST_SIGN_IN = Preference("signin/last_name", str, "", "上次登录的店员")
RECEIPT_PAPER_MM = Preference("receipt/paper_mm", int, 58, "小票纸宽（毫米）")
WINDOW_GEOMETRY = Preference("window/geometry", str, "", "主窗口的位置和大小")


def store() -> QSettings:
    return QSettings(str(paths.preferences_path()), QSettings.Format.IniFormat)


def get(pref: Preference) -> Any:
    value = store().value(pref.key, pref.default)
    try:
        return pref.type(value)
    except (TypeError, ValueError):  # a hand-edited or stale file: fall back, never crash the till
        return pref.default


def put(pref: Preference, value: Any) -> None:
    settings = store()
    settings.setValue(pref.key, pref.type(value))
    settings.sync()
