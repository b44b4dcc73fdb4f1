"""月度报表 as one Excel workbook, for the owner's files or the accountant.

Written by the one writer, ``core.spreadsheet.export``: money as yuan numbers with
two decimals (from integer fen, divided exactly by ``Decimal``) so the accountant
can add them up, rates as percentages, and a category or staff name that looks
like a formula stays text.
"""

from __future__ import annotations

from pathlib import Path

from pharmacy_desk.core import audit
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.reports.definitions import CHARTS, FIGURES
from pharmacy_desk.core.reports.mix import GENDERS
from pharmacy_desk.core.reports.report import MonthlyReport
from pharmacy_desk.core.spreadsheet.export import Cell, ExportColumn, ExportSheet, export_sheets
from pharmacy_desk.core.operator import Operator

# A figure's unit (``definitions.Definition.unit``) → the kind of cell it is written as.
UNIT_KINDS = {"fen": "money", "ratio": "percent", "decimal": "decimal"}  # counts and points: int


def _kind(key: str) -> str:
    return UNIT_KINDS.get(FIGURES[key].unit, "int")


def _table(title: str, headers: list[tuple[str, str]], rows: list[list], note: str = "") -> ExportSheet:
    """A sheet with its chart's definition above the header; the first column is the widest."""
    columns = [ExportColumn(name, kind, 22 if index == 0 else 14) for index, (name, kind) in enumerate(headers)]
    return ExportSheet(title, rows, columns, above=(note, "") if note else ())


def write_workbook(report: MonthlyReport, path: str | Path, operator: Operator) -> Path:
    """Write the month's report: figures with definitions, trend, categories, mixes, RFM, staff.

    The staff sheet names each person's figures, so the file is personal data: recorded.
    """
    require(operator, Permission.EXPORT_PERSONAL)
    path = Path(path)
    f = report.figures
    keys = [key for key, _ in f.items()]
    money = "money"
    ages = report.ages
    sheets = [
        ExportSheet("月度指标", [[FIGURES[key].name, Cell(value, _kind(key)), FIGURES[key].text]
                              for key, value in f.items()],
                    [ExportColumn("指标", width=20), ExportColumn("数值", width=16), ExportColumn("定义", width=90)],
                    above=(f"{report.month} 月度报表",)),
        _table("月度趋势", [("月份", "text")] + [(FIGURES[k].name, _kind(k)) for k in keys],
               [[str(m.month)] + [v for _, v in m.items()] for m in report.trend]),
        _table("类别排行", [("类别", "text"), ("实收（元）", money), ("退款（元）", money), ("净额（元）", money)],
               [[c.name, c.paid_fen, c.refund_fen, c.net_fen] for c in report.categories],
               CHARTS["top_categories"].text),
        _table("等级分布", [("等级", "text"), ("人数", "int")], [[t.name, t.members] for t in report.tiers],
               CHARTS["tier_mix"].text),
        _table("年龄性别", [("年龄段", "text")] + [(gender.label, "int") for gender in GENDERS] + [("合计", "int")],
               [[band] + [ages.cells.get((band, gender), 0) for gender in GENDERS] + [ages.band_total(band)]
                for band in ages.bands]
               + [["合计"] + [ages.gender_total(gender) for gender in GENDERS] + [ages.total]],
               CHARTS["age_gender"].text),
        _table("RFM分群", [("分群", "text"), ("人数", "int")],
               [[name, n] for name, n in report.rfm.ordered()] + [[]]
               + [[label, text] for label, text in report.rfm.thresholds.describe()]
               + [["参与分群会员", report.rfm.scored]],
               CHARTS["rfm"].text),
        _table("店员业绩", [("店员", "text"), ("专属会员", "int"), ("本月新登记", "int"), ("本月新增沉睡", "int"),
                        ("接待业绩（元）", money), ("专属分成（元）", money), ("合计业绩（元）", money)],
               [[s.name, s.members_owned, s.new_members, s.newly_dormant, s.served_fen, s.owner_fen, s.credited_fen]
                for s in report.staff],
               CHARTS["staff"].text),
    ]
    rows = export_sheets(sheets, path)
    audit.record_export(f"{report.month} 月度报表", rows, path, operator)
    return path
