"""退货: find a sale by its receipt (scanned or typed) or from the member's history, and return it.

The lines table says what was sold, what has already come back and what still can;
the 本次退 column is the amount to return now (all of it unless the cashier types less).
全部退货 / 部分退货 first show what will go back how (医保 to 医保, the rest as paid) and
the points; 确认退货 records it under the key the dialog made for this sale, so any
number of clicks or Enters returns it once, and the return slip goes to the receipt pane.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton, QStyledItemDelegate,
    QVBoxLayout, QWidget,
)

from pharmacy_desk.core import history, returns, slips
from pharmacy_desk.core import receipt as receipt_core
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import parse_yuan, yuan
from pharmacy_desk.core.vocabulary import PaymentMethod, ReturnReason
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui import i18n
from pharmacy_desk.ui.i18n import core, listed
from pharmacy_desk.ui.inline import InlineMessage, button_row, code_box, hinted_line, table_view, time_text
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator

RECENT_SALES = 50
SALE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda s: time_text(s.created_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "小票号"), lambda s: s.receipt_no),
    Column(QT_TRANSLATE_NOOP("Columns", "金额"), lambda s: yuan(s.total_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "实付"), lambda s: yuan(s.paid_fen), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), lambda s: core(s.return_status)),
)


def member_sales_model(member_id: int | None, parent=None) -> RowsTableModel:
    fetch = (lambda: history.sales(member_id, limit=RECENT_SALES)) if member_id is not None else (lambda: [])
    return RowsTableModel(SALE_COLUMNS, fetch, parent)


class ReturnLinesModel(RowsTableModel):
    """A sale's lines; the last column (本次退, yuan) is editable and defaults to all that is returnable."""

    AMOUNT_COLUMN = 5

    def __init__(self, parent=None):
        self.amounts: dict[int, int] = {}
        super().__init__((
            Column(QT_TRANSLATE_NOOP("Columns", "类别"), lambda l: l.category),
            Column(QT_TRANSLATE_NOOP("Columns", "说明"), lambda l: l.description),
            Column(QT_TRANSLATE_NOOP("Columns", "金额"), lambda l: yuan(l.amount_fen), align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "已退"), lambda l: yuan(l.returned_fen), align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "可退"), lambda l: yuan(l.returnable_fen), align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "本次退"), lambda l: yuan(self.amounts.get(l.id, 0)), align_right=True),
        ), parent=parent)

    def set_rows(self, rows) -> None:
        self.amounts = {line.id: line.returnable_fen for line in rows}
        super().set_rows(rows)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.AMOUNT_COLUMN and self.row(index.row()).returnable_fen > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.AMOUNT_COLUMN:
            return yuan(self.amounts.get(self.row(index.row()).id, 0))
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.AMOUNT_COLUMN:
            return False
        try:
            fen = parse_yuan(str(value))
        except InvalidInput:
            return False
        self.amounts[self.row(index.row()).id] = fen
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def wanted(self) -> dict[int, int]:
        return {line_id: fen for line_id, fen in self.amounts.items() if fen}


class LeaveOnTab(QStyledItemDelegate):
    """Tab in an open 本次退 cell keeps the amount typed and goes on to the next control (the
    reason), Shift+Tab to the one before: the lines are a short list the arrows move in, and
    Tab from cell to cell would never let the keyboard out of it."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and isinstance(editor, QWidget):
            view = self.parent()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(view, QAbstractItemView):
                view.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(editor, event)


def refund_words(method: str) -> str:
    """``医保（退回医保账户）`` in the windows' language (``slips.refund_words`` prints it on the slip)."""
    way = slips.REFUND_WAY.get(method, slips.OTHER_REFUND_WAY)
    return QCoreApplication.translate("ReturnsDialog", "{method}（{way}）").format(
        method=core(PaymentMethod.label_of(method)), way=core(way))


