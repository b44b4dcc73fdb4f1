import sqlite3
import sys

from pharmacy_desk import cli
from pharmacy_desk.commands.common import PASSWORD_ENV
from pharmacy_desk.core import paths
from tests.cli_helpers import OWNER_PASSWORD, as_owner, run


def test_init_demo_and_check_on_a_named_database(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    code, out, _ = run(capsys, "--db", db, "demo", "--members", "30", "--months", "3", "--seed", "7")
    assert code == 0 and "30 位会员" in out
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and "检查通过" in out


def test_demo_is_deterministic_for_a_seed(tmp_path, capsys):
    rows = []
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.sqlite3")
        run(capsys, "--db", db, "demo", "--members", "20", "--months", "2", "--seed", "3")
        con = sqlite3.connect(db)
        rows.append(con.execute("SELECT phone, name, birthday FROM member ORDER BY id").fetchall())
        con.close()
    assert rows[0] == rows[1] and len(rows[0]) == 20


def test_demo_refuses_a_real_database(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "real.sqlite3")
    from pharmacy_desk.core import members
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff

    open_database(db, create=True)
    members.register(phone="13812345678", name="张三", operator=Staff.create(name="李娜", role="cashier"))
    close_database()
    code, _, err = run(capsys, "--db", db, "demo", "--members", "5", "--months", "1")
    assert code == 1 and "不是演示数据库" in err


def test_check_lists_broken_invariants_and_fails(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite3")
    run(capsys, "--db", db, "demo", "--members", "10", "--months", "2")
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER ledger_entry_no_update")
    con.execute("UPDATE ledger_entry SET points = points + 1000 WHERE id = (SELECT MIN(id) FROM ledger_entry "
                "WHERE kind = 'earn')")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 2
    assert "消费记录的积分与流水不符" in out and "缺少只追加保护" in out


def test_expected_errors_are_one_sentence_not_a_traceback(tmp_path, capsys):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    code, out, err = run(capsys, "--db", str(junk), "check")
    assert code == 1 and "Traceback" not in err and "损坏" in err


def test_demo_flag_uses_its_own_database(capsys, monkeypatch):
    code, out, _ = run(capsys, "--demo", "init")
    assert code == 0 and str(paths.demo_database_path()) in out
    assert not paths.database_path().exists()


def test_bugs_are_logged_with_traceback(tmp_path, capsys, monkeypatch):
    def explode(args):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("pharmacy_desk.commands.database.cmd_init", explode)
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "init")
    assert code == 3 and "已记录到" in err
    log_text = (paths.log_dir() / "pharmacy_desk.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log_text and "Traceback" in log_text


def test_demo_without_db_never_touches_the_real_database(capsys):
    code, out, _ = run(capsys, "demo", "--members", "5", "--months", "1")
    assert code == 0 and str(paths.demo_database_path()) in out
    assert not paths.database_path().exists()


def test_housekeeping_runs_and_is_idempotent(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    assert run(capsys, "--db", db, "housekeeping")[0] == 0
    code, out, _ = run(capsys, "--db", db, "housekeeping")
    assert code == 0 and "本月已复核" in out


def test_rules_are_shown_and_changed_from_the_command_line(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "shop.sqlite3")
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    assert run(capsys, "--db", db, "init")[0] == 0
    code, out, _ = run(capsys, "--db", db, "rules")
    assert code == 0 and "points_validity_months = 3" in out and "core：核心会员，消费满 500.00 元" in out
    code, out, _ = run(capsys, *as_owner(["--db", db, "rules", "set", "points_validity_months", "6"]))
    assert code == 0 and "* points_validity_months = 6" in out
    code, out, _ = run(capsys, *as_owner(["--db", db, "rules", "tier", "core", "--min-spend", "300",
                                          "--multiplier", "1.3", "--cap", "120"]))
    assert code == 0 and "core：核心会员，消费满 300.00 元且 0 次，1.3 倍，上限 120.00 元" in out
    code, out, _ = run(capsys, *as_owner(["--db", db, "rules", "category", "otc", "--points", "2", "--per", "10"]))
    assert code == 0 and "otc：非处方药，每 10.00 元 2 分" in out
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM setting WHERE key = 'points_validity_months'").fetchone() == ("6",)
    assert con.execute("SELECT min_spend_fen, monthly_cap_fen FROM tier WHERE code = 'core'").fetchone() == (
        30000, 12000)
    assert con.execute("SELECT COUNT(*) FROM operation WHERE kind = 'rule_change'").fetchone() == (2,)
    con.close()


def test_rules_that_make_no_sense_get_one_sentence(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "shop.sqlite3")
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    assert run(capsys, "--db", db, "init")[0] == 0
    for argv, message in ((("rules", "set", "nope", "1"), "没有名为“nope”的设置"),
                          (("rules", "set", "redeem_blocks", "500"), "积分抵现档位格式"),
                          (("rules", "tier", "vip", "--min-spend", "100"), "不能低于核心会员"),
                          (("rules", "tier", "core", "--min-spend", "abc"), "金额“abc”无法识别"),
                          (("rules", "tier", "core", "--multiplier", "abc"), "不是数字"),
                          (("rules", "tier", "core", "--min-visits", "两次"), "次数应为不小于 0 的整数"),
                          (("rules", "category", "otc", "--points", "-1"), "积分应为不小于 0 的整数")):
        code, out, err = run(capsys, *as_owner(["--db", db, *argv]))
        assert code == 1 and message in err and "Traceback" not in err, argv


def test_a_reader_that_goes_away_is_not_an_internal_error(tmp_path, capfd, monkeypatch):
    """``pharmacy-desk rules | head -1``: the pipe closes under the printing command."""
    from pharmacy_desk.commands import rules

    def closed_pipe(_args):
        raise BrokenPipeError

    redirected = []
    monkeypatch.setattr(rules, "cmd_rules", closed_pipe)
    monkeypatch.setattr(cli.os, "dup2", lambda source, target: redirected.append(target))
    assert cli.main(["--db", str(tmp_path / "shop.sqlite3"), "rules"]) == 1
    _out, err = capfd.readouterr()
    assert "内部错误" not in err and redirected == [sys.stdout.fileno()]


def test_every_subcommand_lives_in_a_commands_module():
    """``cli`` holds the parser's global options and the error policy; each subcommand is registered
    by a module of ``pharmacy_desk.commands`` and runs code from there."""
    import argparse

    parser = cli.build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert {"init", "demo", "check", "housekeeping", "gui", "import-members", "export", "report",
            "rules"} <= set(subcommands)
    for name, subparser in subcommands.items():
        assert subparser.get_default("func").__module__.startswith("pharmacy_desk.commands."), name
    assert not any(name.startswith(("cmd_", "_open")) for name in vars(cli))


WINDOWS_STARTS = ([], ["gui"], ["--demo"], ["--db", "shop.sqlite3"], ["--db=shop.sqlite3", "gui", "--smoke-test"],
                  ["--as", "王芳", "--db", "a.sqlite3", "--db", "b.sqlite3", "gui", "--smoke-walk", "--smoke-test"],
                  ["--as=", "--demo", "gui"], ["--db", "gui"], ["--demo", "--demo", "gui", "--smoke-test", "--smoke-test"])
NOT_WINDOWS_STARTS = (["--help"], ["--version"], ["gui", "--help"], ["check"], ["--db", "x", "rules"], ["--dem"],
                      ["--db"], ["--db", "--demo"], ["--smoke-test"], ["gui", "--db", "x"], ["gui", "gui"],
                      ["--demo=1"], ["--", "gui"], ["--db", "-"])


def test_the_windows_start_reads_its_options_as_the_whole_command_line_does():
    # The windows' start skips argparse; what it makes of its arguments must be what argparse makes.
    fields = ("db", "demo", "as_name", "command", "smoke_test", "smoke_walk", "func")
    for argv in WINDOWS_STARTS:
        quick, whole = cli.windows_arguments(argv), cli.build_parser().parse_args(argv)
        assert quick is not None, argv
        assert {name: getattr(quick, name, None) for name in fields} == \
               {name: getattr(whole, name, None) for name in fields}, argv
    for argv in NOT_WINDOWS_STARTS:
        assert cli.windows_arguments(argv) is None, argv
