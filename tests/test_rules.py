"""The owner changes tier and category rules; the next sale follows them, earlier points stay."""

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest

from pharmacy_desk.core import check, rules
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.models import Category, Member, Operation, Sale, Tier

DAY = dt.datetime(2026, 6, 10, 10, 0)


def test_a_lower_threshold_upgrades_at_the_next_sale(db, make_member, sell, owner):
    member = make_member(at=DAY)
    sell(member, {"household": 30000}, at=DAY)  # 300元: below 核心会员's 500元
    assert Member.get_by_id(member.id).tier.code == "normal"
    rules.update_tier("core", owner, min_spend_fen=30000, at=DAY)
    result = sell(member, {"household": 2000}, at=DAY + dt.timedelta(hours=1))
    assert result.new_tier.code == "core"
    op = Operation.get(Operation.kind == "rule_change")
    assert (op.subject, op.staff_id) == ("tier:core", owner.id)
    assert check.run_checks() == []


def test_a_new_points_rate_applies_to_later_sales_only(db, make_member, sell, owner):
    member = make_member(at=DAY)
    first = sell(member, {"otc": 10000}, at=DAY)  # 100元 at 1 point per 15元 → 6
    assert first.sale.points_earned == 6
    rules.update_category("otc", owner, points_per_block=2, block_fen=1000, at=DAY)
    second = sell(member, {"otc": 10000}, at=DAY + dt.timedelta(hours=1))  # 2 per 10元 → 20
    assert second.sale.points_earned == 20
    assert Sale.get_by_id(first.sale.id).points_earned == 6
    assert second.balance == 26


def test_the_multiplier_is_kept_exact(db, owner):
    tier = rules.update_tier("vip", owner, multiplier="1.75")
    assert Tier.get_by_id(tier.id).multiplier == Decimal("1.75")


@pytest.mark.parametrize("code, changes, message", [
    ("vip", {"min_spend_fen": 40000}, "不能低于核心会员"),  # below 核心会员's 500元
    ("normal", {"min_spend_fen": 100}, "门槛都必须为 0"),
    ("core", {"multiplier": "0.5"}, "1 到 10"),
    ("core", {"multiplier": "一点五"}, "不是数字"),
    ("core", {"monthly_cap_fen": -1}, "不能为负数"),
    ("core", {"name": "  "}, "名称不能为空"),
    ("core", {"rank": 5}, "不能修改"),
])
def test_a_tier_ladder_that_makes_no_sense_is_refused(db, owner, code, changes, message):
    before = [(t.code, t.min_spend_fen, t.multiplier, t.monthly_cap_fen, t.name) for t in Tier.select()]
    with pytest.raises(InvalidInput, match=message):
        rules.update_tier(code, owner, **changes)
    assert [(t.code, t.min_spend_fen, t.multiplier, t.monthly_cap_fen, t.name) for t in Tier.select()] == before
    assert not Operation.select().where(Operation.kind == "rule_change").exists()


@pytest.mark.parametrize("changes, message", [
    ({"block_fen": 0}, "必须大于 0"),
    ({"points_per_block": -1}, "不能为负数"),
    ({"hotkey": "9"}, "不能修改"),
])
def test_a_category_rate_that_makes_no_sense_is_refused(db, owner, changes, message):
    with pytest.raises(InvalidInput, match=message):
        rules.update_category("otc", owner, **changes)
    otc = Category.get(Category.code == "otc")
    assert (otc.points_per_block, otc.block_fen) == (1, 1500)


def test_unknown_codes_are_named(db, owner):
    with pytest.raises(NotFound, match="gold"):
        rules.update_tier("gold", owner, min_visits=1)
    with pytest.raises(NotFound, match="food"):
        rules.update_category("food", owner, points_per_block=1)


@pytest.mark.parametrize("multiplier", ["NaN", "Infinity", "-Infinity", "sNaN", "abc", "1e1", "0.5", "11", "1.255",
                                        Decimal("NaN"), Decimal("Infinity"), 1.5])
def test_a_tier_multiplier_is_a_finite_number_from_1_to_10(db, owner, make_member, sell, multiplier):
    with pytest.raises(InvalidInput, match="VIP会员的积分倍数应为 1 到 10 倍之间"):
        rules.update_tier("vip", owner, multiplier=multiplier)
    assert Tier.get(Tier.code == "vip").multiplier == Decimal("1.5")
    assert not Operation.select().where(Operation.kind == "rule_change").exists()
    member = make_member(at=DAY)
    assert sell(member, {"household": 4000}, at=DAY).sale.points_earned == 2


def test_a_rule_change_records_each_old_and_new_value(db, owner):
    rules.update_tier("core", owner, min_spend_fen=30000, multiplier="1.3", monthly_cap_fen=10000, at=DAY)
    rules.update_category("otc", owner, points_per_block=2, block_fen=1000, at=DAY)
    tier_change, category_change = Operation.select().where(Operation.kind == "rule_change").order_by(Operation.id)
    # The cap was already 100元: only what changed is listed.
    assert tier_change.detail == "核心会员：消费门槛 500.00 元 → 300.00 元；积分倍数 1.2 倍 → 1.3 倍"
    assert category_change.detail == "非处方药：每档积分 1 分 → 2 分；计积分金额单位 15.00 元 → 10.00 元"


