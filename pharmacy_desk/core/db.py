"""The one database, reached through a proxy so the models never name the engine.

Models are bound to ``database``, a peewee ``DatabaseProxy``; ``open_database`` points
it at a SQLite file opened with the settings of ``dialect`` (WAL, FULL sync, busy
timeout …). Another engine would be chosen here and in ``dialect``, nowhere else.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from peewee import Database, DatabaseProxy

from pharmacy_desk.core import dialect
from pharmacy_desk.core.dialect import BUSY_TIMEOUT_MS, PRAGMAS  # noqa: F401 - read by the benchmarks

database = DatabaseProxy()

# Bumped at every open, so caches keyed on it never outlive the database they read.
generation = 0


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Returns the engine's database object (what ``database`` now stands for).
    """
    global generation
    from pharmacy_desk.core import schema

    generation += 1
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    close_database()
    database.initialize(dialect.new_database(path))
    database.connect()
    if migrate:
        schema.ensure_current()
    return database.obj


def data_stamp() -> tuple[int, int]:
    """Changes whenever this or another connection may have changed the data.

    The data version moves when *another* connection commits; our own writers
    invalidate their caches themselves.
    """
    return generation, dialect.data_version(database)


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def write_transaction():
    """A transaction that takes the write lock up front (SQLite's BEGIN IMMEDIATE).

    Taking it at the start means two writers queue on the busy timeout instead of
    one failing half-way with "database is locked" after it has read stale rows.
    Nested calls become savepoints of the outer transaction.
    """
    return database.atomic("IMMEDIATE")


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
