"""First run: a database without an owner who can sign in is set up once, with the pharmacy's details."""

import datetime as dt

import pytest

from pharmacy_desk.core import settings, setup, signin
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind, Role

AT = dt.datetime(2026, 6, 10, 9, 0)
INFO = setup.PharmacyInfo("康宁大药房", "和平路 12 号", "0571-88886666")


def counts():
    return Staff.select().count(), Operation.select().count(), settings.all_values()


def test_a_new_database_needs_setup(db):
    assert setup.needs_setup()
    assert setup.pharmacy_info() == setup.PharmacyInfo("", "", "")


def test_setup_creates_the_owner_and_stores_the_pharmacy(db):
    owner = setup.set_up(INFO, "王芳", "owner-pass", at=AT)
    assert (owner.name, owner.role, owner.active) == ("王芳", Role.OWNER, True)
    assert not setup.needs_setup()
    assert setup.pharmacy_info() == INFO
    assert signin.sign_in("王芳", "owner-pass").id == owner.id
    (row,) = Operation.select().where(Operation.kind == OperationKind.SETUP)
    assert row.staff_id == owner.id and row.detail == "药店：康宁大药房；店长：王芳"
    assert all("owner-pass" not in op.detail for op in Operation.select())
    # The details are settings like any other, changed by the owner and recorded.
    changed = Operation.select().where(Operation.kind == "setting_change").count()
    assert changed == 3


def test_setup_is_refused_once_done(db):
    setup.set_up(INFO, "王芳", "owner-pass")
    before = counts()
    with pytest.raises(InvalidInput, match="已经完成开店设置"):
        setup.set_up(setup.PharmacyInfo("别的药房"), "张三", "other-pass")
    assert counts() == before


@pytest.mark.parametrize("info, name, password, refusal", [
    (setup.PharmacyInfo(""), "王芳", "owner-pass", "药店名称"),
    (setup.PharmacyInfo("店" * 41), "王芳", "owner-pass", "药店名称"),
    (setup.PharmacyInfo("康宁", phone="电话号码"), "王芳", "owner-pass", "药店电话"),
    (INFO, "", "owner-pass", "姓名"),
    (INFO, "王芳", "1234", "至少 8"),
    (INFO, "系统", "owner-pass", "已有名为"),
])
def test_a_refused_setup_changes_nothing(db, info, name, password, refusal):
    before = counts()
    with pytest.raises(InvalidInput, match=refusal):
        setup.set_up(info, name, password)
    assert counts() == before and setup.needs_setup()


def test_an_owner_without_a_password_from_an_older_database_gets_one(db):
    legacy = Staff.create(name="王芳", role=Role.OWNER)  # from before sign-in existed
    assert setup.needs_setup()
    owner = setup.set_up(INFO, "王芳", "owner-pass")
    assert owner.id == legacy.id and Staff.select().where(Staff.name == "王芳").count() == 1
    assert signin.sign_in("王芳", "owner-pass").id == legacy.id


def test_a_name_taken_by_a_cashier_is_not_made_the_owner(db):
    Staff.create(name="王芳", role=Role.CASHIER)
    with pytest.raises(InvalidInput, match="已有名为"):
        setup.set_up(INFO, "王芳", "owner-pass")
    assert Staff.get(Staff.name == "王芳").role == Role.CASHIER


def test_the_idle_lock_is_a_setting(db):
    assert settings.get("idle_lock_minutes") == 5
    owner = setup.set_up(INFO, "王芳", "owner-pass")
    settings.change("idle_lock_minutes", "10 分钟", owner)
    assert settings.get("idle_lock_minutes") == 10
    with pytest.raises(InvalidInput, match="空闲锁屏"):
        settings.change("idle_lock_minutes", "0", owner)
