"""Small editable tables of the settings pages: a fixed list of rows, an editor in each cell."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableWidget


def fixed_table(headers: tuple[str, ...]) -> QTableWidget:
    """A table with ``headers`` (declared ``QT_TRANSLATE_NOOP("Columns", …)``), shown translated."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([QCoreApplication.translate("Columns", header) for header in headers])
    table.verticalHeader().setVisible(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 6)
    return table


def fit_rows(table: QTableWidget) -> None:
    """Tall enough for every row: a page scrolls as a whole, not a table inside it."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setMinimumHeight(height + 2 * table.frameWidth() + 4)


def cell_line(text: str, on_edit) -> QLineEdit:
    line = QLineEdit(text)
    line.textEdited.connect(on_edit)
    return line
