"""The one database, reached through a proxy so the models never name the engine.

Models are bound to ``database``, a peewee ``DatabaseProxy``; ``open_database`` points
it at a SQLite file opened with the settings of ``dialect`` (WAL, FULL sync, busy
timeout …). Another engine would be chosen here and in ``dialect``, nowhere else.

The windows open their file *lazily*: the file is examined (and refused) at once, as
always, but the engine — peewee, the models, the check of the append-only guards — is
attached only once the first window has painted (``attach``), or at the first use of
``database`` before that. Until then ``read`` answers the first window's few questions
(is there an owner, who can sign in, the pharmacy's name) through a connection that
cannot write. peewee alone takes longer to load than Qt takes to paint a window.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import sqlite3

    from peewee import Database, DatabaseProxy

    from pharmacy_desk.core.checkpointer import Checkpointer

    # Created with peewee at its first use (``__getattr__`` below).
    database: DatabaseProxy

_proxy: DatabaseProxy | None = None

# Bumped at every open, so caches keyed on it never outlive the database they read.
generation = 0
# True while the open database is a damaged file opened only to be read.
read_only = False
# The file last opened (None for a database in memory).
opened_path: Path | None = None
# When the open file last passed a check: the quick check at opening, or, for a file opened
# as this program left it, the check recorded then (``core/file_trust.py``). None: read-only
# or in memory, nothing to record at closing.
checked_at: dt.datetime | None = None
# True when this opening itself ran SQLite's quick check on the file (it passed, or the file
# was opened read-only): ``check`` then need not run it a second time.
quick_checked_at_open = False


@dataclass
class _Pending:
    """A file opened lazily whose engine is not attached yet."""

    path: str | os.PathLike[str]
    migrate: bool
    new: bool  # the file is created at attaching: until then every table reads as empty
    repair_later: bool = False  # what takes long to put back is left to ``repairs.beside_tills``
    reader: sqlite3.Connection | None = None


_pending: _Pending | None = None
# The open file's background checkpoints (``core/checkpointer.py``); None in memory or read-only.
_checkpointer: Checkpointer | None = None


def __getattr__(name: str) -> Any:
    # ``database``: peewee is imported at the first mention (the models' import, say).
    if name == "database":
        return _database()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _database() -> DatabaseProxy:
    global _proxy
    if _proxy is None:
        _proxy = _attaching_proxy()
        globals()["database"] = _proxy  # found directly from now on
    return _proxy


def _attaching_proxy() -> DatabaseProxy:
    """peewee's proxy, attaching a lazily opened file at its first use (a query, a transaction).

    Not at its first mention: a module that binds its models to it is still being imported then.
    """
    from peewee import DatabaseProxy

    class AttachingProxy(DatabaseProxy):
        __slots__ = DatabaseProxy.__slots__  # peewee's proxy allows setting only the names it lists

        def __getattr__(self, attr):
            if self.obj is None and _pending is not None:
                attach()
            return super().__getattr__(attr)

    return AttachingProxy()


def open_database(path: str | os.PathLike[str], *, create: bool = False, migrate: bool = True,
                  allow_damaged: bool = False, lazily: bool = False, repair_later: bool = False) -> Database | None:
    """Open the pharmacy's database at ``path`` and bring its schema up to date.

    Only ``create`` makes a new database (``init``, the first run); otherwise a missing,
    empty, foreign, too new or damaged file is refused with one sentence naming it
    (``database_file.DatabaseUnusable``), before anything could change a byte of it.
    ``allow_damaged`` opens a file failing the quick check read-only instead (``check``
    reads it to say what is wrong); nothing can then be written to it.
    ``lazily``: a sound file at the current version (or one about to be created) gets its
    engine at ``attach``, or at the first use of ``database``; a file to migrate is
    migrated now. ``repair_later``: a lost index, or a lost trigger whose figure is counted
    in short transactions, is left for ``repairs.beside_tills`` (the windows run it in the
    background) instead of being put back before this returns. Returns the engine's database
    object (what ``database`` now stands for), or None while it is not attached.
    """
    global generation, read_only, opened_path, checked_at, quick_checked_at_open, _pending
    from pharmacy_desk.core import database_file, file_trust
    from pharmacy_desk.core.database_file import FileState
    from pharmacy_desk.core.schema import CURRENT_VERSION, newer_version

    generation += 1
    close_database()
    read_only, opened_path, checked_at, quick_checked_at_open = False, None, None, False
    known: dt.datetime | None = None
    new = str(path) == ":memory:"
    version = 0
    if str(path) != ":memory:":
        # The quick check reads every page; a file exactly as this program closed it, checked
        # within the week, is not read again at every start.
        known = file_trust.checked_at(Path(path))
        examined = database_file.examine(path, quick_check=known is None)
        quick_checked_at_open = known is None and examined.state is FileState.OURS
        version = examined.user_version
        if create and examined.state in (FileState.MISSING, FileState.BLANK):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            new = True
        elif allow_damaged and examined.state is FileState.DAMAGED:
            read_only = True
        elif examined.state is not FileState.OURS:
            raise database_file.refusal(path, examined)
        elif examined.user_version > CURRENT_VERSION:
            raise newer_version(examined.user_version, path)
        opened_path = Path(path).absolute()
        if not read_only:
            file_trust.forget(opened_path)  # written from now on: a crash must not leave it vouched for
            checked_at = known or dt.datetime.now()
    _pending = _Pending(path, migrate, new, repair_later)
    if lazily and _proxy is None and not read_only and (new or version == CURRENT_VERSION):
        return None
    return attach()


def attach() -> Database | None:
    """Give the lazily opened file its engine now (peewee, the schema check); the engine's database object."""
    global _pending, _checkpointer
    pending, _pending = _pending, None
    if pending is None:
        return _proxy.obj if _proxy is not None else None
    from pharmacy_desk.core import dialect, schema
    from pharmacy_desk.core.checkpointer import Checkpointer

    if pending.reader is not None:
        pending.reader.close()
    database = _database()
    engine = dialect.new_database(pending.path, read_only=read_only)
    if isinstance(engine, dialect.WriterDatabase) and str(pending.path) != ":memory:":
        _checkpointer = Checkpointer(pending.path)
        engine.when_committed, engine.before_writing = _checkpointer.committed, _checkpointer.before_writing
    database.initialize(engine)
    database.connect()
    if pending.migrate and not read_only:
        schema.ensure_current(repair_later=pending.repair_later)
    return database.obj


