"""发券 (the owner's): one of the active coupon templates issued to the member of the member window.

The dialog makes its own batch number when it opens, so a double click on 发放 issues one
coupon; opening it again later issues another on purpose.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmacy_desk.core import coupon_issue, coupon_templates
from pharmacy_desk.ui.inline import InlineMessage
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.core.operator import Operator


class IssueCouponDialog(QDialog):
    def __init__(self, member_id: int, member_name: str, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self.batch = uuid.uuid4().hex
        self.setWindowTitle(self.tr("发券"))
        self.template = QComboBox()
        for template in coupon_templates.active_templates():
            # The owner's own name for it; what it gives is in the template window.
            self.template.addItem(template.title, template.id)
        form = QFormLayout()
        form.addRow(self.tr("会员"), QLabel(member_name))
        form.addRow(self.tr("券模板(&T)"), self.template)
        self.message = InlineMessage()
        if not self.template.count():
            self.message.info(self.tr("还没有可发放的券模板：请先在“店长 ▸ 优惠券模板”里新增。"))
        self.issue_button = QPushButton(self.tr("发放"))
        self.issue_button.setDefault(True)
        self.issue_button.setEnabled(self.template.count() > 0)
        self.issue_button.clicked.connect(self.issue)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def issue(self) -> None:
        template_id = self.template.currentData()
        if template_id is None:
            return

        def done(result: coupon_issue.IssueResult) -> None:
            if result.issued:
                self.message.ok(self.tr("已发放“{title}”一张。").format(title=self.template.currentText()))
            else:
                self.message.info(self.tr("这张券刚才已经发过了。"))

        Op(self, lambda operator: coupon_issue.issue_to_member(template_id, self.member_id, operator,
                                                               batch=self.batch),
           operator=self.operator).success(done).failure(self.message.refused).run()
