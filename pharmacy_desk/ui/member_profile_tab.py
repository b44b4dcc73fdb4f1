"""资料 tab: edit a member's profile, or confirm it unchanged while serving them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from pharmacy_desk.core import members, profiles
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.vocabulary import Gender
from pharmacy_desk.ui.inline import InlineMessage, date_text


class ProfileTab(QWidget):
    changed = Signal()

    def __init__(self, member_id: int, operator: Staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.card_edit = QLineEdit()
        self.gender_box = QComboBox()
        for label, value in Gender.choices():
            self.gender_box.addItem(label, value)
        self.birthday_edit = QLineEdit()
        self.birthday_edit.setPlaceholderText("可不填，如 1965-3-8")
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText("小区、楼栋")
        self.owner_box = QComboBox()
        self.opt_out_box = QCheckBox("退订优惠信息（不进入任何营销名单）")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(64)
        self.facts = QLabel()
        self.facts.setWordWrap(True)

        form = QFormLayout()
        form.addRow("姓名", self.name_edit)
        form.addRow("手机号", self.phone_edit)
        form.addRow("会员卡号", self.card_edit)
        form.addRow("性别", self.gender_box)
        form.addRow("生日", self.birthday_edit)
        form.addRow("地址", self.address_edit)
        form.addRow("专属店员", self.owner_box)
        form.addRow("", self.opt_out_box)
        form.addRow("备注", self.notes_edit)

        self.save_button = QPushButton("保存资料")
        self.confirm_button = QPushButton("资料已确认")
        self.confirm_button.setToolTip("已向会员核对过资料，无需修改")
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.facts, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.confirm_button.clicked.connect(self.confirm)
        self.load()

    def load(self) -> None:
        member = members.get(self.member_id)
        self.name_edit.setText(member.name)
        self.phone_edit.setText(member.phone)
        self.card_edit.setText(member.card_no)
        self.gender_box.setCurrentIndex(max(0, self.gender_box.findData(member.gender)))
        self.birthday_edit.setText(date_text(member.birthday))
        self.address_edit.setText(member.address)
        self.owner_box.clear()
        self.owner_box.addItem("（无）", None)
        for staff in profiles.staff_choices():
            self.owner_box.addItem(staff.name, staff.id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(member.owner_staff_id)))
        self.opt_out_box.setChecked(member.marketing_opt_out)
        self.notes_edit.setPlainText(member.notes)
        confirmed = date_text(member.profile_confirmed_on) or "从未"
        self.facts.setText(f"入会 {date_text(member.joined_on)}　资料确认 {confirmed}")

    def save(self) -> None:
        try:
            profiles.update_profile(
                self.member_id, self.operator, name=self.name_edit.text(), phone=self.phone_edit.text(),
                card_no=self.card_edit.text(), gender=self.gender_box.currentData(),
                birthday=self.birthday_edit.text(), address=self.address_edit.text(),
                owner_staff=self.owner_box.currentData(), marketing_opt_out=self.opt_out_box.isChecked(),
                notes=self.notes_edit.toPlainText())
        except Exception as error:  # noqa: BLE001 - worded (and a bug logged) by user_message
            self.message.error(error)
            return
        self.message.ok("资料已保存。")
        self.load()
        self.changed.emit()

    def confirm(self) -> None:
        try:
            members.confirm_profile(self.member_id, self.operator)
        except Exception as error:  # noqa: BLE001
            self.message.error(error)
            return
        self.message.ok("已记录：资料与会员核对无误。")
        self.load()
        self.changed.emit()
