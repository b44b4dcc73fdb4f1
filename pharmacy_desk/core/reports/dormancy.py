"""沉睡会员: members who bought before but not in the last N whole months up to a month end.

One pass over the covering (member, created_at) index gives every member's last sale
before each month end asked for (one ``MAX(CASE …)`` per month), so a 12-month trend
costs one scan, not twelve. The owner-staff is looked up only for the few members who
turned dormant in the last month, or in any month when each month's owners are wanted
(closing several months at once); a lookup for everyone costs three times as much.

The current month is read from each member's running last sale (``core.activity``)
when those are up to date: one pass over a small row per member instead of the sales,
which RFM's totals can share (``rfm.dormancy_and_segments``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmacy_desk.core import activity, dialect, operations, settings
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports.period import Month, bound


@dataclass(frozen=True)
class Dormancy:
    """At one month end: how many are dormant, how many turned dormant that month, and whose they were."""

    month: Month
    dormant: int
    newly: int
    newly_by_owner: dict[int, int]  # filled for the last month of a series (or every one, when asked)


def dormancy_series(months: list[Month], dormant_months: int | None = None, *,
                    owners_every_month: bool = False) -> list[Dormancy]:
    """Dormancy at the end of each month (oldest first); owners for the last one, or for every one."""
    n = settings.get("dormant_months") if dormant_months is None else dormant_months
    if len(months) == 1 and activity.covers(months[0].first_day, operations.now().date()):
        return [_from_activity(months[0], n)]
    params: dict[str, str] = {}
    lasts, counts = [], []
    for i, month in enumerate(months):
        params.update({f"e{i}": bound(month.end), f"c{i}": bound(add_months(month.end, -n)),
                       f"p{i}": bound(add_months(month.end, -n - 1))})
        lasts.append(f"MAX(CASE WHEN created_at < :e{i} THEN created_at END) AS l{i}")
        counts.append(f"{dialect.count_where(f'l{i} < :c{i}')}, {dialect.count_where(f'l{i} >= :p{i} AND l{i} < :c{i}')}")
    last = len(months) - 1
    owned = range(len(months)) if owners_every_month else [last]
    newly_any = " OR ".join(f"(l{i} >= :p{i} AND l{i} < :c{i})" for i in owned)
    rows = database.execute_sql(
        f"SELECT owner, {', '.join(counts)} FROM ("
        f" SELECT *, CASE WHEN {newly_any} THEN"
        "  (SELECT m.owner_staff_id FROM member m WHERE m.id = member_id) END AS owner"
        f" FROM (SELECT member_id, {', '.join(lasts)} FROM sale"
        f"  WHERE member_id IS NOT NULL AND created_at < :e{last} GROUP BY member_id))"
        " GROUP BY owner", params).fetchall()
    result = []
    for i, month in enumerate(months):
        by_owner = {}
        if i in owned:
            by_owner = {row[0]: row[2 + 2 * i] for row in rows if row[0] is not None and row[2 + 2 * i]}
        result.append(Dormancy(month, sum(row[1 + 2 * i] for row in rows), sum(row[2 + 2 * i] for row in rows),
                               by_owner))
    return result


_NEWLY = "last_sale_at >= :p AND last_sale_at < :c"


def running_columns(month: Month, n: int) -> tuple[list[str], dict[str, str]]:
    """The current month's dormancy as columns of one pass over the running figures, with their parameters.

    The columns: how many are dormant, how many turned dormant this month, and those members'
    ids, so that their owner-staff are then looked up by key (``from_running``) rather than
    found by a second pass. RFM's totals share the pass (``rfm.dormancy_and_segments``).
    """
    params = {"c": bound(add_months(month.end, -n)), "p": bound(add_months(month.end, -n - 1))}
    return [dialect.count_where("last_sale_at < :c"), dialect.count_where(_NEWLY),
            dialect.ids_collected("member_id", _NEWLY)], params


def from_running(month: Month, dormant: int, newly: int, newly_ids: str) -> Dormancy:
    """The Dormancy of ``running_columns``'s values: the owners of the few who turned dormant, by key."""
    by_owner = dict(database.execute_sql(
        f"SELECT owner_staff_id, COUNT(*) FROM member WHERE id IN ({dialect.ids_among('?')})"
        " AND owner_staff_id IS NOT NULL GROUP BY owner_staff_id", (newly_ids,)).fetchall())
    return Dormancy(month, dormant, newly, by_owner)


def _from_activity(month: Month, n: int) -> Dormancy:
    """The current month's dormancy from each member's running last sale (the same definition)."""
    columns, params = running_columns(month, n)
    counts = database.execute_sql(f"SELECT {', '.join(columns)} FROM member_activity", params).fetchone()
    return from_running(month, *counts)


def dormancy(month: Month, dormant_months: int | None = None) -> Dormancy:
    return dormancy_series([month], dormant_months)[0]
