"""Start the windows: one QApplication with its icon, stylesheet, language and a font that has every 汉字.

``run`` adds what only the real program wants: an unexpected error anywhere shows a
short apology naming the log file and the till stays open; Qt's own warnings go to the
log instead of a console nobody reads.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from pharmacy_desk import __version__
from pharmacy_desk.core import paths
from pharmacy_desk.ui import i18n
from pharmacy_desk.ui.fonts import CJK_FAMILIES, register_bundled_fonts

log = logging.getLogger("pharmacy_desk.ui")
ORGANISATION = "pharmacy_desk"


ICON = ("icons", "pharmacy_desk.svg")
STYLESHEET = ("style.qss",)


def make_application(argv: list[str] | None = None, language: str = i18n.DEFAULT_LANGUAGE) -> QApplication:
    # Fractional scales (125 %, 150 %) are taken as they are, text and icons sharp on a high-DPI screen:
    # Qt 6's own rounding policy (PassThrough, which a test holds). Not set here: the Qt namespace that
    # names it is not imported before the first window paints (``ui/first_paint.py``).
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.resource(*ICON))))
    app.setStyleSheet(paths.resource(*STYLESHEET).read_text(encoding="utf-8"))
    # The program's texts, Qt's own dialogs and the program's name (which Qt adds to every window's
    # title, so a window's own title never repeats it), in the chosen language.
    i18n.install(app, language)
    register_bundled_fonts()  # every 汉字 even where the machine has no Chinese font
    font = QFont(app.font())
    # Chinese: a Chinese font draws Latin letters too. English: the system's Latin font first
    # (its quotes and punctuation are not full width), a Chinese one for the 汉字 of the data.
    latin = [font.family()] if language == "en" else []
    font.setFamilies([*latin, *CJK_FAMILIES])
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    return app


def _report_bug(kind, error, traceback) -> None:
    """An exception nobody caught inside a slot: a bug. Log it and tell the user; keep the till open."""
    from pharmacy_desk.ui.messages import show_error

    if isinstance(error, Exception):
        show_error(QApplication.activeWindow(), error)  # logs it with its traceback unless expected
    else:
        log.error("uncaught exception", exc_info=(kind, error, traceback))


def _log_qt_message(mode, context, message: str) -> None:
    """Qt's own warnings, into the log file (a frozen program has no console to print them on)."""
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("pharmacy_desk.qt").log(level, "%s (%s:%s)", message, context.file, context.line)


