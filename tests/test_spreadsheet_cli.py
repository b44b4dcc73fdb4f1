"""``pharmacy-desk import-members`` and ``pharmacy-desk export`` end to end."""

import sqlite3

import pytest
from openpyxl import load_workbook

from pharmacy_desk import cli
from pharmacy_desk.commands.common import PASSWORD_ENV
from tests.cli_helpers import OWNER_PASSWORD, as_owner
from tests.spreadsheet_helpers import HEADER, write_xlsx


@pytest.fixture(autouse=True)
def owner_password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)


def run(capsys, *argv):
    """Import and export sign in: each command runs as the owner (``--as``) of a set-up database."""
    code = cli.main(as_owner(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_then_import_then_export(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    assert run(capsys, "--db", db, "init")[0] == 0
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
    assert run(capsys, "--db", db, "init")[0] == 0
    missing = tmp_path / "nope.xlsx"
    code, _, err = run(capsys, "--db", db, "import-members", missing)
    assert code == 1 and err.startswith("错误：找不到文件")
    bad = tmp_path / "list.xlsm"
    bad.write_bytes(b"PK")
    code, _, err = run(capsys, "--db", db, "import-members", bad)
    assert code == 1 and "含宏" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", db, "export", "sales", "--out", tmp_path / "x.csv")
    assert code == 1 and ".xlsx" in err


def test_import_with_a_mapping_sheet_and_header_row(tmp_path, capsys, app_home):
    db = tmp_path / "shop.sqlite3"
    assert run(capsys, "--db", db, "init")[0] == 0
    rows = [["客户资料"], ["客人", "号码", "住哪"], ["张三", "备用 010-1234", "某路1号"],
            ["李四", "13912345678", "某路2号"]]
    source = write_xlsx(tmp_path / "list.xlsx", {"说明": [["本表由系统导出"]], "资料": rows})
    code, _, err = run(capsys, "--db", db, "import-members", source, "--dry-run")
    assert code == 1 and "找不到表头" in err

    code, out, _ = run(capsys, "--db", db, "import-members", source, "--sheet", "资料", "--header-row", 2,
                       "--map", "号码=手机号,住哪=地址", "--map", "客人=姓名")
    assert code == 0, out
    assert "工作表“资料”：第2行是表头；客人→姓名，号码→手机号，住哪→地址。" in out
    assert "工作表“说明”未导入：没有选择这张表。" in out
    assert "数据有误：手机号只能包含数字（1 行，如资料第3行）" in out
    assert sqlite3.connect(db).execute("SELECT name, phone, address FROM member").fetchall() == [
        ("李四", "13912345678", "某路2号")]

    # The next export of the same register is read the same way without being told.
    again = write_xlsx(tmp_path / "next.xlsx", {"资料": [["客人", "号码", "住哪"], ["王五", "13712345678", "某路3号"]]})
    code, out, _ = run(capsys, "--db", db, "import-members", again)
    assert code == 0 and "新增 1 位会员" in out
    assert "客人→姓名，号码→手机号，住哪→地址" in out


def test_map_names_a_field_the_app_knows(tmp_path, capsys):
    source = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": [HEADER]})
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite3", "import-members", source, "--map", "联系人=微信")
    assert code == 1 and "不认识的字段“微信”" in err


def test_opening_points_validity_is_chosen_on_the_command_line(tmp_path, capsys):
    import datetime as dt

    from pharmacy_desk.commands import spreadsheet
    from pharmacy_desk.core.ledger import add_months
    from pharmacy_desk.core.spreadsheet import plan

    assert spreadsheet.DEFAULT_VALIDITY_MONTHS == plan.DEFAULT_VALIDITY_MONTHS
    db = tmp_path / "shop.sqlite3"
    source = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": [["姓名", "手机", "积分"], ["张三", "13812345678", "1000"]]})
    code, out, _ = run(capsys, "--db", db, "import-members", source, "--dry-run")
    assert code == 0 and "期初积分共 1,000 分，可抵现约 42.00 元" in out and "（导入后 12 个月" in out
    code, out, _ = run(capsys, "--db", db, "import-members", source, "--points-valid-months", 24)
    assert code == 0 and "（导入后 24 个月" in out
    expires = sqlite3.connect(db).execute("SELECT expires_on FROM ledger_entry").fetchone()[0]
    assert expires == add_months(dt.date.today(), 24).isoformat()
