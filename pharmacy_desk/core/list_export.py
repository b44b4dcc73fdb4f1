"""Writing a list (call list, SMS recipients) to an Excel file for the owner or an SMS platform.

Kept small and local until the shared Excel exporter exists. Phones are written as
text (so Excel does not turn 13812345678 into 1.38E+10), the header row is frozen,
and a cell that begins with = + - @ is written as text so a name typed as a formula
is never run by Excel (CSV/formula injection).
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@")


def write_xlsx(path: str | os.PathLike[str], title: str, headers: Sequence[str],
               rows: Iterable[Sequence[Any]], *, text_columns: Sequence[int] = (),
               widths: Sequence[int] = ()) -> int:
    """Write ``rows`` under ``headers`` to a one-sheet workbook; returns the number of rows.

    ``text_columns`` (0-based) are always stored as text, e.g. phones and card numbers;
    ``widths`` are column widths in characters (default: fitted to the header).
    """
    from openpyxl import Workbook  # lazily: the app starts without it

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    count = 0
    for row in rows:
        count += 1
        sheet.append(list(row))
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=count + 1, column=column)
            if (column - 1) in text_columns or (isinstance(value, str) and value.startswith(FORMULA_STARTS)):
                cell.value = "" if value is None else str(value)
                cell.data_type = "s"
                cell.number_format = "@"
    sheet.freeze_panes = "A2"
    for column, header in enumerate(headers, start=1):
        width = widths[column - 1] if column <= len(widths) else max(len(str(header)) * 2 + 2, 12)
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = width
    book.save(os.fspath(path))
    return count
