"""月度图表: the owner's month at a glance — figures, 12-month trends, mixes, RFM and staff.

The report is built off the GUI thread by ``core.reports.report.build_report``; this
window only picks the month, hands the thresholds over, and draws what comes back.
Every chart can be saved as PNG or PDF, and the whole month exported as one workbook.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QPushButton,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.core.reports.definitions import CHARTS, FIGURES, format_value
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.rfm import RfmThresholds
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.operations import LatestOnly, Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

MONTHS_OFFERED = 36


def tooltip(key: str) -> str:
    """``definitions.tooltip`` in the windows' language."""
    definition = FIGURES.get(key) or CHARTS[key]
    return QCoreApplication.translate("ChartsWindow", "{name}：{text}").format(name=core(definition.name), text=core(definition.text))


def value_text(key: str, value) -> str:
    """``definitions.format_value`` in the windows' language (money is the one with a word)."""
    text = format_value(key, value)
    if not text.endswith(" 元"):
        return text
    return QCoreApplication.translate("ChartsWindow", "{amount} 元").format(amount=text.removesuffix(" 元"))


def _numbers(text: str, count: int, label: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.replace("，", ",").split(","))
    except ValueError:
        values = ()
    if len(values) != count:
        raise InvalidInput(QCoreApplication.translate("ChartsWindow", "{label}应为 {count} 个用逗号分隔的整数，例如 30,60,90,180。")
                           .format(label=label, count=count))
    return values


class ChartPage(QWidget):
    """One chart: its canvas, the definition as a help line, and 保存图片…"""

    def __init__(self, spec, parent=None):
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from pharmacy_desk.charts.figures import new_figure

        self.spec = spec
        self.figure = new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setToolTip(spec.help_text(core))
        help_line = QLabel(spec.help_text(core))
        help_line.setWordWrap(True)
        help_line.setStyleSheet("color: #555;")
        self.save_button = QPushButton(self.tr("保存图片…"))
        self.save_button.clicked.connect(self.ask_save)
        bottom = QHBoxLayout()
        bottom.addWidget(help_line, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.canvas, 1)
        self.layout_.addLayout(bottom)

    def draw(self, report) -> None:
        self.figure.clear()
        self.spec.draw(self.figure, report, words=core)
        self.canvas.draw_idle()

    def save(self, path: str) -> None:
        self.figure.savefig(path, dpi=150)

    def ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存图片"), f"{core(self.spec.title)}.png",
                                              self.tr("PNG 图片 (*.png);;PDF 文件 (*.pdf)"))
        if path:
            Read(self, lambda: self.save(path)).run()


