"""会员登记: sign a member up in under a minute, keyboard only.

Tab runs phone → name → gender → birthday → card → consents → 登记, and Enter
submits. A scanner types a pre-printed card's digits and presses Enter in the card
field: that Enter moves on to the consents instead of submitting half a form.

The marketing consent starts unanswered and is never assumed: 登记 with it unanswered
asks the question, and one key answers it (Y 同意, N 不同意) and registers. Another
Enter only asks again, so the fastest sign-up cannot opt the member out silently.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core import profiles
from pharmacy_desk.core.errors import DuplicateMember, PhoneInUse
from pharmacy_desk.core.amounts import AMOUNT_CHARACTERS
from pharmacy_desk.core.normalize import clean_name, clean_phone
from pharmacy_desk.ui.inline import InlineMessage
from pharmacy_desk.ui.member_form import SIGNUP_FIELDS, MemberForm
from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.core.operator import Operator


class SignupDialog(QDialog):
    def __init__(self, operator: Operator, phone: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.operator = operator
        self.member_id: int | None = None
        self.typed_ahead = ""  # what the cashier began to type for the sale once signed up
        self.duplicate_member_id: int | None = None
        # One key per dialog: a second Enter (or a retry after a hiccup) registers nobody twice.
        self._key = f"register:{uuid.uuid4()}"
        self.setWindowTitle(self.tr("会员登记"))
        self.setMinimumWidth(520)

        self.form = MemberForm(SIGNUP_FIELDS)
        self.form.phone_edit.setText(phone)
        # The fields the cashier works in, by name (the keyboard handling below needs them).
        self.phone_edit, self.name_edit, self.gender_box = self.form.phone_edit, self.form.name_edit, self.form.gender_box
        self.birthday_edit, self.card_edit = self.form.birthday_edit, self.form.card_edit
        self.health_box, self.marketing_box = self.form.health_box, self.form.marketing_box
        self.marketing_box.setTristate(True)
        self.marketing_box.setCheckState(Qt.CheckState.PartiallyChecked)  # not asked yet
        self.marketing_box.setToolTip(self.tr("请询问顾客；未回答时登记会再问一次"))
        self.marketing_box.clicked.connect(lambda: self.marketing_box.setTristate(False))  # answered
        self._asking_consent = False

        self.message = InlineMessage()
        # A phone another member has: open them, or sign the new person up on it (a family's number).
        self._shared_phone = False
        self.phone_choice = QWidget()
        self.phone_choice_layout = QHBoxLayout(self.phone_choice)
        self.phone_choice_layout.setContentsMargins(0, 0, 0, 0)
        self.open_buttons: list[QPushButton] = []
        self.share_button = QPushButton(self.tr("为新顾客登记（共用此手机号）"))
        self.share_button.clicked.connect(self.sign_up_on_shared_phone)
        self.phone_choice.hide()
        self.phone_edit.textEdited.connect(self._phone_changed)
        self.buttons = QDialogButtonBox()
        self.submit_button = QPushButton(self.tr("登记"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.done_button = QPushButton(self.tr("完成"))
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.hide()
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.phone_choice)
        layout.addWidget(self.buttons)

        order = [*self.form.widgets, self.submit_button, self.cancel_button]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        (self.name_edit if phone else self.phone_edit).setFocus()

    def consent_answered(self) -> bool:
        return self.marketing_box.checkState() != Qt.CheckState.PartiallyChecked

    def answer_consent(self, agreed: bool) -> None:
        self.marketing_box.setTristate(False)
        self.marketing_box.setChecked(agreed)
        self._asking_consent = False
        self.submit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._asking_consent and event.key() in (Qt.Key.Key_Y, Qt.Key.Key_N):
            self.answer_consent(event.key() == Qt.Key.Key_Y)
            return
        if self.member_id is not None and event.text() and event.text() in AMOUNT_CHARACTERS:
            # Signed up, the cashier types the first sale's amount: it is the counter's, not 完成's.
            self.typed_ahead = event.text()
            self.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.card_edit:
            self.health_box.setFocus()  # the scanner's Enter ends the card number, not the form
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.member_id is not None:
            self.accept()
            return
        if not self.consent_answered():
            if not self._can_be_signed_up():
                return
            self._asking_consent = True
            self.message.info(self.tr("请问顾客：是否同意接收优惠信息（短信、电话回访）？按 Y 同意，按 N 不同意。"))
            self.submit_button.setFocus()  # not a text field: Y and N answer, they are not typed
            return
        values = self.form.values()
        shared = self._shared_phone
        Op(self, lambda operator: profiles.sign_up(operator=operator, key=self._key, shared_phone=shared, **values),
           operator=self.operator) \
            .success(self._show_done) \
            .failure(self.message.refused) \
            .after_failure(self._refused) \
            .run()

    def _can_be_signed_up(self) -> bool:
        """The phone and name as the core will clean them: a refusal is shown before the customer
        is asked to consent, not after they answered."""
        typed = self.form.values()
        return Read(self, lambda: (clean_phone(typed["phone"]), clean_name(typed["name"]))) \
            .failure(self.message.refused).run()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, PhoneInUse):
            self.duplicate_member_id = error.member_id
            self._offer_phone_choice(error.members)
        elif isinstance(error, DuplicateMember):  # the counter can open the member already on file
            self.duplicate_member_id = error.member_id
            self.phone_edit.setFocus()

    def _offer_phone_choice(self, members) -> None:
        """The members on this phone, each to open, and the new person to sign up beside them."""
        for button in self.open_buttons:
            button.deleteLater()
        self.open_buttons = []
        self.phone_choice_layout.removeWidget(self.share_button)
        for match in members:
            button = QPushButton(self.tr("打开 {name}（卡号 {card}）").format(name=match.name, card=match.card_no))
            button.clicked.connect(lambda _checked=False, member_id=match.id: self.open_existing(member_id))
            self.phone_choice_layout.addWidget(button)
            self.open_buttons.append(button)
        self.phone_choice_layout.addWidget(self.share_button)
        self.phone_choice.show()
        self.share_button.setDefault(True)
        self.share_button.setFocus()

    def open_existing(self, member_id: int) -> None:
        """The customer is the member on file: close, and the counter shows them."""
        self.member_id = member_id
        self.accept()

    def sign_up_on_shared_phone(self) -> None:
        self._shared_phone = True
        self.phone_choice.hide()
        self.submit()

    def _phone_changed(self) -> None:
        self._shared_phone = False  # the choice was about the number then typed
        self.phone_choice.hide()

    def _show_done(self, registration: profiles.SignUp) -> None:
        member = registration.member
        self.member_id = member.id
        text = self.tr("已登记：{name}，卡号 {card}。").format(name=member.name, card=member.card_no)
        if registration.coupon_text is not None:
            text += "\n" + self.tr("新会员券：{coupon}，可当场使用。").format(coupon=sentence(registration.coupon_text))
        self.message.ok(text)
        self.card_edit.setText(member.card_no)
        self.form.set_editable(False)
        self.submit_button.hide()
        self.cancel_button.hide()
        self.done_button.show()
        self.submit_button.setDefault(False)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
