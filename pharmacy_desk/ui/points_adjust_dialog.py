"""手工调整积分 (the owner's): add or take points from one member, with the reason required.

The adjustment is a new ledger entry (never an edit of an old one), shown in the member's
积分流水 with its reason and in the audit log with the points and the reason.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import ledger, profiles
from pharmacy_desk.ui import units
from pharmacy_desk.ui.inline import InlineMessage
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.core.operator import Operator

LIMIT = 1_000_000


class PointsAdjustDialog(QDialog):
    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self._key = f"adjust:{uuid.uuid4()}"
        self.setWindowTitle(self.tr("调整积分"))
        member = profiles.heading(member_id, operator, dt.date.today())
        self.header = QLabel(self.tr("<b>{name}</b>　{tier}　可用积分 {points}").format(
            name=member.name, tier=member.tier_name, points=member.usable_points))
        self.points = units.CountedSpinBox(units.POINTS)
        self.points.setRange(-LIMIT, LIMIT)
        self.points.setToolTip(self.tr("正数为增加积分，负数为扣减积分"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(60)
        self.reason.setPlaceholderText(self.tr("必填，例如：补录 11 月 3 日漏积的消费"))
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + 16)
        form = QFormLayout()
        form.addRow(self.tr("调整积分(&P)"), self.points)
        form.addRow(self.tr("原因(&R)"), self.reason)
        note = QLabel(self.tr("增加的积分按今天起算有效期；扣减从最早到期的积分扣起。调整另记一笔，原有流水不改。"))
        note.setWordWrap(True)
        self.message = InlineMessage()
        self.apply_button = QPushButton(self.tr("确认调整"))
        self.apply_button.setDefault(True)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self.apply)
        close_button.clicked.connect(self.reject)
        # A changed amount or reason is a new attempt; the same one clicked twice adjusts once.
        self.points.valueChanged.connect(self._renew_key)
        self.reason.textChanged.connect(self._renew_key)
        self.points.setFocus()

    def _renew_key(self, *_args) -> None:
        self._key = f"adjust:{uuid.uuid4()}"

    def apply(self) -> None:
        points, reason, key = self.points.value(), self.reason.text(), self._key

        def done(result: ledger.Adjustment) -> None:
            self.message.ok(self.tr("已调整 {points} 分，现有 {balance} 分。", "", abs(result.points)).format(
                points=f"{result.points:+d}", balance=result.balance))

        Op(self, lambda operator: ledger.adjust_points(self.member_id, points, reason, operator, key),
           operator=self.operator).success(done).failure(self.message.refused).run()
