"""交班 and 日结 at the counter: one menu action closes the shift (or runs the day-end) and shows
the slip, to print on receipt paper or save as PDF. The figures come from ``core.shift`` and
``core.day_end``; the lines from ``core.shift_slip``.

日结 first asks which day: today, or a past day whose slip the owner prints again (the
arrows move a day, Enter runs it); a day to come cannot be picked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import operations
from pharmacy_desk.core.day_end import day_end
from pharmacy_desk.core.receipt import Receipt
from pharmacy_desk.core.shift import close_shift
from pharmacy_desk.core.shift_slip import day_end_slip, shift_slip
from pharmacy_desk.ui.inline import button_row
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.ui.receipt import ReceiptView
from pharmacy_desk.core.operator import Operator


# The titles ``core.shift_slip`` gives its slips, for the dialog's title bar in the windows' language.
SLIP_TITLES = (QT_TRANSLATE_NOOP("SlipDialog", "交班单"), QT_TRANSLATE_NOOP("SlipDialog", "日结报表"))


class SlipDialog(QDialog):
    """A slip shown as the printer will print it, with 打印 and 存为PDF."""

    def __init__(self, receipt: Receipt, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr(receipt.title))
        self.receipt = receipt
        self.view = ReceiptView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(self.view.text.width() + 40, 640)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.show_slip(self.receipt)  # the pane takes a slip only once it is on screen


class DayEdit(QDateEdit):
    """A date whose ↑ and ↓ move a day whenever it takes the focus (a date edit starts at the year)."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setCurrentSection(QDateTimeEdit.Section.DaySection)


class DayEndDialog(QDialog):
    """Which day to close: today unless the owner picks a past one, never a day to come."""

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("日结"))
        self.date = DayEdit(QDate(today.year, today.month, today.day))
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))  # nothing to close yet
        hint = QLabel(self.tr("↑↓ 换一天（过去的日子可以补打），回车生成日结报表。"))
        hint.setWordWrap(True)
        self.run_button = QPushButton(self.tr("生成日结 (Enter)"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("日期(&D)"), self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(button_row(right=(self.run_button, cancel)))
        self.setMinimumWidth(420)  # the hint on two lines at most
        self.date.setFocus()

    def day(self) -> dt.date:
        picked = self.date.date()
        return dt.date(picked.year(), picked.month(), picked.day())


def ask_day_end(parent: QWidget, show) -> QDialog:
    """日结: ``show`` the dialog asking the day, then run the day-end of the day chosen."""
    dialog = DayEndDialog(operations.now().date(), parent)

    def chosen(accepted: bool) -> None:
        if accepted:
            run_day_end(parent, show, dialog.day())

    return show(dialog, chosen)


def close_shift_now(parent: QWidget, show) -> None:
    """交班: close the signed-in cashier's shift and ``show`` its slip dialog."""
    def close(operator: Operator) -> Receipt:
        return shift_slip(close_shift(operator))

    Op(parent, close).success(lambda slip: show(SlipDialog(slip, parent))).run()


def run_day_end(parent: QWidget, show, day: dt.date | None = None) -> None:
    """日结 of ``day`` (today), recorded, and ``show`` its report dialog."""
    def report(operator: Operator) -> Receipt:
        return day_end_slip(day_end(day or operations.now().date(), operator))

    Op(parent, report).success(lambda slip: show(SlipDialog(slip, parent))).run()
