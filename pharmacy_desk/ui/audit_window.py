"""操作日志 (the owner's): who did what, when, to what — filtered, and to Excel.

Filters: a date range (both days included), one member of staff, one kind of
operation (the labels of ``OperationKind``). 查询 reads in the background and only the
newest answer fills the table; 导出Excel writes what the filters select through the one
spreadsheet writer.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import accounts, audit_log, paths
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.export_menu import ask_workbook_path
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import InlineMessage, table_view
from pharmacy_desk.ui.operations import LatestOnly, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}"),
    Column(QT_TRANSLATE_NOOP("Columns", "店员"), lambda r: r.operator),
    Column(QT_TRANSLATE_NOOP("Columns", "操作"), lambda r: core(r.kind_label)),
    # what was done to whom is written in the record when it is made: shown as it was recorded
    Column(QT_TRANSLATE_NOOP("Columns", "对象"), lambda r: r.subject),
    Column(QT_TRANSLATE_NOOP("Columns", "详情"), lambda r: r.detail),
)
DEFAULT_DAYS = 7
LIMIT = 5000  # rows on screen; the export takes every row the filters select


def _day(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


class AuditWindow(QWidget):
    """操作日志, opened for ``operator`` (who holds 查看操作日志)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("操作日志"))
        self.operator = operator
        today = today or dt.date.today()
        self.since = QDateEdit(QDate(today - dt.timedelta(days=DEFAULT_DAYS - 1)))
        self.until = QDateEdit(QDate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.person = QComboBox()
        self.person.addItem(self.tr("全部店员"), None)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部操作"), None)
        for label, code in OperationKind.choices():
            self.kind.addItem(core(label), code)
        self.search_button = QPushButton(self.tr("查询"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.count = QLabel()
        self.message = InlineMessage()
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=4)
        self._latest = LatestOnly()

        filters = QHBoxLayout()
        for text, widget in ((self.tr("从(&F)"), self.since), (self.tr("到(&T)"), self.until),
                             (self.tr("店员(&S)"), self.person), (self.tr("操作(&K)"), self.kind)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

        self.search_button.clicked.connect(self.search)
        self.export_button.clicked.connect(self.ask_and_export)
        Read(self, lambda: accounts.list_staff(operator)).success(self._fill_people) \
            .failure(self.message.refused).run()
        self.search()
        self.resize(1100, 620)

    def _fill_people(self, rows) -> None:
        for row in rows:
            self.person.addItem(row.name if row.active else self.tr("{name}（已停用）").format(name=row.name), row.id)

    def filters(self) -> dict:
        """What the filters select, as ``audit_log.entries`` takes it."""
        return {"since": _day(self.since), "until": _day(self.until), "kind": self.kind.currentData(),
                "staff_id": self.person.currentData()}

    def search(self):
        token = self._latest.next()
        chosen = self.filters()

        def show(rows) -> None:
            if self._latest.is_current(token):
                self.message.clear_message()
                self.model.set_rows(rows)
                more = self.tr("（只显示最近的记录，导出可得全部）") if len(rows) >= LIMIT else ""
                self.count.setText(self.tr("共 %n 条{more}", "", len(rows)).format(more=more))

        self._task = Read(self, lambda _progress: audit_log.entries(self.operator, limit=LIMIT, **chosen)) \
            .success(show).failure(self.message.refused).run_in_background(self.tr("正在读取操作日志"), show_dialog=False)
        return self._task

    def default_path(self):
        name = self.tr("操作日志_{since}-{until}.xlsx").format(since=f"{_day(self.since):%Y%m%d}",
                                                             until=f"{_day(self.until):%Y%m%d}")
        return paths.export_dir() / name

    def ask_and_export(self) -> None:
        path = ask_workbook_path(self, self.tr("导出操作日志"), self.default_path())
        if path:
            self.export(path)

    def export(self, path: str):
        """Write every row the filters select to ``path`` (in the background)."""
        chosen = self.filters()
        self._export_task = Read(self, lambda _progress: audit_log.export(self.operator, path, **chosen)) \
            .success(lambda count: self.message.ok(self.tr("已导出 %n 条操作日志到 {path}", "", count).format(path=path))) \
            .failure(self.message.refused).run_in_background(self.tr("正在导出操作日志"))
        return self._export_task
