"""The owner manages staff: add, rename, re-role, deactivate, reset a PIN, unlock; each audited."""

import datetime as dt

import pytest

from pharmacy_desk.core import accounts, signin
from pharmacy_desk.core.errors import InvalidInput, NotFound, NotPermitted
from pharmacy_desk.core.models import Operation, Staff
from pharmacy_desk.core.vocabulary import OperationKind, Role

AT = dt.datetime(2026, 6, 10, 9, 0)


def _owner():
    from pharmacy_desk.core import passwords

    return Staff.create(name="店长甲", role=Role.OWNER, password_hash=passwords.hash_secret("boss-pass-1"))


@pytest.fixture
def head(db):
    return _owner()


def staff_changes():
    return list(Operation.select().where(Operation.kind == OperationKind.STAFF_CHANGE).order_by(Operation.id))


def counts():
    return Staff.select().count(), Operation.select().count()


@pytest.mark.parametrize("role, secret, problem", [
    ("cashier", "1234", ""), ("cashier", "123456", ""), ("pharmacist", "0000", ""),
    ("cashier", "long-enough", ""), ("owner", "12345678", ""), ("owner", "demo1234", ""),
    ("cashier", "123", "PIN"), ("cashier", "1234567", "PIN"), ("cashier", "12ab", "PIN"),
    ("owner", "1234", "至少 8"), ("owner", "123456", "至少 8"), ("owner", "short", "至少 8"),
    ("cashier", "", "请填写"), ("owner", "        ", "请填写"), ("cashier", "x" * 200, "最多"),
])
def test_secret_rules_by_role(role, secret, problem):
    found = accounts.secret_problem(role, secret)
    assert (problem in str(found) and found is not None) if problem else found is None


def test_the_owner_adds_a_cashier_who_can_sign_in(head):
    row = accounts.add_staff(" 李娜 ", "cashier", "1234", head, at=AT)
    assert (row.name, row.role, row.role_label, row.active, row.has_secret) == ("李娜", "cashier", "收银员", True, True)
    assert row.changes.staff
    stored = Staff.get_by_id(row.id)
    assert stored.password_hash.startswith("$argon2id$") and "1234" not in stored.password_hash
    assert signin.sign_in("李娜", "1234").id == row.id
    (change,) = staff_changes()
    assert change.staff_id == head.id and change.subject == f"staff:{row.id}"
    assert change.detail == "李娜：新增店员（收银员）" and "1234" not in change.detail


@pytest.mark.parametrize("name, role, secret, refusal", [
    ("", "cashier", "1234", "姓名"),
    ("店长甲", "cashier", "1234", "已有名为"),
    ("李娜", "system", "1234", "角色"),
    ("李娜", "boss", "1234", "角色"),
    ("李娜", "owner", "1234", "至少 8"),
    ("李娜", "cashier", "12", "PIN"),
])
def test_adding_is_refused_in_one_sentence_and_changes_nothing(head, name, role, secret, refusal):
    before = counts()
    with pytest.raises(InvalidInput, match=refusal):
        accounts.add_staff(name, role, secret, head)
    assert counts() == before


def test_names_are_unique_among_staff_including_deactivated(head):
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    accounts.deactivate(row.id, head)
    with pytest.raises(InvalidInput, match="已停用"):
        accounts.add_staff("李娜", "pharmacist", "4321", head)
    with pytest.raises(InvalidInput, match="已有名为"):
        accounts.update_staff(accounts.add_staff("刘洋", "cashier", "1234", head).id, head, name="李娜")


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_only_the_owner_manages_staff(head, role):
    other = Staff.create(name="某人", role=role)
    target = accounts.add_staff("李娜", "cashier", "1234", head)
    before = counts()
    calls = [
        lambda: accounts.add_staff("刘洋", "cashier", "1234", other),
        lambda: accounts.update_staff(target.id, other, name="李娜娜"),
        lambda: accounts.deactivate(target.id, other),
        lambda: accounts.reset_secret(target.id, "9999", other),
        lambda: accounts.unlock(target.id, other),
        lambda: accounts.list_staff(other),
    ]
    for call in calls:
        with pytest.raises(NotPermitted, match="管理店员"):
            call()
    assert counts() == before
    assert Staff.get_by_id(target.id).name == "李娜"


def test_update_records_old_and_new(head):
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    updated = accounts.update_staff(row.id, head, name="李娜娜", role="pharmacist", at=AT)
    assert (updated.name, updated.role) == ("李娜娜", "pharmacist")
    assert staff_changes()[-1].detail == "李娜：姓名 李娜 → 李娜娜；角色 收银员 → 药师"
    before = counts()
    assert accounts.update_staff(row.id, head, name="李娜娜", role="pharmacist") == updated
    assert counts() == before


def test_promotion_to_owner_needs_an_owners_password(head):
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    with pytest.raises(InvalidInput, match="新密码"):
        accounts.update_staff(row.id, head, role="owner")
    with pytest.raises(InvalidInput, match="至少 8"):
        accounts.update_staff(row.id, head, role="owner", secret="4321")
    assert Staff.get_by_id(row.id).role == "cashier"
    accounts.update_staff(row.id, head, role="owner", secret="new-owner-pw")
    assert signin.sign_in("李娜", "new-owner-pw").role == "owner"
    assert "1234" not in staff_changes()[-1].detail and "重设密码" in staff_changes()[-1].detail


