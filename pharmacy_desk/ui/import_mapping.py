"""核对列的对应关系: the wizard page where the owner says which sheet, header row and column is which.

Every sheet of the file is listed, imported or not (with the reason), and for any
of them the owner can pick the header row (or 没有表头) and the field of every
column; the layout on screen is recomputed from the sheet's first rows by the
core (``columns.layout_at``), so what is shown is what the import will read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QVBoxLayout, QWizardPage,
)

from pharmacy_desk.core.spreadsheet.columns import FIELDS, HEADER_SCAN_ROWS, Layout, column_letters, layout_at
from pharmacy_desk.core.spreadsheet.layouts import Choices, SheetChoice, SheetLayout
from pharmacy_desk.ui import i18n
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.table_model import Column, RowsTableModel

if TYPE_CHECKING:
    from pharmacy_desk.ui.import_wizard import ImportWizard

MAX_SHOWN_COLUMNS = 200


class FieldCombo(QComboBox):
    """A field chooser that a mouse wheel rolling over the table does not change.

    Only a combo the owner clicked into (it has the focus) takes the wheel; any other
    passes it on, so the table scrolls instead of 姓名 silently becoming 办卡日期.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for key, title in FIELDS.items():
            self.addItem(core(title), key)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


@dataclass
class SheetState:
    """A sheet as the page shows it: the chosen header row (None: as guessed) and mapping."""

    item: SheetLayout
    header_row: int | None
    layout: Layout | None
    use: bool
    touched: bool = False
    mapping: dict[int, str] = field(default_factory=dict)


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("核对列的对应关系"))
        self.setSubTitle(self.tr("每张表从哪一行开始、每一列导入为哪一项，都可以修改；修改会被记住，"
                                 "下次遇到同样的表头自动使用。"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(self._show_sheet)
        self.use_sheet = QCheckBox(self.tr("导入这张表"))
        self.use_sheet.toggled.connect(self._use_toggled)
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, HEADER_SCAN_ROWS)
        self.header_spin.setSpecialValueText(self.tr("没有表头"))
        self.header_spin.setPrefix(self.tr("第 "))
        self.header_spin.setSuffix(self.tr(" 行"))
        self.header_spin.valueChanged.connect(self._header_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = RowsTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "列"), lambda r: r["letter"]),
            Column(QT_TRANSLATE_NOOP("Columns", "表格中的列名"), lambda r: r["header"]),
            Column(QT_TRANSLATE_NOOP("Columns", "示例"), lambda r: r["sample"]),
            Column(QT_TRANSLATE_NOOP("Columns", "导入为"), lambda r: core(FIELDS[r["field"]])),
        ], parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("工作表：")))
        top.addWidget(self.sheet_combo, 1)
        top.addWidget(self.use_sheet)
        top.addWidget(QLabel(self.tr("表头在：")))
        top.addWidget(self.header_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.combos: list[FieldCombo] = []
        self.states: list[SheetState] = []
        self._filling = False

    # -- what the plan used -------------------------------------------------------------------

    def initializePage(self) -> None:
        self.states = []
        for item in self.owner.file_plan.sheets:
            layout = item.layout
            state = SheetState(item, None, layout, item.imported)
            state.mapping = dict(layout.mapping) if layout is not None else {}
            self.states.append(state)
        self._filling = True
        self.sheet_combo.clear()
        for state in self.states:
            self.sheet_combo.addItem(self._sheet_title(state))
        self._filling = False
        first = next((i for i, s in enumerate(self.states) if s.use), 0)
        self.sheet_combo.setCurrentIndex(first)
        self._show_sheet(first)

    def _sheet_title(self, state: SheetState) -> str:
        if state.use:
            return self.tr("{sheet}（导入）").format(sheet=state.item.name)
        return self.tr("{sheet}（未导入）").format(sheet=state.item.name)

    @property
    def current(self) -> SheetState:
        return self.states[self.sheet_combo.currentIndex()]

    # -- showing one sheet ------------------------------------------------------------------

    def _rows_of(self, state: SheetState) -> list[list[object]]:
        return self.owner.sheet_rows.get(state.item.name, [])

    def _show_sheet(self, index: int) -> None:
        if self._filling or not 0 <= index < len(self.states):
            return
        state = self.states[index]
        self._filling = True
        self.use_sheet.setChecked(state.use)
        layout = state.layout
        self.header_spin.setValue(layout.header_row + 1 if layout is not None and layout.headers else 0)
        self._filling = False
        self._fill_columns(state)

    def _fill_columns(self, state: SheetState) -> None:
        layout = state.layout
        rows = self._rows_of(state)
        header_row = layout.header_row if layout is not None else -1
        headers = layout.headers if layout is not None else []
        width = min(max([len(headers)] + [len(r) for r in rows[max(header_row, 0):header_row + 30]]),
                    MAX_SHOWN_COLUMNS)
        sample_row = rows[header_row + 1] if 0 <= header_row + 1 < len(rows) else []
        table = []
        for column in range(width):
            header = headers[column] if column < len(headers) else ""
            sample = sample_row[column] if column < len(sample_row) else None
            table.append({"column": column, "letter": column_letters(column), "header": header,
                          "sample": "" if sample is None else str(sample),
                          "field": state.mapping.get(column, "")})
        self.model.set_rows(table)
        self.combos = []
        for index, row in enumerate(table):
            combo = FieldCombo()
            combo.setCurrentIndex(list(FIELDS).index(row["field"]))
            combo.currentIndexChanged.connect(lambda _=0, i=index: self._field_changed(i))
            self.view.setIndexWidget(self.model.index(index, 3), combo)
            self.combos.append(combo)
        self._show_status(state)

    def _show_status(self, state: SheetState) -> None:
        item = state.item
        lines = []
        if item.skipped and not state.touched:
            lines.append(self.tr("这张表没有导入：{reason}。可以指定表头和各列后勾选“导入这张表”。").format(reason=i18n.sentence(item.skipped)))
        if state.layout is not None and state.layout.inferred and not state.touched:
            guessed = self.tr("、").join(column_letters(c) for c in sorted(state.layout.inferred))
            lines.append(self.tr("第 {columns} 列是按内容推断的，请核对。", "", len(state.layout.inferred)).format(columns=guessed))
        missing = [core(FIELDS[f]) for f in ("name", "phone") if f not in state.mapping.values()]
        if state.use and missing:
            lines.append(self.tr("还需要指定：{fields}。").format(fields=self.tr("、").join(missing)))
        self.status.setText("<br>".join(lines))

    # -- the owner's changes ----------------------------------------------------------------

    def _header_changed(self, value: int) -> None:
        if self._filling:
            return
        state = self.current
        state.header_row = value - 1
        state.layout = layout_at(self._rows_of(state), value - 1)
        state.mapping = dict(state.layout.mapping)
        self._touch(state)
        self._fill_columns(state)

    def _field_changed(self, index: int) -> None:
        state = self.current
        row = self.model.row(index)
        chosen = self.combos[index].currentData()
        row["field"] = chosen
        if chosen:  # one column per field: the column that had it gives it up
            for other, combo in enumerate(self.combos):
                if other != index and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(""))
                    combo.blockSignals(False)
                    self.model.row(other)["field"] = ""
        state.mapping = {r["column"]: r["field"] for r in self.model.rows() if r["field"]}
        self._touch(state)
        self._show_status(state)

    def _use_toggled(self, checked: bool) -> None:
        if self._filling:
            return
        state = self.current
        state.use = checked
        state.touched = True
        self._show_status(state)
        self.sheet_combo.setItemText(self.sheet_combo.currentIndex(), self._sheet_title(state))

    def _touch(self, state: SheetState) -> None:
        state.touched = True
        if not state.use:
            state.use = True
            self._filling = True
            self.use_sheet.setChecked(True)
            self._filling = False
            self.sheet_combo.setItemText(self.sheet_combo.currentIndex(), self._sheet_title(state))

    # -- leaving the page ---------------------------------------------------------------------

    def choices(self) -> Choices:
        """The sheets, header rows and mappings as chosen on screen (the guesses where untouched)."""
        chosen = Choices()
        for state in self.states:
            if not state.touched:
                if state.item.imported and state.layout is not None:
                    chosen.sheets[state.item.name] = SheetChoice(
                        header_row=state.header_row, mapping=dict(state.mapping))
                else:
                    chosen.sheets[state.item.name] = SheetChoice(skip=True)
                continue
            chosen.sheets[state.item.name] = SheetChoice(
                header_row=state.header_row, mapping=dict(state.mapping), skip=not state.use)
        return chosen

    def _unchanged(self) -> bool:
        return not any(state.touched for state in self.states)

    def validatePage(self) -> bool:
        lacking = [s for s in self.states if s.use and s.touched
                   and not {"name", "phone"} <= set(s.mapping.values())]
        if lacking:
            self.sheet_combo.setCurrentIndex(self.states.index(lacking[0]))
            return False
        if self._unchanged() or self.choices().sheets == self.owner.chosen.sheets:
            if not any(state.use for state in self.states):
                self.status.setText(self.tr("没有要导入的工作表：请选择一张表，指定表头和姓名、手机号列。"))
                return False
            return True
        from pharmacy_desk.core.spreadsheet import remembered

        for state in self.states:
            if state.touched and state.use and state.layout is not None and state.layout.headers:
                remembered.remember(state.layout.signature, state.mapping)
        self.owner.load(self.owner.file_plan.path, advance=True, choices=self.choices())
        return False
