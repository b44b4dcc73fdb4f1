"""The SQL that only SQLite speaks, in one place.

Services write plain SQL where every database understands it and call this module
for the rest: connection settings, date arithmetic, prefix matching, planner hints,
and the catalogue queries (indexes, triggers, integrity checks); what a database file on disk
holds and how it is copied is ``core.dialect_files``, copying the write-ahead log into it
``core.dialect_log``, the triggers that keep derived figures ``core.dialect_triggers``. A second backend
(PostgreSQL for a shop with several counters) would supply the same names; the
services would not change.

Each fragment is returned as the exact text SQLite has always been sent, because the
planner matches some of it literally (an expression index is used only when the
query repeats its expression word for word).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from peewee import Database, DatabaseProxy, SqliteDatabase, _savepoint

# The file-level half of the seam holds what needs no peewee: the driver's errors, the check's
# findings, the read-only address; the checks and connections here use them too.
from pharmacy_desk.core.dialect_files import (  # noqa: F401
    DRIVER_ERRORS, FAILURES, INTEGRITY_ERRORS_SHOWN, _findings, _read_only_uri, failure,
)
# The triggers that keep figures derived from the business rows (the sale's, the members' counts,
# the rules' stamp) are written there too, read by ``schema`` before the engine is loaded.
from pharmacy_desk.core.dialect_triggers import (  # noqa: F401
    MEMBER_TALLY_TRIGGERS, RULE_VERSION_TRIGGERS, SALE_TRIGGERS, member_tally_triggers,
)

# The SQL expressions (dates, counts, prefixes, how a query reaches its rows) are there.
from pharmacy_desk.core.dialect_sql import (  # noqa: F401
    PHONE_TAIL, month_day, month_of, day_of_month, date_of, date_plus_days, days_between, NEXT_RECEIPT_NO, subtract_from, prefix_match, prefix_pattern, count_where, ids_collected, ids_among, not_via_index, full_scan,
)
# The services hold the proxy (core/db.py's ``database``); a caller may pass the database itself.
AnyDatabase = Database | DatabaseProxy
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
# While another connection holds the write lock, a connection of the program asks again every
# millisecond (``WriterDatabase.begin``), up to its busy timeout. SQLite's own busy handler sleeps
# longer the longer it has waited (100 ms between two asks after a quarter of a second), so a
# till behind two batches kept missing the few ms the lock was free between their chunks, and
# waited 0.9 s behind 15 of them.
LOCK_POLL_S = 0.001

# No connection of the program copies the write-ahead log into the file by itself, inside its
# COMMIT (``wal_autocheckpoint`` 0): a thread does, beside the sales, and starts the log over
# (``core/checkpointer.py``), so no sale waits for that.
WAL_AUTOCHECKPOINT_PAGES = 0
# The log's file is never cut back by a commit (``journal_size_limit`` -1): the first commit after
# the log started over did it, and a till's sale after a log grown to 580 MB beside the month's
# reports spent 37 ms of CPU freeing the file's blocks and 140 ms more in its sync. The thread that
# copies the log cuts a file over ``WAL_FILE_LIMIT_BYTES`` back once the tills are idle
# (``core/checkpointer.py``).
WAL_FILE_LIMIT_BYTES = 64 * 1024 * 1024

# WAL lets the windows read while a sale is written; ``synchronous=FULL`` makes an
# acknowledged sale survive a power cut; the busy timeout rides out a backup or a
# second window holding the write lock for a moment.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", 2),  # FULL
    ("cache_size", -32000),  # 32 MB page cache
    # Reads through memory-mapped pages skip a copy per page: lookups on a large
    # file take about half the time.
    ("mmap_size", 256 * 1024 * 1024),
    # INSERT OR REPLACE deletes the row it replaces; only with recursive triggers on does
    # that delete meet the append-only guards.
    ("recursive_triggers", 1),
    ("wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES),
    ("journal_size_limit", -1),
)


def sha256_hex(text: str | None) -> str | None:
    """SQL ``sha256_hex(text)``: the SHA-256 of the text's UTF-8 bytes, as hex (the hash chain's)."""
    return None if text is None else hashlib.sha256(text.encode()).hexdigest()


# For a pass over every table (``check``): a page cache and a memory map big enough that
# an index read in another order than its table does not fetch each page from the file
# again. At 1,000,000 members quick_check took 94 s with a 2 MB cache, 27 s with 256 MB,
# 18 s with a 4 GB map beside it.
BULK_READ_PRAGMAS = (("cache_size", -256 * 1024), ("mmap_size", 4 * 1024 ** 3))


class WriterDatabase(SqliteDatabase):
    """SQLite, knowing when its transaction holds the write lock: then nothing another connection writes can move.

    While a connection holds the write lock (BEGIN IMMEDIATE or EXCLUSIVE; in WAL mode its read
    snapshot is taken at BEGIN), no other connection can commit, so ``PRAGMA data_version``, or
    any stamp another connection would bump, reads the same until COMMIT or ROLLBACK.
    ``once_per_write_transaction`` reads such a value once per transaction: a sale checks the
    rules' stamp several times and pays for one read.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._per_thread = threading.local()  # as peewee's connections are: one per thread
        # Called after each COMMIT of a transaction, by the committing thread, and before each
        # transaction that takes the write lock, by the thread about to take it (``core/checkpointer.py``).
        self.when_committed: Callable[[], None] | None = None
        self.before_writing: Callable[[], None] | None = None
        # Transactions and savepoints rolled back so far, by any thread: a value cached from
        # inside one may have been read from rows that are gone again.
        self.rollbacks = 0

    @property
    def write_locked(self) -> bool:
        return getattr(self._per_thread, "write_locked", False)

    @property
    def locked_values(self) -> dict[str, Any]:
        """Values read once under this thread's write lock (forgotten at COMMIT or ROLLBACK)."""
        values = getattr(self._per_thread, "values", None)
        if values is None:
            values = self._per_thread.values = {}
        return values

    def _forget(self, locked: bool) -> None:
        self._per_thread.write_locked, self._per_thread.values = locked, {}

    def begin(self, lock_type=None):
        self._forget(False)
        writing = lock_type is not None and lock_type.upper() in ("IMMEDIATE", "EXCLUSIVE")
        if writing and self.before_writing is not None:
            self.before_writing()
        if writing:
            self._take_write_lock(lock_type)
        else:
            super().begin(lock_type)
        self._forget(writing)

    def _take_write_lock(self, lock_type: str) -> None:
        """BEGIN ``lock_type``, asked again every ``LOCK_POLL_S`` while another connection holds the lock.

        As patient as the connection's busy timeout; a timeout of 0 (a batch's chunk, which
        paces itself: ``core/till_pacing.py``) asks once.
        """
        raw = self.connection()
        patience_ms = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        if patience_ms <= 0:
            super().begin(lock_type)
            return
        deadline = time.monotonic() + patience_ms / 1000
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    super().begin(lock_type)
                    return
                except Exception as error:
                    found = failure(error)
                    if found is None or found[0] != "busy" or time.monotonic() >= deadline:
                        raise
                time.sleep(LOCK_POLL_S)
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(patience_ms)}")

    def commit(self):
        self._forget(False)
        done = super().commit()
        if self.when_committed is not None:
            self.when_committed()
        return done

    def rollback(self):
        self._forget(False)
        self.rollbacks += 1
        return super().rollback()

    def savepoint(self):
        return _CountedSavepoint(self)

    def cursor(self, named_cursor=None):
        cursor = super().cursor(named_cursor)
        logs = getattr(self._per_thread, "sent", None)
        return _NotingCursor(cursor, logs) if logs else cursor


