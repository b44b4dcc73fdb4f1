"""The cashier finds the member: scan, phone, last 4 digits, name, initials, unknown phone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import members, rules
from pharmacy_desk.core.models import Member, Sale
from pharmacy_desk.ui.search_box import matches_model
from pharmacy_desk.ui.signup_dialog import SignupDialog
from tests.counter_helpers import ime_type
from pharmacy_desk.ui.search_box import VISIBLE_ROWS
from tests.counter_window import scan


def test_scanned_card_opens_the_member(qtbot, window, make_member):
    member = make_member(phone="13812345678", name="张三")
    make_member(phone="13812340000", name="李四")
    scan(qtbot, window, member.card_no)
    counter = window.counter
    assert counter.member_id == member.id
    assert counter.panel.name_label.text() == "张三"
    assert "138****5678" in counter.panel.phone_label.text()
    assert counter.search.edit.text() == ""  # ready for the next scan
    # the cashier types the amount next, without touching the mouse
    assert counter.entry.amounts["household"].hasFocus()


def test_full_phone_with_separators_opens_the_member(qtbot, window, make_member):
    member = make_member(phone="13912345678", name="王芳")
    scan(qtbot, window, "139-1234-5678")
    assert window.counter.member_id == member.id
    assert window.counter.panel.name_label.text() == "王芳"


def test_initials_show_a_list_picked_with_arrow_keys(qtbot, window, make_member):
    zhang = make_member(name="张三")
    zhao = make_member(name="赵四")
    make_member(name="李四")
    search = window.counter.search
    scan(qtbot, window, "zs")
    assert search.table.isVisible()
    # sorted by name: 张 (U+5F20) before 赵 (U+8D75)
    assert [search.model.row(i).id for i in range(search.model.rowCount())] == [zhang.id, zhao.id]
    assert window.counter.member_id is None  # nothing chosen until Enter
    qtbot.keyClick(search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(search.edit, Qt.Key.Key_Down)  # stays on the last row
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert window.counter.member_id == zhao.id
    assert window.counter.panel.name_label.text() == "赵四"
    assert not search.table.isVisible()


def test_a_long_list_shows_ten_choices_and_the_arrows_reach_the_twentieth(qtbot, window, make_member):
    for n in range(25):
        make_member(phone=f"1380000{n:04d}", name=f"张{'一二三四五六七八九十'[n % 10]}{n:02d}")
    search = window.counter.search
    scan(qtbot, window, "z")
    table = search.table
    assert search.model.rowCount() == 20
    # every one of the first ten rows lies wholly inside the visible part of the list
    bottom = table.rowViewportPosition(VISIBLE_ROWS - 1) + table.rowHeight(VISIBLE_ROWS - 1)
    assert 0 < bottom <= table.viewport().height()
    for _ in range(19):
        qtbot.keyClick(search.edit, Qt.Key.Key_Down)
    last = table.currentIndex().row()
    assert last == 19 and table.visualRect(table.model().index(last, 0)).bottom() <= table.viewport().height()
    twentieth = search.model.row(19).id
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert window.counter.member_id == twentieth


def test_last_four_digits_list(qtbot, window, make_member):
    first = make_member(phone="13800005678", name="陈静")
    second = make_member(phone="13900005678", name="刘洋")
    make_member(phone="13900001234", name="周军")
    scan(qtbot, window, "5678")
    search = window.counter.search
    assert {search.model.row(i).id for i in range(search.model.rowCount())} == {first.id, second.id}
    qtbot.keyClick(search.edit, Qt.Key.Key_Up)  # already at the top: stays
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert window.counter.member_id == search.model.rowCount() * 0 + min(
        (first, second), key=lambda m: m.name).id  # 刘 (U+5218) sorts before 陈 (U+9648)


def test_editing_the_text_searches_again(qtbot, window, make_member):
    make_member(name="张三")
    li = make_member(name="李四")
    scan(qtbot, window, "zs")
    search = window.counter.search
    search.edit.clear()
    scan(qtbot, window, "ls")
    assert search.model.row(0).id == li.id
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert window.counter.member_id == li.id


def test_unknown_phone_signs_up_with_the_phone_filled_in(qtbot, window, make_member):
    make_member(phone="13800000001")
    scan(qtbot, window, "13900001111")
    search = window.counter.search
    assert window.counter.member_id is None
    assert search.register_button.isVisible()
    assert "13900001111" in search.message.text()
    qtbot.keyClick(search.edit, Qt.Key.Key_F2)
    dialog = window.findChild(SignupDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.phone_edit.text() == "13900001111"
    assert dialog.focusWidget() is dialog.name_edit  # the phone is there: the name comes next
    ime_type(dialog.name_edit, "孙丽")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # 登记: asks about marketing
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y)  # agreed, registered
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)  # 完成
    member = Member.get(Member.phone == "13900001111")
    assert member.name == "孙丽"
    assert window.counter.member_id == member.id
    assert window.counter.panel.name_label.text() == "孙丽"
    assert "新会员" in window.counter.panel.coupons_label.text() or window.counter.entry.coupon.count() == 2
    # the phone and "还不是会员" are done with; the new member's first sale is typed next
    assert search.edit.text() == "" and search.message.text() == "" and not search.register_button.isVisible()
    field = window.counter.entry.amounts["household"]
    assert field.hasFocus()
    qtbot.keyClicks(field, "50")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [(s.member_id, s.total_fen) for s in Sale.select()] == [(member.id, 5000)]


def test_an_amount_typed_at_the_finished_sign_up_goes_to_the_sale(qtbot, window):
    """The cashier types the first sale's amount while the sign-up still shows its card number: the
    digits went to the dialog's 完成 button, and its Enter closed it on an empty form."""
    scan(qtbot, window, "13900003333")
    qtbot.keyClick(window.counter.search.edit, Qt.Key.Key_F2)
    dialog = window.findChild(SignupDialog)
    qtbot.waitUntil(dialog.isVisible)
    ime_type(dialog.name_edit, "周敏")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y)  # registered: 完成 has the focus
    assert dialog.member_id is not None
    qtbot.keyClicks(dialog.focusWidget(), "5")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    field = window.counter.entry.amounts["household"]
    assert field.hasFocus() and field.text() == "5"
    qtbot.keyClicks(field, "6")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    member = Member.get(Member.phone == "13900003333")
    assert [(s.member_id, s.total_fen) for s in Sale.select()] == [(member.id, 5600)]


