from decimal import ROUND_FLOOR, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pharmacy_desk.core.errors import InvalidInput, PointsError
from pharmacy_desk.core.pricing import (
    Bonus, LineRule, category_points, describe_bonuses, format_factor, points_cash_value, quote, split_insurance,
    split_proportionally,
)
from pharmacy_desk.core.vocabulary import BonusReason

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
            LineRule(4, 8000, 0, 2000, prescription=True)]


def test_points_per_category_on_amount_paid():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              bonuses=())
    # 100元/20 = 5; 45元/15 = 3; 60元 × 2/30 = 4; rx 0 → 12
    assert [l.points_base for l in q.lines] == [5, 3, 4, 0]
    assert q.points_earned == 12 and q.due_fen == 28500


def test_multiplier_applies_on_top_and_floors():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              bonuses=(Bonus("核心会员", Decimal("1.2")), Bonus("生日月", Decimal(2))))
    assert q.points_earned == 28  # 12 × 2.4 = 28.8 → 28


def test_insurance_pays_the_prescription_first_and_otc_keeps_its_points():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=8000, insurance_earns=False,
              bonuses=())
    # 80元 of 医保 is the 80元 prescription: the OTC, household and supplement lines keep 5 + 3 + 4.
    assert [l.insurance_share_fen for l in q.lines] == [0, 0, 0, 8000]
    assert q.points_earned == 12


def test_insurance_beyond_the_prescription_spills_over_the_rest_by_amount():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=10000, insurance_earns=False,
              bonuses=())
    # 80元 on rx, the other 20元 over 100 : 45 : 60 → 975.6 / 439.0 / 585.4 → 976, 439, 585.
    assert [l.insurance_share_fen for l in q.lines] == [976, 439, 585, 8000]
    # Bases 9024 → 4 whole blocks of 20元, 4061 → 2 of 15元, 5415 → 1 of 30元 × 2 = 2.
    assert q.points_earned == 8
    # Pro rata the supplement's 5415 × 2/3000 = 3.6 gives 3, and 9024 → 4, 4061 → 2.
    assert quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=10000, insurance_earns=False,
                 bonuses=(), pro_rata=True).points_earned == 9


def test_the_lines_the_cashier_marks_are_the_ones_insurance_paid():
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=4500, insurance_earns=False,
              bonuses=(), insured_lines=[1])
    assert [l.insurance_share_fen for l in q.lines] == [0, 4500, 0, 0]
    assert q.points_earned == 5 + 4  # the OTC line paid by 医保 earns nothing; the prescription is paid in cash
    with pytest.raises(InvalidInput, match="超过所标医保类别的金额 45.00"):
        quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=4600, insurance_earns=False,
              bonuses=(), insured_lines=[1])
    allowed = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=8000,
                    insurance_earns=True, bonuses=())
    assert allowed.points_earned == 12


def test_points_come_in_whole_blocks_unless_pro_rata_is_set():
    # 每购药30元,积2分: 45元 of 保健品 earns 2, not 3; 29元 earns nothing; 60元 earns 4.
    assert [category_points(fen, 2, 3000) for fen in (2999, 3000, 4500, 5999, 6000)] == [0, 2, 2, 2, 4]
    assert [category_points(fen, 2, 3000, pro_rata=True) for fen in (2999, 3000, 4500, 5999, 6000)] == [1, 2, 3, 3, 4]
    supplement = [LineRule(3, 4500, 2, 3000)]
    whole = quote(supplement, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False)
    pro_rata = quote(supplement, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
                     pro_rata=True)
    assert (whole.points_earned, whole.pro_rata, pro_rata.points_earned, pro_rata.pro_rata) == (2, False, 3, True)
    assert whole.lines[0].earn_base_fen == 4500


def test_a_bonus_multiplies_the_blocks_never_the_money():
    # 29元 at 1/20元 is one whole block: a VIP's ×1.5 gives 1 point, not 29/20 × 1.5 = 2.
    vip = (Bonus("VIP会员", Decimal("1.5")),)
    assert quote([LineRule(1, 2900, 1, 2000)], coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0,
                 insurance_earns=False, bonuses=vip).points_earned == 1
    assert quote([LineRule(1, 1999, 1, 2000)], coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0,
                 insurance_earns=False, bonuses=vip).points_earned == 0


@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000), st.integers(0, 100), st.integers(1, 100_000))
def test_whole_blocks_are_monotone_never_above_pro_rata_and_exact_at_the_edges(a, b, per_block, block_fen):
    low, high = sorted((a, b))
    assert category_points(low, per_block, block_fen) <= category_points(high, per_block, block_fen)
    assert category_points(high, per_block, block_fen) <= category_points(high, per_block, block_fen, pro_rata=True)
    edge = high // block_fen * block_fen
    assert category_points(edge, per_block, block_fen) == category_points(edge, per_block, block_fen, pro_rata=True)
    assert category_points(edge, per_block, block_fen) == category_points(high, per_block, block_fen)
    # Pro rata never gives a whole block's worth more than whole blocks do.
    assert category_points(high, per_block, block_fen, pro_rata=True) - category_points(high, per_block, block_fen) < max(per_block, 1)


def test_same_category_lines_are_floored_together():
    two = [LineRule(1, 1500, 1, 2000), LineRule(1, 1500, 1, 2000)]
    q = quote(two, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              bonuses=())
    assert q.points_earned == 1  # 30元 of 常备药 in one sale = 1 point, not 0 + 0


