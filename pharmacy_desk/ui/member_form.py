"""The member's details as one form: the same fields, labels and stored values for sign-up and edit.

Each screen names the fields it shows, in its tab order; ``values()`` gives them as
the keyword arguments ``profiles.sign_up`` and ``profiles.update_profile`` take, so
性别 is stored as the member's code ('' / 'M' / 'F') whichever screen wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from pharmacy_desk.core import profiles
from pharmacy_desk.core.vocabulary import Gender
from pharmacy_desk.ui.inline import code_box, date_text, hinted_line

SIGNUP_FIELDS = ("phone", "name", "gender", "birthday", "card_no", "health_consent", "marketing")
PROFILE_FIELDS = ("name", "phone", "card_no", "gender", "birthday", "address", "owner_staff", "marketing", "notes")


class MemberForm(QWidget):
    def __init__(self, fields: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = tuple(fields)
        self.phone_edit = hinted_line(self.tr("11位手机号"))
        self.name_edit = QLineEdit()
        self.gender_box = code_box(Gender)
        self.birthday_edit = hinted_line(self.tr("可不填，如 1965-3-8"))
        self.card_edit = hinted_line(self.tr("扫描预印会员卡；不填则自动生成卡号"))
        self.address_edit = hinted_line(self.tr("小区、楼栋"))
        self.owner_box = QComboBox()
        self.health_box = QCheckBox(self.tr("同意收集健康信息（慢病、过敏史、用药，仅药师和店长可见）"))
        # Consent is asked for, never presumed: ticked means the member agreed, at sign-up and later.
        self.marketing_box = QCheckBox(self.tr("同意接收优惠信息（短信、电话回访）"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(64)

        rows = {
            "phone": (self.tr("手机号"), self.phone_edit), "name": (self.tr("姓名"), self.name_edit),
            "gender": (self.tr("性别"), self.gender_box), "birthday": (self.tr("生日"), self.birthday_edit),
            "card_no": (self.tr("会员卡号"), self.card_edit), "address": (self.tr("地址"), self.address_edit),
            "owner_staff": (self.tr("专属店员"), self.owner_box), "health_consent": ("", self.health_box),
            "marketing": ("", self.marketing_box), "notes": (self.tr("备注"), self.notes_edit),
        }
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name in self.fields:
            layout.addRow(*rows[name])
        self.widgets = [rows[name][1] for name in self.fields]  # in tab order
        for name, (_label, widget) in rows.items():
            if name not in self.fields:  # kept, unshown, so ``load`` and ``values`` need no special cases
                widget.setParent(self)
                widget.hide()

    def load(self, member: profiles.MemberProfile) -> None:
        """Show a stored member (the edit screen)."""
        self.name_edit.setText(member.name)
        self.phone_edit.setText(member.phone)
        self.card_edit.setText(member.card_no)
        self.gender_box.setCurrentIndex(max(0, self.gender_box.findData(member.gender)))
        self.birthday_edit.setText(date_text(member.birthday))
        self.address_edit.setText(member.address)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("（无）"), None)
        for staff in profiles.staff_choices():
            self.owner_box.addItem(staff.name, staff.id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(member.owner_staff_id)))
        self.marketing_box.setChecked(not member.marketing_opt_out)
        self.notes_edit.setPlainText(member.notes)

    def values(self) -> dict[str, object]:
        """The shown fields as the core's keyword arguments (text as typed; the core cleans it)."""
        every = {
            "phone": self.phone_edit.text(), "name": self.name_edit.text(),
            "gender": self.gender_box.currentData(), "birthday": self.birthday_edit.text(),
            "card_no": self.card_edit.text().strip(), "address": self.address_edit.text(),
            "owner_staff": self.owner_box.currentData(), "health_consent": self.health_box.isChecked(),
            "notes": self.notes_edit.toPlainText(),
        }
        values = {name: every[name] for name in self.fields if name in every}
        if "marketing" in self.fields:
            values["marketing_opt_out"] = not self.marketing_box.isChecked()
        return values

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets:
            widget.setEnabled(editable)
