"""The one SQLite database, opened with the pragmas a till needs.

WAL lets the windows read while a sale is written; ``synchronous=FULL`` makes an
acknowledged sale survive a power cut; the busy timeout rides out a backup or a
second window holding the write lock for a moment.
"""

from __future__ import annotations

import os
from pathlib import Path

from peewee import SqliteDatabase

database = SqliteDatabase(None)

# Bumped at every open, so caches keyed on it never outlive the database they read.
generation = 0

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", 2),  # FULL
    ("cache_size", -32000),  # 32 MB page cache
    # Reads through memory-mapped pages skip a copy per page: lookups on a large
    # file take about half the time.
    ("mmap_size", 256 * 1024 * 1024),
)


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    global generation
    from pharmacy_desk.core import schema

    generation += 1
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS)
    database.connect()
    if migrate:
        schema.ensure_current()
    return database


def data_stamp() -> tuple[int, int]:
    """Changes whenever this or another connection may have changed the data.

    ``PRAGMA data_version`` moves when *another* connection commits; our own
    writers invalidate their caches themselves.
    """
    return generation, database.execute_sql("PRAGMA data_version").fetchone()[0]


def close_database() -> None:
    if not database.is_closed():
        database.close()


def write_transaction():
    """A transaction that takes SQLite's write lock up front (BEGIN IMMEDIATE).

    Taking it at the start means two writers queue on the busy timeout instead of
    one failing half-way with "database is locked" after it has read stale rows.
    Nested calls become savepoints of the outer transaction.
    """
    return database.atomic("IMMEDIATE")
