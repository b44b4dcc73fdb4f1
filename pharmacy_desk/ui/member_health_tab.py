"""健康档案 and 测量记录 tabs (pharmacist and owner only).

Nothing health-related is shown or kept without the member's recorded consent
(PIPL); withdrawing consent erases the file, after the pharmacist confirms. A tab reads
the file when it is first shown, and that look is recorded (查看健康档案); reading it
again after a change made while it is open is not.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from pharmacy_desk.core import profiles
from pharmacy_desk.core.vocabulary import MeasurementKind
from pharmacy_desk.ui.inline import InlineMessage, code_box, date_text, hinted_line, table_view
from pharmacy_desk.ui.member_tabs import MEASUREMENT_COLUMNS
from pharmacy_desk.ui.operations import Op
from pharmacy_desk.ui.table_model import RowsTableModel
from pharmacy_desk.core.operator import Operator

NO_CONSENT = QT_TRANSLATE_NOOP("HealthTab", "该会员尚未同意收集健康信息，不能查看或记录健康档案。")


def _no_consent() -> str:
    return QCoreApplication.translate("HealthTab", NO_CONSENT)


class _HealthPage(QWidget):
    """A tab over the member's health file: read, and the look recorded, when first shown."""

    what = "健康档案"  # the audit log's detail of the look, stored as written

    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self.member_id = member_id
        self.operator = operator
        self.opened = False

    def showEvent(self, event) -> None:
        if not self.opened:
            self.opened = True
            self._read(lambda operator: profiles.open_health_record(self.member_id, operator, self.what))
        super().showEvent(event)

    def load(self) -> None:
        """Read the file again (after a change); nothing before the tab was first shown."""
        if self.opened:
            self._read(lambda operator: profiles.health_record(self.member_id, operator))

    def _read(self, reader) -> None:
        Op(self, reader, operator=self.operator).success(self.show_record).failure(self.message.refused).run()

    def show_record(self, record: profiles.HealthRecord) -> None:
        raise NotImplementedError


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(60)
    return box


