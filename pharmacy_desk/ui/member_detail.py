"""会员详情: one member's profile, health file and every history, in tabs.

The 健康档案 and 测量记录 tabs exist only for a pharmacist or the owner; the other
tabs are read-only lists. The window refreshes itself whenever the shared ``changed``
signal says this member changed, whether the change was made here or elsewhere.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from pharmacy_desk.core import profiles
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.permissions import Permission, can
from pharmacy_desk.ui import card_actions, member_tabs
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.inline import table_view
from pharmacy_desk.ui.member_health_tab import HealthTab, MeasurementsTab
from pharmacy_desk.ui.member_profile_tab import ProfileTab
from pharmacy_desk.core.operator import Operator


class MemberDetailDialog(QDialog):
    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self.setWindowTitle(self.tr("会员详情"))
        self.resize(1000, 640)

        self.header = QLabel()
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        self.tabs = QTabWidget()
        self.profile_tab = ProfileTab(member_id, operator)
        self.tabs.addTab(self.profile_tab, self.tr("资料"))
        self.health_tab = self.measurements_tab = None
        if profiles.may_handle_health(operator):
            self.health_tab = HealthTab(member_id, operator)
            self.tabs.addTab(self.health_tab, self.tr("健康档案"))

        self.ledger_model = member_tabs.ledger_model(member_id, self)
        self.sales_model = member_tabs.sales_model(member_id, self)
        self.coupons_model = member_tabs.coupons_model(member_id, self)
        self.tiers_model = member_tabs.tier_changes_model(member_id, self)
        for model, title, stretch in ((self.ledger_model, self.tr("积分流水"), 4),
                                      (self.sales_model, self.tr("消费记录"), 7),
                                      (self.coupons_model, self.tr("优惠券"), 4),
                                      (self.tiers_model, self.tr("等级变更"), 3)):
            self.tabs.addTab(table_view(model, stretch_column=stretch), title)
        if self.health_tab is not None:
            self.measurements_tab = MeasurementsTab(member_id, operator)
            self.tabs.addTab(self.measurements_tab, self.tr("测量记录"))

        self.card_button = QPushButton(self.tr("会员卡…"))
        self.card_button.setAutoDefault(False)
        self.card_button.setMenu(card_actions.card_menu(self, operator, lambda: [self.member_id]))
        self.adjust_button = QPushButton(self.tr("调整积分…"))
        self.adjust_button.setAutoDefault(False)
        self.adjust_button.setVisible(can(operator, Permission.ADJUST_POINTS))
        self.adjust_button.clicked.connect(self.open_adjustment)
        self.coupon_button = QPushButton(self.tr("发券…"))
        self.coupon_button.setAutoDefault(False)
        self.coupon_button.setVisible(can(operator, Permission.MANAGE_COUPONS))
        self.coupon_button.clicked.connect(self.open_issue_coupon)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.card_button)
        bottom.addWidget(self.adjust_button)
        bottom.addWidget(self.coupon_button)
        bottom.addStretch(1)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self._listening = False
        self.refresh()

    def open_adjustment(self) -> QDialog:
        """手工调整积分, over this window; the ledger tab follows the change it broadcasts."""
        from pharmacy_desk.ui.points_adjust_dialog import PointsAdjustDialog

        dialog = PointsAdjustDialog(self.member_id, self.operator, self)
        dialog.open()
        return dialog

    def open_issue_coupon(self) -> QDialog:
        """发券 to this member from a template; the 优惠券 tab follows the change it broadcasts."""
        from pharmacy_desk.ui.issue_coupon_dialog import IssueCouponDialog

        member = profiles.heading(self.member_id, self.operator, dt.date.today())
        dialog = IssueCouponDialog(self.member_id, member.name, self.operator, self)
        dialog.open()
        return dialog

    # Listen only while shown: a closed window waiting for deletion must not query a member that may be gone.
    def showEvent(self, event) -> None:
        if not self._listening:
            events().changed.connect(self._on_changed)
            self._listening = True
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        if self._listening:
            events().changed.disconnect(self._on_changed)
            self._listening = False
        super().hideEvent(event)

    def refresh(self) -> None:
        member = profiles.heading(self.member_id, self.operator, dt.date.today())
        allergies = self.tr("　<b style='color:#b00020'>过敏：{allergies}</b>").format(
            allergies=member.allergies) if member.allergies else ""
        self.header.setText(self.tr("<b>{name}</b>　{tier}　卡号 {card}　手机 {phone}　可用积分 {points}").format(
            name=member.name, tier=member.tier_name, card=member.card_no, phone=member.masked_phone,
            points=member.usable_points) + allergies)
        for model in (self.ledger_model, self.sales_model, self.coupons_model, self.tiers_model):
            model.refresh()

    def _on_changed(self, changes: Changes) -> None:
        # The tabs' own edits arrive here too: a change in one tab (consent, a sale elsewhere) shows in all.
        if changes.touches_member(self.member_id) or changes.staff:
            self.reload()

    def reload(self) -> None:
        """Everything again: header, histories and every tab."""
        self.refresh()
        self.profile_tab.load()
        for tab in (self.health_tab, self.measurements_tab):
            if tab is not None:
                tab.load()