class ChartsWindow(QMainWindow):
    def __init__(self, operator: Operator, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        from pharmacy_desk.charts.figures import CHART_SPECS

        self.operator = operator
        self.setWindowTitle(self.tr("月度报表与图表"))
        self.report = None
        self._task = None
        self._latest = LatestOnly()  # only the latest request's report is shown
        self.thresholds = RfmThresholds()

        this_month = Month.of(today or dt.date.today())
        self.month_picker = QComboBox()
        for month in reversed(this_month.trailing(MONTHS_OFFERED)):
            self.month_picker.addItem(self.tr("{year}年{month}月").format(year=month.year, month=month.month), month)
        self.month_picker.currentIndexChanged.connect(self.reload)
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setVisible(can(operator, Permission.EXPORT_PERSONAL))  # the staff sheet names people
        self.status = QLabel("")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份：")))
        top.addWidget(self.month_picker)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)

        self.figures_model = RowsTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "指标"), lambda row: core(FIGURES[row[0]].name),
                   tooltip=lambda row: tooltip(row[0])),
            Column(QT_TRANSLATE_NOOP("Columns", "数值"), lambda row: value_text(*row), align_right=True,
                   tooltip=lambda row: tooltip(row[0])),
            Column(QT_TRANSLATE_NOOP("Columns", "定义"), lambda row: core(FIGURES[row[0]].text),
                   tooltip=lambda row: tooltip(row[0])),
        ])
        self.figures_view = QTableView()
        self.figures_view.setModel(self.figures_model)
        self.figures_view.verticalHeader().hide()
        header = self.figures_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.figure_help = QLabel(self.tr("选中一项指标查看它的定义。"))
        self.figure_help.setWordWrap(True)
        self.figures_view.selectionModel().currentRowChanged.connect(self._show_definition)
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(self.figures_view, 1)
        overview_layout.addWidget(self.figure_help)

        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("概览"))
        self.pages = {}
        for spec in CHART_SPECS:
            page = ChartPage(spec)
            self.pages[spec.key] = page
            self.tabs.addTab(page, core(spec.title))
        self._add_rfm_controls(self.pages["rfm"])
        self._add_staff_table(self.pages["staff"])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.resize(1280, 720)
        self.reload()

    # -- RFM thresholds and the staff table live under their charts
    def _add_rfm_controls(self, page: ChartPage) -> None:
        t = self.thresholds
        self.rfm_window = units.CountedSpinBox(units.MONTHS)
        self.rfm_window.setRange(1, 36)
        self.rfm_window.setValue(t.window_months)
        self.rfm_recency = QLineEdit(",".join(map(str, t.recency_days)))
        self.rfm_frequency = QLineEdit(",".join(map(str, t.frequency)))
        self.rfm_money = QLineEdit(",".join(str(v // 100) for v in t.money_fen))
        self.rfm_apply = QPushButton(self.tr("按新阈值分群"))
        self.rfm_apply.clicked.connect(self.apply_thresholds)
        form = QFormLayout()
        form.addRow(self.tr("统计期"), self.rfm_window)
        form.addRow(self.tr("R 最近消费天数（5/4/3/2分上限）"), self.rfm_recency)
        form.addRow(self.tr("F 消费次数（5/4/3/2分下限）"), self.rfm_frequency)
        form.addRow(self.tr("M 消费金额·元（5/4/3/2分下限）"), self.rfm_money)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.rfm_apply, 0, Qt.AlignmentFlag.AlignBottom)
        page.layout_.addLayout(row)

    def _add_staff_table(self, page: ChartPage) -> None:
        self.staff_model = RowsTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "店员"), lambda s: s.name),
            Column(QT_TRANSLATE_NOOP("Columns", "专属会员"), lambda s: f"{s.members_owned:,}", align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "本月新登记"), lambda s: s.new_members, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "本月新增沉睡"), lambda s: s.newly_dormant, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "接待业绩（元）"), lambda s: yuan(s.served_fen), align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "专属分成（元）"), lambda s: yuan(s.owner_fen), align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "合计业绩（元）"), lambda s: yuan(s.credited_fen), align_right=True),
        ])
        self.staff_view = QTableView()
        self.staff_view.setModel(self.staff_model)
        self.staff_view.verticalHeader().hide()
        self.staff_view.setMaximumHeight(150)
        page.layout_.insertWidget(1, self.staff_view)

    def thresholds_from_form(self) -> RfmThresholds:
        money = _numbers(self.rfm_money.text(), 4, self.tr("M 消费金额"))
        return RfmThresholds(self.rfm_window.value(), _numbers(self.rfm_recency.text(), 4, self.tr("R 最近消费天数")),
                             _numbers(self.rfm_frequency.text(), 4, self.tr("F 消费次数")), tuple(v * 100 for v in money))

    def apply_thresholds(self) -> None:
        Read(self, self.thresholds_from_form).success(self._use_thresholds).run()

    def _use_thresholds(self, thresholds: RfmThresholds) -> None:
        self.thresholds = thresholds
        self.reload()

    # -- loading and drawing
    @property
    def month(self) -> Month:
        return self.month_picker.currentData()

    def reload(self) -> None:
        from pharmacy_desk.core.reports.report import build_report

        month, thresholds, token = self.month, self.thresholds, self._latest.next()
        self.status.setText(self.tr("正在统计 {month} ……").format(month=month))
        self._task = Op(self, lambda operator, progress: build_report(month, operator, rfm_thresholds=thresholds,
                                                                      progress=progress), operator=self.operator) \
            .success(lambda report: self._show(report, token)) \
            .run_in_background(self.tr("正在统计月度报表"), show_dialog=False)

    def _show(self, report, token: int) -> None:
        if not self._latest.is_current(token):
            return  # the owner picked another month or thresholds meanwhile; that report is on the way
        self.report = report
        self.figures_model.set_rows(report.figures.items())
        self.staff_model.set_rows(report.staff)
        for page in self.pages.values():
            page.draw(report)
        self.status.setText(self.tr("{month}：净销售额 {sales}，活跃会员 {members} 人", "", report.figures.active_members).format(
            month=report.month, sales=value_text("sales_net_fen", report.figures.sales_net_fen),
            members=f"{report.figures.active_members:,}"))

    def _show_definition(self, current, _previous) -> None:
        if current.isValid():
            self.figure_help.setText(tooltip(self.figures_model.row(current.row())[0]))

    # -- export
    def export(self, path: str, on_done=None) -> None:
        from pharmacy_desk.core.reports.workbook import write_workbook

        report = self.report
        self._task = Op(self, lambda operator, _progress: write_workbook(report, path, operator),
                        operator=self.operator) \
            .success(on_done or (lambda _: self.status.setText(self.tr("已导出：{path}").format(path=path)))) \
            .run_in_background(self.tr("正在导出Excel"))

    def ask_export(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出月度报表"),
                                              self.tr("月度报表-{month}.xlsx").format(month=self.report.month),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export(path)
