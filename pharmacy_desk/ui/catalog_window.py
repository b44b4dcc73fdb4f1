"""积分兑换目录 (the owner's): gifts and services, and the redemptions the owner may reverse.

The first tab lists every item with a form below: pick an item to fill the form, change it
and 保存修改, 清空表单 for a new one and 新增; 补货 adds to a counted stock, 停用 takes an
item off the counter (启用 brings it back). Enter in the form saves the picked item or adds the
new one, in the restock box restocks, in the list goes to the form; on a button reached with
Tab it presses that button. Choosing a prescription or 甲类 OTC class is
refused in place, before anything is sent (the core refuses it again). The second tab lists
the latest redemptions; 撤销兑换 gives the member's points and the stock back, with a reason
(Enter in the reason reverses the redemption picked).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget,
    QVBoxLayout, QWidget,
)

from pharmacy_desk.core import catalog
from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.catalog import CatalogRow
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import CatalogKind, DrugClass
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui import i18n, units
from pharmacy_desk.ui.i18n import core
from pharmacy_desk.ui.inline import (
    InlineMessage, action_button, button_row, code_box, hinted_line, table_view, time_text, titled_box,
)
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel, select_row_of, selected_row
from pharmacy_desk.core.operator import Operator

UNLIMITED = -1  # the stock box's lowest value reads 不限


def _stock(item: CatalogRow):
    return QCoreApplication.translate("CatalogWindow", "不限") if item.stock is None else item.stock


def _item_state(item: CatalogRow) -> str:
    if item.active:
        return QCoreApplication.translate("CatalogWindow", "在售")
    return QCoreApplication.translate("CatalogWindow", "已停用")


def _redemption_state(row) -> str:
    if row.reversed:
        return QCoreApplication.translate("CatalogWindow", "已撤销")
    return QCoreApplication.translate("CatalogWindow", "已兑换")


ITEM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "名称"), lambda item: item.name),
    Column(QT_TRANSLATE_NOOP("Columns", "类别"), lambda item: core(CatalogKind.label_of(item.kind))),
    Column(QT_TRANSLATE_NOOP("Columns", "药品分类"), lambda item: core(DrugClass.label_of(item.drug_class))),
    Column(QT_TRANSLATE_NOOP("Columns", "所需积分"), lambda item: item.points_price, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "价值(元)"), lambda item: yuan(item.value_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "库存"), _stock, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), _item_state),
)

REDEMPTION_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda row: time_text(row.created_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "会员"), lambda row: row.member_name),
    Column(QT_TRANSLATE_NOOP("Columns", "兑换品"), lambda row: row.item_name),
    Column(QT_TRANSLATE_NOOP("Columns", "数量"), lambda row: row.quantity, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "积分"), lambda row: row.points, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "价值(元)"), lambda row: yuan(row.value_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "经办"), lambda row: row.staff_name),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), _redemption_state),
)


class CatalogWindow(QWidget):
    """积分兑换目录, opened for ``operator`` (the owner)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("积分兑换目录"))
        self.operator = operator
        self.tabs = QTabWidget()
        self.tabs.addTab(self._items_tab(), self.tr("兑换目录"))
        self.tabs.addTab(self._redemptions_tab(), self.tr("兑换记录"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        events().changed.connect(self._data_changed)
        self.reload()
        self.clear_form()
        self.resize(960, 620)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The fields, boxes and lists pass Enter on to the window, which is not a dialog and has
        # no default button: Enter does what the owner came to the field for.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(self.focusWidget())
            return
        super().keyPressEvent(event)

    def _enter(self, focus: QWidget | None) -> None:
        if isinstance(focus, QPushButton):
            focus.click()  # a button disabled does nothing
        elif focus is self.restock_quantity:
            self.restock_button.click()
        elif focus is self.view:
            self.name.setFocus()
            self.name.selectAll()
        elif focus is self.redemption_view:
            self.reason.setFocus()
        elif focus is self.reason:
            self.reverse_button.click()
        elif self.tabs.currentIndex() == 0:
            (self.save_button if self.selected() is not None else self.add_button).click()

    # -- the items tab --------------------------------------------------------------------------
    def _items_tab(self) -> QWidget:
        self.model = RowsTableModel(ITEM_COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=0)
        self.view.selectionModel().selectionChanged.connect(self._picked)
        self.name = QLineEdit()
        self.name.setMaxLength(catalog.NAME_LIMIT)
        self.kind = code_box(CatalogKind)
        self.drug_class = code_box(DrugClass)
        self.drug_class.currentIndexChanged.connect(self._check_law)
        self.points_price = units.CountedSpinBox(units.POINTS)
        self.points_price.setRange(1, catalog.POINTS_PRICE_LIMIT)
        self.value = hinted_line(self.tr("元，例如 35 或 35.50"))
        self.stock = units.CountedSpinBox(units.PIECES)
        self.stock.setRange(UNLIMITED, catalog.STOCK_LIMIT)
        self.stock.setSpecialValueText(self.tr("不限"))
        self.law = QLabel()
        self.law.setWordWrap(True)
        self.law.setStyleSheet("color: #b00020;")
        self.law.hide()
        form = QFormLayout()
        form.addRow(self.tr("名称(&N)"), self.name)
        form.addRow(self.tr("类别(&K)"), self.kind)
        form.addRow(self.tr("药品分类(&D)"), self.drug_class)
        form.addRow("", self.law)
        form.addRow(self.tr("所需积分(&P)"), self.points_price)
        form.addRow(self.tr("价值(&V)"), self.value)
        form.addRow(self.tr("库存(&S)"), self.stock)
        self.message = InlineMessage()

        self.add_button = action_button(self.tr("新增"), self.add)
        self.save_button = action_button(self.tr("保存修改"), self.save)
        self.retire_button = action_button(self.tr("停用"), self.toggle_active)
        self.clear_button = action_button(self.tr("清空表单"), self.clear_form)
        self.restock_quantity = units.CountedSpinBox(units.PIECES)
        self.restock_quantity.setRange(1, catalog.STOCK_LIMIT)
        self.restock_quantity.setPrefix(self.tr("补货 "))
        self.restock_button = QPushButton(self.tr("补货"))
        self.restock_button.clicked.connect(self.restock)
        # Restocking stands at the right, apart from the form's buttons.
        buttons = button_row(self.add_button, self.save_button, self.retire_button, self.clear_button,
                             right=(self.restock_quantity, self.restock_button))

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.view, 1)
        layout.addWidget(titled_box(self.tr("兑换品资料"), form, buttons, self.message))
        return page

    def reload(self) -> None:
        keep = self.selected()
        keep_id = keep.id if keep is not None else None
        Read(self, catalog.all_items).success(lambda rows: self._show(rows, keep_id)).failure(
            self.message.refused).run()
        Read(self, lambda: catalog.recent_redemptions(self.operator)).success(
            self.redemptions.set_rows).failure(self.reversal_message.refused).run()
        self._picked_redemption()

    def _show(self, rows: list[CatalogRow], keep: int | None) -> None:
        self.model.set_rows(rows)
        select_row_of(self.view, self.model, keep)
        self._picked()

    def selected(self) -> CatalogRow | None:
        return selected_row(self.view, self.model)

    def _picked(self, *_args) -> None:
        item = self.selected()
        for button in (self.save_button, self.retire_button):
            button.setEnabled(item is not None)
        self.restock_button.setEnabled(item is not None and item.stock is not None)
        if item is None:
            self._check_law()
            return
        self.name.setText(item.name)
        self.kind.setCurrentIndex(self.kind.findData(item.kind))
        self.drug_class.setCurrentIndex(self.drug_class.findData(item.drug_class))
        self.points_price.setValue(item.points_price)
        self.value.setText(yuan(item.value_fen))
        self.stock.setValue(UNLIMITED if item.stock is None else item.stock)
        self.retire_button.setText(self.tr("停用") if item.active else self.tr("启用"))
        self._check_law()

    def _check_law(self, *_args) -> None:
        """A class that may not be given away is refused here, before anything is sent."""
        refusal = catalog.law_refusal(self.drug_class.currentData())
        self.law.setText(i18n.sentence(refusal) if refusal is not None else "")
        self.law.setVisible(bool(refusal))
        self.add_button.setEnabled(not refusal)
        self.save_button.setEnabled(not refusal and self.selected() is not None)

    def clear_form(self) -> None:
        self.view.clearSelection()
        self.name.clear()
        self.value.clear()
        self.kind.setCurrentIndex(0)
        self.drug_class.setCurrentIndex(0)
        self.points_price.setValue(100)
        self.stock.setValue(UNLIMITED)
        self.message.clear_message()
        self.name.setFocus()

    def _form(self) -> dict:
        """What the form says; the typed value is read inside the operation, which words a refusal."""
        stock = self.stock.value()
        text = self.value.text().strip()
        return {"name": self.name.text(), "kind": self.kind.currentData(), "drug_class": self.drug_class.currentData(),
                "points_price": self.points_price.value(), "value_fen": lambda: parse_amount(text) if text else 0,
                "stock": None if stock == UNLIMITED else stock}

    @staticmethod
    def _typed(fields: dict) -> dict:
        return {**fields, "value_fen": fields["value_fen"]()}

    def _run(self, call, done: str) -> None:
        def succeeded(item: CatalogRow) -> None:
            self.message.ok(done.format(name=item.name))
            self.reload()
            self._select(item.id)

        Op(self, call, operator=self.operator).success(succeeded).failure(self.message.refused).run()

    def _select(self, item_id: int) -> None:
        select_row_of(self.view, self.model, item_id)

    def add(self) -> None:
        fields = self._form()
        self._run(lambda operator: catalog.add_item(operator=operator, **self._typed(fields)), self.tr("已新增“{name}”。"))

    def save(self) -> None:
        item = self.selected()
        if item is not None:
            fields = self._form()
            self._run(lambda operator: catalog.edit_item(item.id, operator, **self._typed(fields)),
                      self.tr("已保存“{name}”。"))

    def restock(self) -> None:
        if (item := self.selected()) is not None:
            quantity = self.restock_quantity.value()
            self._run(lambda operator: catalog.restock(item.id, quantity, operator),
                      self.tr("已为“{name}”补货 %n 件。", "", quantity))

    def toggle_active(self) -> None:
        if (item := self.selected()) is None:
            return
        if item.active:
            self._run(lambda operator: catalog.retire(item.id, operator), self.tr("已停用“{name}”，柜台不再提供。"))
        else:
            self._run(lambda operator: catalog.reactivate(item.id, operator), self.tr("已重新启用“{name}”。"))

    # -- the redemptions tab --------------------------------------------------------------------
    def _redemptions_tab(self) -> QWidget:
        self.redemptions = RowsTableModel(REDEMPTION_COLUMNS, parent=self)
        self.redemption_view = table_view(self.redemptions, stretch_column=2)
        self.redemption_view.selectionModel().selectionChanged.connect(self._picked_redemption)
        self.reason = hinted_line(self.tr("撤销原因（必填），例如：会员退回礼品"))
        self.reverse_button = QPushButton(self.tr("撤销兑换"))
        self.reverse_button.setAutoDefault(False)
        self.reverse_button.clicked.connect(self.reverse)
        self.reversal_message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("原因(&R)")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.reverse_button)
        note = QLabel(self.tr("撤销后积分退回会员（按原有效期），礼品库存加回；原兑换记录保留，撤销另记一笔。"))
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.redemption_view, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.reversal_message)
        return page

    def selected_redemption(self) -> catalog.RedemptionRow | None:
        return selected_row(self.redemption_view, self.redemptions)

    def _picked_redemption(self, *_args) -> None:
        row = self.selected_redemption()
        self.reverse_button.setEnabled(row is not None and not row.reversed)

    def reverse(self) -> None:
        row = self.selected_redemption()
        if row is None or row.reversed:
            return
        reason = self.reason.text()

        def succeeded(result: catalog.ReversalResult) -> None:
            self.reason.clear()
            self.reversal_message.ok(self.tr("已撤销 {member} 的“{item}”兑换，退回 %n 分，现有 {balance} 分。", "", result.points).format(
                member=row.member_name, item=row.item_name, balance=result.balance))
            self.reload()

        Op(self, lambda operator: catalog.reverse_redemption(row.id, reason, operator),
           operator=self.operator).success(succeeded).failure(self.reversal_message.refused).run()

    def _data_changed(self, changes: Changes) -> None:
        if changes.catalog:
            self.reload()
