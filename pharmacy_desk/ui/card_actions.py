"""打印会员卡 from a window: the cards of one member or of a list, to a printer or a PDF.

One member's card goes on a page of its own size (a card printer takes it as it is); a
list's cards go on A4 sheets of ten, to cut. The cards are read (and recorded as printed)
through one operation, so a cashier asking for a whole list is refused in one sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from pharmacy_desk.core import cards as cards_core
from pharmacy_desk.core import paths
from pharmacy_desk.ui import card_painter
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.core.operator import Operator

MemberIds = Callable[[], Sequence[int] | None]


def _read_cards(parent: QWidget, operator: Operator | None, member_ids: Sequence[int] | None, then,
                destination: str | None = None) -> None:
    Op(parent, lambda who: cards_core.cards_for(member_ids, who, destination), operator=operator).success(then).run()


def save_pdf(parent: QWidget, operator: Operator | None, member_ids: Sequence[int] | None,
             path: str | None = None) -> str | None:
    """Ask where (unless ``path`` is given) and write the cards as a PDF; returns the path written."""
    if not path:
        name = QCoreApplication.translate("CardActions", "会员卡")
        suggested = paths.export_dir() / f"{name}_{dt.date.today():%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("CardActions", "会员卡存为PDF"),
                                              str(suggested), "PDF (*.pdf)")
        if not path:
            return None
    chosen = path

    def write(who: Operator) -> str:
        # Inside the operation: a folder that refuses the file is worded like any refusal.
        cards = cards_core.cards_for(member_ids, who, chosen)
        card_painter.save_pdf(cards, chosen, sheet=len(cards) > 1)
        return chosen

    return chosen if Op(parent, write, operator=operator).run() else None


def print_cards(parent: QWidget, operator: Operator | None, member_ids: Sequence[int] | None) -> None:
    """Choose a printer and print the cards on it."""
    def send(cards: list[cards_core.MemberCard]) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("CardActions", "打印会员卡"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            card_painter.print_cards(cards, printer, sheet=len(cards) > 1)

    _read_cards(parent, operator, member_ids, send)


def card_menu(parent: QWidget, operator: Operator | None, member_ids: MemberIds) -> QMenu:
    """打印… / 存为PDF… for the members ``member_ids()`` names when the action runs (None: all)."""
    menu = QMenu(QCoreApplication.translate("CardActions", "会员卡"), parent)
    printing = menu.addAction(QCoreApplication.translate("CardActions", "打印会员卡…"))
    printing.triggered.connect(lambda: print_cards(parent, operator, member_ids()))
    saving = menu.addAction(QCoreApplication.translate("CardActions", "会员卡存为PDF…"))
    saving.triggered.connect(lambda: save_pdf(parent, operator, member_ids()))
    return menu
