"""小票 on screen after each sale, printed on a 58/80 mm receipt printer or saved as PDF.

What the receipt says comes from ``core.receipt``; here it is only laid out: the
screen shows it as the printer would (fixed columns), the printer draws each line
with the amount flush right at the paper's width. The receipt is the customer's paper and
stays Chinese in the English windows (``core.receipt`` says why); the pane's buttons follow
the windows' language.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import paths
from pharmacy_desk.core import receipt as receipt_core
from pharmacy_desk.core.receipt import RULE, Receipt
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.ui import pdf_output, preferences
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.fonts import CJK_FAMILIES
from pharmacy_desk.ui.operations import Read

MARGIN_MM = 2.0
PDF_DPI = 1200  # what a QPrinter in high resolution printing to a file used
FONT_PT = 8.0


def paper_mm() -> int:
    value = preferences.get(preferences.RECEIPT_PAPER_MM)
    return value if value in receipt_core.PAPER_COLUMNS else preferences.RECEIPT_PAPER_MM.default


def _mono_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamilies(["Noto Sans Mono CJK SC", "Sarasa Mono SC", "NSimSun", font.family(), *CJK_FAMILIES])
    return font


def page_layout(receipt: Receipt, width_mm: int) -> QPageLayout:
    """A roll-paper page as long as the receipt needs."""
    # about 4 mm a line at 8 pt, plus the title and margins
    height = (len(receipt.lines) + 3) * 4.2 + 2 * MARGIN_MM
    size = QPageSize(QSizeF(width_mm, height), QPageSize.Unit.Millimeter, f"{width_mm}mm小票")
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def make_printer(receipt: Receipt, width_mm: int):
    """A QPrinter with a roll-paper page as long as the receipt needs."""
    from PySide6.QtPrintSupport import QPrinter  # print support is loaded only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(receipt, width_mm))
    return printer


def write_pdf(receipt: Receipt, width_mm: int, path: str) -> None:
    """The receipt as a PDF at ``path``; a folder that refuses it is a ``FileProblem`` (``ui/pdf_output.py``)."""
    def draw(writer) -> None:
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(receipt, width_mm))
        paint(receipt, writer)

    pdf_output.write_pdf(path, draw, title=receipt.title)


def paint(receipt: Receipt, printer) -> None:
    """Draw the receipt onto the printer's page: title centred, amounts flush right."""
    painter = QPainter(printer)
    try:
        font = QFont()
        font.setFamilies(CJK_FAMILIES)
        font.setPointSizeF(FONT_PT)
        painter.setFont(font)
        width = printer.pageLayout().paintRectPixels(printer.resolution()).width()
        step = painter.fontMetrics().lineSpacing()
        y = 0
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(0, y, width, step, Qt.AlignmentFlag.AlignHCenter, receipt.title)
        y += step * 3 // 2
        for line in receipt.lines:
            painter.setFont(bold if line.bold else font)
            if line.left == RULE:
                painter.drawLine(0, y + step // 2, width, y + step // 2)
            else:
                painter.drawText(0, y, width, step, Qt.AlignmentFlag.AlignLeft, line.left)
                if line.right:
                    painter.drawText(0, y, width, step, Qt.AlignmentFlag.AlignRight, line.right)
            y += step
    finally:
        painter.end()


class ReceiptView(QWidget):
    """The last sale's receipt, with 打印 (Ctrl+P) and 存为PDF."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.receipt: Receipt | None = None
        self.sale_id: int | None = None
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(_mono_font())
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setPlaceholderText(self.tr("记账后在这里显示小票。"))
        self.paper = QComboBox()
        for mm in receipt_core.PAPER_COLUMNS:
            self.paper.addItem(f"{mm} mm", mm)
        self.paper.setCurrentIndex(self.paper.findData(paper_mm()))
        self.paper.currentIndexChanged.connect(self._paper_changed)
        self.print_button = QPushButton(self.tr("打印小票 (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button = QPushButton(self.tr("存为PDF"))
        self.pdf_button.clicked.connect(self.save_pdf)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("小票")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("纸宽")))
        head.addWidget(self.paper)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        # as wide as the widest paper's columns, so an 80 mm receipt is never wrapped
        columns = max(receipt_core.PAPER_COLUMNS.values())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFixedWidth(self.text.fontMetrics().horizontalAdvance("0" * columns) + 36)
        self._enable()
        events().changed.connect(self._data_changed)
        events().slip.connect(self.show_slip)

    def show_sale(self, sale_id: int) -> None:
        self.sale_id = sale_id
        self.receipt = receipt_core.build(sale_id)
        self._render()

    def clear(self) -> None:
        """Nothing to print: the database was replaced (a restore), and the sale shown may not be in it."""
        self.sale_id, self.receipt = None, None
        self.text.clear()
        self._enable()

    def show_slip(self, receipt: Receipt) -> None:
        """A return or redemption slip, printed and saved like a receipt."""
        if not self.isVisible():
            return  # a closed window's pane
        self.sale_id = None
        self.receipt = receipt
        self._render()

    def _data_changed(self, changes: Changes) -> None:
        if changes.sales and self.sale_id is not None and self.isVisible():
            self.show_sale(self.sale_id)  # a return since: the receipt says so

    def _render(self) -> None:
        if self.receipt is not None:
            self.text.setPlainText(receipt_core.as_text(self.receipt, receipt_core.PAPER_COLUMNS[paper_mm()]))
        self._enable()

    def _enable(self) -> None:
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.receipt is not None)

    def _paper_changed(self) -> None:
        preferences.put(preferences.RECEIPT_PAPER_MM, self.paper.currentData())
        self._render()

    def print_receipt(self) -> None:
        if self.receipt is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = make_printer(self.receipt, paper_mm())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印小票"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint(self.receipt, printer)

    def save_pdf(self, path: str | None = None) -> str | None:
        if self.receipt is None:
            return None
        if not path:
            suggested = str(paths.export_dir() / self.tr("小票_{number}.pdf").format(number=self.receipt.receipt_no))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("存为PDF"), suggested, "PDF (*.pdf)")
            if not path:
                return None
        receipt, width = self.receipt, paper_mm()
        return path if Read(self, lambda: write_pdf(receipt, width, path)).run() else None
