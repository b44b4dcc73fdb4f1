"""积分兑换: exchange a member's points for a gift or service from the catalog.

Items the member cannot take now (points, stock, the month's cap) are greyed out with
the reason. 兑换 (Enter) first says what will happen (points before → after) and asks;
the second Enter confirms. The dialog made one key for the attempt when it opened, so
any number of further Enters or clicks records the redemption once; only choosing
another item or quantity starts a new attempt. The slip goes to the receipt pane.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import history, profiles, redemption, slips
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import CatalogKind
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import InlineMessage, table_view
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

CATALOG_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "名称"), lambda item: item.name),
    Column(QT_TRANSLATE_NOOP("Columns", "类别"), lambda item: core(CatalogKind.label_of(item.kind))),
    Column(QT_TRANSLATE_NOOP("Columns", "所需积分"), lambda item: item.points_price, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "价值(元)"), lambda item: yuan(item.value_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "库存"), lambda item: QCoreApplication.translate("RedemptionDialog", "不限")
           if item.stock is None else item.stock, align_right=True),
)


class CatalogModel(RowsTableModel):
    """The catalog; an item this member cannot take now is greyed out and says why."""

    def __init__(self, parent=None):
        super().__init__(CATALOG_COLUMNS, history.catalog_items, parent)
        self.usable_points: int | None = None  # None: nobody to measure against
        self.cap_left_fen = 0

    def set_member_means(self, usable_points: int, cap_left_fen: int) -> None:
        self.usable_points, self.cap_left_fen = usable_points, cap_left_fen
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def why_not(self, row: int) -> str | None:
        if self.usable_points is None:
            return None
        return redemption.unaffordable(self.row(row), self.usable_points, self.cap_left_fen)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.why_not(index.row()) is not None:
            flags &= ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.why_not(index.row())
        return super().data(index, role)


def catalog_model(parent=None) -> CatalogModel:
    return CatalogModel(parent)


class RedemptionDialog(QDialog):
    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self._key = self._new_key()
        self._asked: redemption.RedemptionPreview | None = None  # shown, waiting for the confirming Enter
        self._done = False  # the attempt under ``_key`` is recorded
        self.setWindowTitle(self.tr("积分兑换"))
        self.resize(760, 480)

        self.header = QLabel()
        self.model = catalog_model(self)
        self.view = table_view(self.model, stretch_column=0)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.quantity.setPrefix(self.tr("数量 "))
        self.redeem_button = QPushButton(self.tr("兑换 (Enter)"))
        self.redeem_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.message = InlineMessage()

        buttons = QHBoxLayout()
        buttons.addWidget(self.quantity)
        buttons.addStretch(1)
        buttons.addWidget(self.redeem_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.redeem_button.clicked.connect(self.redeem)
        self.close_button.clicked.connect(self.reject)
        # A new choice is a new attempt; the same attempt submitted twice redeems once.
        self.view.selectionModel().currentRowChanged.connect(self._new_attempt)
        self.quantity.valueChanged.connect(self._quantity_changed)
        self.refresh()
        first = next((row for row in range(self.model.rowCount()) if self.model.why_not(row) is None), None)
        if first is not None:
            self.view.selectRow(first)
        self.view.setFocus()

    @staticmethod
    def _new_key() -> str:
        return f"redeem:{uuid.uuid4()}"

    def _quantity_changed(self, quantity: int) -> None:
        # Enter in the box says its number again: the same number is the same attempt, so the
        # confirming Enter confirms there too.
        if self._asked is None or quantity != self._asked.quantity:
            self._new_attempt()

    def _new_attempt(self, *_args) -> None:
        self._key = self._new_key()
        self._asked = None
        self._done = False
        self.redeem_button.setText(self.tr("兑换 (Enter)"))

    def refresh(self) -> None:
        today = dt.date.today()
        member = profiles.heading(self.member_id, self.operator, today)
        cap_left = redemption.cap_remaining_fen(member.id, today)
        self.header.setText(self.tr("{name}（{tier}）　可用积分 {points}　本月还可兑换 {amount} 元").format(
            name=member.name, tier=member.tier_name, points=member.usable_points, amount=yuan(cap_left)))
        row = self.view.currentIndex().row()
        self.model.refresh()
        self.model.set_member_means(member.usable_points, cap_left)
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().blockSignals(True)  # the same choice, not a new attempt
            self.view.selectRow(row)
            self.view.selectionModel().blockSignals(False)
        # A new pharmacy starts with no gifts: say why there is nothing to pick.
        empty = self.model.rowCount() == 0
        self.redeem_button.setEnabled(not empty)
        if empty:
            self.message.info(self.tr("兑换目录里还没有礼品或服务，店长添加后即可兑换。"))

    def selected_item(self):
        row = self.view.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def redeem(self) -> None:
        """The first Enter asks, the second confirms; after that the attempt is done."""
        if self._done:
            return
        item = self.selected_item()
        if item is None:
            self.message.info(self.tr("请先在目录中选择礼品或服务。"))
            return
        if self._asked is None:
            quantity = self.quantity.value()
            Read(self, lambda: redemption.preview(member_id=self.member_id, item_id=item.id, quantity=quantity)) \
                .success(self._ask).failure(self.message.refused).run()
            return
        asked, key = self._asked, self._key
        Op(self, lambda operator: redemption.redeem(member_id=self.member_id, item_id=asked.item.id,
                                                    operator=operator, key=key, quantity=asked.quantity),
           operator=self.operator) \
            .success(self._redeemed) \
            .failure(self.message.refused) \
            .run()

    def _ask(self, asked: redemption.RedemptionPreview) -> None:
        self._asked = asked
        self.message.info(self.tr("兑换 {item} × {quantity}：扣 %n 积分，积分 {before} → {after}。确认请再按回车。", "", asked.points)
                          .format(item=asked.item.name, quantity=asked.quantity,
                                  before=asked.balance_before, after=asked.balance_after))
        self.redeem_button.setText(self.tr("确认兑换 (Enter)"))

    def _redeemed(self, result: redemption.RedemptionResult) -> None:
        done = result.redemption
        self._done = True
        self.refresh()
        self.message.ok(self.tr("已兑换 {item} × {quantity}，扣 %n 积分，余额 {balance}。凭条已显示在小票区。", "", done.points)
                        .format(item=done.item_name, quantity=done.quantity, balance=result.balance))
        self.redeem_button.setText(self.tr("已兑换"))
        self.close_button.setDefault(True)
        events().slip.emit(slips.redemption_slip(done.id))
