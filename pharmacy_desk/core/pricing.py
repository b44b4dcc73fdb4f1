"""Pure arithmetic of a sale: discounts, 医保 share, points. No database access.

Every amount is integer fen. Shares are split over lines by the largest-remainder
method, so the parts always add up to the whole, to the fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from pharmacy_desk.core.errors import InvalidInput, PointsError
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import BonusReason
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP


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


def insurance_groups(lines: Sequence[LineRule], marked: Sequence[int] | None) -> list[list[int]]:
    """The lines 医保 paid, in the order it fills them.

    ``marked`` are the lines the cashier said the insurance paid: it paid those and no
    others. Unmarked (``None``), it paid the prescription lines first and only what
    is left over on the others: insurance rarely pays for what needs no prescription.
    """
    if marked is not None:
        return [sorted(set(marked))]
    rx = [i for i, line in enumerate(lines) if line.prescription]
    return [rx, [i for i, line in enumerate(lines) if not line.prescription]]


def split_insurance(insurance_fen: int, paid: Sequence[int], groups: Sequence[Sequence[int]]) -> list[int]:
    """Each line's share of 医保: the groups filled in order, a group's lines in proportion to
    what is paid on them; no line's share exceeds what is paid on it."""
    shares = [0] * len(paid)
    left = insurance_fen
    for group in groups:
        room = sum(paid[i] for i in group)
        take = min(left, room)
        for i, share in zip(group, split_proportionally(take, [paid[i] for i in group])):
            shares[i] = share
        left -= take
    if left:
        covered = sum(paid[i] for group in groups for i in group)
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "医保支付 {amount} 元超过所标医保类别的金额 {covered} 元，请勾选医保支付了哪些类别。"),
            amount=yuan(insurance_fen), covered=yuan(covered))
    return shares


def points_cash_value(points: int, blocks: tuple[tuple[int, int], ...]) -> int:
    """积分抵现: the best cash value (fen) of ``points`` made up exactly of whole blocks.

    With 500 = 20 yuan and 1000 = 42 yuan, 1500 points are worth 62 yuan. Raises
    when the points cannot be made of blocks (e.g. 700).
    """
    if points == 0:
        return 0
    if points < 0:
        raise PointsError(QT_TRANSLATE_NOOP("core", "抵现积分不能为负数。"))
    best = {0: 0}
    for amount in range(1, points + 1):
        options = [best[amount - p] + fen for p, fen in blocks if p <= amount and (amount - p) in best]
        if options:
            best[amount] = max(options)
    if points not in best:
        sizes = "、".join(str(p) for p, _ in blocks)
        raise PointsError(QT_TRANSLATE_NOOP(
            "core", "抵现积分必须由整档组成（每档 {sizes} 积分），%n 积分无法抵现。"), sizes=sizes, n=points)
    return best[points]


@dataclass(frozen=True)
class Bonus:
    """积分加成: one multiplier on a sale's points, with the words the member is told."""

    label: str  # e.g. "VIP会员", "生日月"
    factor: Decimal
    reason: BonusReason = BonusReason.PROMOTION


def bonus_factor(bonuses: Sequence[Bonus]) -> Decimal:
    """The product of the bonuses' factors, multiplied in order (1 when there are none)."""
    if not bonuses:
        return Decimal(1)
    factor = bonuses[0].factor
    for bonus in bonuses[1:]:
        factor *= bonus.factor
    return factor


def format_factor(factor: Decimal) -> str:
    """"×1.5", "×2", "×10": a factor as a cashier writes it (no trailing zeros, no exponent)."""
    return "×" + format(Decimal(factor).normalize(), "f")


def describe_bonuses(bonuses: Sequence[Bonus]) -> str:
    """"VIP会员×1.5、生日月×2": what multiplied a sale's points; "" when nothing did."""
    return "、".join(f"{bonus.label}{format_factor(bonus.factor)}" for bonus in bonuses)


@dataclass(frozen=True)
class LineRule:
    """A line's amount and its category's points rule."""

    category_id: int
    amount_fen: int
    points_per_block: int
    block_fen: int
    prescription: bool = False  # 医保 goes to prescription lines first unless the cashier marks others


