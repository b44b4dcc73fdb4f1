"""导入会员: the wizard that migrates a legacy member list.

file → column mapping → preview (dry-run counts, problem rows) → import with
progress → result with the error report. Reading and importing run off the GUI
thread through ``ui.operations``; every rule lives in ``core.spreadsheet``.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWizard, QWizardPage,
)

from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.spreadsheet.columns import FIELDS
from pharmacy_desk.core.vocabulary import ImportProblemKind
from pharmacy_desk.ui import preferences
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.ui.operations import Op, Read

FILE_FILTER = "电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)"


def remembered_mapping(signature: str) -> dict[int, str] | None:
    text = preferences.import_mappings().value(signature)
    return {int(k): v for k, v in json.loads(text).items()} if text else None


def remember_mapping(signature: str, mapping: dict[int, str]) -> None:
    settings = preferences.import_mappings()
    settings.setValue(signature, json.dumps({str(k): v for k, v in mapping.items()}))
    settings.sync()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle("选择会员名单文件")
        self.setSubTitle("支持 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）和 CSV 文件；所有工作表都会导入。")
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("文件路径")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        note = QLabel("导入前会先预演：显示新增、合并、冲突和有误的行数，确认后才写入。")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择会员名单", "", FILE_FILTER)
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


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle("核对列的对应关系")
        self.setSubTitle("每一列导入为哪一项，可以在右侧修改；修改会被记住，下次遇到同样的表头自动使用。")
        self.model = RowsTableModel([
            Column("工作表", lambda r: r["sheet"]),
            Column("表格中的列名", lambda r: r["header"]),
            Column("示例", lambda r: r["sample"]),
            Column("导入为", lambda r: FIELDS[r["field"]]),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        rows = []
        for item in self.owner.file_plan.sheets:
            layout = item.layout
            if layout is None:
                continue
            sheet_rows = self.owner.sheet_rows.get(item.name, [])
            sample_row = sheet_rows[layout.header_row + 1] if len(sheet_rows) > layout.header_row + 1 else []
            for column, header in enumerate(layout.headers):
                if not header:
                    continue
                sample = sample_row[column] if column < len(sample_row) else ""
                rows.append({"sheet": item.name, "signature": layout.signature, "column": column,
                             "header": header, "sample": "" if sample is None else str(sample),
                             "field": layout.mapping.get(column, "")})
        self.model.set_rows(rows)
        self.combos = []
        for index, row in enumerate(rows):
            combo = QComboBox()
            for key, title in FIELDS.items():
                combo.addItem(title, key)
            combo.setCurrentIndex(list(FIELDS).index(row["field"]))
            combo.currentIndexChanged.connect(lambda _=0, i=index: self._changed(i))
            self.view.setIndexWidget(self.model.index(index, 3), combo)
            self.combos.append(combo)

    def _changed(self, index: int) -> None:
        self.model.row(index)["field"] = self.combos[index].currentData()

    def mappings(self) -> dict[str, dict[int, str]]:
        """Signature → column → field, as chosen on screen (a field taken by one column only)."""
        result: dict[str, dict[int, str]] = {}
        for row in self.model.rows():
            chosen = result.setdefault(row["signature"], {})
            if row["field"] and row["field"] not in chosen.values():
                chosen[row["column"]] = row["field"]
        return result

    def validatePage(self) -> bool:
        chosen = self.mappings()
        used = {item.layout.signature: item.layout.mapping for item in self.owner.file_plan.sheets
                if item.layout is not None}
        if chosen == used:
            return True
        for signature, mapping in chosen.items():
            remember_mapping(signature, mapping)
        self.owner.load(self.owner.file_plan.path, advance=True, mappings=chosen)
        return False


def _row_text(problem) -> str:
    """The row's cells in one line, so the owner recognises the member."""
    text = " | ".join(str(v).strip() for v in problem.source.values if v not in (None, "") and str(v).strip())
    return text if len(text) <= 40 else text[:39] + "…"


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle("导入预览")
        self.setSubTitle("以下是预演结果，还没有写入任何数据。")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsTableModel([
            Column("工作表", lambda p: p.source.sheet),
            Column("行号", lambda p: p.source.row_number, align_right=True),
            Column("类型", lambda p: ImportProblemKind.label_of(p.kind)),
            Column("原内容", _row_text, tooltip=_row_text),
            Column("问题原因", lambda p: p.reason, tooltip=lambda p: p.reason),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("有问题的行（不会导入，导入后可保存为错误报告，修改后再导入）："))
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        plan = self.owner.plan
        counts = plan.counts()
        text = (f"新增会员 <b>{counts['new']}</b> 人，合并到已有会员 <b>{counts['merged']}</b> 人，"
                f"冲突 <b>{counts['conflicts']}</b> 行，数据有误 <b>{counts['rejected']}</b> 行，"
                f"跳过空行和合计行 {counts['skipped']} 行；期初积分共 <b>{plan.opening_points}</b> 分。")
        if plan.already_imported:
            text += "<br><b>这个文件已经导入过，再次导入不会有任何改动。</b>"
        self.summary.setText(text)
        self.model.set_rows(plan.problems)


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle("导入")
        self.setSubTitle("点击“开始导入”写入数据；整个导入是一次完成的，中途取消不会留下一半的数据。")
        self.start = QPushButton("开始导入")
        self.start.clicked.connect(self.owner.commit)
        self.status = QLabel("尚未导入。")
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
        self.setTitle("导入完成")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save = QPushButton("保存错误报告…")
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
            text = "这个文件以前已经导入过，本次没有任何改动。"
        else:
            text = (f"新增 {result.created} 位会员，补充了 {result.updated} 位已有会员的资料，"
                    f"{result.balances} 位会员录入期初积分共 {result.points} 分。")
        text += f"<br>{problems} 行没有导入。" if problems else "<br>所有行都已导入。"
        self.summary.setText(text)
        self.save.setEnabled(problems > 0)

    def _save(self) -> None:
        default = str(self.owner.file_plan.path.with_name(self.owner.file_plan.path.stem + "_错误报告.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, "保存错误报告", default, "Excel 工作簿 (*.xlsx)")
        if path:
            self.save_report(path)

    def save_report(self, path: str | Path) -> None:
        from pharmacy_desk.core.spreadsheet.report import write_error_report

        count = write_error_report(self.owner.result.plan, path)
        self.saved.setText(f"已保存 {count} 行到 {path}")


class ImportWizard(QWizard):
    """导入会员…: ``ImportWizard(operator, parent)``."""

    def __init__(self, operator: Staff, parent=None):
        super().__init__(parent)
        self.operator = operator
        self.setWindowTitle("导入会员")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步 >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步")
        self.setButtonText(QWizard.WizardButton.FinishButton, "完成")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.setButtonText(QWizard.WizardButton.CommitButton, "下一步 >")
        self.resize(900, 600)
        self.file_plan = None
        self.plan = None
        self.result = None
        self.sheet_rows: dict[str, list[list[object]]] = {}
        self.task = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page, self.result_page):
            self.addPage(page)

    def load(self, path: Path, *, advance: bool, mappings: dict | None = None) -> None:
        """Read and plan the file off the GUI thread; then go to the next page."""
        from pharmacy_desk.core.spreadsheet.columns import find_layout
        from pharmacy_desk.core.spreadsheet.plan import read_plan
        from pharmacy_desk.core.spreadsheet.reading import read_file

        def work(progress):
            sheets = read_file(path)
            chosen = dict(mappings or {})
            if mappings is None:  # first read: apply mappings remembered for these headers
                for sheet in sheets:
                    layout = find_layout(sheet.rows)
                    remembered = remembered_mapping(layout.signature) if layout is not None else None
                    if remembered:
                        chosen[layout.signature] = remembered
            plan = read_plan(path, mappings=chosen, progress=progress, sheets=sheets)
            return plan, {sheet.name: sheet.rows[:60] for sheet in sheets}

        def done(outcome):
            from pharmacy_desk.core.spreadsheet.plan import match_database

            self.file_plan, self.sheet_rows = outcome
            self.plan = match_database(self.file_plan)
            if advance:
                self.next()

        self.task = Read(self, work).success(done).run_in_background("正在读取文件")

    def commit(self) -> None:
        from pharmacy_desk.core.spreadsheet.commit import commit_import

        file_plan = self.file_plan
        self.import_page.start.setEnabled(False)
        self.import_page.status.setText("正在导入……")

        def done(result):
            self.result = result
            self.import_page.status.setText("导入完成。")
            self.import_page.completeChanged.emit()
            self.next()

        self.task = Op(self, lambda operator, progress: commit_import(file_plan, operator, progress=progress),
                       operator=self.operator) \
            .success(done) \
            .after_failure(lambda _error: self._import_failed()) \
            .run_in_background("正在导入会员")

    def _import_failed(self) -> None:
        self.import_page.start.setEnabled(True)
        self.import_page.status.setText("导入没有完成，没有写入任何数据。")
