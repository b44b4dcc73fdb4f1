"""Operation keys: every change to the data is one keyed operation.

The key is chosen by whoever starts the operation (a sale's client-generated id, a
redemption's id from the till, ``expiry:2026-11-23``). Replaying a key changes
nothing: the caller gets back what the operation already recorded.

A service that takes a key begins with one step, inside its write transaction::

    with write_transaction():
        step = operations.keyed(f"sale:{uid}", "sale", operator, at)
        if step.done is not None:
            return <the result rebuilt from what step.done recorded, replayed=True>
        <validate: a refusal here leaves no Operation row>
        op = step.start(subject=f"sale:{row.id}")

The write transaction takes SQLite's write lock before the key is looked up, so of two
tills submitting the same key at once the second waits, then finds the first's record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import prepared
from pharmacy_desk.core.db import database
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Operation
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator


def find(key: str) -> Operation | None:
    return Operation.get_or_none(Operation.key == key)


def start(key: str, kind: str, operator: Operator | None, at: dt.datetime, subject: str = "",
          detail: str = "") -> Operation:
    """Record the start of a new operation; call inside the write transaction. No operator is refused.

    ``detail`` says what it changed, for the audit: ``积分有效期：3 个月 → 6 个月``.
    """
    if not key:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "操作缺少唯一编号。"))
    if operator is None or not getattr(operator, "id", None):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "必须指明操作员。"))
    return prepared.create(Operation, key=key, kind=kind, staff=operator.id, created_at=at, subject=subject,
                           detail=detail)


@dataclass(frozen=True)
class KeyedOperation:
    """One keyed operation, looked up: ``done`` is its record when the key was seen before."""

    key: str
    kind: str
    operator: Operator | None  # refused by ``start`` when None
    at: dt.datetime
    done: Operation | None

    def start(self, subject: str = "") -> Operation:
        """Record the operation, after the service has checked everything it refuses."""
        return start(self.key, self.kind, self.operator, self.at, subject)

    def resume(self) -> Operation:
        """The operation recorded under the key, or a new one.

        For batches that may add to the same key later (a day's expiry runs again when
        a till spends a member's points), where a second run is not a replay.
        """
        return self.done if self.done is not None else self.start()


def keyed(key: str, kind: str, operator: Operator | None, at: dt.datetime) -> KeyedOperation:
    """Replay or start: look ``key`` up under the write lock.

    A key already recorded by another kind of operation is refused: its rows are not
    the ones this service would rebuild, so replaying it would return a wrong result.
    """
    if not database.in_transaction():
        raise RuntimeError("a keyed operation is looked up inside its write transaction")
    # "sale:" + an empty id would name every id-less sale alike: the second would replay the first.
    if not key.rpartition(":")[2].strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "操作缺少唯一编号。"))
    done = find(key)
    if done is not None and done.kind != kind:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "操作编号“{key}”已被另一项操作使用，本次操作没有执行。"), key=key)
    return KeyedOperation(key, kind, operator, at, done)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)
