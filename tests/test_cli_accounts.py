"""The command line signs in: ``setup`` on a new database, ``--as`` for what changes data or exports it, ``staff``."""

import io

import pytest

from pharmacy_desk import cli
from pharmacy_desk.commands.common import NEW_PASSWORD_ENV, PASSWORD_ENV
from tests.cli_helpers import AS_OWNER, OWNER, OWNER_PASSWORD, rows, run, set_up_shop


@pytest.fixture
def shop(tmp_path, monkeypatch):
    db = tmp_path / "shop.sqlite3"
    set_up_shop(db, monkeypatch, staff=[("李娜", "cashier", "1234")])
    return db


def test_setup_from_the_command_line_with_the_password_in_the_environment(tmp_path, capsys, monkeypatch):
    db = tmp_path / "new.sqlite3"
    monkeypatch.setenv(PASSWORD_ENV, "owner-pass")
    code, out, _ = run(capsys, "--db", db, "setup", "--pharmacy", "康宁大药房", "--owner", "王芳",
                       "--address", "和平路 12 号", "--phone", "0571-88886666")
    assert code == 0 and "开店设置完成" in out and "--as 王芳" in out
    assert rows(db, "SELECT key, value FROM setting WHERE key LIKE 'pharmacy_%' ORDER BY key") == [
        ("pharmacy_address", "和平路 12 号"), ("pharmacy_name", "康宁大药房"), ("pharmacy_phone", "0571-88886666")]
    assert rows(db, "SELECT name, role FROM staff WHERE role = 'owner'") == [("王芳", "owner")]
    code, _, err = run(capsys, "--db", db, "setup", "--pharmacy", "别家", "--owner", "张三")
    assert code == 1 and "已经完成开店设置" in err
    assert rows(db, "SELECT COUNT(*) FROM staff WHERE role = 'owner'") == [(1,)]


def test_setup_asks_for_the_password_twice(tmp_path, capsys, monkeypatch):
    db = tmp_path / "new.sqlite3"
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-pass\nowner-typo\n"))
    code, _, err = run(capsys, "--db", db, "setup", "--pharmacy", "康宁", "--owner", "王芳")
    assert code == 1 and "两次输入的密码不一致" in err
    assert rows(db, "SELECT COUNT(*) FROM staff WHERE role = 'owner'") == [(0,)]
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-pass\nowner-pass\n"))
    assert run(capsys, "--db", db, "setup", "--pharmacy", "康宁", "--owner", "王芳")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-pass\n"))
    code, out, _ = run(capsys, "--db", db, "--as", "王芳", "staff", "list")
    assert code == 0 and "王芳（店长）：在职" in out


@pytest.mark.parametrize("argv", [
    ("export", "members", "--out", "{tmp}/members.xlsx"),
    ("import-members", "{tmp}/list.xlsx"),
    ("rules", "set", "points_validity_months", "6"),
    ("rules", "category", "otc", "--points", "2"),
    ("report", "--month", "2026-05", "--out", "{tmp}/report.xlsx"),
    ("staff", "list"),
    ("staff", "add", "刘洋", "--role", "cashier"),
])
def test_commands_that_change_or_export_data_need_an_operator(shop, capsys, tmp_path, argv):
    before = rows(shop, "SELECT COUNT(*) FROM operation")
    code, _, err = run(capsys, "--db", shop, *(a.format(tmp=tmp_path) for a in argv))
    assert code == 1 and "--as 姓名" in err and err.count("\n") == 1
    assert rows(shop, "SELECT COUNT(*) FROM operation") == before
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_cashier_may_not_export_members_and_the_owner_may(shop, capsys, tmp_path, monkeypatch):
    out_file = tmp_path / "members.xlsx"
    monkeypatch.setenv(PASSWORD_ENV, "1234")
    code, _, err = run(capsys, "--db", shop, "--as", "李娜", "export", "members", "--out", out_file)
    assert code == 1 and "导出个人信息" in err and not out_file.exists()
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "export", "members", "--out", out_file)
    assert code == 0 and out_file.exists()
    signed = rows(shop, "SELECT s.name FROM operation o JOIN staff s ON s.id = o.staff_id WHERE o.kind = 'sign_in'")
    assert signed == [("李娜",), (OWNER,)]
    exported = int(out.split("已导出会员 ")[1].split(" 行")[0])
    recorded = rows(shop, "SELECT s.name, o.detail FROM operation o JOIN staff s ON s.id = o.staff_id "
                          "WHERE o.kind = 'export'")
    assert recorded == [(OWNER, f"会员 {exported} 行 → {out_file}")]


def test_a_wrong_password_is_refused_and_recorded(shop, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "wrong-pass")
    code, _, err = run(capsys, "--db", shop, *AS_OWNER, "rules", "set", "points_validity_months", "6")
    assert code == 1 and err == "错误：姓名或密码不正确。\n"
    assert rows(shop, "SELECT subject FROM operation WHERE kind = 'sign_in_failed'") == [(OWNER,)]
    assert rows(shop, "SELECT COUNT(*) FROM setting WHERE key = 'points_validity_months'") == [(0,)]


