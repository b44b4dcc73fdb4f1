"""Digits of other scripts are not digits in phones, cards and amounts; full-width ones are ASCII.

Python's ``\\d`` and ``str.isdigit`` accept every script's digits (Arabic-Indic ٠–٩, Extended
Arabic-Indic ۰–۹, Devanagari ०–९…), and ``int`` reads them: unchecked, ``13٨١٢٣٤٥٦٧٨`` was a
member's phone as typed, and ``١٢٠٠`` an opening balance of 1,200 points. Full-width digits
(１３８…) are what a Chinese input method types: they are read, and stored as ASCII.
"""

from decimal import Decimal

import pytest

from pharmacy_desk.core import cards, setting_types
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import clean_phone, parse_points
from pharmacy_desk.core.spreadsheet import layouts, rows, values
from pharmacy_desk.core.spreadsheet.plan import read_plan
from tests.spreadsheet_helpers import write_xlsx

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def other_scripts(text: str) -> list[str]:
    """``text`` with its digits after the second in each foreign script: still 11 characters, still ``1[3-9]…``."""
    return [text[:2] + text[2:].translate(table) for table in (ARABIC, PERSIAN, DEVANAGARI)]


@pytest.mark.parametrize("raw", other_scripts("13812345678"))
def test_an_eleven_character_phone_with_foreign_digits_is_refused(raw):
    assert len(raw) == 11
    with pytest.raises(InvalidInput, match="只能包含数字"):
        clean_phone(raw)


@pytest.mark.parametrize("raw", ["13８１２３４５６７８", "138１２３４5678", "1３８１２３４５６７８"])
def test_an_eleven_character_phone_with_full_width_digits_becomes_ascii(raw):
    assert clean_phone(raw) == "13812345678"


def test_an_imported_list_refuses_foreign_digits_and_stores_full_width_ones_as_ascii(tmp_path):
    foreign = other_scripts("13812345670")
    sheet = [["姓名", "手机号", "积分"], ["张三", "13９１２３４５６７８", "１２００"],
             ["李四", foreign[0], "100"], ["王五", foreign[1], "100"], ["赵六", "13712345678", "١٢٠٠"],
             ["钱七", "13612345678", "١٢٠٠分"]]
    plan = read_plan(write_xlsx(tmp_path / "会员.xlsx", {"会员": sheet}))
    assert [(c.name, c.phone, c.points) for c in plan.candidates] == [("张三", "13912345678", 1200)]
    assert sorted(p.source.row_number for p in plan.problems) == [3, 4, 5, 6]


@pytest.mark.parametrize("raw", ["١٢٠٠", "۱۲۰۰", "१२००分", "١٢٠٠积分", "١,٢٠٠"])
def test_an_opening_balance_in_foreign_digits_is_refused(raw):
    with pytest.raises(InvalidInput, match="积分不是数字"):
        parse_points(raw)


def test_an_opening_balance_in_full_width_digits_is_read():
    assert parse_points("１，２００分") == 1200


def test_a_lifetime_spend_in_foreign_digits_is_not_an_amount():
    assert rows.parse_spend("١٢٣٤٥.٥٠") is None and rows.parse_spend("۱۲۳") is None
    assert rows.parse_spend("１２３４５．５０元") == 1_234_550


def test_a_mobile_inside_a_cell_is_ascii_digits_only():
    assert rows.phone_from_text(f"南 {other_scripts('13812345678')[0]} 北 13912345678") == "13912345678"
    assert rows.phone_from_text("南 １３８１２３４５６７８ 北 13912345678") == "13812345678"


def test_an_id_number_in_foreign_digits_tells_nothing():
    assert rows.id_number_facts("11010519491231002X") != ("", None, "")
    assert rows.id_number_facts("11010519491231002X".translate(ARABIC)) == ("", None, "")


@pytest.mark.parametrize("raw", other_scripts("13812345678"))
def test_a_column_of_foreign_digits_is_not_taken_for_phones(raw):
    assert values.is_mobile("13812345678") and values.is_mobile("13８１２３４５６７８")
    assert not values.is_mobile(raw) and not values.holds_mobile(f"张三 {raw}")
    assert not values.looks_like_data(raw)
    assert not layouts._has_digits(raw[2:]) and layouts._has_digits("１３８")


def test_a_card_number_in_foreign_digits_is_not_an_ean13():
    card = "6901234567892"
    assert values.is_ean13(card) and cards.is_ean13(card)
    assert not values.is_ean13(card.translate(ARABIC)) and not cards.is_ean13(card.translate(ARABIC))
    assert not cards.is_ean13(card[:6] + card[6:].translate(DEVANAGARI))


@pytest.mark.parametrize("kind, typed", [
    (setting_types.Money(0, 10_000), "٣"), (setting_types.Money(0, 10_000), "٣٠٠分"),
    (setting_types.Int(1, 60, unit="个月"), "٦"), (setting_types.Multiplier(Decimal(1), Decimal(5), unit="倍"), "٢"),
    (setting_types.RedeemBlocks(max_blocks=10, max_points=100_000, max_fen_per_point=100, unit=None), "٥٠٠=20"),
    (setting_types.RedeemBlocks(max_blocks=10, max_points=100_000, max_fen_per_point=100, unit=None), "500=٢٠"),
])
def test_a_setting_typed_in_foreign_digits_is_refused(kind, typed):
    with pytest.raises(InvalidInput):
        kind.parse(typed, "积分有效期")


@pytest.mark.parametrize("kind, typed, value", [
    (setting_types.Money(0, 10_000), "３", 300), (setting_types.Money(0, 10_000), "３００分", 300),
    (setting_types.Int(1, 60, unit="个月"), "６个月", 6),
    (setting_types.RedeemBlocks(max_blocks=10, max_points=100_000, max_fen_per_point=100, unit=None), "５００=２０",
     ((500, 2000),)),
])
def test_a_setting_typed_in_full_width_digits_is_read(kind, typed, value):
    assert kind.parse(typed, "积分有效期") == value
