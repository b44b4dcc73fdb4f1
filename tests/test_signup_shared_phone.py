"""A second person on a phone a member has: the counter names who is on it and lets the cashier open them or
sign the new person up on the same number (a family's phone); the till then finds both."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from pharmacy_desk.core import members
from pharmacy_desk.core.errors import DuplicateMember, PhoneInUse
from pharmacy_desk.core.models import Member
from pharmacy_desk.ui.signup_dialog import SignupDialog
from tests.counter_helpers import ime_type
from tests.counter_window import scan

AT = dt.datetime(2026, 6, 10, 10, 0)


def test_a_phone_in_use_is_refused_naming_everyone_on_it(db, clerk, make_member):
    father = make_member(phone="13800138000", name="张三")
    with pytest.raises(PhoneInUse, match=r"138\*\*\*\*8000：张三（卡号 ") as refused:
        members.register(phone="13800138000", name="张小红", operator=clerk, at=AT)
    assert [m.id for m in refused.value.members] == [father.id] and refused.value.member_id == father.id
    assert Member.select().count() == 1


def test_a_family_member_is_signed_up_on_the_shared_phone_when_the_cashier_says_so(db, clerk, make_member):
    father = make_member(phone="13800138000", name="张三")
    daughter = members.register(phone="138 0013 8000", name="张小红", operator=clerk, at=AT, shared_phone=True).member
    assert daughter.id != father.id and daughter.card_no != father.card_no and daughter.phone == father.phone
    found = members.lookup("13800138000")
    assert found.exact is None and [m.name for m in found.matches] == ["张三", "张小红"]
    with pytest.raises(PhoneInUse) as refused:  # a third person: both are named
        members.register(phone="13800138000", name="李梅", operator=clerk, at=AT)
    assert [m.name for m in refused.value.members] == ["张三", "张小红"]


def test_the_same_name_on_the_phone_or_a_taken_card_is_refused_even_when_shared(db, clerk, make_member):
    father = make_member(phone="13800138000", name="张三", card_no="A1001")
    with pytest.raises(DuplicateMember, match="同一个人") as same:
        members.register(phone="13800138000", name="张 三", operator=clerk, at=AT, shared_phone=True)
    assert not isinstance(same.value, PhoneInUse) and same.value.member_id == father.id
    with pytest.raises(DuplicateMember, match="卡号"):
        members.register(phone="13800138000", name="张小红", card_no="a1001", operator=clerk, at=AT,
                         shared_phone=True)
    assert Member.select().count() == 1


def _sign_up_on(qtbot, window, phone: str, name: str) -> SignupDialog:
    """会员登记 from the counter: the phone, Tab, the name, Enter; the marketing question answered Y."""
    window.open_signup()
    dialog = window.findChild(SignupDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.phone_edit, phone)
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Tab)
    ime_type(dialog.focusWidget(), name)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y)
    return dialog


def test_the_cashier_signs_up_a_second_person_on_a_familys_phone(qtbot, window, make_member):
    father = make_member(phone="13800138000", name="张三")
    dialog = _sign_up_on(qtbot, window, "138 0013 8000", "张小红")
    # refused, with who is on the number and the two ways on
    assert Member.select().count() == 1 and dialog.phone_choice.isVisible()
    assert "张三" in dialog.message.text() and "138****8000" in dialog.message.text()
    assert [b.text() for b in dialog.open_buttons] == [f"打开 张三（卡号 {father.card_no}）"]
    assert dialog.focusWidget() is dialog.share_button
    qtbot.keyClick(dialog.share_button, Qt.Key.Key_Return)  # 为新顾客登记（共用此手机号）
    daughter = Member.get(Member.name == "张小红")
    assert (daughter.phone, daughter.marketing_opt_out) == ("13800138000", False)
    assert dialog.member_id == daughter.id and not dialog.phone_choice.isVisible()
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    assert window.counter.member_id == daughter.id
    # the next customer gives the number: the till shows the short list of the two
    window.counter.search.edit.clear()
    scan(qtbot, window, "13800138000")
    search = window.counter.search
    assert search.table.isVisible() and window.counter.member_id is None
    assert [search.model.row(i).name for i in range(search.model.rowCount())] == ["张三", "张小红"]


def test_the_cashier_opens_the_member_already_on_the_phone(qtbot, window, make_member):
    father = make_member(phone="13800138000", name="张三")
    dialog = _sign_up_on(qtbot, window, "13800138000", "张叁")  # the same man, his name typed otherwise
    qtbot.mouseClick(dialog.open_buttons[0], Qt.MouseButton.LeftButton)
    assert Member.select().count() == 1
    assert window.counter.member_id == father.id and window.counter.panel.name_label.text() == "张三"


def test_changing_the_phone_withdraws_the_choice(qtbot, window, make_member):
    make_member(phone="13800138000", name="张三")
    dialog = _sign_up_on(qtbot, window, "13800138000", "张小红")
    assert dialog.phone_choice.isVisible()
    qtbot.keyClicks(dialog.phone_edit, "1")
    assert not dialog.phone_choice.isVisible() and not dialog._shared_phone
