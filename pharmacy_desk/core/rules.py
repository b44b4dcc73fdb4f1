"""规则设置: the business rules that live in rows rather than in ``settings`` — tier
thresholds, multipliers and redemption caps, and each category's points rate.

Every change is checked as a whole (a tier ladder whose thresholds go down would put a
member in two tiers at once), takes the acting operator and leaves an ``Operation``,
so the audit log that follows can say who changed the rules and when. Changes apply
to sales from then on; points already earned are never recomputed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pharmacy_desk.core import operations, settings
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.models import Category, Staff, Tier
from pharmacy_desk.core.normalize import yuan

TIER_FIELDS = ("name", "min_spend_fen", "min_visits", "multiplier", "monthly_cap_fen", "privileges")
CATEGORY_FIELDS = ("name", "points_per_block", "block_fen")
MAX_MULTIPLIER = Decimal("10")


def _record(kind_subject: str, operator: Staff, at: dt.datetime | None) -> None:
    operations.start(f"rule:{kind_subject}:{uuid.uuid4()}", "rule_change", operator, at or operations.now(),
                     subject=kind_subject)


def _apply(row, fields: tuple[str, ...], changes: dict) -> None:
    unknown = set(changes) - set(fields)
    if unknown:
        raise InvalidInput(f"不能修改：{'、'.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(row, name, value)


def _check_ladder(tiers: list[Tier]) -> None:
    """Rank 0 takes everyone; each higher rank asks at least as much as the one below."""
    base = tiers[0]
    if base.min_spend_fen != 0 or base.min_visits != 0:
        raise InvalidInput(f"{base.name}是入会即得的等级，消费和次数门槛都必须为 0。")
    for tier in tiers:
        if not tier.name.strip():
            raise InvalidInput("等级名称不能为空。")
        if tier.min_spend_fen < 0 or tier.min_visits < 0 or tier.monthly_cap_fen < 0:
            raise InvalidInput(f"{tier.name}：门槛和兑换上限不能为负数。")
        if not Decimal(1) <= Decimal(tier.multiplier) <= MAX_MULTIPLIER:
            raise InvalidInput(f"{tier.name}：积分倍数应在 1 到 {MAX_MULTIPLIER} 之间。")
    for lower, higher in zip(tiers, tiers[1:]):
        if higher.min_spend_fen < lower.min_spend_fen or higher.min_visits < lower.min_visits:
            raise InvalidInput(f"{higher.name}的门槛（{yuan(higher.min_spend_fen)} 元、{higher.min_visits} 次）"
                               f"不能低于{lower.name}（{yuan(lower.min_spend_fen)} 元、{lower.min_visits} 次）。")


def update_tier(code: str, operator: Staff, *, at: dt.datetime | None = None, **changes) -> Tier:
    """Change one tier's rule: ``min_spend_fen``, ``min_visits``, ``multiplier``, ``monthly_cap_fen`` …

    Members keep their tier until a sale crosses the new threshold or the monthly review runs.
    """
    with write_transaction():
        tiers = list(Tier.select().order_by(Tier.rank))
        tier = next((t for t in tiers if t.code == code), None)
        if tier is None:
            raise NotFound(f"没有代码为“{code}”的会员等级。")
        _apply(tier, TIER_FIELDS, changes)
        if "multiplier" in changes:
            tier.multiplier = settings.parse_decimal(str(tier.multiplier))
        _check_ladder(tiers)
        tier.save()
        _record(f"tier:{code}", operator, at)
    return tier


def update_category(code: str, operator: Staff, *, at: dt.datetime | None = None, **changes) -> Category:
    """Change a category's points rate: ``points_per_block`` points per whole ``block_fen`` paid."""
    with write_transaction():
        category = Category.get_or_none(Category.code == code)
        if category is None:
            raise NotFound(f"没有代码为“{code}”的商品类别。")
        _apply(category, CATEGORY_FIELDS, changes)
        if not category.name.strip():
            raise InvalidInput("类别名称不能为空。")
        if category.points_per_block < 0:
            raise InvalidInput(f"{category.name}：积分不能为负数。")
        if category.block_fen <= 0:
            raise InvalidInput(f"{category.name}：计积分的金额单位必须大于 0 元。")
        category.save()
        _record(f"category:{code}", operator, at)
    return category
