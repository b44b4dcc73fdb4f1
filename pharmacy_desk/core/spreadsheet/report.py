"""错误报告: the rows that were not imported, in their original columns plus the reason.

One sheet per source sheet, with that sheet's own header, so the owner fixes the
cells and imports the report itself: the reason columns are not mapped on re-import.
A last sheet, 问题汇总, counts each kind of problem once (a list missing one value
in 7,000 rows is one line there, not 7,000), with the first rows that have it.

A kind of problem is the sentence it was raised with, less the row's own values: the
template and the parameters that say which problem it is (``KIND_PARAMETERS``: a phone
of 10 digits is another kind than one of 12), never its finished text, so it is counted
the same in every language and shown in the reader's. The report is written in the
language it is given (``words``, the translation of a core template): the windows' when
the import wizard saves it, so its reasons read as the preview showed them; Chinese from
the command line, which speaks Chinese. Only the added columns and the summary follow
the language: the owner's own cells and headers are copied as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Joined, Sentence, Translate, chinese
from pharmacy_desk.core.spreadsheet.export import ExportColumn, export_sheets
from pharmacy_desk.core.spreadsheet.plan import ImportPlan, RowProblem, fill_problem_cells
from pharmacy_desk.core.spreadsheet.rows import problems_of
from pharmacy_desk.core.vocabulary import ImportProblemKind

REASON_TITLE = QT_TRANSLATE_NOOP("core", "问题原因")
KIND_TITLE = QT_TRANSLATE_NOOP("core", "问题类型")
ROW_TITLE = QT_TRANSLATE_NOOP("core", "原行号")
SUMMARY_TITLE = QT_TRANSLATE_NOOP("core", "问题汇总")
NO_PROBLEMS_TITLE = QT_TRANSLATE_NOOP("core", "没有问题")
SUMMARY_COLUMNS = (QT_TRANSLATE_NOOP("core", "问题"), KIND_TITLE, QT_TRANSLATE_NOOP("core", "行数"),
                   QT_TRANSLATE_NOOP("core", "例如"))
UNTITLED_COLUMN = QT_TRANSLATE_NOOP("core", "列{number}")
EXAMPLE_ROW = QT_TRANSLATE_NOOP("core", "{sheet}第{row}行")
MORE_EXAMPLES = QT_TRANSLATE_NOOP("core", "{rows}……")
EXAMPLE_ROWS = 5

# Parameters that say which problem a row has (how many digits its phone has); every other
# parameter is the row's own value (the phone, the date, the name), left out of the kind.
KIND_PARAMETERS = frozenset({"count"})
LEFT_OUT = "…"
# A value left out at the end of a sentence (“不存在的日期：…”) says nothing: dropped with its colon.
_LEFT_OUT_AT_END = re.compile(r"\s*[：:]\s*…$")


class Kind(Sentence):
    """A kind of problem: its sentence with the row's own values shown as “…”, without a full stop."""

    __slots__ = ()

    @classmethod
    def of(cls, said: Sentence) -> Kind:
        return cls(said.template, **{name: value if name in KIND_PARAMETERS else LEFT_OUT
                                     for name, value in said.params.items()})

    @property
    def key(self) -> tuple:
        return (self.template, *sorted((name, str(value)) for name, value in self.params.items()))

    def render(self, translate: Translate) -> str:
        text = super().render(translate).strip().rstrip("。.")
        return _LEFT_OUT_AT_END.sub("", text).rstrip("。.")


@dataclass
class ProblemGroup:
    said: Kind
    kind: str
    rows: list[tuple[str, int]] = field(default_factory=list)  # (sheet, row number)

    @property
    def reason(self) -> str:
        """The kind of problem in Chinese: ``手机号应为11位，这里是10位``."""
        return str(self.said)

    @property
    def example_rows(self) -> Sentence:
        shown: Sentence = Joined([Sentence(EXAMPLE_ROW, sheet=sheet, row=row) for sheet, row in self.rows[:EXAMPLE_ROWS]])
        return Sentence(MORE_EXAMPLES, rows=shown) if len(self.rows) > EXAMPLE_ROWS else shown

    @property
    def examples(self) -> str:
        return str(self.example_rows)


def group_problems(problems: Iterable[RowProblem]) -> list[ProblemGroup]:
    """Each kind of problem once, most frequent first; a row with two problems is in both."""
    groups: dict[tuple, ProblemGroup] = {}
    for problem in problems:
        for part in problems_of(problem.reason):
            said = Kind.of(part)
            group = groups.setdefault((said.key, problem.kind), ProblemGroup(said, problem.kind))
            group.rows.append((problem.source.sheet, problem.source.row_number))
    return sorted(groups.values(), key=lambda g: (-len(g.rows), g.rows[0]))


def write_error_report(plan: ImportPlan, path: str | Path, words: Translate = chinese) -> int:
    """Write every rejected and conflicting row, in the language of ``words``; returns how many rows were written."""
    fill_problem_cells(plan)
    by_sheet: dict[str, list[RowProblem]] = {}
    for problem in plan.problems:
        by_sheet.setdefault(problem.source.sheet, []).append(problem)
    sheets = []
    for sheet, problems in by_sheet.items():
        problems.sort(key=lambda p: p.source.row_number)
        headers = problems[0].source.headers
        columns = [ExportColumn(text or Sentence(UNTITLED_COLUMN, number=n + 1).render(words), "raw")
                   for n, text in enumerate(headers)]
        columns += [ExportColumn(words(REASON_TITLE)), ExportColumn(words(KIND_TITLE)),
                    ExportColumn(words(ROW_TITLE), "int")]
        rows = [[*_pad(p.source.values or (), len(headers)), p.reason.render(words),
                 words(ImportProblemKind.label_of(p.kind)), p.source.row_number] for p in problems]
        sheets.append((sheet, rows, columns))
    if not sheets:
        sheets.append((words(NO_PROBLEMS_TITLE), [], [ExportColumn(words(REASON_TITLE))]))
    else:
        summary = [[g.said.render(words), words(ImportProblemKind.label_of(g.kind)), len(g.rows),
                    g.example_rows.render(words)] for g in group_problems(plan.problems)]
        said, kind, count, example = (words(title) for title in SUMMARY_COLUMNS)
        sheets.append((words(SUMMARY_TITLE), summary, [ExportColumn(said), ExportColumn(kind),
                                                       ExportColumn(count, "int"), ExportColumn(example)]))
    export_sheets(sheets, path)
    return len(plan.problems)


def _pad(values: Sequence[object], width: int) -> list[object]:
    values = list(values[:width])
    return values + [None] * (width - len(values))

