"""导入预览: what importing a file would do, computed without writing anything.

The file side (read, find headers, clean rows, merge duplicates inside the file)
is done once; the database side (who already exists) is matched again inside the
import's transaction, so a member signed up at the till between the preview and
the import is merged, not duplicated.

Merge rule: same phone and same cleaned name is the same person. A later row (or
an existing member) only fills fields that are still empty; the first non-empty
value wins and nothing is overwritten. The same phone under a different name is
another person on a shared phone (a family on one number: the pharmacy serves
both), imported as a member of their own and counted in the preview. A card
number belongs to one member only: a second holder is a conflict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from operator import attrgetter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Sequence

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.gc_pause import without_cycle_collection
from pharmacy_desk.core.normalize import mask_phone
from pharmacy_desk.core.spreadsheet.blocks import BlockCleaner, HeaderRepeat, blocks
from pharmacy_desk.core.spreadsheet.layouts import Choices, SheetLayout, notices, refusal, sheet_layouts
from pharmacy_desk.core.spreadsheet.problem_cells import Cells, cells_of, keep_suspect_cells
from pharmacy_desk.core.spreadsheet.reading import Sheet, read_file
from pharmacy_desk.core.spreadsheet.rows import Candidate, RowCleaner, SourceRow, skip_reason
from pharmacy_desk.core.vocabulary import ImportProblemKind, LedgerKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

Progress = Callable[[int, int, Sentence | str], None]  # the text: a sentence the windows translate


def quiet(done: int, total: int, text: Sentence | str = "") -> None:
    """The progress of a caller that shows none."""


FILL_FIELDS = ("card_no", "gender", "birthday", "joined_on", "points", "address", "notes", "history", "id_number",
               "tier", "spend_fen")
DEFAULT_VALIDITY_MONTHS = 12


@dataclass
class ImportOptions:
    """What the owner decides for an import.

    ``validity_months``: how long migrated points stay valid from the import day (a
    legacy balance is not three months old points, so the earning rule does not
    apply). ``keep_id_numbers``: store 身份证号 (otherwise only used to fill a birthday
    and gender, then dropped).
    """

    validity_months: int = DEFAULT_VALIDITY_MONTHS
    keep_id_numbers: bool = False


@dataclass
class RowProblem:
    """A row that is not imported: ``kind`` is ``rejected`` (fix the row) or ``conflict``."""

    source: SourceRow
    reason: Sentence  # ``str`` is the Chinese of the error report
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
    options: ImportOptions = field(default_factory=ImportOptions)
    # The cells of the rows that may turn out conflicts, from the plan's read (``problem_cells``).
    kept_cells: Cells = field(default_factory=dict)

    @property
    def notices(self) -> list[Sentence]:
        """What the owner should know before importing (with the options as they are now)."""
        return notices(self.sheets) + cell_notices(self.candidates, self.sheets, self.options)

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

    def opening_cash_fen(self, blocks: Sequence[tuple[int, int]]) -> int:
        """What the migrated points would be worth as cash (积分抵现), member by member, in fen."""
        balances = [c.points for c in self.new] + [m.import_points for m in self.merges]
        return sum(block_cash_value(points, blocks) for points in balances if points > 0)

    def opening_expiry(self, today: dt.date) -> dt.date:
        from pharmacy_desk.core.ledger import add_months

        return add_months(today, self.file.options.validity_months)

    def describe_opening(self, today: dt.date, blocks: Sequence[tuple[int, int]]) -> str:
        """期初积分 in one sentence: how many, their cash value, until when they are valid."""
        from pharmacy_desk.core.normalize import yuan

        points = self.opening_points
        if not points:
            return "没有期初积分。"
        months = self.file.options.validity_months
        return (f"期初积分共 {points:,} 分，可抵现约 {yuan(self.opening_cash_fen(blocks))} 元；"
                f"有效期至 {self.opening_expiry(today):%Y-%m-%d}（导入后 {months} 个月，可以修改）。")


def block_cash_value(points: int, blocks: Sequence[tuple[int, int]]) -> int:
    """积分抵现 value of a balance spent in whole blocks, the biggest first (fen)."""
    value = 0
    for size, fen in sorted(blocks, reverse=True):
        count, points = divmod(points, size)
        value += count * fen
    return value


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_plan(path: str | Path, *, mappings: dict[str, dict[int, str]] | None = None,
              choices: Choices | None = None, options: ImportOptions | None = None,
              today: dt.date | None = None,
              progress: Progress | None = None, sheets: list[Sheet] | None = None,
              against_members: bool = False) -> FilePlan:
    """Read and clean the file; ``choices`` (and ``mappings``, by layout signature) replace the guesses.

    ``sheets`` are the file's sheets when the caller has already read them. A file
    with nothing to import gives a plan without candidates; ``require_importable`` says why.
    ``against_members``: the database is open and the plan is matched against it next, so the
    rows whose card number a member holds keep their cells too (``problem_cells``).
    """
    with without_cycle_collection():
        return _read_plan(Path(path), mappings=mappings, choices=choices, options=options, today=today,
                          progress=progress, sheets=sheets, against_members=against_members)


def _read_plan(path: Path, *, mappings: dict[str, dict[int, str]] | None, choices: Choices | None,
               options: ImportOptions | None, today: dt.date | None, progress: Progress | None,
               sheets: list[Sheet] | None, against_members: bool) -> FilePlan:
    today = today or dt.date.today()
    progress = progress or quiet
    progress(0, 0, Sentence(QT_TRANSLATE_NOOP("core", "正在读取文件……")))
    sheets = read_file(path) if sheets is None else sheets
    choices = choices or Choices()
    options = options or ImportOptions()
    if mappings:
        choices.remembered = {**choices.remembered, **mappings}
    layouts = sheet_layouts(sheets, choices)
    candidates: list[Candidate] = []
    problems: list[RowProblem] = []
    skipped = 0
    total = sum(len(sheet.rows) for sheet in sheets)
    done = 0
    for sheet, item in zip(sheets, layouts):
        layout = item.layout
        if layout is None or not item.imported:
            done += len(sheet.rows)
            continue
        clean = RowCleaner(layout.mapping, today)
        repeated = HeaderRepeat(layout)
        common = BlockCleaner(clean, repeated, sheet.name, layout.headers)
        first = max(layout.header_row + 1, 0)
        done += first
        for start, block in blocks(itertools.islice(sheet.rows, first, None), first):
            # Most rows come out of the block's columns; the others are tested and cleaned one by one.
            members = common.candidates(block, start + 1)
            for offset in [offset for offset, member in enumerate(members) if member is None]:
                values = block[offset]
                if skip_reason(values) or repeated(values):
                    skipped += 1
                    continue
                source = SourceRow(sheet.name, start + offset + 1, layout.headers, values)
                try:
                    members[offset] = clean(source)  # keeps no cells: taken again below if it may turn out a conflict
                except InvalidInput as error:
                    problems.append(RowProblem(source, error.sentence, ImportProblemKind.REJECTED))
                    item.data_rows += 1
            item.data_rows += len(members) - members.count(None)  # the members, and above the refused rows
            candidates.extend(filter(None, members))
            done += len(block)
            progress(done, total, Sentence(QT_TRANSLATE_NOOP("core", "正在检查每一行……")))
    kept_cells = keep_suspect_cells(sheets, candidates, cards_held_elsewhere if against_members else None)
    for sheet in sheets:
        sheet.close()  # calamine's cells: the candidates (and the few cells above) are all the plan needs now
    kept, merged, conflicts = _merge_within_file(candidates)
    return FilePlan(path, file_hash(path), layouts, kept, problems + conflicts, skipped, merged, options, kept_cells)


def cell_notices(kept: list[Candidate], layouts: list[SheetLayout], options: ImportOptions) -> list[Sentence]:
    lines = []
    shared = shared_phones(kept)
    if shared:
        lines.append(Sentence(QT_TRANSLATE_NOOP(
            "core", "%n 个手机号由多人共用（如一家人），每人各自导入为会员；在收银台用这个号码查找会列出他们。"), n=shared))
    picked = sum(1 for c in kept if c.phone_from_text)
    if picked:
        lines.append(Sentence(QT_TRANSLATE_NOOP(
            "core", "%n 人的手机号一栏里有多个号码或文字：第一个手机号作为手机号，原文写入备注。"), n=picked))
    if any(item.imported and item.layout is not None and "id_number" in item.layout.mapping.values()
           for item in layouts):
        lines.append(Sentence(QT_TRANSLATE_NOOP("core", "身份证号只用来补全生日和性别，并按您的选择保存。")
                              if options.keep_id_numbers else
                              QT_TRANSLATE_NOOP("core", "身份证号只用来补全生日和性别，不会保存（如需保存，请在导入选项中打开）。")))
    history = sum(1 for c in kept if c.history)
    if history:
        lines.append(Sentence(QT_TRANSLATE_NOOP(
            "core", "%n 人的病史记为“待与会员确认”：只有药师和店长能看到，不会随会员资料导出；会员当面确认并同意后再写入健康档案。"),
            n=history))
    return lines


def _fill_empty(target: Candidate, other: Candidate) -> None:
    for name in FILL_FIELDS:
        if getattr(target, name) in ("", None, 0) and getattr(other, name) not in ("", None, 0):
            setattr(target, name, getattr(other, name))


def _where(source: SourceRow) -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("core", "“{sheet}”第{row}行"), sheet=source.sheet, row=source.row_number)


def repeated_phones(candidates: Sequence[Candidate]) -> set[str]:
    """The phones more than one row of the list has (a family's, or one person's written twice).

    Keyed by the candidates' own phone strings, built backwards so that each phone ends with its
    first row: a list of 320,000 rows makes one dict, no (phone, name) pair and no set a row.
    """
    first_on = dict(zip(map(_PHONE, reversed(candidates)), reversed(candidates)))
    if len(first_on) == len(candidates):
        return set()
    return {c.phone for c in candidates if first_on[c.phone] is not c}


def _merge_within_file(candidates: list[Candidate]) -> tuple[list[Candidate], int, list[RowProblem]]:
    # Only rows on a repeated phone can be the same person: those alone are keyed by phone and name.
    # A list without a repeated person or card (most lists) is kept as it is, without a step of
    # Python for each member beyond ``repeated_phones``.
    repeated = repeated_phones(candidates)
    on_repeated = [c for c in candidates if c.phone in repeated] if repeated else []
    keys = list(zip(map(_PHONE, on_repeated), map(_NAME, on_repeated)))
    first_of = dict(zip(reversed(keys), reversed(on_repeated)))  # each key ends with its first row
    merged = len(on_repeated) - len(first_of)
    firsts = candidates
    if merged:
        later: set[int] = set()
        for key, candidate in zip(keys, on_repeated):
            seen = first_of[key]
            if seen is not candidate:
                _fill_empty(seen, candidate)
                later.add(id(candidate))
        firsts = [c for c in candidates if id(c) not in later]
    del keys, first_of, on_repeated
    cards = [card for card in map(_CARD, firsts) if card]
    if len(set(cards)) == len(cards):
        return list(firsts), merged, []
    kept, conflicts = [], []
    card_owner: dict[str, Candidate] = {}
    for first in firsts:
        if first.card_no:
            holder = card_owner.get(first.card_no)
            if holder is not None:
                conflicts.append(RowProblem(first.source, Sentence(
                    QT_TRANSLATE_NOOP("core", "卡号 {card_no} 在{where}已用于{name}，同一张卡不能给两个人。"),
                    card_no=first.card_no, where=_where(holder.source), name=holder.name), ImportProblemKind.CONFLICT))
                continue
            card_owner[first.card_no] = first
        kept.append(first)
    return kept, merged, conflicts


_PHONE, _NAME, _CARD = attrgetter("phone"), attrgetter("name"), attrgetter("card_no")


def shared_phones(candidates: list[Candidate]) -> int:
    """How many phones the file gives to more than one person (the rows on a repeated phone only: a set
    of names for every phone of the list took 240 bytes a row)."""
    repeated = repeated_phones(candidates)
    names: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.phone in repeated:
            names.setdefault(candidate.phone, set()).add(candidate.name)
    return sum(1 for people in names.values() if len(people) > 1)


IN_GROUP = 900  # values bound in one ``IN (…)``, well under any SQLite's limit on parameters


def rows_where_in(sql: str, values: Sequence[object], before: Sequence[object] = ()) -> list[tuple]:
    """The rows of ``sql`` (whose ``IN ({})`` is filled with placeholders) for all ``values``, a group at a time."""
    from pharmacy_desk.core.db import database

    rows: list[tuple] = []
    for start in range(0, len(values), IN_GROUP):
        group = list(values[start:start + IN_GROUP])
        rows += database.execute_sql(sql.format(", ".join("?" * len(group))), [*before, *group]).fetchall()
    return rows


def cards_held_elsewhere(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates whose card number a member of the database holds under another phone or name."""
    holders = {card: (phone, name) for card, phone, name in rows_where_in(
        "SELECT card_no, phone, name FROM member WHERE card_no IN ({})", [c.card_no for c in candidates])}
    return [c for c in candidates if holders.get(c.card_no, (c.phone, c.name)) != (c.phone, c.name)]


