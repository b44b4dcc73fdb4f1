"""券核销 (the owner's): coupons issued against coupons used, per template and campaign.

One row per template and whom it went to, and one per kind of coupon the program issues
by itself; the figures are the core's (``reports.coupon_usage``), read off the GUI thread.
导出Excel writes the same table through the export path every table uses.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.reports.coupon_usage import UsageRow, usage_rows
from pharmacy_desk.core.vocabulary import CouponKind
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.export_menu import ask_workbook_path, default_path, run_export
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import InlineMessage, table_view
from pharmacy_desk.ui.operations import LatestOnly, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

EXPORT_KIND = "coupon_usage"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "券"), lambda r: r.coupon),
    Column(QT_TRANSLATE_NOOP("Columns", "发放对象"), lambda r: r.target),
    Column(QT_TRANSLATE_NOOP("Columns", "类型"), lambda r: core(CouponKind.label_of(r.kind))),
    Column(QT_TRANSLATE_NOOP("Columns", "发放张数"), lambda r: r.issued, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "已使用"), lambda r: r.used, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "使用率"), lambda r: f"{float(r.usage):.1%}", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "优惠金额(元)"), lambda r: yuan(r.discount_fen), align_right=True),
)


class CouponReportWindow(QWidget):
    """券核销, opened for ``operator`` (whoever sees the business figures)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.operator = operator
        self._latest = LatestOnly()
        self.setWindowTitle(self.tr("券核销"))
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=1)
        self.total = QLabel()
        self.message = InlineMessage()
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        note = QLabel(self.tr("已使用：收银时抵扣过（整单退货退回的不算）或体验券已兑换服务。"
                              "使用率 = 已使用 ÷ 发放张数。"))
        note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        events().changed.connect(self._data_changed)
        self.resize(900, 480)
        self.reload()

    def reload(self) -> None:
        token = self._latest.next()
        self._task = Read(self, lambda progress: usage_rows(self.operator)).success(
            lambda rows: self._show(rows) if self._latest.is_current(token) else None).failure(
            self.message.refused).run_in_background(self.tr("正在统计券核销"), show_dialog=False)

    def _show(self, rows: list[UsageRow]) -> None:
        self.model.set_rows(rows)
        issued, used = sum(r.issued for r in rows), sum(r.used for r in rows)
        self.total.setText(self.tr("合计发放 {issued} 张，已使用 {used} 张，优惠 {discount} 元").format(
            issued=issued, used=used, discount=yuan(sum(r.discount_fen for r in rows))))

    def export(self) -> None:
        title = "券核销"
        path = ask_workbook_path(self, self.tr("导出券核销"), default_path(core(title)))
        if path:
            self._export_task = run_export(self, EXPORT_KIND, path, self.operator)

    def _data_changed(self, changes: Changes) -> None:
        if changes.coupons:
            self.reload()