class _NotingCursor:
    """A cursor that notes each statement it is sent (``sent``), and is otherwise the driver's own."""

    def __init__(self, cursor: sqlite3.Cursor, logs: list[list[str]]):
        self._cursor, self._logs = cursor, logs

    def execute(self, sql: str, parameters: Any = ()) -> _NotingCursor:
        for log in self._logs:
            log.append(sql)
        self._cursor.execute(sql, parameters)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)


@contextmanager
def sent(database: AnyDatabase) -> Iterator[list[str]]:
    """The statements this thread sends the database in the block, in order, BEGIN and COMMIT included.

    One entry per statement the program sends, whatever SQLite then runs for it: a trigger's
    work is part of the statement that fired it. (SQLite's own trace reports a statement
    again at each trigger it fires, so counting the trace would count triggers as statements.)
    """
    target = _target(database)
    if not isinstance(target, WriterDatabase):
        raise TypeError("only the program's own database notes what it is sent")
    logs = getattr(target._per_thread, "sent", None)
    if logs is None:
        logs = target._per_thread.sent = []
    log: list[str] = []
    logs.append(log)  # blocks may nest: each notes what is sent within it
    try:
        yield log
    finally:
        logs[:] = [other for other in logs if other is not log]


class _CountedSavepoint(_savepoint):
    """peewee's savepoint, counting its rollbacks in ``WriterDatabase.rollbacks``."""

    def rollback(self, begin=True):
        self.db.rollbacks += 1
        super().rollback(begin)


