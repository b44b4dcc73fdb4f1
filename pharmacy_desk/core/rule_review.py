"""默认规则一览: every business rule with its value and what it means, as the setup shows them.

The owner of a new pharmacy reads this once before the first sale: the settings (each
declaration's label, value with its unit and help), then how each product category
earns points and what each tier takes and gives, which live in rows the owner renames.
The pharmacy's own name, address and phone are details, not rules; the program's
internal settings are nobody's to review.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pharmacy_desk.core import settings
from pharmacy_desk.core.models import Category, Tier
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.setting_declarations import DECLARATIONS, MULTIPLIER

PHARMACY_DETAILS = frozenset({"pharmacy_name", "pharmacy_address", "pharmacy_phone"})
CATEGORY_GROUP, TIER_GROUP = "类别积分", "会员等级"


@dataclass(frozen=True)
class RuleLine:
    """One rule as a person reads it; ``key`` is the setting's key, or ``category:CODE`` / ``tier:CODE``."""

    group: str
    label: str
    value: str
    meaning: str
    key: str


def _category_line(category: Category) -> RuleLine:
    if category.points_per_block:
        value = f"每 {yuan(category.block_fen)} 元 {category.points_per_block} 分"
        meaning = "按会员实付金额计，每满一档积一次，不足一档的部分不积分。"
    else:
        value, meaning = "不积分", "这一类别的消费不积分。"
    return RuleLine(CATEGORY_GROUP, category.name, value, meaning, f"category:{category.code}")


def _tier_line(tier: Tier) -> RuleLine:
    if tier.min_spend_fen or tier.min_visits:
        months = settings.get("tier_period_months")
        value = f"{months} 个月内消费满 {yuan(tier.min_spend_fen)} 元"
        value += f"且 {tier.min_visits} 次" if tier.min_visits else ""
    else:
        value = "入会即是"
    meaning = (f"积分 {MULTIPLIER.format(Decimal(tier.multiplier))}，每月最多用积分兑换 "
               f"{yuan(tier.monthly_cap_fen)} 元")
    meaning += f"；{tier.privileges}。" if tier.privileges else "。"
    return RuleLine(TIER_GROUP, tier.name, value, meaning, f"tier:{tier.code}")


def rule_lines() -> list[RuleLine]:
    """The settings in declaration order, then the categories and the tiers, with their current values."""
    lines = [RuleLine(d.group, d.label, d.format(settings.get(d.key)), d.help, d.key)
             for d in DECLARATIONS if not d.internal and d.key not in PHARMACY_DETAILS]
    lines += [_category_line(c) for c in Category.select().order_by(Category.sort_order, Category.id)]
    lines += [_tier_line(t) for t in Tier.select().order_by(Tier.rank)]
    return lines