def match_database(file_plan: FilePlan) -> ImportPlan:
    """Split the file's members into new ones, merges into existing members, and conflicts.

    Only the members the file can meet are read (by its phones and card numbers), so matching a
    list against a database of a million members holds no more than the list's own.
    """
    from pharmacy_desk.core import operations
    from pharmacy_desk.core.db import database

    plan = ImportPlan(file_plan, already_imported=operations.find(file_plan.operation_key) is not None)
    candidates = file_plan.candidates
    # A list brought into an empty member list (the migration at setup) meets nobody: 0.3 s of
    # lookups at 100,000 rows saved.
    none_on_file = not database.execute_sql("SELECT EXISTS (SELECT 1 FROM member)").fetchone()[0]
    existing = {} if none_on_file else {(row[1], row[2]): row for row in rows_where_in(
        "SELECT id, phone, name, card_no, gender, birthday, address, notes, health_to_confirm FROM member "
        "WHERE phone IN ({})", sorted({c.phone for c in candidates}))}
    cards = {} if none_on_file else {row[0]: row for row in rows_where_in(
        "SELECT card_no, phone, name FROM member WHERE card_no IN ({})",
        sorted({c.card_no for c in candidates if c.card_no}))}
    imported = {member_id for member_id, in rows_where_in(
        "SELECT DISTINCT member_id FROM ledger_entry WHERE kind = ? AND member_id IN ({})",
        sorted(row[0] for row in existing.values()), [LedgerKind.IMPORT])}
    for candidate in candidates:
        found = existing.get((candidate.phone, candidate.name))
        if found is None:
            holder = cards.get(candidate.card_no) if candidate.card_no else None
            if holder is not None:
                plan.conflicts.append(RowProblem(candidate.source, Sentence(
                    QT_TRANSLATE_NOOP("core", "卡号 {card_no} 已属于会员{name}（手机 {phone}），请核对卡号。"),
                    card_no=candidate.card_no, name=holder[2], phone=mask_phone(holder[1])), ImportProblemKind.CONFLICT))
            else:
                plan.new.append(candidate)  # a new member, perhaps on a phone a relative already has
            continue
        member_id, _, name, _, gender, birthday, address, notes, to_confirm = found
        fill: dict[str, object] = {}
        if not gender and candidate.gender:
            fill["gender"] = candidate.gender
        if birthday is None and candidate.birthday is not None:
            fill["birthday"] = candidate.birthday
        if not address and candidate.address:
            fill["address"] = candidate.address
        if not notes and candidate.notes:
            fill["notes"] = candidate.notes
        if not to_confirm and candidate.history:
            fill["health_to_confirm"] = candidate.history
        points = candidate.points if member_id not in imported else 0
        plan.merges.append(Merge(candidate, member_id, fill, points))
    return plan


