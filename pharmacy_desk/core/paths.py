"""Every file location the app uses is decided here, and only here.

The base directory comes from ``PHARMACY_DESK_HOME`` when set (tests point it at
``tmp_path``); else, for a portable install (a USB stick), from the ``data`` folder
beside the program when a ``portable.txt`` marker sits beside it; else from the
platform's per-user data folder. The database file can be chosen on its own with
``--db`` or ``PHARMACY_DESK_DB``. The program's own read-only files (icon, fonts,
stylesheet, translations) are under ``resources_dir()``, inside the bundle when frozen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pharmacy_desk import APP_NAME

HOME_ENV = "PHARMACY_DESK_HOME"
DB_ENV = "PHARMACY_DESK_DB"

DATABASE_NAME = "pharmacy_desk.sqlite3"
DEMO_DATABASE_NAME = "demo.sqlite3"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def _platform_data_dir() -> Path:
    if sys.platform == "win32":
        root = os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming"
        return Path(root) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    root = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(root) / APP_NAME


def program_dir() -> Path:
    """The folder the program was installed in: the frozen executable's, else the source tree's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def portable_data_dir() -> Path | None:
    """The data folder beside the program when the install is portable (its marker file is there)."""
    here = program_dir()
    return here / PORTABLE_DATA if (here / PORTABLE_MARKER).is_file() else None


def resources_dir() -> Path:
    """The program's own files: the bundle's copy when frozen, else the source tree's ``resources``."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "resources" if bundle else Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def base_dir() -> Path:
    """The folder holding the database, backups, logs and exports."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else (portable_data_dir() or _platform_data_dir())
    path.mkdir(parents=True, exist_ok=True)
    return path


def _subdir(name: str) -> Path:
    path = base_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The pharmacy's own database: ``--db``, then ``PHARMACY_DESK_DB``, then the default."""
    chosen = explicit or os.environ.get(DB_ENV)
    return Path(chosen) if chosen else base_dir() / DATABASE_NAME


def demo_database_path() -> Path:
    """The demo database, kept apart so a real database is never seeded with demo data."""
    return base_dir() / DEMO_DATABASE_NAME


def backup_dir() -> Path:
    return _subdir("backups")


def log_dir() -> Path:
    return _subdir("logs")


def export_dir() -> Path:
    return _subdir("exports")


def preferences_path() -> Path:
    """Personal UI preferences (an INI file read through ``QSettings``), beside the database."""
    return base_dir() / "preferences.ini"
