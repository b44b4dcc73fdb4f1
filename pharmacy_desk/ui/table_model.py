"""A read-only table model over rows produced by a core query.

Screens declare their columns once (title, how to get the text, alignment) and
hand the model a function that returns the rows; ``refresh()`` re-runs it. Never
fill a QTableWidget by hand. A title is shown translated in the context ``Columns``
(declare it as ``QT_TRANSLATE_NOOP("Columns", "姓名")`` so the catalogue finds it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

Index = QModelIndex | QPersistentModelIndex
COLUMNS_CONTEXT = "Columns"


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], Any]
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowsTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], fetch: Callable[[], Sequence[Any]] | None = None,
                 parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._rows: list[Any] = []
        if fetch is not None:
            self._rows = list(fetch())

    def set_fetch(self, fetch: Callable[[], Sequence[Any]]) -> None:
        self._fetch = fetch
        self.refresh()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        if self._fetch is not None:
            self.set_rows(self._fetch())

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(item)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return QCoreApplication.translate(COLUMNS_CONTEXT, self._columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def selected_row(view: QAbstractItemView, model: RowsTableModel) -> Any | None:
    """The row picked in ``view`` (over ``model``), or None when nothing is picked."""
    index = view.currentIndex()
    chosen = view.selectionModel().hasSelection()
    return model.row(index.row()) if chosen and index.isValid() else None


def select_row_of(view: QTableView, model: RowsTableModel, row_id: object) -> None:
    """Pick the row whose ``id`` is ``row_id``, if it is listed (after a reload, the row worked on)."""
    for index, row in enumerate(model.rows()):
        if row.id == row_id:
            view.selectRow(index)
