"""会员概要: everything the counter's member panel shows, answered in one call.

The cashier glances at it while serving: points (and what lapses soon), coupons
they can use now, birthday month, medicines about to run out, and whether the
profile needs confirming. Health details are decided here too, never in a widget.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pharmacy_desk.core import bonuses, coupons, ledger, panel_sql, rule_cache, settings, tiers
from pharmacy_desk.core.errors import NotFound
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Member
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.core.pricing import Bonus, points_cash_value
from pharmacy_desk.core.vocabulary import BonusReason, CouponKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

# A medicine that ran out more than this many days ago is no longer "due": the member
# has either refilled elsewhere or stopped, and the counter should not nag about it.
REFILL_OVERDUE_DAYS = 7
# Sales older than this cannot hold a supply still running (no prescription covers a year).
REFILL_LOOKBACK_DAYS = 366


@dataclass(frozen=True)
class CouponChoice:
    coupon_id: int
    text: Sentence  # ``coupons.describe``: shown in the windows' language


@dataclass(frozen=True)
class RefillDue:
    """用药提醒: a line bought with a days' supply that runs out soon (or just did)."""

    category_name: str
    description: str
    bought_on: dt.date
    runs_out_on: dt.date


@dataclass(frozen=True)
class HealthFile:
    chronic_conditions: str
    allergies: str
    long_term_meds: str


@dataclass(frozen=True)
class MemberSummary:
    member_id: int
    name: str
    card_no: str
    masked_phone: str
    tier_name: str
    balance: int
    usable_points: int
    expiring_points: int
    expiring_days: int
    coupons: tuple[CouponChoice, ...]
    birthday_this_month: bool
    bonuses: tuple[Bonus, ...]  # what multiplies the points of a sale today (``bonuses.BONUS_RULES``)
    refills: tuple[RefillDue, ...]
    needs_confirm: bool
    cap_remaining_fen: int
    points_options: tuple[tuple[int, int], ...]  # (points, fen) the member may use as cash now
    health: HealthFile | None  # None unless the operator may see it (see ``health_visible``)
    privileges: tuple[str, ...] = ()  # the tier's 特权 (免费送药, 优先服务, 专属药师 …), for the cashier to honour
    service_coupons: tuple[CouponChoice, ...] = ()  # 体验券 to redeem for their service, not money off

    @property
    def birthday_bonus(self) -> Bonus | None:
        """The birthday month's bonus, when it multiplies anything (the factor may be set to 1)."""
        return next((b for b in self.bonuses if b.reason == BonusReason.BIRTHDAY), None)


def health_visible(member: Member, operator: Operator | None) -> bool:
    """健康档案 is shown only to a pharmacist or the owner, and only with the member's recorded consent."""
    return can(operator, Permission.VIEW_HEALTH) and member.health_consent_on is not None


def needs_confirm(member: Member, today: dt.date) -> bool:
    """资料确认: never confirmed, or last confirmed at least ``profile_confirm_months`` ago."""
    if member.profile_confirmed_on is None:
        return True
    return member.profile_confirmed_on <= ledger.add_months(today, -settings.get("profile_confirm_months"))


def refills_due(member_id: int, today: dt.date) -> list[RefillDue]:
    """Supplies running out within ``refill_remind_days`` from today, or ran out at most 7 days ago.

    Only the latest purchase of the same thing (category and description) counts:
    buying it again *is* the refill, so an older line is never reported.
    """
    remind = settings.get("refill_remind_days")
    since = dt.datetime.combine(today - dt.timedelta(days=REFILL_LOOKBACK_DAYS), dt.time())
    latest: dict[tuple[str, str], RefillDue] = {}
    for category_name, description, days_supply, created_at in panel_sql.supplies(member_id, since):
        bought = created_at.date()
        latest.setdefault((category_name, description), RefillDue(
            category_name, description, bought, bought + dt.timedelta(days=days_supply)))
    return sorted((r for r in latest.values()
                   if today - dt.timedelta(days=REFILL_OVERDUE_DAYS) <= r.runs_out_on
                   <= today + dt.timedelta(days=remind)), key=lambda r: r.runs_out_on)


def points_options(usable: int, cap_fen: int, blocks: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """积分抵现 choices: whole blocks of the smallest size, each worth at most the cap remaining.

    With blocks 500=20元 and 1000=42元, 1600 usable points and a 100-yuan cap give
    (500, 20元), (1000, 42元), (1500, 62元).
    """
    step = blocks[0][0]
    options = []
    for points in range(step, usable + 1, step):
        fen = points_cash_value(points, blocks)
        if fen > cap_fen:
            break
        options.append((points, fen))
    return options


def tier_privileges(tier: tiers.TierRow) -> tuple[str, ...]:
    """The tier's privileges as the owner listed them (separated by 、 , ， or ；)."""
    return tuple(part.strip() for part in re.split(r"[、,，;；]", tier.privileges or "") if part.strip())


def summarize(member_id: MemberId, today: dt.date, operator: Operator | None = None) -> MemberSummary:
    """The member panel's content for ``today``; health only when ``health_visible``.

    Five statements (``panel_sql``): the rules' stamp, the member with their balance and
    the month's redeemed value, the open lots, the coupons and the supplies.
    """
    with rule_cache.pinned():
        return _summarize(member_id, today, operator)


def _summarize(member_id: MemberId, today: dt.date, operator: Operator | None) -> MemberSummary:
    found = panel_sql.standing(member_id, today)
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
    member = found.member
    tier = tiers.tier_of(member.tier_id)
    days = settings.get("points_expiry_warning_days")
    lots = panel_sql.open_lots(member.id, today)
    horizon = today + dt.timedelta(days=days)
    usable = sum(remaining for remaining, _ in lots)
    expiring = sum(remaining for remaining, expires_on in lots if expires_on <= horizon)
    cap = max(0, tier.monthly_cap_fen - found.cap_used_fen)
    health = None
    if health_visible(member, operator):
        health = HealthFile(member.chronic_conditions, member.allergies, member.long_term_meds)
    held = panel_sql.usable_coupons(member.id, today)  # both kinds: money off, and 体验券
    return MemberSummary(
        member_id=member.id, name=member.name, card_no=member.card_no, masked_phone=mask_phone(member.phone),
        tier_name=tier.name, balance=found.balance, usable_points=usable,
        expiring_points=expiring, expiring_days=days,
        coupons=tuple(CouponChoice(c.id, coupons.describe(c)) for c in held if c.kind != CouponKind.SERVICE),
        birthday_this_month=bonuses.birthday_this_month(member, today), bonuses=bonuses.bonuses_for(member, today),
        refills=tuple(refills_due(member.id, today)), needs_confirm=needs_confirm(member, today),
        cap_remaining_fen=cap, points_options=tuple(points_options(usable, cap, settings.get("redeem_blocks"))),
        health=health, privileges=tier_privileges(tier),
        service_coupons=tuple(CouponChoice(c.id, coupons.describe(c)) for c in held if c.kind == CouponKind.SERVICE))
