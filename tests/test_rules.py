"""The owner changes tier and category rules; the next sale follows them, earlier points stay."""

import datetime as dt
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
