"""导入预览: what importing a file would do, computed without writing anything.

The file side (read, find headers, clean rows, merge duplicates inside the file)
is done once; the database side (who already exists) is matched again inside the
import's transaction, so a member signed up at the till between the preview and
the import is merged, not duplicated.

Merge rule: same phone and same cleaned name is the same person. A later row (or
an existing member) only fills fields that are still empty; the first non-empty
value wins and nothing is overwritten. The same phone under a different name is a
conflict: every row of that phone is reported and none is imported, since the
file cannot tell which name is right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Sequence

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.core.spreadsheet.columns import Layout, header_key, may_be_header
from pharmacy_desk.core.spreadsheet.layouts import Choices, SheetLayout, notices, refusal, sheet_layouts
from pharmacy_desk.core.spreadsheet.reading import Sheet, read_file
from pharmacy_desk.core.spreadsheet.rows import Candidate, RowCleaner, SourceRow, skip_reason
from pharmacy_desk.core.vocabulary import ImportProblemKind, LedgerKind

Progress = Callable[[int, int, str], None]


def quiet(done: int, total: int, text: str = "") -> None:
    """The progress of a caller that shows none."""


FILL_FIELDS = ("card_no", "gender", "birthday", "joined_on", "points", "address", "notes")


@dataclass
class RowProblem:
    """A row that is not imported: ``kind`` is ``rejected`` (fix the row) or ``conflict``."""

    source: SourceRow
    reason: str
    kind: str


@dataclass
class FilePlan:
    path: Path
    content_hash: str
    sheets: list[SheetLayout]
    candidates: list[Candidate]
    problems: list[RowProblem]
    skipped: int  # blank, totals and repeated header rows
    merged_in_file: int
    notices: list[str] = field(default_factory=list)

    @property
    def operation_key(self) -> str:
        return f"import:{self.content_hash}"

    def require_importable(self) -> None:
        """Refuse, in one sentence naming what the file has, when no sheet can be imported."""
        error = refusal(self.sheets)
        if error is not None:
            raise error


@dataclass
class Merge:
    candidate: Candidate
    member_id: int
    fill: dict[str, object]
    import_points: int


@dataclass
class ImportPlan:
    file: FilePlan
    new: list[Candidate] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    conflicts: list[RowProblem] = field(default_factory=list)
    already_imported: bool = False

    @property
    def rejected(self) -> list[RowProblem]:
        return [problem for problem in self.file.problems if problem.kind == ImportProblemKind.REJECTED]

    @property
    def all_conflicts(self) -> list[RowProblem]:
        return [p for p in self.file.problems if p.kind == ImportProblemKind.CONFLICT] + self.conflicts

    @property
    def problems(self) -> list[RowProblem]:
        return self.rejected + self.all_conflicts

    def counts(self) -> dict[str, int]:
        """新增、合并、冲突、错误 as the preview shows them (plus skipped blank/total rows)."""
        return {"new": len(self.new), "merged": len(self.merges) + self.file.merged_in_file,
                "conflicts": len(self.all_conflicts), "rejected": len(self.rejected),
                "skipped": self.file.skipped}

    @property
    def opening_points(self) -> int:
        return sum(c.points for c in self.new) + sum(m.import_points for m in self.merges)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_plan(path: str | Path, *, mappings: dict[str, dict[int, str]] | None = None,
              choices: Choices | None = None, today: dt.date | None = None,
              progress: Progress | None = None, sheets: list[Sheet] | None = None) -> FilePlan:
    """Read and clean the file; ``choices`` (and ``mappings``, by layout signature) replace the guesses.

    ``sheets`` are the file's sheets when the caller has already read them. A file
    with nothing to import gives a plan without candidates; ``require_importable`` says why.
    """
    path = Path(path)
    today = today or dt.date.today()
    progress = progress or quiet
    progress(0, 0, "正在读取文件……")
    sheets = read_file(path) if sheets is None else sheets
    choices = choices or Choices()
    if mappings:
        choices.remembered = {**choices.remembered, **mappings}
    layouts = sheet_layouts(sheets, choices)
    candidates, problems, skipped = [], [], 0
    total = sum(len(sheet.rows) for sheet in sheets)
    done = 0
    for sheet, item in zip(sheets, layouts):
        layout = item.layout
        if layout is None or not item.imported:
            done += len(sheet.rows)
            continue
        clean = RowCleaner(layout.mapping, today)
        repeated = _header_repeat_test(layout)
        for index in range(layout.header_row + 1, len(sheet.rows)):
            values = sheet.rows[index]
            done += 1
            if done % 5000 == 0:
                progress(done, total, "正在检查每一行……")
            if skip_reason(values) or repeated(values):
                skipped += 1
                continue
            item.data_rows += 1
            source = SourceRow(sheet.name, index + 1, layout.headers, values)
            try:
                candidates.append(clean(source))
            except InvalidInput as error:
                problems.append(RowProblem(source, str(error), ImportProblemKind.REJECTED))
    kept, merged, conflicts = _merge_within_file(candidates)
    return FilePlan(path, file_hash(path), layouts, kept, problems + conflicts, skipped, merged,
                    notices(layouts))


def _header_repeat_test(layout: Layout) -> Callable[[Sequence[object]], bool]:
    """Lists printed page by page repeat the header; such rows are skipped, not rejected.

    One probe cell is compared first so that ordinary rows cost a single check.
    """
    keys = [header_key(text) for text in layout.headers]
    probe = next(iter(layout.mapping), 0)
    if probe >= len(keys) or not keys[probe]:
        return lambda values: False  # no header (or an empty header cell) to repeat

    def repeated(values: Sequence[object]) -> bool:
        cell = values[probe] if probe < len(values) else None
        if not isinstance(cell, str) or not may_be_header(cell, keys[probe]):
            return False
        return [header_key(v) if isinstance(v, str) else v for v in values[:len(keys)]] == keys

    return repeated


def _fill_empty(target: Candidate, other: Candidate) -> None:
    for name in FILL_FIELDS:
        if getattr(target, name) in ("", None, 0) and getattr(other, name) not in ("", None, 0):
            setattr(target, name, getattr(other, name))
    target.merged_rows.append(other.source)


def _where(source: SourceRow) -> str:
    return f"“{source.sheet}”第{source.row_number}行"


def _merge_within_file(candidates: list[Candidate]) -> tuple[list[Candidate], int, list[RowProblem]]:
    first_of: dict[str, Candidate] = {}
    repeats: dict[str, list[Candidate]] = {}  # only phones seen more than once
    for candidate in candidates:
        seen = first_of.setdefault(candidate.phone, candidate)
        if seen is not candidate:
            repeats.setdefault(candidate.phone, [seen]).append(candidate)
    kept, conflicts, merged = [], [], 0
    card_owner: dict[str, Candidate] = {}
    for phone, first in first_of.items():
        group = repeats.get(phone)
        if group is not None:
            names = sorted({c.name for c in group})
            if len(names) > 1:
                reason = f"手机号 {mask_phone(phone)} 在文件中对应不同的姓名（{'、'.join(names)}），请核对后保留一行。"
                conflicts += [RowProblem(c.source, reason, ImportProblemKind.CONFLICT) for c in group]
                continue
            for other in group[1:]:
                _fill_empty(first, other)
                merged += 1
        if first.card_no:
            holder = card_owner.get(first.card_no)
            if holder is not None:
                conflicts.append(RowProblem(first.source, f"卡号 {first.card_no} 在{_where(holder.source)}"
                                            f"已用于{holder.name}，同一张卡不能给两个人。", ImportProblemKind.CONFLICT))
                continue
            card_owner[first.card_no] = first
        kept.append(first)
    return kept, merged, conflicts


def match_database(file_plan: FilePlan) -> ImportPlan:
    """Split the file's members into new ones, merges into existing members, and conflicts."""
    from pharmacy_desk.core import operations
    from pharmacy_desk.core.db import database

    plan = ImportPlan(file_plan, already_imported=operations.find(file_plan.operation_key) is not None)
    existing = {row[1]: row for row in database.execute_sql(
        "SELECT id, phone, name, card_no, gender, birthday, address, notes FROM member")}
    cards = {row[3]: row for row in existing.values()}
    imported = {row[0] for row in database.execute_sql(
        "SELECT DISTINCT member_id FROM ledger_entry WHERE kind = ?", [LedgerKind.IMPORT])}
    for candidate in file_plan.candidates:
        found = existing.get(candidate.phone)
        if found is None:
            holder = cards.get(candidate.card_no) if candidate.card_no else None
            if holder is not None:
                plan.conflicts.append(RowProblem(
                    candidate.source, f"卡号 {candidate.card_no} 已属于会员{holder[2]}"
                    f"（手机 {mask_phone(holder[1])}），请核对卡号。", ImportProblemKind.CONFLICT))
            else:
                plan.new.append(candidate)
            continue
        member_id, _, name, _, gender, birthday, address, notes = found
        if name != candidate.name:
            plan.conflicts.append(RowProblem(
                candidate.source, f"手机号 {mask_phone(candidate.phone)} 已属于会员{name}，"
                f"与文件中的姓名“{candidate.name}”不同，请核对。", ImportProblemKind.CONFLICT))
            continue
        fill: dict[str, object] = {}
        if not gender and candidate.gender:
            fill["gender"] = candidate.gender
        if birthday is None and candidate.birthday is not None:
            fill["birthday"] = candidate.birthday
        if not address and candidate.address:
            fill["address"] = candidate.address
        if not notes and candidate.notes:
            fill["notes"] = candidate.notes
        points = candidate.points if member_id not in imported else 0
        plan.merges.append(Merge(candidate, member_id, fill, points))
    return plan


def plan_import(path: str | Path, **kwargs) -> ImportPlan:
    """The dry run: counts and problem rows; nothing is written. Refuses a file with nothing to import."""
    file_plan = read_plan(path, **kwargs)
    file_plan.require_importable()
    return match_database(file_plan)
