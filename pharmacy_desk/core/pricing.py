"""Pure arithmetic of a sale: discounts, 医保 share, points. No database access.

Every amount is integer fen. Shares are split over lines by the largest-remainder
method, so the parts always add up to the whole, to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from pharmacy_desk.core.errors import PointsError


def split_proportionally(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` over ``weights`` so the parts are exact and sum to ``total``."""
    weight_sum = sum(weights)
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    shares = [total * w // weight_sum for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % weight_sum), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def points_cash_value(points: int, blocks: tuple[tuple[int, int], ...]) -> int:
    """积分抵现: the best cash value (fen) of ``points`` made up exactly of whole blocks.

    With 500 = 20 yuan and 1000 = 42 yuan, 1500 points are worth 62 yuan. Raises
    when the points cannot be made of blocks (e.g. 700).
    """
    if points == 0:
        return 0
    if points < 0:
        raise PointsError("抵现积分不能为负数。")
    best = {0: 0}
    for amount in range(1, points + 1):
        options = [best[amount - p] + fen for p, fen in blocks if p <= amount and (amount - p) in best]
        if options:
            best[amount] = max(options)
    if points not in best:
        sizes = "、".join(str(p) for p, _ in blocks)
        raise PointsError(f"抵现积分必须由整档组成（每档 {sizes} 积分），{points} 积分无法抵现。")
    return best[points]


@dataclass(frozen=True)
class LineRule:
    """A line's amount and its category's points rule."""

    category_id: int
    amount_fen: int
    points_per_block: int
    block_fen: int


@dataclass(frozen=True)
class LineQuote:
    coupon_share_fen: int
    points_cash_share_fen: int
    paid_fen: int
    insurance_share_fen: int
    points_base: int


@dataclass(frozen=True)
class Quote:
    total_fen: int
    coupon_discount_fen: int
    points_cash_fen: int
    due_fen: int
    base_points: int
    points_earned: int
    lines: tuple[LineQuote, ...]


def category_points(base_fen: int, points_per_block: int, block_fen: int) -> int:
    return base_fen * points_per_block // block_fen


def quote(lines: list[LineRule], *, coupon_discount_fen: int, points_cash_fen: int,
          insurance_fen: int, insurance_earns: bool, multiplier: Decimal) -> Quote:
    """Price a sale: who pays what on each line and the points it earns.

    Points are computed per category on the amount actually paid (after coupon and
    points-as-cash, and without the 医保 part unless allowed), floored per category,
    then multiplied by the tier and birthday multipliers and floored again.
    """
    amounts = [line.amount_fen for line in lines]
    total = sum(amounts)
    coupon_shares = split_proportionally(coupon_discount_fen, amounts)
    points_shares = split_proportionally(points_cash_fen, amounts)
    paid = [a - c - p for a, c, p in zip(amounts, coupon_shares, points_shares)]
    insurance_shares = split_proportionally(insurance_fen, paid)
    bases = [p if insurance_earns else p - i for p, i in zip(paid, insurance_shares)]

    by_category: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_category.setdefault(line.category_id, []).append(index)
    line_points = [0] * len(lines)
    for indexes in by_category.values():
        rule = lines[indexes[0]]
        points = category_points(sum(bases[i] for i in indexes), rule.points_per_block, rule.block_fen)
        for i, share in zip(indexes, split_proportionally(points, [bases[i] for i in indexes])):
            line_points[i] = share
    base_points = sum(line_points)
    earned = int((Decimal(base_points) * multiplier).to_integral_value(rounding=ROUND_FLOOR))
    return Quote(
        total_fen=total, coupon_discount_fen=coupon_discount_fen, points_cash_fen=points_cash_fen,
        due_fen=total - coupon_discount_fen - points_cash_fen, base_points=base_points,
        points_earned=earned,
        lines=tuple(LineQuote(c, p, pd, i, pts) for c, p, pd, i, pts in
                    zip(coupon_shares, points_shares, paid, insurance_shares, line_points)),
    )
