"""会员卡 painted with Qt: one card a page for a card printer, or A4 sheets of cards to cut.

The layout (what a card says, the bars, where each card sits) is ``core.cards``; here
it is drawn, in millimetres scaled to the device's own pixels, onto a ``QPdfWriter``, a
``QPrinter`` or a ``QImage`` — the same painting for each, so what a test decodes from an
image is what the printer prints. Bars are whole device pixels wide, so no bar is blurred
into its neighbour at any resolution.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter, QPen,
)

from pharmacy_desk.core.cards import (
    A4_SHEET, CARD_HEIGHT_MM, CARD_WIDTH_MM, MemberCard, SheetLayout,
)
from pharmacy_desk.ui.fonts import CJK_FAMILIES, register_bundled_fonts
from pharmacy_desk.ui.pdf_output import write_pdf

BAND_COLOUR = QColor("#2f6f9f")
BORDER_COLOUR = QColor("#b0b0b0")
PDF_DPI = 600
CARD_PAGE = QPageSize(QSizeF(CARD_WIDTH_MM, CARD_HEIGHT_MM), QPageSize.Unit.Millimeter, "会员卡 ID-1")


def _font(height_mm: float, px_per_mm: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPixelSize(max(1, round(height_mm * px_per_mm)))
    font.setBold(bold)
    return font


def paint_card(painter: QPainter, card: MemberCard, x_mm: float, y_mm: float, px_per_mm: float) -> None:
    """Draw one card with its top-left corner at (x_mm, y_mm) of the page."""
    def mm(value: float) -> float:
        return value * px_per_mm

    left, top, width, height = mm(x_mm), mm(y_mm), mm(CARD_WIDTH_MM), mm(CARD_HEIGHT_MM)
    painter.save()
    painter.setPen(QPen(BORDER_COLOUR, mm(0.2)))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRoundedRect(QRectF(left, top, width, height), mm(3), mm(3))
    # the band with the pharmacy's name
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BAND_COLOUR)
    painter.drawRect(QRectF(left + mm(0.2), top + mm(4), width - mm(0.4), mm(10)))
    painter.setPen(Qt.GlobalColor.white)
    painter.setFont(_font(4.2, px_per_mm, bold=True))
    band = QRectF(left + mm(4), top + mm(4), width - mm(8), mm(10))
    painter.drawText(band, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, card.pharmacy)
    painter.setFont(_font(3.2, px_per_mm))
    painter.drawText(band, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, "会员卡")
    # the member
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(_font(4.0, px_per_mm, bold=True))
    painter.drawText(QRectF(left + mm(4), top + mm(16), width - mm(8), mm(6)),
                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, card.member_name)
    _paint_barcode(painter, card, left, top + mm(24), width, mm(15), px_per_mm)
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(_font(3.0, px_per_mm))
    painter.drawText(QRectF(left, top + mm(40), width, mm(5)), Qt.AlignmentFlag.AlignCenter,
                     " ".join(_digit_groups(card.barcode.text)))
    painter.restore()


def _digit_groups(number: str) -> list[str]:
    """An EAN-13 read out as it is printed under its bars: 1 · 6 · 6 digits."""
    if len(number) == 13 and number.isdigit():
        return [number[0], number[1:7], number[7:]]
    return [number]


def _paint_barcode(painter: QPainter, card: MemberCard, card_left: float, top: float, card_width: float,
                   height: float, px_per_mm: float) -> None:
    code = card.barcode
    module = max(1, int(code.module_mm() * px_per_mm))  # whole pixels: sharp edges for the scanner
    bars_width = module * len(code.modules)
    start = round(card_left + (card_width - bars_width) / 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    for first, run in code.bars():
        painter.drawRect(QRectF(start + first * module, round(top), run * module, round(height)))


def _prepare(device: QPagedPaintDevice, page: QPageSize) -> None:
    device.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))


def _placements(count: int, sheet: SheetLayout | None) -> list[tuple[int, float, float]]:
    """(page, x mm, y mm) of each card: one a page at its corner, or the sheet's grid."""
    if sheet is None:
        return [(index, 0.0, 0.0) for index in range(count)]
    return [sheet.position(index) for index in range(count)]


def paint_cards(device: QPagedPaintDevice, cards: Sequence[MemberCard], px_per_mm: float,
                sheet: SheetLayout | None = None) -> int:
    """Paint the cards onto a paged device (a PDF writer or a printer); returns the pages used.

    ``sheet`` None: one card a page, the page the card's size (a card printer); else the
    sheet's grid, as many pages as the cards need.
    """
    register_bundled_fonts()
    _prepare(device, CARD_PAGE if sheet is None else QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(device)
    pages = 1
    try:
        for card, (page, x, y) in zip(cards, _placements(len(cards), sheet)):
            if page + 1 > pages:
                device.newPage()
                pages += 1
            paint_card(painter, card, x, y, px_per_mm)
    finally:
        painter.end()
    return pages


def save_pdf(cards: Sequence[MemberCard], path: str | Path, *, sheet: bool = True) -> int:
    """Write the cards to a PDF (A4 sheets, or one card a page); returns the number of pages.

    A folder that refuses the file is a ``FileProblem`` (``ui/pdf_output.py``), never a PDF said to be saved.
    """
    def paint(writer: QPdfWriter) -> int:
        writer.setResolution(PDF_DPI)
        return paint_cards(writer, cards, PDF_DPI / 25.4, A4_SHEET if sheet else None)

    return write_pdf(path, paint, title="会员卡")


def print_cards(cards: Sequence[MemberCard], printer, *, sheet: bool = True) -> int:
    """Send the cards to a ``QPrinter`` the user has chosen (the whole page is ours: no margins)."""
    printer.setFullPage(True)
    return paint_cards(printer, cards, printer.resolution() / 25.4, A4_SHEET if sheet else None)


def _blank(width_mm: float, height_mm: float, dpi: int) -> QImage:
    image = QImage(round(width_mm * dpi / 25.4), round(height_mm * dpi / 25.4), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image


def page_images(cards: Sequence[MemberCard], dpi: int = 300, sheet: SheetLayout | None = A4_SHEET) -> list[QImage]:
    """The pages as images, at ``dpi``, painted exactly as they are printed (a preview, a check)."""
    register_bundled_fonts()
    width, height = (CARD_WIDTH_MM, CARD_HEIGHT_MM) if sheet is None else (sheet.page_width_mm, sheet.page_height_mm)
    placements = _placements(len(cards), sheet)
    images = [_blank(width, height, dpi) for _ in range(max((page for page, _x, _y in placements), default=0) + 1)]
    painters = [QPainter(image) for image in images]
    try:
        for card, (page, x, y) in zip(cards, placements):
            paint_card(painters[page], card, x, y, dpi / 25.4)
    finally:
        for painter in painters:
            painter.end()
    return images


def card_image(card: MemberCard, dpi: int = 300) -> QImage:
    """The card alone as an image."""
    return page_images([card], dpi, sheet=None)[0]
