"""The headless part of the app imports no GUI and no heavy library it does not need yet.

Each check runs in a fresh interpreter (``-I``: no environment, no user site) that
imports every module of the packages named, then reports which top-level modules
ended up in ``sys.modules``:

- all of ``core``, ``cli``, ``commands`` and ``charts`` import neither PySide6 nor
  matplotlib (the command line runs on a machine without a display; a chart imports
  matplotlib when it is drawn);
- all of ``core`` also leaves openpyxl and pypinyin unimported: they are loaded by
  the function that writes a workbook or spells a name, not at start-up;
- what the windows need before their first paint (the command line, the database's
  file and the first window's questions, the sign-in and 开店设置) imports neither peewee
  nor the models nor Argon2: peewee alone takes longer to load than Qt takes to paint
  a window, so the engine is attached after the first paint;
- what runs before Qt is loaded (reading the windows' options, the log, opening the file,
  the first window's questions) builds no argparse parser, imports no other command and
  none of what they bring (uuid, getpass), nor ``logging.handlers`` (sockets, pickling) or
  ``importlib.resources``: together some milliseconds of the first paint.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import importlib, json, pkgutil, sys
sys.path.insert(0, {root!r})
import pharmacy_desk
imported = []
for name in {packages!r}:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
{then}
print(json.dumps({{"file": pharmacy_desk.__file__, "imported": imported, "modules": sorted(sys.modules),
                  "loaded": sorted({{module.split(".")[0] for module in sys.modules}})}}))
"""


def imports(*packages: str, then: str = "") -> dict:
    """Import every module of ``packages`` (then run ``then``) in a clean interpreter."""
    script = SCRIPT.format(root=str(ROOT), packages=list(packages), then=then)
    done = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert Path(result["file"]).resolve().is_relative_to(ROOT)  # this copy of the code, not an installed one
    return result


def test_core_imports_no_gui_no_charts_no_workbook_writer_no_pinyin():
    result = imports("pharmacy_desk.core")
    # the walk reached the modules that use those libraries
    assert {"pharmacy_desk.core.spreadsheet.export", "pharmacy_desk.core.reports.workbook",
            "pharmacy_desk.core.normalize", "pharmacy_desk.core.campaigns"} <= set(result["imported"])
    assert not {"PySide6", "shiboken6", "matplotlib", "openpyxl", "pypinyin"} & set(result["loaded"])


def test_cli_commands_and_charts_import_no_gui_and_no_matplotlib():
    result = imports("pharmacy_desk.core", "pharmacy_desk.cli", "pharmacy_desk.commands", "pharmacy_desk.charts")
    assert {"pharmacy_desk.commands.database", "pharmacy_desk.commands.report",
            "pharmacy_desk.charts.figures"} <= set(result["imported"])
    assert not {"PySide6", "shiboken6", "matplotlib"} & set(result["loaded"])


def test_the_check_sees_a_library_once_it_is_used():
    # Drawing a chart or writing a workbook loads its library: the guard above would notice
    # a module that did so on import.
    result = imports("pharmacy_desk.charts", then="from pharmacy_desk.charts.figures import new_figure; new_figure()")
    assert "matplotlib" in result["loaded"] and "PySide6" not in result["loaded"]
    result = imports("pharmacy_desk.core.spreadsheet",
                     then="from pharmacy_desk.core.spreadsheet.sheetxml import _column_letters; _column_letters(1)")
    assert "openpyxl" in result["loaded"]


# What runs before the first window paints (``gui``), module by module.
FIRST_WINDOW = ("pharmacy_desk.cli", "pharmacy_desk.commands.gui", "pharmacy_desk.core.db",
                "pharmacy_desk.core.database_file", "pharmacy_desk.core.schema", "pharmacy_desk.core.pharmacy",
                "pharmacy_desk.core.settings", "pharmacy_desk.ui.app", "pharmacy_desk.ui.first_paint",
                "pharmacy_desk.ui.smoke", "pharmacy_desk.ui.sign_in", "pharmacy_desk.ui.setup_wizard")
# Loaded once the first window is on screen, or later still.
AFTER_THE_FIRST_WINDOW = {"peewee", "argon2", "matplotlib", "numpy", "openpyxl", "python_calamine", "pypinyin", "PIL"}


def test_the_first_windows_modules_import_no_engine_and_no_later_library():
    result = imports(*FIRST_WINDOW)
    assert not AFTER_THE_FIRST_WINDOW & set(result["loaded"])
    assert not {"pharmacy_desk.core.models", "pharmacy_desk.core.dialect", "pharmacy_desk.core.normalize",
                "pharmacy_desk.ui.operations"} & set(result["modules"])


def test_the_check_sees_the_engine_once_the_database_is_used():
    # Reading through the models attaches the engine: the guard above would notice a
    # first-window module that did so on import.
    result = imports("pharmacy_desk.core.db", then=(
        "from pharmacy_desk.core.db import open_database; open_database(':memory:', lazily=True); "
        "from pharmacy_desk.core.models import Staff; Staff.select().count()"))
    assert "peewee" in result["loaded"] and "pharmacy_desk.core.models" in result["modules"]


# Before Qt: the windows' options read, the log set up (and written to), the file opened, the first window's questions.
BEFORE_QT = ("pharmacy_desk.cli", "pharmacy_desk.commands.gui", "pharmacy_desk.core.applog", "pharmacy_desk.core.db",
             "pharmacy_desk.core.pharmacy")
STARTING_THE_WINDOWS = """
import logging
from pharmacy_desk import cli
from pharmacy_desk.commands.common import open_from_args
from pharmacy_desk.core import applog, pharmacy
args = cli.windows_arguments(["--db", {path!r}, "gui", "--smoke-test"])
applog.setup()
logging.getLogger("pharmacy_desk.qt").warning("a warning before the first paint")
open_from_args(args, create=True, lazily=True)
assert pharmacy.needs_setup() and pharmacy.sign_in_names() == [] and pharmacy.pharmacy_info().name == ""
"""
# What the other commands need, loaded with them.
OTHER_COMMANDS = {"pharmacy_desk.commands." + name for name in (
    "audit", "backup", "cards", "coupons", "database", "first_run", "report", "rules", "spreadsheet", "staff")}


def test_starting_the_windows_builds_no_parser_and_loads_no_other_command(tmp_path):
    result = imports(*BEFORE_QT, then=STARTING_THE_WINDOWS.format(path=str(tmp_path / "shop.sqlite3")))
    assert not {"argparse", "uuid", "getpass", "socket", "pickle"} & set(result["loaded"])
    assert not {"logging.handlers", "importlib.resources", *OTHER_COMMANDS} & set(result["modules"])
    from pharmacy_desk.core import applog, paths

    assert (paths.log_dir() / applog.LOG_NAME).read_text(encoding="utf-8").rstrip().endswith(
        "a warning before the first paint")


def test_the_whole_command_line_loads_every_command():
    # The check above would notice a start that no longer needed them only because nothing was imported.
    result = imports("pharmacy_desk.cli", then="from pharmacy_desk import cli; cli.build_parser()")
    assert "argparse" in result["loaded"] and OTHER_COMMANDS <= set(result["modules"])
