"""The program as started: its name, icon and stylesheet, a clean smoke start, and what a bug looks like."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from pharmacy_desk import APP_TITLE
from pharmacy_desk.core import applog

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], home: Path, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                       PHARMACY_DESK_HOME=str(home), **env)
    environment.pop("PHARMACY_DESK_DB", None)
    return subprocess.run([sys.executable, *args], env=environment, capture_output=True, text=True, timeout=180)


def test_the_programs_name_is_written_once():
    written = [path.relative_to(ROOT).as_posix() for path in (ROOT / "pharmacy_desk").rglob("*.py")
               if APP_TITLE in path.read_text(encoding="utf-8")]
    assert written == ["pharmacy_desk/__init__.py"]


def test_the_main_title_leaves_the_programs_name_to_qt():
    from pharmacy_desk.ui.app import main_title

    assert APP_TITLE not in main_title("/data/pharmacy_desk.sqlite3", demo=False)
    assert main_title("/data/demo.sqlite3", demo=True).startswith("（演示数据）")


LOOK = textwrap.dedent("""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from pharmacy_desk import APP_TITLE
    from pharmacy_desk.ui.app import make_application

    app = make_application(["probe"])
    assert app.applicationDisplayName() == APP_TITLE
    assert not app.windowIcon().pixmap(64).isNull()
    assert "QPushButton" in app.styleSheet()
    policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough, policy
    print("ok")
""")


def test_the_application_has_its_icon_stylesheet_and_high_dpi_policy(tmp_path):
    done = _run(["-c", LOOK], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok" and done.stderr == ""  # no stylesheet parse warning either


def test_the_counter_starts_paints_and_quits_by_itself(tmp_path):
    home = tmp_path / "home"
    # The first start on the default database, which it creates.
    done = _run(["-m", "pharmacy_desk", "gui", "--smoke-test"], home)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"smoke-test: first paint after \d+\.\d\d s \(CPU \d+\.\d{3} s\)\n", done.stdout), done.stdout
    assert "Traceback" not in done.stderr
    assert (home / "logs" / applog.LOG_NAME).is_file()


def test_a_bug_in_a_slot_is_an_apology_naming_the_log_and_the_program_goes_on(qapp, monkeypatch, caplog):
    from pharmacy_desk.ui import app, messages

    applog.setup()
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(messages, "show_message", lambda parent, message, expected, title="": shown.append(
        (message, expected)))
    try:
        {}["missing"]
    except KeyError as error:
        with caplog.at_level(logging.ERROR, logger="pharmacy_desk"):
            app._report_bug(type(error), error, error.__traceback__)
    [(message, expected)] = shown
    assert not expected and str(applog.log_file()) in message and message.startswith("抱歉")
    assert "可以继续使用" in message
    assert [record.exc_info[0] for record in caplog.records] == [KeyError]


def test_qts_own_warnings_go_to_the_log(caplog):
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from pharmacy_desk.ui.app import _log_qt_message

    with caplog.at_level(logging.DEBUG, logger="pharmacy_desk.qt"):
        _log_qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::begin: Paint device returned engine == 0")
    [record] = caplog.records
    assert record.levelno == logging.WARNING and "QPainter::begin" in record.getMessage()


def test_the_log_rotates_instead_of_filling_the_disk():
    applog.setup()
    handler = logging.getLogger("pharmacy_desk").handlers[0]
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 5
    assert Path(handler.baseFilename) == applog.log_file()


def test_the_log_file_rotates_when_full_keeping_its_backups(tmp_path):
    handler = applog.RotatingLog(tmp_path / "x.log", maxBytes=2_000, backupCount=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    assert (tmp_path / "x.log").is_file()  # there from the start, before the first record
    for number in range(100):
        handler.handle(logging.makeLogRecord({"msg": f"{number:03d}" + "x" * 100}))
    handler.close()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.log", "x.log.1", "x.log.2"]
    assert (tmp_path / "x.log").read_text(encoding="utf-8").splitlines()[-1].startswith("099")