def describe_refunds(refunds: dict[str, int]) -> str:
    """``医保（退回医保账户）34.78、现金（现金退还）45.22``."""
    return listed(f"{refund_words(method)} {yuan(fen)}" for method, fen in refunds.items())


def _sentence(parts: list[str]) -> str:
    return (QCoreApplication.translate("ReturnsDialog", "；").join(parts)
            + QCoreApplication.translate("ReturnsDialog", "。"))


def _points_parts(refunded: int, clawed: int, shortfall: int = 0) -> list[str]:
    parts = []
    if refunded:
        parts.append(QCoreApplication.translate("ReturnsDialog", "退回抵现积分 %n", None, refunded))
    if clawed:
        parts.append(QCoreApplication.translate("ReturnsDialog", "扣回所得积分 %n", None, clawed))
    if shortfall:
        parts.append(QCoreApplication.translate("ReturnsDialog", "积分不足未能扣回 %n", None, shortfall))
    return parts


def describe_plan(plan: returns.ReturnPlan) -> str:
    """What a return will do, read to the customer before it is confirmed."""
    parts = [QCoreApplication.translate("ReturnsDialog", "将退款 {amount} 元：{refunds}").format(
        amount=yuan(plan.refund_fen), refunds=describe_refunds(plan.refunds))]
    # The points the member has spent already are said before the return, not discovered after it.
    parts += _points_parts(plan.points_refunded, plan.points_clawed, plan.points_short)
    if plan.fully_returned and plan.coupon_id is not None:
        parts.append(QCoreApplication.translate("ReturnsDialog", "优惠券退回"))
    return _sentence(parts)


def describe_return(record, refunds: dict[str, int] | None = None) -> str:
    """What came back, in the words the cashier reads to the customer."""
    refunded = QCoreApplication.translate("ReturnsDialog", "已退款 {amount} 元").format(amount=yuan(record.refund_fen))
    if refunds:
        refunded = QCoreApplication.translate("ReturnsDialog", "{refunded}：{refunds}").format(
            refunded=refunded, refunds=describe_refunds(refunds))
    parts = [refunded, *_points_parts(record.points_refunded, record.points_clawed, record.points_shortfall)]
    if record.coupon_restored:
        parts.append(QCoreApplication.translate("ReturnsDialog", "优惠券已退回"))
    return _sentence(parts)


