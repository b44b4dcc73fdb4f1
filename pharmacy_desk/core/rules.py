"""规则设置: the business rules that live in rows rather than in ``settings`` — tier
thresholds, multipliers and redemption caps, and each category's points rate.

Every change is checked as a whole (a tier ladder whose thresholds go down would put a
member in two tiers at once), takes the acting operator and leaves an ``Operation``
whose detail holds each changed field's old → new value, so the audit log can say who
changed which rule, when, and from what. Changes apply to sales from then on; points
already earned are never recomputed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core import operations, rule_cache
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.models import Category, Tier
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.setting_declarations import MULTIPLIER
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.tiers import TierRow
from pharmacy_desk.core.operator import Operator


def _money(fen) -> str:
    return f"{yuan(fen)} 元"


# Each field a change may touch: its label and how a value is shown in the audit detail.
TIER_FIELDS = {
    "name": ("名称", str),
    "min_spend_fen": ("消费门槛", _money),
    "min_visits": ("消费次数门槛", lambda n: f"{n} 次"),
    "multiplier": ("积分倍数", lambda m: MULTIPLIER.format(Decimal(m))),
    "monthly_cap_fen": ("每月兑换上限", _money),
    "privileges": ("特权", str),
}
CATEGORY_FIELDS = {
    "name": ("名称", str),
    "points_per_block": ("每档积分", lambda n: f"{n} 分"),
    "block_fen": ("计积分金额单位", _money),
}


def _record(kind_subject: str, operator: Operator, at: dt.datetime | None, detail: str) -> None:
    operations.start(f"rule:{kind_subject}:{uuid.uuid4()}", "rule_change", operator, at or operations.now(),
                     subject=kind_subject, detail=detail)


def _apply(row, fields: dict, changes: dict) -> str:
    """Set ``changes`` on ``row``; returns what changed, ``积分倍数 1.5 倍 → 2 倍；…`` ("" if nothing)."""
    unknown = set(changes) - set(fields)
    if unknown:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不能修改：{fields}"), fields=Joined(sorted(unknown)))
    changed = []
    for name, value in changes.items():
        label, shown = fields[name]
        old = getattr(row, name)
        setattr(row, name, value)
        if old != value:
            changed.append(f"{label} {shown(old)} → {shown(value)}")
    return "；".join(changed)


def _check_ladder(tiers: Sequence[Tier | TierRow]) -> None:
    """Rank 0 takes everyone; each higher rank asks at least as much as the one below."""
    base = tiers[0]
    if base.min_spend_fen != 0 or base.min_visits != 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}是入会即得的等级，消费和次数门槛都必须为 0。"), name=base.name)
    for tier in tiers:
        if not tier.name.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "等级名称不能为空。"))
        if tier.min_spend_fen < 0 or tier.min_visits < 0 or tier.monthly_cap_fen < 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}：门槛和兑换上限不能为负数。"), name=tier.name)
        if not MULTIPLIER.minimum <= Decimal(tier.multiplier) <= MULTIPLIER.maximum:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "{name}的积分倍数应为 {allowed}之间，收到：{multiplier}。"),
                name=tier.name, allowed=MULTIPLIER.allowed_words(), multiplier=tier.multiplier)
    for lower, higher in pairwise(tiers):
        if higher.min_spend_fen < lower.min_spend_fen or higher.min_visits < lower.min_visits:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "{higher}的门槛（{higher_spend} 元、{higher_visits} 次）不能低于{lower}（{lower_spend} 元、{lower_visits} 次）。"),
                higher=higher.name, higher_spend=yuan(higher.min_spend_fen), higher_visits=higher.min_visits,
                lower=lower.name, lower_spend=yuan(lower.min_spend_fen), lower_visits=lower.min_visits)


def _edit_tier(tier: Tier, changes: dict) -> str:
    """Apply ``changes`` to ``tier`` unsaved; what changed, under the tier's name as it was, or ``""``.

    The multiplier may come as typed text (``"1.5"``) or a number, and is checked either way.
    """
    if "multiplier" in changes:
        value, label = changes["multiplier"], f"{tier.name}的积分倍数"
        changes = {**changes, "multiplier": MULTIPLIER.parse(value, label) if isinstance(value, str)
                   else MULTIPLIER.check(value, label)}
    name = tier.name
    detail = _apply(tier, TIER_FIELDS, changes)
    return f"{name}：{detail}" if detail else ""


def update_tier(code: str, operator: Operator, *, at: dt.datetime | None = None, **changes) -> Tier:
    """Change one tier's rule: ``min_spend_fen``, ``min_visits``, ``multiplier``, ``monthly_cap_fen`` …

    Members keep their tier until a sale crosses the new threshold or the monthly review runs.
    The multiplier is typed text (``"1.5"``) or a ``Decimal``, from 1 to 10 倍 like the
    birthday multiplier. Changing nothing records nothing.
    """
    require(operator, Permission.CHANGE_RULES)
    with write_transaction():
        tiers = list(Tier.select().order_by(Tier.rank))
        tier = next((t for t in tiers if t.code == code), None)
        if tier is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "没有代码为“{code}”的会员等级。"), code=code)
        detail = _edit_tier(tier, changes)
        _check_ladder(tiers)
        if detail:
            tier.save()
            rule_cache.invalidate()
            _record(f"tier:{code}", operator, at, detail)
    return tier


def ladder_problem(tiers: Sequence[TierRow]) -> Sentence | None:
    """What is wrong with a ladder (tiers by rank, possibly edited but unsaved), or None."""
    if not tiers:
        return None  # nothing read yet
    try:
        _check_ladder(tiers)
    except InvalidInput as refusal:
        return refusal.sentence
    return None


def update_ladder(changes_by_code: dict[str, dict], operator: Operator, *, at: dt.datetime | None = None) -> list[Tier]:
    """Change several tiers at once, checked as a whole ladder, one audited change per tier changed.

    Raising every threshold together is then one step, never refused half-way because the
    tier above was saved after the one below. A refusal stores nothing.
    """
    require(operator, Permission.CHANGE_RULES)
    with write_transaction():
        tiers = list(Tier.select().order_by(Tier.rank))
        by_code = {tier.code: tier for tier in tiers}
        unknown = set(changes_by_code) - set(by_code)
        if unknown:
            raise NotFound(QT_TRANSLATE_NOOP("core", "没有代码为“{codes}”的会员等级。"), codes=Joined(sorted(unknown)))
        details = []
        for code, changes in changes_by_code.items():
            tier = by_code[code]
            detail = _edit_tier(tier, changes)
            if detail:
                details.append((tier, detail))
        _check_ladder(tiers)
        for tier, detail in details:
            tier.save()
            rule_cache.invalidate()
            _record(f"tier:{tier.code}", operator, at, detail)
    return tiers


def update_category(code: str, operator: Operator, *, at: dt.datetime | None = None, **changes) -> Category:
    """Change a category's points rate: ``points_per_block`` points per whole ``block_fen`` paid."""
    require(operator, Permission.CHANGE_RULES)
    with write_transaction():
        category = Category.get_or_none(Category.code == code)
        if category is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "没有代码为“{code}”的商品类别。"), code=code)
        name = category.name
        detail = _apply(category, CATEGORY_FIELDS, changes)
        if not category.name.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "类别名称不能为空。"))
        if category.points_per_block < 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}：积分不能为负数。"), name=category.name)
        if category.block_fen <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}：计积分的金额单位必须大于 0 元。"), name=category.name)
        if detail:
            category.save()
            rule_cache.invalidate()
            _record(f"category:{code}", operator, at, f"{name}：{detail}")
    return category
