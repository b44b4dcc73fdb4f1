"""Expected problems, each carrying one clear sentence for the person at the till.

The sentence is a ``sentences.Sentence``: a Chinese template marked for the catalogue and its
parameters (``InvalidInput(QT_TRANSLATE_NOOP("core", "姓名太长（{length}个字）。"), length=n)``),
so the windows show it in their language (``ui.messages.user_message``) while ``str(error)``
stays the Chinese the command line prints.

Anything that is not a ``DeskError`` — and that ``expected_problem`` does not recognise as
a database failure reported by the engine's error code — is a bug: the caller logs its
traceback.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from contextlib import contextmanager
from collections.abc import Iterator

from pharmacy_desk.core.dialect_files import DRIVER_ERRORS, failure
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term


class DeskError(Exception):
    """An expected problem: ``sentence`` is what to show, ``str(error)`` its Chinese.

    ``message`` is a marked template filled with ``params``, or a whole ``Sentence``. A text
    the windows already translated (a window's own refusal) is passed as it is: the catalogue
    does not hold it in the core's context, so it is shown unchanged.
    """

    def __init__(self, message: str | Sentence, /, **params: object):
        self.sentence = message if isinstance(message, Sentence) else Sentence(message, **params)
        super().__init__(str(self.sentence))


class InvalidInput(DeskError):
    """The data typed or imported is not acceptable (bad phone, future birthday …)."""


class NotPermitted(DeskError):
    """The operator's role may not do this (a cashier changing the owner's rules)."""


class NotFound(DeskError):
    pass


class DuplicateMember(DeskError):
    def __init__(self, message: str | Sentence, member_id: int, **params: object):
        super().__init__(message, **params)
        self.member_id = member_id


class PhoneInUse(DuplicateMember):
    """Signing up on a phone other members have: ``members`` are who (a family may share it)."""

    def __init__(self, message: str | Sentence, members: list, **params: object):
        super().__init__(message, members[0].id, **params)
        self.members = members


class PointsError(DeskError):
    """Not enough points, a block size that does not exist, or over the monthly cap."""


class CouponError(DeskError):
    pass


class StockError(DeskError):
    pass


class ReturnError(DeskError):
    pass


class NeedsConfirmation(DeskError):
    """An unusually large sale: recorded only once the cashier has confirmed the amount."""

    def __init__(self, reason: Sentence):
        super().__init__(QT_TRANSLATE_NOOP("core", "{reason}，请确认金额无误后再记账。"), reason=reason)
        self.reason = reason


class StorageError(DeskError):
    """The database refused: busy, read-only, full, damaged, unopenable or too new.

    ``kind`` is one of the ``dialect.FAILURES`` kinds (None for a refusal of our own, such
    as a database from a newer version); ``code`` is the engine's name for the error
    (``SQLITE_FULL``), for the log.
    """

    def __init__(self, message: str | Sentence, kind: str | None = None, code: str | None = None, **params: object):
        super().__init__(message, **params)
        self.kind, self.code = kind, code


STORAGE_MESSAGES = {
    "busy": QT_TRANSLATE_NOOP("core", "数据库正被另一个窗口或程序占用，请稍等几秒再试。刚才的操作没有保存。"),
    "locked": QT_TRANSLATE_NOOP("core", "数据库正忙于另一项操作，请稍等几秒再试。刚才的操作没有保存。"),
    "readonly": QT_TRANSLATE_NOOP("core", "数据库文件只能读不能写（文件或文件夹是只读的，或在只读的磁盘上），刚才的操作没有保存。"
                "请检查文件权限。"),
    "io": QT_TRANSLATE_NOOP("core", "读写数据库文件时磁盘出错（U盘或网络盘可能已拔出或断开），刚才的操作没有保存。"
          "请检查磁盘后重新打开程序。"),
    "full": QT_TRANSLATE_NOOP("core", "磁盘已满，无法保存。请清理磁盘空间后再试，刚才的操作没有保存。"),
    "corrupt": QT_TRANSLATE_NOOP("core", "数据库文件已损坏，请从备份恢复。"),
    "cantopen": QT_TRANSLATE_NOOP("core", "无法打开数据库文件，请检查文件所在的文件夹是否存在、是否有权限。"),
    "notadb": QT_TRANSLATE_NOOP("core", "这个文件不是本程序的数据库，或者已损坏、被加密。请检查所选的文件，或从备份恢复。"),
}


def _database_errors(error: BaseException) -> Iterator[BaseException]:
    """``error`` and the database errors it was raised while handling, newest first.

    Only a chain of database errors is followed: a failure that surfaces while the
    transaction is rolled back ("cannot rollback - no transaction is active") is about
    the one before it ("database or disk is full"). A program error raised while
    handling a database error is a bug, whatever it was handling.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    database_errors = (*_orm_errors(), *DRIVER_ERRORS)
    while current is not None and id(current) not in seen and isinstance(current, database_errors):
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _orm_errors() -> tuple[type[BaseException], ...]:
    """peewee's exception class, once peewee is loaded: before that, no error can be one.

    The windows classify errors before the first window has painted, and peewee is loaded
    only after it (``db.open_database(lazily=True)``).
    """
    peewee = sys.modules.get("peewee")
    return (peewee.PeeweeException,) if peewee is not None else ()