def checkpointer() -> Checkpointer | None:
    """The thread that copies the open file's write-ahead log (``core/checkpointer.py``), if it has one."""
    return _checkpointer


def attached() -> bool:
    """Whether the open database has its engine (``database`` can be used without attaching it first)."""
    return _pending is None and _proxy is not None and _proxy.obj is not None


def read(sql: str, params: tuple = ()) -> list[tuple]:
    """The rows of a query that changes nothing, on the open database, attached or not.

    Before the engine is attached the query runs on a connection that cannot write, and a
    file about to be created has no rows in any table.
    """
    pending = _pending
    if pending is None:
        return _database().execute_sql(sql, params).fetchall()
    if pending.new:
        return []
    if pending.reader is None:
        from pharmacy_desk.core import dialect_files

        pending.reader = dialect_files.read_only_connection(pending.path)
    return pending.reader.execute(sql, params).fetchall()


def data_stamp() -> tuple[int, int]:
    """Changes whenever this or another connection may have changed the data.

    The data version moves when *another* connection commits; our own writers
    invalidate their caches themselves.
    """
    from pharmacy_desk.core import dialect

    return generation, dialect.data_version(_database())


def database_path() -> Path | None:
    """The file the open database reads, or None (in memory, or nothing opened yet)."""
    return opened_path


def close_database() -> None:
    """Close the open database; a file closed cleanly is recorded as this program left it."""
    global _pending, _checkpointer
    pending, _pending = _pending, None
    if _checkpointer is not None:  # first, so that the connection closed below is the file's last
        _checkpointer.stop()
        _checkpointer = None
    if pending is not None:  # opened lazily and never attached: nothing was written
        if pending.reader is not None:
            pending.reader.close()
    elif _proxy is None or _proxy.obj is None or _proxy.is_closed():
        return
    else:
        _proxy.close()
    if opened_path is not None and checked_at is not None:
        from pharmacy_desk.core import file_trust

        file_trust.remember(opened_path, checked_at)


def note_checked(when: dt.datetime | None = None) -> None:
    """The open file passed a check now (``check``, a backup whose copy passed the integrity check)."""
    global checked_at
    if opened_path is not None and not read_only:
        checked_at = when or dt.datetime.now()


def write_transaction():
    """A transaction that takes the write lock up front (SQLite's BEGIN IMMEDIATE).

    Taking it at the start means two writers queue on the busy timeout instead of
    one failing half-way with "database is locked" after it has read stale rows.
    Nested calls become savepoints of the outer transaction.
    """
    return _database().atomic("IMMEDIATE")


T = TypeVar("T")

BUSY_ATTEMPTS = 3
BUSY_PAUSE_S = 0.05


def retry_when_busy(call: Callable[[], T], *, attempts: int = BUSY_ATTEMPTS, pause: float = BUSY_PAUSE_S) -> T:
    """``call()``, tried again (a bounded number of times) while the database is busy.

    The busy timeout already waits for another connection's write lock; when even that
    runs out, the operation is simply run again rather than the cashier being told to
    press Enter again. A busy failure rolled the attempt back, and every operation is
    keyed, so running it again records it once.
    """
    from pharmacy_desk.core.errors import StorageError, explain_storage_error

    for attempt in range(1, attempts + 1):
        try:
            return call()
        except Exception as error:
            storage = error if isinstance(error, StorageError) else explain_storage_error(error)
            if attempt == attempts or storage is None or storage.kind not in ("busy", "locked"):
                raise
        time.sleep(pause * attempt)
    raise AssertionError("unreachable")


