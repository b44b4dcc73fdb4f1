"""A/B类会员: the members who spend the most, ranked by spend over the last 12 months.

The period is the trailing 12 months up to and including ``as_of`` (the same window
as tiers: sales after ``as_of`` minus 12 months, net of returns), not the calendar
year, so the owner can run it any day and see "the last year".

Only members who bought something in the period are ranked: a store with many
lapsed members would otherwise make every active member an A. Counts are rounded
up (``ceil``), so even a small store has at least one A member; the B count is
the cumulative ``b_class_percent`` minus the A count. Equal spend is broken by the
older member (lower id) first, so the split is deterministic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import settings
from pharmacy_desk.core.contact_row import CONTACT_COLUMNS, STAFF_JOIN, ContactRow
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ids import StaffId
from pharmacy_desk.core.ledger import add_months


@dataclass(frozen=True)
class ClassRow(ContactRow):
    rank: int
    klass: str  # "A" or "B"
    spend_fen: int


# Net paid per member in (since, until): sales minus the refunds of those sales made up to ``until``.
_SPEND_SQL = """
WITH paid AS (
    SELECT member_id, SUM(paid_fen) AS fen FROM sale
    WHERE member_id IS NOT NULL AND created_at > ? AND created_at < ?
    GROUP BY member_id
), refunded AS (
    SELECT s.member_id, SUM(r.refund_fen) AS fen FROM sale_return r JOIN sale s ON s.id = r.sale_id
    WHERE s.member_id IS NOT NULL AND s.created_at > ? AND s.created_at < ? AND r.created_at < ?
    GROUP BY s.member_id
), spend AS (
    SELECT paid.member_id, paid.fen - COALESCE(refunded.fen, 0) AS fen
    FROM paid LEFT JOIN refunded ON refunded.member_id = paid.member_id
)
"""


def period(as_of: dt.date) -> tuple[str, str]:
    """(since, until) as stored timestamps: sales after ``since`` and before ``until`` (the day after ``as_of``)."""
    since = dt.datetime.combine(add_months(as_of, -12), dt.time())
    until = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    return str(since), str(until)


def class_sizes(ranked: int) -> tuple[int, int]:
    """(A count, B count) among ``ranked`` spending members."""
    a_count = -(-ranked * settings.get("a_class_percent") // 100)  # ceiling, in integers
    ab_count = -(-ranked * settings.get("b_class_percent") // 100)
    return a_count, max(0, ab_count - a_count)


def ab_classes(as_of: dt.date, *, owner_staff_id: StaffId | None = None) -> list[ClassRow]:
    """A and B members as of ``as_of``, best first; ``owner_staff_id`` keeps one staff member's own."""
    since, until = period(as_of)
    args = [since, until, since, until, until]
    ranked = database.execute_sql(_SPEND_SQL + "SELECT COUNT(*) FROM spend WHERE fen > 0", args).fetchone()[0]
    a_count, b_count = class_sizes(ranked)
    if a_count + b_count == 0:
        return []
    rows = database.execute_sql(_SPEND_SQL + f"""
        SELECT {CONTACT_COLUMNS}, spend.fen
        FROM spend JOIN member m ON m.id = spend.member_id {STAFF_JOIN}
        WHERE spend.fen > 0
        ORDER BY spend.fen DESC, m.id
        LIMIT ?""", args + [a_count + b_count]).fetchall()
    result = []
    for rank, values in enumerate(rows, start=1):
        row = ClassRow.from_columns(values, rank, "A" if rank <= a_count else "B", values[6])
        if owner_staff_id is None or row.owner_staff_id == owner_staff_id:
            result.append(row)
    return result
