"""The write-ahead log, copied into the database file (a checkpoint): on the open database
between a batch's chunks, or on a plain connection of its own for the thread that copies it
beside the sales (``core/checkpointer.py``).

Part of the SQLite-only seam beside ``core.dialect``: a second backend would supply these
names too, or none of them if it keeps no such log.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pharmacy_desk.core.dialect import AnyDatabase


def checkpoint(database: AnyDatabase) -> None:
    """Copy the write-ahead log into the database file as far as the readers allow (a passive checkpoint).

    It waits for no lock and blocks no writer; outside a transaction only (inside one it cannot run).
    """
    if not database.in_transaction():
        database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


CheckpointConnection = sqlite3.Connection


def checkpoint_connection(path: str | os.PathLike[str]) -> CheckpointConnection:
    """A connection of its own for ``passive_checkpoint``, for the thread that runs it (``core/checkpointer.py``).

    Synced as the tills' are (FULL): the file is synced after each checkpoint, before the log
    is started again from its beginning.
    """
    from pathlib import Path

    # ``mode=rw``: a file removed meanwhile is an error here, never a new empty database.
    connection = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=rw", uri=True, isolation_level=None)
    connection.execute("PRAGMA synchronous = 2")
    return connection


def passive_checkpoint(connection: CheckpointConnection) -> tuple[int, int, int]:
    """A passive checkpoint on a plain connection: (busy, pages in the log, pages copied so far)."""
    busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return busy, logged, copied
