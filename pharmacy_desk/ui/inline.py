"""Small widgets the counter dialogs share: an inline message line, a read-only table view, a row
of action buttons, a titled box of parts, a line edit with its hint and a choice among a vocabulary's
codes.

A queue does not wait for modal boxes: expected problems are shown in a line inside
the dialog, worded by ``messages.user_message`` (the one place that words errors)
and handed over by ``ui.operations``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLayout, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from pharmacy_desk.core.vocabulary import Vocabulary
from pharmacy_desk.ui.i18n import core

_STYLES = {"error": "color: #b00020;", "warning": "color: #8a4b00; font-weight: bold;", "ok": "color: #1b5e20;", "info": ""}


class InlineMessage(QLabel):
    """One line (wrapping) under a form: red for a refusal, green for what was done, amber for done otherwise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.kind = "info"
        self.hide()

    def _show(self, text: str, kind: str) -> None:
        if text:  # to be copied: made selectable when it says something, after the first paint (ui/first_paint.py)
            from PySide6.QtCore import Qt

            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = kind
        self.setStyleSheet(_STYLES[kind])
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            _make_room(self.window())

    def refused(self, text: str) -> None:
        """A refusal already worded by ``messages.user_message`` (``Op.failure`` hands it over)."""
        self._show(text, "error")

    def ok(self, text: str) -> None:
        self._show(text, "ok")

    def warn(self, text: str) -> None:
        """Done, but not as asked (a backup kept in the data folder because the stick was out)."""
        self._show(text, "warning")

    def info(self, text: str) -> None:
        self._show(text, "info")

    def clear_message(self) -> None:
        self._show("", "info")


def _make_room(window: QWidget) -> None:
    """A dialog grows to show a message that appeared in it (wrapped, English runs to more lines
    than Chinese); the main window and a dialog already big enough keep their size."""
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    layout.invalidate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


def table_view(model, parent: QWidget | None = None, *, stretch_column: int | None = None) -> QTableView:
    """A read-only, row-selecting table over one of our models, sized to its contents."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # The arrows move in the list; Tab goes on to the next control (a table's own Tab goes from
    # cell to cell and wraps round, so the keyboard could never leave it).
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    # Compact rows: a counter screen at 1366×768 should show a month of history without scrolling.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def date_text(value) -> str:
    return "" if value is None else f"{value:%Y-%m-%d}"


def time_text(value) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def action_button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A button that runs ``slot`` when clicked, and is never pressed by Enter typed in a field of its form."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


def button_row(*widgets: QWidget, right: tuple[QWidget, ...] = ()) -> QHBoxLayout:
    """``widgets`` side by side from the left and ``right`` at the right, the space between left empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


def titled_box(title: str, *parts: QWidget | QLayout) -> QGroupBox:
    """``parts`` (widgets and layouts) one above the other in a box headed ``title``."""
    box = QGroupBox(title)
    inner = QVBoxLayout(box)
    for part in parts:
        if isinstance(part, QLayout):
            inner.addLayout(part)
        else:
            inner.addWidget(part)
    return box


def code_box(kind: type[Vocabulary]) -> QComboBox:
    """A choice among ``kind``'s stored codes (the items' data), each shown as its label in the windows' language."""
    box = QComboBox()
    for label, code in kind.choices():
        box.addItem(core(label), code)
    return box


def hinted_line(hint: str) -> QLineEdit:
    """An empty line edit that shows ``hint`` (what to type, an example) until something is typed."""
    line = QLineEdit()
    line.setPlaceholderText(hint)
    return line
