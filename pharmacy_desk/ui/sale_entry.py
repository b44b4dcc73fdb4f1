"""录入消费: amounts by category, coupon, points as cash, payment; live preview; Enter records.

Each form carries one sale ``uid`` made when the form is (re)set, so a double Enter
or a scanner's bounce replays the same uid and ``sales.record_sale`` records once;
``_busy`` also refuses a second Enter while the first is being recorded.

Everything typed in an amount field is an amount: a scanned card is caught before it
gets here (``ui.scanner``). An amount the core finds unusual (above the confirm
threshold, far above the member's usual) is recorded only after one more key, F9;
Enter again just repeats the question, so a double Enter never confirms a typo.

Beside each category a 医保 box says whether the insurance paid it; prescriptions are
ticked to begin with. Untouched, the core puts 医保 on the prescriptions first; once the
cashier changes a box, exactly the ticked categories are the ones it paid. The large
应付 is what the customer pays; the insured part stands beside it.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from pharmacy_desk.core import sales
from pharmacy_desk.core.errors import NeedsConfirmation
from pharmacy_desk.core.member_summary import MemberSummary
from pharmacy_desk.core.normalize import parse_yuan, yuan
from pharmacy_desk.core.sentences import Sentence
from pharmacy_desk.core.vocabulary import PaymentMethod
from pharmacy_desk.ui import i18n, units
from pharmacy_desk.ui.i18n import bonuses, core, listed, spaced
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.core.operator import Operator

# 医保 is a split beside one of these.
MAIN_METHODS = (PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CASH, PaymentMethod.CARD)
CONFIRM_KEY = "F9"
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class AmountField(QLineEdit):
    def __init__(self, placeholder: str = "0.00"):
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaximumWidth(120)
        # Room for an amount in the thousands whatever the labels beside it take (English words are
        # wider than their Chinese).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888.88") + 14)


class SaleEntry(QWidget):
    recorded = Signal(object)  # sales.SaleResult
    leave_requested = Signal()  # Esc: back to the search box

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._busy = False
        self.summary: MemberSummary | None = None
        self.uid = uuid.uuid4().hex
        # Why the amounts as typed need the cashier's confirmation, and whether they gave it.
        self.confirm_reason: Sentence | None = None
        self.amount_confirmed = False

        self.amounts: dict[str, AmountField] = {}
        self.days: dict[str, QSpinBox] = {}
        self.medicines: dict[str, QLineEdit] = {}
        self.insured: dict[str, QCheckBox] = {}
        self._insured_default: dict[str, bool] = {}
        self.insurance_marked = False  # the cashier changed a 医保 box: the ticked ones are what it paid
        grid = QGridLayout()
        categories = sales.till_categories()
        self._categories = categories
        per_column = (len(categories) + 1) // 2
        for index, category in enumerate(categories):
            field = AmountField()
            label = QLabel(f"{category.name}(&{category.hotkey})" if category.hotkey else category.name)
            label.setBuddy(field)
            self.amounts[category.code] = field
            row, col = index % per_column, (index // per_column) * 4
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1)
            if category.is_prescription:
                # 用药天数 and the medicine's name feed the refill reminder: the call names the
                # medicine, and two medicines bought together are two reminders.
                spin = units.CountedSpinBox(units.DAYS)
                spin.setRange(0, 365)
                spin.setSpecialValueText(self.tr("天数"))
                spin.setToolTip(self.tr("可用天数（慢病用药提醒用）"))
                self.days[category.code] = spin
                medicine = QLineEdit()
                medicine.setPlaceholderText(self.tr("药品名"))
                medicine.setToolTip(self.tr("慢病用药的药品名，续药提醒时告诉会员"))
                medicine.setMaximumWidth(110)
                medicine.setMinimumWidth(medicine.fontMetrics().horizontalAdvance(medicine.placeholderText()) + 14)
                self.medicines[category.code] = medicine
                cell = QHBoxLayout()
                cell.addWidget(spin)
                cell.addWidget(medicine)
                grid.addLayout(cell, row, col + 2)
            box = QCheckBox(self.tr("医保"))
            box.setToolTip(self.tr("医保支付了{category}").format(category=category.name))
            box.setChecked(category.is_prescription)
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from amount to amount
            self.insured[category.code] = box
            self._insured_default[category.code] = category.is_prescription
            box.toggled.connect(self._insurance_mark_changed)
            grid.addWidget(box, row, col + 3)
            field.textChanged.connect(self.update_preview)
        for spin in self.days.values():
            spin.valueChanged.connect(self.update_preview)
        amounts_box = QGroupBox(self.tr("金额（元）"))
        amounts_box.setLayout(grid)

        self.coupon = QComboBox()
        self.points = QComboBox()
        self.method = QComboBox()
        for code in MAIN_METHODS:
            self.method.addItem(core(code.label), code.value)
        self.insurance = AmountField()
        for widget in (self.coupon, self.points, self.method):
            widget.currentIndexChanged.connect(self.update_preview)
        self.insurance.textChanged.connect(self.update_preview)
        options = QGridLayout()
        for row, (text, widget) in enumerate(((self.tr("优惠券(&Q)"), self.coupon), (self.tr("积分抵现(&J)"), self.points))):
            label = QLabel(text)
            label.setBuddy(widget)
            options.addWidget(label, row, 0)
            options.addWidget(widget, row, 1, 1, 3)
        for col, (text, widget) in enumerate(((self.tr("支付方式(&F)"), self.method),
                                               (self.tr("医保支付(&Y)"), self.insurance))):
            label = QLabel(text)
            label.setBuddy(widget)
            options.addWidget(label, 2, col * 2)
            options.addWidget(widget, 2, col * 2 + 1)
        options.setColumnStretch(1, 1)
        options.setColumnStretch(3, 1)

        self.due_label = QLabel()
        font = self.due_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.due_label.setFont(font)
        self.insured_label = QLabel()  # the 医保 part, beside what the customer pays
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.record_button = QPushButton(self.tr("记账 (Enter)"))
        self.record_button.clicked.connect(self.submit)
        self.confirm_button = QPushButton(self.tr("金额无误，记账 ({key})").format(key=CONFIRM_KEY))
        self.confirm_button.clicked.connect(self.confirm_amount)
        self.confirm_button.hide()
        QShortcut(QKeySequence(CONFIRM_KEY), self, self.confirm_amount,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bottom = QHBoxLayout()
        bottom.addWidget(self.due_label)
        bottom.addWidget(self.insured_label, 1)
        bottom.addWidget(self.confirm_button)
        bottom.addWidget(self.record_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(amounts_box)
        layout.addLayout(options)
        layout.addLayout(bottom)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.message)
        self.set_member(None)

    # -- state ---------------------------------------------------------------------------------
    def set_member(self, summary: MemberSummary | None) -> None:
        """Coupons and points of this member (or none for a walk-in); typed amounts stay."""
        self.summary = summary
        self.coupon.blockSignals(True)
        self.points.blockSignals(True)
        self.coupon.clear()
        self.points.clear()
        self.coupon.addItem(self.tr("不用券"), None)
        self.points.addItem(self.tr("不用积分"), 0)
        if summary is not None:
            for choice in summary.coupons:
                self.coupon.addItem(i18n.sentence(choice.text), choice.coupon_id)
            for points, fen in summary.points_options:
                self.points.addItem(self.tr("%n 分抵 {amount} 元", "", points).format(amount=yuan(fen)), points)
        self.coupon.setEnabled(self.coupon.count() > 1)
        self.points.setEnabled(self.points.count() > 1)
        self.coupon.blockSignals(False)
        self.points.blockSignals(False)
        self.update_preview()

    def reset(self) -> None:
        """A fresh form with a new sale uid (the payment method stays: cashiers repeat it)."""
        for widget in list(self.amounts.values()) + list(self.medicines.values()) + [self.insurance]:
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for spin in self.days.values():
            spin.blockSignals(True)
            spin.setValue(0)
            spin.blockSignals(False)
        for code, box in self.insured.items():
            box.blockSignals(True)
            box.setChecked(self._insured_default[code])
            box.blockSignals(False)
        self.insurance_marked = False
        self.uid = uuid.uuid4().hex
        self.set_member(self.summary)

    def next_customer(self) -> None:
        """A new customer at the counter: what was said about the last one's sale (已记账, an upgrade) goes."""
        self._say("", "")

    def forget_last_sale(self) -> None:
        """A return was made since: what was said of the last sale recorded (an upgrade the return
        may have undone) no longer holds; a message about the sale being typed stays."""
        if self.message.styleSheet() == OK_STYLE:
            self._say("", "")

    def focus_first_amount(self) -> None:
        first = next(iter(self.amounts.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def type_into_focused_amount(self, text: str) -> None:
        """Keys the cashier typed for this sale before the form had the focus (a dialog closing)."""
        field = next((f for f in self.amounts.values() if f.hasFocus()), next(iter(self.amounts.values())))
        field.insert(text)

    def _insurance_mark_changed(self) -> None:
        self.insurance_marked = True
        self.update_preview()

    def has_amounts(self) -> bool:
        return any(field.text().strip() for field in self.amounts.values())

    # -- the sale ---------------------------------------------------------------------------------
    def order(self) -> sales.SaleInput:
        """What the form says, as a ``SaleInput`` without the main payment yet."""
        lines = []
        for code, field in self.amounts.items():
            if field.text().strip():
                spin, medicine = self.days.get(code), self.medicines.get(code)
                lines.append(sales.LineInput(code, parse_yuan(field.text()),
                                             description=medicine.text().strip() if medicine else "",
                                             days_supply=(spin.value() or None) if spin else None))
        insurance = parse_yuan(self.insurance.text()) if self.insurance.text().strip() else 0
        return sales.SaleInput(
            lines=lines, payments={PaymentMethod.INSURANCE: insurance} if insurance else {},
            member_id=self.summary.member_id if self.summary else None,
            coupon_id=self.coupon.currentData(), points_used=self.points.currentData() or 0,
            amount_confirmed=self.amount_confirmed,
            insured_categories=tuple(code for code, box in self.insured.items() if box.isChecked())
            if self.insurance_marked else None)

    def _priced(self) -> tuple[sales.SaleInput, sales.PricedSale]:
        order = self.order()
        priced = sales.preview(order)
        rest = priced.quote.due_fen - order.payments.get(PaymentMethod.INSURANCE, 0)
        if rest:
            order.payments[self.method.currentData()] = rest
        return order, priced

    def update_preview(self) -> None:
        # Whatever changed, a confirmation given for the amounts before no longer holds.
        self.amount_confirmed = False
        self.confirm_reason = None
        self.confirm_button.hide()
        self.insured_label.clear()
        if not self.has_amounts():
            self.due_label.setText(self.tr("应付 {amount} 元").format(amount=yuan(0)))
            self.detail_label.setText(self.tr("按类别录入金额（Alt+数字键跳到该类别），回车记账。"))
            if self.message.styleSheet() != OK_STYLE:  # keep "已记账" after the form is cleared
                self._say("", "")
            return
        # Refusals are shown inline: a queue does not wait for boxes.
        Read(self, self._priced).success(self._show_preview).failure(self._preview_refused).run()

    def _preview_refused(self, text: str) -> None:
        self.due_label.setText(self.tr("应付 —"))
        self.detail_label.clear()
        self._say(text, ERROR_STYLE)

    def _show_preview(self, priced_order: tuple[sales.SaleInput, sales.PricedSale]) -> None:
        order, priced = priced_order
        q = priced.quote
        parts = [self.tr("合计 {amount}").format(amount=yuan(q.total_fen))]
        if q.coupon_discount_fen:
            parts.append(self.tr("券 −{amount}").format(amount=yuan(q.coupon_discount_fen)))
        if q.points_cash_fen:
            parts.append(self.tr("积分抵现 −{amount}").format(amount=yuan(q.points_cash_fen)))
        parts.append(spaced(f"{core(PaymentMethod.label_of(m))} {yuan(a)}" for m, a in order.payments.items()))
        insured = order.payments.get(PaymentMethod.INSURANCE, 0)
        if priced.member_id is None:
            parts.append(self.tr("散客不积分"))
        elif q.bonuses:
            parts.append(self.tr("本单积分 +{points}（{bonuses}）").format(points=q.points_earned,
                                                                     bonuses=bonuses(q.bonuses)))
        else:
            parts.append(self.tr("本单积分 +{points}").format(points=q.points_earned))
        self.due_label.setText(self.tr("应付 {amount} 元").format(amount=yuan(q.due_fen - insured)))
        if insured:
            names = dict((c.code, c.name) for c in self._categories)
            paid = listed(names[line.category] for line, lq in zip(order.lines, q.lines) if lq.insurance_share_fen)
            self.insured_label.setText(self.tr("＋ 医保 {insured} 元（{categories}）　共 {total} 元").format(
                insured=yuan(insured), categories=paid, total=yuan(q.due_fen)))
        self.detail_label.setText(spaced(p for p in parts if p))
        self.confirm_reason = priced.confirm_reason
        self._say("", "")

    def submit(self) -> None:
        if self._busy or not self.has_amounts():
            return  # a second Enter on a just-cleared form is a bounce, not a sale
        if self.confirm_reason is not None and not self.amount_confirmed:
            self._ask_confirmation(self.confirm_reason)
            return
        self._busy = True
        try:
            Op(self, self._record).success(self._recorded).failure(lambda text: self._say(text, ERROR_STYLE)) \
                .after_failure(self._refused).run()
        finally:
            self._busy = False

    def confirm_amount(self) -> None:
        """F9: the cashier has checked the unusual amount; record it."""
        if self.confirm_reason is None or not self.confirm_button.isVisible():
            return
        self.amount_confirmed = True
        self.submit()

    def _ask_confirmation(self, reason: Sentence) -> None:
        self._say(self.tr("{reason}。金额无误请按 {key} 记账；打错了请直接修改金额。").format(
            reason=i18n.sentence(reason), key=CONFIRM_KEY),
                  ERROR_STYLE)
        self.confirm_button.show()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, NeedsConfirmation):  # the core saw a reason the preview had not shown yet
            self.confirm_reason = error.reason
            self.amount_confirmed = False
            self._ask_confirmation(self.confirm_reason)

    def _record(self, operator: Operator) -> sales.SaleResult:
        order, _ = self._priced()
        return sales.record_sale(order, operator=operator, uid=self.uid)

    def _recorded(self, result: sales.SaleResult) -> None:
        self.reset()
        upgraded = self.tr("会员升级为{tier}，请告知顾客。").format(tier=result.new_tier.name) if result.new_tier else ""
        self._say(self.tr("已记账：单号 {receipt}，应付 {amount} 元。").format(
            receipt=result.sale.receipt_no, amount=yuan(result.sale.paid_fen)) + upgraded, OK_STYLE)
        self.recorded.emit(result)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits, spin boxes and closed combo boxes pass Enter and Esc up to here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()
        else:
            super().keyPressEvent(event)
