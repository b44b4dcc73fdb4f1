"""登录: a name and a PIN or password, with the keyboard alone.

Type the name (the rest is completed in place) or pick it (↓ steps through the list), Tab, the PIN, Enter. A refusal is one
sentence under the form (a wrong name or PIN without saying which, or a locked
account with the minutes left) and the PIN field is cleared for the next try. The
same form is the start-up dialog, the 切换店员 dialog and the lock screen.

The check runs on the GUI thread: Argon2 takes a fifth of a second by design, the
person is waiting for the answer anyway, and a second Enter cannot start a second try.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import pharmacy
from pharmacy_desk.ui import preferences
from pharmacy_desk.ui.inline import InlineMessage

if TYPE_CHECKING:
    from pharmacy_desk.core.operator import Operator

# What checking a PIN needs (Argon2, the models, the operation runner) is loaded once the form
# has painted (``ui.app.Launcher``), or at the first 登录 if that comes first.


class SignInForm(QWidget):
    """店员 + PIN/密码 + 登录; ``signed_in(Operator)`` once the core accepted them."""

    signed_in = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setMinimumContentsLength(10)
        self.name.lineEdit().setPlaceholderText(self.tr("输入或选择姓名"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("PIN 或密码"))
        self.message = InlineMessage()
        self.button = QPushButton(self.tr("登录"))
        # Enter is handled here, in the form: an auto-default button would press it a second time.
        self.button.setAutoDefault(False)

        fields = QFormLayout()
        fields.addRow(self.tr("店员(&N)"), self.name)
        fields.addRow(self.tr("PIN/密码(&P)"), self.secret)
        self.button_row = QHBoxLayout()  # a dialog adds its 取消 here
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        layout.addLayout(self.button_row)
        self.setTabOrder(self.name, self.secret)
        self.setTabOrder(self.secret, self.button)

        self.name.lineEdit().returnPressed.connect(self._name_entered)
        self.secret.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def reset(self, name: str = "") -> None:
        """Fresh names from the roster, ``name`` filled in, the PIN empty; the focus where typing starts."""
        names = pharmacy.sign_in_names()
        self.name.blockSignals(True)
        self.name.clear()
        # Completed from these names in the field itself, in any letter case (Tab accepts it): an editable
        # combo box's own completer. A popup list would cover the PIN field.
        self.name.addItems(names)
        self.name.setEditText(name)
        self.name.blockSignals(False)
        self.secret.clear()
        self.message.clear_message()
        self.focus()

    def focus(self) -> None:
        (self.secret if self.name.currentText().strip() else self.name).setFocus()

    def _name_entered(self) -> None:
        if self.name.currentText().strip():
            from PySide6.QtCore import Qt  # not at import: see ui/first_paint.py

            self.secret.setFocus(Qt.FocusReason.TabFocusReason)

    def submit(self) -> None:
        from pharmacy_desk.core import signin
        from pharmacy_desk.ui.operations import Job

        name, secret = self.name.currentText().strip(), self.secret.text()
        # Nobody is signed in yet, so this is the program's own call, not an operator's.
        Job(self, lambda: signin.sign_in(name, secret)) \
            .success(self._accepted).failure(self.message.refused).after_failure(self._try_again).run()

    def _accepted(self, person: Operator) -> None:
        self.secret.clear()
        self.message.clear_message()
        self.signed_in.emit(person)

    def _try_again(self, _error: BaseException) -> None:
        self.secret.clear()
        self.focus()


class SignInDialog(QDialog):
    """登录 at start-up, 切换店员 at the till: ``person`` is whoever signed in when it is accepted."""

    def __init__(self, title: str | None = None, *, name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        title = title or self.tr("登录")
        self.setWindowTitle(title)
        self.person: Operator | None = None
        self.form = SignInForm()
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.form.button_row.addWidget(cancel)
        # Which pharmacy's till this is, above the form (the title bar may be hidden or cut off).
        shop = pharmacy.shown_first("pharmacy_name")
        self.heading = QLabel(self.tr("{pharmacy} · {title}").format(pharmacy=shop, title=title) if shop else title)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        self.form.signed_in.connect(self._signed_in)
        self.form.reset(preferences.get(preferences.LAST_SIGN_IN) if name is None else name)
        self.setMinimumWidth(380)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.form.focus()

    def _signed_in(self, person: Operator) -> None:
        self.person = person
        self.accept()
