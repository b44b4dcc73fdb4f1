"""An import keeps the cleaned members, not the file's rows: the cells of a member already planned are
let go, those of a row that may turn out a conflict are kept from the same read, and the sheet is streamed."""

import datetime as dt
import tracemalloc

from openpyxl import load_workbook

from pharmacy_desk.core.spreadsheet import problem_cells
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


def test_a_file_changed_since_the_plan_leaves_a_conflict_without_cells(db, tmp_path, monkeypatch):
    """Unless the plan kept them: then they are the cells it was made from."""
    rows = [HEADER, ["8800002", "张三", "13812345678", ""], ["8800002", "李四", "13912345678", ""]]
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": rows})
    kept = plan_import(path, today=TODAY)
    monkeypatch.setattr(problem_cells, "KEPT_ROWS", 0)
    plan = plan_import(path, today=TODAY)
    write_xlsx(path, {"会员": [HEADER, ["8800002", "别人", "13812345678", ""]]})
    fill_problem_cells(plan)
    assert [(p.source.row_number, p.source.values) for p in plan.problems] == [(3, [])]
    fill_problem_cells(kept)
    assert [(p.source.row_number, p.source.values) for p in kept.problems] == [(3, rows[2])]


def test_only_the_rows_that_may_turn_out_conflicts_keep_their_cells(db, tmp_path, make_member):
    """Those whose card another row repeats, or a member holds under another phone or name; and the refused ones."""
    make_member(phone="13712345678", name="王五", card_no="8800001")
    make_member(phone="13512345678", name="孙八", card_no="8800005")
    rows = [HEADER, ["8800002", "张三", "13812345678", ""], ["8800002", "李四", "13912345678", ""],
            ["8800001", "马六", "13612345678", ""], ["8800005", "孙八", "13512345678", "已是会员"],
            ["8800003", "周九", "13312345678", ""], ["", "赵七", "1381234567", "少一位"]]
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": rows})
    assert sorted(read_plan(path, today=TODAY).kept_cells) == [("会员", 2), ("会员", 3)]
    file_plan = read_plan(path, today=TODAY, against_members=True)
    assert file_plan.kept_cells == {("会员", n): rows[n - 1] for n in (2, 3, 4)}
    assert [p.source.values for p in file_plan.problems] == [rows[6], None]


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
# What planning a list, and saying what its preview says, may cost Python at its peak for each row
# (tracemalloc: calamine's own cells are not counted), as the difference between a list of ROWS and
# one twice as long: what any list costs once (the block of 5,000 rows being cleaned, the 1 MB read
# of the file's hash, the safety checks' buffers: 3.7 MB) is no row's, and it was a third of the
# 773 bytes a row that the peak of 10,000 rows alone read. 380 bytes a row: the cleaned member,
# its strings and the memories of each column's cells. A (phone, name) pair and a dict entry a row
# for the merge within the file made it 474 (585 from 20,000 to 40,000 rows), and a set of names
# for every phone, for the preview's count of shared phones, added 240 bytes a row at its own peak.
BYTES_A_ROW = 420


def planning_peak(path):
    """The plan of ``path`` and the peak of what making it and its preview's notices allocated."""
    assert read_plan(path, today=TODAY).notices  # modules, caches and tables loaded once, outside the measure
    tracemalloc.start()
    try:
        plan = read_plan(path, today=TODAY)
        assert plan.notices  # the shared phones of the list, counted over every candidate
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return plan, peak


def test_planning_a_list_holds_the_members_not_the_rows(tmp_path):
    from bench.bench_import import generate

    peaks = []
    for rows in (ROWS, 2 * ROWS):
        path = tmp_path / f"会员{rows}.xlsx"
        generate(path, rows)
        plan, peak = planning_peak(path)
        assert len(plan.candidates) > rows * 0.99
        peaks.append(peak)
    per_row = (peaks[1] - peaks[0]) / ROWS
    assert per_row < BYTES_A_ROW, f"{per_row:.0f} bytes a row ({peaks[0] / ROWS:.0f} at {ROWS:,} rows)"