def test_the_last_active_owner_stays(head):
    before = counts()
    with pytest.raises(InvalidInput, match="唯一在职的店长"):
        accounts.deactivate(head.id, head)
    with pytest.raises(InvalidInput, match="唯一在职的店长"):
        accounts.update_staff(head.id, head, role="cashier")
    assert counts() == before and Staff.get_by_id(head.id).active
    second = accounts.add_staff("店长乙", "owner", "second-pw", head)
    accounts.update_staff(head.id, head, role="pharmacist")
    with pytest.raises(NotPermitted):  # no longer the owner
        accounts.deactivate(second.id, head)
    with pytest.raises(InvalidInput, match="唯一在职的店长"):
        accounts.deactivate(second.id, Staff.get_by_id(second.id))


def test_a_deactivated_person_keeps_history_and_cannot_sign_in(head, make_member):
    row = accounts.add_staff("赵敏", "cashier", "1234", head)
    member = make_member(operator=Staff.get_by_id(row.id))
    deactivated = accounts.deactivate(row.id, head, at=AT)
    assert not deactivated.active
    assert Staff.get_by_id(member.joined_by_id).name == "赵敏"
    assert staff_changes()[-1].detail == "赵敏：停用"
    with pytest.raises(signin.SignInRefused, match="姓名或密码不正确"):
        signin.sign_in("赵敏", "1234")
    assert "赵敏" not in signin.sign_in_names()
    before = counts()
    accounts.deactivate(row.id, head)  # already: nothing recorded
    assert counts() == before


def test_reset_gives_a_new_secret_and_lifts_the_lock(head):
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    for _ in range(signin.MAX_FAILURES):
        with pytest.raises(signin.SignInRefused):
            signin.sign_in("李娜", "0000")
    assert Staff.get_by_id(row.id).locked_until is not None
    with pytest.raises(InvalidInput, match="PIN"):
        accounts.reset_secret(row.id, "12", head)
    accounts.reset_secret(row.id, "5678", head)
    assert signin.sign_in("李娜", "5678").id == row.id
    with pytest.raises(signin.SignInRefused):
        signin.sign_in("李娜", "1234")
    assert [c.detail for c in staff_changes()][-1] == "李娜：重设密码"


def test_unlock_lifts_a_lock_at_once(head):
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    for _ in range(signin.MAX_FAILURES):
        with pytest.raises(signin.SignInRefused):
            signin.sign_in("李娜", "0000")
    listed = {r.name: r for r in accounts.list_staff(head)}["李娜"]
    assert listed.locked_at(dt.datetime.now())
    with pytest.raises(signin.SignInRefused, match="锁定"):
        signin.sign_in("李娜", "1234")
    unlocked = accounts.unlock(row.id, head)
    assert unlocked.locked_until is None and unlocked.failed_signins == 0
    assert signin.sign_in("李娜", "1234").id == row.id
    assert staff_changes()[-1].detail == "李娜：解除锁定"
    before = counts()
    accounts.unlock(row.id, head)  # nothing to unlock: nothing recorded
    assert counts() == before


def test_the_system_account_is_nobody_to_manage(head):
    system = Staff.get(Staff.role == Role.SYSTEM)
    assert all(r.role != Role.SYSTEM for r in accounts.list_staff(head))
    for call in (lambda: accounts.deactivate(system.id, head), lambda: accounts.reset_secret(system.id, "1234", head),
                 lambda: accounts.update_staff(system.id, head, name="x")):
        with pytest.raises(NotFound):
            call()


def test_list_staff_in_the_order_added(head):
    accounts.add_staff("李娜", "cashier", "1234", head)
    accounts.add_staff("陈静", "pharmacist", "4321", head)
    assert [r.name for r in accounts.list_staff(head)] == ["店长甲", "李娜", "陈静"]
    Staff.create(name="无密码", role="cashier")
    assert not {r.name: r for r in accounts.list_staff(head)}["无密码"].has_secret


@pytest.mark.parametrize("name", ["李\u200b娜", "刘\u202e洋", "王\u200f芳", "李娜\x00", "李娜😀"])
def test_a_staff_name_with_invisible_bidi_control_or_emoji_characters_is_refused(head, name):
    # Printed on every receipt as 收银 …, and picked by name at sign-in: 李\u200b娜 would look like 李娜.
    before = counts()
    with pytest.raises(InvalidInput, match="姓名里有不能使用的字符"):
        accounts.add_staff(name, "cashier", "1234", head)
    assert counts() == before
    row = accounts.add_staff("李娜", "cashier", "1234", head)
    with pytest.raises(InvalidInput, match="姓名里有不能使用的字符"):
        accounts.update_staff(row.id, head, name=name)
    assert Staff.get_by_id(row.id).name == "李娜"


def test_a_name_stored_before_names_were_checked_can_still_be_found_and_put_right(head):
    from pharmacy_desk.core import staff

    odd = Staff.create(name="李\u200b娜", role=Role.CASHIER)
    assert staff.by_name("李\u200b娜") == odd
    assert accounts.update_staff(odd.id, head, name="李娜").name == "李娜"