class HealthTab(_HealthPage):
    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(member_id, operator, parent)
        self.pages = QStackedWidget()

        consent_page = QWidget()
        self.consent_box = QCheckBox(self.tr("会员本人已同意收集其健康信息（慢病、过敏史、用药、测量记录）"))
        self.record_consent_button = QPushButton(self.tr("记录同意"))
        self.record_consent_button.setEnabled(False)
        self.consent_box.toggled.connect(self.record_consent_button.setEnabled)
        consent_layout = QVBoxLayout(consent_page)
        consent_layout.addWidget(QLabel(_no_consent()))
        consent_layout.addWidget(self.consent_box)
        consent_layout.addWidget(self.record_consent_button, 0, Qt.AlignmentFlag.AlignLeft)
        consent_layout.addStretch(1)

        file_page = QWidget()
        self.consent_label = QLabel()
        self.chronic_edit = _text_box(self.tr("如：高血压、2型糖尿病"))
        self.allergy_edit = _text_box(self.tr("如：青霉素过敏"))
        self.meds_edit = _text_box(self.tr("如：氨氯地平片 5mg 每日一次"))
        self.save_button = QPushButton(self.tr("保存健康档案"))
        self.withdraw_button = QPushButton(self.tr("撤回同意并删除健康信息"))
        form = QFormLayout()
        form.addRow(self.tr("慢病"), self.chronic_edit)
        form.addRow(self.tr("过敏史"), self.allergy_edit)
        form.addRow(self.tr("长期用药"), self.meds_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        file_layout = QVBoxLayout(file_page)
        file_layout.addWidget(self.consent_label)
        file_layout.addLayout(form)
        file_layout.addStretch(1)
        file_layout.addLayout(buttons)

        self.pages.addWidget(consent_page)
        self.pages.addWidget(file_page)

        # 病史 from a legacy list: shown to be confirmed with the member, never taken as the file's.
        self.to_confirm_box = QGroupBox(self.tr("导入的病史（待与会员确认）"))
        self.to_confirm_edit = _text_box(self.tr("会员确认后可修改再写入"))
        self.to_confirm_hint = QLabel()
        self.to_confirm_hint.setWordWrap(True)
        self.confirm_history_button = QPushButton(self.tr("会员已确认，写入慢病"))
        confirm_layout = QVBoxLayout(self.to_confirm_box)
        confirm_layout.addWidget(self.to_confirm_hint)
        confirm_layout.addWidget(self.to_confirm_edit)
        confirm_layout.addWidget(self.confirm_history_button, 0, Qt.AlignmentFlag.AlignRight)
        self.to_confirm_box.hide()

        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.to_confirm_box)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)

        self.record_consent_button.clicked.connect(self.record_consent)
        self.save_button.clicked.connect(self.save)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.confirm_history_button.clicked.connect(self.confirm_history)

    def show_record(self, record: profiles.HealthRecord) -> None:
        visible = record.consented_on is not None
        self.pages.setCurrentIndex(1 if visible else 0)
        self.consent_box.setChecked(False)
        self.consent_label.setText(self.tr("会员已于 {date} 同意收集健康信息。").format(
            date=date_text(record.consented_on)) if visible else "")
        self.chronic_edit.setPlainText(record.chronic_conditions)
        self.allergy_edit.setPlainText(record.allergies)
        self.meds_edit.setPlainText(record.long_term_meds)
        self.to_confirm_box.setVisible(bool(record.to_confirm))
        self.to_confirm_edit.setPlainText(record.to_confirm)
        self.confirm_history_button.setEnabled(visible)
        self.to_confirm_hint.setText(
            self.tr("从旧名单导入，尚未与会员核实：请当面询问会员，确认后写入健康档案。") if visible else
            self.tr("从旧名单导入，尚未与会员核实：会员同意收集健康信息后，才能确认写入健康档案。"))

    def _run(self, call, done_text: str) -> None:
        Op(self, call, operator=self.operator) \
            .success(lambda _update: self._done(done_text)) \
            .failure(self.message.refused) \
            .run()

    def _done(self, text: str) -> None:
        self.message.ok(text)
        self.load()

    def record_consent(self) -> None:
        self._run(lambda operator: profiles.record_health_consent(self.member_id, operator, True),
                  self.tr("已记录会员的同意。"))

    def save(self) -> None:
        chronic, allergies, meds = (self.chronic_edit.toPlainText(), self.allergy_edit.toPlainText(),
                                    self.meds_edit.toPlainText())
        self._run(lambda operator: profiles.update_health_file(
            self.member_id, operator, chronic_conditions=chronic, allergies=allergies, long_term_meds=meds),
            self.tr("健康档案已保存。"))

    def confirm_history(self) -> None:
        text = self.to_confirm_edit.toPlainText()
        self._run(lambda operator: profiles.confirm_imported_history(self.member_id, operator, text),
                  self.tr("导入的病史已确认，写入慢病。"))

    def withdraw(self) -> None:
        answer = QMessageBox.question(self, self.tr("撤回同意"),
                                      self.tr("撤回后将删除该会员的慢病、过敏史、用药和全部测量记录，且无法恢复。确定吗？"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda operator: profiles.record_health_consent(self.member_id, operator, False),
                  self.tr("已撤回同意，健康信息已删除。"))


class MeasurementsTab(_HealthPage):
    what = "测量记录"  # the audit log's detail of the look, stored as written

    def __init__(self, member_id: int, operator: Operator, parent: QWidget | None = None):
        super().__init__(member_id, operator, parent)
        self.model = RowsTableModel(MEASUREMENT_COLUMNS, parent=self)
        self.view = table_view(self.model, stretch_column=4)
        self.kind_box = code_box(MeasurementKind)
        self.systolic_edit = hinted_line(self.tr("收缩压"))
        self.diastolic_edit = hinted_line(self.tr("舒张压"))
        self.glucose_edit = hinted_line(self.tr("血糖"))
        self.notes_edit = hinted_line(self.tr("备注，如：空腹"))
        self.add_button = QPushButton(self.tr("记录"))
        self.notice = QLabel(_no_consent())
        self.message = InlineMessage()
        entry = QHBoxLayout()
        entry.addWidget(self.kind_box)
        entry.addWidget(self.systolic_edit)
        self.slash_label, self.bp_unit_label, self.glucose_unit_label = QLabel("/"), QLabel("mmHg"), QLabel("mmol/L")
        entry.addWidget(self.slash_label)
        entry.addWidget(self.diastolic_edit)
        entry.addWidget(self.bp_unit_label)
        entry.addWidget(self.glucose_edit)
        entry.addWidget(self.glucose_unit_label)
        entry.addWidget(self.notes_edit, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.kind_box.currentIndexChanged.connect(self._show_fields)
        for edit in (self.systolic_edit, self.diastolic_edit, self.glucose_edit, self.notes_edit):
            edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self._show_fields()
        self.show_record(profiles.HealthRecord(member_id, None, "", "", "", ()))  # until first shown

    def _show_fields(self) -> None:
        bp = self.kind_box.currentData() == MeasurementKind.BP
        for widget in (self.systolic_edit, self.slash_label, self.diastolic_edit, self.bp_unit_label):
            widget.setVisible(bp)
        for widget in (self.glucose_edit, self.glucose_unit_label):
            widget.setVisible(not bp)

    def show_record(self, record: profiles.HealthRecord) -> None:
        visible = record.consented_on is not None
        self.notice.setVisible(not visible)
        for widget in (self.view, self.kind_box, self.systolic_edit, self.diastolic_edit, self.glucose_edit,
                       self.notes_edit, self.add_button):
            widget.setEnabled(visible)
        self.model.set_rows(list(record.measurements))

    def add(self) -> None:
        kind, systolic, diastolic, glucose, notes = (
            self.kind_box.currentData(), self.systolic_edit.text(), self.diastolic_edit.text(),
            self.glucose_edit.text(), self.notes_edit.text())
        # the core reads only the fields of the chosen kind
        Op(self, lambda operator: profiles.add_measurement(self.member_id, operator, kind, systolic=systolic,
                                                            diastolic=diastolic, glucose=glucose, notes=notes),
           operator=self.operator) \
            .success(lambda _measured: self._measured()) \
            .failure(self.message.refused) \
            .run()

    def _measured(self) -> None:
        for edit in (self.systolic_edit, self.diastolic_edit, self.glucose_edit, self.notes_edit):
            edit.clear()
        self.message.ok(self.tr("测量已记录。"))
        self.load()
