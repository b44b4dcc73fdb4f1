"""体验券 at the counter: the member's service coupons, each redeemed for its service with no sale.

Shown under the member panel only when the member holds one. 兑换服务 records the use
once (``coupons.redeem_service``; the uid is made when the member is shown, so a double
click is one redemption) and says what to give the member.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core import coupons
from pharmacy_desk.core.member_summary import MemberSummary
from pharmacy_desk.ui.inline import InlineMessage
from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.operations import Op


class ServiceCoupons(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("体验券"))
        self.member_id: int | None = None
        self.uid = uuid.uuid4().hex
        self.choice = QComboBox()
        self.redeem_button = QPushButton(self.tr("兑换服务"))
        self.redeem_button.setAutoDefault(False)
        self.redeem_button.setToolTip(self.tr("顾客用体验券换取所写的服务，不收款，每张只能用一次"))
        self.redeem_button.clicked.connect(self.redeem)
        self.message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.redeem_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.set_member(None)

    def set_member(self, summary: MemberSummary | None) -> None:
        """This member's 体验券; hidden for a walk-in or a member without one. A new member clears the message."""
        member_id = summary.member_id if summary is not None else None
        if member_id != self.member_id:
            self.message.clear_message()
            self.uid = uuid.uuid4().hex
        self.member_id = member_id
        self.choice.clear()
        for choice in summary.service_coupons if summary is not None else ():
            self.choice.addItem(sentence(choice.text), choice.coupon_id)
        held = self.choice.count() > 0
        self.redeem_button.setEnabled(held)
        for widget in (self.choice, self.redeem_button):  # after the last one, only what to give stays
            widget.setVisible(held)
        self.setVisible(self.choice.count() > 0 or (self.member_id is not None and self.message.isVisibleTo(self)))

    def redeem(self) -> None:
        coupon_id, member_id = self.choice.currentData(), self.member_id
        if coupon_id is None or member_id is None:
            return
        uid = self.uid

        def done(result: coupons.ServiceResult) -> None:
            self.uid = uuid.uuid4().hex  # the next coupon is a redemption of its own
            self.message.ok(self.tr("已兑换：{service}。请为顾客提供服务。").format(service=result.service))
            self.setVisible(True)

        Op(self, lambda operator: coupons.redeem_service(coupon_id, member_id, operator, uid=uid)) \
            .success(done).failure(self.message.refused).run()
