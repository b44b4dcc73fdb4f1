"""导出 menu: members, sales, the points ledger and coupons to Excel, off the GUI thread.

Only those who may export personal data see it (DOMAIN: Trust); the core checks again
and records every file written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from pharmacy_desk.core import paths
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.core.operator import Operator


def default_path(title: str, day: dt.date | None = None) -> Path:
    """The file offered for an export called ``title`` (in the windows' language) of ``day``, today unless given."""
    return paths.export_dir() / f"{title}_{day or dt.date.today():%Y%m%d}.xlsx"


def run_export(parent: QWidget | None, kind: str, path: str | Path, operator: Operator, *, notify: bool = True):
    """Export one table to ``path`` in the background; returns the running task."""
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS

    title, export = EXPORTS[kind]

    def done(count):
        if notify:
            said = QCoreApplication.translate("ExportMenu", "已导出{table} %n 行到\n{path}", None, count)
            QMessageBox.information(parent, QCoreApplication.translate("ExportMenu", "导出完成"),
                                    said.format(table=core(title), path=path))

    return Op(parent, lambda who, progress: export(path, who, progress), operator=operator).success(done) \
        .run_in_background(QCoreApplication.translate("ExportMenu", "正在导出{table}").format(table=core(title)))


def build_export_menu(parent: QWidget, operator: Operator) -> QMenu:
    """导出 ▸ 会员 / 消费记录 / 积分流水 / 优惠券."""
    from pharmacy_desk.core.spreadsheet.tables import EXPORTS

    menu = QMenu(QCoreApplication.translate("ExportMenu", "导出到 Excel"), parent)
    menu.menuAction().setVisible(can(operator, Permission.EXPORT_PERSONAL))
    for kind, (title, _) in EXPORTS.items():
        action = menu.addAction(f"{core(title)}…")
        action.setObjectName(f"export_{kind}")
        action.setEnabled(can(operator, Permission.EXPORT_PERSONAL))
        action.triggered.connect(lambda _=False, k=kind, t=title: _ask_and_export(parent, k, t, operator))
    return menu


def ask_workbook_path(parent: QWidget, caption: str, suggested: str | Path) -> str:
    """Where an Excel export goes, asked in the save dialog with ``suggested`` offered: ".xlsx" is
    added to a name typed without it; "" when the person cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested),
                                          QCoreApplication.translate("ExportMenu", "Excel 工作簿 (*.xlsx)"))
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def _ask_and_export(parent: QWidget, kind: str, title: str, operator: Operator) -> None:
    path = ask_workbook_path(parent, QCoreApplication.translate("ExportMenu", "导出{table}").format(table=core(title)),
                             default_path(core(title)))
    if path:
        parent._export_task = run_export(parent, kind, path, operator)
