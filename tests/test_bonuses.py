"""积分加成 as data: which bonuses a sale earns, what a recorded sale keeps, and how it is explained later."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_FLOOR, Decimal

from pharmacy_desk.core import bonuses, history, receipt, sales, settings
from pharmacy_desk.core.member_summary import summarize
from pharmacy_desk.core.models import Category, Member, Sale, SaleLine, Tier
from pharmacy_desk.core.pricing import Bonus
from pharmacy_desk.core.vocabulary import BonusReason

AT = dt.datetime(2026, 6, 10, 10, 0)
IN_JUNE = dt.date(1970, 6, 1)
IN_MAY = dt.date(1970, 5, 1)


def in_tier(member, code):
    Member.update(tier=Tier.get(Tier.code == code)).where(Member.id == member.id).execute()
    return Member.get_by_id(member.id)


def earned_with(member, at=AT):
    order = sales.SaleInput(lines=[sales.LineInput("household", 20000)],
                            member_id=member.id if member is not None else None)
    return sales.preview(order, at).quote


def test_tier_only(db, make_member):
    q = earned_with(in_tier(make_member(birthday=IN_MAY), "vip"))
    assert q.bonuses == (Bonus("VIP会员", Decimal("1.5"), BonusReason.TIER),)
    assert q.factor == Decimal("1.5") and q.points_earned == 15  # 200元 / 20 = 10 × 1.5


def test_birthday_only(db, make_member):
    q = earned_with(make_member(birthday=IN_JUNE))  # 普通会员 ×1 is left out
    assert q.bonuses == (Bonus("生日月", Decimal(2), BonusReason.BIRTHDAY),)
    assert q.factor == 2 and q.points_earned == 20


def test_tier_and_birthday_in_rule_order(db, make_member):
    q = earned_with(in_tier(make_member(birthday=IN_JUNE), "core"))
    assert [(b.label, b.factor) for b in q.bonuses] == [("核心会员", Decimal("1.2")), ("生日月", Decimal(2))]
    assert q.factor == Decimal("2.4") and q.points_earned == 24


def test_walk_in_has_no_bonuses_and_no_factor(db):
    q = earned_with(None)
    assert (q.bonuses, q.factor, q.points_earned) == ((), None, 0)


def test_a_factor_of_one_is_left_out(db, make_member, owner):
    settings.change("birthday_multiplier", "1", owner)
    member = make_member(birthday=IN_JUNE)
    q = earned_with(member)
    assert (q.bonuses, q.factor, q.points_earned) == ((), 1, 10)
    assert summarize(member.id, AT.date()).bonuses == ()
    assert summarize(member.id, AT.date()).birthday_bonus is None


def test_the_rules_are_a_list_a_promotion_joins(db, make_member):
    def promotion(member, today):
        return Bonus("会员日", Decimal("1.1")) if today.day == 10 else None

    member = in_tier(make_member(birthday=IN_JUNE), "vip")
    found = bonuses.bonuses_for(member, AT.date(), bonuses.BONUS_RULES + (promotion,))
    assert [b.label for b in found] == ["VIP会员", "生日月", "会员日"]
    assert [b.label for b in bonuses.bonuses_for(member, dt.date(2026, 6, 11), bonuses.BONUS_RULES + (promotion,))
            ] == ["VIP会员", "生日月"]


def test_member_summary_carries_the_same_bonuses(db, make_member, owner):
    settings.change("birthday_multiplier", "3", owner)
    member = in_tier(make_member(birthday=IN_JUNE), "vip")
    s = summarize(member.id, AT.date())
    assert s.bonuses == earned_with(member).bonuses
    assert s.birthday_bonus == Bonus("生日月", Decimal(3), BonusReason.BIRTHDAY)


def test_a_recorded_sale_keeps_its_factor_and_bonuses_and_explains_its_27_points(db, make_member, sell, owner):
    settings.change("birthday_multiplier", "3", owner)
    Category.update(points_per_block=3, block_fen=1000).where(Category.code == "household").execute()
    member = in_tier(make_member(birthday=IN_JUNE), "vip")
    result = sell(member, {"household": 2000}, at=AT)

    sale = Sale.get_by_id(result.sale.id)
    assert sale.points_earned == 27
    assert sale.points_factor == Decimal("4.5")
    assert json.loads(sale.points_bonuses) == [{"reason": "tier", "label": "VIP会员", "factor": "1.5"},
                                               {"reason": "birthday", "label": "生日月", "factor": "3"}]
    # Later the rules change; the sale still says what it was earned with.
    settings.change("birthday_multiplier", "2", owner)
    Tier.update(multiplier=Decimal("1.8")).where(Tier.code == "vip").execute()
    assert bonuses.sale_bonuses(sale) == (Bonus("VIP会员", Decimal("1.5"), BonusReason.TIER),
                                          Bonus("生日月", Decimal(3), BonusReason.BIRTHDAY))
    base = sum(line.points_base for line in SaleLine.select().where(SaleLine.sale == sale.id))
    # 20元 × 3 per 10元 = 6 base points × 1.5 × 3 = 27
    assert base == 6
    assert int((base * sale.points_factor).to_integral_value(rounding=ROUND_FLOOR)) == sale.points_earned


def test_walk_in_sale_stores_no_factor(db, sell):
    sale = Sale.get_by_id(sell(None, {"household": 2000}, at=AT).sale.id)
    assert (sale.points_factor, sale.points_bonuses, bonuses.sale_bonuses(sale)) == (None, "", ())


def test_a_member_sale_without_bonuses_stores_factor_one(db, make_member, sell):
    sale = Sale.get_by_id(sell(make_member(birthday=IN_MAY), {"household": 2000}, at=AT).sale.id)
    assert (sale.points_factor, sale.points_bonuses, bonuses.sale_bonuses(sale)) == (Decimal(1), "", ())


def test_receipt_and_history_explain_the_bonuses(db, make_member, sell):
    member = in_tier(make_member(birthday=IN_JUNE), "vip")
    bonus_sale = sell(member, {"household": 20000}, at=AT).sale
    plain_sale = sell(member, {"household": 20000}, at=dt.datetime(2026, 7, 1, 9)).sale
    pairs = [(line.left, line.right) for line in receipt.build(bonus_sale.id).lines]
    assert ("本次积分", "+30") in pairs and ("积分加成", "VIP会员×1.5、生日月×2") in pairs
    assert ("积分加成", "VIP会员×1.5") in [(line.left, line.right) for line in receipt.build(plain_sale.id).lines]
    assert [row.bonuses for row in history.sales(member.id)] == [
        (Bonus("VIP会员", Decimal("1.5"), BonusReason.TIER),),
        (Bonus("VIP会员", Decimal("1.5"), BonusReason.TIER), Bonus("生日月", Decimal(2), BonusReason.BIRTHDAY))]


def test_a_sale_from_before_factors_were_kept_says_nothing(db, make_member, clerk):
    member = in_tier(make_member(birthday=IN_JUNE), "vip")
    old = Sale.create(uid="v3", receipt_no="20250610-0001", member=member, staff=clerk.id,
                      created_at=dt.datetime(2025, 6, 10, 9), total_fen=20000, paid_fen=20000, points_earned=30)
    assert old.points_factor is None and bonuses.sale_bonuses(old) == ()
    assert not any(line.left == "积分加成" for line in receipt.build(old.id).lines)
    assert history.sales(member.id)[0].bonuses == ()
