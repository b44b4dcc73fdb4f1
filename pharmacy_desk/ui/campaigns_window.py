"""营销活动 window: a button per campaign of ``core.campaigns.CAMPAIGNS`` → preview → 发放 → export the SMS list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from pharmacy_desk.core import campaigns
from pharmacy_desk.core.campaigns import CAMPAIGNS, Campaign
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.ui.export_menu import ask_workbook_path, default_path
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.operations import LatestOnly, Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator


def status_text(row: campaigns.Recipient) -> str:
    """``Recipient.status`` in the windows' language."""
    if row.issue_key is None:
        return QCoreApplication.translate("CampaignsWindow", "仅短信")
    if row.already_issued:
        return QCoreApplication.translate("CampaignsWindow", "已发放")
    return QCoreApplication.translate("CampaignsWindow", "待发放")


def explained(action: Campaign) -> str:
    return action.explain(core(action.explanation))


# 内容 and 短信 are what the member receives, written in the members' language.
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "姓名"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "手机号"), lambda r: mask_phone(r.phone)),  # in full only in the exported SMS list
    Column(QT_TRANSLATE_NOOP("Columns", "专属店员"), lambda r: r.owner_staff or "—"),
    Column(QT_TRANSLATE_NOOP("Columns", "内容"), lambda r: r.gift),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), status_text),
    Column(QT_TRANSLATE_NOOP("Columns", "短信"), lambda r: r.message, tooltip=lambda r: r.message),
)


class CampaignsWindow(QWidget):
    def __init__(self, operator: Operator, parent=None, *, today: dt.date | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.operator = operator
        self.action: Campaign | None = None
        self._note = ""
        self._latest = LatestOnly()  # only the latest preview may fill the table
        self._task = None
        self.setWindowTitle(self.tr("营销活动"))
        self.resize(1100, 640)

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        start = today or dt.date.today()
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("日期：")))
        bar.addWidget(self.day)
        for action in CAMPAIGNS:
            button = QPushButton(core(action.title))
            button.setToolTip(explained(action))
            button.clicked.connect(lambda _checked=False, a=action: self.preview(a))
            self.buttons[action.key] = button
            bar.addWidget(button)
        bar.addStretch(1)

        self.explain = QLabel(self.tr("选择一项活动，先预览名单，确认后再发放。已退订营销的会员不在名单中。"))
        self.explain.setWordWrap(True)
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(5, header.ResizeMode.Stretch)
        for column, width in enumerate((100, 120, 80, 190, 70)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(28)

        self.summary = QLabel()
        self.issue_button = QPushButton(self.tr("发放"))
        self.export_button = QPushButton(self.tr("导出短信名单…"))
        self.issue_button.setEnabled(False)
        self.export_button.setEnabled(False)
        if not can(operator, Permission.RUN_CAMPAIGNS):
            self.issue_button.setToolTip(self.tr("只有店长可以发放。"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.issue_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.issue_button.clicked.connect(self.issue)
        self.export_button.clicked.connect(self.export_sms)
        self.day.dateChanged.connect(lambda _d: self.action and self.preview(self.action))

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()

    def preview(self, action: Campaign, note: str = "") -> None:
        self.action = action
        self._note = note
        self.explain.setText(self.tr("{title}：{explanation}").format(title=core(action.title), explanation=explained(action)))
        self.issue_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.summary.setText(self.tr("正在生成名单…"))
        day, token = self.chosen_day(), self._latest.next()
        self._task = Read(self, lambda _progress: action.recipients(day, self.operator)) \
            .success(lambda rows: self._show_preview(token, rows)) \
            .failure(self.summary.setText) \
            .run_in_background(self.tr("生成名单"), show_dialog=False)

    def _show_preview(self, token: int, rows: list[campaigns.Recipient]) -> None:
        if not self._latest.is_current(token):
            return  # another campaign or day was chosen meanwhile
        self.model.set_rows(rows)
        pending, done = campaigns.issue_counts(rows)
        self.summary.setText(self.tr("{note}共 %n 位会员：待发放 {pending} 张，已发放 {done} 张。", "", len(rows)).format(
            note=self._note, pending=pending, done=done))
        self.issue_button.setEnabled(pending > 0 and can(self.operator, Permission.RUN_CAMPAIGNS))
        self.export_button.setEnabled(bool(rows) and can(self.operator, Permission.EXPORT_PERSONAL))

    def issue(self) -> None:
        action, day = self.action, self.chosen_day()
        if action is None:
            return
        self.issue_button.setEnabled(False)
        rows = self.model.rows()  # exactly the recipients the owner is looking at
        self._task = Op(self, lambda operator, progress: action.run(day, operator, recipients=rows, progress=progress),
                        operator=self.operator) \
            .success(self._issued) \
            .run_in_background(self.tr("发放：{title}").format(title=core(action.title)))

    def _issued(self, result: campaigns.RunResult) -> None:
        self.preview(self.action, note=self.tr("本次发放 %n 张券，可点“导出短信名单…”交给短信平台发送。", "", result.issued))

    def ask_export_path(self) -> str:
        title = core(self.action.title) if self.action else self.tr("短信名单")
        return ask_workbook_path(self, self.tr("导出短信名单"), default_path(title, self.chosen_day()))

    def export_sms(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        rows = self.model.rows()
        self._task = Op(self, lambda operator, _progress: campaigns.export_sms(path, rows, operator),
                        operator=self.operator) \
            .success(lambda count: self.summary.setText(self.tr("已导出 %n 条短信到 {path}", "", count).format(path=path))) \
            .run_in_background(self.tr("导出短信名单"))
