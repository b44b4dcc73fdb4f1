"""月结: once a month has ended its report figures are facts, computed once and stored.

Every figure of the month report either happened in the month (sales, refunds, points
and coupons booked then, a later return booked in the month of the return) or is as of
its last day (members, tiers, dormancy, RFM, the points owed). None of them can move
after the month ends, so housekeeping computes a month once, at the first start after
it ended, and stores it (``MonthReport``, append-only); the reports read it back instead
of scanning years of sales again. Missed months are caught up, oldest first, up to
``CLOSE_BACK_MONTHS`` back; older months stay computed on request.

The reading is done without the write lock, several months sharing one dormancy scan;
each month is written in a transaction of its own (a few hundred bytes).

What the records cannot freeze stays as the month stored it: a member's profile edited
later (birthday, owner-staff) or erased, a tier renamed. ``recompute`` computes a month
from the records again on the owner's request and stores that, recording in the audit log
which figures came out different.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from pharmacy_desk.core import audit, operations
from pharmacy_desk.core.db import batch_transaction, database, write_transaction
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.bookkeeping_models import MonthReport
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.reports.month_parts import MonthParts, consecutive_runs, decode, encode, live_parts
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator

CLOSE_BACK_MONTHS = 36  # as far back as the charts window offers
MONTHS_PER_SCAN = 12  # months closed together from one dormancy scan


def stored(months: list[Month]) -> dict[Month, MonthParts]:
    """The closed months among ``months``, each as its newest stored figures."""
    if not months:
        return {}
    labels = {month.label: month for month in months}
    marks = ", ".join("?" * len(labels))
    rows = database.execute_sql(
        f"SELECT month, figures FROM month_report WHERE id IN (SELECT MAX(id) FROM month_report"
        f" WHERE month IN ({marks}) GROUP BY month)", list(labels)).fetchall()
    found = {labels[label]: decode(labels[label], text) for label, text in rows}
    return {month: parts for month, parts in found.items() if parts is not None}


def closed_labels() -> set[str]:
    return {row[0] for row in database.execute_sql("SELECT DISTINCT month FROM month_report").fetchall()}


def first_month() -> Month | None:
    """The month of the oldest sale, join date or ledger entry: nothing before it to report."""
    values = database.execute_sql(
        "SELECT (SELECT MIN(created_at) FROM sale), (SELECT MIN(joined_on) FROM member),"
        " (SELECT MIN(created_at) FROM ledger_entry)").fetchone()
    firsts = [str(value)[:7] for value in values if value is not None]
    return Month.parse(min(firsts)) if firsts else None


def months_due(today: dt.date) -> list[Month]:
    """Every month that has ended and has something to report, up to ``CLOSE_BACK_MONTHS`` back, oldest first."""
    first = first_month()
    last = Month.of(today).shifted(-1)
    if first is None or first > last:
        return []
    oldest = max(first, last.shifted(1 - CLOSE_BACK_MONTHS))
    months, month = [], oldest
    while month <= last:
        months.append(month)
        month = month.shifted(1)
    return months


def _store(month: Month, parts: MonthParts, operator: Operator, kind: OperationKind, detail: str,
           at: dt.datetime, transaction: Callable[[], AbstractContextManager] = write_transaction) -> bool:
    """Write one month's figures (a close writes only a month not yet closed); True when written."""
    with transaction():
        if kind is OperationKind.MONTH_CLOSE and MonthReport.select().where(MonthReport.month == month.label).exists():
            return False  # another till closed it meanwhile
        MonthReport.create(month=month.label, computed_at=at, staff=operator.id, figures=encode(parts))
        audit.record(kind, operator, subject=f"month:{month.label}", detail=detail, at=at)
    return True


def close_due_months(today: dt.date, operator: Operator, *, at: dt.datetime | None = None) -> list[Month]:
    """Compute and store every month ended by ``today`` and not closed yet; returns the months closed."""
    require(operator, Permission.HOUSEKEEPING)
    at = at or operations.now()
    done = closed_labels()
    missing = [month for month in months_due(today) if month.label not in done]
    closed = []
    for run in consecutive_runs(missing):
        for start in range(0, len(run), MONTHS_PER_SCAN):
            computed = live_parts(run[start:start + MONTHS_PER_SCAN])
            for month, parts in computed.items():
                # A batch's transaction: it leaves the tills the lock after the month before,
                # and beside busy tills asks for it again until it gets it.
                if _store(month, parts, operator, OperationKind.MONTH_CLOSE, f"{month} 月度报表已结账", at,
                          batch_transaction):
                    closed.append(month)
    return closed


@dataclass(frozen=True)
class Recomputed:
    month: Month
    changed: list[str] | None  # the figures that came out different; None when the month was not stored

    def describe(self) -> str:
        if self.changed is None:
            return f"{self.month} 月度报表已计算并保存（此前未结账）。"
        if not self.changed:
            return f"{self.month} 月度报表已重算，与已保存的数字完全一致。"
        return f"{self.month} 月度报表已重算，以下数字与已保存的不同，已改存新结果：{'、'.join(self.changed)}。"


def recompute(month: Month, operator: Operator, *, today: dt.date | None = None,
              at: dt.datetime | None = None) -> Recomputed:
    """Compute an ended month from the records again and store it as the month's figures; audited."""
    require(operator, Permission.HOUSEKEEPING)
    at = at or operations.now()
    today = today or at.date()
    if month.end > today:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{month} 还没有结束，只有已结束的月份才能结账或重算。"), month=month)
    before = stored([month]).get(month)
    parts = live_parts([month])[month]
    result = Recomputed(month, None if before is None else parts.differences(before))
    _store(month, parts, operator, OperationKind.REPORT_RECOMPUTE, result.describe(), at)
    return result