def test_a_cashier_may_not_change_rules_from_the_command_line(shop, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "1234")
    code, _, err = run(capsys, "--db", shop, "--as", "李娜", "rules", "set", "points_validity_months", "6")
    assert code == 1 and "修改规则和设置" in err
    assert rows(shop, "SELECT COUNT(*) FROM setting WHERE key = 'points_validity_months'") == [(0,)]


def test_an_operator_before_setup_is_told_to_set_up(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    assert run(capsys, "--db", tmp_path / "new.sqlite3", "init")[0] == 0
    code, _, err = run(capsys, "--db", tmp_path / "new.sqlite3", *AS_OWNER, "staff", "list")
    assert code == 1 and "还没有开店设置" in err and "setup --pharmacy" in err


def test_maintenance_needs_no_operator(shop, capsys):
    for argv in (("init",), ("check",), ("housekeeping",), ("rules",)):
        code, _, err = run(capsys, "--db", shop, *argv)
        assert code == 0, (argv, err)
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    assert "--as NAME" in capsys.readouterr().out


def test_the_owner_runs_the_staff_from_the_command_line(shop, capsys, monkeypatch):
    def staff(*argv, new_secret=None):
        if new_secret is not None:
            monkeypatch.setenv(NEW_PASSWORD_ENV, new_secret)
        return run(capsys, "--db", shop, *AS_OWNER, "staff", *argv)

    code, out, _ = staff("add", "陈静", "--role", "pharmacist", new_secret="4321")
    assert code == 0 and "已添加店员 陈静（药师）" in out
    code, _, err = staff("add", "刘洋", "--role", "cashier", new_secret="12")
    assert code == 1 and "PIN" in err
    code, _, err = staff("add", "刘洋", "--role", "owner", new_secret="1234")
    assert code == 1 and "至少 8" in err
    code, out, _ = staff("edit", "陈静", "--name", "陈静怡")
    assert code == 0 and "陈静怡（药师）" in out
    code, _, err = staff("edit", "陈静怡", "--role", "owner", new_secret="4321")
    assert code == 1 and "至少 8" in err
    code, out, _ = staff("edit", "陈静怡", "--role", "owner", new_secret="second-owner")
    assert code == 0 and "陈静怡（店长）" in out

    monkeypatch.setenv(PASSWORD_ENV, "0000")
    for _ in range(5):
        run(capsys, "--db", shop, "--as", "李娜", "staff", "list")
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    code, out, _ = staff("list")
    assert code == 0 and "李娜（收银员）：在职，锁定至" in out and "陈静怡（店长）：在职" in out
    assert staff("unlock", "李娜")[1] == "已为 李娜 解除锁定。\n"
    assert staff("reset", "李娜", new_secret="5678")[0] == 0
    assert staff("deactivate", "李娜")[0] == 0
    code, out, _ = staff("list")
    assert "李娜（收银员）：已停用" in out
    code, _, err = staff("deactivate", "王五")
    assert code == 1 and "找不到名为“王五”的店员" in err
    details = rows(shop, "SELECT detail FROM operation WHERE kind = 'staff_change' ORDER BY id")
    assert [d for (d,) in details][-6:] == [
        "陈静：新增店员（药师）", "陈静：姓名 陈静 → 陈静怡", "陈静怡：角色 药师 → 店长；重设密码",
        "李娜：解除锁定", "李娜：重设密码", "李娜：停用"]
    assert not any(secret in d for (d,) in details for secret in ("4321", "5678", "second-owner"))


def test_the_system_account_holds_nothing_but_housekeeping(db):
    from pharmacy_desk.core.defaults import system_staff
    from pharmacy_desk.core.permissions import can
    from pharmacy_desk.core.vocabulary import Permission

    assert [p for p in Permission if can(system_staff(), p)] == [Permission.HOUSEKEEPING]


def test_the_owner_prints_and_exports_the_audit_log(shop, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(PASSWORD_ENV, "0000")
    run(capsys, "--db", shop, "--as", "李娜", "staff", "list")  # a failed sign-in
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "audit", "--kind", "登录失败,sign_in")
    lines = out.splitlines()
    assert code == 0 and lines[-1] == "共 2 条。"
    assert f"  {OWNER}  登录  staff:" in lines[0] and "  系统  登录失败  李娜" in lines[1]
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "audit", "--operator", "李娜")
    assert code == 0 and out.splitlines()[-1] == "共 0 条。"
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "audit", "--since", "2000-01-01", "--until", "2000-12-31")
    assert out == "共 0 条。\n"
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "audit", "--limit", "1", "--out", tmp_path / "log.xlsx")
    assert code == 0 and "已导出操作日志 1 行" in out and (tmp_path / "log.xlsx").exists()
    for argv, message in ((("--since", "6月1日"), "开始日期应为 YYYY-MM-DD"), (("--kind", "登陆"), "没有名为“登陆”"),
                          (("--operator", "王五"), "找不到名为“王五”"), (("--limit", "0"), "--limit 应为正整数"),
                          (("--out", tmp_path / "log.csv"), ".xlsx")):
        code, _, err = run(capsys, "--db", shop, *AS_OWNER, "audit", *argv)
        assert code == 1 and message in err, argv


def test_a_cashier_may_not_read_the_audit_log(shop, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "1234")
    code, out, err = run(capsys, "--db", shop, "--as", "李娜", "audit")
    assert code == 1 and "查看操作日志" in err and out == ""