def test_a_candidate_holds_its_values_only_and_shares_what_the_list_repeats(tmp_path):
    """A 20 MB list is 320,000 candidates: no row object each, one object a join date or balance,
    and no slots for the fields few lists have."""
    import gc

    from pharmacy_desk.core.spreadsheet.rows import SourceRow

    joined = dt.datetime(2015, 3, 8)
    rows = [["姓名", "手机", "办卡日期", "积分"]] + [[f"会员{n}", f"139{n:08d}", joined, 1200] for n in range(50)]
    plan = read_plan(write_xlsx(tmp_path / "会员.xlsx", {"会员": rows}), today=TODAY)
    assert len(plan.candidates) == 50
    assert not any(isinstance(item, SourceRow) for c in plan.candidates for item in gc.get_referents(c))
    assert len({id(c.joined_on) for c in plan.candidates}) == 1 and len({id(c.points) for c in plan.candidates}) == 1
    first = plan.candidates[0]
    assert first.more is None and (first.history, first.tier, first.spend_fen, first.phone_from_text) == ("", "", None, False)
    assert (first.source.sheet, first.source.row_number, first.source.values) == ("会员", 2, None)


def test_the_import_does_not_map_the_file_into_memory_and_puts_the_map_back_after(db, owner, tmp_path, monkeypatch):
    """Each page of the indexes an import grows, read through the map, stayed in the process's
    memory: 180 MB of its 440 MB peak for a 20 MB list."""
    from pharmacy_desk.core import dialect
    from pharmacy_desk.core.db import database
    from pharmacy_desk.core.spreadsheet import commit

    def mapped() -> int:
        return database.execute_sql("PRAGMA mmap_size").fetchone()[0]

    usual, during, real_execute = mapped(), [], commit._execute

    def execute(statements):
        during.append(mapped())
        real_execute(statements)

    monkeypatch.setattr(commit, "_execute", execute)
    path = write_xlsx(tmp_path / "会员.xlsx", {"会员": [["姓名", "手机"], ["张三", "13812345678"]]})
    assert commit.commit_import(read_plan(path, today=TODAY), owner).created == 1
    assert usual == dict(dialect.PRAGMAS)["mmap_size"] > 0
    assert during and set(during) == {0} and mapped() == usual


def sqlite_memory():
    """SQLite's own count of what it allocated (``sqlite3_memory_used``, ``sqlite3_memory_highwater``), when
    ctypes finds the library Python's ``sqlite3`` runs on; None otherwise."""
    import ctypes
    import ctypes.util
    import sqlite3

    name = ctypes.util.find_library("sqlite3")
    if name is None:
        return None
    library = ctypes.CDLL(name)
    library.sqlite3_libversion.restype = ctypes.c_char_p
    library.sqlite3_memory_used.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
    if library.sqlite3_libversion().decode() != sqlite3.sqlite_version:
        return None
    before = library.sqlite3_memory_used()
    sqlite3.connect(":memory:").execute("CREATE TABLE probe AS SELECT zeroblob(1000000) AS b")
    return library if library.sqlite3_memory_highwater(0) >= before + 1_000_000 else None  # the same copy


MEMBERS = 5000
# What SQLite may allocate beyond the pages of the file while an import's one chunk writes 5,000 members
# (its page cache holds those pages): the prepared statements, their bound values and the journal of
# the running statement. A statement of 1,024 members binds 21,504 values, a 56-byte cell each, and
# holds an opcode or two per value, and the connection keeps it prepared after the import: 8.2 MB
# here with statements of up to 1,024 members, 4.6 MB with 512, 2.5 MB with 256.
STATEMENTS_BYTES = 4_000_000


def test_the_imports_statements_hold_little_of_sqlites_memory(db, owner, tmp_path, monkeypatch):
    from bench.bench_import import generate
    from pharmacy_desk.core import db as db_module
    from pharmacy_desk.core.db import database
    from pharmacy_desk.core.spreadsheet import commit

    library = sqlite_memory()
    if library is None:
        import pytest

        pytest.skip("SQLite's memory counts are not reachable through ctypes here")
    monkeypatch.setattr(db_module, "CHUNK_TARGET_S", 60.0)  # one chunk of them all, however slow the machine
    monkeypatch.setattr(commit, "FIRST_CHUNK", MEMBERS)
    path = tmp_path / "会员.xlsx"
    generate(path, MEMBERS)
    plan = read_plan(path, today=TODAY)
    before = library.sqlite3_memory_used()
    library.sqlite3_memory_highwater(1)
    result = commit.commit_import(plan, owner)
    peak = library.sqlite3_memory_highwater(0) - before
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0] * database.execute_sql("PRAGMA page_size").fetchone()[0]
    assert result.created > MEMBERS * 0.99
    assert peak - pages < STATEMENTS_BYTES, f"{(peak - pages) / 1e6:.1f} MB beyond {pages / 1e6:.1f} MB of pages"
