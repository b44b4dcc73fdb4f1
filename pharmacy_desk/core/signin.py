"""登录: a person proves who they are with their PIN or password.

A refusal never says whether the name or the secret was wrong. Five wrong tries in a
row lock the account, for a time that grows with each lock in a row (``LOCK_MINUTES``);
the owner can unlock it at once (``accounts.unlock``), and a right answer after a
lock has run out starts the count afresh. Every attempt is in the audit log: a
sign-in, a failure (the name as typed in the subject, recorded as the system account
since nobody proved who they are), a lock of the account.

The secret is checked before the write lock is taken (a check costs a fifth of a
second); the failure count is then changed inside it, so two tills trying at once
both count.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from pharmacy_desk.core import audit, operations, passwords
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import DeskError
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.pharmacy import sign_in_names
from pharmacy_desk.core.staff import by_name
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator

__all__ = ["LOCK_MINUTES", "MAX_FAILURES", "SignInRefused", "lock_minutes", "record_lock", "sign_in",
           "sign_in_names", "sign_out"]

MAX_FAILURES = 5
# The first lock lasts a minute, the next five, and so on; the last stays.
LOCK_MINUTES = (1, 5, 15, 60, 240)
WRONG = QT_TRANSLATE_NOOP("core", "姓名或密码不正确。")


class SignInRefused(DeskError):
    """The name and secret did not sign anyone in; the message says what to do."""


def lock_minutes(level: int) -> int:
    """How long the ``level``-th lock in a row lasts (level 1 is the first)."""
    return LOCK_MINUTES[min(max(level, 1), len(LOCK_MINUTES)) - 1]


def _minutes_left(until: dt.datetime, at: dt.datetime) -> int:
    return max(1, math.ceil((until - at).total_seconds() / 60))


def _locked_message(until: dt.datetime, at: dt.datetime) -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("core", "连续输错密码，账户已锁定，请 %n 分钟后再试，或请店长解锁。"),
                    n=_minutes_left(until, at))


def _can_try(person: Staff | None) -> bool:
    return person is not None and bool(person.active) and bool(person.password_hash)


def sign_in(name: str, secret: str, at: dt.datetime | None = None) -> Operator:
    """The person ``name`` if ``secret`` is theirs; otherwise ``SignInRefused``, recorded."""
    at = at or operations.now()
    tried = by_name(name)
    if tried is not None and tried.locked_until is not None and tried.locked_until > at:
        audit.record(OperationKind.SIGN_IN_FAILED, None, subject=str(name), detail="账户锁定中", at=at)
        raise SignInRefused(_locked_message(tried.locked_until, at))
    verdict = passwords.verify_secret(tried.password_hash if tried is not None and _can_try(tried) else None, secret)
    with write_transaction():
        person = by_name(name)  # as it is now, under the lock
        if person is None or not verdict.ok or not _can_try(person) or person.id != getattr(tried, "id", None):
            refusal = _count_failure(person if _can_try(person) else None, str(name), at)
        elif person.locked_until is not None and person.locked_until > at:
            # Locked by another till's failures while this one was checking.
            refusal = _locked_message(person.locked_until, at)
        else:
            fields: dict[Any, Any] = {Staff.failed_signins: 0, Staff.lock_level: 0, Staff.locked_until: None}
            if verdict.rehashed:
                fields[Staff.password_hash] = verdict.rehashed
            Staff.update(fields).where(Staff.id == person.id).execute()
            audit.record(OperationKind.SIGN_IN, Operator.of(person), subject=f"staff:{person.id}", at=at)
            return Operator.of(Staff.get_by_id(person.id))
    raise SignInRefused(refusal)


def _count_failure(person: Staff | None, tried: str, at: dt.datetime) -> str | Sentence:
    """Record a failed try (and the lock it may bring); returns what to tell the person."""
    audit.record(OperationKind.SIGN_IN_FAILED, None, subject=tried, at=at)
    if person is None:
        return WRONG
    failures = person.failed_signins + 1
    if failures < MAX_FAILURES:
        Staff.update(failed_signins=Staff.failed_signins + 1).where(Staff.id == person.id).execute()
        return WRONG
    level = person.lock_level + 1
    until = at + dt.timedelta(minutes=lock_minutes(level))
    Staff.update(failed_signins=0, lock_level=level, locked_until=until).where(Staff.id == person.id).execute()
    audit.record(OperationKind.ACCOUNT_LOCK, None, subject=f"staff:{person.id}",
                 detail=f"{person.name}：连续 {MAX_FAILURES} 次密码错误，锁定 {lock_minutes(level)} 分钟", at=at)
    return Sentence(QT_TRANSLATE_NOOP("core", "{wrong}已连续输错 {failures} 次，账户锁定 %n 分钟；可稍后再试，或请店长解锁。"),
                    wrong=term(WRONG), failures=MAX_FAILURES, n=lock_minutes(level))


def sign_out(operator: Operator, at: dt.datetime | None = None) -> None:
    """Record that ``operator`` left the till."""
    audit.record(OperationKind.SIGN_OUT, operator, subject=f"staff:{operator.id}", at=at)


def record_lock(operator: Operator, at: dt.datetime | None = None) -> None:
    """Record that the counter was locked (idle, or Ctrl+L) while ``operator`` was signed in."""
    audit.record(OperationKind.LOCK, operator, subject=f"staff:{operator.id}", at=at)
