"""导出: the one writer of ``.xlsx`` files — exports, call and SMS lists, the monthly report, error reports.

openpyxl (imported only here, only when a file is written, in write-only mode)
builds each workbook: styles, widths, the frozen bold header, any lines above it;
the data rows are streamed into it by ``sheetxml`` so 100,000 rows take seconds,
not a workbook in memory. A column's kind says how its values are written: text,
int, money (fen in, yuan out as an exact ``Decimal`` with two decimals), percent,
decimal, date, datetime, or raw (as the source file held it). Phones and card
numbers are text columns, so Excel never turns ``13812345678`` into ``1.38E+10``.

Formula injection, one policy for every cell: text that a spreadsheet would run
as a formula (``is_formula_like``: it starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return, OWASP's CSV-injection list) is written as a string cell with
Excel's quote prefix. The text itself is kept exactly as it is, rather than being
prefixed with an apostrophe, so what is read back (by calamine, openpyxl, or an
import of the file) is the member's name as typed; the string type means no
spreadsheet evaluates it on opening, and the quote prefix keeps Excel and
LibreOffice from turning it into a formula when someone edits the cell. Numbers
are never text: a negative amount or points balance stays a number cell.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence
from typing import cast

from pharmacy_desk.core.errors import WRITE, file_errors
from pharmacy_desk.core.spreadsheet import sheetxml
from pharmacy_desk.core.spreadsheet.sheetxml import FORMULA_STARTS
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate
WIDTH_SAMPLE = 200
MAX_WIDTH = 60
_MIN_WIDTH = {"date": 10, "datetime": 19}  # yyyy-mm-dd, yyyy-mm-dd hh:mm:ss
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")  # characters Excel refuses in a sheet name
_STYLED_KINDS = ("money", "percent", "decimal")
# What a money, percent or decimal column holds: numbers from the queries, exact decimals, or
# text as a source file held it. The column's kind says so; another value fails in int()/float().
_Number = int | float | Decimal | str


@dataclass(frozen=True)
class ExportColumn:
    """A column: ``kind`` is text, int, money, percent, decimal, date, datetime or raw.

    ``width`` is in characters (a CJK character counts two); None fits it to the
    title and the first rows.
    """

    title: str
    kind: str = "text"
    width: int | None = None


@dataclass(frozen=True)
class Cell:
    """A value of another kind than its column's (the report's 数值 column mixes money and rates)."""

    value: object
    kind: str


@dataclass(frozen=True)
class ExportSheet:
    """One sheet: its rows under ``columns``; ``above`` are lines of text over the header ("" a blank line)."""

    title: str
    rows: Iterable[Sequence[object]]
    columns: Sequence[ExportColumn | tuple[str, str]]
    above: Sequence[str] = ()


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet run this text as a formula (or a DDE command) if it were typed in?

    ``typed`` applies the same test inline, for speed.
    """
    return text.startswith(FORMULA_STARTS)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _value(value: object, kind: str) -> object:
    if kind == "money":
        return Decimal(int(cast(_Number, value))) / 100
    if kind == "percent":
        return float(cast(_Number, value))
    if kind == "decimal":
        return round(float(cast(_Number, value)), 2)
    if kind in ("date", "datetime") and isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed.date() if kind == "date" else parsed
    return value  # int, raw: numbers, dates and booleans as they are


def typed(raw: object, kind: str) -> tuple[object, str | None]:
    """The value a cell holds and its style: every data cell of every export passes through here.

    Called once a cell (a million times for a big export), so the common cases come first.
    """
    if raw is None:
        return None, None
    if raw.__class__ is Cell:
        kind = raw.kind
        raw = raw.value
    value = str(raw) if kind == "text" else _value(raw, kind)
    if value.__class__ is str:
        return value, "quoted" if value.startswith(FORMULA_STARTS) else None
    if isinstance(value, dt.datetime):
        return value, "datetime"
    if isinstance(value, dt.date):
        return value, "date"
    if kind in _STYLED_KINDS:
        return value, kind
    return value, None