def binding_keeps_references(calls: int = 20) -> bool:
    """False for a Qt binding that releases a reference to None or True on every call.

    PySide6-Essentials 6.12.0 does on Python 3.11, where None and True are counted like
    any object: the program aborts ("deallocating None") after some thousands of clicks,
    in the middle of a day at the till. pyproject.toml excludes it; this catches a
    binding installed some other way, before a cashier depends on it.
    """
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        happened = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(calls):
        probe.setObjectName("probe")  # returns nothing
        probe.happened.emit()  # returns a bool
    # A few references may come and go with Python's own work; one lost per call may not.
    return (sys.getrefcount(None) > none_before - calls // 2
            and sys.getrefcount(True) > true_before - calls // 2)


def main_title(db_path: str | os.PathLike[str], *, demo: bool) -> str:
    """The main window's own title (Qt adds the program's name): the database, marked when it is the demo."""
    return QCoreApplication.translate("app", "（演示数据）{path}").format(path=db_path) if demo else str(db_path)


class Launcher:
    """What the app opens first, then the counter.

    A database without an owner opens the setup wizard (开店设置), any other the sign-in;
    either ends with the counter open in the signed-in person's name. Nothing here waits
    in a nested event loop, so a test drives the first window as a person would.
    """

    def __init__(self, db_path: str | os.PathLike[str] = ""):
        self.db_path = db_path  # which file: shown in the counter's title
        self.first: QWidget | None = None
        self.window = None  # the MainWindow, once someone is signed in

    def title(self) -> str:
        from pharmacy_desk.core import settings

        return main_title(self.db_path, demo=bool(settings.get("is_demo")))

    def start(self, settled: Callable[[], None] | None = None) -> QWidget:
        """Show the first window; once it has painted, ``settle`` and then ``settled()``."""
        from pharmacy_desk.core import pharmacy
        from pharmacy_desk.ui.first_paint import after_first_paint

        # Only the window shown is imported: the sign-in opens without the wizard's demo data and rules.
        if pharmacy.needs_setup():
            from pharmacy_desk.ui.setup_wizard import SetupWizard

            wizard = SetupWizard()
            wizard.accepted.connect(lambda: self.open_counter(wizard.person, wizard.start))
            self.first, then = wizard, ("pharmacy_desk.core.setup", "pharmacy_desk.core.rule_review")
        else:
            from pharmacy_desk.ui.sign_in import SignInDialog

            dialog = SignInDialog()
            dialog.accepted.connect(lambda: self.open_counter(dialog.person))
            self.first, then = dialog, ("pharmacy_desk.core.signin",)
        self.first.show()
        self.first.activateWindow()  # a till without a window manager would leave the name and password keyless
        after_first_paint(self.first, lambda: settle(then, settled))
        return self.first

    def open_counter(self, person, start: str = "") -> None:
        from pharmacy_desk.ui.main_window import MainWindow
        from pharmacy_desk.ui.session import Session
        from pharmacy_desk.ui.setup_wizard import START_DEMO, START_IMPORT, load_demo

        window = MainWindow(Session(person), self.title())
        self.window = window
        window.show()
        window.activateWindow()  # the wizard or the sign-in just closed: the counter takes the keyboard
        window.counter.search.focus()
        window.start_repairs()  # what the opening left to do beside the tills, before the day's housekeeping
        if start == START_DEMO:
            def loaded(_summary) -> None:
                window.setWindowTitle(self.title())
                window.start_housekeeping()

            self.demo_task = load_demo(window, loaded)
        else:
            window.start_housekeeping()
        window.backup_status.start()
        if start == START_IMPORT:
            window.open_import()


def settle(modules: tuple[str, ...], settled: Callable[[], None] | None = None) -> None:
    """Once the first window is on screen: attach the database's engine and load what the next step needs.

    The person is reading the window or typing meanwhile; their keys wait in Qt's queue,
    and what their Enter runs (Argon2, the models, the operation runner) is ready for it.
    """
    import importlib

    from pharmacy_desk.core import db

    try:
        db.attach()
        for name in (*modules, "pharmacy_desk.ui.operations"):
            importlib.import_module(name)
    finally:
        if settled is not None:
            settled()


def run(db_path: str | os.PathLike[str], *, smoke_test: bool = False, smoke_walk: bool = False,
        started: float | None = None, settled: Callable[[], None] | None = None) -> int:
    """Open the setup or the sign-in, then the counter, on the database already opened at ``db_path``.

    ``smoke_test``: quit after the first window's first paint and print how long after ``started`` it came.
    ``smoke_walk``: go through the first run's windows by themselves (``ui/smoke_walk.py``), then quit.
    ``settled()`` once the first window is on screen and the engine attached (``settle``).
    """
    from pharmacy_desk.core import pharmacy

    app = make_application(language=pharmacy.shown_first("ui_language"))
    if not binding_keeps_references():
        import PySide6
        from PySide6.QtWidgets import QMessageBox

        log.error("PySide6 %s loses references to None/True on each call; refusing to start", PySide6.__version__)
        QMessageBox.critical(None, QCoreApplication.translate("app", "无法启动"), QCoreApplication.translate(
            "app", "已安装的 Qt 组件（PySide6 {version}）有已知缺陷，收银中途会突然退出。"
                   "请按 README 的命令重新安装，它会装上可用的版本。").format(version=PySide6.__version__))
        return 1
    sys.excepthook = _report_bug
    qInstallMessageHandler(_log_qt_message)
    launcher = Launcher(db_path)
    first = launcher.start(settled)
    if smoke_test:
        from pharmacy_desk.ui.smoke import quit_after_first_paint

        quit_after_first_paint(first, started if started is not None else time.monotonic())
    walk = None
    if smoke_walk:
        from pharmacy_desk.ui.smoke_walk import walk_first_day

        walk = walk_first_day(launcher, on_failure=lambda: app.exit(1))
    code = app.exec()
    if launcher.window is not None:
        launcher.window.session.sign_out()  # closing the app ends the shift of whoever was signed in
        launcher.window.backup_status.back_up_on_exit()
    if walk is not None and code == 0:
        if not walk.finished:
            print("smoke-walk FAILED: the program ended before the walk did", file=sys.stderr)
            return 1
        print("smoke-walk: the program ended by itself, exit 0", flush=True)
    return code
