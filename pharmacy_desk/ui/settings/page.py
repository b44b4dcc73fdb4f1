"""The settings pages' common shape: a title, the declared fields of some groups, load and pending.

A page lists the declarations of its ``GROUPS`` (``core/setting_declarations.py``, in their
order); a page with rules kept in rows (the tier ladder, category rates) adds its own part
and extends ``load``, ``problems`` and ``pending``. ``TITLE`` and ``INTRO`` are declared with
``QT_TRANSLATE_NOOP("SettingsPage", …)`` and shown translated in that context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QLabel, QScrollArea, QSpinBox, QTableWidget, QVBoxLayout, QWidget,
)

from pharmacy_desk.core.owner_settings import Pending
from pharmacy_desk.core.setting_declarations import DECLARATIONS
from pharmacy_desk.ui import setting_text, units
from pharmacy_desk.ui.settings.fields import DeclaredField
from pharmacy_desk.ui.settings.tables import fit_rows, fixed_table

CONTEXT = "SettingsPage"
FROM_NOW_ON = QT_TRANSLATE_NOOP("SettingsPage", "保存后自下一笔销售起按新规则执行；已经记下的积分、券和等级不会重新计算。")


def translated(text: str) -> str:
    """A page's text in the windows' language (a subclass's ``self.tr`` would look in its own context)."""
    return QCoreApplication.translate(CONTEXT, text)


class SettingsPage(QWidget):
    """One page of the settings window."""

    NAME: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    GROUPS: ClassVar[tuple[str, ...]] = ()
    INTRO: ClassVar[str] = FROM_NOW_ON

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, DeclaredField] = {}
        self.form = QFormLayout()
        for declaration in DECLARATIONS:
            if declaration.group in self.GROUPS and not declaration.internal:
                field = DeclaredField(declaration)
                field.edited.connect(self.edited)
                self.fields[declaration.key] = field
                label = QLabel(setting_text.label(declaration))
                label.setBuddy(field.editor)
                self.form.addRow(label, field)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        intro = QLabel(translated(self.INTRO))
        intro.setWordWrap(True)
        self.body_layout.addWidget(intro)
        self.body_layout.addLayout(self.form)
        self.add_parts(self.body_layout)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def add_parts(self, layout: QVBoxLayout) -> None:
        """A page with more than declared settings adds its widgets here."""

    def load(self, values: dict[str, Any]) -> None:
        for key, field in self.fields.items():
            field.load(values[key])

    def problems(self) -> list[str]:
        return [field.problem for field in self.fields.values() if field.problem]

    def pending(self, into: Pending) -> None:
        """Add what this page would change to ``into`` (only called when there are no problems)."""
        for key, field in self.fields.items():
            changed, value = field.changed_value()
            if changed:
                into.settings[key] = value


class RowsPage(SettingsPage):
    """A page that also edits rules kept in rows (category rates, the tier ladder), checked as a whole
    while they are typed: what is wrong shows in red under them and keeps the window from saving."""

    rows_error: QLabel

    def add_rows(self, layout: QVBoxLayout, title: str, headers: tuple[str, ...], note: str = "") -> QTableWidget:
        """The box of the rows: their table under ``headers``, a ``note`` on how they work, and the red
        line for what is wrong with them (hidden while nothing is)."""
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        table = fixed_table(headers)
        inner.addWidget(table)
        if note:
            inner.addWidget(QLabel(note))
        self.rows_error = QLabel()
        self.rows_error.setWordWrap(True)
        self.rows_error.setStyleSheet("color: #b00020;")
        self.rows_error.hide()
        inner.addWidget(self.rows_error)
        layout.addWidget(box)
        self.rows_table = table
        return table

    def read_rows(self) -> Sequence[Any]:
        """The rules' rows as stored, one table row each (kept by the page, for ``pending``)."""
        return ()

    def row_cells(self, item: Any) -> dict[int, QWidget]:
        """The editors of one row, by column, each calling ``check_rows`` when edited."""
        return {}

    def count_cell(self, value: int, unit: str) -> QSpinBox:
        """A whole number from 0 to 1000 (points, visits) in a row, with its unit (``units.POINTS``)."""
        box = units.CountedSpinBox(unit)
        box.setRange(0, 1000)
        box.setValue(value)
        box.valueChanged.connect(self.check_rows)
        return box

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        rows = self.read_rows()
        self.rows_table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            for column, widget in self.row_cells(item).items():
                self.rows_table.setCellWidget(row, column, widget)
        self.rows_table.resizeColumnsToContents()
        fit_rows(self.rows_table)
        self.check_rows()

    def rows_problem(self) -> str:
        """What is wrong with the rows as typed, in one sentence; "" when nothing is."""
        return ""

    def check_rows(self, *_args) -> None:
        problem = self.rows_problem()
        self.rows_error.setText(problem)
        self.rows_error.setVisible(bool(problem))
        self.edited.emit()

    def problems(self) -> list[str]:
        return super().problems() + ([p] if (p := self.rows_problem()) else [])