def test_no_bonus_is_factor_one_and_a_walk_in_earns_nothing():
    plain = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False)
    assert (plain.bonuses, plain.factor, plain.points_earned) == ((), Decimal(1), 12)
    walk_in = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
                    bonuses=None)
    assert (walk_in.bonuses, walk_in.factor, walk_in.points_earned) == ((), None, 0)
    assert walk_in.base_points == 12 and [l.points_base for l in walk_in.lines] == [5, 3, 4, 0]


def test_quote_carries_its_bonuses_and_their_product():
    tier, birthday = Bonus("VIP会员", Decimal("1.5"), BonusReason.TIER), Bonus("生日月", Decimal(3), BonusReason.BIRTHDAY)
    q = quote(rules(), coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
              bonuses=[tier, birthday])
    assert q.bonuses == (tier, birthday) and q.factor == Decimal("4.5")
    assert q.points_earned == 54  # 12 × 4.5


def test_bonuses_are_described_the_way_a_cashier_writes_them():
    assert describe_bonuses([Bonus("VIP会员", Decimal("1.50")), Bonus("生日月", Decimal("2.00"))]) == "VIP会员×1.5、生日月×2"
    assert describe_bonuses([Bonus("白金会员", Decimal("10"))]) == "白金会员×10"
    assert describe_bonuses([Bonus("活动", Decimal("1.25"))]) == "活动×1.25"
    assert describe_bonuses([]) == ""
    assert format_factor(Decimal("3")) == "×3"


MULTIPLIERS = st.decimals(min_value=1, max_value=10, places=3, allow_nan=False, allow_infinity=False)


@given(base_fen=st.integers(0, 10_000_000), tier=MULTIPLIERS, birthday=MULTIPLIERS, birthday_month=st.booleans(),
       member=st.booleans())
def test_bonus_list_earns_exactly_what_the_multiplier_formula_earned(base_fen, tier, birthday, birthday_month,
                                                                     member):
    # The formula before bonuses were data: tier multiplier, times the birthday multiplier in
    # the birthday month, 0 for a walk-in; earned = floor(base × multiplier).
    multiplier = Decimal(0)
    if member:
        multiplier = tier * birthday if birthday_month else tier
    expected = int((Decimal(base_fen) * multiplier).to_integral_value(rounding=ROUND_FLOOR))
    listed = [Bonus("会员等级", tier, BonusReason.TIER)]
    if birthday_month:
        listed.append(Bonus("生日月", birthday, BonusReason.BIRTHDAY))
    bonuses = [b for b in listed if b.factor != 1] if member else None
    q = quote([LineRule(1, base_fen, 1, 1)], coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0,
              insurance_earns=False, bonuses=bonuses)  # 1 point per fen: the base is the amount
    assert q.base_points == base_fen
    assert q.points_earned == expected
    assert q.factor == (multiplier if member else None)


LINE = st.tuples(st.integers(1, 4), st.integers(1, 200_000), st.booleans())


@st.composite
def insured_sales(draw):
    drawn = draw(st.lists(LINE, min_size=1, max_size=6))
    lines = [LineRule(category, amount, 1, 1000, rx) for category, amount, rx in drawn]
    marked = draw(st.none() | st.lists(st.integers(0, len(lines) - 1), unique=True))
    room = sum(lines[i].amount_fen for i in marked) if marked is not None else sum(l.amount_fen for l in lines)
    return lines, marked, draw(st.integers(0, room))


@given(insured_sales())
def test_insurance_split_is_exact_and_stays_on_the_lines_it_paid(sale):
    lines, marked, insurance = sale
    q = quote(lines, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=insurance, insurance_earns=False,
              bonuses=(), insured_lines=marked)
    shares = [l.insurance_share_fen for l in q.lines]
    assert sum(shares) == insurance
    assert all(0 <= share <= line.paid_fen for share, line in zip(shares, q.lines))
    if marked is not None:
        assert all(share == 0 for i, share in enumerate(shares) if i not in marked)
    else:
        rx_room = sum(l.amount_fen for l in lines if l.prescription)
        others = sum(share for share, l in zip(shares, lines) if not l.prescription)
        assert others == max(0, insurance - rx_room)  # nothing off OTC while a prescription is unpaid
    # A category none of whose lines 医保 touched earns exactly what it would with no 医保 at all.
    plain = quote(lines, coupon_discount_fen=0, points_cash_fen=0, insurance_fen=0, insurance_earns=False,
                  bonuses=())
    touched = {line.category_id for line, share in zip(lines, shares) if share}
    for line, insured, uninsured in zip(lines, q.lines, plain.lines):
        if line.category_id not in touched:
            assert insured.points_base == uninsured.points_base
    assert q.points_earned <= plain.points_earned


@given(insured_sales(), st.integers(1, 100_000))
def test_insurance_beyond_the_marked_lines_is_refused(sale, extra):
    lines, marked, _ = sale
    room = sum(lines[i].amount_fen for i in marked) if marked is not None else sum(l.amount_fen for l in lines)
    with pytest.raises(InvalidInput):
        split_insurance(room + extra, [l.amount_fen for l in lines],
                        [marked] if marked is not None else [list(range(len(lines)))])
