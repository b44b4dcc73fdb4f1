"""备份: copies of the open database, made through SQLite's online backup while the tills work.

``make_backup`` writes the copy under a temporary name, runs the full integrity check on
the copy, renames it into place and writes its record (``core/backup_files.py``), then
rotates the folder (settings ``backup_keep_daily`` and ``backup_keep_monthly``). The copy
goes to the folder the owner chose (setting ``backup_dir``, a USB stick) or ``--to``;
when that folder is missing or cannot be written, to the data folder's ``backups``,
with a warning sentence. Each backup is audited (``OperationKind.BACKUP``).

When: at start-up when the newest good backup is older than a day, daily while the app
is open, on exit (``backup_due``), and whenever someone asks.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from pharmacy_desk import __version__
from pharmacy_desk.core import audit, backup_files, db, dialect_files, operations, paths, settings
from pharmacy_desk.core.backup_files import PARTIAL_SUFFIX, BackupInfo
from pharmacy_desk.core.errors import DeskError, explain_storage_error, file_kind
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import BackupReason, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator

log = logging.getLogger(__name__)

DUE_AFTER = dt.timedelta(days=1)  # start-up and the daily check make one when the newest is older
OVERDUE_AFTER = dt.timedelta(days=2)  # the status bar turns red
PARTIALS_KEPT = dt.timedelta(days=1)  # a copy cut short this long ago is not being written any more

# Why a copy failed, by the kind of storage failure (the folder is named before it).
FAILURE_REASONS = {
    "full": QT_TRANSLATE_NOOP("core", "磁盘已满"),
    "io": QT_TRANSLATE_NOOP("core", "磁盘或U盘无法访问（可能已拔出）"),
    "readonly": QT_TRANSLATE_NOOP("core", "文件夹不能写入"),
    "cantopen": QT_TRANSLATE_NOOP("core", "文件夹不能写入"),
    "corrupt": QT_TRANSLATE_NOOP("core", "数据库文件已损坏，请运行 pharmacy-desk check 检查"),
    "busy": QT_TRANSLATE_NOOP("core", "数据库正忙"),
    "locked": QT_TRANSLATE_NOOP("core", "数据库正忙"),
    "notadb": QT_TRANSLATE_NOOP("core", "数据库文件已损坏，请运行 pharmacy-desk check 检查"),
}
FILE_FAILURE_REASONS = {
    "disk_full": QT_TRANSLATE_NOOP("core", "磁盘已满"),
    "device_gone": QT_TRANSLATE_NOOP("core", "磁盘或U盘无法访问（可能已拔出）"),
    "no_permission": QT_TRANSLATE_NOOP("core", "文件夹不能写入"),
    "not_found": QT_TRANSLATE_NOOP("core", "文件夹不存在"),
    "not_a_directory": QT_TRANSLATE_NOOP("core", "这不是文件夹"),
    "is_a_directory": QT_TRANSLATE_NOOP("core", "同名的文件夹已存在"),
}


class BackupFailed(DeskError):
    """The copy could not be made or did not pass its check; nothing was left behind."""


def chain_head() -> str:
    """The ledger and audit chain head recorded with each backup (``core/chain.py``'s ``head()``).

    Read inside the backup's read transaction, so it is the head of exactly the data copied.
    """
    from pharmacy_desk.core import chain

    return chain.head()


def chosen_folder() -> Path | None:
    """The folder the owner chose for backups (setting ``backup_dir``), or None for the data folder."""
    text = settings.get("backup_dir").strip()
    return Path(text).expanduser() if text else None


def _writable_folder(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` now (a pulled stick, a read-only medium cannot)."""
    if not folder.is_dir():
        return False
    probe = folder / f".pharmacy_desk-probe-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True


def target_folder(to_dir: str | os.PathLike[str] | None = None) -> tuple[Path, Sentence | None]:
    """(folder, warning): ``to_dir`` or the chosen folder, or the data folder when it cannot be used."""
    fallback = paths.backup_dir()
    wanted = Path(to_dir).expanduser() if to_dir is not None else chosen_folder()
    if wanted is None or wanted.absolute() == fallback.absolute():
        return fallback, None
    if _writable_folder(wanted):
        return wanted, None
    return fallback, Sentence(QT_TRANSLATE_NOOP(
        "core", "备份文件夹 {wanted} 不存在或不能写入（U盘可能已拔出），这次的备份已保存到程序数据目录 {fallback}。"),
        wanted=wanted, fallback=fallback)


def _failure(error: BaseException, folder: Path) -> BackupFailed | None:
    storage = explain_storage_error(error)
    reason = (FAILURE_REASONS.get(storage.kind or "") if storage is not None
              else FILE_FAILURE_REASONS.get(file_kind(error) or ""))
    return BackupFailed(QT_TRANSLATE_NOOP(
        "core", "备份没有完成（{folder}）：{reason}。数据库本身没有受影响。"), folder=folder,
        reason=term(reason)) if reason else None


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (folders cannot be opened on Windows)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _copy(folder: Path, at: dt.datetime, reason: BackupReason) -> BackupInfo:
    """Copy, check, rename and record; a failure leaves nothing in ``folder``."""
    source = db.database_path()
    if source is None:
        raise BackupFailed(QT_TRANSLATE_NOOP("core", "内存中的数据库不能备份。"))
    name = backup_files.backup_name(source, at, folder)
    final = folder / name
    partial = folder / f".{name}{PARTIAL_SUFFIX}"
    try:
        with db.database.atomic():  # one read transaction: the chain head belongs to the data copied
            head = chain_head()
            dialect_files.copy_database(db.database, partial)
        problems = dialect_files.file_integrity_errors(partial)
        if problems:
            log.error("backup copy %s failed its integrity check: %s", partial, problems[:5])
            raise BackupFailed(QT_TRANSLATE_NOOP(
                "core", "备份没有完成（{folder}）：复制出的文件没有通过完整性检查，已删除。请运行 pharmacy-desk check 检查数据库。"), folder=folder)
        db.note_checked()  # the copy of every page passed: so did the file it was copied from
        with open(partial, "rb") as file:
            os.fsync(file.fileno())
        os.replace(partial, final)
        _fsync_folder(folder)
        info = BackupInfo(path=final, created_at=at, reason=reason, database=source.name,
                          size=final.stat().st_size, schema_version=dialect_files.file_facts(final, quick_check=False)
                          .user_version, chain_head=head)
        backup_files.write_record(info)
    except Exception as error:
        partial.unlink(missing_ok=True)
        if final.exists() and backup_files.read_record(final) is None:
            final.unlink(missing_ok=True)
        failed = _failure(error, folder)
        if failed is None:
            raise
        raise failed from error
    return info


def make_backup(to_dir: str | os.PathLike[str] | None = None, reason: BackupReason = BackupReason.MANUAL, *,
                operator: Operator | None = None, at: dt.datetime | None = None) -> BackupInfo:
    """Back the open database up now; returns the checked backup (its ``warning`` says where it went
    when the chosen folder could not be used).

    ``operator`` None is the program itself (start-up, daily, exit); a person asking for one
    needs ``Permission.BACKUP`` (a copy of every member's data). Audited as ``backup``.
    """
    if operator is not None:
        require(operator, Permission.BACKUP)
    at = at or operations.now()
    folder, warning = target_folder(to_dir)
    info = _copy(folder, at, reason)
    if folder.absolute() != paths.backup_dir().absolute():
        backup_files.remember_folder(folder)
    if not db.read_only:
        audit.record(OperationKind.BACKUP, operator, subject=str(info.path),
                     detail=f"{reason.label}备份，{info.size:,} 字节，完整性检查通过"
                            + (f"；{warning}" if warning else ""), at=at)
    rotate(folder, at)
    log.info("backup %s (%s, %d bytes, version %s)", info.path, reason.value, info.size, __version__)
    return BackupInfo(**{**info.__dict__, "warning": warning})


def rotate(folder: Path, at: dt.datetime) -> list[Path]:
    """Delete the backups of the open database in ``folder`` that rotation does not keep; returns them."""
    source = db.database_path()
    if source is None:
        return []
    victims = backup_files.rotation_victims(backup_files.backups_in([folder], source),
                                            settings.get("backup_keep_daily"), settings.get("backup_keep_monthly"))
    for info in victims:
        backup_files.delete(info)
    for partial in backup_files.stale_partials(folder, source, at - PARTIALS_KEPT):
        partial.unlink(missing_ok=True)
    return [info.path for info in victims]


def good_backups() -> list[BackupInfo]:
    """Every good backup of the open database, newest first, wherever it was put."""
    source = db.database_path()
    if source is None:
        return []
    return backup_files.backups_in(backup_files.backup_folders(chosen_folder()), source)


def newest_good_backup() -> BackupInfo | None:
    found = good_backups()
    return found[0] if found else None


def backup_due(now: dt.datetime | None = None, after: dt.timedelta = DUE_AFTER) -> bool:
    """Whether the newest good backup is older than ``after`` (or there is none)."""
    newest = newest_good_backup()
    return newest is None or newest.created_at <= (now or operations.now()) - after


def backup_if_due(reason: BackupReason, now: dt.datetime | None = None,
                  after: dt.timedelta = DUE_AFTER) -> BackupInfo | None:
    """A backup when one is due (``backup_due``); None when the newest is recent enough."""
    if db.database_path() is None or not backup_due(now, after):
        return None
    return make_backup(reason=reason, at=now)


@dataclass(frozen=True)
class BackupStatus:
    """What the counter's status bar says about backups."""

    newest: dt.datetime | None
    overdue: bool  # none at all, or the newest is older than two days: shown in red

    @property
    def text(self) -> str:
        if self.newest is None:
            return "尚无备份"
        return f"上次备份：{self.newest:%Y-%m-%d %H:%M}"


def status(now: dt.datetime | None = None) -> BackupStatus:
    newest = newest_good_backup()
    if newest is None:
        return BackupStatus(None, True)
    return BackupStatus(newest.created_at, newest.created_at <= (now or operations.now()) - OVERDUE_AFTER)
