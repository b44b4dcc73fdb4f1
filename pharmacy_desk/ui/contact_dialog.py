"""标记已联系: the outcome of a call and a short note."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from pharmacy_desk.core.contacts import OUTCOMES


class ContactDialog(QDialog):
    def __init__(self, who: str, reason: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("标记已联系")
        self.setMinimumWidth(380)
        form = QFormLayout(self)
        form.addRow("会员：", QLabel(who))
        form.addRow("回访原因：", QLabel(reason))
        self.outcome = QComboBox()
        self.outcome.addItems(OUTCOMES)
        form.addRow("结果：", self.outcome)
        self.note = QLineEdit()
        self.note.setPlaceholderText("例如：周六来店取药")
        self.note.setMaxLength(255)
        form.addRow("备注：", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.outcome.currentText(), self.note.text()