def _shown(raw: object, kind: str) -> str:
    """Roughly what the cell shows, for fitting the column width."""
    if isinstance(raw, Cell):
        kind = raw.kind
        raw = raw.value
    if raw is None:
        return ""
    if kind == "money":
        return f"{int(cast(_Number, raw)) / 100:,.2f}"
    return str(raw)


def _quiet(done: int, total: int, text: Sentence | str = "") -> None:
    """The progress of a caller that shows none."""


def export_table(rows: Iterable[Sequence[object]], columns: Sequence[ExportColumn | tuple[str, str]],
                 path: str | Path, *, sheet_title: str = "数据", total: int = 0,
                 progress: Progress | None = None) -> int:
    """Write ``rows`` under ``columns`` to a new workbook at ``path``; returns the row count.

    Any report table can be exported with this: give each column a title and a kind.
    """
    return export_sheets([ExportSheet(sheet_title, rows, columns)], path, total=total, progress=progress)


def export_sheets(sheets: Sequence[ExportSheet | tuple[str, Iterable[Sequence[object]], Sequence]],
                  path: str | Path, *, total: int = 0, progress: Progress | None = None) -> int:
    """Several tables, one sheet each, in one workbook; returns the total row count."""
    from openpyxl import Workbook

    progress = progress or _quiet
    path = Path(path)
    template = path.with_name(f".{path.name}.tmp")
    with file_errors(path, WRITE):
        # Made before any sheet: openpyxl cannot tidy up the sheets it has begun when the
        # folder then refuses the file.
        template.touch()
        try:
            workbook = Workbook(write_only=True)
            bodies = {}
            counted = [0]
            for index, sheet in enumerate(sheets, start=1):
                if not isinstance(sheet, ExportSheet):
                    sheet = ExportSheet(*sheet)
                bodies[f"xl/worksheets/sheet{index}.xml"] = _prepare_sheet(workbook, sheet, counted, total, progress)
            workbook.save(template)
            sheetxml.splice(template, path, bodies)
        finally:
            template.unlink(missing_ok=True)
    progress(counted[0], total, Sentence(QT_TRANSLATE_NOOP("core", "导出完成")))
    return counted[0]


def _text_cell(sheet, text: str, *, bold: bool = False):
    """A title, header or note cell, under the same formula policy as the data cells."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # openpyxl would otherwise take a title starting with "=" for a formula
    if is_formula_like(text):
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def _prepare_sheet(workbook, spec: ExportSheet, counted: list[int], total: int, progress: Progress):
    """Build the sheet's frame in openpyxl; return (the probe row's number, the function streaming its rows)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    columns = [c if isinstance(c, ExportColumn) else ExportColumn(*c) for c in spec.columns]
    kinds = [c.kind for c in columns]
    iterator = iter(spec.rows)
    sample = [row for row in (next(iterator, None) for _ in range(WIDTH_SAMPLE)) if row is not None]

    sheet = workbook.create_sheet(_INVALID_TITLE.sub("_", spec.title)[:31] or "数据")
    header_row = len(spec.above) + 1
    sheet.freeze_panes = f"A{header_row + 1}"
    for index, column in enumerate(columns):
        width = column.width
        if width is None:
            width = max([display_width(column.title), _MIN_WIDTH.get(column.kind, 0)]
                        + [display_width(_shown(row[index], column.kind)) for row in sample if index < len(row)])
            width = min(width + 2, MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width

    for line in spec.above:
        sheet.append([_text_cell(sheet, line)] if line else [])
    sheet.append([_text_cell(sheet, column.title, bold=True) for column in columns])
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
        progress(counted[0] + done, total, Sentence(QT_TRANSLATE_NOOP("core", "已写出 {rows} 行……"), rows=counted[0] + done))

    def streamed(styles):
        yield from sheetxml.rows_xml(_chain(sample, iterator), kinds, styles, typed, first_row=header_row + 1,
                                     on_row=report)
        counted[0] += written[0]

    return header_row + 1, streamed


def _chain(first: list, rest):
    yield from first
    yield from rest
