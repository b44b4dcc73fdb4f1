import datetime as dt
import re

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, mask_phone, name_initials, parse_yuan, yuan,
)


@pytest.mark.parametrize("raw", [
    "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "8613812345678",
    "008613812345678", "１３８１２３４５６７８", 13812345678, 13812345678.0, "13812345678.0",
])
def test_phone_variants_clean_to_eleven_digits(raw):
    assert clean_phone(raw) == "13812345678"


@pytest.mark.parametrize("raw, reason", [
    ("1381234567", "10位"), ("138123456789", "12位"), ("12812345678", "13–19"), ("", "为空"),
    ("138abc45678", "只能包含数字"),
])
def test_bad_phones_say_why(raw, reason):
    with pytest.raises(InvalidInput, match=reason):
        clean_phone(raw)


def test_names_lose_stray_spaces_and_get_initials():
    assert clean_name("  张 三 ") == "张三"
    assert clean_name("Li  Na") == "Li Na"
    assert name_initials("张三") == "zs"
    assert name_initials("欧阳娜娜") == "oynn"
    with pytest.raises(InvalidInput):
        clean_name("   ")


def test_gender_words():
    assert [clean_gender(g) for g in ("男", "女性", "M", "female", "")] == ["M", "F", "M", "F", ""]
    with pytest.raises(InvalidInput, match="性别"):
        clean_gender("未知")


def test_birthday_must_be_sane():
    today = dt.date(2026, 6, 10)
    assert check_birthday(dt.date(1965, 3, 8), today) == dt.date(1965, 3, 8)
    with pytest.raises(InvalidInput, match="未来"):
        check_birthday(dt.date(2026, 7, 1), today)
    with pytest.raises(InvalidInput, match="太早"):
        check_birthday(dt.date(1890, 1, 1), today)


def test_money_is_exact_fen():
    assert parse_yuan("12.5") == 1250
    assert parse_yuan("１２") == 1200
    assert parse_yuan("0.07") == 7
    assert yuan(12345) == "123.45" and yuan(-5) == "-0.05"
    with pytest.raises(InvalidInput):
        parse_yuan("1.234")


def test_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("02112345678") == "021****5678" and mask_phone("021-1234567") == "021****4567"
    assert mask_phone("1234567") == "*******" and mask_phone("") == ""


def test_surnames_read_as_surnames():
    # 曾 is "zeng" as a surname, 单 "shan", 仇 "qiu", 翟 "zhai" — not their everyday readings
    for name, initials in {"曾小明": "zxm", "单田芳": "stf", "仇晓": "qx", "翟天临": "ztl", "张三": "zs"}.items():
        assert name_initials(name) == initials


@pytest.mark.parametrize("typed, shown", [
    ("张\x00三", "U+0000"),  # NUL
    ("李\u200b四", "U+200B"),  # zero-width space
    ("\u202e王五", "U+202E"),  # right-to-left override: the name would print reversed
    ("赵\u200d六", "U+200D"),  # zero-width joiner
    ("孙七😀", "😀"),  # emoji
    ("周\ue000八", "U+E000"),  # private use
])
def test_a_name_refuses_invisible_control_bidi_and_emoji_characters(typed, shown):
    with pytest.raises(InvalidInput, match=re.escape(shown)):
        clean_name(typed)


@pytest.mark.parametrize("name", ["买买提·艾力", "Zoë Li", "O'Brien", "欧阳 娜娜", "Jean-Luc"])
def test_real_names_with_dots_accents_and_hyphens_are_kept(name):
    assert clean_name(name)


def test_a_decomposed_accent_is_composed_not_refused():
    assert clean_name("Zoe\u0308") == "Zoë"


def test_a_phone_in_arabic_indic_digits_is_refused():
    with pytest.raises(InvalidInput):
        clean_phone("١٣٨١٢٣٤٥٦٧٨")
