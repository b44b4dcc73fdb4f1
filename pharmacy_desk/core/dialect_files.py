"""SQLite's database files on disk: what a path holds, read without changing a byte, its full
integrity check, and copies through SQLite's online backup.

The other half of the SQLite-only seam (``core.dialect`` speaks to the open database); a
second backend would supply these names too.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from pharmacy_desk.core.dialect import INTEGRITY_ERRORS_SHOWN, AnyDatabase, _findings, _read_only_uri

# The first 16 bytes of every SQLite database file.
FILE_HEADER = b"SQLite format 3\x00"


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


def _reader(path: str | os.PathLike[str]) -> sqlite3.Connection:
    return sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)


def file_facts(path: str | os.PathLike[str], *, quick_check: bool = True) -> FileFacts:
    """The tables, schema version and (``quick_check``) quick-check findings of a database file.

    Raises the driver's error for a file SQLite cannot read at all (not a database,
    damaged beyond reading its catalogue).
    """
    connection = _reader(path)
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
    connection = _reader(path)
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
    reader = _reader(source)
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