def explain_storage_error(error: BaseException) -> StorageError | None:
    """The database failure ``error`` reports, by the engine's error code; None when it is a bug."""
    for link in _database_errors(error):
        found = failure(link)
        if found is not None:
            kind, code = found
            restorable = _newest_backup() if kind == "corrupt" else None
            if restorable is not None:
                database, backup = restorable
                return StorageError(CORRUPT_WITH_BACKUP, kind, code, problem=term(STORAGE_MESSAGES[kind]),
                                    database=database, backup=backup)
            return StorageError(STORAGE_MESSAGES[kind], kind, code)
    return None


CORRUPT_WITH_BACKUP = QT_TRANSLATE_NOOP(
    "core", "{problem}最近的完好备份：{backup}（pharmacy-desk --db {database} restore {backup}，或 店长 ▸ 备份与恢复）。")


def _newest_backup() -> tuple[object, object] | None:
    """(the open database, its newest good backup), named for a damaged file's message.

    The command names the database: ``restore`` alone would put the backup in the place of
    the default database, which may be another pharmacy's file than the one damaged.
    """
    from pharmacy_desk.core import db
    from pharmacy_desk.core.backup_files import newest_good_backup

    opened = db.database_path()
    backup = newest_good_backup(opened) if opened is not None else None
    return (opened, backup) if backup is not None else None


# --- files -----------------------------------------------------------------------------------------

READ = "read"
WRITE = "write"
ACCESS = "access"  # when only the system knows what was being done


def _errnos(*names: str) -> frozenset[int]:
    """The numbers of the errno names this platform has (EDQUOT, ESTALE … are not everywhere)."""
    return frozenset(getattr(errno, name) for name in names if hasattr(errno, name))


FILE_KINDS = (
    ("not_found", _errnos("ENOENT")),
    ("no_permission", _errnos("EACCES", "EPERM", "EROFS")),
    ("disk_full", _errnos("ENOSPC", "EDQUOT")),
    ("device_gone", _errnos("EIO", "ENODEV", "ENXIO", "ESTALE", "ENOMEDIUM")),
    ("not_a_directory", _errnos("ENOTDIR")),
    ("is_a_directory", _errnos("EISDIR")),
)

FILE_REASONS = {
    "no_permission": QT_TRANSLATE_NOOP("core", "没有权限（文件可能正在 Excel 等程序中打开，或文件夹、磁盘是只读的）"),
    "disk_full": QT_TRANSLATE_NOOP("core", "磁盘已满"),
    "device_gone": QT_TRANSLATE_NOOP("core", "磁盘或U盘无法访问（可能已拔出或断开）"),
    "not_a_directory": QT_TRANSLATE_NOOP("core", "路径中有一段不是文件夹"),
    "is_a_directory": QT_TRANSLATE_NOOP("core", "这是一个文件夹，不是文件"),
}
NOT_FOUND_REASONS = {READ: QT_TRANSLATE_NOOP("core", "找不到这个文件"),
                     WRITE: QT_TRANSLATE_NOOP("core", "所在的文件夹不存在")}