def test_sign_up_cancelled_leaves_the_counter_ready(qtbot, window):
    scan(qtbot, window, "13900002222")
    qtbot.mouseClick(window.counter.search.register_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SignupDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert Member.select().count() == 0
    assert window.counter.member_id is None
    assert window.counter.search.edit.hasFocus()


def test_nothing_found_says_so(qtbot, window, make_member):
    make_member(name="张三")
    search = window.counter.search
    ime_type(search.edit, "王小二")
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert "没有找到" in search.message.text()
    assert not search.register_button.isVisible() and not search.table.isVisible()


def test_escape_on_an_empty_box_is_a_walk_in(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    window.counter.search.focus()
    qtbot.keyClick(window.counter.search.edit, Qt.Key.Key_Escape)
    assert window.counter.member_id is None
    assert window.counter.panel.name_label.text() == "散客"


def test_matches_model(qtmodeltester, db, make_member):
    model = matches_model()
    make_member(name="张三")
    make_member(name="张四", birthday=dt.date(1990, 1, 1))
    model.set_rows(members.lookup("张").matches)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "138****0001"
    assert model.data(model.index(1, 3)) == "普通会员"


def test_the_list_shows_a_renamed_tier_by_its_new_name(qapp, db, make_member, owner):
    model = matches_model()
    make_member(name="张三")
    model.set_rows(members.lookup("张").matches)
    assert model.data(model.index(0, 3)) == "普通会员"
    rules.update_tier("normal", owner, name="普卡会员")
    model.set_rows(members.lookup("张").matches)
    assert model.data(model.index(0, 3)) == "普卡会员"
