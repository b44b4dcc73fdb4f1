"""导入会员: the wizard that migrates a legacy member list.

file → sheets, header rows and column mapping (``import_mapping``) → preview
(dry-run counts, what is left out and why, problem rows) → import with progress →
result with the error report. Reading, matching against the database and importing
run off the GUI thread through ``ui.operations``; every rule lives in ``core.spreadsheet``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWizard, QWizardPage,
)

from pharmacy_desk.core.spreadsheet.columns import HEADER_SCAN_ROWS, INFER_SAMPLE_ROWS
from pharmacy_desk.core.spreadsheet.layouts import Choices
from pharmacy_desk.core.vocabulary import ImportProblemKind
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import core, sentence
from pharmacy_desk.ui.import_mapping import MappingPage
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.core.operator import Operator

FILE_FILTER = QT_TRANSLATE_NOOP("FilePage", "电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)")
GROUPS_SHOWN = 5
# The mapping page recomputes a layout from these first rows of each sheet.
KEPT_ROWS = HEADER_SCAN_ROWS + INFER_SAMPLE_ROWS


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("选择会员名单文件"))
        self.setSubTitle(self.tr("支持 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）和 CSV 文件；所有工作表都会导入。"))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("文件路径"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        note = QLabel(self.tr("导入前会先预演：显示新增、合并、冲突和有误的行数，确认后才写入。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择会员名单"), "", self.tr(FILE_FILTER))
        if path:
            self.set_path(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        if self.owner.file_plan is not None and self.owner.file_plan.path == path:
            return True
        self.owner.load(path, advance=True)
        return False


def _row_text(problem) -> str:
    """The row's cells in one line, so the owner recognises the member."""
    cells = problem.source.values or ()
    text = " | ".join(str(v).strip() for v in cells if v not in (None, "") and str(v).strip())
    return text if len(text) <= 40 else text[:39] + "…"


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("导入预览"))
        self.setSubTitle(self.tr("以下是预演结果，还没有写入任何数据。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "工作表"), lambda p: p.source.sheet),
            Column(QT_TRANSLATE_NOOP("Columns", "行号"), lambda p: p.source.row_number, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "类型"), lambda p: core(ImportProblemKind.label_of(p.kind))),
            Column(QT_TRANSLATE_NOOP("Columns", "原内容"), _row_text, tooltip=_row_text),
            Column(QT_TRANSLATE_NOOP("Columns", "问题原因"), lambda p: sentence(p.reason), tooltip=lambda p: sentence(p.reason)),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.validity = units.CountedSpinBox(units.MONTHS)
        self.validity.setRange(1, 120)
        self.validity.valueChanged.connect(self._options_changed)
        self.keep_ids = QCheckBox(self.tr("保存身份证号（默认只用来补全生日和性别）"))
        self.keep_ids.toggled.connect(self._options_changed)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("期初积分有效期：导入后")))
        options.addWidget(self.validity)
        options.addSpacing(24)
        options.addWidget(self.keep_ids)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(QLabel(self.tr("有问题的行（不会导入，导入后可保存为错误报告，修改后再导入）：")))
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        options = self.owner.file_plan.options
        for widget, value in ((self.validity, options.validity_months), (self.keep_ids, options.keep_id_numbers)):
            widget.blockSignals(True)
            widget.setValue(value) if widget is self.validity else widget.setChecked(value)
            widget.blockSignals(False)
        self._show_summary()
        self.model.set_rows(self.owner.plan.problems)

    def _options_changed(self) -> None:
        """Both options are applied when the import is written: the preview only says them again."""
        options = self.owner.file_plan.options
        options.validity_months = self.validity.value()
        options.keep_id_numbers = self.keep_ids.isChecked()
        self._show_summary()

    def _show_summary(self) -> None:
        import datetime as dt

        from pharmacy_desk.core import settings
        from pharmacy_desk.core.spreadsheet.report import group_problems

        plan = self.owner.plan
        counts = plan.counts()
        text = self.tr("新增会员 <b>{new}</b> 人，合并到已有会员 <b>{merged}</b> 人，"
                       "冲突 <b>{conflicts}</b> 行，数据有误 <b>{rejected}</b> 行，"
                       "跳过空行和合计行 {skipped} 行；期初积分共 <b>{points}</b> 分。").format(
            points=plan.opening_points, **counts)
        text += "<br>" + self._opening(plan, dt.date.today(), settings.get("redeem_blocks"))
        if plan.already_imported:
            text += "<br><b>" + self.tr("这个文件已经导入过，再次导入不会有任何改动。") + "</b>"
        for notice in plan.file.notices:
            text += f"<br>{sentence(notice)}"
        for group in group_problems(plan.problems)[:GROUPS_SHOWN]:
            text += "<br>· " + self.tr("{reason}：%n 行", "", len(group.rows)).format(reason=sentence(group.said))
        self.summary.setText(text)


    def _opening(self, plan, today, blocks) -> str:
        """``plan.describe_opening`` in the windows' language."""
        from pharmacy_desk.core.normalize import yuan

        if not plan.opening_points:
            return self.tr("没有期初积分。")
        return self.tr("期初积分共 {points} 分，可抵现约 {amount} 元；有效期至 {until}（导入后 %n 个月，可以修改）。", "",
                       plan.file.options.validity_months).format(
            points=f"{plan.opening_points:,}", amount=yuan(plan.opening_cash_fen(blocks)),
            until=f"{plan.opening_expiry(today):%Y-%m-%d}")


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("导入"))
        self.setSubTitle(self.tr("点击“开始导入”写入数据。导入分批写入，收银台照常收银；中途取消时已写入的会员连同积分都完整保留，"
                                 "再次导入同一个文件会接着完成。"))
        self.start = QPushButton(self.tr("开始导入"))
        self.start.clicked.connect(self.owner.commit)
        self.status = QLabel(self.tr("尚未导入。"))
        self.setCommitPage(True)  # once imported, going back would only confuse
        layout = QVBoxLayout(self)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.owner.result is not None


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("导入完成"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save = QPushButton(self.tr("保存错误报告…"))
        # Enter finishes the wizard (完成 is the default) even when the focus is here: a report is
        # asked for by a click, not by the Enter after the import (and a scan's digits after it).
        self.save.setAutoDefault(False)
        self.save.clicked.connect(self._save)
        self.saved = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.owner.result
        problems = len(result.plan.problems)
        if result.already_imported:
            text = self.tr("这个文件以前已经导入过，本次没有任何改动。")
        else:
            text = self.tr("新增 {created} 位会员，补充了 {updated} 位已有会员的资料，"
                           "{balances} 位会员录入期初积分共 {points} 分。").format(
                created=result.created, updated=result.updated, balances=result.balances, points=result.points)
        text += "<br>" + (self.tr("%n 行没有导入。", "", problems) if problems else self.tr("所有行都已导入。"))
        self.summary.setText(text)
        self.save.setEnabled(problems > 0)

    def _save(self) -> None:
        source = self.owner.file_plan.path
        default = str(source.with_name(self.tr("{name}_错误报告.xlsx").format(name=source.stem)))
        from pharmacy_desk.ui.export_menu import ask_workbook_path

        path = ask_workbook_path(self, self.tr("保存错误报告"), default)
        if path:
            self.save_report(path)

    def save_report(self, path: str | Path) -> None:
        from pharmacy_desk.core.spreadsheet.report import write_error_report

        count = write_error_report(self.owner.result.plan, path, core)  # in the language the wizard speaks
        self.saved.setText(self.tr("已保存 %n 行到 {path}", "", count).format(path=path))


class ImportWizard(QWizard):
    """导入会员…: ``ImportWizard(operator, parent)``."""

    def __init__(self, operator: Operator, parent=None):
        super().__init__(parent)
        self.operator = operator
        self.setWindowTitle(self.tr("导入会员"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("下一步 >"))
        self.resize(900, 600)
        self.file_plan = None
        self.plan = None
        self.result = None
        self.sheet_rows: dict[str, list[list[object]]] = {}
        self.chosen = Choices()  # what the owner chose for the plan in ``file_plan``
        self.task = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page, self.result_page):
            self.addPage(page)

    def load(self, path: Path, *, advance: bool, choices=None) -> None:
        """Read, plan and match the file off the GUI thread; then go to the next page."""
        from pharmacy_desk.core.spreadsheet import remembered
        from pharmacy_desk.core.spreadsheet.plan import fill_problem_cells, match_database, read_plan
        from pharmacy_desk.core.spreadsheet.reading import read_file

        chosen = choices or Choices()

        def work(progress):
            sheets = read_file(path)
            chosen.remembered = remembered.load()
            file_plan = read_plan(path, choices=chosen, progress=progress, sheets=sheets, against_members=True)
            progress(0, 0, QCoreApplication.translate("ImportWizard", "正在与已有会员核对……"))
            plan = match_database(file_plan)
            fill_problem_cells(plan)  # the conflicts' cells, shown in the preview
            return file_plan, plan, {sheet.name: list(sheet.rows[:KEPT_ROWS]) for sheet in sheets}

        def done(outcome):
            self.file_plan, self.plan, self.sheet_rows = outcome
            self.chosen = chosen
            if advance:
                self.next()

        self.task = Read(self, work).success(done).run_in_background(self.tr("正在读取文件"))

    def commit(self) -> None:
        from pharmacy_desk.core.spreadsheet.commit import commit_import

        file_plan = self.file_plan
        self.import_page.start.setEnabled(False)
        self.import_page.status.setText(self.tr("正在导入……"))

        def done(result):
            self.result = result
            self.import_page.status.setText(self.tr("导入完成。"))
            self.import_page.completeChanged.emit()
            self.next()

        self.task = Op(self, lambda operator, progress: commit_import(file_plan, operator, progress=progress),
                       operator=self.operator) \
            .success(done) \
            .after_failure(lambda _error: self._import_failed()) \
            .run_in_background(self.tr("正在导入会员"))

    def _import_failed(self) -> None:
        self.import_page.start.setEnabled(True)
        self.import_page.status.setText(self.tr("导入没有完成，没有写入任何数据。"))
