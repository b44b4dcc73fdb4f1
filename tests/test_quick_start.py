"""The first window paints before the program loads what only later windows use.

The sign-in (or, on a new database, 开店设置) is all a cashier sees first: the charts with
matplotlib, spreadsheets, pinyin search, campaigns, the import wizard, the demo data and the
sale path are loaded when first used; the database's engine (peewee, the models), the
settings' declarations and the check of a PIN (Argon2) are loaded once the first window is on
screen, and the cycle collector waits until then. The modules present at the first paint are recorded
by the smoke start itself; how long it takes is measured in ``bench/bench_start.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run as ``gui --smoke-test`` runs, noting sys.modules at the first paint of the first window.
# Noted too: whether the cycle collector runs (at the first paint, once the engine is attached) and whether
# the Qt namespace was built by then (its first import builds all its enums: ui/first_paint.py).
AT_FIRST_PAINT = textwrap.dedent("""
    import gc, json, sys
    from PySide6.QtCore import QEvent
    from pharmacy_desk.ui import app, first_paint

    seen, collecting, built = [], {}, []
    painted, settle = first_paint._FirstPaint.eventFilter, app.settle

    def noting(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            seen.append(sorted(sys.modules))
            collecting.setdefault("at the first paint", gc.isenabled())
            built.append("Qt" in vars(sys.modules["PySide6.QtCore"]))
        return painted(self, watched, event)

    def settling(*args):
        settle(*args)
        collecting["settled"] = gc.isenabled()

    first_paint._FirstPaint.eventFilter, app.settle = noting, settling
    from pharmacy_desk.cli import main

    code = main(sys.argv[1:])
    print(json.dumps({"modules": seen[0] if seen else [], "collecting": collecting, "qt_namespace": built}))
    raise SystemExit(code)
""")

# Loaded on use, never for the first window.
LATER = ("peewee", "argon2", "pharmacy_desk.core.models", "pharmacy_desk.core.dialect", "pharmacy_desk.core.signin",
         "pharmacy_desk.core.setup", "pharmacy_desk.ui.operations",
         "matplotlib", "numpy", "openpyxl", "python_calamine", "pypinyin", "PIL", "pharmacy_desk.charts",
         "pharmacy_desk.ui.charts_window", "pharmacy_desk.ui.campaigns_window", "pharmacy_desk.ui.import_wizard",
         "pharmacy_desk.ui.main_window", "pharmacy_desk.ui.counter", "pharmacy_desk.core.demo",
         "pharmacy_desk.core.sales", "pharmacy_desk.core.returns", "pharmacy_desk.core.reports",
         # the settings' declarations (the first window reads the two it shows as stored), the table of the
         # wizard's rules page, the other commands and what only they or a full log file need
         "pharmacy_desk.core.settings", "pharmacy_desk.core.setting_declarations", "pharmacy_desk.core.setting_types",
         "pharmacy_desk.core.permissions", "decimal", "pharmacy_desk.core.rule_review", "pharmacy_desk.commands.audit",
         "pharmacy_desk.commands.staff", "pharmacy_desk.commands.coupons", "logging.handlers", "uuid", "getpass",
         "importlib.resources")


def at_first_paint(home: Path, *args: str) -> dict:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PHARMACY_DESK_HOME=str(home))
    environment.pop("PHARMACY_DESK_DB", None)
    done = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, *args, "gui", "--smoke-test"], env=environment,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("smoke-test: first paint"), done.stdout
    return json.loads(lines[-1])


def modules_at_first_paint(home: Path, *args: str) -> set[str]:
    return set(at_first_paint(home, *args)["modules"])


def loaded_later(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if any(name == later or name.startswith(later + ".") for later in LATER))


def test_the_setup_wizard_paints_without_the_later_windows(tmp_path):
    modules = modules_at_first_paint(tmp_path / "home")  # a new default database: 开店设置
    assert "pharmacy_desk.ui.setup_wizard" in modules and "pharmacy_desk.core.pharmacy" in modules
    assert loaded_later(modules) == []


def test_the_sign_in_paints_without_the_wizard_or_the_later_windows(tmp_path):
    path = tmp_path / "pharmacy.sqlite3"
    made = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from pharmacy_desk.core import setup
        from pharmacy_desk.core.db import open_database
        open_database({str(path)!r}, create=True)
        setup.set_up(setup.PharmacyInfo("康宁大药房"), "王芳", "owner-pass")
    """)], env=dict(os.environ, PYTHONPATH=str(ROOT), PHARMACY_DESK_HOME=str(tmp_path / "home")),
        capture_output=True, text=True, timeout=180)
    assert made.returncode == 0, made.stderr
    modules = modules_at_first_paint(tmp_path / "home", "--db", str(path))
    assert "pharmacy_desk.ui.sign_in" in modules and "pharmacy_desk.core.pharmacy" in modules
    assert "pharmacy_desk.ui.setup_wizard" not in modules
    assert loaded_later(modules) == []


def test_the_cycle_collector_waits_until_the_first_window_is_on_screen_and_the_engine_attached(tmp_path):
    # The start's objects live as long as the program: walking them before the first paint found nothing to free.
    assert at_first_paint(tmp_path / "home")["collecting"] == {"at the first paint": False, "settled": True}


def test_the_settings_the_first_window_shows_read_as_the_settings_give_them(db, owner):
    # Read as stored, before the declarations are loaded: only right for texts stored as they are shown.
    from pharmacy_desk.core import pharmacy, settings
    from pharmacy_desk.core.setting_declarations import DECLARATION_BY_KEY
    from pharmacy_desk.core.setting_types import StoredAsIs

    for key, default in pharmacy.SHOWN_FIRST.items():
        assert isinstance(DECLARATION_BY_KEY[key].type, StoredAsIs) and DECLARATION_BY_KEY[key].default_value == default
    # Never changed (the defaults), then as an owner changed them.
    assert {key: pharmacy.shown_first(key) for key in pharmacy.SHOWN_FIRST} == \
           {key: settings.get(key) for key in pharmacy.SHOWN_FIRST} == pharmacy.SHOWN_FIRST
    settings.change_many({"ui_language": "en", "pharmacy_name": "Kangning 康宁"}, owner)
    assert {key: pharmacy.shown_first(key) for key in pharmacy.SHOWN_FIRST} == \
           {key: settings.get(key) for key in pharmacy.SHOWN_FIRST} == {"ui_language": "en", "pharmacy_name": "Kangning 康宁"}


def test_neither_first_window_builds_the_qt_namespace_before_it_paints(tmp_path):
    built = at_first_paint(tmp_path / "home")["qt_namespace"]  # 开店设置, as each first-paint watcher saw it
    assert built and not any(built)
    home = tmp_path / "shop"
    made = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from pharmacy_desk.core import setup
        from pharmacy_desk.core.db import open_database
        open_database({str(home / "pharmacy.sqlite3")!r}, create=True)
        setup.set_up(setup.PharmacyInfo("康宁大药房"), "王芳", "owner-pass")
    """)], env=dict(os.environ, PYTHONPATH=str(ROOT), PHARMACY_DESK_HOME=str(home)), capture_output=True, text=True,
        timeout=180)
    assert made.returncode == 0, made.stderr
    built = at_first_paint(home, "--db", str(home / "pharmacy.sqlite3"))["qt_namespace"]  # the sign-in
    assert built and not any(built)
