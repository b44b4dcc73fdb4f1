"""会员等级: upgrade the moment a sale crosses a threshold; downgrade only at the monthly review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from peewee import fn

from pharmacy_desk.core import operations, settings
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.models import Member, Operation, Sale, SaleReturn, Staff, Tier, TierChange
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require

# (member, amount or count) rows of a query grouped by member.
PerMember = Iterable[tuple[MemberId, int]]


def tiers_by_rank() -> list[Tier]:
    return list(Tier.select().order_by(Tier.rank))


def qualifying_tier(spend_fen: int, visits: int, tiers: list[Tier]) -> Tier:
    """The highest tier whose spend and visit thresholds are both met."""
    best = tiers[0]
    for tier in tiers:
        if spend_fen >= tier.min_spend_fen and visits >= tier.min_visits:
            best = tier
    return best


def period_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(add_months(day, -settings.get("tier_period_months")), dt.time())


def spend_and_visits(member_id: MemberId, at: dt.datetime) -> tuple[int, int]:
    """Net amount paid (after returns) and number of visits over the trailing period up to ``at``."""
    since = period_start(at.date())
    paid, visits = cast("tuple[int, int]", (
        Sale.select(fn.COALESCE(fn.SUM(Sale.paid_fen), 0), fn.COUNT(Sale.id))
        .where((Sale.member == member_id) & (Sale.created_at > since) & (Sale.created_at <= at))
        .tuples().get()))
    refunded = (SaleReturn.select(fn.COALESCE(fn.SUM(SaleReturn.refund_fen), 0))
                .join(Sale).where((Sale.member == member_id) & (Sale.created_at > since)
                                  & (SaleReturn.created_at <= at)).scalar())
    return paid - refunded, visits


def _change(member: Member, to_tier: Tier, reason: str, op: Operation, at: dt.datetime) -> TierChange:
    change = TierChange.create(member=member, from_tier=member.tier_id, to_tier=to_tier,
                               changed_at=at, reason=reason, operation=op, staff=op.staff_id)
    Member.update(tier=to_tier).where(Member.id == member.id).execute()
    member.tier = to_tier
    return change


def _reason(word: str, spend: int, visits: int, tier: Tier) -> str:
    months = settings.get("tier_period_months")
    return f"{word}：近{months}个月消费 {yuan(spend)} 元、{visits} 次，对应{tier.name}"


def upgrade_after_sale(member: Member, op: Operation, at: dt.datetime) -> Tier | None:
    """Raise the member's tier if this sale crossed a threshold; returns the new tier."""
    tiers = tiers_by_rank()
    spend, visits = spend_and_visits(member.id, at)
    target = qualifying_tier(spend, visits, tiers)
    current = next(t for t in tiers if t.id == member.tier_id)
    if target.rank <= current.rank:
        return None
    _change(member, target, _reason("升级", spend, visits, target), op, at)
    return target


@dataclass
class ReviewResult:
    downgraded: int = 0
    upgraded: int = 0
    already_done: bool = False


def monthly_review(month: dt.date, operator: Staff, at: dt.datetime | None = None) -> ReviewResult:
    """月度等级复核 for ``month``: each member moves to the tier their trailing spend earns.

    Runs once per month (the key is the month); a second run reports ``already_done``.
    """
    require(operator, Permission.HOUSEKEEPING)
    at = at or operations.now()
    result = ReviewResult()
    with write_transaction():
        step = operations.keyed(f"tier_review:{month:%Y-%m}", "tier_review", operator, at)
        if step.done is not None:
            return ReviewResult(already_done=True)
        op = step.start()
        tiers = tiers_by_rank()
        since = period_start(at.date())
        spend = dict(cast(PerMember, Sale.select(Sale.member, fn.SUM(Sale.paid_fen))
                          .where(Sale.member.is_null(False) & (Sale.created_at > since) & (Sale.created_at <= at))
                          .group_by(Sale.member).tuples()))
        visits = dict(cast(PerMember, Sale.select(Sale.member, fn.COUNT(Sale.id))
                           .where(Sale.member.is_null(False) & (Sale.created_at > since) & (Sale.created_at <= at))
                           .group_by(Sale.member).tuples()))
        refunds = dict(cast(PerMember, SaleReturn.select(Sale.member, fn.SUM(SaleReturn.refund_fen)).join(Sale)
                            .where(Sale.member.is_null(False) & (Sale.created_at > since)
                                   & (SaleReturn.created_at <= at))
                            .group_by(Sale.member).tuples()))
        rank_of = {t.id: t.rank for t in tiers}
        changes = []
        # One pass over every member: a monthly batch, not a till action.
        for member in Member.select(Member.id, Member.tier).iterator():
            net = spend.get(member.id, 0) - refunds.get(member.id, 0)
            count = visits.get(member.id, 0)
            target = qualifying_tier(net, count, tiers)
            if target.rank != rank_of[member.tier_id]:
                changes.append((member, target, net, count))
        for member, target, net, count in changes:
            word = "月度复核降级" if target.rank < rank_of[member.tier_id] else "月度复核升级"
            _change(member, target, _reason(word, net, count, target), op, at)
            if word.endswith("降级"):
                result.downgraded += 1
            else:
                result.upgraded += 1
    return result
