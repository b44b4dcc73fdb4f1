"""Sign-in: a PIN or password, one sentence on refusal, a lock after five failures that grows."""

import datetime as dt

import pytest

from pharmacy_desk.core import accounts, passwords, signin
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind, Role

AT = dt.datetime(2026, 6, 10, 9, 0)


@pytest.fixture
def cashier(head):
    return Staff.get_by_id(accounts.add_staff("李娜", "cashier", "1234", head).id)


def audit_rows(kind):
    return list(Operation.select().where(Operation.kind == kind).order_by(Operation.id))


def fail(name="李娜", secret="0000", at=AT):
    with pytest.raises(signin.SignInRefused) as refused:
        signin.sign_in(name, secret, at=at)
    return str(refused.value)


def test_the_right_pin_signs_in_and_is_recorded(cashier):
    person = signin.sign_in("李娜", "1234", at=AT)
    assert person.id == cashier.id and person.role == "cashier"
    (row,) = audit_rows(OperationKind.SIGN_IN)
    assert (row.staff_id, row.subject, row.created_at) == (cashier.id, f"staff:{cashier.id}", AT)


def test_a_name_is_matched_as_typed_with_spaces_and_full_width_forms(cashier):
    assert signin.sign_in(" 李娜 ", "１２３４", at=AT).id == cashier.id


def test_a_refusal_never_says_whether_the_name_or_the_pin_was_wrong(cashier):
    Staff.create(name="无密码", role="cashier")
    wrong_pin, unknown, no_secret, system = fail(), fail("王五"), fail("无密码"), fail("系统", "")
    assert wrong_pin == unknown == no_secret == system == "姓名或密码不正确。"
    failures = audit_rows(OperationKind.SIGN_IN_FAILED)
    assert [row.subject for row in failures] == ["李娜", "王五", "无密码", "系统"]
    system_id = Staff.get(Staff.role == Role.SYSTEM).id
    assert {row.staff_id for row in failures} == {system_id}  # nobody proved who they are
    assert all("0000" not in row.detail + row.subject for row in Operation.select())


def test_five_failures_lock_the_account_for_a_minute_even_for_the_right_pin(cashier):
    for attempt in range(signin.MAX_FAILURES - 1):
        assert fail(at=AT + dt.timedelta(seconds=attempt)) == "姓名或密码不正确。"
    message = fail(at=AT + dt.timedelta(seconds=5))
    assert "连续输错 5 次" in message and "锁定 1 分钟" in message and "店长解锁" in message
    stored = Staff.get_by_id(cashier.id)
    assert stored.locked_until == AT + dt.timedelta(seconds=5, minutes=1) and stored.lock_level == 1
    (lock,) = audit_rows(OperationKind.ACCOUNT_LOCK)
    assert lock.subject == f"staff:{cashier.id}" and "锁定 1 分钟" in lock.detail
    refused = fail(secret="1234", at=AT + dt.timedelta(seconds=20))
    assert refused == "连续输错密码，账户已锁定，请 1 分钟后再试，或请店长解锁。"
    assert not audit_rows(OperationKind.SIGN_IN)
    assert signin.sign_in("李娜", "1234", at=AT + dt.timedelta(minutes=2)).id == cashier.id


def test_each_lock_in_a_row_lasts_longer(cashier):
    at = AT
    for level, minutes in enumerate(signin.LOCK_MINUTES + (signin.LOCK_MINUTES[-1],), start=1):
        for _ in range(signin.MAX_FAILURES):
            fail(at=at)
        stored = Staff.get_by_id(cashier.id)
        assert (stored.lock_level, stored.locked_until) == (level, at + dt.timedelta(minutes=minutes))
        assert "分钟后再试" in fail(secret="1234", at=at + dt.timedelta(seconds=1))
        at = stored.locked_until + dt.timedelta(seconds=1)
    assert signin.LOCK_MINUTES[:4] == (1, 5, 15, 60)


def test_the_minutes_left_are_rounded_up_and_failures_while_locked_do_not_count(cashier):
    for _ in range(signin.MAX_FAILURES):
        fail()
    second = AT + dt.timedelta(minutes=1, seconds=1)
    for _ in range(signin.MAX_FAILURES):
        fail(at=second)  # the second lock: 5 minutes
    assert Staff.get_by_id(cashier.id).lock_level == 2
    assert "请 5 分钟后再试" in fail(at=second + dt.timedelta(seconds=59))
    assert "请 4 分钟后再试" in fail(at=second + dt.timedelta(seconds=61))
    assert Staff.get_by_id(cashier.id).lock_level == 2  # tries while locked are refused, not counted
    failures = audit_rows(OperationKind.SIGN_IN_FAILED)
    assert [row.detail for row in failures[-2:]] == ["账户锁定中", "账户锁定中"]


def test_a_success_forgets_earlier_failures(cashier):
    for _ in range(signin.MAX_FAILURES - 1):
        fail()
    signin.sign_in("李娜", "1234", at=AT)
    for _ in range(signin.MAX_FAILURES - 1):
        fail()
    assert Staff.get_by_id(cashier.id).locked_until is None


def test_an_old_hash_is_replaced_at_sign_in(cashier, monkeypatch):
    weaker = passwords._hasher(time_cost=2, memory_cost=8, parallelism=1).hash("1234")
    Staff.update(password_hash=weaker).where(Staff.id == cashier.id).execute()
    signin.sign_in("李娜", "1234", at=AT)
    renewed = Staff.get_by_id(cashier.id).password_hash
    assert renewed != weaker and not passwords.hasher.check_needs_rehash(renewed)
    assert signin.sign_in("李娜", "1234", at=AT).id == cashier.id


def test_sign_out_and_screen_lock_are_recorded(cashier):
    signin.record_lock(cashier, at=AT)
    signin.sign_out(cashier, at=AT)
    assert [r.staff_id for r in audit_rows(OperationKind.LOCK)] == [cashier.id]
    assert [r.staff_id for r in audit_rows(OperationKind.SIGN_OUT)] == [cashier.id]


def test_the_picker_lists_people_who_can_sign_in(cashier, head):
    Staff.create(name="无密码", role="cashier")
    gone = accounts.add_staff("刘洋", "cashier", "1234", head)
    accounts.deactivate(gone.id, head)
    assert signin.sign_in_names() == ["店长甲", "李娜"]
