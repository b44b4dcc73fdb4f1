"""设置 window: the pages listed on the left, one shown on the right, 保存 for all of them.

保存 first asks every page for what is wrong (each field already shows its own refusal in
place); with nothing wrong it saves every page's changes in one operation, one audited
change per changed value, and reads everything back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QListWidget, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import owner_settings, settings
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.owner_settings import Pending
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.inline import InlineMessage
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.ui.settings.page import SettingsPage, translated
from pharmacy_desk.ui.settings.pages import PAGES
from pharmacy_desk.core.operator import Operator


class SettingsWindow(QWidget):
    """设置, opened for ``operator`` (the owner: the main window offers it to no one else)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("设置"))
        self.operator = operator
        self.pages: list[SettingsPage] = [page_class() for page_class in PAGES]
        self.page_list = QListWidget()
        self.stack = QStackedWidget()
        for page in self.pages:
            self.page_list.addItem(translated(page.TITLE))
            self.stack.addWidget(page)
            page.edited.connect(self._edited)
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 32)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.message = InlineMessage()
        self.save_button = QPushButton(self.tr("保存"))
        self.revert_button = QPushButton(self.tr("还原"))
        close_button = QPushButton(self.tr("关闭"))
        for button in (self.save_button, self.revert_button, close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0 if self.message.isVisible() else 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(close_button)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        events().changed.connect(self._data_changed)
        self.load()
        self.page_list.setCurrentRow(0)
        self.resize(1180, 700)

    def page(self, name: str) -> SettingsPage:
        return next(page for page in self.pages if page.NAME == name)

    def show_page(self, name: str) -> SettingsPage:
        page = self.page(name)
        self.page_list.setCurrentRow(self.pages.index(page))
        return page

    def load(self) -> None:
        """What is stored, on every page (还原 throws away what was typed)."""
        self._read_values()
        self.message.clear_message()

    def _read_values(self) -> None:
        values = settings.all_values()
        for page in self.pages:
            page.load(values)

    def problems(self) -> list[str]:
        return [problem for page in self.pages for problem in page.problems()]

    def _edited(self) -> None:
        self.save_button.setEnabled(not self.problems())

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.message.refused(problems[0])
            return
        pending = Pending()
        for page in self.pages:
            page.pending(pending)
        if not pending:
            self.message.info(self.tr("没有需要保存的更改。"))
            return

        def saved(result: owner_settings.Saved) -> None:
            self._read_values()
            self.message.ok(self.tr("已保存 %n 项更改，自下一笔销售起生效。", "", result.recorded))

        Op(self, lambda operator: owner_settings.save(pending, operator), operator=self.operator).success(
            saved).failure(self.message.refused).run()

    def _data_changed(self, changes: Changes) -> None:
        if changes.settings:
            self._read_values()  # what was saved, here or at another screen, is what the pages show