def new_database(path: str | os.PathLike[str], *, read_only: bool = False) -> SqliteDatabase:
    """An unconnected database for the file at ``path`` with the settings above.

    ``read_only``: a connection that cannot write the file and does not switch its
    journal mode (a damaged file is only read, so nothing in it moves).
    """
    if read_only:
        database = SqliteDatabase(_read_only_uri(path), uri=True,
                                  pragmas=[p for p in PRAGMAS if p[0] != "journal_mode"])
    else:
        database = WriterDatabase(str(path), pragmas=PRAGMAS)
    database.register_function(sha256_hex, "sha256_hex", 1, deterministic=True)
    return database


def once_per_write_transaction(database: AnyDatabase, name: str, read: Callable[[], T]) -> T:
    """``read()``, called once per transaction holding the write lock; at every call otherwise.

    For values only another connection's commit could change (the data version, the rules'
    stamp): under the write lock none can, so the first answer holds until COMMIT or ROLLBACK.
    """
    if holds_write_lock(database):
        values = _target(database).locked_values
        if name not in values:
            values[name] = read()
        return values[name]
    return read()


def known_for_write_transaction(database: AnyDatabase, name: str, value: object) -> None:
    """``value`` was read under the write lock with other things: ``once_per_write_transaction`` need not read it."""
    if holds_write_lock(database):
        _target(database).locked_values[name] = value


def _target(database: AnyDatabase):
    return database.obj if isinstance(database, DatabaseProxy) else database


def holds_write_lock(database: AnyDatabase) -> bool:
    """Whether this thread's connection is in a transaction that took the write lock at BEGIN."""
    target = _target(database)
    return isinstance(target, WriterDatabase) and target.write_locked and target.connection().in_transaction


def forget_write_transaction_values(database: AnyDatabase) -> None:
    """Read again what ``once_per_write_transaction`` kept: this connection has just changed it itself."""
    target = _target(database)
    if isinstance(target, WriterDatabase):
        target.locked_values.clear()


def rollbacks(database: AnyDatabase) -> int:
    """How many transactions and savepoints this database object has rolled back (0 when it cannot say)."""
    target = _target(database)
    return target.rollbacks if isinstance(target, WriterDatabase) else 0


