"""备份文件: the backups on disk, their records, and which of them rotation keeps.

A backup is a database file named after the database and the moment it was made
(``pharmacy_desk-20261201-204700.sqlite3``) with a record beside it
(``….sqlite3.json``: when, why, the schema version, the chain head, its size). The record
is written last, after the copy passed SQLite's integrity check and was renamed into
place, so a backup with a record of the right size is a good one; anything else (a copy
cut short, a file whose record is missing) is never offered for restore.

Nothing here needs an open database: when the database cannot be opened, its newest
good backup is still found here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pharmacy_desk.core import paths
from pharmacy_desk.core.vocabulary import BackupReason
from pharmacy_desk.core.sentences import Sentence

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
RECORD_SUFFIX = ".json"
PARTIAL_SUFFIX = ".partial"
STAMP = "%Y%m%d-%H%M%S"
# Folders other than the data folder's that have held backups (a USB stick), one per line:
# found again when the database itself, which names the chosen folder, cannot be opened.
LOCATIONS_FILE = "other_backup_folders.txt"


@dataclass(frozen=True)
class BackupInfo:
    """One good backup, as its record describes it."""

    path: Path
    created_at: dt.datetime
    reason: BackupReason
    database: str  # the file name of the database it copies
    size: int
    schema_version: int
    chain_head: str = ""
    warning: Sentence | None = None  # said once when it was made (the chosen folder was missing); not stored

    @property
    def record_path(self) -> Path:
        return record_path(self.path)


def record_path(backup: Path) -> Path:
    return backup.with_name(backup.name + RECORD_SUFFIX)


def backup_name(database: Path, at: dt.datetime, folder: Path) -> str:
    """A new file name in ``folder`` for a backup of ``database`` made at ``at``."""
    base = f"{database.stem}-{at.strftime(STAMP)}"
    name, n = base + SUFFIX, 2
    while (folder / name).exists() or (folder / (name + RECORD_SUFFIX)).exists():
        name, n = f"{base}-{n}{SUFFIX}", n + 1
    return name


def write_record(info: BackupInfo) -> None:
    """Write the record beside the backup (to a temporary name first: a record is whole or absent)."""
    text = json.dumps({
        "created_at": info.created_at.isoformat(), "reason": info.reason.value, "database": info.database,
        "size": info.size, "schema_version": info.schema_version, "chain_head": info.chain_head,
    }, ensure_ascii=False, indent=1)
    partial = info.record_path.with_name(info.record_path.name + PARTIAL_SUFFIX)
    with open(partial, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, info.record_path)


def read_record(backup: Path) -> BackupInfo | None:
    """The backup at ``backup`` as its record describes it; None unless it is a good backup."""
    try:
        data = json.loads(record_path(backup).read_text(encoding="utf-8"))
        info = BackupInfo(path=backup, created_at=dt.datetime.fromisoformat(data["created_at"]),
                          reason=BackupReason.of(data["reason"]), database=str(data["database"]),
                          size=int(data["size"]), schema_version=int(data["schema_version"]),
                          chain_head=str(data.get("chain_head", "")))
        actual = backup.stat().st_size
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if actual == info.size else None


def remember_folder(folder: Path) -> None:
    """Note a folder outside the data folder that now holds backups."""
    folder = folder.absolute()
    if folder == paths.backup_dir().absolute() or folder in other_folders():
        return
    with open(paths.backup_dir() / LOCATIONS_FILE, "a", encoding="utf-8") as file:
        file.write(f"{folder}\n")


def other_folders() -> list[Path]:
    try:
        lines = (paths.backup_dir() / LOCATIONS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [Path(line) for line in lines if line.strip()]


def backup_folders(chosen: Path | None = None) -> list[Path]:
    """Where backups may be: the chosen folder, the data folder's, and any that held them before."""
    folders = [chosen] if chosen is not None else []
    folders += [paths.backup_dir(), *other_folders()]
    unique: list[Path] = []
    for folder in folders:
        if folder.absolute() not in unique:
            unique.append(folder.absolute())
    return unique


def backups_in(folders: Iterable[Path], database: Path) -> list[BackupInfo]:
    """The good backups of ``database`` in ``folders``, newest first."""
    found = []
    for folder in folders:
        try:
            candidates = sorted(folder.glob(f"{glob_escape(database.stem)}-*{SUFFIX}"))
        except OSError:  # a folder on a stick that was pulled
            continue
        for candidate in candidates:
            info = read_record(candidate)
            if info is not None and info.database == database.name:
                found.append(info)
    return sorted(found, key=lambda info: (info.created_at, info.path.name), reverse=True)


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def newest_good_backup(database: Path, chosen: Path | None = None) -> Path | None:
    found = backups_in(backup_folders(chosen), database)
    return found[0].path if found else None


def rotation_victims(backups: list[BackupInfo], keep_daily: int, keep_monthly: int) -> list[BackupInfo]:
    """The backups rotation deletes: all but the newest of each of the last ``keep_daily`` days
    that have one, and the newest of each of the last ``keep_monthly`` months.

    The newest backup is always kept, and so is each backup made before a restore: it
    holds the data as it was before someone replaced it. Those are kept apart, so the
    backup just restored from is still its day's.
    """
    newest_first = sorted(backups, key=lambda info: (info.created_at, info.path.name), reverse=True)
    keep: set[Path] = {info.path for info in newest_first[:1]}
    keep |= {info.path for info in newest_first if info.reason == BackupReason.BEFORE_RESTORE}
    regular = [info for info in newest_first if info.reason != BackupReason.BEFORE_RESTORE]
    for period, count in ((lambda at: at.date(), keep_daily), (lambda at: (at.year, at.month), keep_monthly)):
        seen: list[object] = []
        for info in regular:
            key = period(info.created_at)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(info.path)
    return [info for info in newest_first if info.path not in keep]


def delete(info: BackupInfo) -> None:
    """Delete a rotated-out backup: its record first, so a half-deleted backup is never offered."""
    info.record_path.unlink(missing_ok=True)
    info.path.unlink(missing_ok=True)


def stale_partials(folder: Path, database: Path, before: dt.datetime) -> list[Path]:
    """Copies cut short (the program stopped while writing them) older than ``before``."""
    found = []
    for partial in folder.glob(f".{glob_escape(database.stem)}-*{PARTIAL_SUFFIX}"):
        try:
            if dt.datetime.fromtimestamp(partial.stat().st_mtime) < before:
                found.append(partial)
        except OSError:
            continue
    return found
