"""回访名单 window: pick a list, narrow it to one staff member, call, mark as contacted, export."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from pharmacy_desk.core import call_lists, contacts, staff
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.core.vocabulary import ContactReason
from pharmacy_desk.ui import card_actions
from pharmacy_desk.ui.contact_dialog import ContactDialog
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.export_menu import ask_workbook_path, default_path
from pharmacy_desk.ui.i18n import core, sentence
from pharmacy_desk.ui.operations import LatestOnly, Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

# Nobody calls more than this in a day; the export holds the same rows the table shows.
ROW_LIMIT = 1000

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "姓名"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "手机号"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "专属店员"), lambda r: r.owner_staff or "—"),
    Column(QT_TRANSLATE_NOOP("Columns", "原因"), lambda r: sentence(r.detail), tooltip=lambda r: sentence(r.detail)),
    Column(QT_TRANSLATE_NOOP("Columns", "营销退订"),
           lambda r: QCoreApplication.translate("ListsWindow", "已退订") if r.opt_out else ""),
)


class ListsWindow(QWidget):
    def __init__(self, operator: Operator, parent=None, *, today: dt.date | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.operator = operator
        self._today = today
        self._task = None
        self._latest = LatestOnly()  # only the latest refresh may fill the table
        self.setWindowTitle(self.tr("回访名单"))
        self.resize(1100, 640)

        self.list_picker = QComboBox()
        for item in call_lists.LISTS:
            self.list_picker.addItem(core(item.title), item.key)
        self.staff_filter = QComboBox()
        self.staff_filter.addItem(self.tr("全部店员"), None)
        for person in staff.on_duty():
            self.staff_filter.addItem(person.name, person.id)
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.contact_button = QPushButton(self.tr("标记已联系…"))
        self.export_button.setEnabled(can(operator, Permission.EXPORT_PERSONAL))
        if not self.export_button.isEnabled():
            self.export_button.setToolTip(self.tr("只有店长可以导出回访名单。"))
        # the cards of the members selected, or of the whole list shown: many members' names, the owner's
        self.card_button = QPushButton(self.tr("会员卡…"))
        self.card_button.setMenu(card_actions.card_menu(self, operator, self.card_member_ids))
        self.card_button.setEnabled(can(operator, Permission.EXPORT_PERSONAL))
        if not self.card_button.isEnabled():
            self.card_button.setToolTip(self.tr("只有店长可以打印整张名单的会员卡。"))

        self.model = RowsTableModel(COLUMNS, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(3, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 130)
        self.table.setColumnWidth(2, 90)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.doubleClicked.connect(lambda _index: self.mark_contacted())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("名单：")))
        top.addWidget(self.list_picker, 1)
        top.addWidget(QLabel(self.tr("专属店员：")))
        top.addWidget(self.staff_filter)
        top.addStretch(1)
        top.addWidget(self.contact_button)
        top.addWidget(self.card_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.list_picker.currentIndexChanged.connect(lambda _i: self.refresh())
        self.staff_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.contact_button.clicked.connect(self.mark_contacted)
        self.export_button.clicked.connect(self.export)
        events().changed.connect(self._on_changed)
        self._stale = True  # read when first shown, and again after a change while hidden

    # --- reading ------------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_list(self) -> call_lists.CallList:
        return call_lists.LIST_BY_KEY[self.list_picker.currentData()]

    def refresh(self) -> None:
        """Re-run the chosen list off the GUI thread; the table keeps its rows until the new ones come."""
        self._stale = False
        token = self._latest.next()
        chosen, staff_id, today = self.current_list(), self.staff_filter.currentData(), self.today()
        self.count_label.setText(self.tr("正在读取名单…"))
        self._task = Read(self, lambda _progress: chosen.rows(today, self.operator, owner_staff_id=staff_id,
                                                              limit=ROW_LIMIT)) \
            .success(lambda rows: self._show_rows(token, rows)) \
            .run_in_background(self.tr("读取名单"), show_dialog=False)

    def _show_rows(self, token: int, rows: list[call_lists.CallRow]) -> None:
        if not self._latest.is_current(token):
            return  # a newer refresh (another list, a filter, a change) is on its way
        self.model.set_rows(rows)
        more = self.tr("（只显示前 {limit} 位）").format(limit=ROW_LIMIT) if len(rows) >= ROW_LIMIT else ""
        self.count_label.setText(self.tr("共 %n 位会员{more}。双击一行或点“标记已联系”登记回访结果，"
                                         "已联系的会员不会出现在明天的名单里。", "", len(rows)).format(more=more))

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.touches_any_member() or changes.sales or changes.contacts or changes.staff):
            return  # who is on a list depends on members, their purchases and their calls
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def card_member_ids(self) -> list[int]:
        """The members whose cards are printed: those selected, else everyone the list shows."""
        rows = self.selected_rows() or self.model.rows()
        return list(dict.fromkeys(row.member_id for row in rows))

    def selected_rows(self) -> list[call_lists.CallRow]:
        return [self.model.row(index.row()) for index in self.table.selectionModel().selectedRows()]

    # --- actions ------------------------------------------------------------------------------

    def ask_contact(self, rows: list[call_lists.CallRow]) -> tuple[str, str] | None:
        who = self.tr("、").join(r.name for r in rows[:5]) + (
            self.tr(" 等{count}位").format(count=len(rows)) if len(rows) > 5 else "")
        dialog = ContactDialog(who, ContactReason.label_of(rows[0].reason), self)
        return dialog.values() if dialog.exec() == ContactDialog.DialogCode.Accepted else None

    def mark_contacted(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.count_label.setText(self.tr("请先在名单中选中要标记的会员。"))
            return
        key = f"contact:{uuid.uuid4()}"  # this marking, however often it is submitted
        answer = self.ask_contact(rows)
        if answer is None:
            return
        outcome, note = answer
        calls = [(row.member_id, row.reason) for row in rows]
        Op(self, lambda operator: contacts.mark_all_contacted(calls, outcome, operator, notes=note, key=key),
           operator=self.operator).run()

    def ask_export_path(self) -> str:
        return ask_workbook_path(self, self.tr("导出回访名单"), default_path(core(self.current_list().title), self.today()))

    def export(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        rows, title = self.model.rows(), self.current_list().title
        self._task = Op(self, lambda operator, _progress: call_lists.export_xlsx(path, title, rows, operator),
                        operator=self.operator) \
            .success(lambda count: self.count_label.setText(
                self.tr("已导出 %n 位会员到 {path}", "", count).format(path=path))) \
            .run_in_background(self.tr("导出回访名单"))