# "Not found" for a new file in a folder that is there: a system folder (/proc) that makes no files.
NO_NEW_FILE_REASON = QT_TRANSLATE_NOOP("core", "这个文件夹里不能新建文件")

# The sentence by action (a written file also says it was not saved) and whether the path is known.
FILE_SENTENCES = {
    (READ, True): QT_TRANSLATE_NOOP("core", "无法读取 {path}：{reason}。"),
    (READ, False): QT_TRANSLATE_NOOP("core", "无法读取文件：{reason}。"),
    (WRITE, True): QT_TRANSLATE_NOOP("core", "无法写入 {path}：{reason}。刚才的文件没有保存。"),
    (WRITE, False): QT_TRANSLATE_NOOP("core", "无法写入文件：{reason}。刚才的文件没有保存。"),
    (ACCESS, True): QT_TRANSLATE_NOOP("core", "无法访问 {path}：{reason}。"),
    (ACCESS, False): QT_TRANSLATE_NOOP("core", "无法访问文件：{reason}。"),
}


class FileProblem(DeskError):
    """A file the user chose could not be read or written; the message names the path.

    ``kind`` is one of the ``FILE_KINDS`` names, ``action`` what was being done (``READ``,
    ``WRITE``).
    """

    def __init__(self, path: str | os.PathLike[str] | None, action: str, kind: str):
        reason = NOT_FOUND_REASONS.get(action, NOT_FOUND_REASONS[READ]) if kind == "not_found" else FILE_REASONS[kind]
        if kind == "not_found" and action == WRITE and path is not None and os.path.isdir(os.path.dirname(os.path.abspath(path))):
            reason = NO_NEW_FILE_REASON
        self.path = None if path is None else os.fspath(path)
        self.action, self.kind = action, kind
        super().__init__(FILE_SENTENCES[(action, self.path is not None)], path=self.path, reason=term(reason))


# Errors raised by Rust extensions (the spreadsheet reader) carry the number only in their text.
_RUST_OS_ERROR = re.compile(r"\(os error (\d+)\)$")


def file_kind(error: BaseException) -> str | None:
    """The ``FILE_KINDS`` name of an operating-system error; None for anything else."""
    if not isinstance(error, OSError):
        return None
    number = error.errno
    if number is None and (found := _RUST_OS_ERROR.search(str(error))):
        number = int(found.group(1))
    return next((kind for kind, numbers in FILE_KINDS if number in numbers), None)


def file_problem(error: BaseException, path: str | os.PathLike[str], action: str) -> FileProblem | None:
    """``error`` as a ``FileProblem`` about ``path``, or None when it is not a file-system refusal."""
    kind = file_kind(error)
    return FileProblem(path, action, kind) if kind else None


def reraise_file_refusal(error: BaseException) -> None:
    """Inside an ``except`` that words damaged files: let the file system's refusal through,
    for the ``file_errors`` around the read to word (a pulled stick is not a damaged file)."""
    if file_kind(error):
        raise error


@contextmanager
def file_errors(path: str | os.PathLike[str], action: str) -> Iterator[None]:
    """Around reading or writing the user's file at ``path``: the system's refusal becomes a
    ``FileProblem`` naming that path (not a temporary file beside it); other errors pass."""
    try:
        yield
    except OSError as error:
        problem = file_problem(error, path, action)
        if problem is None:
            raise
        raise problem from error


# Kinds that are never a program's mistake, wherever they surface.
_ALWAYS_EXPECTED_FILE_KINDS = ("disk_full", "device_gone")


def expected_problem(error: BaseException) -> DeskError | None:
    """What to tell the user about ``error``, or None when it is a bug (log its traceback).

    A ``DeskError`` is itself; a database failure is worded by its error code; a full or
    vanished disk is worded wherever it surfaces. A missing file or a refused permission
    outside a ``file_errors`` block is left a bug: the program chose that path.
    """
    if isinstance(error, DeskError):
        return error
    storage = explain_storage_error(error)
    if storage is not None:
        return storage
    kind = file_kind(error)
    if kind in _ALWAYS_EXPECTED_FILE_KINDS:
        return FileProblem(getattr(error, "filename", None), ACCESS, kind)
    return None
