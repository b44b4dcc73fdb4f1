"""积分: the declared points settings, and each category's rate (points per block paid)."""

from __future__ import annotations


from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from pharmacy_desk.core import owner_settings
from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.owner_settings import CategoryRate, Pending
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import sentence
from pharmacy_desk.ui.settings.page import RowsPage
from pharmacy_desk.ui.settings.tables import cell_line

RATE_HEADERS = (QT_TRANSLATE_NOOP("Columns", "类别"), QT_TRANSLATE_NOOP("Columns", "每档积分"),
                QT_TRANSLATE_NOOP("Columns", "每档金额（元）"))


class PointsPage(RowsPage):
    NAME, TITLE, GROUPS = "points", QT_TRANSLATE_NOOP("SettingsPage", "积分"), ("积分",)
    INTRO = QT_TRANSLATE_NOOP("SettingsPage", "每个类别按实付金额计积分。保存后自下一笔销售起按新规则执行；"
                                              "已经记下的积分不会重新计算。")

    def add_parts(self, layout: QVBoxLayout) -> None:
        self.rates = self.add_rows(layout, self.tr("各类别积分规则"), RATE_HEADERS, self.tr(
            "一个类别的积分 = 该类别实付金额 ÷ 每档金额 × 每档积分，舍去小数；处方药通常为 0 分。"))
        self._categories: list[CategoryRate] = []

    def read_rows(self) -> list[CategoryRate]:
        self._categories = owner_settings.categories()
        return self._categories

    def row_cells(self, category: CategoryRate) -> dict[int, QWidget]:
        return {0: QLabel(category.name), 1: self.count_cell(category.points_per_block, units.POINTS),
                2: cell_line(yuan(category.block_fen), self.check_rows)}

    def points_box(self, code: str) -> QSpinBox:
        row = next(i for i, c in enumerate(self._categories) if c.code == code)
        widget = self.rates.cellWidget(row, 1)
        assert isinstance(widget, QSpinBox)
        return widget

    def _typed(self, row: int) -> tuple[int, int]:
        points, block = self.rates.cellWidget(row, 1), self.rates.cellWidget(row, 2)
        block_fen = parse_amount(block.text())  # type: ignore[attr-defined]
        if block_fen <= 0:
            raise InvalidInput(self.tr("{category}：每档金额必须大于 0 元。").format(category=self._categories[row].name))
        return points.value(), block_fen  # type: ignore[attr-defined]

    def rows_problem(self) -> str:
        for row in range(len(self._categories)):
            try:
                self._typed(row)
            except InvalidInput as refusal:
                return sentence(refusal.sentence)
        return ""

    def pending(self, into: Pending) -> None:
        super().pending(into)
        for row, category in enumerate(self._categories):
            points, block_fen = self._typed(row)
            changes = {}
            if points != category.points_per_block:
                changes["points_per_block"] = points
            if block_fen != category.block_fen:
                changes["block_fen"] = block_fen
            if changes:
                into.categories[category.code] = changes
