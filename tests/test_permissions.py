"""The permission declaration: who holds what, and how a refusal reads."""

from types import SimpleNamespace

import pytest

from pharmacy_desk.core import audit
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.permissions import Permission, can, require
from pharmacy_desk.core.vocabulary import OperationKind, Role


def person(role: Role, active: bool = True):
    return SimpleNamespace(role=role.value, active=active)


def test_cashier_sells_but_does_not_read_health_files_or_change_rules():
    cashier = person(Role.CASHIER)
    assert can(cashier, Permission.SELL)
    assert not can(cashier, Permission.VIEW_HEALTH)
    assert not can(cashier, Permission.CHANGE_RULES)
    assert not can(cashier, Permission.EXPORT_PERSONAL)


def test_pharmacist_reads_health_files_but_does_not_manage_staff():
    pharmacist = person(Role.PHARMACIST)
    assert can(pharmacist, Permission.VIEW_HEALTH) and can(pharmacist, Permission.EDIT_HEALTH)
    assert not can(pharmacist, Permission.MANAGE_STAFF)


def test_owner_holds_every_permission():
    owner = person(Role.OWNER)
    assert all(can(owner, permission) for permission in Permission)


def test_inactive_or_unknown_operator_holds_nothing():
    assert not can(person(Role.OWNER, active=False), Permission.SELL)
    assert not can(SimpleNamespace(role="intruder", active=True), Permission.SELL)
    assert not can(None, Permission.SELL)


def test_refusal_names_the_permission_and_who_holds_it():
    with pytest.raises(NotPermitted, match="没有“查看健康档案”的权限（药师、店长可以）"):
        require(person(Role.CASHIER), Permission.VIEW_HEALTH)
    with pytest.raises(InvalidInput):
        require(None, Permission.SELL)


def test_audit_record_appends_an_operation_row(db):
    owner = Staff.create(name="审计店长", role=Role.OWNER)
    row = audit.record(OperationKind.EXPORT, owner, subject="members", detail="300 行 → 会员.xlsx")
    stored = Operation.get_by_id(row.id)
    assert (stored.kind, stored.staff_id, stored.subject) == ("export", owner.id, "members")
    nobody = audit.record(OperationKind.SIGN_IN_FAILED, None, subject="王芳")
    assert Staff.get_by_id(Operation.get_by_id(nobody.id).staff_id).role == Role.SYSTEM
    assert row.key != nobody.key
