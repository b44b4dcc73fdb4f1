"""月度报表 as one Excel workbook, for the owner's files or the accountant.

Money is written as yuan numbers with two decimals (from integer fen, divided
exactly by ``Decimal``) so the accountant can add them up; rates as percentages.
openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pharmacy_desk.core.reports.definitions import CHARTS, FIGURES
from pharmacy_desk.core.reports.mix import GENDERS
from pharmacy_desk.core.reports.report import MonthlyReport

MONEY = "#,##0.00"
PERCENT = "0.0%"


def _cell_value(key: str, value):
    unit = FIGURES[key].unit
    if unit == "fen":
        return Decimal(value) / 100, MONEY
    if unit == "ratio":
        return float(value), PERCENT
    if unit == "decimal":
        return round(float(value), 2), "0.00"
    return value, "#,##0"


def _sheet(book, title: str, header: list[str], rows: list[list], formats: dict[int, str] | None = None,
           note: str = ""):
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    if note:
        sheet.append([note])
        sheet.append([])
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for column, number_format in (formats or {}).items():
            sheet.cell(sheet.max_row, column + 1).number_format = number_format
    for column, _ in enumerate(header, start=1):
        letter = sheet.cell(1, column).column_letter
        sheet.column_dimensions[letter].width = 14 if column > 1 else 22
    return sheet


def write_workbook(report: MonthlyReport, path: str | Path) -> Path:
    """Write the month's report: figures with definitions, trend, categories, mixes, RFM, staff."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    f = report.figures

    figures = book.create_sheet("月度指标")
    figures.append([f"{report.month} 月度报表"])
    figures.append(["指标", "数值", "定义"])
    for key, value in f.items():
        shown, number_format = _cell_value(key, value)
        figures.append([FIGURES[key].name, shown, FIGURES[key].text])
        figures.cell(figures.max_row, 2).number_format = number_format
    figures.column_dimensions["A"].width = 20
    figures.column_dimensions["B"].width = 16
    figures.column_dimensions["C"].width = 90

    keys = [key for key, _ in f.items()]
    trend_rows = [[str(m.month)] + [_cell_value(k, v)[0] for k, v in m.items()] for m in report.trend]
    _sheet(book, "月度趋势", ["月份"] + [FIGURES[k].name for k in keys], trend_rows,
           {i + 1: _cell_value(k, getattr(f, k))[1] for i, k in enumerate(keys)})

    _sheet(book, "类别排行", ["类别", "实收（元）", "退款（元）", "净额（元）"],
           [[c.name, Decimal(c.paid_fen) / 100, Decimal(c.refund_fen) / 100, Decimal(c.net_fen) / 100]
            for c in report.categories], {1: MONEY, 2: MONEY, 3: MONEY}, CHARTS["top_categories"].text)
    _sheet(book, "等级分布", ["等级", "人数"], [[t.name, t.members] for t in report.tiers], {},
           CHARTS["tier_mix"].text)
    ages = report.ages
    _sheet(book, "年龄性别", ["年龄段"] + [gender.label for gender in GENDERS] + ["合计"],
           [[band] + [ages.cells.get((band, gender), 0) for gender in GENDERS] + [ages.band_total(band)]
            for band in ages.bands]
           + [["合计"] + [ages.gender_total(gender) for gender in GENDERS] + [ages.total]], {},
           CHARTS["age_gender"].text)
    rfm = _sheet(book, "RFM分群", ["分群", "人数"], [[name, n] for name, n in report.rfm.ordered()], {},
                 CHARTS["rfm"].text)
    rfm.append([])
    for label, text in report.rfm.thresholds.describe():
        rfm.append([label, text])
    rfm.append(["参与分群会员", report.rfm.scored])
    _sheet(book, "店员业绩", ["店员", "专属会员", "本月新登记", "本月新增沉睡", "接待业绩（元）", "专属分成（元）",
                          "合计业绩（元）"],
           [[s.name, s.members_owned, s.new_members, s.newly_dormant, Decimal(s.served_fen) / 100,
             Decimal(s.owner_fen) / 100, Decimal(s.credited_fen) / 100] for s in report.staff],
           {4: MONEY, 5: MONEY, 6: MONEY}, CHARTS["staff"].text)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
