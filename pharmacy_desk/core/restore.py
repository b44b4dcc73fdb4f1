"""恢复备份: put a backup in the database's place, keeping what was there.

The backup is checked first (a SQLite file of this program, passing the full integrity
check, of a schema version this program can open); the current database is backed up
(``恢复前``) or, when it cannot be opened, moved aside under a name that says so, never
deleted; then a copy of the backup replaces the database file, which is opened again
(and migrated when the backup is older) and the restore is audited in it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pharmacy_desk.core import audit, backup, backup_files, database_file, db, dialect_files, operations, schema
from pharmacy_desk.core.changes import ALL, Changes
from pharmacy_desk.core.database_file import FileState
from pharmacy_desk.core.errors import READ, WRITE, DeskError, file_errors
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import BackupReason, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, term
from pharmacy_desk.core.operator import Operator

log = logging.getLogger(__name__)

# Everything a window shows may differ in the restored database.
EVERYTHING = Changes(members=ALL, sales=True, ledger=True, coupons=True, contacts=True, catalog=True, health=True,
                     settings=True, staff=True)


class RestoreRefused(DeskError):
    """The chosen file cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept: Path | None  # where the database as it was before now is (None: there was no file)
    database: Path
    changes: Changes = EVERYTHING


def check_backup_file(path: str | os.PathLike[str]) -> int:
    """Refuse a file that is not a sound backup of this program's database; returns its schema version."""
    location = Path(path)
    examined = database_file.examine(location)
    if examined.state is not FileState.OURS:
        if examined.state is FileState.MISSING:
            raise RestoreRefused(QT_TRANSLATE_NOOP("core", "找不到备份文件 {location}。"), location=location)
        raise RestoreRefused(QT_TRANSLATE_NOOP("core", "不能从 {location} 恢复：这个文件{found}。"), location=location,
                             found=term(database_file.FOUND[examined.state]))
    with file_errors(location, READ):
        problems = dialect_files.file_integrity_errors(location)
    if problems:
        log.error("backup %s fails the integrity check: %s", location, problems[:5])
        raise RestoreRefused(QT_TRANSLATE_NOOP(
            "core", "不能从 {location} 恢复：这个备份没有通过完整性检查（已损坏）。请选另一个备份。"), location=location)
    if examined.user_version > schema.CURRENT_VERSION:
        raise RestoreRefused(QT_TRANSLATE_NOOP(
            "core", "不能从 {location} 恢复：它来自更新版本的程序（结构版本 {user_version}），请升级本程序后再恢复。"),
            location=location, user_version=examined.user_version)
    return examined.user_version


def _staging(database: Path) -> Path:
    return database.with_name(f".{database.name}.restoring")


def _stage(source: Path, database: Path) -> Path:
    """A checked copy of ``source`` beside ``database``, made before anything else moves.

    Copied first, so the backup about to be made of the current database (and the
    rotation after it) cannot take away the file being restored.
    """
    staging = _staging(database)
    try:
        with file_errors(database, WRITE):
            dialect_files.copy_file_database(source, staging)
            with open(staging, "rb") as file:
                os.fsync(file.fileno())
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return staging


def _put_in_place(staging: Path, database: Path) -> None:
    """Replace ``database`` by the staged copy; the database must be closed."""
    try:
        with file_errors(database, WRITE):
            for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
                leftover.unlink(missing_ok=True)  # the closed database's log was checkpointed into it
            os.replace(staging, database)
    finally:
        staging.unlink(missing_ok=True)


def _operator_in_restored(operator: Operator | None) -> Operator | None:
    """The same person in the restored database (same id and name), else the system account."""
    if operator is None:
        return None
    found = Staff.get_or_none(Staff.id == operator.id)
    return Operator.of(found) if found is not None and found.name == operator.name else None


def kept_sentence(kept: Path | None) -> str:
    return f"恢复前的数据库保存为 {kept}" if kept is not None else "原来没有数据库文件"


def _audit(source: Path, kept: Path | None, operator: Operator | None, at: dt.datetime, note: str = "") -> None:
    info = backup_files.read_record(source)
    made = f"（{info.created_at:%Y-%m-%d %H:%M} 的{info.reason.label}备份）" if info else ""
    who = f"{operator.name}恢复；" if operator is not None else ""
    audit.record(OperationKind.RESTORE, _operator_in_restored(operator), subject=str(source),
                 detail=f"{who}从 {source}{made}恢复{note}；{kept_sentence(kept)}", at=at)


def restore(source: str | os.PathLike[str], operator: Operator, *, at: dt.datetime | None = None) -> RestoreResult:
    """Replace the open database by the backup at ``source`` (the owner's: ``Permission.RESTORE``)."""
    require(operator, Permission.RESTORE)
    location = Path(source).absolute()
    database = db.database_path()
    if database is None:
        raise RestoreRefused(QT_TRANSLATE_NOOP("core", "内存中的数据库不能恢复。"))
    check_backup_file(location)
    at = at or operations.now()
    staging = _stage(location, database)
    try:
        if db.read_only:
            kept = _move_aside(database, at)
        else:
            kept = backup.make_backup(reason=BackupReason.BEFORE_RESTORE, operator=operator, at=at).path
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    db.close_database()
    try:
        _put_in_place(staging, database)
    finally:
        db.open_database(database, allow_damaged=True)  # the restored file, or the old one if the copy failed
    _audit(location, kept, operator, at)
    log.warning("database %s restored from %s; the previous one is %s", database, location, kept)
    return RestoreResult(location, kept, database)


def _move_aside(database: Path, at: dt.datetime) -> Path:
    """Keep a database that cannot be opened beside itself, under a name that says so."""
    aside = database.with_name(f"{database.stem}-无法打开-{at:%Y%m%d-%H%M%S}{database.suffix}")
    db.close_database()
    with file_errors(aside, WRITE):
        os.replace(database, aside)
        for sidecar in ("-wal", "-shm"):
            if Path(f"{database}{sidecar}").exists():
                os.replace(f"{database}{sidecar}", f"{aside}{sidecar}")
    return aside


def restore_unopenable(database: str | os.PathLike[str], source: str | os.PathLike[str], *,
                       at: dt.datetime | None = None) -> RestoreResult:
    """Restore a database that cannot be opened at all (missing, empty, damaged …).

    Nobody can sign in to such a database, so this is the program's own act: whoever
    may run it on this computer's data folder could copy the files anyway. What was
    at the path is moved aside, never deleted; the restore is audited as the system.
    """
    target = Path(database).absolute()
    location = Path(source).absolute()
    check_backup_file(location)
    at = at or operations.now()
    db.close_database()
    staging = _stage(location, target)
    kept = _move_aside(target, at) if target.exists() else None
    _put_in_place(staging, target)
    db.open_database(target)
    _audit(location, kept, None, at, note="（原数据库无法打开）")
    log.warning("database %s (unopenable) restored from %s; what was there is %s", target, location, kept)
    return RestoreResult(location, kept, target)
