"""资料 tab: edit a member's profile, or confirm it unchanged while serving them.

The whole phone number is shown only to someone who may edit the profile; anyone else
reads the tab with the number masked and nothing to save.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core import members, profiles
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.ui.inline import InlineMessage, date_text
from pharmacy_desk.ui.member_form import PROFILE_FIELDS, MemberForm
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.core.operator import Operator


class ProfileTab(QWidget):
    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self.form = MemberForm(PROFILE_FIELDS)
        form = self.form
        self.name_edit, self.phone_edit, self.card_edit = form.name_edit, form.phone_edit, form.card_edit
        self.gender_box, self.birthday_edit, self.address_edit = form.gender_box, form.birthday_edit, form.address_edit
        self.owner_box, self.marketing_box = form.owner_box, form.marketing_box
        self.facts = QLabel()
        self.facts.setWordWrap(True)

        self.save_button = QPushButton(self.tr("保存资料"))
        self.confirm_button = QPushButton(self.tr("资料已确认"))
        self.confirm_button.setToolTip(self.tr("已向会员核对过资料，无需修改"))
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.facts, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.confirm_button.clicked.connect(self.confirm)
        self.editable = can(operator, Permission.EDIT_MEMBER)
        self.form.setEnabled(self.editable)
        for button in (self.save_button, self.confirm_button):
            button.setVisible(self.editable)
        self.load()

    def load(self) -> None:
        member = profiles.profile(self.member_id, self.operator)
        self.form.load(member)
        confirmed = date_text(member.profile_confirmed_on) or self.tr("从未")
        self.facts.setText(self.tr("入会 {joined}　资料确认 {confirmed}").format(
            joined=date_text(member.joined_on), confirmed=confirmed))

    def save(self) -> None:
        values = self.form.values()
        Op(self, lambda operator: profiles.update_profile(self.member_id, operator, **values), operator=self.operator) \
            .success(lambda _update: self._done(self.tr("资料已保存。"))) \
            .failure(self.message.refused) \
            .run()

    def confirm(self) -> None:
        Op(self, lambda operator: members.confirm_profile(self.member_id, operator), operator=self.operator) \
            .success(lambda _changes: self._done(self.tr("已记录：资料与会员核对无误。"))) \
            .failure(self.message.refused) \
            .run()

    def _done(self, text: str) -> None:
        self.message.ok(text)
        self.load()
