import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.models import Coupon, Member
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.signup_dialog import SignupDialog
from tests.counter_helpers import ime_type
from tests.widget_helpers import shown



def _open(qtbot, clerk, phone=""):
    return shown(qtbot, SignupDialog(clerk, phone=phone), exposed=True)


def _tab(qtbot, dialog):
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def test_cashier_signs_up_a_member_with_the_keyboard_and_a_scanned_card(qtbot, clerk):
    dialog = _open(qtbot, clerk)
    changed = []
    events().changed.connect(changed.append)
    assert dialog.focusWidget() is dialog.phone_edit
    qtbot.keyClicks(dialog.phone_edit, "139 1234 5678")
    _tab(qtbot, dialog)
    ime_type(dialog.focusWidget(), "刘 桂兰")
    _tab(qtbot, dialog)
    assert dialog.focusWidget() is dialog.gender_box
    dialog.gender_box.setCurrentIndex(2)  # 女
    _tab(qtbot, dialog)
    qtbot.keyClicks(dialog.focusWidget(), "1965-3-8")
    _tab(qtbot, dialog)
    assert dialog.focusWidget() is dialog.card_edit
    # the scanner types the pre-printed card and presses Enter: that moves on, it does not submit
    qtbot.keyClicks(dialog.card_edit, "2900000012345")
    qtbot.keyClick(dialog.card_edit, Qt.Key.Key_Return)
    assert Member.select().count() == 0
    assert dialog.focusWidget() is dialog.health_box
    qtbot.keyClick(dialog.health_box, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.health_box, Qt.Key.Key_Return)
    # the marketing question is asked, not assumed: one key answers it and registers
    assert Member.select().count() == 0 and "是否同意接收优惠信息" in dialog.message.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N)

    member = Member.get()
    assert (member.phone, member.name, member.gender, member.birthday, member.card_no) == (
        "13912345678", "刘桂兰", "F", dt.date(1965, 3, 8), "2900000012345")
    assert member.health_consent_on == dt.date.today() and member.marketing_opt_out is True
    assert dialog.member_id == member.id
    coupon = Coupon.get(Coupon.member == member)
    assert "3.00元代金券" in dialog.message.text() and coupon.value_fen == 300
    assert dialog.done_button.isVisible() and not dialog.submit_button.isVisible()
    assert changed == [Changes.of_member(member.id, coupons=True)]
    events().changed.disconnect(changed.append)
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_double_enter_registers_once(qtbot, clerk):
    dialog = _open(qtbot, clerk, phone="13700001111")
    assert dialog.focusWidget() is dialog.name_edit
    ime_type(dialog.name_edit, "周明")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    # the second Enter does not answer the marketing question for the customer
    assert Member.select().count() == 0 and "是否同意接收优惠信息" in dialog.message.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert Member.select().count() == 1 and Coupon.select().count() == 1
    assert dialog.result() == QDialog.DialogCode.Accepted
    member = Member.get()
    # no health consent ticked, marketing agreed when asked; no card scanned: a generated EAN-13 card
    assert member.health_consent_on is None and member.marketing_opt_out is False
    assert len(member.card_no) == 13 and member.card_no.startswith("20")
    dialog.submit()  # even a programmatic replay with the same dialog key adds nobody
    assert Member.select().count() == 1


def test_marketing_consent_is_its_own_box(qtbot, clerk):
    dialog = _open(qtbot, clerk, phone="13700002222")
    ime_type(dialog.name_edit, "吴强")
    dialog.marketing_box.setChecked(True)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    member = Member.get()
    assert member.marketing_opt_out is False and member.health_consent_on is None


def test_duplicate_phone_is_named_inline_and_nothing_is_added(qtbot, clerk, make_member):
    existing = make_member(phone="13800138000", name="张三")
    dialog = _open(qtbot, clerk, phone="138-0013-8000")
    dialog.marketing_box.click()  # the customer agreed
    ime_type(dialog.name_edit, "张三三")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert Member.select().count() == 1
    assert "张三" in dialog.message.text() and "138****8000" in dialog.message.text()
    assert dialog.message.kind == "error" and dialog.duplicate_member_id == existing.id
    assert dialog.member_id is None and dialog.isVisible()


def test_bad_input_is_explained_inline(qtbot, clerk):
    dialog = _open(qtbot, clerk, phone="1380013")
    dialog.marketing_box.click()  # the customer agreed
    ime_type(dialog.name_edit, "孙丽")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert "11位" in dialog.message.text()
    dialog.phone_edit.setText("13800138001")
    qtbot.keyClicks(dialog.birthday_edit, "1965-2-30")
    qtbot.keyClick(dialog.birthday_edit, Qt.Key.Key_Return)
    assert "没有这一天" in dialog.message.text()
    assert Member.select().count() == 0
    dialog.birthday_edit.setText("1965-2-28")
    qtbot.keyClick(dialog.birthday_edit, Qt.Key.Key_Return)
    assert Member.get().birthday == dt.date(1965, 2, 28)


def test_a_name_or_phone_that_cannot_be_signed_up_is_said_before_the_customer_is_asked_to_consent(qtbot, clerk):
    # The cashier asks the customer only once the form can be registered: not a question, then a refusal.
    dialog = _open(qtbot, clerk, phone="13912345678")
    ime_type(dialog.name_edit, "张\u200b三")
    dialog.submit()
    assert dialog.message.kind == "error" and "U+200B" in dialog.message.text()
    assert not dialog._asking_consent and not dialog.consent_answered() and Member.select().count() == 0
    dialog.name_edit.setText("张三")
    dialog.phone_edit.setText("١٣٩١٢٣٤٥٦٧٨")
    dialog.submit()
    assert dialog.message.kind == "error" and "手机号" in dialog.message.text() and not dialog._asking_consent
    dialog.phone_edit.setText("13912345678")
    dialog.submit()
    assert dialog._asking_consent and "是否同意接收优惠信息" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    assert Member.get().name == "张三"
