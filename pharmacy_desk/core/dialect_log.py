"""The write-ahead log, copied into the database file (a checkpoint) and started over from its
beginning, on a plain connection of its own for the thread that does both beside the sales
(``core/checkpointer.py``). No other connection of the program checkpoints: their
``wal_autocheckpoint`` is off (``dialect.PRAGMAS``).

Part of the SQLite-only seam beside ``core.dialect``: a second backend would supply these
names too, or none of them if it keeps no such log.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

CheckpointConnection = sqlite3.Connection

# The log's frames: a 32-byte header, then each page with a 24-byte frame header of its own.
LOG_HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24


class Checkpoint(NamedTuple):
    """What one checkpoint reported (SQLite's ``wal_checkpoint`` row)."""

    busy: bool  # it could not do all it was asked (a reader, a writer, another checkpoint in the way)
    logged: int  # pages in the log since it last started over; -1 when it could not even look
    copied: int  # of those, pages now copied into the database file

    @property
    def all_copied(self) -> bool:
        """Every page of the log is in the database file: starting the log over loses nothing."""
        return self.logged >= 0 and self.copied == self.logged


def checkpoint_connection(path: str | os.PathLike[str]) -> CheckpointConnection:
    """A connection of its own for the checkpoints, for the thread that runs them (``core/checkpointer.py``).

    Synced as the tills' are (FULL): the file is synced after each checkpoint that copied
    pages, before the log may start over from its beginning. No busy timeout: a checkpoint that
    finds a lock taken gives up at once, and the caller decides when to try again.
    """
    # ``mode=rw``: a file removed meanwhile is an error here, never a new empty database.
    connection = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=rw", uri=True, isolation_level=None,
                                 timeout=0)
    connection.execute("PRAGMA synchronous = 2")
    return connection


def passive_checkpoint(connection: CheckpointConnection) -> Checkpoint:
    """Copy the log into the file as far as the readers allow; waits for no lock and holds none a writer needs."""
    busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return Checkpoint(bool(busy), logged, copied)


def restarting_checkpoint(connection: CheckpointConnection) -> Checkpoint:
    """Copy what is left of the log and start it over from its beginning (not ``busy``: it did).

    It takes the write lock for that, and gives up at once (``busy``) if a writer holds it or a
    reader is still reading the log; the log then goes on where it was, and what it could copy
    is copied. It waits for nothing: the connection's busy timeout is 0.
    """
    busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
    return Checkpoint(bool(busy), logged, copied)


def truncating_checkpoint(connection: CheckpointConnection) -> Checkpoint:
    """Copy what is left of the log, start it over and cut its file to nothing (not ``busy``: it did).

    Like ``restarting_checkpoint`` it takes the write lock and gives up at once if a writer holds
    it or a reader is still reading the log.
    """
    busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return Checkpoint(bool(busy), logged, copied)


def log_file_bytes(path: str | os.PathLike[str]) -> int:
    """How large the log's file is on the disk (0 without a log)."""
    try:
        return Path(f"{os.fspath(path)}-wal").stat().st_size
    except FileNotFoundError:
        return 0


def log_file_pages(path: str | os.PathLike[str], page_size: int = 4096) -> int:
    """How many pages the log's file holds room for (0 without a log): what it takes on the disk."""
    try:
        size = Path(f"{os.fspath(path)}-wal").stat().st_size
    except FileNotFoundError:
        return 0
    return max(0, (size - LOG_HEADER_BYTES) // (page_size + FRAME_HEADER_BYTES))
