"""Dates and points as people typed them into legacy lists (normalisers shared with the till)."""

import datetime as dt

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import parse_date, parse_points

MARCH_8 = dt.date(1965, 3, 8)


@pytest.mark.parametrize("raw", [
    dt.datetime(1965, 3, 8, 0, 0), MARCH_8, 23809, 23809.0, "23809",  # Excel serial: 1899-12-30 + 23809 days
    "1965-3-8", "1965-03-08", "1965/03/08", "1965/3/8", "19650308", 19650308, "1965年3月8日",
    "1965.3.8", "１９６５－３－８", "1965-03-08 00:00:00", " 1965 年 3 月 8 日 ",
])
def test_date_variants(raw):
    assert parse_date(raw) == MARCH_8


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_empty_dates(raw):
    assert parse_date(raw) is None


@pytest.mark.parametrize("raw, reason", [
    ("1965-02-30", "不存在"), ("19651308", "不存在"), ("三月八日", "格式不对"), ("65-3-8", "格式不对"),
    (23809.5, "格式不对"), (True, "格式不对"), ("1234567", "格式不对"),
])
def test_bad_dates_say_why(raw, reason):
    with pytest.raises(InvalidInput, match=reason):
        parse_date(raw)


@pytest.mark.parametrize("raw, points", [
    ("1,200", 1200), ("1200分", 1200), ("1200积分", 1200), (1200.0, 1200), ("1200.0", 1200),
    (88.6, 88), ("88.6", 88), ("１，２００", 1200), (" 35 ", 35), (None, 0), ("", 0), (0, 0), (7, 7),
])
def test_points_variants(raw, points):
    assert parse_points(raw) == points


@pytest.mark.parametrize("raw, reason", [
    ("很多", "不是数字"), ("-5", "负数"), (-5, "负数"), (True, "不是数字"), (float("nan"), "不是数字"),
    ("12a", "不是数字"),
])
def test_bad_points_say_why(raw, reason):
    with pytest.raises(InvalidInput, match=reason):
        parse_points(raw)


@pytest.mark.parametrize("values, reason", [
    ([None, "", "  ", "\u3000"], "blank"), (["合计", None, 3000], "totals"), ([" 总 计 ", 5], "totals"),
    (["", "小计："], "totals"), (["小明", "13812345678"], ""), (["", 0], ""),
])
def test_blank_and_totals_rows(values, reason):
    from pharmacy_desk.core.spreadsheet.rows import skip_reason

    assert skip_reason(values) == reason


def test_phone_in_scientific_notation_says_digits_were_lost():
    from pharmacy_desk.core.normalize import clean_phone

    with pytest.raises(InvalidInput, match="科学计数法"):
        clean_phone("1.38123E+10")  # what Excel leaves in a CSV when the column was a number
    assert clean_phone(1.3812345678e10) == "13812345678"  # a number cell still has every digit


def test_a_cached_number_never_answers_for_a_boolean():
    assert parse_date(1.0) == dt.date(1899, 12, 31)
    with pytest.raises(InvalidInput):
        parse_date(True)


def test_remembered_cells_keep_their_type_apart():
    """``True``, ``1`` and ``1.0`` are one key to a dict; cleaning must still refuse the first."""
    from pharmacy_desk.core.spreadsheet.rows import RowCleaner, SourceRow

    clean = RowCleaner({0: "name", 1: "phone", 2: "points", 3: "birthday"}, dt.date(2026, 6, 10))

    def row(number, points, birthday):
        return SourceRow("表", number, [], ["张三", "13812345678", points, birthday])

    assert clean(row(2, 1, 23809)).points == 1
    assert clean(row(3, 1.0, 23809.0)).birthday == dt.date(1965, 3, 8)
    with pytest.raises(InvalidInput, match="积分不是数字"):
        clean(row(4, True, None))
    with pytest.raises(InvalidInput, match="日期格式不对"):
        clean(row(5, 0, True))
    with pytest.raises(InvalidInput, match="积分不是数字"):  # a refusal remembered is a refusal again
        clean(row(6, True, None))
    assert clean(row(7, "1,200", "1965年3月8日")).points == 1200
