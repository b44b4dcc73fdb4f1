"""导入: writing a planned import in one transaction, fast enough for 100,000 rows.

Members and their opening balances are inserted with ``executemany`` (a per-row
``members.register`` costs ~1.5 ms, minutes for a big list). The rows written keep
every invariant of ``core/check.py``: each opening balance is an ``import`` credit
lot with an expiry date, keyed per member under one ``Operation`` whose key is the
file's content hash, so importing the same file again changes nothing.

Opening balances are entered once per member: a member who already has an import
entry (from this or an earlier file) keeps their balance and gets none from a
second file; their empty fields are still filled.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass

from pharmacy_desk.core import chain, dialect, ledger, operations, settings
from pharmacy_desk.core.changes import ALL, NOTHING, Changes
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.members import ean13_check_digit
from pharmacy_desk.core.models import Member, Staff, Tier
from pharmacy_desk.core.normalize import bulk_name_initials
from pharmacy_desk.core.spreadsheet.columns import header_key
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.spreadsheet.plan import FilePlan, ImportPlan, Progress, match_database, quiet
from pharmacy_desk.core.vocabulary import LedgerKind, Role

CHUNK = 2000
REBUILD_MIN_ROWS = 5000  # below this, dropping and rebuilding indexes saves nothing worth the DDL
MEMBER_COLUMNS = ("card_no", "phone", "name", "name_initials", "gender", "birthday", "address",
                  "joined_on", "joined_by_id", "owner_staff_id", "tier_id", "marketing_opt_out",
                  "notes", "created_at", "chronic_conditions", "allergies", "long_term_meds",
                  "migrated", "health_to_confirm", "id_number")
LEDGER_COLUMNS = ("member_id", "kind", "points", "created_at", "expires_on", "key", "operation_id",
                  "staff_id", "reason")


@dataclass
class ImportResult:
    plan: ImportPlan
    created: int = 0
    updated: int = 0
    balances: int = 0
    points: int = 0
    already_imported: bool = False

    @property
    def changes(self) -> Changes:
        if self.already_imported or not (self.created or self.updated or self.balances):
            return NOTHING
        return Changes.of_members(ALL, ledger=bool(self.balances))


def _card_numbers(count: int, taken: set[str]):
    """Card numbers in ``members._next_card_no``'s format, continuing after the highest member id."""
    prefix = settings.get("card_prefix")
    seq = (Member.select(Member.id).order_by(Member.id.desc()).limit(1).scalar() or 0) + 1
    made = 0
    while made < count:
        body = f"{prefix}{seq:0{12 - len(prefix)}d}"
        card = body + ean13_check_digit(body)
        seq += 1
        if card not in taken:
            taken.add(card)
            made += 1
            yield card


def opening_expiry(day: dt.date, months: int) -> dt.date:
    """Migrated points stay valid ``months`` from the import day (the owner's choice), not the earning rule."""
    return ledger.add_months(day, months)


def tier_chooser():
    """Candidate → tier id: the tier the list names (by name or code), else the one its lifetime spend
    reaches (the tiers' spend thresholds), else the first tier."""
    tiers = list(Tier.select(Tier.id, Tier.rank, Tier.code, Tier.name, Tier.min_spend_fen).order_by(Tier.rank))
    base = tiers[0].id
    by_name = {header_key(t.name): t.id for t in tiers} | {header_key(t.code): t.id for t in tiers}

    def choose(candidate) -> int:
        if candidate.tier:
            named = by_name.get(header_key(candidate.tier)) or by_name.get(header_key(candidate.tier) + "会员")
            if named is not None:
                return named
        if candidate.spend_fen is not None:
            reached = [t.id for t in tiers if t.min_spend_fen <= candidate.spend_fen]
            return reached[-1] if reached else base
        return base

    return choose


