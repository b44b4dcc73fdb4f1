"""The common rows of a list are cleaned a block at a time, column by column (``spreadsheet.blocks``),
and give exactly what cleaning them row by row gives: the same members, refusals and skipped rows."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pharmacy_desk.core.spreadsheet import blocks, rows
from pharmacy_desk.core.spreadsheet.plan import read_plan
from pharmacy_desk.core.spreadsheet.reading import Sheet

TODAY = dt.date(2026, 6, 10)
HEADER = ["会员卡号", "姓 名", "手机", "性别", "出生日期", "积分", "办卡日期", "备注", "地址"]


def _digits(count):
    return st.text("0123456789", min_size=count, max_size=count)


mobile = st.builds(lambda second, rest: f"1{second}{rest}", st.sampled_from("0123456789"), _digits(9))
phones = st.one_of(
    mobile, mobile.map(int), mobile.map(float), mobile.map(lambda m: f"{m[:3]} {m[3:7]} {m[7:]}"),
    mobile.map(lambda m: f"{m[:3]}-{m[3:7]}-{m[7:]}"), mobile.map(lambda m: f"+86 {m}"), mobile.map(lambda m: f"86{m}"),
    mobile.map(lambda m: f"{m}.0"), mobile.map(lambda m: f"+86 {m}.0"), mobile.map(lambda m: f"{m[:3]} {m[3:]}.0"),
    mobile.map(lambda m: m.translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    mobile.map(lambda m: f" {m} "), mobile.map(lambda m: f"{m}(本人){m[:3]}12345678(家)"), _digits(10), _digits(12),
    st.sampled_from(["", None, "合计", "小明家", 1.5, True, "1e10", "1.3812345678E+10", "١٣٨١٢٣٤٥٦٧٨"]))
days = st.dates(dt.date(1890, 1, 1), dt.date(2030, 12, 31))
dates = st.one_of(
    days, st.datetimes(dt.datetime(1890, 1, 1), dt.datetime(2030, 12, 31)),
    days.map(lambda d: (d - dt.date(1899, 12, 30)).days), days.map(lambda d: float((d - dt.date(1899, 12, 30)).days)),
    days.map(lambda d: f"{d.year}-{d.month}-{d.day}"), days.map(lambda d: f"{d:%Y/%m/%d}"), days.map(lambda d: f"{d:%Y%m%d}"),
    days.map(lambda d: int(f"{d:%Y%m%d}")), days.map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    days.map(lambda d: f"{d.year}.{d.month}.{d.day}"), days.map(lambda d: f"{d:%Y-%m-%d} 00:00:00"),
    days.map(lambda d: f"{d.year} 年 {d.month} 月"), days.map(lambda d: f"{d:%Y-%m-%d}合计"),
    days.map(lambda d: f"{d.year}-{d.month}/{d.day}"), days.map(lambda d: f"{d:%Y-%m-%d}".translate(
        str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.sampled_from(["", None, " ", "1965-2-30", "1965-13-1", "0000-01-01", "19651332", "123456", "99999", "1965-1-1-1",
                     "1965年3月8", "1965年03月08日", "1965--3-8", "abcd-1-1", "-1", 0, 0.5, 3000000, True, "1965-3-8\n"]),
    st.text(max_size=12))
names = st.one_of(
    st.text("王李张刘陈杨黄伟芳娜小合总共计", min_size=1, max_size=5),
    st.text("王李张 伟芳\u3000", min_size=0, max_size=6), st.text(max_size=8),
    st.sampled_from(["", None, "Li Lei", "张三😀", "姓名", "姓 名", "合计", "总计：", 123, 1.0, "\u200b张三", "A" * 41]))
points = st.one_of(
    st.integers(-5, 10**6), st.floats(allow_nan=True, allow_infinity=True), st.integers(0, 9999).map(lambda n: f"{n:,}"),
    st.integers(0, 900).map(lambda n: f"{n}分"), st.integers(0, 900).map(lambda n: f"{n}积分"),
    st.sampled_from(["", None, "分", "积分", ",", "-3", " 12", "１２", "12.5", "1,2分", True, "abc"]))
cards = st.one_of(st.from_regex(r"VIP[0-9]{6}", fullmatch=True), st.integers(0, 10**13), st.floats(0, 1e14),
                  st.sampled_from(["", None, "vip1", "VIP 12", "ab", "VIP-0001", "８８００"]), st.text(max_size=6))
genders = st.sampled_from(["男", "女", "男性", "女士", "M", "f", "Male", " 男 ", "", None, "未知", 1, "Ｍ"])
texts = st.one_of(st.sampled_from(["", None, "老顾客", "合计", "  高血压  ", 12.0]), st.text(max_size=6))
full_row = st.tuples(cards, names, phones, genders, dates, points, dates, texts, texts, texts).map(list)
row = st.one_of(full_row, st.builds(lambda cells, width: cells[:width], full_row, st.integers(0, 9)))  # short CSV lines
lists = st.lists(st.one_of(row, row, row, st.just(HEADER), st.just([]), st.lists(texts, max_size=3)), max_size=40)


def _plan(path, sheet_rows, by_rows: bool, monkeypatch):
    with monkeypatch.context() as patched:
        if by_rows:  # every row tested and cleaned one by one, as before the blocks
            patched.setattr(blocks.BlockCleaner, "candidates", lambda self, block, first: [None] * len(block))
        return read_plan(path, sheets=[Sheet("会员", [HEADER, *sheet_rows])], today=TODAY)


def _outcome(plan):
    return (plan.candidates, [(p.source.row_number, p.reason, p.kind, p.source.values) for p in plan.problems],
            plan.skipped, plan.merged_in_file, [item.data_rows for item in plan.sheets])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lists, st.integers(1, 7))
def test_blocks_give_what_row_by_row_cleaning_gives(tmp_path, monkeypatch, sheet_rows, size):
    path = tmp_path / "会员.csv"
    path.write_bytes(b"x")
    monkeypatch.setattr(blocks, "BLOCK_ROWS", size)  # several blocks, some of one row
    monkeypatch.setattr(blocks.blocks, "__defaults__", (size,))
    assert _outcome(_plan(path, sheet_rows, False, monkeypatch)) == _outcome(_plan(path, sheet_rows, True, monkeypatch))


@settings(max_examples=400, deadline=None)
@given(st.one_of(dates, phones, points, names, cards, genders, texts))
def test_each_column_cleans_a_cell_as_its_field_does(cell):
    """Every column's answer for any cell is its field's own (``REFUSED`` where the field refuses)."""
    mapping = {0: "name", 1: "phone", 2: "card_no", 3: "gender", 4: "birthday", 5: "joined_on", 6: "points",
               7: "notes", 8: "address"}
    row_cleaner = rows.RowCleaner(mapping, TODAY)
    cleaner = blocks.BlockCleaner(row_cleaner, blocks.HeaderRepeat(_layout(mapping)), "会员", HEADER)
    cleaner._share = row_cleaner.dates.setdefault

    def field(memo, raw):
        value, error = memo(raw)
        return blocks.REFUSED if error is not None else value

    def phone(raw):
        try:
            return rows.clean_phone(raw)
        except rows.InvalidInput:
            return blocks.REFUSED

    def card(raw):
        try:
            return rows.card_cell(raw)
        except rows.InvalidInput:
            return blocks.REFUSED

    expected = {"names": field(row_cleaner.name, cell), "phones": phone(cell), "cards": card(cell),
                "genders": field(row_cleaner.gender, cell), "birthdays": field(row_cleaner.birthday, cell),
                "joined": field(row_cleaner.joined_on, cell), "points": field(row_cleaner.points, cell),
                "texts": row_cleaner.text_of(cell)}
    found = {name: getattr(cleaner, f"_{name}")([cell])[0] for name in expected}
    assert found == expected
    for name in ("birthdays", "joined"):
        if found[name] not in (None, blocks.REFUSED):
            assert type(found[name]) is dt.date


def _layout(mapping):
    from pharmacy_desk.core.spreadsheet.columns import Layout

    return Layout(header_row=0, headers=HEADER, mapping=mapping)


def test_most_rows_of_a_messy_list_are_not_cleaned_one_by_one(tmp_path, monkeypatch):
    """A count, not a time: of 1,000 messy rows only those refused or holding two mobiles are cleaned
    row by row (all 1,000 were)."""
    from bench.bench_import import generate

    path = tmp_path / "会员.xlsx"
    generate(path, 1000)
    cleaned = []
    real = rows.RowCleaner.__call__
    monkeypatch.setattr(rows.RowCleaner, "__call__", lambda self, source: cleaned.append(source.row_number)
                        or real(self, source))
    plan = read_plan(path, today=TODAY)
    assert len(plan.candidates) + len(plan.problems) > 990
    assert len(cleaned) == len(plan.problems) + sum(1 for c in plan.candidates if c.phone_from_text) < 20
