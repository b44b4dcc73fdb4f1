"""An import keeps the cleaned members, not the file's rows: the cells of a member already planned are
let go, a conflict's are read again from the file for the report, and the sheet is streamed."""

import datetime as dt
import tracemalloc

from openpyxl import load_workbook

from pharmacy_desk.core.spreadsheet.plan import fill_problem_cells, match_database, plan_import, read_plan
from pharmacy_desk.core.spreadsheet.reading import HEAD_ROWS, read_file
from pharmacy_desk.core.spreadsheet.report import write_error_report
from tests.spreadsheet_helpers import write_csv, write_xlsx

TODAY = dt.date(2026, 6, 10)
HEADER = ["会员卡号", "姓名", "手机", "备注"]


def test_a_planned_member_keeps_no_cells_and_a_conflict_gets_them_back(db, tmp_path, make_member):
    make_member(phone="13712345678", name="王五", card_no="8800001")
    rows = [HEADER, ["8800002", "张三", "13812345678", "老顾客"],
            ["8800002", "李四", "13912345678", "同一张卡"],  # the card 张三's row already holds
            ["8800001", "马六", "13612345678", "王五的卡"],  # the card a member has in the database
            ["", "赵七", "1381234567", "少一位"]]  # refused: keeps its cells from the start
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": rows})
    file_plan = read_plan(path, today=TODAY)
    assert [c.source.values for c in file_plan.candidates] == [None, None]
    assert [p.source.values for p in file_plan.problems] == [["", "赵七", "1381234567", "少一位"], None]
    plan = match_database(file_plan)
    fill_problem_cells(plan)
    assert {p.source.row_number: p.source.values for p in plan.problems} == {
        5: ["", "赵七", "1381234567", "少一位"], 3: ["8800002", "李四", "13912345678", "同一张卡"],
        4: ["8800001", "马六", "13612345678", "王五的卡"]}
    out = tmp_path / "report.xlsx"
    assert write_error_report(plan_import(path, today=TODAY), out) == 3
    sheet = load_workbook(out)["会员"]
    assert [[cell.value for cell in row][:4] for row in sheet.iter_rows(min_row=2)] == [
        ["8800002", "李四", "13912345678", "同一张卡"], ["8800001", "马六", "13612345678", "王五的卡"],
        [None, "赵七", "1381234567", "少一位"]]


def test_a_file_changed_since_the_plan_leaves_a_conflict_without_cells(db, tmp_path):
    rows = [HEADER, ["8800002", "张三", "13812345678", ""], ["8800002", "李四", "13912345678", ""]]
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": rows})
    plan = plan_import(path, today=TODAY)
    write_xlsx(path, {"会员": [HEADER, ["8800002", "别人", "13812345678", ""]]})
    fill_problem_cells(plan)
    assert [(p.source.row_number, p.source.values) for p in plan.problems] == [(3, [])]


def test_rows_are_streamed_beyond_the_first_ones(tmp_path):
    rows = [HEADER] + [["", f"会员{n}", f"139{n:08d}", ""] for n in range(HEAD_ROWS + 60)]
    for path in (write_xlsx(tmp_path / "会员.xlsx", {"会员": rows}), write_csv(tmp_path / "会员.csv", rows, "gbk")):
        sheet = read_file(path)[0]
        assert len(sheet.rows) == len(rows) and len(sheet.rows.head) == HEAD_ROWS
        assert [row[1] for row in sheet.rows][-1] == f"会员{HEAD_ROWS + 59}"
        assert sheet.rows[HEAD_ROWS + 10][1] == f"会员{HEAD_ROWS + 9}" and sheet.rows[-1][1] == rows[-1][1]
        assert [row[1] for row in sheet.rows[HEAD_ROWS - 1:HEAD_ROWS + 1]] == [rows[HEAD_ROWS - 1][1], rows[HEAD_ROWS][1]]
        sheet.close()
        assert sheet.rows[:3][1][1] == "会员0"  # the first rows stay for the wizard


def test_columns_left_of_the_first_value_are_kept(tmp_path):
    path = write_xlsx(tmp_path / "右移.xlsx", {"会员": [[None, None, "姓名", "手机"], [None, None, "张三", "13812345678"]]})
    assert [list(row) for row in read_file(path)[0].rows] == [["", "", "姓名", "手机"], ["", "", "张三", "13812345678"]]


ROWS = 10_000
# What planning may cost Python at its peak, a row of the list (tracemalloc: calamine's own cells are
# not counted): about 650 bytes, the cleaned member and its strings. With the sheet's rows and every
# candidate's cells kept it was about 1,150 bytes. 20 MB of the messiest list is about 320,000 rows.
BYTES_A_ROW = 800


def test_planning_a_list_holds_the_members_not_the_rows(tmp_path):
    from bench.bench_import import generate

    path = tmp_path / "会员.xlsx"
    generate(path, ROWS)
    read_plan(path, today=TODAY)  # modules, caches and tables loaded once, outside the measure
    tracemalloc.start()
    try:
        plan = read_plan(path, today=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(plan.candidates) > ROWS * 0.99
    assert peak < ROWS * BYTES_A_ROW, f"{peak / ROWS:.0f} bytes a row"
