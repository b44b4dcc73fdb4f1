"""查看操作日志: the audit log read back — who did what, when, to what — for the owner.

Every row of the ``operation`` table is one entry: the business operations (a sale,
a return, a rule change) and the audited actions that change no business data (a
sign-in, an export, a look at a health file). Reading it is ``Permission.VIEW_AUDIT``;
exporting it to Excel goes through the one writer and is itself recorded.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from peewee import JOIN

from pharmacy_desk.core import audit
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.permissions import require
from pharmacy_desk.core.vocabulary import OperationKind, Permission
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, term
from pharmacy_desk.core.operator import Operator

__all__ = ["AuditRow", "COLUMNS", "entries", "export", "kind_label", "kind_of"]


@dataclass(frozen=True)
class AuditRow:
    """One entry, newest first in a listing."""

    id: int
    at: dt.datetime
    operator: str  # the name as it is now; "系统" for the scheduled jobs and failed sign-ins
    staff_id: int | None
    kind: str  # the stored code
    kind_label: str
    subject: str
    detail: str


def kind_of(typed: str) -> str:
    """The stored code of a kind typed as its code (``sign_in``) or its label (``登录``)."""
    text = typed.strip()
    if OperationKind.has(text):
        return text
    found = next((kind for kind in OperationKind if kind.label == text), None)
    if found is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "没有名为“{typed}”的操作类型，可用：{kinds}。"), typed=typed,
            kinds=Joined([term(k.label) for k in OperationKind]))
    return found.value


def kind_label(code: str) -> str:
    """The Chinese name of an operation kind; a code the vocabulary does not know reads as itself."""
    return OperationKind.label_of(code) if OperationKind.has(code) else code


def _start(day: dt.date | dt.datetime) -> dt.datetime:
    return day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time())


def _end(day: dt.date | dt.datetime) -> dt.datetime:
    """The first moment after ``until``: a date includes the whole day."""
    return day if isinstance(day, dt.datetime) else dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def entries(operator: Operator | None, *, since: dt.date | dt.datetime | None = None,
            until: dt.date | dt.datetime | None = None, kind: str | Iterable[str] | None = None,
            staff_id: int | None = None, limit: int | None = None) -> list[AuditRow]:
    """The entries in the period (dates include the whole day), of ``kind`` (one or several codes)
    and by ``staff_id`` when given, newest first, at most ``limit``."""
    require(operator, Permission.VIEW_AUDIT)
    query = (Operation.select(Operation.id, Operation.created_at, Staff.name, Operation.staff, Operation.kind,
                              Operation.subject, Operation.detail)
             .join(Staff, on=(Operation.staff == Staff.id), join_type=JOIN.LEFT_OUTER))
    if since is not None:
        query = query.where(Operation.created_at >= _start(since))
    if until is not None:
        query = query.where(Operation.created_at < _end(until))
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        query = query.where(Operation.kind.in_(kinds))
    if staff_id is not None:
        query = query.where(Operation.staff == staff_id)
    query = query.order_by(Operation.created_at.desc(), Operation.id.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = cast("Iterable[tuple[int, dt.datetime, str | None, int | None, str, str, str]]", query.tuples())
    return [AuditRow(id=row_id, at=at, operator=name or "", staff_id=staff, kind=code, kind_label=kind_label(code),
                     subject=subject, detail=detail)
            for row_id, at, name, staff, code, subject, detail in rows]


COLUMNS = (("时间", "datetime"), ("操作员", "text"), ("类型", "text"), ("对象", "text"), ("内容", "text"))


def export(operator: Operator | None, path: str | os.PathLike[str], **filters) -> int:
    """Write the entries ``entries`` would list to an Excel file; recorded. Returns the row count."""
    from pharmacy_desk.core.spreadsheet.export import export_table

    rows = entries(operator, **filters)
    count = export_table(((r.at, r.operator, r.kind_label, r.subject, r.detail) for r in rows), COLUMNS,
                         Path(path), sheet_title="操作日志")
    audit.record_export("操作日志", count, path, operator)
    return count
