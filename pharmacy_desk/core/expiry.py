"""积分过期 catch-up: expire every lot whose day has come, in short transactions beside the tills.

The due lots are read outside the write lock, a page at a time in expiry order; each page is
then expired a chunk at a time (as many lots as fit in ``db.CHUNK_TARGET_S`` of write lock,
``db.ChunkSize``), each chunk in a transaction of its own, paced by the tills (``till_pacing.TillPacing``):
its lots' remaining points are read again
under the lock (a till may have spent or expired some meanwhile), and the expire entries
and their allocations are written set-based. A till sale waits for one short chunk at most.

Each lot can be expired once (its expire entry's key names the lot), so a page that runs
again after a crash, or after a till expired a member's lots itself, adds nothing. A run
that finishes records how far it got (``expiry-done:<day>:<newest lot id>``): the next run
reads only lots that fell due since that day or were added since, not every lot that
ever expired.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pharmacy_desk.core import chain, dialect, operations
from pharmacy_desk.core.db import ChunkSize, batch_transaction, database
from pharmacy_desk.core.vocabulary import LedgerKind, OperationKind
from pharmacy_desk.core.operator import Operator

PAGE_LOTS = 500  # lots expired per transaction at most; fewer when that would hold the lock long
FIRST_PAGE_LOTS = 100
# Lots read per query, without the lock. Not the transaction's size: a page of lots a run cut
# short already expired writes nothing, and a small page re-reads each expiry day's lots from
# the day's first (the index holds them by day, then id) once per page.
READ_PAGE_LOTS = 5000
DONE_PREFIX = "expiry-done:"
REASON = "积分到期"

# (lot id, member id, points remaining, expires_on)
DueLot = tuple[int, int, int, str]

_REMAINING = "l.points - COALESCE((SELECT SUM(a.points) FROM ledger_allocation a WHERE a.lot_id = l.id), 0)"


@dataclass(frozen=True)
class Watermark:
    """Every lot up to ``lot_id`` that was due on ``day`` has been expired."""

    day: dt.date
    lot_id: int

    @property
    def key(self) -> str:
        return f"{DONE_PREFIX}{self.day.isoformat()}:{self.lot_id}"


def last_watermark() -> Watermark | None:
    row = database.execute_sql(
        f'SELECT "key" FROM operation WHERE {dialect.prefix_match("key")} ORDER BY id DESC LIMIT 1',
        (dialect.prefix_pattern(DONE_PREFIX),)).fetchone()
    if row is None:
        return None
    day, _, lot_id = row[0][len(DONE_PREFIX):].partition(":")
    return Watermark(dt.date.fromisoformat(day), int(lot_id))


def _newest_lot_id() -> int:
    return database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM ledger_entry").fetchone()[0]


def _pages_by_expiry(since: str, today: str, size: int) -> Iterator[list[DueLot]]:
    """Lots with points left that fell due after ``since`` and by ``today``, soonest first."""
    last_day, last_id = since, 0
    while True:
        rows = database.execute_sql(f"""
            SELECT l.id, l.member_id, {_REMAINING}, l.expires_on FROM ledger_entry l
            WHERE l.points > 0 AND l.expires_on > ? AND l.expires_on <= ?
              AND l.expires_on >= ? AND (l.expires_on > ? OR l.id > ?)
            ORDER BY l.expires_on, l.id LIMIT ?""", (since, today, last_day, last_day, last_id, size)).fetchall()
        if not rows:
            return
        yield [row for row in rows if row[2] > 0]
        last_id, last_day = rows[-1][0], rows[-1][3]


def _pages_added_since(seen: int, newest: int, since: str, size: int) -> Iterator[list[DueLot]]:
    """Lots added after the last run that were already due by its day (written with an old date)."""
    last_id = seen
    while True:
        rows = database.execute_sql(f"""
            SELECT l.id, l.member_id, {_REMAINING}, l.expires_on FROM ledger_entry l
            WHERE l.id > ? AND l.id <= ? AND l.points > 0 AND l.expires_on <= ?
            ORDER BY l.id LIMIT ?""", (last_id, newest, since, size)).fetchall()
        if not rows:
            return
        yield [row for row in rows if row[2] > 0]
        last_id = rows[-1][0]


ENTRY_COLUMNS = ("id", "member_id", "kind", "points", "created_at", "key", "operation_id", "staff_id", "reason",
                 "hash")


def _sealed_entries(left: Sequence[tuple[int, int, int]], stamp: str, op_id: int, staff_id: int) -> list[tuple]:
    """The expire entries of a page with their ids and chained hashes, written under the lock.

    The canonical text (``chain.canonical``) is spelt out here, column by column in the
    chain's order, because every value's type is known: hashing a page then costs a few
    microseconds a row, which is time the tills would otherwise wait. ``check`` verifies
    these rows with the general ``chain.canonical`` like every other.
    """
    last_id, last_hash = chain.newest("ledger_entry")
    kind, at, reason = (chain.quote(text) for text in (LedgerKind.EXPIRE.value, stamp, REASON))
    rows = []
    for lot_id, member_id, remaining in left:
        last_id += 1
        key = f"expire:lot{lot_id}"
        last_hash = chain.link_text(last_hash, f"{last_id},{member_id},{kind},{-remaining},{at},NULL,'{key}',"
                                               f"{op_id},{staff_id},{reason},NULL,NULL,NULL,NULL")
        rows.append((last_id, member_id, LedgerKind.EXPIRE.value, -remaining, stamp, key, op_id, staff_id, REASON,
                     last_hash))
    return rows


def _expire_page(lots: Sequence[DueLot], today: dt.date, operator: Operator | None,
                 size: ChunkSize | None = None) -> int:
    """Expire what is still left of ``lots``, in one short transaction; returns the points expired.

    ``size`` learns how long the page held the lock, and sizes the next page by it.
    """
    if not lots:
        return 0
    at = dt.datetime.combine(today, dt.time(0, 0))
    stamp = at.isoformat(" ")
    ids = [lot[0] for lot in lots]
    with batch_transaction(size):
        marks = ", ".join("?" * len(ids))
        left = database.execute_sql(f"""
            SELECT l.id, l.member_id, l.points - COALESCE(SUM(a.points), 0) FROM ledger_entry l
            LEFT JOIN ledger_allocation a ON a.lot_id = l.id WHERE l.id IN ({marks})
            GROUP BY l.id HAVING l.points - COALESCE(SUM(a.points), 0) > 0 ORDER BY l.id""", ids).fetchall()
        if not left:
            return 0
        # One operation per page, keyed by its first lot: a page run again joins it.
        op = operations.keyed(f"expiry:{today.isoformat()}:lot{left[0][0]}", OperationKind.EXPIRE,
                              operator, at).resume()
        entries = _sealed_entries(left, stamp, op.id, op.staff_id)
        database.cursor().executemany(
            f'INSERT INTO ledger_entry ({", ".join(ENTRY_COLUMNS)}) VALUES ({", ".join("?" * len(ENTRY_COLUMNS))})',
            entries)
        database.cursor().executemany(
            "INSERT INTO ledger_allocation (debit_id, lot_id, points) VALUES (?, ?, ?)",
            [(entry[0], lot_id, remaining) for entry, (lot_id, _m, remaining) in zip(entries, left)])
    return sum(remaining for _l, _m, remaining in left)


def catch_up(today: dt.date, operator: Operator | None, *, page: int = PAGE_LOTS) -> int:
    """Expire every lot due by ``today``; returns the points expired. Idempotent."""
    mark = last_watermark()
    newest = _newest_lot_id()
    if mark is not None and mark.day >= today and mark.lot_id >= newest:
        return 0
    # Lots up to the mark's id that were due by its day (or by today, if that is earlier) are done.
    since = min(mark.day, today).isoformat() if mark is not None else ""
    day = today.isoformat()
    size = ChunkSize(page, start=FIRST_PAGE_LOTS)
    total = 0
    pages = _pages_by_expiry(since, day, READ_PAGE_LOTS)
    if mark is not None:
        pages = itertools.chain(pages, _pages_added_since(mark.lot_id, newest, since, READ_PAGE_LOTS))
    for lots in pages:
        start = 0
        while start < len(lots):
            rows = size.rows
            total += _expire_page(lots[start:start + rows], today, operator, size)
            start += rows
    done = Watermark(today, newest)
    with batch_transaction():
        if operations.find(done.key) is None:
            operations.start(done.key, OperationKind.EXPIRE, operator, dt.datetime.combine(today, dt.time(0, 0)),
                             subject="expiry", detail=f"到期积分已处理至 {today.isoformat()}（流水 {newest} 及以前）")
    return total
