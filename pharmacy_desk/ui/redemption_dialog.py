"""积分兑换: exchange a member's points for a gift or service from the catalog."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import history, profiles, redemption
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import CatalogKind
from pharmacy_desk.ui.inline import InlineMessage, table_view
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.ui.table_model import Column, RowsTableModel

CATALOG_COLUMNS = (
    Column("名称", lambda item: item.name),
    Column("类别", lambda item: CatalogKind.label_of(item.kind)),
    Column("所需积分", lambda item: item.points_price, align_right=True),
    Column("价值(元)", lambda item: yuan(item.value_fen), align_right=True),
    Column("库存", lambda item: "不限" if item.stock is None else item.stock, align_right=True),
)


def catalog_model(parent=None) -> RowsTableModel:
    return RowsTableModel(CATALOG_COLUMNS, history.catalog_items, parent)


class RedemptionDialog(QDialog):
    def __init__(self, member_id: int, operator: Staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self._key = self._new_key()
        self.setWindowTitle("积分兑换")
        self.resize(760, 480)

        self.header = QLabel()
        self.model = catalog_model(self)
        self.view = table_view(self.model, stretch_column=0)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.quantity.setPrefix("数量 ")
        self.redeem_button = QPushButton("兑换")
        self.redeem_button.setDefault(True)
        self.close_button = QPushButton("关闭")
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
        self.view.selectionModel().currentRowChanged.connect(self._renew_key)
        self.quantity.valueChanged.connect(self._renew_key)
        if self.model.rowCount():
            self.view.selectRow(0)
        self.view.setFocus()
        self.refresh()

    @staticmethod
    def _new_key() -> str:
        return f"redeem:{uuid.uuid4()}"

    def _renew_key(self, *_args) -> None:
        self._key = self._new_key()

    def refresh(self) -> None:
        today = dt.date.today()
        member = profiles.heading(self.member_id, self.operator, today)
        self.header.setText(
            f"{member.name}（{member.tier_name}）　可用积分 {member.usable_points}　"
            f"本月还可兑换 {yuan(redemption.cap_remaining_fen(member.id, today))} 元")
        row = self.view.currentIndex().row()
        self.model.refresh()
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)

    def selected_item(self):
        row = self.view.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def redeem(self) -> None:
        item = self.selected_item()
        if item is None:
            self.message.info("请先在目录中选择礼品或服务。")
            return
        key, quantity = self._key, self.quantity.value()
        Op(self, lambda operator: redemption.redeem(member_id=self.member_id, item_id=item.id, operator=operator,
                                                    key=key, quantity=quantity), operator=self.operator) \
            .success(lambda result: self._redeemed(item, result)) \
            .failure(self.message.refused) \
            .run()

    def _redeemed(self, item, result: redemption.RedemptionResult) -> None:
        done = result.redemption
        self.message.ok(f"已兑换 {item.name} × {done.quantity}，扣 {done.points} 积分，余额 {result.balance}。")
        self.refresh()
        self._renew_key()
