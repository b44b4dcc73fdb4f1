"""店员账户: the owner adds, renames, re-roles and deactivates staff, resets PINs, unlocks.

Every call is the owner's (``Permission.MANAGE_STAFF``), checked before anything is read
for the change. A deactivated person keeps their history (sales, sign-ups, the audit
log name them) and can no longer sign in. There is always at least one active owner:
deactivating or re-roling the last one is refused. Each change is one ``staff_change``
audit row whose detail says old → new; a PIN or password never appears in it.

Hashing takes a noticeable fraction of a second, so it is done before the write lock
is taken: the tills never wait behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pharmacy_desk.core import audit, operations, passwords
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.normalize import halfwidth
from pharmacy_desk.core.permissions import require
from pharmacy_desk.core.staff import PERSON_ROLES, StaffRow, active_owners, by_name, clean_name, find_person, row_of
from pharmacy_desk.core.vocabulary import OperationKind, Permission, Role
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator

__all__ = ["StaffRow", "add_staff", "deactivate", "list_staff", "reset_secret", "secret_problem", "unlock",
           "update_staff"]

PIN = re.compile(r"\d{4,6}")
PASSWORD_MIN = 8
SECRET_MAX = 128


def secret_problem(role: str, secret: str) -> Sentence | None:
    """What is wrong with ``secret`` for someone of ``role``, or None when it will do.

    A cashier or pharmacist may use a 4–6 digit PIN or a password; the owner, who can
    change everything, a password of at least 8 characters.
    """
    typed = halfwidth(secret)
    if len(typed) > SECRET_MAX:
        return Sentence(QT_TRANSLATE_NOOP("core", "密码最多 {limit} 个字符。"), limit=SECRET_MAX)
    if not typed.strip():
        return Sentence(QT_TRANSLATE_NOOP("core", "请填写密码或 PIN。"))
    if role == Role.OWNER:
        return None if len(typed) >= PASSWORD_MIN else Sentence(
            QT_TRANSLATE_NOOP("core", "店长的密码至少 {limit} 个字符。"), limit=PASSWORD_MIN)
    if PIN.fullmatch(typed) or len(typed) >= PASSWORD_MIN:
        return None
    return Sentence(QT_TRANSLATE_NOOP("core", "PIN 应为 4 到 6 位数字，或使用至少 {limit} 个字符的密码。"), limit=PASSWORD_MIN)


def _check_secret(role: str, secret: str) -> str:
    """The hash to store for ``secret``, or a refusal in one sentence."""
    problem = secret_problem(role, secret)
    if problem:
        raise InvalidInput(problem)
    return passwords.hash_secret(secret)


def _person_role(role: str) -> Role:
    if role not in PERSON_ROLES:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "店员角色应为{roles}之一，收到：{role}。"),
                           roles=Joined([term(r.label) for r in PERSON_ROLES]), role=role)
    return Role.of(role)


def _unique_name(name: str, staff_id: int | None = None) -> None:
    taken = Staff.get_or_none(Staff.name == name)
    if taken is not None and taken.id != staff_id:
        if taken.active:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "已有名为“{name}”的店员，请换一个姓名。"), name=name)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "已有名为“{name}”的店员（已停用），请换一个姓名。"), name=name)


def _keep_an_owner(person: Staff, what: str) -> None:
    """Refuse to ``what`` (a marked phrase: 停用, 改为其他角色) the last active owner."""
    """Refuse taking away the last active owner (then nobody could manage staff or rules)."""
    if person.role == Role.OWNER and person.active and active_owners() <= 1:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}是唯一在职的店长，不能{what}；请先添加另一位店长。"), name=person.name,
                           what=term(what))


def _owner(operator: Operator | None) -> Operator:
    """The operator as stored now, checked: a window may hold a value read before a role change."""
    current = operator
    if operator is not None and getattr(operator, "id", None):
        row = Staff.get_or_none(Staff.id == operator.id)
        current = None if row is None else Operator.of(row)
    require(current, Permission.MANAGE_STAFF)
    assert current is not None  # require refuses None
    return current


def _audit(operator: Operator, person: Staff, detail: str, at: dt.datetime) -> None:
    audit.record(OperationKind.STAFF_CHANGE, operator, subject=f"staff:{person.id}",
                 detail=f"{person.name}：{detail}", at=at)


def _change(person: Staff, operator: Operator, detail: str, at: dt.datetime, **fields: Any) -> None:
    """Write ``fields`` to ``person``'s row and record the change, as ``detail``, in the audit."""
    Staff.update(**fields).where(Staff.id == person.id).execute()
    _audit(operator, person, detail, at)


# A lockout forgotten: no failures counted, no lock, the next lock the shortest again.
NOT_LOCKED: dict[str, Any] = {"failed_signins": 0, "locked_until": None, "lock_level": 0}


