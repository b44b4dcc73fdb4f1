"""Exports: phones as text, dates as dates, money in yuan, frozen header, no formula ever runs."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from pharmacy_desk.core import ledger
from pharmacy_desk.core.models import Coupon, LedgerEntry, Member, Sale
from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_table
from pharmacy_desk.core.spreadsheet.tables import EXPORTS, export_coupons, export_ledger, export_members, export_sales


def rows_of(path):
    sheet = load_workbook(path).active
    return sheet, list(sheet.iter_rows())


def test_export_table_is_safe_and_typed(tmp_path):
    path = tmp_path / "report.xlsx"
    rows = [("=HYPERLINK(\"http://x\")", "13812345678", dt.date(2026, 1, 5), 12345, 7),
            ("+1", "-2", None, 5, None), ("@SUM(A1)", "普通", dt.date(2026, 2, 1), 0, 3)]
    columns = [ExportColumn("名称"), ExportColumn("手机号"), ExportColumn("日期", "date"),
               ExportColumn("金额（元）", "money"), ("次数", "int")]
    seen = []
    assert export_table(rows, columns, path, sheet_title="月报", progress=lambda *a: seen.append(a)) == 3
    sheet, cells = rows_of(path)
    assert sheet.title == "月报" and sheet.freeze_panes == "A2"
    assert [c.value for c in cells[0]] == ["名称", "手机号", "日期", "金额（元）", "次数"]
    assert cells[0][0].font.b
    formula, phone, day, money, count = cells[1]
    assert formula.value == "=HYPERLINK(\"http://x\")" and formula.data_type == "s" and formula.quotePrefix
    assert phone.value == "13812345678" and phone.data_type == "s"
    assert day.value == dt.datetime(2026, 1, 5) and day.is_date
    # 12345 fen, in the one money format of every workbook (the monthly report's too)
    assert float(money.value) == 123.45 and money.number_format == "#,##0.00"
    assert count.value == 7
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[2][:2])
    assert cells[3][0].data_type == "s" and cells[3][0].quotePrefix
    # widths: a CJK header counts double, dates are at least 10 wide
    assert sheet.column_dimensions["B"].width == 13 and sheet.column_dimensions["C"].width == 12
    assert seen[-1][:2] == (3, 0)


@pytest.fixture
def shop(db, make_member, sell, clerk):
    zhang = make_member(phone="13812345678", name="张三", gender="M", birthday=dt.date(1965, 3, 8))
    make_member(phone="13912345678", name="=李四", notes="@risky")
    sell(zhang, {"household": 10000})
    return zhang


def test_members_export(shop, owner, tmp_path):
    path = tmp_path / "members.xlsx"
    assert export_members(path, owner) == 2
    sheet, cells = rows_of(path)
    assert [c.value for c in cells[0]][:7] == ["会员卡号", "姓名", "手机号", "性别", "生日", "等级", "积分余额"]
    first = cells[1]
    assert first[1].value == "张三" and first[2].value == "13812345678" and first[2].data_type == "s"
    assert first[3].value == "男" and first[4].value == dt.datetime(1965, 3, 8) and first[4].is_date
    assert first[6].value == ledger.balance(shop.id) == 5  # 100 yuan of 常备药 at 1 point per 20 yuan
    assert first[0].data_type == "s" and first[0].value == shop.card_no
    second = cells[2]
    assert second[1].value == "=李四" and second[1].data_type == "s" and second[1].quotePrefix
    assert second[9].value == "@risky" and second[9].quotePrefix


def test_sales_ledger_and_coupons_export(shop, owner, tmp_path):
    assert export_sales(tmp_path / "s.xlsx", owner) == Sale.select().count() == 1
    _, cells = rows_of(tmp_path / "s.xlsx")
    assert cells[1][2].value == shop.card_no and float(cells[1][6].value) == 100.00 and cells[1][1].is_date
    assert export_ledger(tmp_path / "l.xlsx", owner) == LedgerEntry.select().count() == 1
    _, cells = rows_of(tmp_path / "l.xlsx")
    assert [c.value for c in cells[1]][1:5] == [shop.card_no, "张三", "消费积分", 5]
    assert export_coupons(tmp_path / "c.xlsx", owner) == Coupon.select().count() == 2  # two new-member coupons
    _, cells = rows_of(tmp_path / "c.xlsx")
    assert cells[1][1].value == "代金券" and float(cells[1][5].value) == 3.00 and cells[1][8].is_date
    assert set(EXPORTS) == {"members", "sales", "ledger", "coupons", "coupon_usage"}


def test_export_runs_a_fixed_number_of_queries(shop, owner, tmp_path, make_member):
    # Streaming one query, not one per member: more members, same query count.
    from peewee import SqliteDatabase

    calls = []
    original = SqliteDatabase.execute_sql

    def counting(self, sql, *args, **kwargs):
        calls.append(sql)
        return original(self, sql, *args, **kwargs)

    SqliteDatabase.execute_sql = counting
    try:
        export_members(tmp_path / "a.xlsx", owner)
        first = len(calls)
        for i in range(5):
            make_member(phone=f"1500000000{i}", name=f"会员{i}")
        calls.clear()
        export_members(tmp_path / "b.xlsx", owner)
    finally:
        SqliteDatabase.execute_sql = original
    assert len(calls) == first and Member.select().count() == 7


def test_several_sheets_and_awkward_values(tmp_path):
    from pharmacy_desk.core.spreadsheet.export import export_sheets

    path = tmp_path / "two.xlsx"
    first = [("a\x07b<&>", True, 1.25, dt.datetime(2026, 1, 5, 14, 30))]
    second = [(n, f"行{n}") for n in range(7000)]
    progress = []
    count = export_sheets([("甲", first, [("文本", "text"), ("是否", "raw"), ("小数", "raw"),
                                         ("时间", "datetime")]),
                           ("乙", second, [("序号", "int"), ("名称", "text")])],
                          path, total=7001, progress=lambda *a: progress.append(a[0]))
    assert count == 7001 and progress[-1] == 7001
    book = load_workbook(path)
    assert book.sheetnames == ["甲", "乙"]
    assert [c.value for c in book["甲"][2]] == ["ab<&>", True, 1.25, dt.datetime(2026, 1, 5, 14, 30)]
    assert book["乙"].max_row == 7001 and book["乙"]["B7001"].value == "行6999"
    assert book["乙"].freeze_panes == "A2"


def test_sheet_names_excel_refuses_are_replaced(tmp_path):
    path = tmp_path / "t.xlsx"
    export_table([("x",)], [("列", "text")], path, sheet_title="会员[2019]/旧:表?")
    assert load_workbook(path).sheetnames == ["会员_2019__旧_表_"]


def test_ledger_export_names_each_kind_as_the_member_history_does(make_member, clerk, owner, tmp_path):
    """One label per ledger kind: the accountant's sheet and the 积分流水 tab must agree."""
    from pharmacy_desk.core import history, operations
    from pharmacy_desk.core.vocabulary import CREDIT_KINDS, LedgerKind

    member = make_member()
    op = operations.start("labels", "adjust", clerk, dt.datetime(2026, 6, 11, 9, 0))
    for n, kind in enumerate(LedgerKind):
        LedgerEntry.create(member=member.id, kind=kind, points=1 if kind in CREDIT_KINDS else -1,
                           created_at=dt.datetime(2026, 6, 11, 9, n), key=f"labels/{kind}", operation=op,
                           staff=clerk.id)
    assert export_ledger(tmp_path / "l.xlsx", owner) == LedgerEntry.select().count()
    _, cells = rows_of(tmp_path / "l.xlsx")
    exported = {row[0].value: row[3].value for row in cells[1:]}
    shown = {row.created_at: row.kind_name for row in history.ledger_entries(member.id)}
    assert exported == shown
    assert set(shown.values()) >= {kind.label for kind in LedgerKind}


@pytest.mark.parametrize("kind, values", [
    ("text", ["张三", "", "=1+1", "-5", "a&b<c>", "line\r\nbreak", "\x07bell", 13812345678, None]),
    ("int", [0, -3, 12345, True, "7", None]),
    ("date", [dt.date(2024, 2, 29), dt.datetime(2024, 2, 29, 8, 30), "2024-02-29", None]),
])
def test_a_columns_fast_writer_writes_what_the_general_path_writes(kind, values):
    """Text, int and date columns skip ``typed`` for their plain values; the XML must not change."""
    from pharmacy_desk.core.spreadsheet import sheetxml
    from pharmacy_desk.core.spreadsheet.export import typed

    styles = {name: str(index).encode() for index, name in enumerate(sheetxml.PROBE_KINDS, start=3)}
    attributes = {name: f' s="{index.decode()}"' for name, index in styles.items()}
    fast = sheetxml._column_writer(kind, attributes, typed)
    for value in values:
        if value is None:
            continue
        general_value, style = typed(value, kind)
        expected = sheetxml._cell_xml("B7", general_value, attributes[style] if style else "")
        assert fast("B7", value) == expected, value
