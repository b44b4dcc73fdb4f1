"""交班 and 日结 at the counter: one menu action closes the shift (or runs the day-end) and shows
the slip, to print on receipt paper or save as PDF. The figures come from ``core.shift`` and
``core.day_end``; the lines from ``core.shift_slip``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from pharmacy_desk.core import operations
from pharmacy_desk.core.day_end import day_end
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.receipt import Receipt
from pharmacy_desk.core.shift import close_shift
from pharmacy_desk.core.shift_slip import day_end_slip, shift_slip
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.ui.receipt import ReceiptView


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


def close_shift_now(parent: QWidget, show) -> None:
    """交班: close the signed-in cashier's shift and ``show`` its slip dialog."""
    def close(operator: Staff) -> Receipt:
        return shift_slip(close_shift(operator))

    Op(parent, close).success(lambda slip: show(SlipDialog(slip, parent))).run()


def run_day_end(parent: QWidget, show, day: dt.date | None = None) -> None:
    """日结 of ``day`` (today), recorded, and ``show`` its report dialog."""
    def report(operator: Staff) -> Receipt:
        return day_end_slip(day_end(day or operations.now().date(), operator))

    Op(parent, report).success(lambda slip: show(SlipDialog(slip, parent))).run()