def add_staff(name: str, role: str, secret: str, operator: Operator, *, at: dt.datetime | None = None) -> StaffRow:
    """Add a person who can sign in with ``secret`` (a PIN or a password, by role)."""
    operator = _owner(operator)
    name, role = clean_name(name), _person_role(role)
    _unique_name(name)
    hashed = _check_secret(role, secret)
    at = at or operations.now()
    with write_transaction():
        _unique_name(name)  # again under the lock: another window may have just added them
        person = Staff.create(name=name, role=role, password_hash=hashed, created_at=at)
        _audit(operator, person, f"新增店员（{role.label}）", at)
    return row_of(person)


def update_staff(staff_id: int, operator: Operator, *, name: str | None = None, role: str | None = None,
                 secret: str | None = None, at: dt.datetime | None = None) -> StaffRow:
    """Rename or re-role a person (``secret``: a new PIN or password too); nothing changed records nothing.

    Making someone the owner needs a new password of the owner's kind (``secret``): a
    cashier's 4-digit PIN must not open the owner's powers.
    """
    operator = _owner(operator)
    person = find_person(staff_id)
    new_name = clean_name(name) if name is not None else person.name
    new_role = _person_role(role) if role is not None else Role.of(person.role)
    if new_role == Role.OWNER and person.role != Role.OWNER and secret is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "设为店长需要同时设置至少 {limit} 个字符的新密码。"), limit=PASSWORD_MIN)
    hashed = _check_secret(new_role, secret) if secret is not None else None
    at = at or operations.now()
    with write_transaction():
        person = find_person(staff_id)
        changed = []
        if new_name != person.name:
            _unique_name(new_name, person.id)
            changed.append(f"姓名 {person.name} → {new_name}")
        if new_role != person.role:
            _keep_an_owner(person, QT_TRANSLATE_NOOP("core", "改为其他角色"))
            changed.append(f"角色 {Role.label_of(person.role)} → {new_role.label}")
        if hashed is not None:
            changed.append("重设密码")
        if not changed:
            return row_of(person)
        fields: dict[str, Any] = {"name": new_name, "role": new_role.value}
        if hashed is not None:
            fields["password_hash"] = hashed
        _change(person, operator, "；".join(changed), at, **fields)
    return row_of(find_person(staff_id))


def deactivate(staff_id: int, operator: Operator, *, at: dt.datetime | None = None) -> StaffRow:
    """Stop a person from signing in; their sales and history stay theirs."""
    operator = _owner(operator)
    at = at or operations.now()
    with write_transaction():
        person = find_person(staff_id)
        if not person.active:
            return row_of(person)
        _keep_an_owner(person, QT_TRANSLATE_NOOP("core", "停用"))
        _change(person, operator, "停用", at, active=False)
    return row_of(find_person(staff_id))


def reset_secret(staff_id: int, secret: str, operator: Operator, *, at: dt.datetime | None = None) -> StaffRow:
    """Give a person a new PIN or password; a lock on the account is lifted with it."""
    operator = _owner(operator)
    role = find_person(staff_id).role
    hashed = _check_secret(role, secret)
    at = at or operations.now()
    with write_transaction():
        person = find_person(staff_id)
        if person.role != role:  # re-roled meanwhile: the secret must suit the new role
            _check_secret(person.role, secret)
        _change(person, operator, "重设密码", at, password_hash=hashed, **NOT_LOCKED)
    return row_of(find_person(staff_id))


def unlock(staff_id: int, operator: Operator, *, at: dt.datetime | None = None) -> StaffRow:
    """Lift a lockout at once, and forget the failures that led to it."""
    operator = _owner(operator)
    at = at or operations.now()
    with write_transaction():
        person = find_person(staff_id)
        if not person.failed_signins and not person.lock_level and person.locked_until is None:
            return row_of(person)
        _change(person, operator, "解除锁定", at, **NOT_LOCKED)
    return row_of(find_person(staff_id))


def list_staff(operator: Operator, *, include_inactive: bool = True) -> list[StaffRow]:
    """Everyone on the staff list (not the system account), in the order they were added."""
    operator = _owner(operator)
    query = Staff.select().where(Staff.role != Role.SYSTEM)
    if not include_inactive:
        query = query.where(Staff.active)
    return [row_of(person) for person in query.order_by(Staff.id)]


def find_by_name(name: str, operator: Operator) -> StaffRow:
    """The person called ``name`` (for the command line, which names people)."""
    from pharmacy_desk.core.errors import NotFound

    operator = _owner(operator)
    person = by_name(name)
    if person is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到名为“{name}”的店员。"), name=name)
    return row_of(person)
