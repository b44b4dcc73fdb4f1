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

log = logging.getLogger("pharmacy_desk.ui")
ORGANISATION = "pharmacy_desk"
# The first installed one wins: Linux (Noto), Windows (微软雅黑), macOS (苹方).
CJK_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "SimSun"]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(ORGANISATION)
    app.setApplicationDisplayName("药店会员管理")
    app.setApplicationVersion(__version__)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
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


def run(db_path: str | os.PathLike[str]) -> int:
    """Open the main window on the database already opened at ``db_path``; returns the exit code."""
    from pharmacy_desk.ui.main_window import MainWindow

    app = make_application()
    sys.excepthook = _report_bug
    title = "药店会员管理" + ("（演示数据）" if settings.get("is_demo") else "")
    window = MainWindow(f"{title} — {db_path}")
    window.show()
    window.counter.search.focus()
    window.start_housekeeping()
    return app.exec()
