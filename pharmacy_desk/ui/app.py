"""Start the windows: one QApplication in Chinese with a font that has every 汉字."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from pharmacy_desk import __version__
from pharmacy_desk.core import settings
from pharmacy_desk.ui.fonts import CJK_FAMILIES, register_bundled_fonts

log = logging.getLogger("pharmacy_desk.ui")
ORGANISATION = "pharmacy_desk"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(ORGANISATION)
    app.setApplicationDisplayName("药店会员管理")
    app.setApplicationVersion(__version__)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    register_bundled_fonts()  # every 汉字 even where the machine has no Chinese font
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    # Qt's own buttons and dialogs (打印, 取消, 文件) in Chinese too.
    translator = QTranslator(app)
    if translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def _report_bug(kind, error, traceback) -> None:
    """An exception nobody caught inside a slot: a bug. Log it and tell the user; keep the till open."""
    from pharmacy_desk.ui.messages import show_error

    if isinstance(error, Exception):
        show_error(QApplication.activeWindow(), error)  # logs it with its traceback unless expected
    else:
        log.error("uncaught exception", exc_info=(kind, error, traceback))


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


def run(db_path: str | os.PathLike[str]) -> int:
    """Open the main window on the database already opened at ``db_path``; returns the exit code."""
    from pharmacy_desk.ui.main_window import MainWindow

    app = make_application()
    if not binding_keeps_references():
        import PySide6
        from PySide6.QtWidgets import QMessageBox

        log.error("PySide6 %s loses references to None/True on each call; refusing to start", PySide6.__version__)
        QMessageBox.critical(None, "无法启动", f"已安装的 Qt 组件（PySide6 {PySide6.__version__}）有已知缺陷，"
                             "收银中途会突然退出。请按 README 的命令重新安装，它会装上可用的版本。")
        return 1
    sys.excepthook = _report_bug
    title = "药店会员管理" + ("（演示数据）" if settings.get("is_demo") else "")
    window = MainWindow(f"{title} — {db_path}")
    window.show()
    window.counter.search.focus()
    window.start_housekeeping()
    return app.exec()