@dataclass(frozen=True)
class LineQuote:
    coupon_share_fen: int
    points_cash_share_fen: int
    paid_fen: int
    insurance_share_fen: int
    points_base: int
    earn_base_fen: int = 0  # the fen the line's points were worked out on (paid, less 医保 unless it earns)


@dataclass(frozen=True)
class Quote:
    total_fen: int
    coupon_discount_fen: int
    points_cash_fen: int
    due_fen: int
    base_points: int
    points_earned: int
    lines: tuple[LineQuote, ...]
    bonuses: tuple[Bonus, ...] = ()
    factor: Decimal | None = None  # product of the bonuses; None when the sale earns no points (walk-in)
    pro_rata: bool = False  # points in proportion to the money rather than in whole blocks


def category_points(base_fen: int, points_per_block: int, block_fen: int, *, pro_rata: bool = False) -> int:
    """每购药30元,积2分: ``points_per_block`` for each whole ``block_fen`` paid, so 45 元 earns 2;
    ``pro_rata`` earns in proportion instead (45 元 earns 3), floored to the point."""
    if pro_rata:
        return base_fen * points_per_block // block_fen
    return base_fen // block_fen * points_per_block


def quote(lines: list[LineRule], *, coupon_discount_fen: int, points_cash_fen: int,
          insurance_fen: int, insurance_earns: bool, bonuses: Sequence[Bonus] | None = (),
          insured_lines: Sequence[int] | None = None, pro_rata: bool = False) -> Quote:
    """Price a sale: who pays what on each line and the points it earns.

    Points are computed per category on the amount actually paid (after coupon and
    points-as-cash, and without the 医保 part unless allowed), in whole blocks of the
    category's rule (or ``pro_rata``, floored), then multiplied by the product of the
    ``bonuses`` (tier, birthday month, …) and floored again: the bonus multiplies the
    points the blocks earned, never the money, so a VIP's 29 元 earns nothing either. 医保 is taken from the lines it paid (``insurance_groups``), so an OTC
    line beside an insured prescription keeps its full points. ``bonuses=None`` is a sale that earns no points at all (a walk-in):
    its lines still carry their points base, but it earns 0 and has no factor.
    """
    amounts = [line.amount_fen for line in lines]
    total = sum(amounts)
    coupon_shares = split_proportionally(coupon_discount_fen, amounts)
    points_shares = split_proportionally(points_cash_fen, amounts)
    paid = [a - c - p for a, c, p in zip(amounts, coupon_shares, points_shares)]
    insurance_shares = split_insurance(insurance_fen, paid, insurance_groups(lines, insured_lines))
    bases = [p if insurance_earns else p - i for p, i in zip(paid, insurance_shares)]

    by_category: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_category.setdefault(line.category_id, []).append(index)
    line_points = [0] * len(lines)
    for indexes in by_category.values():
        rule = lines[indexes[0]]
        points = category_points(sum(bases[i] for i in indexes), rule.points_per_block, rule.block_fen,
                                 pro_rata=pro_rata)
        for i, share in zip(indexes, split_proportionally(points, [bases[i] for i in indexes])):
            line_points[i] = share
    base_points = sum(line_points)
    factor = None if bonuses is None else bonus_factor(bonuses)
    earned = 0
    if factor is not None:
        earned = int((Decimal(base_points) * factor).to_integral_value(rounding=ROUND_FLOOR))
    return Quote(
        total_fen=total, coupon_discount_fen=coupon_discount_fen, points_cash_fen=points_cash_fen,
        due_fen=total - coupon_discount_fen - points_cash_fen, base_points=base_points,
        points_earned=earned,
        lines=tuple(LineQuote(c, p, pd, i, pts, b) for c, p, pd, i, pts, b in
                    zip(coupon_shares, points_shares, paid, insurance_shares, line_points, bases)),
        bonuses=tuple(bonuses or ()), factor=factor, pro_rata=pro_rata,
    )
