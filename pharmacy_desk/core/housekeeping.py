"""Jobs that fall due with the calendar: daily points expiry, the monthly tier review,
closing the months that ended (``reports.closing``) and moving the members' activity
window (``core.activity``).

Run when the app starts (and by ``pharmacy-desk housekeeping``); all are
idempotent, so running them at every start, on every till, is harmless. All read
without the write lock and write in short transactions (``core/expiry.py``,
``tiers.monthly_review``), so a till's sale waits for one page of them at most.
Those transactions commit without a disk sync of their own, as an import's chunks do
(``dialect.bulk_writing``): a chunk then lets go of the lock without waiting for a loaded
disk. Each is still whole after a power cut, which can only take back the last few, and
they are done again at the next start; the next checkpoint, a moment after, syncs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pharmacy_desk.core import activity, dialect, ledger, tiers
from pharmacy_desk.core.changes import ALL, NOTHING, Changes
from pharmacy_desk.core.defaults import system_staff
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.operator import Operator


@dataclass
class HousekeepingResult:
    points_expired: int
    review: tiers.ReviewResult
    months_closed: list = field(default_factory=list)  # the reports.period.Month closed this run

    @property
    def changes(self) -> Changes:
        if not (self.points_expired or self.review.downgraded or self.review.upgraded):
            return NOTHING
        return Changes.of_members(ALL, ledger=bool(self.points_expired))


def run_due_jobs(today: dt.date | None = None, operator: Operator | None = None) -> HousekeepingResult:
    """Expire what is due, review tiers, close ended months, as ``operator`` (by default the system account)."""
    operator = operator or system_staff()
    require(operator, Permission.HOUSEKEEPING)
    today = today or dt.date.today()
    from pharmacy_desk.core.db import database
    from pharmacy_desk.core.reports import closing

    with dialect.bulk_writing(database):
        expired = ledger.expire_due(today, operator)
        review = tiers.monthly_review(today.replace(day=1), operator,
                                      at=dt.datetime.combine(today, dt.datetime.now().time()).replace(microsecond=0))
        closed = closing.close_due_months(today, operator)
        activity.catch_up(today)
    return HousekeepingResult(expired, review, closed)