def commit_import(file_plan: FilePlan, operator: Staff, *, progress: Progress | None = None,
                  at: dt.datetime | None = None) -> ImportResult:
    """Write the import; the database side is matched again under the write lock."""
    require(operator, Permission.IMPORT)
    progress = progress or quiet
    at = at or operations.now()
    stamp = at.isoformat(sep=" ")
    with write_transaction():
        plan = match_database(file_plan)
        result = ImportResult(plan)
        if plan.already_imported:
            result.already_imported = True
            return result
        op = operations.start(file_plan.operation_key, "import", operator, at,
                              subject=f"file:{file_plan.path.name}"[:200])
        staff_id = operator.id if operator.role != Role.SYSTEM else None
        tier_of = tier_chooser()
        taken = {row[0] for row in database.execute_sql("SELECT card_no FROM member")}
        taken |= {c.card_no for c in plan.new if c.card_no}
        cards = _card_numbers(sum(1 for c in plan.new if not c.card_no), taken)
        initials: dict[str, str] = {}
        rows = []
        for c in plan.new:
            if c.name not in initials:
                initials[c.name] = bulk_name_initials(c.name)
            # Without a join date the member is not new this month: the import's date stands in, marked.
            rows.append((c.card_no or next(cards), c.phone, c.name, initials[c.name], c.gender,
                         c.birthday.isoformat() if c.birthday else None, c.address,
                         (c.joined_on or at.date()).isoformat(), staff_id, staff_id, tier_of(c), 0,
                         c.notes, stamp, "", "", "", int(c.joined_on is None), c.history,
                         c.id_number if file_plan.options.keep_id_numbers else ""))
        total = len(rows) + len(plan.merges)
        _insert("member", MEMBER_COLUMNS, rows, progress, total, "正在写入会员……")
        ids = {(phone, name): member_id for phone, name, member_id in
               database.execute_sql("SELECT phone, name, id FROM member")}
        result.created = len(rows)
        for merge in plan.merges:
            if merge.fill:
                Member.update(**merge.fill).where(Member.id == merge.member_id).execute()
                result.updated += 1
        expires = opening_expiry(at.date(), file_plan.options.validity_months).isoformat()
        credits = [(ids[c.phone, c.name], c.points) for c in plan.new if c.points > 0]
        credits += [(m.member_id, m.import_points) for m in plan.merges if m.import_points > 0]
        entries = [(member_id, LedgerKind.IMPORT, points, stamp, expires, f"{op.key}/import/m{member_id}",
                    op.id, operator.id, "期初积分导入") for member_id, points in credits]
        columns, sealed = chain.sealed_rows("ledger_entry", LEDGER_COLUMNS, entries)
        _insert("ledger_entry", columns, sealed, progress, total, "正在写入期初积分……")
        result.balances = len(entries)
        result.points = sum(points for _, points in credits)
        progress(total, total, "导入完成")
    return result


def _insert(table: str, columns: tuple[str, ...], rows: list[tuple], progress: Progress,
            total: int, text: str) -> None:
    names = ", ".join('"' + column + '"' for column in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    cursor = database.cursor()
    with _indexes_rebuilt_after(table, len(rows)):
        for start in range(0, len(rows), CHUNK):
            cursor.executemany(sql, rows[start:start + CHUNK])
            progress(min(start + CHUNK, len(rows)), total, text)


@contextmanager
def _indexes_rebuilt_after(table: str, adding: int):
    """Drop ``table``'s indexes while at least as many rows are added as it holds, then rebuild them.

    Building an index from sorted rows once is much faster than growing it row by row in
    random key order: a first import into a new database writes its 100,000 members in
    about half the time. The drop and the rebuild are inside the import's transaction, so
    other connections never see the table without its indexes, and a unique index that
    cannot be rebuilt (a duplicate the plan missed) rolls the whole import back.
    """
    # Counting a big table is a scan of its own: not worth it when the import is small anyway.
    big = adding >= REBUILD_MIN_ROWS and adding >= database.execute_sql(
        f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    indexes = dialect.index_definitions(database, table) if big else []
    for name, _sql in indexes:
        dialect.drop_index(database, name)
    yield
    for _name, sql in indexes:
        database.execute_sql(sql)
