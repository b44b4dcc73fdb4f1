"""等级: the declared tier settings and the ladder, checked as a whole while it is edited."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLineEdit, QSpinBox, QVBoxLayout, QWidget

from pharmacy_desk.core import owner_settings, rules
from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.owner_settings import Pending
from pharmacy_desk.core.tiers import TierRow
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.settings.page import RowsPage
from pharmacy_desk.ui.settings.tables import cell_line

LADDER_HEADERS = (QT_TRANSLATE_NOOP("Columns", "等级"), QT_TRANSLATE_NOOP("Columns", "消费门槛（元）"),
                  QT_TRANSLATE_NOOP("Columns", "消费次数"), QT_TRANSLATE_NOOP("Columns", "积分倍数"),
                  QT_TRANSLATE_NOOP("Columns", "每月兑换上限（元）"), QT_TRANSLATE_NOOP("Columns", "特权（、分隔）"))
NAME, SPEND, VISITS, MULTIPLIER, CAP, PRIVILEGES = range(6)


class TiersPage(RowsPage):
    NAME, TITLE, GROUPS = "tiers", QT_TRANSLATE_NOOP("SettingsPage", "会员等级"), ("等级",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "会员在计算周期内的消费金额和次数都达到门槛即升到该等级；高等级的门槛不能低于低等级。"
                                              "保存后自下一笔销售和下一次月度评定起按新规则执行，已记的积分不重算。")

    def add_parts(self, layout: QVBoxLayout) -> None:
        self.ladder = self.add_rows(layout, self.tr("等级阶梯"), LADDER_HEADERS)
        self._tiers: list[TierRow] = []

    def read_rows(self) -> list[TierRow]:
        self._tiers = owner_settings.tiers()
        return self._tiers

    def row_cells(self, tier: TierRow) -> dict[int, QWidget]:
        def line(text: str) -> QLineEdit:
            return cell_line(text, self.check_rows)

        return {NAME: line(tier.name), SPEND: line(yuan(tier.min_spend_fen)),
                VISITS: self.count_cell(tier.min_visits, units.VISITS),
                MULTIPLIER: line(format(Decimal(tier.multiplier).normalize(), "f")),
                CAP: line(yuan(tier.monthly_cap_fen)), PRIVILEGES: line(tier.privileges)}

    def cell(self, code: str, column: int) -> QLineEdit | QSpinBox:
        row = next(i for i, t in enumerate(self._tiers) if t.code == code)
        widget = self.ladder.cellWidget(row, column)
        assert isinstance(widget, (QLineEdit, QSpinBox))
        return widget

    def _typed(self, row: int) -> dict[str, Any]:
        def text(column: int) -> str:
            return self.ladder.cellWidget(row, column).text()  # type: ignore[attr-defined]

        name = text(NAME).strip()
        try:
            multiplier = Decimal(text(MULTIPLIER).strip())
        except InvalidOperation:
            raise InvalidInput(self.tr("{tier}的积分倍数“{typed}”无法识别。").format(tier=name, typed=text(MULTIPLIER))) from None
        return {"name": name, "min_spend_fen": parse_amount(text(SPEND)),
                "min_visits": self.ladder.cellWidget(row, VISITS).value(),  # type: ignore[attr-defined]
                "multiplier": multiplier, "monthly_cap_fen": parse_amount(text(CAP)),
                "privileges": text(PRIVILEGES).strip()}

    def rows_problem(self) -> str:
        try:
            edited = [replace(tier, **self._typed(row)) for row, tier in enumerate(self._tiers)]
        except InvalidInput as refusal:
            return sentence(refusal.sentence)
        problem = rules.ladder_problem(edited)
        return sentence(problem) if problem is not None else ""

    def pending(self, into: Pending) -> None:
        super().pending(into)
        for row, tier in enumerate(self._tiers):
            typed = self._typed(row)
            changes = {name: value for name, value in typed.items()
                       if (Decimal(getattr(tier, name)) != value if name == "multiplier" else getattr(tier, name) != value)}
            if changes:
                into.tiers[tier.code] = changes
