"""``pharmacy-desk import-members`` and ``pharmacy-desk export`` end to end."""

import sqlite3

from openpyxl import load_workbook

from pharmacy_desk import cli
from tests.spreadsheet_helpers import HEADER, write_xlsx


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_then_import_then_export(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    source = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": [
        HEADER, ["", "张三", "13812345678", "男", "1965-03-08", "100"], ["", "李四", "123", "女"]]})
    report = tmp_path / "errors.xlsx"
    code, out, _ = run(capsys, "--db", db, "import-members", source, "--dry-run", "--report", report)
    assert code == 0 and "新增 1 人" in out and "数据有误 1 行" in out and "没有写入" in out
    assert load_workbook(report).active["B2"].value == "李四"
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM member").fetchone() == (0,)

    code, out, _ = run(capsys, "--db", db, "import-members", source)
    assert code == 0 and "新增 1 位会员" in out and "共 100 分" in out
    code, out, _ = run(capsys, "--db", db, "import-members", source)
    assert code == 0 and "已经导入过" in out
    con = sqlite3.connect(db)
    assert con.execute("SELECT name, phone FROM member").fetchall() == [("张三", "13812345678")]
    assert con.execute("SELECT SUM(points) FROM ledger_entry WHERE kind = 'import'").fetchone() == (100,)
    con.close()
    assert run(capsys, "--db", db, "check")[0] == 0

    out_file = tmp_path / "members.xlsx"
    code, out, _ = run(capsys, "--db", db, "export", "members", "--out", out_file)
    assert code == 0 and "1 行" in out
    assert load_workbook(out_file).active["C2"].value == "13812345678"


def test_errors_are_one_sentence_and_exit_1(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    missing = tmp_path / "nope.xlsx"
    code, _, err = run(capsys, "--db", db, "import-members", missing)
    assert code == 1 and err.startswith("错误：找不到文件")
    bad = tmp_path / "list.xlsm"
    bad.write_bytes(b"PK")
    code, _, err = run(capsys, "--db", db, "import-members", bad)
    assert code == 1 and "含宏" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", db, "export", "sales", "--out", tmp_path / "x.csv")
    assert code == 1 and ".xlsx" in err
