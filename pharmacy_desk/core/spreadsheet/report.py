"""错误报告: the rows that were not imported, in their original columns plus the reason.

One sheet per source sheet, with that sheet's own header, so the owner fixes the
cells and imports the report itself: the reason columns are not mapped on re-import.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_sheets
from pharmacy_desk.core.spreadsheet.plan import ImportPlan, RowProblem
from pharmacy_desk.core.vocabulary import ImportProblemKind

REASON_TITLE = "问题原因"
KIND_TITLE = "问题类型"
ROW_TITLE = "原行号"


def write_error_report(plan: ImportPlan, path: str | Path) -> int:
    """Write every rejected and conflicting row; returns how many rows were written."""
    by_sheet: dict[str, list[RowProblem]] = {}
    for problem in plan.problems:
        by_sheet.setdefault(problem.source.sheet, []).append(problem)
    sheets = []
    for sheet, problems in by_sheet.items():
        problems.sort(key=lambda p: p.source.row_number)
        headers = problems[0].source.headers
        columns = [ExportColumn(text or f"列{n + 1}", "raw") for n, text in enumerate(headers)]
        columns += [ExportColumn(REASON_TITLE), ExportColumn(KIND_TITLE), ExportColumn(ROW_TITLE, "int")]
        rows = [[*_pad(p.source.values, len(headers)), p.reason, ImportProblemKind.label_of(p.kind),
                 p.source.row_number] for p in problems]
        sheets.append((sheet, rows, columns))
    if not sheets:
        sheets.append(("没有问题", [], [ExportColumn(REASON_TITLE)]))
    export_sheets(sheets, path)
    return len(plan.problems)


def _pad(values: Sequence[object], width: int) -> list[object]:
    values = list(values[:width])
    return values + [None] * (width - len(values))
