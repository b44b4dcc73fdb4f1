"""操作日志: the append-only record of who did what, when, to what.

Every keyed operation (a sale, a return, a setting change) is already a row of the
``operation`` table. Actions that change no business data but must still be answerable
later — a sign-in, a failed one, an export, a look at a health file — are recorded here
the same way, each under a key of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from pharmacy_desk.core import operations
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.models import Operation
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.operator import Operator

SUBJECT_LIMIT = 250


def record(kind: OperationKind, operator: Operator | None, *, subject: str = "", detail: str = "",
           at: dt.datetime | None = None) -> Operation:
    """Append one audit row; joins the caller's write transaction or takes its own.

    ``operator`` None is recorded as the system account (a failed sign-in names nobody
    who proved who they are; the attempted name goes in ``subject``).
    """
    if operator is None:
        from pharmacy_desk.core.defaults import system_staff

        operator = system_staff()
    at = at or operations.now()
    key = f"{kind.value}:{uuid.uuid4()}"
    if database.in_transaction():
        return operations.start(key, kind.value, operator, at, subject=subject[:SUBJECT_LIMIT], detail=detail)
    with write_transaction():
        return operations.start(key, kind.value, operator, at, subject=subject[:SUBJECT_LIMIT], detail=detail)


def record_export(what: str, rows: int, path: str | os.PathLike[str], operator: Operator | None) -> Operation:
    """导出数据: a file of personal data left the program — what it held, how many rows, where to."""
    target = Path(path)
    return record(OperationKind.EXPORT, operator, subject=f"{what}：{target.name}",
                  detail=f"{what} {rows} 行 → {target}")
