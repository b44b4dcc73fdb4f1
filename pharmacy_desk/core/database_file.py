"""What a database path holds, found out before anything is written to it.

Opening a file with the app's settings switches it to WAL mode and would create the
schema in an empty one. So before the real connection, the file is read through a
connection that cannot write: a missing path, a 0-byte file, a file that is not SQLite,
another program's SQLite file, one from a newer version of this program and one that
fails SQLite's quick check are each refused in one sentence naming the file, which is
left byte for byte as it was. Only ``create=True`` (``init``, the first run's setup) makes
a new database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pharmacy_desk.core import dialect_files
from pharmacy_desk.core.errors import READ, StorageError, explain_storage_error, file_errors
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term

# The tables every version of this program's schema has had since version 1.
OWN_TABLES = frozenset({"member", "sale", "ledger_entry", "setting", "staff", "operation"})


class FileState(Enum):
    """What ``examine`` found at a database path."""

    MISSING = "missing"
    FOLDER = "folder"
    EMPTY = "empty"  # 0 bytes
    NOT_SQLITE = "not_sqlite"
    BLANK = "blank"  # a SQLite file with no tables at all: nothing to lose by creating the schema
    FOREIGN = "foreign"  # another program's SQLite database
    DAMAGED = "damaged"  # SQLite, ours, but failing the quick check (or unreadable past the header)
    OURS = "ours"


@dataclass(frozen=True)
class Examined:
    state: FileState
    user_version: int = 0
    findings: tuple[str, ...] = ()  # what the quick check reported, for the log and ``check``


def examine(path: str | os.PathLike[str], *, quick_check: bool = True) -> Examined:
    """What the file at ``path`` is; reads it without writing or creating anything."""
    location = Path(path)
    with file_errors(location, READ):
        return _examine(location, quick_check)


def _examine(location: Path, quick_check: bool) -> Examined:
    if not location.exists():
        return Examined(FileState.MISSING)
    if location.is_dir():
        return Examined(FileState.FOLDER)
    if location.stat().st_size == 0:
        return Examined(FileState.EMPTY)
    if not dialect_files.has_file_header(location):
        return Examined(FileState.NOT_SQLITE)
    try:
        facts = dialect_files.file_facts(location, quick_check=quick_check)
    except dialect_files.DRIVER_ERRORS as error:
        explained = explain_storage_error(error)
        if explained is not None and explained.kind == "notadb":
            return Examined(FileState.NOT_SQLITE)
        if explained is not None and explained.kind == "corrupt":
            return Examined(FileState.DAMAGED, findings=(str(error),))
        raise
    if not facts.tables:
        return Examined(FileState.BLANK, facts.user_version)
    if not OWN_TABLES <= facts.tables or facts.user_version < 1:
        return Examined(FileState.FOREIGN, facts.user_version)
    if facts.quick_check:
        return Examined(FileState.DAMAGED, facts.user_version, facts.quick_check)
    return Examined(FileState.OURS, facts.user_version)


# What each refusal says after the file's name; the restore offer follows it.
# What was found at the path, and (after it, as a sentence of its own) what to do about it.
FOUND = {
    FileState.MISSING: QT_TRANSLATE_NOOP("core", "不存在（路径可能输错了，或文件被移走、U盘未插好）"),
    FileState.FOLDER: QT_TRANSLATE_NOOP("core", "是一个文件夹，不是数据库文件"),
    FileState.EMPTY: QT_TRANSLATE_NOOP("core", "是空的（0 字节），里面没有数据"),
    FileState.NOT_SQLITE: QT_TRANSLATE_NOOP("core", "不是数据库文件（可能是别的文件，或已被加密、严重损坏）"),
    FileState.BLANK: QT_TRANSLATE_NOOP("core", "是一个空的 SQLite 数据库，还没有建立本程序的数据"),
    FileState.FOREIGN: QT_TRANSLATE_NOOP("core", "是别的程序的数据库，不是本程序的数据库"),
    FileState.DAMAGED: QT_TRANSLATE_NOOP("core", "已损坏（SQLite 快速检查未通过）"),
}
ADVICE = {
    FileState.MISSING: QT_TRANSLATE_NOOP("core", "如果是第一次使用，请先运行 pharmacy-desk init 创建数据库"),
    FileState.EMPTY: QT_TRANSLATE_NOOP(
        "core", "文件没有被改动；如确实要新建数据库，请先删除或改名这个文件，再运行 pharmacy-desk init"),
    FileState.NOT_SQLITE: QT_TRANSLATE_NOOP("core", "文件没有被改动"),
    FileState.BLANK: QT_TRANSLATE_NOOP("core", "文件没有被改动；如要在其中新建，请运行 pharmacy-desk init"),
    FileState.FOREIGN: QT_TRANSLATE_NOOP("core", "文件没有被改动，请检查所选的文件"),
    FileState.DAMAGED: QT_TRANSLATE_NOOP("core", "为免损失更多数据，没有打开它，文件没有被改动"),
}


def refusal_words(state: FileState) -> Sentence:
    """What was found at the path and what to do about it, e.g. 是空的（0 字节），里面没有数据。文件没有被改动…"""
    if state in ADVICE:
        return Sentence(QT_TRANSLATE_NOOP("core", "{found}。{advice}"), found=term(FOUND[state]),
                        advice=term(ADVICE[state]))
    return term(FOUND[state])

KIND_OF_STATE = {
    FileState.MISSING: "cantopen", FileState.FOLDER: "cantopen", FileState.EMPTY: "notadb",
    FileState.NOT_SQLITE: "notadb", FileState.BLANK: "notadb", FileState.FOREIGN: "notadb",
    FileState.DAMAGED: "corrupt",
}


class DatabaseUnusable(StorageError):
    """The database path holds nothing this program may open; nothing in it was changed.

    ``state`` says what was found; ``backup`` is the newest good backup of the database,
    if there is one, which the message offers (the windows offer it as a button).
    """

    def __init__(self, path: str | os.PathLike[str], state: FileState, backup: Path | None = None):
        self.path, self.state, self.backup = Path(path), state, backup
        words = refusal_words(state)
        if backup is not None:
            super().__init__(QT_TRANSLATE_NOOP(
                "core", "数据库文件 {path} {refusal}。可以从最近的完好备份恢复：pharmacy-desk --db {path} restore {backup}。"),
                KIND_OF_STATE[state], path=self.path, refusal=words, backup=backup)
        elif state in (FileState.DAMAGED, FileState.EMPTY, FileState.NOT_SQLITE):
            super().__init__(QT_TRANSLATE_NOOP("core", "数据库文件 {path} {refusal}。没有找到它的备份，请找出别处保存的副本。"),
                             KIND_OF_STATE[state], path=self.path, refusal=words)
        else:
            super().__init__(QT_TRANSLATE_NOOP("core", "数据库文件 {path} {refusal}。"), KIND_OF_STATE[state],
                             path=self.path, refusal=words)


def refusal(path: str | os.PathLike[str], examined: Examined) -> DatabaseUnusable:
    """The refusal for a path that cannot be opened, offering its newest good backup.

    Not when the folder itself is missing (a mistyped path, the stick holding the database
    not plugged in): the backup could not be put there, or would start a second database
    beside the real one. Backups are matched by file name, and any ``shop.sqlite3`` has one.
    """
    from pharmacy_desk.core.backup_files import newest_good_backup

    folder_missing = examined.state is FileState.MISSING and not Path(path).absolute().parent.is_dir()
    return DatabaseUnusable(path, examined.state, None if folder_missing else newest_good_backup(Path(path)))
