"""SQLite's database files on disk: what a path holds, read without changing a byte, its full
integrity check, and copies through SQLite's online backup; and what the driver's errors mean.

Nothing here needs peewee: the windows examine the file, and word its errors, before the
engine is loaded (``db.open_database(lazily=True)``).

The other half of the SQLite-only seam (``core.dialect`` speaks to the open database); a
second backend would supply these names too.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pharmacy_desk.core.dialect import AnyDatabase

# The first 16 bytes of every SQLite database file.
FILE_HEADER = b"SQLite format 3\x00"

# The driver's own exception classes; peewee re-raises each as its own class, with the
# driver's exception as ``orig`` and as the context.
DRIVER_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,)

# SQLite's primary result codes that a working program can meet, by what they mean to
# the user. Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_FSYNC …) carry the primary
# code in their low byte.
FAILURES = {
    3: "readonly",  # SQLITE_PERM: the file's access mode refused the write
    5: "busy",  # SQLITE_BUSY: another connection holds the lock past the busy timeout
    6: "locked",  # SQLITE_LOCKED: a conflict inside this connection
    8: "readonly",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR: the disk failed under the file (a pulled stick, a lost share)
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "cantopen",  # SQLITE_CANTOPEN
    26: "notadb",  # SQLITE_NOTADB
}


def failure(error: BaseException) -> tuple[str, str] | None:
    """(kind, engine's error name) of one database exception, by its error code.

    None for an error with no code (raised by the driver itself, such as a closed
    connection) or a code that means a mistake in the program (SQLITE_ERROR for bad SQL,
    SQLITE_CONSTRAINT, SQLITE_MISUSE …).
    """
    original = error if isinstance(error, sqlite3.Error) else getattr(error, "orig", None)
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    kind = FAILURES.get(code & 0xFF)
    if kind is None:
        return None
    return kind, getattr(original, "sqlite_errorname", None) or str(code)

INTEGRITY_ERRORS_SHOWN = 20


def _findings(rows: list[tuple]) -> list[str]:
    """The check's rows as one finding a line (a damaged page yields many lines in one row)."""
    if rows == [("ok",)]:
        return []
    lines = [line for row in rows for line in str(row[0]).splitlines()
             if line.strip() and not line.startswith("*** in database")]
    return lines or ["完整性检查未通过"]


def _read_only_uri(path: str | os.PathLike[str]) -> str:
    """The address of a connection that can neither write the file nor leave anything beside it.

    Without a -wal file the database is read as immutable, so SQLite creates no -wal or
    -shm beside it (a read-only connection could not remove them again). With one, the
    write-ahead log holds committed data and must be read through the usual locking.
    """
    wal = Path(f"{os.fspath(path)}-wal")
    return Path(path).resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")


def has_file_header(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` starts as every SQLite database does."""
    with open(path, "rb") as file:
        return file.read(len(FILE_HEADER)) == FILE_HEADER


@dataclass(frozen=True)
class FileFacts:
    """What a database file holds, read without changing a byte of it."""

    tables: frozenset[str]
    user_version: int
    quick_check: tuple[str, ...]  # empty when the quick check passed (or was not asked for)


def read_only_connection(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A connection to the file at ``path`` that can neither write it nor leave a file beside it."""
    return sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)


def file_facts(path: str | os.PathLike[str], *, quick_check: bool = True) -> FileFacts:
    """The tables, schema version and (``quick_check``) quick-check findings of a database file.

    Raises the driver's error for a file SQLite cannot read at all (not a database,
    damaged beyond reading its catalogue).
    """
    connection = read_only_connection(path)
    try:
        tables = frozenset(row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        findings: tuple[str, ...] = ()
        if quick_check:
            findings = tuple(_findings(connection.execute(f"PRAGMA quick_check({INTEGRITY_ERRORS_SHOWN})").fetchall()))
        return FileFacts(tables, version, findings)
    finally:
        connection.close()


def file_integrity_errors(path: str | os.PathLike[str]) -> list[str]:
    """The full integrity check of the database file at ``path``; empty when it is sound."""
    connection = read_only_connection(path)
    try:
        return _findings(connection.execute(f"PRAGMA integrity_check({INTEGRITY_ERRORS_SHOWN})").fetchall())
    finally:
        connection.close()


def copy_database(database: AnyDatabase, target: str | os.PathLike[str]) -> None:
    """Copy the open database into a new file at ``target`` through SQLite's online backup.

    All pages are copied in one step: one read transaction, so the copy is one moment of
    the data, while in WAL mode the tills keep writing beside it. The copy is switched to
    a plain rollback journal, so it is one self-contained file.
    """
    _backup_into(database.connection(), target)


def copy_file_database(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """``copy_database`` from a database file that is not open (a backup being restored)."""
    reader = read_only_connection(source)
    try:
        _backup_into(reader, target)
    finally:
        reader.close()


def _backup_into(source: sqlite3.Connection, target: str | os.PathLike[str]) -> None:
    copy = sqlite3.connect(os.fspath(target))
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
