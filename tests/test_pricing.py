from decimal import Decimal

import pytest

from pharmacy_desk.core.errors import PointsError
from pharmacy_desk.core.pricing import LineRule, points_cash_value, quote, split_proportionally

BLOCKS = ((500, 2000), (1000, 4200))


def test_split_is_exact_and_follows_largest_remainders():
    # 100 over 1:1:1 → 33.33 each; the one leftover fen goes to the first of equal remainders.
    assert split_proportionally(100, [1, 1, 1]) == [34, 33, 33]
    assert sum(split_proportionally(9999, [7, 13, 29, 1])) == 9999
    assert split_proportionally(0, [5, 5]) == [0, 0]


def test_points_as_cash_uses_the_best_blocks():
    assert points_cash_value(500, BLOCKS) == 2000
    assert points_cash_value(1000, BLOCKS) == 4200          # not 2 × 2000
    assert points_cash_value(1500, BLOCKS) == 6200          # 4200 + 2000
    assert points_cash_value(2000, BLOCKS) == 8400
    with pytest.raises(PointsError, match="整档"):
        points_cash_value(700, BLOCKS)


def rules():
    # household 1/20元, otc 1/15元, supplement 2/30元, rx none
    return [LineRule(1, 10000, 1, 2000), LineRule(2, 4500, 1, 1500), LineRule(3, 6000, 2, 3000),
            LineRule(4, 8000, 0, 2000)]


def test_points_per_category_on_amount_paid():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              multiplier=Decimal(1))
    # 100元/20 = 5; 45元/15 = 3; 60元 × 2/30 = 4; rx 0 → 12
    assert [l.points_base for l in q.lines] == [5, 3, 4, 0]
    assert q.points_earned == 12 and q.due_fen == 28500


def test_multiplier_applies_on_top_and_floors():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              multiplier=Decimal("1.2") * 2)
    assert q.points_earned == 28  # 12 × 2.4 = 28.8 → 28


def test_insurance_part_earns_nothing():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=8000, insurance_earns=False,
              multiplier=Decimal(1))
    # 8000 of 28500 split by paid: 2807.01 / 1263.16 / 1684.21 / 2245.61 → 2807, 1263, 1684, 2246 (leftover fen
    # to the largest remainder). Bases: 7193 → 3, 3237 → 2, 4316 × 2/3000 = 2.88 → 2, rx 0 → 7.
    assert [l.insurance_share_fen for l in q.lines] == [2807, 1263, 1684, 2246]
    assert q.points_earned == 7
    allowed = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=8000,
                    insurance_earns=True, multiplier=Decimal(1))
    assert allowed.points_earned == 12


def test_same_category_lines_are_floored_together():
    two = [LineRule(1, 1500, 1, 2000), LineRule(1, 1500, 1, 2000)]
    q = quote(two, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              multiplier=Decimal(1))
    assert q.points_earned == 1  # 30元 of 常备药 in one sale = 1 point, not 0 + 0