@contextmanager
def busy_timeout(database: AnyDatabase, ms: int) -> Iterator[None]:
    """The connection's busy timeout ``ms`` meanwhile (for one BEGIN), then back to what it was."""
    usual = database.execute_sql("PRAGMA busy_timeout").fetchone()[0]
    database.execute_sql(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {int(usual)}")


def data_version(database: AnyDatabase) -> int:
    """A number that moves whenever *another* connection commits (read once per write-locked transaction)."""
    return once_per_write_transaction(
        database, "data_version", lambda: database.execute_sql("PRAGMA data_version").fetchone()[0])


def rows_written(database: AnyDatabase) -> int:
    """Rows this thread's connection has inserted, changed or deleted since it opened, its triggers' included."""
    return _target(database).connection().total_changes


@contextmanager
def bulk_reading(database: AnyDatabase) -> Iterator[None]:
    """Read whole tables with a large cache and memory map; the connection's own settings after."""
    usual = {name: value for name, value in PRAGMAS if isinstance(value, int)}
    for name, value in BULK_READ_PRAGMAS:
        database.execute_sql(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        for name, _ in BULK_READ_PRAGMAS:
            database.execute_sql(f"PRAGMA {name} = {usual[name]}")


@contextmanager
def reading_beside(database: AnyDatabase, read: Callable[[], T]) -> Iterator[Future[T]]:
    """``read()`` in a thread of its own, on a connection of its own, while the caller goes on with its.

    SQLite runs a statement without holding Python's global lock, and in WAL mode two
    connections read one file at once, so one long statement there (the quick check) and
    the caller's queries here keep two cores busy. The database object keeps one connection
    a thread: ``read`` reaches the second one through the same ``database``, with the bulk
    reading settings, and that connection is closed when ``read`` returns. It reads what
    was committed, as any reader does, not the caller's own open transaction. Leaving the
    block waits for ``read`` to end, so nothing reads the file after the caller is done.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="second-reader") as pool:
        yield pool.submit(_on_own_connection, database, read)


def _on_own_connection(database: AnyDatabase, read: Callable[[], T]) -> T:
    try:
        with bulk_reading(database):
            return read()
    finally:
        database.close()  # this thread's connection only


class BulkWriting:
    """Many short write transactions of one resumable batch (an import), on this connection only.

    Its transactions commit with ``synchronous=NORMAL``: each is still atomic (a power cut
    loses whole transactions at the end, never part of one), it just does not wait for the
    disk. ``durable()`` before the batch's last transaction puts FULL back, so that commit's
    sync makes every earlier one durable with it. The tills' connections keep FULL throughout.
    """

    def __init__(self, database: AnyDatabase):
        self.database = database

    def durable(self) -> None:
        self.database.execute_sql("PRAGMA synchronous = 2")


@contextmanager
def bulk_writing(database: AnyDatabase) -> Iterator[BulkWriting]:
    """The connection set for a batch of short write transactions; its usual settings after."""
    # The file is not mapped into memory here: an import reads every page of the indexes it grows, and
    # each page read through the map stays in the process's memory (180 MB of a 320,000-member list).
    # A statement's journal (the pages it changed, to undo it alone) is kept in memory: past 64 kB
    # SQLite writes it to a temporary file, and a batch's statements each change thousands of pages.
    usual = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
             for name in ("synchronous", "mmap_size", "temp_store")}
    database.execute_sql("PRAGMA synchronous = 1")
    database.execute_sql("PRAGMA mmap_size = 0")
    database.execute_sql("PRAGMA temp_store = 2")
    try:
        yield BulkWriting(database)
    finally:
        for name, value in usual.items():
            database.execute_sql(f"PRAGMA {name} = {int(value)}")


def parameters_per_statement(database: AnyDatabase) -> int:
    """How many values one statement may bind (``?``): 32,766 since SQLite 3.32, 999 before."""
    connection = _target(database).connection()
    return connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def query_plan(database: AnyDatabase, sql: str, params: tuple = ()) -> list[str]:
    """How the engine will read the tables of ``sql``: one step a line (``SCAN sale``, ``SEARCH … USING …``)."""
    return [row[3] for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]


def quick_check_errors(database: AnyDatabase) -> list[str]:
    """The storage engine's check of every page and row, without matching indexes to their tables.

    Several times faster than ``integrity_errors``; finds damaged pages and malformed records.
    """
    return _findings(database.execute_sql(f"PRAGMA quick_check({INTEGRITY_ERRORS_SHOWN})").fetchall())


def integrity_errors(database: AnyDatabase) -> list[str]:
    """What the storage engine's own consistency check reports (the first few); empty when sound."""
    return _findings(database.execute_sql(f"PRAGMA integrity_check({INTEGRITY_ERRORS_SHOWN})").fetchall())


def foreign_key_violations(database: AnyDatabase) -> list[tuple[str, int]]:
    """(table, row id) of each row whose foreign key points at nothing."""
    return [(row[0], row[1]) for row in database.execute_sql("PRAGMA foreign_key_check").fetchall()]