def test_a_rule_change_that_changes_nothing_records_nothing(db, owner):
    rules.update_tier("vip", owner, multiplier="1.50", min_visits=0)
    rules.update_category("otc", owner, points_per_block=1)
    assert not Operation.select().where(Operation.kind == "rule_change").exists()


# --- the command line ----------------------------------------------------------------------------

@pytest.fixture
def owner_password(monkeypatch):
    from pharmacy_desk.commands.common import PASSWORD_ENV
    from tests.cli_helpers import OWNER_PASSWORD

    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)


def cli(capsys, db_path, *argv):
    """``rules …`` run by the owner (``--as``) of the set-up database at ``db_path``."""
    from pharmacy_desk import cli as desk_cli
    from tests.cli_helpers import as_owner

    code = desk_cli.main(as_owner(["--db", db_path, *argv]))
    out, err = capsys.readouterr()
    return code, out, err


def signup_and_sale_work(db_path):
    from pharmacy_desk.core import members, sales
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff

    open_database(db_path)
    try:
        clerk = Staff.create(name="李娜", role="cashier")
        member = members.register(phone="13800000001", name="张三", operator=clerk, at=DAY,
                                  birthday=dt.date(1970, 6, 1)).member
        order = sales.SaleInput(lines=[sales.LineInput("household", 4000)], member_id=member.id)
        order.payments = {"cash": sales.preview(order, DAY).quote.due_fen}
        return sales.record_sale(order, operator=clerk, uid="after-refusals", at=DAY).sale.points_earned > 0
    finally:
        close_database()


def test_the_command_line_shows_each_setting_with_its_unit_and_range(tmp_path, capsys, owner_password):
    db_path = str(tmp_path / "shop.sqlite3")
    assert cli(capsys, db_path, "init")[0] == 0
    code, out, _ = cli(capsys, db_path, "rules", "set", "new_member_coupon_fen", "3.5")
    assert code == 0
    assert "* new_member_coupon_fen = 3.50 元    新会员券金额（0.00 到 100.00 元）" in out
    assert "  points_validity_months = 3 个月    积分有效期（1 到 60 个月）" in out
    assert "  owner_credit_percent = 70%    专属店员业绩分成（0 到 100%）" in out
    assert "  redeem_blocks = 500积分=20.00元, 1000积分=42.00元" in out
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT value FROM setting WHERE key = 'new_member_coupon_fen'").fetchone() == ("350",)
    assert con.execute("SELECT detail FROM operation WHERE kind = 'setting_change' "
                       "AND subject = 'setting:new_member_coupon_fen'").fetchall() == [
        ("新会员券金额：3.00 元 → 3.50 元",)]
    con.close()


@pytest.mark.parametrize("argv, message", [
    (("set", "card_prefix", "AB"), "会员卡号前缀应为 20 到 29 之间的两位数字"),
    (("set", "points_validity_months", "100000"), "积分有效期应为 1 到 60 个月之间的整数"),
    (("set", "birthday_multiplier", "Infinity"), "生日当月积分倍数应为 1 到 10 倍之间"),
    (("set", "birthday_multiplier", "NaN"), "生日当月积分倍数应为 1 到 10 倍之间"),
    (("set", "birthday_multiplier", "-1"), "生日当月积分倍数应为 1 到 10 倍之间"),
    (("set", "owner_credit_percent", "150"), "专属店员业绩分成应为 0 到 100%之间的整数"),
    (("set", "a_class_percent", "300"), "A类会员比例应为 1 到 100%之间的整数"),
    (("set", "a_class_percent", "30"), "A类会员比例（30%）不能高于A+B类会员累计比例（20%）"),
    (("set", "new_member_coupon_fen", "abc"), "新会员券金额应为 0.00 到 100.00 元之间的金额"),
    (("set", "is_demo", "1"), "演示数据库由程序维护"),
    (("tier", "vip", "--multiplier", "NaN"), "VIP会员的积分倍数应为 1 到 10 倍之间"),
    (("tier", "vip", "--multiplier", "Infinity"), "VIP会员的积分倍数应为 1 到 10 倍之间"),
])
def test_the_command_line_refuses_a_bad_value_in_one_sentence(tmp_path, capsys, owner_password, argv, message):
    db_path = str(tmp_path / "shop.sqlite3")

    def stored():
        con = sqlite3.connect(db_path)
        try:
            return (con.execute("SELECT key, value FROM setting ORDER BY key").fetchall(),
                    con.execute("SELECT COUNT(*) FROM operation WHERE kind IN ('setting_change', 'rule_change')"
                                ).fetchone())
        finally:
            con.close()

    assert cli(capsys, db_path, "rules")[0] == 0  # the shop is set up (its name is a setting)
    before = stored()
    code, out, err = cli(capsys, db_path, "rules", *argv)
    assert code == 1 and message in err and "Traceback" not in err and "内部错误" not in err
    assert err.strip().count("。") == 1 and out == ""
    assert stored() == before
    assert cli(capsys, db_path, "rules")[0] == 0
    assert signup_and_sale_work(db_path)
