"""One declared setting as a form row: its editor, unit and range, help, and a refusal in place.

Its label, help, value and range are shown in the windows' language (``ui.setting_text``); the
declaration's own ``parse`` checks what is typed as it is typed, so a value out of range
is refused beside the field (in the same sentence the core would use) before anything is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.setting_declarations import Declaration
from pharmacy_desk.core.setting_types import Bool, Choice
from pharmacy_desk.ui import setting_text
from pharmacy_desk.ui.i18n import core, sentence

ERROR_STYLE = "color: #b00020;"
HELP_STYLE = "color: #555555;"


class DeclaredField(QWidget):
    """The editor of one declaration; ``value()`` is the checked value, ``problem`` why not."""

    edited = Signal()

    def __init__(self, declaration: Declaration, parent: QWidget | None = None):
        super().__init__(parent)
        self.declaration = declaration
        self.problem = ""
        self._loaded: Any = None
        kind = declaration.type
        self.check_box: QCheckBox | None = None
        self.combo: QComboBox | None = None
        self.line: QLineEdit | None = None
        if isinstance(kind, Bool):
            self.check_box = QCheckBox(self.tr("是"))
            self.check_box.toggled.connect(self._changed)
            editor: QWidget = self.check_box
        elif isinstance(kind, Choice):
            self.combo = QComboBox()
            for value, label in kind.choices:
                self.combo.addItem(core(label), value)
            self.combo.currentIndexChanged.connect(self._changed)
            editor = self.combo
        else:
            self.line = QLineEdit()
            self.line.textEdited.connect(self._changed)
            editor = self.line
        self.editor = editor
        self.range = QLabel(setting_text.range_text(declaration))
        self.range.setStyleSheet(HELP_STYLE)
        self.help = QLabel(setting_text.help_text(declaration))
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(editor, 1)
        top.addWidget(self.range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.help)
        layout.addWidget(self.error)

    def load(self, value: Any) -> None:
        self._loaded = value
        if self.check_box is not None:
            self.check_box.setChecked(bool(value))
        elif self.combo is not None:
            self.combo.setCurrentIndex(self.combo.findData(value))
        elif self.line is not None:
            self.line.setText(setting_text.shown_value(self.declaration, value))
        self._changed()

    def _changed(self, *_args) -> None:
        try:
            self._value()
            self.problem = ""
        except InvalidInput as refusal:
            self.problem = sentence(refusal.sentence)
        self.error.setText(self.problem)
        self.error.setVisible(bool(self.problem))
        self.edited.emit()

    def _value(self) -> Any:
        if self.check_box is not None:
            return self.check_box.isChecked()
        if self.combo is not None:
            return self.combo.currentData()
        assert self.line is not None
        return setting_text.typed_value(self.declaration, self.line.text())

    def changed_value(self) -> tuple[bool, Any]:
        """(changed, value) against what was loaded; only called when there is no problem."""
        value = self._value()
        return value != self._loaded, value
