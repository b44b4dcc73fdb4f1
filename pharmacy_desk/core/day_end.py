"""日结: the day's till figures, all cashiers together and each apart, with the ledger's chain head.

The chain head (``chain.head``) written on the report lets anyone check later that no
row of the day was changed or removed (``chain.head_mismatch``). Running the day-end
is recorded in the audit log with the head and the day's totals; the head is read before that
record is added, so it names the last row of the day's business.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import audit, chain, operations
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Operation, Sale, SaleReturn, Staff
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.shift import Totals, describe, totals
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.operator import Operator


@dataclass(frozen=True)
class DayEndReport:
    day: dt.date
    totals: Totals
    by_cashier: tuple[tuple[str, Totals], ...]  # cashier's name and their figures, by name
    chain_head: str
    made_at: dt.datetime


def _cashiers(start: dt.datetime, end: dt.datetime) -> list[Staff]:
    ids = set(Sale.select(Sale.staff).where((Sale.created_at >= start) & (Sale.created_at < end)).scalars())
    ids |= set(SaleReturn.select(SaleReturn.staff)
               .where((SaleReturn.created_at >= start) & (SaleReturn.created_at < end)).scalars())
    ids |= set(Operation.select(Operation.staff).where(
        (Operation.kind == OperationKind.REGISTER.value) & (Operation.created_at >= start)
        & (Operation.created_at < end)).scalars())
    return sorted(Staff.select().where(Staff.id.in_(ids)), key=lambda s: (s.name, s.id))


def day_end(day: dt.date, operator: Operator, at: dt.datetime | None = None) -> DayEndReport:
    """The day-end report of ``day`` (today, or a past day printed again), recorded with the chain
    head as it stands now. A day that has not come has no figures to close."""
    require(operator, Permission.VIEW_REPORTS)
    at = at or operations.now()
    if day > at.date():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{day} 还没有到，不能日结。"), day=f"{day:%Y-%m-%d}")
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    report = DayEndReport(day, totals(start, end),
                          tuple((s.name, totals(start, end, s.id)) for s in _cashiers(start, end)),
                          chain.head(), at)
    audit.record(OperationKind.DAY_END, operator, subject=f"日结：{day:%Y-%m-%d}",
                 detail=f"{describe(report.totals)}；链头 {report.chain_head}", at=at)
    return report
