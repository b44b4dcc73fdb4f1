"""会员卡: the printed barcode reads back as the card number with a real decoder (zbar)."""

from __future__ import annotations

import io
import re

import pytest

from pharmacy_desk import APP_TITLE
from pharmacy_desk.core import cards
from pharmacy_desk.core.cards import A4_SHEET, CARD_HEIGHT_MM, CARD_WIDTH_MM, CODE128, EAN13, MemberCard
from pharmacy_desk.core.errors import NotPermitted
from pharmacy_desk.core.models import Operation
from pharmacy_desk.core.vocabulary import OperationKind


def decode(image) -> list[tuple[str, str]]:
    """Every barcode zbar finds in a QImage, as (symbology, text)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from pyzbar import pyzbar

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    found = pyzbar.decode(Image.open(io.BytesIO(bytes(buffer.data()))))
    return sorted((symbol.type, symbol.data.decode()) for symbol in found)


# -- core ------------------------------------------------------------------------------------


def test_an_issued_card_number_is_drawn_as_ean13_and_an_old_one_as_code128():
    issued = cards.barcode_for("2000000000015")
    assert issued.symbology == EAN13 and len(issued.modules) == 95 and issued.text == "2000000000015"
    assert issued.modules.startswith("101") and issued.modules.endswith("101")  # the guard bars
    old = cards.barcode_for("VIP-0042")
    assert old.symbology == CODE128 and old.text == "VIP-0042"
    # 13 digits whose last is not the check digit are not EAN-13: drawn as they are, in Code 128
    assert cards.barcode_for("2000000000016").symbology == CODE128


def test_bars_are_the_runs_of_dark_modules():
    code = cards.Barcode(EAN13, "1101110", "x")
    assert code.bars() == [(0, 2), (3, 3)]


def test_every_barcode_fits_the_card_with_its_quiet_zones():
    for number in ("2000000000015", "ABCDEFGHIJKLMNOPQRSTUVWX"):
        code = cards.barcode_for(number)
        assert code.total_modules * code.module_mm() <= cards.BARCODE_MAX_WIDTH_MM < CARD_WIDTH_MM


def test_an_a4_sheet_holds_ten_cards_inside_the_page_without_overlap():
    assert A4_SHEET.per_page == 10 and A4_SHEET.pages(11) == 2 and A4_SHEET.pages(10) == 1
    places = [A4_SHEET.position(i) for i in range(10)]
    assert {page for page, _x, _y in places} == {0}
    assert A4_SHEET.position(10)[0] == 1
    for _page, x, y in places:
        assert 5 <= x and x + CARD_WIDTH_MM <= 205 and 5 <= y and y + CARD_HEIGHT_MM <= 292
    boxes = [(x, y) for _page, x, y in places]
    for i, (x1, y1) in enumerate(boxes):
        for x2, y2 in boxes[i + 1:]:
            assert abs(x1 - x2) >= CARD_WIDTH_MM or abs(y1 - y2) >= CARD_HEIGHT_MM


def test_one_card_is_the_counters_a_list_of_cards_the_owners_and_both_are_recorded(make_member, clerk, owner):
    first = make_member(name="张三")
    second = make_member(name="李四")
    (card,) = cards.cards_for([first.id], clerk)
    assert card == MemberCard(APP_TITLE, "张三", first.card_no)
    with pytest.raises(NotPermitted):
        cards.cards_for([first.id, second.id], clerk)
    with pytest.raises(NotPermitted):
        cards.cards_for(None, clerk)
    everyone = cards.cards_for(None, owner)
    assert [c.member_name for c in everyone] == ["张三", "李四"]  # card-number order
    printed = Operation.select().where(Operation.kind == OperationKind.PRINT_CARDS.value).order_by(Operation.id)
    assert [(op.staff_id, op.subject) for op in printed] == [(clerk.id, first.card_no), (owner.id, "2 张")]


# -- painted ---------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["2000000000015", "2012345678903", "VIP-0042"])
def test_the_painted_card_decodes_to_its_number(qapp, number):
    from pharmacy_desk.ui.card_painter import card_image

    image = card_image(MemberCard("康宁大药房", "张三丰", number), dpi=300)
    assert decode(image) == [("EAN13" if cards.is_ean13(number) else "CODE128", number)]


def test_a_low_resolution_printer_still_prints_a_readable_barcode(qapp):
    from pharmacy_desk.ui.card_painter import card_image

    assert decode(card_image(MemberCard("康宁大药房", "张三", "2000000000015"), dpi=150)) == \
        [("EAN13", "2000000000015")]


def test_every_card_on_an_a4_sheet_decodes_to_its_own_number(qapp):
    from pharmacy_desk.core.members import ean13_check_digit
    from pharmacy_desk.ui.card_painter import page_images

    numbers = [f"20{i:010d}" for i in range(1, 13)]
    numbers = [n + ean13_check_digit(n) for n in numbers]
    pages = page_images([MemberCard("康宁大药房", f"会员{i}", n) for i, n in enumerate(numbers)], dpi=200)
    assert len(pages) == 2
    assert decode(pages[0]) == [("EAN13", n) for n in sorted(numbers[:10])]
    assert decode(pages[1]) == [("EAN13", n) for n in sorted(numbers[10:])]


def test_the_pdf_has_a_page_per_sheet_or_per_card(qapp, tmp_path):
    from pharmacy_desk.ui.card_painter import save_pdf

    many = [MemberCard("康宁大药房", "张三", "2000000000015")] * 11
    assert save_pdf(many, tmp_path / "sheets.pdf", sheet=True) == 2
    assert save_pdf(many[:3], tmp_path / "cards.pdf", sheet=False) == 3
    for name, pages in (("sheets.pdf", 2), ("cards.pdf", 3)):
        assert len(re.findall(rb"/Type\s*/Page(?![a-z])", (tmp_path / name).read_bytes())) == pages


def test_member_window_saves_the_members_card_as_pdf(qtbot, make_member, clerk, tmp_path):
    from pharmacy_desk.ui import card_actions
    from pharmacy_desk.ui.member_detail import MemberDetailDialog

    member = make_member(name="王五")
    dialog = MemberDetailDialog(member.id, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    actions = dialog.card_button.menu().actions()
    assert [a.text() for a in actions] == ["打印会员卡…", "会员卡存为PDF…"]
    path = str(tmp_path / "card.pdf")
    assert card_actions.save_pdf(dialog, clerk, [member.id], path) == path
    assert (tmp_path / "card.pdf").read_bytes().startswith(b"%PDF")
    (printed,) = Operation.select().where(Operation.kind == OperationKind.PRINT_CARDS.value)
    assert (printed.subject, printed.detail) == (member.card_no, f"1 张 → {path}")  # where the names went


def test_the_pharmacys_own_name_is_printed_once_it_is_set(make_member, clerk, owner):
    from pharmacy_desk.core import settings

    member = make_member(name="张三")
    settings.change("pharmacy_name", "康宁大药房", owner)
    assert cards.cards_for([member.id], clerk)[0].pharmacy == "康宁大药房"


def test_the_call_list_prints_the_cards_of_everyone_it_shows_or_of_those_selected(qtbot, make_member, owner, clerk,
                                                                                   tmp_path):
    import datetime as dt

    from PySide6.QtCore import QItemSelectionModel

    from pharmacy_desk.ui import card_actions
    from pharmacy_desk.ui.lists_window import ListsWindow

    old = dt.datetime(2025, 1, 5, 9, 0)
    dormant = [make_member(name=name, at=old) for name in ("甲", "乙", "丙")]
    window = ListsWindow(owner, today=dt.date(2026, 6, 10))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert window.card_button.isEnabled()
    assert sorted(window.card_member_ids()) == sorted(m.id for m in dormant)
    window.table.selectionModel().select(window.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                         | QItemSelectionModel.SelectionFlag.Rows)
    assert window.card_member_ids() == [window.model.row(1).member_id]
    window.table.clearSelection()
    path = str(tmp_path / "list.pdf")
    assert card_actions.save_pdf(window, owner, window.card_member_ids(), path) == path
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", (tmp_path / "list.pdf").read_bytes())) == 1  # one A4 sheet

    cashier_window = ListsWindow(clerk, today=dt.date(2026, 6, 10))
    qtbot.addWidget(cashier_window)
    assert not cashier_window.card_button.isEnabled() and cashier_window.card_button.toolTip()