# A chunk that finds the write lock still taken after the busy timeout (tills selling back to back)
# asks again after this long, times the number of its attempt (at most five).
BATCH_RETRY_S = 0.06

# How long one chunk of a batch aims to hold the write lock, its commit included. A till
# that asks for the lock just after a chunk began waits about this long, plus the millisecond
# before it asks again (``dialect.LOCK_POLL_S``): far inside the 200 ms a sale may wait.
CHUNK_TARGET_S = 0.04

# How long a batch keeps asking for the write lock while tills keep it busy (each ask waits
# up to the busy timeout). Two tills selling back to back can hold it most of the time, and
# SQLite does not queue the writers: a batch may need many asks to find it free.
BATCH_LOCK_PATIENCE_S = 120.0


class ChunkSize:
    """How many rows the next chunk of a batch writes, so that it holds the write lock ``CHUNK_TARGET_S``.

    The cost of a row depends on the machine, its load and the size of the indexes (a row of
    a million-member file costs several times one of a small file), so the size follows the
    chunks' own times: after each chunk it scales by the target over the time taken (down as
    far as that says, up at most twofold), between ``least`` and ``most``. It starts at
    ``start`` (capped by ``most``), so that even the first chunk is short. While the tills are
    idle the pacing lets the chunks aim longer (``till_pacing.TillPacing``); ``busy_target`` is the aim
    while they write.
    """

    def __init__(self, most: int, *, least: int = 20, start: int | None = None, target: float | None = None):
        self.most, self.least = most, min(least, most)
        self.busy_target = CHUNK_TARGET_S if target is None else target
        self.target = self.busy_target
        self.rows = max(self.least, min(most, start if start is not None else most))

    def took(self, seconds: float) -> None:
        """The chunk just written (``rows`` of them) held the lock ``seconds``: size the next one."""
        scale = min(2.0, self.target / max(seconds, 1e-4))
        self.rows = max(self.least, min(self.most, int(self.rows * scale)))

    def aim(self, target: float) -> None:
        """Hold the lock ``target`` seconds a chunk from now on; a shorter aim shortens the very next chunk."""
        if target < self.target:
            self.rows = max(self.least, int(self.rows * target / self.target))
        self.target = target


@contextmanager
def batch_transaction(size: ChunkSize | None = None) -> Iterator[None]:
    """``write_transaction`` for one chunk of a long batch (expiry, the tier review, an import …).

    Every chunk of every batch is paced the same way (``till_pacing.TillPacing``): before it asks for the
    lock it leaves it free as long as a till that waited through this thread's previous chunk
    needs to get it, and longer while tills keep writing. Tills selling one sale after another
    can keep the write lock busy past the busy timeout, so the chunk asks for the lock again
    for up to ``BATCH_LOCK_PATIENCE_S`` before giving up. Only taking the lock is tried again:
    nothing of the chunk has run yet, so nothing can be done twice. ``size`` is told how long
    the chunk held the lock (``ChunkSize``). A chunk never queues for the lock in SQLite's busy
    handler behind another writer (a till, another batch): the handler favours whoever asked
    last, so a batch asking again at each commit took the lock from a till that had waited
    longer, and two batches beside each other handed it to each other chunk after chunk (a
    sale waited 340 ms behind eight). It finds the lock taken at once, waits for the holder's
    commit and pauses as after a chunk of its own. Inside another transaction it is a
    savepoint of it, neither paced nor timed: the lock is held already.

    What the chunk wrote is copied from the log into the database file by the thread that copies
    every commit's (``core/checkpointer.py``), beside the batch's next chunk: the batch does not
    wait for it, and no till's commit copies it either.
    """
    from pharmacy_desk.core.errors import StorageError, explain_storage_error

    from pharmacy_desk.core import dialect
    from pharmacy_desk.core.till_pacing import till_pacing

    pacing = None if _database().in_transaction() else till_pacing()
    if pacing is not None:
        pacing.pause(size)
    deadline = time.monotonic() + BATCH_LOCK_PATIENCE_S
    attempt = 0
    while True:
        attempt += 1
        stack = ExitStack()
        try:
            with nullcontext() if pacing is None else dialect.busy_timeout(_database(), 0):
                stack.enter_context(write_transaction())
        except Exception as error:
            storage = error if isinstance(error, StorageError) else explain_storage_error(error)
            if time.monotonic() >= deadline or storage is None or storage.kind not in ("busy", "locked"):
                raise
            if pacing is None:
                time.sleep(BATCH_RETRY_S * min(attempt, 5))
            else:
                pacing.behind_another_writer(size)
            continue
        break
    locked_at = time.perf_counter()
    with stack:
        yield
    if pacing is not None:
        held = time.perf_counter() - locked_at
        pacing.let_go(held)
        if size is not None:
            size.took(held)
