"""会员卡: what a printed member card says and where each card sits on the page.

A card is the ID-1 size of a bank card (85.6 × 54 mm). It carries the pharmacy's name,
the member's name, the card number and the number as a barcode the till's scanner reads:
EAN-13 for the numbers the program issues (they are EAN-13 with their check digit), Code
128 for a number brought over from an old system that is not. Everything here is in
millimetres and bar modules; ``ui/card_painter.py`` paints it with Qt, onto a PDF, a
printer or an image. python-barcode is imported only when a card is made.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from pharmacy_desk import APP_TITLE
from pharmacy_desk.core import audit, settings
from pharmacy_desk.core.errors import NotFound
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Member, Operation
from pharmacy_desk.core.permissions import require
from pharmacy_desk.core.vocabulary import OperationKind, Permission
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator

CARD_WIDTH_MM = 85.6
CARD_HEIGHT_MM = 53.98
EAN13 = "EAN-13"
CODE128 = "Code 128"
# Light space a scanner needs either side of the bars, in modules (EAN-13: 11 left, 7 right;
# Code 128: 10 each side).
QUIET_MODULES = {EAN13: (11, 7), CODE128: (10, 10)}
BARCODE_MAX_WIDTH_MM = 72.0
MODULE_MAX_MM = 0.5  # wider bars look clumsy and gain a scanner nothing


@dataclass(frozen=True)
class Barcode:
    """The bars of one number: ``modules`` is a string of 1 (bar) and 0 (space), one per module."""

    symbology: str
    modules: str
    text: str

    @property
    def quiet(self) -> tuple[int, int]:
        return QUIET_MODULES[self.symbology]

    @property
    def total_modules(self) -> int:
        left, right = self.quiet
        return left + len(self.modules) + right

    def module_mm(self, max_width_mm: float = BARCODE_MAX_WIDTH_MM) -> float:
        """The bar module width that fits the quiet zones and bars into ``max_width_mm``."""
        return min(MODULE_MAX_MM, max_width_mm / self.total_modules)

    def bars(self) -> list[tuple[int, int]]:
        """Each dark bar as (first module, width in modules), counted from the start of the bars."""
        runs: list[tuple[int, int]] = []
        start = None
        for position, module in enumerate(self.modules + "0"):
            if module == "1" and start is None:
                start = position
            elif module == "0" and start is not None:
                runs.append((start, position - start))
                start = None
        return runs


@dataclass(frozen=True)
class MemberCard:
    """One card as printed: 药店名, 会员姓名, 卡号 and its barcode."""

    pharmacy: str
    member_name: str
    card_no: str

    @property
    def barcode(self) -> Barcode:
        return barcode_for(self.card_no)


@dataclass(frozen=True)
class SheetLayout:
    """Cards in a grid on a page, each position the card's top-left corner in mm from the page's."""

    page_width_mm: float
    page_height_mm: float
    columns: int
    rows: int
    gap_mm: float = 4.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self) -> tuple[float, float]:
        """The grid is centred on the page, so a cutter's margins are equal on both sides."""
        grid_w = self.columns * CARD_WIDTH_MM + (self.columns - 1) * self.gap_mm
        grid_h = self.rows * CARD_HEIGHT_MM + (self.rows - 1) * self.gap_mm
        return (self.page_width_mm - grid_w) / 2, (self.page_height_mm - grid_h) / 2

    def position(self, index: int) -> tuple[int, float, float]:
        """(page number, x mm, y mm) of the ``index``-th card, filling rows left to right."""
        page, place = divmod(index, self.per_page)
        row, column = divmod(place, self.columns)
        left, top = self.origin()
        return (page, left + column * (CARD_WIDTH_MM + self.gap_mm), top + row * (CARD_HEIGHT_MM + self.gap_mm))

    def pages(self, count: int) -> int:
        return -(-count // self.per_page)


# 2 × 5 ID-1 cards fit an A4 page with room for a cutter's margin.
A4_SHEET = SheetLayout(210.0, 297.0, columns=2, rows=5)


def is_ean13(number: str) -> bool:
    from pharmacy_desk.core.members import ean13_check_digit

    return (len(number) == 13 and number.isascii() and number.isdigit()  # not another script's digits
            and ean13_check_digit(number[:12]) == number[12])


def barcode_for(card_no: str) -> Barcode:
    """The bars for a card number: EAN-13 where the number is one, else Code 128."""
    import barcode  # python-barcode: pure Python, loaded only when a card is drawn

    if is_ean13(card_no):
        symbol = barcode.get_barcode_class("ean13")(card_no)
        return Barcode(EAN13, symbol.build()[0], symbol.get_fullcode())
    symbol = barcode.get_barcode_class("code128")(card_no)
    return Barcode(CODE128, symbol.build()[0], card_no)


def pharmacy_name() -> str:
    """The name printed at the top of every card: the pharmacy's own, once it is set, else the app's."""
    from pharmacy_desk.core.setting_declarations import DECLARATION_BY_KEY

    if "pharmacy_name" in DECLARATION_BY_KEY:
        return str(settings.get("pharmacy_name") or "").strip() or APP_TITLE
    return APP_TITLE


def member_by_card(card_no: str) -> MemberId:
    """The member whose card number this is (typed or scanned: full width and lower case allowed)."""
    from pharmacy_desk.core.members import clean_card_no

    number = clean_card_no(card_no)
    found = Member.get_or_none(Member.card_no == number)
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "没有卡号为 {number} 的会员。"), number=number)
    return MemberId(found.id)


def imported_members() -> list[MemberId]:
    """Everyone a member-list import created (not those it only completed): their first cards.

    An import writes its members with its own timestamp, so they are the members created at
    the moment of an import operation.
    """
    imports = Operation.select(Operation.created_at).where(Operation.kind == OperationKind.IMPORT.value)
    query = Member.select(Member.id).where(Member.created_at.in_(imports)).order_by(Member.id)
    return [MemberId(member_id) for (member_id,) in cast("Iterable[tuple[int]]", query.tuples())]


def cards_for(member_ids: Sequence[MemberId] | None, operator: Operator,
              destination: str | os.PathLike[str] | None = None) -> list[MemberCard]:
    """The cards of the given members (None: every member), in card-number order; recorded as printed.

    One member's card is the counter's to print (a new member, a lost card); a batch of
    cards carries many members' names and is the owner's, like an export of the list.
    ``destination``: the file the cards are written to, named in the audit row.
    """
    many = member_ids is None or len(member_ids) > 1
    require(operator, Permission.EXPORT_PERSONAL if many else Permission.SIGN_UP)
    query = Member.select(Member.name, Member.card_no).order_by(Member.card_no)
    if member_ids is not None:
        query = query.where(Member.id.in_(list(member_ids)))
    name = pharmacy_name()
    rows = cast("Iterable[tuple[str, str]]", query.tuples())
    cards = [MemberCard(name, member_name, card_no) for member_name, card_no in rows]
    subject = cards[0].card_no if len(cards) == 1 else f"{len(cards)} 张"
    detail = f"{len(cards)} 张 → {Path(destination)}" if destination is not None else ""
    audit.record(OperationKind.PRINT_CARDS, operator, subject=subject, detail=detail)
    return cards
