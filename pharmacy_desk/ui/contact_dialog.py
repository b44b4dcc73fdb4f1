"""标记已联系: the outcome of a call and a short note.

The outcome is stored as the core names it (``contacts.OUTCOMES``), whatever language the list shows it in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from pharmacy_desk.core.contacts import OUTCOMES
from pharmacy_desk.ui.i18n import core


class ContactDialog(QDialog):
    def __init__(self, who: str, reason: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("标记已联系"))
        self.setMinimumWidth(380)
        form = QFormLayout(self)
        form.addRow(self.tr("会员："), QLabel(who))
        form.addRow(self.tr("回访原因："), QLabel(reason))
        self.outcome = QComboBox()
        for outcome in OUTCOMES:
            self.outcome.addItem(core(outcome), outcome)
        form.addRow(self.tr("结果："), self.outcome)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("例如：周六来店取药"))
        self.note.setMaxLength(255)
        form.addRow(self.tr("备注："), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.outcome.currentData(), self.note.text()
