"""Jobs that fall due with the calendar: daily points expiry and the monthly tier review.

Run when the app starts (and by ``pharmacy-desk housekeeping``); both are
idempotent, so running them at every start, on every till, is harmless. Both read
without the write lock and write in short transactions (``core/expiry.py``,
``tiers.monthly_review``), so a till's sale waits for one page of them at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import ledger, tiers
from pharmacy_desk.core.changes import ALL, NOTHING, Changes
from pharmacy_desk.core.defaults import system_staff
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.permissions import Permission, require


@dataclass
class HousekeepingResult:
    points_expired: int
    review: tiers.ReviewResult

    @property
    def changes(self) -> Changes:
        if not (self.points_expired or self.review.downgraded or self.review.upgraded):
            return NOTHING
        return Changes.of_members(ALL, ledger=bool(self.points_expired))


def run_due_jobs(today: dt.date | None = None, operator: Staff | None = None) -> HousekeepingResult:
    """Expire what is due and review tiers, as ``operator`` (by default the system account)."""
    operator = operator or system_staff()
    require(operator, Permission.HOUSEKEEPING)
    today = today or dt.date.today()
    expired = ledger.expire_due(today, operator)
    review = tiers.monthly_review(today.replace(day=1), operator,
                                  at=dt.datetime.combine(today, dt.datetime.now().time()).replace(microsecond=0))
    return HousekeepingResult(expired, review)
