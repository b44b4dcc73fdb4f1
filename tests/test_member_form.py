"""One member form for sign-up and edit: the same choices store the same values."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmacy_desk.core.models import Member
from pharmacy_desk.ui.member_profile_tab import ProfileTab
from pharmacy_desk.ui.signup_dialog import SignupDialog
from tests.counter_helpers import ime_type


def _choices(box):
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


def test_sign_up_and_edit_offer_the_same_genders_as_stored_codes(qtbot, clerk, make_member):
    signup = SignupDialog(clerk)
    profile = ProfileTab(make_member().id, clerk)
    qtbot.addWidget(signup)
    qtbot.addWidget(profile)
    assert _choices(signup.gender_box) == _choices(profile.gender_box) == [("未填", ""), ("男", "M"), ("女", "F")]


def test_the_same_gender_choice_is_stored_the_same_by_sign_up_and_by_edit(qtbot, clerk, make_member):
    for n, label in enumerate(("未填", "男", "女")):
        signup = SignupDialog(clerk, phone=f"1370000{n:04d}")
        qtbot.addWidget(signup)
        ime_type(signup.name_edit, "新会员")
        signup.gender_box.setCurrentIndex(signup.gender_box.findText(label))
        signup.marketing_box.click()  # the customer answered
        qtbot.mouseClick(signup.submit_button, Qt.MouseButton.LeftButton)
        signed_up = Member.get_by_id(signup.member_id)

        edited = make_member(gender="F" if label == "男" else "M")
        profile = ProfileTab(edited.id, clerk)
        qtbot.addWidget(profile)
        profile.gender_box.setCurrentIndex(profile.gender_box.findText(label))
        qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
        assert signed_up.gender == Member.get_by_id(edited.id).gender == profile.gender_box.currentData(), label


def test_marketing_consent_reads_the_same_on_both_screens(qtbot, clerk, make_member):
    agreed, declined = make_member(marketing_opt_out=False), make_member(marketing_opt_out=True)
    screens = [ProfileTab(agreed.id, clerk), ProfileTab(declined.id, clerk), SignupDialog(clerk)]
    for screen in screens:
        qtbot.addWidget(screen)
    assert screens[0].marketing_box.isChecked() and not screens[1].marketing_box.isChecked()
    assert screens[2].marketing_box.text() == screens[0].marketing_box.text() == "同意接收优惠信息（短信、电话回访）"
