"""会员登记: sign a member up in under a minute, keyboard only.

Tab runs phone → name → gender → birthday → card → consents → 登记, and Enter
submits. A scanner types a pre-printed card's digits and presses Enter in the card
field: that Enter moves on to the consents instead of submitting half a form.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import coupons, profiles
from pharmacy_desk.core.errors import DuplicateMember
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.vocabulary import Gender
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.inline import InlineMessage


class SignupDialog(QDialog):
    def __init__(self, operator: Staff, phone: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.operator = operator
        self.member_id: int | None = None
        self.duplicate_member_id: int | None = None
        # One key per dialog: a second Enter (or a retry after a hiccup) registers nobody twice.
        self._key = f"register:{uuid.uuid4()}"
        self.setWindowTitle("会员登记")
        self.setMinimumWidth(520)

        self.phone_edit = QLineEdit(phone)
        self.phone_edit.setPlaceholderText("11位手机号")
        self.name_edit = QLineEdit()
        self.gender_box = QComboBox()
        for label, value in Gender.choices():
            self.gender_box.addItem(label, value)
        self.birthday_edit = QLineEdit()
        self.birthday_edit.setPlaceholderText("可不填，如 1965-3-8")
        self.card_edit = QLineEdit()
        self.card_edit.setPlaceholderText("扫描预印会员卡；不填则自动生成卡号")
        self.health_box = QCheckBox("同意收集健康信息（慢病、过敏史、用药，仅药师和店长可见）")
        self.marketing_box = QCheckBox("同意接收优惠信息（短信、电话回访）")

        form = QFormLayout()
        form.addRow("手机号", self.phone_edit)
        form.addRow("姓名", self.name_edit)
        form.addRow("性别", self.gender_box)
        form.addRow("生日", self.birthday_edit)
        form.addRow("会员卡号", self.card_edit)
        form.addRow("", self.health_box)
        form.addRow("", self.marketing_box)

        self.message = InlineMessage()
        self.buttons = QDialogButtonBox()
        self.submit_button = QPushButton("登记")
        self.cancel_button = QPushButton("取消")
        self.done_button = QPushButton("完成")
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.hide()
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        order = [self.phone_edit, self.name_edit, self.gender_box, self.birthday_edit, self.card_edit,
                 self.health_box, self.marketing_box, self.submit_button, self.cancel_button]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        (self.name_edit if phone else self.phone_edit).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.card_edit:
            self.health_box.setFocus()  # the scanner's Enter ends the card number, not the form
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.member_id is not None:
            self.accept()
            return
        try:
            registration = profiles.sign_up(
                phone=self.phone_edit.text(), name=self.name_edit.text(), operator=self.operator,
                gender=self.gender_box.currentData(), birthday=self.birthday_edit.text(),
                card_no=self.card_edit.text().strip() or None,
                marketing_opt_out=not self.marketing_box.isChecked(),
                health_consent=self.health_box.isChecked(), key=self._key)
        except DuplicateMember as error:
            self.duplicate_member_id = error.member_id
            self.message.error(error)
            self.phone_edit.setFocus()
            return
        except Exception as error:  # noqa: BLE001 - worded (and a bug logged) by user_message
            self.message.error(error)
            return
        self._show_done(registration)
        events().changed.emit("member")

    def _show_done(self, registration) -> None:
        member = registration.member
        self.member_id = member.id
        text = f"已登记：{member.name}，卡号 {member.card_no}。"
        if registration.coupon is not None:
            text += f"\n新会员券：{coupons.describe(registration.coupon)}，可当场使用。"
        self.message.ok(text)
        self.card_edit.setText(member.card_no)
        for widget in (self.phone_edit, self.name_edit, self.gender_box, self.birthday_edit, self.card_edit,
                       self.health_box, self.marketing_box):
            widget.setEnabled(False)
        self.submit_button.hide()
        self.cancel_button.hide()
        self.done_button.show()
        self.submit_button.setDefault(False)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
