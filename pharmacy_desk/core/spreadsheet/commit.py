"""导入: writing a planned import in short chunks, so the tills keep selling beside it.

Members and their opening balances are inserted with multi-row INSERTs (``_insert``; a per-row
``members.register`` costs ~1.5 ms, minutes for a big list), up to ``CHUNK`` members with
their balances per transaction, as many as fit in ``db.CHUNK_TARGET_S`` of write lock
(``db.ChunkSize``), so a sale at a till waits at most one short chunk, never the whole
import. Everything that needs no lock (matching the file against the members, card
numbers, pinyin) is done before: the rows of the chunks to come in a thread of their own while
the chunks before are written (``made_ahead.RowsAhead``), their statements while the tills have
the pause between two chunks. An import that brings many members into a list that holds few
builds the member search indexes and counts the members once at its end instead of row by row
(``bulk_load``). That pause is as long as a till waiting for the lock needs, kept up
while tills write in it, and the chunks are longer while the tills are idle
(``till_pacing.TillPacing``). Once another writer has written since the list was matched,
each chunk checks again, under the lock, who was signed up at a till meanwhile and which
card numbers were taken, and leaves those rows to the merge (until then nobody can have:
``dialect.data_version``, ``dialect.rows_written``); its members get the ids after the
newest member's, read under the lock, so their balances are written without reading the
members back. Its members' ids and its balances' chained hashes (``sealing``) are made in the
thread that makes the rows, for the database as the chunks before will leave it, and made
again under the lock only if another writer moved the next id or the ledger's newest entry
meanwhile (from then on, before each chunk takes the lock). The chunks commit without waiting for the disk and the last one
with it (``dialect.bulk_writing``).

The rows written keep every invariant of ``core/check.py``: each opening balance is an
``import`` credit lot with an expiry date, written in the same transaction as its
member and keyed per member under one ``Operation`` whose key is the file's content
hash. An import stopped half-way (cancelled, the power cut) has written whole members
only; importing the same file again finishes it, and once finished changes nothing.

Opening balances are entered once per member: a member who already has an import
entry (from this or an earlier file) keeps their balance and gets none from a
second file; their empty fields are still filled.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pharmacy_desk.core import chain, dialect, ledger, member_tally, operations, settings
from pharmacy_desk.core.changes import ALL, NOTHING, Changes
from pharmacy_desk.core.db import ChunkSize, batch_transaction, database
from pharmacy_desk.core.gc_pause import without_cycle_collection
from pharmacy_desk.core.members import ean13_check_digit
from pharmacy_desk.core.models import Member, Tier
from pharmacy_desk.core.normalize import initials_of_names
from pharmacy_desk.core.spreadsheet import bulk_load
from pharmacy_desk.core.spreadsheet.columns import header_key
from pharmacy_desk.core.spreadsheet.made_ahead import RowsAhead
from pharmacy_desk.core.spreadsheet.sealing import LEDGER_COLUMNS, MEMBER_COLUMNS, Sealed, Sealer, statements
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.spreadsheet.plan import (
    FilePlan, ImportPlan, Merge, Progress, match_database, quiet, rows_where_in,
)
from pharmacy_desk.core.vocabulary import LedgerKind, Role
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

# Members (with their balances) per transaction at most; fewer when that would hold the lock
# long (``db.ChunkSize``). A member costs the lock about 25 µs here, so a chunk of the lock's
# 40 ms holds some 1,500: a cap of the old fixed 1,000 would add pauses, not shorten a wait.
CHUNK = 5000
FIRST_CHUNK = 100
# Names whose pinyin initials are remembered between chunks (families and common names repeat);
# past this the memory is started again rather than grow with a list of 300,000 names.
INITIALS_KEPT = 50_000
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


class CardNumbers:
    """Card numbers in ``members._next_card_no``'s format, continuing after the highest member id.

    Endless: a chunk whose number a till took meanwhile draws another. Only numbers from the
    first one drawn up are looked at (a member list of a million holds none of them, a legacy
    list's own card numbers seldom). Read from the database when made; drawn from the thread
    that makes the next chunk and, for a number a till took, from the one that writes.
    """

    def __init__(self, file_cards: Iterable[str]) -> None:
        self.prefix = prefix = settings.get("card_prefix")
        self.seq = (Member.select(Member.id).order_by(Member.id.desc()).limit(1).scalar() or 0) + 1
        first, past = f"{prefix}{self.seq:0{12 - len(prefix)}d}", prefix[:-1] + chr(ord(prefix[-1]) + 1)
        self.taken = {row[0] for row in database.execute_sql(
            "SELECT card_no FROM member WHERE card_no >= ? AND card_no < ?", (first, past))}
        self.taken |= {card for card in file_cards if first <= card < past}
        self.lock = threading.Lock()

    def draw(self, count: int) -> list[str]:
        """The next ``count`` free numbers."""
        drawn: list[str] = []
        with self.lock:
            prefix, width, taken, seq = self.prefix, 12 - len(self.prefix), self.taken, self.seq
            while len(drawn) < count:
                body = f"{prefix}{seq:0{width}d}"
                card = body + ean13_check_digit(body)
                seq += 1
                if card not in taken:
                    taken.add(card)
                    drawn.append(card)
            self.seq = seq
        return drawn


def opening_expiry(day: dt.date, months: int) -> dt.date:
    """Migrated points stay valid ``months`` from the import day (the owner's choice), not the earning rule."""
    return ledger.add_months(day, months)


class TierChooser:
    """Candidate → tier id: the tier the list names (by name or code), else the one its lifetime spend
    reaches (the tiers' spend thresholds), else the first tier (``base``)."""

    def __init__(self) -> None:
        self.tiers = list(Tier.select(Tier.id, Tier.rank, Tier.code, Tier.name, Tier.min_spend_fen)
                          .order_by(Tier.rank))
        self.base: int = self.tiers[0].id
        self.by_name = {header_key(t.name): t.id for t in self.tiers} | {header_key(t.code): t.id for t in self.tiers}

    def __call__(self, candidate) -> int:
        if candidate.tier:
            by_name = self.by_name
            named = by_name.get(header_key(candidate.tier)) or by_name.get(header_key(candidate.tier) + "会员")
            if named is not None:
                return named
        if candidate.spend_fen is not None:
            reached = [t.id for t in self.tiers if t.min_spend_fen <= candidate.spend_fen]
            return reached[-1] if reached else self.base
        return self.base


def commit_import(file_plan: FilePlan, operator: Operator, *, progress: Progress | None = None,
                  at: dt.datetime | None = None) -> ImportResult:
    """Write the import in chunks; the database side is matched again chunk by chunk under the lock."""
    require(operator, Permission.IMPORT)
    with without_cycle_collection():
        return _commit(file_plan, operator, progress or quiet, at or operations.now())


def _commit(file_plan: FilePlan, operator: Operator, progress: Progress, at: dt.datetime) -> ImportResult:
    stamp = at.isoformat(sep=" ")
    # Read before the list is matched against the members: while no other connection has committed
    # since (the version moves only then) and this one wrote only the import, every chunk's members
    # are still new and their card numbers free, as the plan and the card numbers drawn after it left them.
    version_matched = dialect.data_version(database)
    plan = match_database(file_plan)
    result = ImportResult(plan)
    if plan.already_imported and not _left_to_do(plan):
        result.already_imported = True
        return result
    staff_id = operator.id if operator.role != Role.SYSTEM else None
    tier_of = TierChooser()
    cards = CardNumbers(c.card_no for c in plan.new if c.card_no)
    keep_ids = file_plan.options.keep_id_numbers
    initials: dict[str, str] = {}

    import_day = at.date().isoformat()

    iso_dates: dict[dt.date, str] = {}  # a list's dates repeat, each one object (``rows.py``)

    def iso(day: dt.date) -> str:
        text = iso_dates.get(day)
        if text is None:
            text = iso_dates[day] = day.isoformat()
        return text

    def member_rows(candidates) -> list[tuple]:
        """The rows of one chunk, made before its transaction, each with its opening points last.

        Made in a thread of their own while the chunks before are written (``RowsAhead``): when
        they take longer than that chunk, the import waits for them, so each row is made with few calls.
        """
        rows: list[tuple] = []
        append, known, base_tier = rows.append, initials, tier_of.base
        if len(known) > INITIALS_KEPT:
            known.clear()
        known.update(initials_of_names(c.name for c in candidates if c.name not in known))
        drawn = iter(cards.draw(sum(1 for c in candidates if not c.card_no)))
        for c in candidates:
            name = c.name
            if c.more is None:  # no 病史, ID number, tier or spend: what most rows of most lists have
                tier, history, id_number = base_tier, "", ""
            else:
                tier, history, id_number = tier_of(c), c.history, c.id_number if keep_ids else ""
            born, joined = c.birthday, c.joined_on
            # Without a join date the member is not new this month: the import's date stands in, marked.
            append((c.card_no or next(drawn), c.phone, name, known[name], c.gender,
                    None if born is None else iso(born), c.address,
                    import_day if joined is None else iso(joined), staff_id, staff_id, tier, 0,
                    c.notes, stamp, "", "", "", int(joined is None), history, id_number, c.points))
        return rows

    expires = opening_expiry(at.date(), file_plan.options.validity_months).isoformat()
    with batch_transaction():
        found = operations.find(file_plan.operation_key)
        op = found or operations.start(file_plan.operation_key, "import", operator, at,
                                       subject=f"file:{file_plan.path.name}"[:200])

    sealer = Sealer(stamp, expires, op.key, op.id, operator.id)

    def credit(credits: list[tuple[int, int]]) -> None:
        balances = sealer.credits(credits, chain.newest("ledger_entry"))
        _insert("ledger_entry", ("id", *LEDGER_COLUMNS, "hash"), balances)
        result.balances += len(balances)
        result.points += sum(points for _, points in credits if points > 0)

    # The next member's id and the ledger's newest (id, hash) as the last chunk left them. The rows
    # of the chunks to come are sealed in the making thread from there on, as if no other writer
    # wrote meanwhile (``stream``: where the rows taken so far were sealed from); under the lock a
    # chunk checks that nobody did, and seals them again if so (a till sold with points, signed up
    # a member, took a card number). From then on the making thread leaves them unsealed, and each
    # chunk is sealed before it takes the lock, for the database as the chunk before left it.
    alone, written = True, 0
    # What the chunks wrote, counted as they wrote it: the members' counts at the end (``bulk_load``).
    counted = member_tally.Counted(untouched=lambda: alone and dialect.data_version(database) == version_matched
                                   and dialect.rows_written(database) == written)
    tier_cell = itemgetter(MEMBER_COLUMNS.index("tier_id"), MEMBER_COLUMNS.index("owner_staff_id"))
    birthday_cell = itemgetter(MEMBER_COLUMNS.index("gender"), MEMBER_COLUMNS.index("birthday"))

    expected = stream = (_next_member_id(), chain.newest("ledger_entry"))
    diverged = threading.Event()  # a chunk was not written as sealed ahead: the rows after are sealed again
    making = [stream]  # the making thread's own: where the rows it made so far leave the database

    def sealed_ahead(candidates) -> list[tuple]:
        """Each candidate's (row, member, balance), sealed for the database as the rows before it will leave it."""
        rows = member_rows(candidates)
        if diverged.is_set():
            return [(row, None, None) for row in rows]
        piece = sealer.seal(rows, *making[0])
        making[0] = (piece.first_id + len(rows), piece.head_after)
        return piece.pieces()

    def write_new(prepared: list[tuple]) -> None:
        nonlocal expected, stream, alone, written
        rows = [row for row, _, _ in prepared]
        # In the pause the tills have, not under the lock.
        ahead = Sealed.joined(prepared, *stream) if not diverged.is_set() else sealer.seal(rows, *expected)
        ahead_sql = ahead.statements()
        with batch_transaction(size):
            # Once another writer was seen, every chunk after is looked up again: it may have written
            # any member still to come.
            alone = (alone and dialect.data_version(database) == version_matched
                     and dialect.rows_written(database) == written)
            if not alone:
                deferred.bring_back(bulk_load.PHONE_INDEX)
            chunk = rows if alone else _still_new(rows, cards)
            first_id, head = _next_member_id(), chain.newest("ledger_entry")
            fits = ahead.fits(chunk, first_id, head)
            sealed = ahead if fits else sealer.seal(chunk, first_id, head)
            _execute(ahead_sql if fits else sealed.statements())
            written = dialect.rows_written(database)
            balances = sealed.balances()
            result.created += len(chunk)
            result.balances += len(balances)
            result.points += sum(balance[3] for balance in balances)
        stream = (ahead.first_id + len(rows), ahead.head_after)
        expected = (first_id + len(chunk), sealed.head_after)
        if stream != expected:
            diverged.set()
        counted.members += len(chunk)
        counted.by_tier.update((tier, owner or 0) for tier, owner in map(tier_cell, chunk))
        counted.by_birthday.update((gender, born or "") for gender, born in map(birthday_cell, chunk))

    def write_merges(batch: list[Merge]) -> None:
        with batch_transaction(size):
            credited = _already_credited([m.member_id for m in batch if m.import_points > 0])
            for merge in batch:
                if merge.fill:
                    Member.update(**merge.fill).where(Member.id == merge.member_id).execute()
                    result.updated += 1
            credit([(m.member_id, m.import_points) for m in batch
                    if m.import_points > 0 and m.member_id not in credited])

    total = len(plan.new) + len(plan.merges)
    # The new members, then the merges, each a chunk at a time: as many as fit in the chunk's
    # time under the lock (``db.ChunkSize``), so each chunk's size is known only when it comes.
    size = ChunkSize(CHUNK, start=FIRST_CHUNK)
    done = 0
    writing_new = Sentence(QT_TRANSLATE_NOOP("core", "正在写入会员和期初积分……"))
    filling = Sentence(QT_TRANSLATE_NOOP("core", "正在补充已有会员的资料……"))
    # The indexes left to the end are built inside the batch's settings: read through the file's
    # memory map, the table they read stayed resident (a 20 MB list's import peaked 80 MB higher).
    with dialect.bulk_writing(database) as bulk, \
            bulk_load.left_to_the_end(bulk_load.deferred_indexes(len(plan.new)), counted) as deferred, \
            RowsAhead(plan.new, sealed_ahead) as rows_ahead:
        written = dialect.rows_written(database)
        phases: tuple[tuple[int, Callable[[int], list], Callable[[list], None], Sentence], ...] = (
            (len(plan.new), rows_ahead.take, write_new, writing_new),
            (len(plan.merges), _slices(plan.merges), write_merges, filling))
        for left, take, write, text in phases:
            while left:
                batch = take(size.rows)
                left -= len(batch)
                if done + len(batch) == total:
                    bulk.durable()  # the last commit waits for the disk, and with it every chunk before
                write(batch)
                done += len(batch)
                progress(done, total, text)
    progress(total, total, Sentence(QT_TRANSLATE_NOOP("core", "导入完成")))
    return result


def _left_to_do(plan: ImportPlan) -> bool:
    """Whether an import already recorded still has members, fields or balances to write (it was stopped)."""
    return bool(plan.new) or any(m.fill or m.import_points for m in plan.merges)


def _slices(items: Sequence) -> Callable[[int], list]:
    """``take(n)``: the next ``n`` of ``items`` (the merges, made in this thread, as ``RowsAhead.take`` does the new members)."""
    taken = 0

    def take(count: int) -> list:
        nonlocal taken
        batch = list(items[taken:taken + count])
        taken += len(batch)
        return batch
    return take


def _still_new(rows: list[tuple], cards: CardNumbers) -> list[tuple]:
    """The chunk's members nobody signed up at a till meanwhile, each with a card number still free.

    A member who appeared since the plan (same phone and name) is left for the next run to merge.
    """
    pairs = {(row[1], row[2]) for row in rows}
    present = {(phone, name) for phone, name in
               rows_where_in("SELECT phone, name FROM member WHERE phone IN ({})", sorted({row[1] for row in rows}))}
    present &= pairs
    used = {card for card, in rows_where_in("SELECT card_no FROM member WHERE card_no IN ({})",
                                            [row[0] for row in rows])}
    fresh = []
    for row in rows:
        if (row[1], row[2]) in present:
            continue
        if row[0] in used:  # a till took the number meanwhile: the member gets the next free one
            row = (cards.draw(1)[0], *row[1:])
        fresh.append(row)
    return fresh


def _next_member_id() -> int:
    """The id the next member gets; read under the write lock, so the chunk's ids are its own."""
    return (database.execute_sql("SELECT MAX(id) FROM member").fetchone()[0] or 0) + 1


def _already_credited(member_ids: list[int]) -> set[int]:
    return {member_id for member_id, in rows_where_in(
        "SELECT member_id FROM ledger_entry WHERE kind = ? AND member_id IN ({})", member_ids, [LedgerKind.IMPORT])}


def _insert(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    _execute(statements(table, columns, rows))


def _execute(sql: list[tuple[str, list]]) -> None:
    cursor = database.cursor()
    for text, values in sql:
        cursor.execute(text, values)
