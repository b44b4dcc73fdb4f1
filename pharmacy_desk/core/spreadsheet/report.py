"""错误报告: the rows that were not imported, in their original columns plus the reason.

One sheet per source sheet, with that sheet's own header, so the owner fixes the
cells and imports the report itself: the reason columns are not mapped on re-import.
A last sheet, 问题汇总, counts each kind of problem once (a list missing one value
in 7,000 rows is one line there, not 7,000), with the first rows that have it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_sheets
from pharmacy_desk.core.spreadsheet.plan import ImportPlan, RowProblem, fill_problem_cells
from pharmacy_desk.core.vocabulary import ImportProblemKind

REASON_TITLE = "问题原因"
KIND_TITLE = "问题类型"
ROW_TITLE = "原行号"
SUMMARY_TITLE = "问题汇总"
EXAMPLE_ROWS = 5

# What makes one row's reason differ from another's of the same kind: the value quoted
# after a colon, a date, a masked phone, a bracketed list of names.
_PARTICULAR = re.compile(r"\d{3}\*{4}\d{4}|\d{4}-\d{2}-\d{2}|（[^）]*）|“[^”]*”|\d{5,}")


@dataclass
class ProblemGroup:
    reason: str
    kind: str
    rows: list[tuple[str, int]] = field(default_factory=list)  # (sheet, row number)

    @property
    def examples(self) -> str:
        shown = "、".join(f"{sheet}第{row}行" for sheet, row in self.rows[:EXAMPLE_ROWS])
        return shown + ("……" if len(self.rows) > EXAMPLE_ROWS else "")


def reason_kind(part: str) -> str:
    """One problem of a row, without the row's own value: ``手机号应为11位，这里是10位``."""
    part = part.strip().rstrip("。")
    head = part.split("：", 1)[0]
    return _PARTICULAR.sub("…", head).strip()


def group_problems(problems: Iterable[RowProblem]) -> list[ProblemGroup]:
    """Each kind of problem once, most frequent first; a row with two problems is in both."""
    groups: dict[tuple[str, str], ProblemGroup] = {}
    for problem in problems:
        for part in str(problem.reason).split("；"):
            if not part.strip():
                continue
            key = (reason_kind(part), problem.kind)
            group = groups.setdefault(key, ProblemGroup(key[0], problem.kind))
            group.rows.append((problem.source.sheet, problem.source.row_number))
    return sorted(groups.values(), key=lambda g: (-len(g.rows), g.rows[0]))


def write_error_report(plan: ImportPlan, path: str | Path) -> int:
    """Write every rejected and conflicting row; returns how many rows were written."""
    fill_problem_cells(plan)
    by_sheet: dict[str, list[RowProblem]] = {}
    for problem in plan.problems:
        by_sheet.setdefault(problem.source.sheet, []).append(problem)
    sheets = []
    for sheet, problems in by_sheet.items():
        problems.sort(key=lambda p: p.source.row_number)
        headers = problems[0].source.headers
        columns = [ExportColumn(text or f"列{n + 1}", "raw") for n, text in enumerate(headers)]
        columns += [ExportColumn(REASON_TITLE), ExportColumn(KIND_TITLE), ExportColumn(ROW_TITLE, "int")]
        rows = [[*_pad(p.source.values or (), len(headers)), str(p.reason), ImportProblemKind.label_of(p.kind),
                 p.source.row_number] for p in problems]
        sheets.append((sheet, rows, columns))
    if not sheets:
        sheets.append(("没有问题", [], [ExportColumn(REASON_TITLE)]))
    else:
        summary = [[g.reason, ImportProblemKind.label_of(g.kind), len(g.rows), g.examples]
                   for g in group_problems(plan.problems)]
        sheets.append((SUMMARY_TITLE, summary, [ExportColumn("问题"), ExportColumn(KIND_TITLE),
                                                ExportColumn("行数", "int"), ExportColumn("例如")]))
    export_sheets(sheets, path)
    return len(plan.problems)


def _pad(values: Sequence[object], width: int) -> list[object]:
    values = list(values[:width])
    return values + [None] * (width - len(values))
