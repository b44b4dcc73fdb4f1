"""Operation keys: every change to the data is one keyed operation.

The key is chosen by whoever starts the operation (a sale's client-generated id, a
redemption's id from the till, ``expiry:2026-11-23``). Replaying a key changes
nothing: the caller gets back the operation that was already recorded.
"""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Operation, Staff


def find(key: str) -> Operation | None:
    return Operation.get_or_none(Operation.key == key)


def start(key: str, kind: str, operator: Staff, at: dt.datetime, subject: str = "") -> Operation:
    """Record the start of a new operation; call inside the write transaction."""
    if not key:
        raise InvalidInput("操作缺少唯一编号。")
    if operator is None or not getattr(operator, "id", None):
        raise InvalidInput("必须指明操作员。")
    return Operation.create(key=key, kind=kind, staff=operator, created_at=at, subject=subject)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)
