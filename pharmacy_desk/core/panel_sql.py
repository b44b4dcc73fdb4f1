"""The member panel's reads as prepared SQL: four statements, each text built once.

The panel is read at every scan of a card, so what peewee would spend building its
queries (more than SQLite takes to answer them) is spent once, at import. The answers
are those of ``ledger.points_outlook``, ``redemption.cap_remaining_fen``,
``coupons.usable_for`` and ``member_summary.refills_due`` (``tests/test_member_summary.py``
holds the panel to them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pharmacy_desk.core import prepared
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Coupon, LedgerEntry, Member, Sale
from pharmacy_desk.core.redemption import cap_used_sql, month_bounds

# The member, their balance and what the month's cap has used. Parameters: member id, month
# start, month end.
MEMBER_SQL = f"""
SELECT {prepared.columns_sql(Member, "m")},
       (SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE member_id = m.id),
       {cap_used_sql("m.id", "?2", "?3")}
FROM member m WHERE m.id = ?1
"""

# The member's credit lots with points left that are still valid after ``today``,
# soonest expiry first: (id, points, remaining, expires_on). Parameters: member id, today.
LOTS_SQL = """
SELECT e.id, e.points, e.points - COALESCE(SUM(a.points), 0) AS remaining, e.expires_on
FROM ledger_entry e LEFT JOIN ledger_allocation a ON a.lot_id = e.id
WHERE e.member_id = ? AND e.points > 0 AND e.expires_on > ?
GROUP BY e.id HAVING remaining > 0
ORDER BY e.expires_on, e.id
"""

# Coupons of the member unused and valid on the day. Parameters: member id, day, day.
COUPONS_SQL = f"""
SELECT {prepared.columns_sql(Coupon, "c")} FROM coupon c
WHERE c.member_id = ? AND c.id NOT IN (SELECT coupon_id FROM coupon_in_use)
  AND c.valid_from <= ? AND c.valid_until >= ?
ORDER BY c.valid_until, c.id
"""

# Lines with a days' supply bought since a day, newest first: (category name, description,
# days, bought at). Parameters: member id, since.
SUPPLIES_SQL = """
SELECT c.name, l.description, l.days_supply, s.created_at
FROM sale_line l JOIN sale s ON s.id = l.sale_id JOIN category c ON c.id = l.category_id
WHERE s.member_id = ? AND s.created_at >= ? AND l.days_supply IS NOT NULL
ORDER BY s.created_at DESC, l.id DESC
"""


@dataclass(frozen=True)
class MemberStanding:
    member: Member
    balance: int
    cap_used_fen: int


def standing(member_id: MemberId, today: dt.date) -> MemberStanding | None:
    """The member with their balance and the month's redeemed value; None when there is no such member."""
    start, end = month_bounds(today)
    row = database.execute_sql(MEMBER_SQL, (member_id, str(start), str(end))).fetchone()
    if row is None:
        return None
    *values, balance, cash, returned, gifts = row
    return MemberStanding(prepared.instance(Member, values), balance, cash - returned + gifts)


def open_lots(member_id: MemberId, today: dt.date) -> list[tuple[int, dt.date]]:
    """(remaining points, expires on) of each lot still usable on ``today``, soonest expiry first."""
    parse = LedgerEntry.expires_on.python_value
    return [(remaining, parse(expires_on)) for _id, _points, remaining, expires_on
            in database.execute_sql(LOTS_SQL, (member_id, today.isoformat())).fetchall()]


def usable_coupons(member_id: MemberId, today: dt.date) -> list[Coupon]:
    day = today.isoformat()
    return [prepared.instance(Coupon, row) for row in database.execute_sql(COUPONS_SQL, (member_id, day, day))]


def supplies(member_id: int, since: dt.datetime) -> Iterable[tuple[str, str, int, dt.datetime]]:
    parse = Sale.created_at.python_value
    return [(name, description, days, parse(bought)) for name, description, days, bought
            in database.execute_sql(SUPPLIES_SQL, (member_id, str(since))).fetchall()]
