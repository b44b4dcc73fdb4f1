"""积分账本: the append-only points ledger.

A member's balance is the sum of their entries. Credits are lots that expire;
debits consume the lots that expire soonest first (oldest first), recorded as
allocations, so a point can be spent or expired exactly once. Nothing here edits
a row: corrections are new entries.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from peewee import JOIN, fn

from pharmacy_desk.core import operations, prepared, settings
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound, PointsError
from pharmacy_desk.core.ids import LedgerEntryId, MemberId
from pharmacy_desk.core.models import LedgerAllocation, LedgerEntry, Member, Operation
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CREDIT_KINDS, DEBIT_KINDS, LedgerKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def lot_expiry(earned_on: dt.date) -> dt.date:
    """The first day on which points earned on ``earned_on`` are no longer valid."""
    return add_months(earned_on, settings.get("points_validity_months"))


def balance(member_id: MemberId) -> int:
    """Sum of every entry: what the ledger says the member holds."""
    return LedgerEntry.select(fn.COALESCE(fn.SUM(LedgerEntry.points), 0)).where(
        LedgerEntry.member == member_id).scalar()


@dataclass(frozen=True)
class Lot:
    entry_id: LedgerEntryId
    points: int
    remaining: int
    earned_at: dt.datetime
    expires_on: dt.date


def open_lots(member_id: MemberId, *, include_due_on: dt.date | None = None) -> list[Lot]:
    """Credit lots of a member that still have points, soonest expiry first."""
    used = fn.COALESCE(fn.SUM(LedgerAllocation.points), 0)
    query = (
        LedgerEntry.select(LedgerEntry.id, LedgerEntry.points, LedgerEntry.created_at,
                           LedgerEntry.expires_on, used.alias("used"))
        .join(LedgerAllocation, JOIN.LEFT_OUTER, on=(LedgerAllocation.lot == LedgerEntry.id))
        .where((LedgerEntry.member == member_id) & (LedgerEntry.points > 0))
        .group_by(LedgerEntry.id)
        .having(LedgerEntry.points > used)
        .order_by(LedgerEntry.expires_on, LedgerEntry.id)
    )
    # A credit always has its expiry (``check`` reports one without as damage).
    rows = cast("Iterable[tuple[LedgerEntryId, int, dt.datetime, dt.date, int]]", query.tuples())
    lots = [Lot(entry_id, points, points - taken, created_at, expires_on)
            for entry_id, points, created_at, expires_on, taken in rows]
    if include_due_on is not None:
        lots = [lot for lot in lots if lot.expires_on > include_due_on]
    return lots


def usable_points(member_id: MemberId, today: dt.date) -> int:
    """Points the member can spend today: lots already past their expiry do not count."""
    return sum(lot.remaining for lot in open_lots(member_id, include_due_on=today))


def expiring_within(member_id: MemberId, today: dt.date, days: int | None = None) -> int:
    """积分即将到期: points whose lots lapse within ``days`` (default: the warning setting)."""
    return points_outlook(member_id, today, days)[1]


def points_outlook(member_id: MemberId, today: dt.date, days: int | None = None) -> tuple[int, int]:
    """(usable today, of which lapsing within ``days``) from one read of the open lots."""
    days = settings.get("points_expiry_warning_days") if days is None else days
    horizon = today + dt.timedelta(days=days)
    lots = open_lots(member_id, include_due_on=today)
    return sum(lot.remaining for lot in lots), sum(lot.remaining for lot in lots if lot.expires_on <= horizon)


def credit(member_id: MemberId, kind: str, points: int, op: Operation, at: dt.datetime,
           *, key_suffix: str = "", expires_on: dt.date | None = None, **links) -> LedgerEntry:
    """Add a lot of ``points`` (> 0). Call inside a write transaction."""
    if kind not in CREDIT_KINDS or points <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "无效的积分入账：{kind} {points}"), kind=kind, points=points)
    return prepared.create(
        LedgerEntry, member=member_id, kind=kind, points=points, created_at=at,
        expires_on=expires_on or lot_expiry(at.date()), key=f"{op.key}/{kind}{key_suffix}",
        operation=op, staff=op.staff_id, **links)


def debit(member_id: MemberId, kind: str, points: int, op: Operation, at: dt.datetime, *, operator: Operator,
          key_suffix: str = "", lots: list[Lot] | None = None, **links) -> LedgerEntry:
    """Take ``points`` (> 0) from the lots expiring soonest. Refuses to go below zero.

    Lots whose expiry has come are expired first. ``lots``: the member's open lots
    (``open_lots()``, due ones included) as read in this same write transaction, so that
    they are not read again. ``operator`` is the one who started ``op``: the lots expired on the way are theirs.
    """
    if kind not in DEBIT_KINDS or points <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "无效的积分扣减：{kind} {points}"), kind=kind, points=points)
    today = at.date()
    if lots is None:
        expire_due(today, operator, member_id=member_id)
        lots = open_lots(member_id, include_due_on=today)
    else:
        _expire_lots(member_id, [(lot.entry_id, lot.remaining) for lot in lots if lot.expires_on <= today],
                     today, operator)
        lots = [lot for lot in lots if lot.expires_on > today]
    available = sum(lot.remaining for lot in lots)
    if points > available:
        raise PointsError(QT_TRANSLATE_NOOP(
            "core", "积分不足：需要 {points} 分，可用 {usable} 分。"), points=points, usable=available)
    entry = prepared.create(LedgerEntry, member=member_id, kind=kind, points=-points, created_at=at,
                            key=f"{op.key}/{kind}{key_suffix}", operation=op, staff=op.staff_id, **links)
    _allocate(entry, lots, points)
    return entry


def _allocate(entry: LedgerEntry, lots: list[Lot], points: int) -> None:
    rows = []
    for lot in lots:
        if points == 0:
            break
        take = min(points, lot.remaining)
        rows.append((entry.id, lot.entry_id, take))
        points -= take
    prepared.insert_many(LedgerAllocation, ("debit", "lot", "points"), rows)


def expire_due(today: dt.date, operator: Operator | None, *, member_id: MemberId | None = None) -> int:
    """积分过期: expire every lot whose expiry date has come. Idempotent; returns points expired.

    Each lot can be expired once (its expire entry's key names the lot), so a
    re-run, or a run after a till already expired a member's lots, adds nothing.
    Every member's lots (``member_id`` None) are expired page by page beside the tills
    (``core/expiry.py``); one member's, as a till spends their points, in the till's
    own transaction.
    """
    if member_id is None:
        from pharmacy_desk.core import expiry

        return expiry.catch_up(today, operator)
    used = fn.COALESCE(fn.SUM(LedgerAllocation.points), 0)
    due = (
        LedgerEntry.select(LedgerEntry.id, LedgerEntry.member, LedgerEntry.points, used.alias("used"))
        .join(LedgerAllocation, JOIN.LEFT_OUTER, on=(LedgerAllocation.lot == LedgerEntry.id))
        .where((LedgerEntry.points > 0) & (LedgerEntry.expires_on <= today))
        .group_by(LedgerEntry.id)
        .having(LedgerEntry.points > used)
    )
    due = due.where(LedgerEntry.member == member_id)
    rows = list(cast("Iterable[tuple[LedgerEntryId, MemberId, int, int]]", due.tuples()))
    return _expire_lots(member_id, [(lot_id, points - taken) for lot_id, _member, points, taken in rows],
                        today, operator)


def _expire_lots(member_id: MemberId, left: list[tuple[LedgerEntryId, int]], today: dt.date,
                 operator: Operator | None) -> int:
    """Expire the points ``left`` in each of a member's lots (lot id, points) whose expiry has come."""
    if not left:
        return 0
    at = dt.datetime.combine(today, dt.time(0, 0))
    total = 0
    with write_transaction():
        op = operations.keyed(f"expiry:{today.isoformat()}:m{member_id}", "expire", operator, at).resume()
        for lot_id, remaining in left:
            entry = LedgerEntry.create(
                member=member_id, kind=LedgerKind.EXPIRE, points=-remaining, created_at=at,
                key=f"expire:lot{lot_id}", operation=op, staff=op.staff_id,
                reason=QT_TRANSLATE_NOOP("core", "积分到期"))
            LedgerAllocation.create(debit=entry, lot=lot_id, points=remaining)
            total += remaining
    return total


def adjust(member_id: MemberId, points: int, reason: str, operator: Operator, key: str,
           *, at: dt.datetime | None = None, corrects: int | None = None) -> LedgerEntry:
    """手工调整 with a reason and an operator; a correction links the entry it corrects."""
    require(operator, Permission.ADJUST_POINTS)
    at = at or operations.now()
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "手工调整积分必须填写原因。"))
    if points == 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "调整的积分不能为零。"))
    with write_transaction():
        if Member.get_or_none(Member.id == member_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
        step = operations.keyed(key, "adjust", operator, at)
        if step.done is not None:
            return LedgerEntry.get(LedgerEntry.operation == step.done)
        # The audit log says what was adjusted and why, beside the member it names.
        op = operations.start(step.key, step.kind, operator, at, subject=f"member:{member_id}",
                              detail=f"{points:+d} 分，原因：{reason}")
        if points > 0:
            return credit(member_id, LedgerKind.ADJUST, points, op, at, reason=reason, corrects=corrects)
        return debit(member_id, LedgerKind.ADJUST, -points, op, at, operator=operator, reason=reason,
                     corrects=corrects)


@dataclass(frozen=True)
class Adjustment:
    """A 手工调整 as a screen needs it: the entry (its points signed), the balance after it, and what changed."""

    member_id: MemberId
    entry_id: LedgerEntryId
    points: int
    balance: int

    @property
    def changes(self) -> Changes:
        return Changes.of_member(self.member_id, ledger=True)


def adjust_points(member_id: MemberId, points: int, reason: str, operator: Operator, key: str,
                  *, at: dt.datetime | None = None) -> Adjustment:
    """The owner's adjustment from a window: ``adjust`` with the balance and changes it made."""
    entry = adjust(member_id, points, reason, operator, key, at=at)
    return Adjustment(MemberId(entry.member_id), LedgerEntryId(entry.id), entry.points, balance(member_id))
