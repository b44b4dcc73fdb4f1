"""``coupons templates|issue|report`` on the same core calls as the window."""

from __future__ import annotations


import pytest

from pharmacy_desk.commands.common import PASSWORD_ENV
from tests.cli_helpers import AS_OWNER, rows, run, set_up_shop


@pytest.fixture
def shop(tmp_path, monkeypatch):
    from pharmacy_desk.core import members
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff

    db = tmp_path / "shop.sqlite3"
    set_up_shop(db, monkeypatch, staff=[("李娜", "cashier", "1234")])
    open_database(db)
    try:
        members.register(phone="13800001234", name="张三", operator=Staff.get(Staff.name == "李娜"))
    finally:
        close_database()
    return db


def test_the_owner_adds_a_manjian_template_issues_it_and_reads_the_report(shop, capsys, tmp_path):
    code, out, err = run(capsys, "--db", shop, *AS_OWNER, "coupons", "templates", "add", "--kind", "threshold",
                         "--title", "满100减10", "--value", "10", "--min-spend", "100", "--days", "30")
    assert code == 0, err
    assert "已新增券模板 #1 满100减10" in out
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "coupons", "templates")
    assert "#1 满100减10：满100.00减10.00，30天有效" in out and "共 1 个券模板" in out

    code, out, err = run(capsys, "--db", shop, *AS_OWNER, "coupons", "issue", "1", "--member", "13800001234")
    assert code == 0 and "已发放 1 张" in out, err
    assert rows(shop, "SELECT kind, value_fen, min_spend_fen, reason FROM coupon WHERE template_id = 1") == [
        ("threshold", 1000, 10000, "member")]

    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "coupons", "report")
    assert "满100减10（满减券，单独发给会员）：发放 1 张，已使用 0 张，使用率 0%，优惠 0.00 元" in out
    target = tmp_path / "usage.xlsx"
    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "coupons", "report", "--out", target)
    assert code == 0 and target.exists() and "已导出券核销 2 行" in out

    code, out, _ = run(capsys, "--db", shop, *AS_OWNER, "coupons", "templates", "retire", "1")
    assert code == 0 and "已停用券模板 #1" in out
    code, _, err = run(capsys, "--db", shop, *AS_OWNER, "coupons", "issue", "1", "--member", "13800001234")
    assert code == 1 and "已停用" in err


def test_a_cashier_is_refused_before_anything_is_written(shop, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "1234")
    before = rows(shop, "SELECT COUNT(*) FROM coupon_template")
    code, _, err = run(capsys, "--db", shop, "--as", "李娜", "coupons", "templates", "add", "--kind", "fixed",
                       "--title", "5元券", "--value", "5")
    assert code == 1 and "管理和发放优惠券" in err
    assert rows(shop, "SELECT COUNT(*) FROM coupon_template") == before == [(0,)]


def test_bad_options_are_refused_in_chinese(shop, capsys):
    code, _, err = run(capsys, "--db", shop, *AS_OWNER, "coupons", "templates", "add", "--kind", "gift",
                       "--title", "礼")
    assert code == 1 and "--kind 应为" in err
    code, _, err = run(capsys, "--db", shop, *AS_OWNER, "coupons", "issue", "1")
    assert code == 1 and "--member、--list 或 --campaign" in err
