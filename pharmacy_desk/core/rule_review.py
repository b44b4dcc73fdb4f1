"""默认规则一览: every business rule with its value and what it means, as the setup shows them.

The owner of a new pharmacy reads this once before the first sale: the settings (each
declaration's label, value with its unit and help), then how each product category
earns points and what each tier takes and gives, which live in rows the owner renames.
The pharmacy's own name, address and phone are details, not rules; the program's
internal settings are nobody's to review.

The texts are Chinese; a window shows them in its own language from their parts: a
setting's line carries its value (``setting``), and the sentences about categories and
tiers are ``Phrase``s, a template from ``PHRASES`` with its arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Self

from pharmacy_desk.core import settings
from pharmacy_desk.core.models import Category, Tier
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.sentences import COUNT, chinese
from pharmacy_desk.core.setting_declarations import DECLARATIONS, MULTIPLIER

PHARMACY_DETAILS = frozenset({"pharmacy_name", "pharmacy_address", "pharmacy_phone", "receipt_header", "receipt_footer"})
CATEGORY_GROUP, TIER_GROUP = "类别积分", "会员等级"

PER_BLOCK = "每 {amount} 元 %n 分"
PER_BLOCK_MEANING = "按会员实付金额计，每满一档积一次，不足一档的部分不积分。"
PRO_RATA_MEANING = "按会员实付金额按比例计，不足 1 分的部分不计。"
NO_POINTS, NO_POINTS_MEANING = "不积分", "这一类别的消费不积分。"
TIER_SPEND = "%n 个月内消费满 {amount} 元"
TIER_SPEND_AND_VISITS = "{months} 个月内消费满 {amount} 元且 %n 次"
FROM_SIGN_UP = "入会即是"
TIER_GIVES = "积分 {multiplier} 倍，每月最多用积分兑换 {cap} 元。"
TIER_GIVES_AND_PRIVILEGES = "积分 {multiplier} 倍，每月最多用积分兑换 {cap} 元；{privileges}。"
PHRASES = (CATEGORY_GROUP, TIER_GROUP, PER_BLOCK, PER_BLOCK_MEANING, PRO_RATA_MEANING, NO_POINTS, NO_POINTS_MEANING, TIER_SPEND,
           TIER_SPEND_AND_VISITS, FROM_SIGN_UP, TIER_GIVES, TIER_GIVES_AND_PRIVILEGES)


class Phrase(str):
    """A sentence that reads as its Chinese text and keeps its ``template`` and ``args``, so a
    window can translate the template and fill in the same arguments; ``n`` is the number a
    template counts with ``%n`` ("1 point", "2 points")."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> Self:
        phrase = super().__new__(cls, chinese(template, args.get(COUNT, -1)).format(**args))
        phrase.template, phrase.args = template, args
        return phrase


@dataclass(frozen=True)
class RuleLine:
    """One rule as a person reads it; ``key`` is the setting's key, or ``category:CODE`` / ``tier:CODE``,
    and ``setting`` a setting's value (``value`` is that value formatted)."""

    group: str
    label: str
    value: str
    meaning: str
    key: str
    setting: Any = None


def _category_line(category: Category) -> RuleLine:
    if category.points_per_block:
        value = Phrase(PER_BLOCK, amount=yuan(category.block_fen), n=category.points_per_block)
        meaning = Phrase(PRO_RATA_MEANING if settings.get("points_pro_rata") else PER_BLOCK_MEANING)
    else:
        value, meaning = Phrase(NO_POINTS), Phrase(NO_POINTS_MEANING)
    return RuleLine(CATEGORY_GROUP, category.name, value, meaning, f"category:{category.code}")


def _tier_line(tier: Tier) -> RuleLine:
    if tier.min_spend_fen or tier.min_visits:
        months, amount = settings.get("tier_period_months"), yuan(tier.min_spend_fen)
        value = (Phrase(TIER_SPEND_AND_VISITS, months=months, amount=amount, n=tier.min_visits)
                 if tier.min_visits else Phrase(TIER_SPEND, n=months, amount=amount))
    else:
        value = Phrase(FROM_SIGN_UP)
    gives = {"multiplier": MULTIPLIER.dump(Decimal(tier.multiplier)), "cap": yuan(tier.monthly_cap_fen)}
    meaning = (Phrase(TIER_GIVES_AND_PRIVILEGES, **gives, privileges=tier.privileges) if tier.privileges
               else Phrase(TIER_GIVES, **gives))
    return RuleLine(TIER_GROUP, tier.name, value, meaning, f"tier:{tier.code}")


def rule_lines() -> list[RuleLine]:
    """The settings in declaration order, then the categories and the tiers, with their current values."""
    values = {d.key: settings.get(d.key) for d in DECLARATIONS}
    lines = [RuleLine(d.group, d.label, d.format(values[d.key]), d.help, d.key, values[d.key])
             for d in DECLARATIONS if not d.internal and d.key not in PHARMACY_DETAILS]
    lines += [_category_line(c) for c in Category.select().order_by(Category.sort_order, Category.id)]
    lines += [_tier_line(t) for t in Tier.select().order_by(Tier.rank)]
    return lines
