"""The member in front of the cashier: who, tier, points, coupons, reminders, and (for a
pharmacist, with consent) allergies and chronic conditions. Content from ``member_summary``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core.member_summary import MemberSummary
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.pricing import format_factor
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import bonuses, listed, sentence, spaced

_NOTE = "color: #8a4b00;"
_ALERT = "color: #b00020; font-weight: bold;"


def _label(style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _birthday_note(s: MemberSummary) -> str:
    """The birthday greeting, with the points factor the month really gives (none when it gives ×1)."""
    if not s.birthday_this_month:
        return ""
    bonus = s.birthday_bonus
    if bonus is None:
        return QCoreApplication.translate("MemberPanel", "本月生日：记得送上祝福")
    return QCoreApplication.translate("MemberPanel", "本月生日：积分{factor}，记得送上祝福").format(
        factor=format_factor(bonus.factor))


class MemberPanel(QFrame):
    confirm_requested = Signal(int)  # member id whose profile the cashier has just confirmed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary: MemberSummary | None = None
        self.name_label = _label()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.tier_label = _label()
        self.phone_label = _label()
        self.balance_label = _label()
        self.expiring_label = _label()
        self.coupons_label = _label()
        self.cap_label = _label()
        self.bonus_label = _label()
        self.privileges_label = _label("color: #1b5e20;")
        self.birthday_label = _label(_NOTE)
        self.refill_label = _label(_NOTE)
        self.health_label = _label(_ALERT)
        self.confirm_label = _label(_NOTE)
        self.settled_label = _label("color: #555555; background: #e8f0e8; padding: 4px;")
        self.confirm_button = QPushButton(self.tr("资料已核对 (Ctrl+K)"))
        self.confirm_button.clicked.connect(self._confirmed)

        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.tier_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("手机 / 卡号"), self.phone_label)
        form.addRow(self.tr("积分余额"), self.balance_label)
        form.addRow(self.tr("即将到期"), self.expiring_label)
        form.addRow(self.tr("可用券"), self.coupons_label)
        form.addRow(self.tr("本月可抵现"), self.cap_label)
        form.addRow(self.tr("积分加成"), self.bonus_label)
        form.addRow(self.tr("等级特权"), self.privileges_label)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settled_label)
        layout.addLayout(head)
        layout.addLayout(form)
        for label in (self.birthday_label, self.refill_label, self.health_label):
            layout.addWidget(label)
        layout.addLayout(confirm)
        layout.addStretch(1)
        self.show_walk_in()

    def show_summary(self, s: MemberSummary, *, settled: bool = False) -> None:
        """``settled``: this member's sale is done; the panel stays for them to see their balance."""
        self.summary = s
        self.name_label.setText(s.name)
        self.tier_label.setText(s.tier_name)
        none = self.tr("无")
        self._note(self.settled_label, self.tr("已结账。下一位顾客请扫卡；直接录入金额按散客记账。") if settled else "")
        self.phone_label.setText(spaced((s.masked_phone, s.card_no)))
        self.balance_label.setText(self.tr("%n 分（可用 {usable} 分）", "", s.balance).format(
            usable=s.usable_points))
        self.expiring_label.setText(self.tr("%n 分将在 {days}内到期", "", s.expiring_points).format(
            days=units.counted(units.DAYS, s.expiring_days)) if s.expiring_points else none)
        self.expiring_label.setStyleSheet(_ALERT if s.expiring_points else "")
        self.coupons_label.setText("\n".join(sentence(c.text) for c in (*s.coupons, *s.service_coupons)) or none)
        self.cap_label.setText(self.tr("{amount} 元").format(amount=yuan(s.cap_remaining_fen)))
        self.bonus_label.setText(bonuses(s.bonuses) or none)
        self.privileges_label.setText(listed(s.privileges) or none)
        self._note(self.birthday_label, _birthday_note(s))
        self._note(self.refill_label, "\n".join(
            self.tr("用药提醒：{medicine} {bought} 购买，约 {runs_out} 用完").format(
                medicine=r.category_name + ((' ' + r.description) if r.description else ''),
                bought=f"{r.bought_on:%m-%d}", runs_out=f"{r.runs_out_on:%m-%d}") for r in s.refills))
        health = ""
        if s.health is not None:
            # Nothing written is not "none": a pharmacist must not read an empty field as 无过敏.
            unrecorded = self.tr("未记录")
            parts = [self.tr("过敏史：{allergies}").format(allergies=s.health.allergies or unrecorded),
                     self.tr("慢病：{conditions}").format(conditions=s.health.chronic_conditions or unrecorded)]
            if s.health.long_term_meds:
                parts.append(self.tr("长期用药：{medicines}").format(medicines=s.health.long_term_meds))
            health = spaced(parts)
        self._note(self.health_label, health)
        self._note(self.confirm_label, self.tr("资料很久没有核对了：请向顾客确认电话和地址") if s.needs_confirm else "")
        self.confirm_button.setVisible(s.needs_confirm)

    def show_walk_in(self) -> None:
        self.summary = None
        self.name_label.setText(self.tr("散客"))
        self.tier_label.clear()
        for label in (self.phone_label, self.balance_label, self.expiring_label, self.coupons_label,
                      self.cap_label, self.bonus_label, self.privileges_label):
            label.setText("—")
        self.expiring_label.setStyleSheet("")
        for label in (self.birthday_label, self.refill_label, self.health_label, self.confirm_label,
                      self.settled_label):
            self._note(label, "")
        self.confirm_button.hide()

    @staticmethod
    def _note(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _confirmed(self) -> None:
        if self.summary is not None:
            self.confirm_requested.emit(self.summary.member_id)
