"""券模板 (the owner's): coupons of all four kinds, and issuing one to a list or a campaign.

The table lists every template; picking one fills the form below, 保存修改 changes it for
the coupons issued from then on (those already issued keep their terms), 停用 stops its
issuing. The form shows only the fields of the chosen kind: an amount for a 代金券, a
percentage for a 折扣券, the amount and its threshold for a 满减券, the service for a
体验券. 发放 issues the picked template to everyone on a call list or a campaign's
recipients, in the background; the same list the same day adds nobody twice.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import coupon_issue, coupon_templates
from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.coupon_templates import TemplateRow, Terms
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import CouponKind
from pharmacy_desk.ui import units
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.i18n import core, sentence
from pharmacy_desk.ui.inline import (
    InlineMessage, action_button, button_row, code_box, hinted_line, table_view, titled_box,
)
from pharmacy_desk.ui.operations import Op, Read
from pharmacy_desk.ui.table_model import Column, RowsTableModel
from pharmacy_desk.core.operator import Operator


def _state(template: TemplateRow) -> str:
    return (QCoreApplication.translate("CouponTemplatesWindow", "发放中") if template.active
            else QCoreApplication.translate("CouponTemplatesWindow", "已停用"))


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "名称"), lambda t: t.title),
    Column(QT_TRANSLATE_NOOP("Columns", "类型"), lambda t: core(CouponKind.label_of(t.kind))),
    Column(QT_TRANSLATE_NOOP("Columns", "内容"),
           lambda t: sentence(coupon_templates.describe_terms(t.terms))),
    Column(QT_TRANSLATE_NOOP("Columns", "有效天数"), lambda t: t.valid_days, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), _state),
)

# Which fields mean something for each kind (the core ignores the others).
FIELDS = {
    CouponKind.FIXED: ("value", "min_spend"),
    CouponKind.PERCENT: ("percent", "min_spend"),
    CouponKind.THRESHOLD: ("value", "min_spend"),
    CouponKind.SERVICE: ("service", "value"),
}


class CouponTemplatesWindow(QWidget):
    """券模板, opened for ``operator`` (the owner)."""

    def __init__(self, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.operator = operator
        self.setWindowTitle(self.tr("优惠券模板"))
        self.model = RowsTableModel(COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=2)
        self.view.selectionModel().selectionChanged.connect(self._picked)

        self.kind = code_box(CouponKind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.title = QLineEdit()
        self.title.setMaxLength(coupon_templates.TITLE_LIMIT)
        self.title.setPlaceholderText(self.tr("顾客看到的名称，例如 满100减10"))
        self.value = hinted_line(self.tr("元，例如 10 或 9.90"))
        self.percent = QSpinBox()
        self.percent.setRange(1, 99)
        self.percent.setSuffix(" %")
        self.percent.setToolTip(self.tr("减免的百分比：10% 即九折，按分向下取整"))
        self.min_spend = hinted_line(self.tr("元；满减券必填，其他券可不填"))
        self.service = QLineEdit()
        self.service.setMaxLength(coupon_templates.SERVICE_LIMIT)
        self.service.setPlaceholderText(self.tr("例如 免费测血压、药师咨询"))
        self.days = units.CountedSpinBox(units.DAYS)
        self.days.setRange(1, coupon_templates.VALID_DAYS_LIMIT)
        self.form = QFormLayout()
        self.form.addRow(self.tr("类型(&K)"), self.kind)
        self.form.addRow(self.tr("名称(&N)"), self.title)
        self.value_label = QLabel()
        self.form.addRow(self.value_label, self.value)
        self.form.addRow(self.tr("折扣(&P)"), self.percent)
        self.form.addRow(self.tr("使用门槛(&M)"), self.min_spend)
        self.form.addRow(self.tr("服务(&S)"), self.service)
        self.form.addRow(self.tr("发放后有效(&D)"), self.days)
        self.value_label.setBuddy(self.value)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.message = InlineMessage()

        self.add_button = action_button(self.tr("新增"), self.add)
        self.save_button = action_button(self.tr("保存修改"), self.save)
        self.retire_button = action_button(self.tr("停用"), self.toggle_active)
        self.clear_button = action_button(self.tr("清空表单"), self.clear_form)
        buttons = button_row(self.add_button, self.save_button, self.retire_button, self.clear_button)
        box = titled_box(self.tr("模板内容"), self.form, self.explain, buttons, self.message)

        self.target = QComboBox()
        for target in coupon_issue.targets():
            words = self.tr("回访名单：{title}") if target.kind == "list" else self.tr("营销活动：{title}")
            self.target.addItem(words.format(title=core(target.title)), target)
        self.issue_button = action_button(self.tr("按所选模板发放"), self.issue)
        self.issue_message = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("发给(&T)")))
        row.addWidget(self.target, 1)
        row.addWidget(self.issue_button)
        note = QLabel(self.tr("名单上今天的每位会员各发一张（退订营销的会员不在营销名单上）；同一名单同一天再发不会重复。"
                              "发给单个会员请在会员详情里点“发券…”。"))
        note.setWordWrap(True)
        issue_box = titled_box(self.tr("发放给名单"), row, note, self.issue_message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(box)
        layout.addWidget(issue_box)
        events().changed.connect(self._data_changed)
        self.reload()
        self.clear_form()
        self.resize(960, 700)

    # -- the list ---------------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        if keep is None and (picked := self.selected()) is not None:
            keep = picked.id
        Read(self, coupon_templates.all_templates).success(lambda rows: self._show(rows, keep)).failure(
            self.message.refused).run()

    def _show(self, rows: list[TemplateRow], keep: int | None) -> None:
        self.model.set_rows(rows)
        for index, row in enumerate(rows):
            if row.id == keep:
                self.view.selectRow(index)
        self._picked()

    def selected(self) -> TemplateRow | None:
        index = self.view.currentIndex()
        chosen = self.view.selectionModel().hasSelection()
        return self.model.row(index.row()) if chosen and index.isValid() else None

    def _picked(self, *_args) -> None:
        template = self.selected()
        for button in (self.save_button, self.retire_button):
            button.setEnabled(template is not None)
        self.issue_button.setEnabled(template is not None and template.active)
        if template is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(template.kind))
        self.title.setText(template.title)
        self.value.setText(yuan(template.value_fen) if template.value_fen else "")
        self.percent.setValue(template.percent_off or 10)
        self.min_spend.setText(yuan(template.min_spend_fen) if template.min_spend_fen else "")
        self.service.setText(template.service)
        self.days.setValue(template.valid_days)
        self.retire_button.setText(self.tr("停用") if template.active else self.tr("重新启用"))
        self._kind_changed()

    # -- the form ---------------------------------------------------------------------------------
    def _kind_changed(self, *_args) -> None:
        """Only the fields of the chosen kind, with a sentence on how a coupon of it is used."""
        kind = CouponKind.of(self.kind.currentData())
        shown = FIELDS[kind]
        for name in ("value", "percent", "min_spend", "service"):
            self.form.setRowVisible(getattr(self, name), name in shown)
        self.value_label.setText({
            CouponKind.FIXED: self.tr("面额(&V)"), CouponKind.THRESHOLD: self.tr("减免金额(&V)"),
            CouponKind.SERVICE: self.tr("服务价值(&V)"), CouponKind.PERCENT: self.tr("金额(&V)")}[kind])
        self.explain.setText({
            CouponKind.FIXED: self.tr("收银时抵扣面额，最多抵到应付为零。"),
            CouponKind.PERCENT: self.tr("收银时按合计金额减去这个百分比，按分向下取整。"),
            CouponKind.THRESHOLD: self.tr("消费满门槛金额才能使用，抵扣减免金额。"),
            CouponKind.SERVICE: self.tr("在柜台兑换所写的服务，不抵扣货款；服务价值只作记录，可不填。"),
        }[kind])

    def clear_form(self) -> None:
        self.view.clearSelection()
        self.kind.setCurrentIndex(self.kind.findData(CouponKind.THRESHOLD))
        for field in (self.title, self.value, self.min_spend, self.service):
            field.clear()
        self.percent.setValue(10)
        self.days.setValue(30)
        self.message.clear_message()
        self._kind_changed()
        self.title.setFocus()

    def _terms(self) -> Terms:
        """What the form says; a typed amount is read here, inside the operation, which words a refusal."""
        value, min_spend = self.value.text().strip(), self.min_spend.text().strip()
        return Terms(kind=self.kind.currentData(), title=self.title.text(), valid_days=self.days.value(),
                     value_fen=parse_amount(value) if value else 0, percent_off=self.percent.value(),
                     min_spend_fen=parse_amount(min_spend) if min_spend else 0, service=self.service.text())

    def _run(self, call, done: str) -> None:
        def succeeded(result: coupon_templates.TemplateResult) -> None:
            self.message.ok(done.format(title=result.template.title) if result.changed else self.tr("没有改动。"))
            self.reload(keep=result.template.id)

        Op(self, call, operator=self.operator).success(succeeded).failure(self.message.refused).run()

    def add(self) -> None:
        self._run(lambda operator: coupon_templates.create_template(self._terms(), operator),
                  self.tr("已新增券模板“{title}”。"))

    def save(self) -> None:
        if (template := self.selected()) is not None:
            self._run(lambda operator: coupon_templates.edit_template(template.id, self._terms(), operator),
                      self.tr("已保存“{title}”；以后发放的券按新内容，已发放的券不变。"))

    def toggle_active(self) -> None:
        if (template := self.selected()) is None:
            return
        if template.active:
            self._run(lambda operator: coupon_templates.retire_template(template.id, operator),
                      self.tr("已停用“{title}”：不再发放，已发放的券仍可使用。"))
        else:
            self._run(lambda operator: coupon_templates.set_active(template.id, True, operator),
                      self.tr("已重新启用“{title}”。"))

    # -- issuing ----------------------------------------------------------------------------------
    def issue(self) -> None:
        template, target = self.selected(), self.target.currentData()
        if template is None or target is None:
            return

        def done(result: coupon_issue.IssueResult) -> None:
            if not result.member_ids:
                self.issue_message.info(self.tr("这个名单今天没有会员，没有发券。"))
                return
            said = self.tr("已发放 {issued} 张“{title}”。").format(issued=result.issued, title=template.title)
            if result.already:
                said += self.tr("%n 位今天已经发过，没有重复发。", "", result.already)
            self.issue_message.ok(said)

        self._issue_task = Op(
            self, lambda operator, progress: coupon_issue.issue_to_target(template.id, target, operator,
                                                                          progress=progress),
            operator=self.operator).success(done).failure(self.issue_message.refused) \
            .run_in_background(self.tr("正在发券"))

    def _data_changed(self, changes: Changes) -> None:
        if changes.coupons:
            self.reload()
