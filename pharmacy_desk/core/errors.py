"""Expected problems, each carrying one clear Chinese sentence for the person at the till.

Anything that is not a ``DeskError`` (or one of the storage failures translated by
``explain_storage_error``) is a bug: the caller logs its traceback.
"""

from __future__ import annotations

import sqlite3

import peewee


class DeskError(Exception):
    """An expected problem; ``str(error)`` is the message to show."""


class InvalidInput(DeskError):
    """The data typed or imported is not acceptable (bad phone, future birthday …)."""


class NotFound(DeskError):
    pass


class DuplicateMember(DeskError):
    def __init__(self, message: str, member_id: int):
        super().__init__(message)
        self.member_id = member_id


class PointsError(DeskError):
    """Not enough points, a block size that does not exist, or over the monthly cap."""


class CouponError(DeskError):
    pass


class StockError(DeskError):
    pass


class ReturnError(DeskError):
    pass


class StorageError(DeskError):
    """The database or disk refused: locked, full, read-only, damaged or too new."""


def explain_storage_error(exc: BaseException) -> StorageError | None:
    """Translate SQLite's expected failures into a message; None when it is a bug."""
    text = str(exc).lower()
    if not isinstance(exc, (sqlite3.Error, peewee.DatabaseError, OSError)):
        return None
    if "locked" in text or "busy" in text:
        return StorageError("数据库正被另一个窗口或程序占用，请稍等几秒再试。")
    if "disk is full" in text or "database or disk is full" in text or getattr(exc, "errno", None) == 28:
        return StorageError("磁盘已满，无法保存。请清理磁盘空间后再试，刚才的操作没有保存。")
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return StorageError("没有写入数据库文件的权限，请检查文件是否只读或被其他程序占用。")
    if "malformed" in text or "not a database" in text or "file is not a database" in text:
        return StorageError("数据库文件已损坏或不是本程序的数据库，请从备份恢复。")
    if "unable to open" in text:
        return StorageError("无法打开数据库文件，请检查路径和权限。")
    return None
