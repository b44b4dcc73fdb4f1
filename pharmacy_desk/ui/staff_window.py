"""店员管理 (the owner's): who works here, their role, whether they can sign in.

The list above, the form below: pick a person to fill the form, change the name or
role and 保存修改; 清空表单 for someone new, whose PIN or password (typed twice, like any
new one) comes with 新增店员; 重设 PIN/密码 gives the picked person a new one; 停用
keeps their history; 解锁 lifts a lockout after wrong PINs. Every refusal of the core
(the last owner, a name taken, a PIN too short) is one line under the form.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import accounts, operations as core_operations
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.staff import PERSON_ROLES, StaffRow
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import InlineMessage, action_button, button_row, table_view, time_text, titled_box
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel, select_row_of, selected_row
from pharmacy_desk.core.operator import Operator


def state_text(row: StaffRow) -> str:
    if not row.active:
        return QCoreApplication.translate("StaffWindow", "已停用")
    if row.locked_at(core_operations.now()):
        return QCoreApplication.translate("StaffWindow", "已锁定（至 {time}）").format(time=f"{row.locked_until:%H:%M}")
    if row.has_secret:
        return QCoreApplication.translate("StaffWindow", "在职")
    return QCoreApplication.translate("StaffWindow", "在职（未设密码）")


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "姓名"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "角色"), lambda r: core(r.role_label)),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), state_text),
    Column(QT_TRANSLATE_NOOP("Columns", "连续输错"), lambda r: r.failed_signins or "", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "加入时间"), lambda r: time_text(r.created_at)),
)


class StaffWindow(QWidget):
    """店员管理, opened for ``operator`` (the owner)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("店员管理"))
        self.operator = operator
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=2)
        self.view.selectionModel().selectionChanged.connect(self._picked)

        self.name = QLineEdit()
        self.name.setMaxLength(20)
        self.role = QComboBox()
        for role in PERSON_ROLES:
            self.role.addItem(core(role.label), role.value)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("收银员、药师：4–6 位数字 PIN；店长：至少 8 个字符的密码"))
        self.secret_again = QLineEdit()
        self.secret_again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("姓名(&N)"), self.name)
        form.addRow(self.tr("角色(&R)"), self.role)
        form.addRow(self.tr("新 PIN/密码(&P)"), self.secret)
        form.addRow(self.tr("再输一次(&A)"), self.secret_again)
        self.message = InlineMessage()

        self.add_button = action_button(self.tr("新增店员"), self.add)
        self.save_button = action_button(self.tr("保存修改"), self.save)
        self.reset_button = action_button(self.tr("重设 PIN/密码"), self.reset_secret)
        self.deactivate_button = action_button(self.tr("停用"), self.deactivate)
        self.unlock_button = action_button(self.tr("解锁"), self.unlock)
        self.clear_button = action_button(self.tr("清空表单"), self.clear_form)
        buttons = button_row(self.add_button, self.save_button, self.reset_button, self.deactivate_button,
                             self.unlock_button, self.clear_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(titled_box(self.tr("店员资料"), form, buttons, self.message))
        # The form first: the owner usually comes to add someone.
        order = [self.name, self.role, self.secret, self.secret_again, self.add_button, self.save_button,
                 self.reset_button, self.deactivate_button, self.unlock_button, self.clear_button, self.view]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        # Enter in the form does what the owner came for: add someone new, or give the
        # selected person the PIN or password just typed.
        for field in (self.name, self.secret, self.secret_again):
            field.returnPressed.connect(self._enter)
        events().changed.connect(self._data_changed)
        self.reload()
        self._picked()
        self.resize(820, 560)
        self.name.setFocus()

    def _enter(self) -> None:
        if self.selected() is None:
            self.add()
        elif self.secret.text() or self.secret_again.text():
            self.reset_secret()
        else:
            self.save()

    # -- the list --------------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        """Read the list again; the row of ``keep`` (a staff id) stays selected."""
        keep = keep if keep is not None else self.selected_id()
        Read(self, lambda: accounts.list_staff(self.operator)).success(
            lambda rows: self._show(rows, keep)).failure(self.message.refused).run()

    def _show(self, rows: list[StaffRow], keep: int | None) -> None:
        self.model.set_rows(rows)
        select_row_of(self.view, self.model, keep)
        self._picked()

    def selected(self) -> StaffRow | None:
        return selected_row(self.view, self.model)

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def _picked(self, *_args) -> None:
        row = self.selected()
        for button in (self.save_button, self.reset_button, self.deactivate_button, self.unlock_button):
            button.setEnabled(row is not None)
        if row is None:
            return
        self.name.setText(row.name)
        self.role.setCurrentIndex(self.role.findData(row.role))
        self.deactivate_button.setEnabled(row.active)
        self.unlock_button.setEnabled(row.failed_signins > 0 or row.locked_until is not None)

    def clear_form(self) -> None:
        """Nobody picked: the form is for a new person."""
        self.view.clearSelection()
        for field in (self.name, self.secret, self.secret_again):
            field.clear()
        self.role.setCurrentIndex(0)
        self.message.clear_message()
        self.name.setFocus()

    def _data_changed(self, changes: Changes) -> None:
        if changes.staff:
            self.reload()

    # -- the actions -------------------------------------------------------------------------------
    def _typed_secret(self) -> str | None:
        """The new PIN or password when both fields agree; None (and the reason shown) otherwise."""
        if self.secret.text() != self.secret_again.text():
            self.message.refused(self.tr("两次输入的 PIN/密码不一致。"))
            return None
        return self.secret.text()

    def _run(self, call, done: str) -> None:
        def succeeded(row: StaffRow) -> None:
            self.secret.clear()
            self.secret_again.clear()
            self.message.ok(done.format(name=row.name))
            self.reload(keep=row.id)

        Op(self, call, operator=self.operator).success(succeeded).failure(self.message.refused).run()

    def add(self) -> None:
        secret = self._typed_secret()
        if secret is None:
            return
        name, role = self.name.text(), self.role.currentData()
        self._run(lambda operator: accounts.add_staff(name, role, secret, operator), self.tr("已新增店员 {name}。"))

    def save(self) -> None:
        row = self.selected()
        if row is None:
            return
        secret = self._typed_secret()
        if secret is None:
            return
        name, role = self.name.text(), self.role.currentData()
        self._run(lambda operator: accounts.update_staff(row.id, operator, name=name, role=role,
                                                         secret=secret or None), self.tr("已保存 {name} 的资料。"))

    def reset_secret(self) -> None:
        row = self.selected()
        secret = self._typed_secret() if row is not None else None
        if row is None or secret is None:
            return
        self._run(lambda operator: accounts.reset_secret(row.id, secret, operator), self.tr("已为 {name} 重设 PIN/密码。"))

    def deactivate(self) -> None:
        if (row := self.selected()) is not None:
            self._run(lambda operator: accounts.deactivate(row.id, operator), self.tr("已停用 {name}，其记录保留。"))

    def unlock(self) -> None:
        if (row := self.selected()) is not None:
            self._run(lambda operator: accounts.unlock(row.id, operator), self.tr("已解除 {name} 的锁定。"))