class ReturnsDialog(QDialog):
    returned = Signal(object)  # the ReturnResult of each return recorded here

    def __init__(self, operator: Operator, member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.operator = operator
        self.member_id = member_id
        self.sale_id: int | None = None
        self._uid = str(uuid.uuid4())
        self.setWindowTitle(self.tr("退货"))
        self.resize(900, 620)

        self.receipt_edit = hinted_line(self.tr("扫描或输入小票号，回车查找"))
        self.find_button = QPushButton(self.tr("查找"))
        self.find_button.setAutoDefault(False)
        search = QHBoxLayout()
        search.addWidget(QLabel(self.tr("小票号")))
        search.addWidget(self.receipt_edit, 1)
        search.addWidget(self.find_button)

        self.sales_model = member_sales_model(member_id, self)
        self.sales_view = table_view(self.sales_model, stretch_column=4)
        self.sales_view.setVisible(member_id is not None)
        self.sale_label = QLabel(self.tr("尚未选择消费记录。"))
        self.sale_label.setWordWrap(True)
        self.lines_model = ReturnLinesModel(self)
        self.lines_view = table_view(self.lines_model, stretch_column=1)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.lines_view.setItemDelegate(LeaveOnTab(self.lines_view))
        self.message = InlineMessage()
        self.reason = code_box(ReturnReason)
        self.reason.setPlaceholderText(self.tr("请选择退货原因"))
        self.reason.setCurrentIndex(-1)  # chosen every time, never assumed
        self.all_button = QPushButton(self.tr("全部退货"))
        self.part_button = QPushButton(self.tr("部分退货"))
        self.confirm_button = QPushButton(self.tr("确认退货"))
        self.confirm_button.hide()
        self.reprint_button = QPushButton(self.tr("重印小票"))
        self.reprint_button.setToolTip(self.tr("把这笔消费的小票（含已退货情况）显示到小票区，再打印"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.reprint_button, self.all_button, self.part_button, self.confirm_button,
                       self.close_button):
            button.setAutoDefault(False)
        reason_label = QLabel(self.tr("退货原因(&R)"))
        reason_label.setBuddy(self.reason)
        buttons = button_row(reason_label, self.reason, right=(
            self.reprint_button, self.all_button, self.part_button, self.confirm_button, self.close_button))
        self._planned: tuple[int, dict[int, int] | None] | None = None  # (sale, amounts) shown for confirmation

        layout = QVBoxLayout(self)
        layout.addLayout(search)
        if member_id is not None:
            layout.addWidget(QLabel(self.tr("该会员最近的消费（选中一笔即可退货）")))
            layout.addWidget(self.sales_view, 2)
        layout.addWidget(self.sale_label)
        hint = QLabel(self.tr("“本次退”默认为全部可退金额；只退一部分时在该栏输入金额，再按“部分退货”。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.lines_view, 2)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        # Tab goes the way a return is made: the sale, its lines, the reason, then what to do with it.
        chain = [w for w in (self.receipt_edit, self.find_button, self.sales_view, self.lines_view, self.reason,
                             self.all_button, self.part_button, self.confirm_button, self.reprint_button,
                             self.close_button) if w.window() is self]  # no member: no list of their sales
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

        self.find_button.clicked.connect(self.find_receipt)
        self.sales_view.selectionModel().currentRowChanged.connect(self._sale_picked)
        self.all_button.clicked.connect(lambda: self.return_now(whole=True))
        self.part_button.clicked.connect(lambda: self.return_now(whole=False))
        self.confirm_button.clicked.connect(self.confirm)
        self.reprint_button.clicked.connect(self.reprint)
        self.reason.currentIndexChanged.connect(self._unplan)
        self.lines_model.dataChanged.connect(self._unplan)
        self.close_button.clicked.connect(self.reject)
        self._enable_actions()
        self.receipt_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter (a scanner's or the cashier's) in the receipt field looks the sale up; never closes.
        # On a button reached with Tab it presses that button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if focus is self.receipt_edit:
                self.find_receipt()
            elif isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            elif self.confirm_button.isVisible():
                self.confirm()
            return
        super().keyPressEvent(event)

    def _enable_actions(self) -> None:
        can_return = self.sale_id is not None and any(l.returnable_fen for l in self.lines_model.rows())
        self.all_button.setEnabled(can_return)
        self.part_button.setEnabled(can_return)
        self.reprint_button.setEnabled(self.sale_id is not None)

    def find_receipt(self) -> None:
        receipt_no = self.receipt_edit.text()
        if not receipt_no.strip():
            return  # a stray Enter in the empty field leaves what the dialog shows, a return's result included
        Read(self, lambda: returns.find_sale(receipt_no)).success(self._found).failure(self.message.refused).run()

    def _found(self, sale: returns.SaleToReturn) -> None:
        self.message.clear_message()
        self.load_sale(sale.id, focus_lines=True)

    def _sale_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.message.clear_message()
            self.load_sale(self.sales_model.row(current.row()).id)

    def load_sale(self, sale_id: int, *, focus_lines: bool = False) -> None:
        sale = returns.sale_to_return(sale_id)
        self.sale_id = sale_id
        self._uid = str(uuid.uuid4())  # one return of this sale, however often it is confirmed
        self._unplan()
        who = sale.member_name if sale.member_id is not None else self.tr("散客")
        self.sale_label.setText(self.tr(
            "小票 {receipt}　{time}　{who}　金额 {total} 元　实付 {paid} 元　积分抵现 {points_used}　得积分 {points_earned}")
            .format(receipt=sale.receipt_no, time=time_text(sale.created_at), who=who, total=yuan(sale.total_fen),
                    paid=yuan(sale.paid_fen), points_used=sale.points_used, points_earned=sale.points_earned))
        self.lines_model.set_fetch(lambda: history.sale_lines(sale_id))
        if focus_lines and self.lines_model.rowCount():
            # Straight into the first 本次退 cell: type a smaller amount, or press a button to return it all.
            self.lines_view.setFocus()
            self.lines_view.setCurrentIndex(self.lines_model.index(0, ReturnLinesModel.AMOUNT_COLUMN))
        self._enable_actions()

    def reprint(self) -> None:
        """The chosen sale's receipt, as it stands now, to the receipt pane for printing."""
        if self.sale_id is not None:
            sale_id = self.sale_id
            Read(self, lambda: receipt_core.build(sale_id)).success(self._reprinted).failure(self.message.refused).run()

    def _reprinted(self, receipt) -> None:
        events().slip.emit(receipt)
        self.message.info(self.tr("小票 {receipt} 已显示在小票区，按 Ctrl+P 打印。").format(receipt=receipt.receipt_no))

    def _unplan(self, *_args) -> None:
        self._planned = None
        self.confirm_button.hide()

    def return_now(self, *, whole: bool) -> None:
        """Show what returning would do; 确认退货 records it."""
        if self.sale_id is None:
            return
        if self.lines_view.state() == QAbstractItemView.State.EditingState:
            # A cell still open with a typed amount: leaving it commits the amount before we read it.
            self.lines_view.setCurrentIndex(QModelIndex())
        if self.reason.currentIndex() < 0:
            self.message.refused(self.tr("请先选择退货原因。"))
            self.reason.setFocus()
            return
        sale_id, amounts = self.sale_id, None if whole else self.lines_model.wanted()
        Read(self, lambda: returns.plan_return(sale_id, amounts)).success(
            lambda plan: self._show_plan(plan, amounts)).failure(self.message.refused).run()

    def _show_plan(self, plan: returns.ReturnPlan, amounts: dict[int, int] | None) -> None:
        text = describe_plan(plan)
        if plan.approval_reason is not None:
            text += self.tr("（{reason}，需要店长批准。）").format(reason=i18n.sentence(plan.approval_reason))
        self.message.info(text + self.tr("确认无误请按“确认退货”。"))
        self._planned = (plan.sale_id, amounts)
        self.confirm_button.show()
        self.confirm_button.setFocus()

    def confirm(self) -> None:
        if self._planned is None:
            return
        (sale_id, amounts), uid, reason = self._planned, self._uid, self.reason.currentData()
        Op(self, lambda operator: returns.return_sale(sale_id=sale_id, operator=operator, uid=uid, amounts=amounts,
                                                      reason=reason), operator=self.operator) \
            .success(self._returned) \
            .failure(self.message.refused) \
            .run()

    def _returned(self, result: returns.ReturnResult) -> None:
        self.last_return = result.sale_return
        text = describe_return(result.sale_return, result.refunds)
        if result.sale_return.member_id is not None:
            text += self.tr("会员积分余额 {balance}。").format(balance=result.balance)
        if result.tier_after is not None:
            text += self.tr("会员等级回到{tier}。").format(tier=result.tier_after.name)
        self.load_sale(self.sale_id)  # a new key: a further return of this sale is a new one
        self.message.ok(text)
        self.sales_model.refresh()
        # The confirm button has gone, and Qt would hand its focus to 重印小票: the next scanned
        # receipt's Enter would print this one again. The receipt field waits for it instead.
        self.receipt_edit.setFocus()
        self.receipt_edit.selectAll()
        events().slip.emit(slips.return_slip(result.sale_return.id))
        self.returned.emit(result)
