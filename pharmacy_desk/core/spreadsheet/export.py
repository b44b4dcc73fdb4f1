"""导出: members, sales, the points ledger, coupons and any report table to ``.xlsx``.

openpyxl (write-only) builds each workbook: styles, widths, the frozen bold header;
the data rows are streamed into it by ``sheetxml`` so 100,000 rows take seconds,
not a workbook in memory. Phones and card numbers are text (Excel would turn
``13812345678`` into ``1.38E+10``), dates are date cells, money is yuan with two
decimals, the header row is frozen. A text cell starting with ``=``, ``+``, ``-``
or ``@`` is forced to text with a quote prefix so no spreadsheet runs it as a formula.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.spreadsheet import sheetxml

Progress = Callable[[int, int, str], None]
WIDTH_SAMPLE = 200
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")  # characters Excel refuses in a sheet name


@dataclass(frozen=True)
class ExportColumn:
    """A column of an export: ``kind`` is text, int, money (fen in, yuan out), date or datetime."""

    title: str
    kind: str = "text"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _value(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "money":
        return Decimal(int(value)) / 100
    if kind == "text":
        return str(value)
    if kind == "raw":  # as the source file held it (error reports): keep numbers and dates
        return value
    if kind in ("date", "datetime") and isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed.date() if kind == "date" else parsed
    return value


def export_table(rows: Iterable[Sequence[object]], columns: Sequence[ExportColumn | tuple[str, str]],
                 path: str | Path, *, sheet_title: str = "数据", total: int = 0,
                 progress: Progress | None = None) -> int:
    """Write ``rows`` under ``columns`` to a new workbook at ``path``; returns the row count.

    Any report table can be exported with this: give each column a title and a kind.
    """
    return export_sheets([(sheet_title, rows, columns)], path, total=total, progress=progress)


def export_sheets(sheets: Sequence[tuple[str, Iterable[Sequence[object]], Sequence]], path: str | Path,
                  *, total: int = 0, progress: Progress | None = None) -> int:
    """Several tables, one sheet each, in one workbook; returns the total row count."""
    from openpyxl import Workbook

    progress = progress or (lambda done, total, text="": None)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    bodies = {}
    counted = [0]
    for index, (title, rows, columns) in enumerate(sheets, start=1):
        bodies[f"xl/worksheets/sheet{index}.xml"] = _prepare_sheet(
            workbook, title, rows, columns, counted, total, progress)
    template = path.with_name(f".{path.name}.tmp")
    try:
        workbook.save(template)
        sheetxml.splice(template, path, bodies)
    except PermissionError:
        raise InvalidInput(f"无法写入 {path.name}：文件可能正在 Excel 中打开，请关闭后再试。") from None
    finally:
        template.unlink(missing_ok=True)
    progress(counted[0], total, "导出完成")
    return counted[0]


def _prepare_sheet(workbook, title: str, rows, columns, counted: list[int], total: int, progress: Progress):
    """Build the sheet's frame in openpyxl; return the function that streams its rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = [c if isinstance(c, ExportColumn) else ExportColumn(*c) for c in columns]
    kinds = [c.kind for c in columns]
    iterator = iter(rows)
    sample = [row for row in (next(iterator, None) for _ in range(WIDTH_SAMPLE)) if row is not None]

    sheet = workbook.create_sheet(_INVALID_TITLE.sub("_", title)[:31] or "数据")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns):
        width = display_width(column.title)
        for row in sample:
            text = row[index]
            if column.kind == "money" and text is not None:
                text = f"{int(text) / 100:.2f}"
            width = max(width, display_width(str(text if text is not None else "")))
        if column.kind == "date":
            width = max(width, 10)
        elif column.kind == "datetime":
            width = max(width, 19)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(width + 2, 60)

    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, column.title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    probe = []
    for value, number_format in sheetxml.probe_values():
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = number_format
        if isinstance(value, str):
            cell.data_type = "s"
            cell.quotePrefix = True
        probe.append(cell)
    sheet.append(probe)

    written = [0]  # rows of this sheet, as reported by the streamer

    def report(done: int) -> None:
        written[0] = done
        progress(counted[0] + done, total, f"已写出 {counted[0] + done} 行……")

    def streamed(styles):
        yield from sheetxml.rows_xml(_chain(sample, iterator), kinds, styles, _value, on_row=report)
        counted[0] += written[0]

    return streamed


def _chain(first: list, rest):
    yield from first
    yield from rest
