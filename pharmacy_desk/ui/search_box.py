"""The counter's one search box: scan a card, type a phone, last 4 digits, a name or 拼音 initials.

A card number or a full phone opens the member at once (the scanner types the digits
and presses Enter). Anything else shows a short list; the arrow keys move in it while
the focus stays in the box, and Enter picks. An unknown phone offers to register it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from pharmacy_desk.core import members
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.ui.operations import Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel


def matches_model(parent=None) -> RowsTableModel:
    """Members found by a partial search (``members.MemberMatch``): name, masked phone, card, tier."""
    return RowsTableModel([
        Column(QT_TRANSLATE_NOOP("Columns", "姓名"), lambda m: m.name),
        Column(QT_TRANSLATE_NOOP("Columns", "手机"), lambda m: mask_phone(m.phone)),
        Column(QT_TRANSLATE_NOOP("Columns", "卡号"), lambda m: m.card_no),
        Column(QT_TRANSLATE_NOOP("Columns", "等级"), lambda m: m.tier_name),
    ], parent=parent)


VISIBLE_ROWS = 10  # more would push the member panel off a 768-pixel screen


class SearchBox(QWidget):
    member_chosen = Signal(int)
    register_requested = Signal(str)  # the phone to pre-fill, "" when none
    walk_in_requested = Signal()
    nobody_chosen = Signal()  # a new search that did not find one member: a new customer, not the last one

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("扫会员卡 / 手机号 / 手机后4位 / 姓名 / 拼音首字母，回车"))
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.edit.setFont(font)
        self.edit.returnPressed.connect(self.submit)
        self.edit.textEdited.connect(self._stale)
        self.edit.installEventFilter(self)

        self.model = matches_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the focus; arrows drive the list
        self.table.verticalHeader().hide()
        # One line of text a row, measured once: measuring every row for each search costs ~30 ms.
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._pick(index.row()))
        self.table.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.register_button = QPushButton(self.tr("登记新会员 (F2)"))
        self.register_button.clicked.connect(lambda: self.register_requested.emit(self.phone_hint or ""))
        self.register_button.hide()
        self.phone_hint: str | None = None
        self._list_text: str | None = None  # the text the list was found for

        offer = QHBoxLayout()
        offer.addWidget(self.message, 1)
        offer.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.table)
        layout.addLayout(offer)

    # -- what the cashier does ------------------------------------------------------------
    def submit(self) -> None:
        text = self.edit.text().strip()
        if self.table.isVisible() and self._list_text == text and self.model.rowCount():
            self._pick(max(0, self.table.currentIndex().row()))
            return
        if not text:
            return
        Read(self, lambda: members.lookup(text)).success(lambda found: self._found(text, found)) \
            .failure(self._say).run()

    def _found(self, text: str, found: members.LookupResult) -> None:
        if found.exact is not None:
            self.clear()
            self.member_chosen.emit(found.exact.id)
            return
        self.nobody_chosen.emit()
        if found.matches:
            self._show_matches(text, found.matches)
        elif found.phone_hint:
            self._offer_register(found.phone_hint)
        else:
            self._clear_list()
            self._say(self.tr("没有找到“{text}”对应的会员。").format(text=text))

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.selectAll()

    # -- internals ---------------------------------------------------------------------------
    def _show_matches(self, text: str, found: list) -> None:
        self.model.set_rows(found)
        self._list_text = text
        self._fit_rows()
        self.table.show()
        self.table.selectRow(0)
        self._hide_offer()
        more = self.tr("（只显示前{limit}位，请输入更多字）").format(limit=members.LOOKUP_LIMIT) \
            if len(found) >= members.LOOKUP_LIMIT else ""
        self._say(self.tr("找到 %n 位会员：↑↓ 选择，回车确认", "", len(found)) + more)

    def _offer_register(self, phone: str) -> None:
        self._clear_list()
        self.phone_hint = phone
        self._say(self.tr("手机号 {phone} 还不是会员。").format(phone=phone))
        self.register_button.show()

    def _fit_rows(self) -> None:
        """As tall as its rows, up to ``VISIBLE_ROWS``: the cashier sees the choices without scrolling."""
        rows = min(self.model.rowCount(), VISIBLE_ROWS)
        height = (self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                  + rows * self.table.verticalHeader().defaultSectionSize())
        self.table.setFixedHeight(height)

    def _pick(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            member_id = self.model.row(row).id
            self.clear()
            self.member_chosen.emit(member_id)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if self.table.isVisible() and count:
            row = min(count - 1, max(0, self.table.currentIndex().row() + step))
            self.table.selectRow(row)

    def _stale(self) -> None:
        self._hide_offer()
        self.message.clear()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _hide_offer(self) -> None:
        self.phone_hint = None
        self.register_button.hide()

    def _clear_list(self) -> None:
        self.model.set_rows([])
        self._list_text = None
        self.table.hide()

    def clear(self) -> None:
        """An empty box with no list and no offer: ready for the next customer."""
        self.edit.clear()
        self._clear_list()
        self._hide_offer()
        self.message.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.table.isVisible():
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape:
                if self.edit.text() or self.table.isVisible():
                    self.clear()
                else:
                    self.walk_in_requested.emit()
                return True
        return super().eventFilter(watched, event)
