"""会员等级: upgrade the moment a sale crosses a threshold; downgrade only at the monthly review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, TypeVar, cast

from peewee import fn

from pharmacy_desk.core import operations, prepared, rule_cache, settings
from pharmacy_desk.core.db import ChunkSize, batch_transaction, database
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.models import Member, Operation, Sale, SaleReturn, Tier, TierChange
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.operator import Operator

# (member, amount or count) rows of a query grouped by member.
PerMember = Iterable[tuple[MemberId, int]]


@dataclass(frozen=True)
class TierRow:
    """One rung of the ladder as read: what a sale, the member panel and a receipt ask of a tier."""

    id: int
    code: str
    name: str
    rank: int
    min_spend_fen: int
    min_visits: int
    multiplier: Decimal
    monthly_cap_fen: int
    privileges: str

    @classmethod
    def of(cls, tier: Tier) -> TierRow:
        return cls(tier.id, tier.code, tier.name, tier.rank, tier.min_spend_fen, tier.min_visits, tier.multiplier,
                   tier.monthly_cap_fen, tier.privileges)


# Frozen rows, so the one ladder every caller shares cannot be changed by any of them.
_ladder = rule_cache.Cached(lambda: tuple(TierRow.of(tier) for tier in Tier.select().order_by(Tier.rank)))


def tiers_by_rank() -> list[TierRow]:
    """The tiers, lowest first; read again only when a rule changed."""
    return list(_ladder.get())


def tier_of(tier_id: int) -> TierRow:
    """The tier with this id, from the same cache."""
    return next(tier for tier in _ladder.get() if tier.id == tier_id)


class Thresholds(Protocol):
    """What ``qualifying_tier`` reads of a tier: a ladder row, or a ``Tier`` row being generated."""

    @property
    def min_spend_fen(self) -> int: ...

    @property
    def min_visits(self) -> int: ...


Rung = TypeVar("Rung", bound=Thresholds)


def qualifying_tier(spend_fen: int, visits: int, tiers: Sequence[Rung]) -> Rung:
    """The highest tier whose spend and visit thresholds are both met."""
    best = tiers[0]
    for tier in tiers:
        if spend_fen >= tier.min_spend_fen and visits >= tier.min_visits:
            best = tier
    return best


def period_start(day: dt.date, months: int | None = None) -> dt.datetime:
    """The start of the trailing period ending on ``day`` (``tier_period_months`` unless given)."""
    months = settings.get("tier_period_months") if months is None else months
    return dt.datetime.combine(add_months(day, -months), dt.time())


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


SET_TIER_SQL = 'UPDATE "member" SET "tier_id" = ? WHERE "id" = ?'


def _change(member: Member, to_tier: TierRow, reason: str, op: Operation, at: dt.datetime) -> TierChange:
    change = prepared.create(TierChange, member=member, from_tier=member.tier_id, to_tier=to_tier.id,
                             changed_at=at, reason=reason, operation=op, staff=op.staff_id)
    database.execute_sql(SET_TIER_SQL, (to_tier.id, member.id))
    member.tier_id = to_tier.id
    return change


def _reason(word: str, spend: int, visits: int, tier: TierRow) -> str:
    months = settings.get("tier_period_months")
    return f"{word}：近{months}个月消费 {yuan(spend)} 元、{visits} 次，对应{tier.name}"


def upgrade_after_sale(member: Member, op: Operation, at: dt.datetime,
                       spend_and_visits_now: tuple[int, int] | None = None) -> TierRow | None:
    """Raise the member's tier if this sale crossed a threshold; returns the new tier.

    ``spend_and_visits_now``: the trailing net spend and visits with this sale, when the
    caller already knows them (read with the rest of the sale, ``till_state``).
    """
    tiers = tiers_by_rank()
    spend, visits = spend_and_visits_now or spend_and_visits(member.id, at)
    target = qualifying_tier(spend, visits, tiers)
    current = next(t for t in tiers if t.id == member.tier_id)
    if target.rank <= current.rank:
        return None
    _change(member, target, _reason("升级", spend, visits, target), op, at)
    return target


def review_after_return(member: Member, sale: Sale, op: Operation, at: dt.datetime) -> TierRow | None:
    """A tier ``sale`` lifted the member to, reviewed after (part of) it came back.

    The member keeps the tier if they still qualify without what was returned; otherwise
    they go back to what they qualify for, never below the tier they had before the sale.
    """
    lifted = (TierChange.select().join(Operation)
              .where((TierChange.member == member.id) & (Operation.key == f"sale:{sale.uid}")).first())
    if lifted is None or lifted.to_tier_id != member.tier_id:
        return None  # the sale lifted nobody, or the tier has moved on since
    tiers = tiers_by_rank()
    rank = {t.id: t.rank for t in tiers}
    spend, visits = spend_and_visits(member.id, at)
    target = qualifying_tier(spend, visits, tiers)
    if target.rank >= rank[member.tier_id]:
        return None
    if lifted.from_tier_id is not None and target.rank < rank[lifted.from_tier_id]:
        target = next(t for t in tiers if t.id == lifted.from_tier_id)
    _change(member, target, _reason("退货复核", spend, visits, target), op, at)
    return target


@dataclass
class ReviewResult:
    downgraded: int = 0
    upgraded: int = 0
    already_done: bool = False


REVIEW_CHUNK = 500  # members moved per transaction at most; fewer when that would hold the lock long
FIRST_REVIEW_CHUNK = 100


@dataclass(frozen=True)
class _Move:
    member_id: MemberId
    from_tier_id: int
    to_tier: TierRow
    net_fen: int
    visits: int


# Members whose spend one read of the review covers. Each read is its own short snapshot, so
# the log is copied past it: one read of every member's sales took 1.7 s at a million members,
# and beside an import the log grew by 300 MB while it read.
MEMBERS_PER_READ = 50_000


def _moves(tiers: list[TierRow], at: dt.datetime) -> list[_Move]:
    """Every member whose trailing spend up to ``at`` earns another tier: read without the write lock,
    ``MEMBERS_PER_READ`` members at a time (by id)."""
    since = period_start(at.date())
    rank_of = {t.id: t.rank for t in tiers}
    moves = []
    top = Member.select(fn.MAX(Member.id)).scalar() or 0
    for low in range(0, top, MEMBERS_PER_READ):
        high = low + MEMBERS_PER_READ
        among = (Sale.member > low) & (Sale.member <= high)
        # Spend and visits in one pass over the covering index (member, created_at, paid_fen).
        bought = {member_id: (paid, visits) for member_id, paid, visits in cast(
            "Iterable[tuple[MemberId, int, int]]",
            Sale.select(Sale.member, fn.SUM(Sale.paid_fen), fn.COUNT(Sale.id))
            .where(among & (Sale.created_at > since) & (Sale.created_at <= at)).group_by(Sale.member).tuples())}
        refunds = dict(cast(PerMember, SaleReturn.select(Sale.member, fn.SUM(SaleReturn.refund_fen)).join(Sale)
                            .where(among & (Sale.created_at > since) & (SaleReturn.created_at <= at))
                            .group_by(Sale.member).tuples()))
        rows = cast("Iterable[tuple[MemberId, int]]", Member.select(Member.id, Member.tier).where(
            (Member.id > low) & (Member.id <= high)).tuples())
        for member_id, tier_id in rows:
            paid, count = bought.get(member_id, (0, 0))
            net = paid - refunds.get(member_id, 0)
            target = qualifying_tier(net, count, tiers)
            if target.rank != rank_of[tier_id]:
                moves.append(_Move(member_id, tier_id, target, net, count))
    return moves


def _apply(moves: list[_Move], review_key: str, operator: Operator, at: dt.datetime, tiers: list[TierRow],
           result: ReviewResult, size: ChunkSize) -> None:
    """Move one chunk of members in a short transaction, each only if nothing moved them meanwhile.

    A member whose tier changed since the reading, or who bought something after the
    review's moment (the sale judged their tier more recently), is left to next month.
    """
    rank_of = {t.id: t.rank for t in tiers}
    ids = [move.member_id for move in moves]
    with batch_transaction(size):
        now_tier = dict(cast(PerMember, Member.select(Member.id, Member.tier).where(Member.id.in_(ids)).tuples()))
        bought_since = {member_id for (member_id,) in cast("Iterable[tuple[MemberId]]", Sale.select(Sale.member).where(
            Sale.member.in_(ids) & (Sale.created_at > at)).tuples())}
        due = [m for m in moves if now_tier.get(m.member_id) == m.from_tier_id and m.member_id not in bought_since]
        if not due:
            return
        op = operations.keyed(f"{review_key}:m{due[0].member_id}", "tier_review", operator, at).resume()
        rows = []
        for move in due:
            down = move.to_tier.rank < rank_of[move.from_tier_id]
            rows.append(dict(member=move.member_id, from_tier=move.from_tier_id, to_tier=move.to_tier.id,
                             changed_at=at, operation=op.id, staff=op.staff_id,
                             reason=_reason("月度复核降级" if down else "月度复核升级", move.net_fen, move.visits,
                                            move.to_tier)))
            if down:
                result.downgraded += 1
            else:
                result.upgraded += 1
        TierChange.insert_many(rows).execute()
        for tier in tiers:
            moved = [m.member_id for m in due if m.to_tier.id == tier.id]
            if moved:
                Member.update(tier=tier.id).where(Member.id.in_(moved)).execute()


def monthly_review(month: dt.date, operator: Operator, at: dt.datetime | None = None, *,
                   chunk: int = REVIEW_CHUNK) -> ReviewResult:
    """月度等级复核 for ``month``: each member moves to the tier their trailing spend earns.

    Runs once per month (the key is the month); a second run reports ``already_done``.
    Who moves is worked out without the write lock; the moves are written a chunk of
    members per transaction (as many as fit in ``db.CHUNK_TARGET_S``), so a till waits for
    one short chunk at most. The month's key is
    recorded when every chunk is written: a review cut short runs again at the next
    start and moves only who is still due.
    """
    require(operator, Permission.HOUSEKEEPING)
    at = at or operations.now()
    key = f"tier_review:{month:%Y-%m}"
    if operations.find(key) is not None:
        return ReviewResult(already_done=True)
    result = ReviewResult()
    tiers = tiers_by_rank()
    moves = _moves(tiers, at)
    size = ChunkSize(chunk, start=FIRST_REVIEW_CHUNK)
    start = 0
    while start < len(moves):
        rows = size.rows
        _apply(moves[start:start + rows], key, operator, at, tiers, result, size)
        start += rows
    with batch_transaction():
        step = operations.keyed(key, "tier_review", operator, at)
        if step.done is None:  # else another till finished the same review meanwhile
            step.start(subject=f"下调 {result.downgraded} 人，上调 {result.upgraded} 人")
    return result