def fill_problem_cells(plan: ImportPlan) -> None:
    """Give the conflicting rows their cells again: a plan keeps the cells of the rows it refused,
    and of those that may turn out conflicts (``FilePlan.kept_cells``), from its own read.

    Any other conflict (a card a till gave meanwhile, a plan made without ``against_members``)
    has its cells read again from the file; a file changed or gone since the plan leaves those rows
    without cells (their number and reason still say which row it was).
    """
    from pharmacy_desk.core.errors import DeskError

    missing: dict[str, dict[int, SourceRow]] = {}
    kept = plan.file.kept_cells
    for problem in plan.problems:
        source = problem.source
        if source.values is None:
            source.values = kept.get((source.sheet, source.row_number))
        if source.values is None:
            missing.setdefault(source.sheet, {})[source.row_number] = source
    if not missing:
        return
    path = plan.file.path
    try:
        sheets = read_file(path) if file_hash(path) == plan.file.content_hash else []
    except (DeskError, OSError):
        sheets = []
    for sheet in sheets:
        wanted = missing.get(sheet.name, {})
        for number, values in cells_of(sheet, set(wanted)).items():
            wanted[number].values = values
        sheet.close()
    for rows in missing.values():
        for source in rows.values():
            if source.values is None:
                source.values = []


def plan_import(path: str | Path, **kwargs) -> ImportPlan:
    """The dry run: counts and problem rows; nothing is written. Refuses a file with nothing to import."""
    file_plan = read_plan(path, against_members=True, **kwargs)
    file_plan.require_importable()
    return match_database(file_plan)
