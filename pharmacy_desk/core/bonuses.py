"""积分加成: the rules that multiply a member's points, kept as data.

Each rule looks at the member and the day and answers a ``Bonus`` or ``None``. A
sale's points are multiplied by every bonus that applies, in the order of
``BONUS_RULES``; a bonus whose factor is 1 changes nothing and is left out, so it is
never printed. A promotion (特价/活动) is one more rule in that tuple: the till, the
member panel and the receipt all show whatever list the rules give.

A recorded sale keeps its factor and its bonuses (``Sale.points_factor``,
``Sale.points_bonuses``), so what it earned can be explained later even after the
tier or the settings changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from decimal import Decimal

from pharmacy_desk.core import settings, tiers
from pharmacy_desk.core.models import Member, Sale
from pharmacy_desk.core.pricing import Bonus
from pharmacy_desk.core.vocabulary import BonusReason

BonusRule = Callable[[Member, dt.date], Bonus | None]


def birthday_this_month(member: Member, today: dt.date) -> bool:
    return bool(member.birthday and member.birthday.month == today.month)


def tier_bonus(member: Member, today: dt.date) -> Bonus | None:
    """The member's tier multiplier, named as the tier is (e.g. "VIP会员")."""
    tier = tiers.tier_of(member.tier_id)
    return Bonus(tier.name, tier.multiplier, BonusReason.TIER)


def birthday_bonus(member: Member, today: dt.date) -> Bonus | None:
    """生日月: the ``birthday_multiplier`` setting, for the whole month of the member's birthday."""
    if not birthday_this_month(member, today):
        return None
    return Bonus(BonusReason.BIRTHDAY.label, settings.get("birthday_multiplier"), BonusReason.BIRTHDAY)


BONUS_RULES: tuple[BonusRule, ...] = (tier_bonus, birthday_bonus)


def bonuses_for(member: Member, today: dt.date, rules: Sequence[BonusRule] = BONUS_RULES) -> tuple[Bonus, ...]:
    """The bonuses a sale to ``member`` on ``today`` earns, in rule order, factors of 1 left out."""
    found = (rule(member, today) for rule in rules)
    return tuple(bonus for bonus in found if bonus is not None and bonus.factor != 1)


def encode(bonuses: Sequence[Bonus]) -> str:
    """The compact text a sale keeps: ``[{"reason":"tier","label":"VIP会员","factor":"1.5"}]``; '' for none."""
    if not bonuses:
        return ""
    return json.dumps([{"reason": str(b.reason), "label": b.label, "factor": str(b.factor)} for b in bonuses],
                      ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> tuple[Bonus, ...]:
    """The bonuses ``encode`` wrote, factors exact."""
    if not text:
        return ()
    return tuple(Bonus(item["label"], Decimal(item["factor"]), BonusReason.of(item["reason"]))
                 for item in json.loads(text))


def sale_bonuses(sale: Sale) -> tuple[Bonus, ...]:
    """What multiplied the points of a recorded sale; nothing for a walk-in or a sale recorded
    before sales kept their factor (the bonuses it had then are unknown, and are not guessed)."""
    return recorded_bonuses(sale.points_factor, sale.points_bonuses)


def recorded_bonuses(points_factor: Decimal | None, points_bonuses: str) -> tuple[Bonus, ...]:
    """``sale_bonuses`` from a sale's two stored columns, for a list that reads them as plain values."""
    if points_factor is None:
        return ()
    return decode(points_bonuses)
