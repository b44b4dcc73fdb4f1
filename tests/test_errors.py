"""Errors by code: the database's failures by SQLite's error code, the disk's by errno, each one
Chinese sentence; everything else stays a bug to log."""

import errno
import sqlite3
import zipfile

import peewee
import pytest

from pharmacy_desk.commands.common import PASSWORD_ENV
from pharmacy_desk.core import errors
from pharmacy_desk.core.db import close_database, open_database, write_transaction
from pharmacy_desk.core.errors import (
    READ,
    WRITE,
    FileProblem,
    StorageError,
    expected_problem,
    explain_storage_error,
    file_errors,
)
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.spreadsheet.reading import read_file
from tests.cli_helpers import OWNER_PASSWORD, as_owner


def raised(action) -> BaseException:
    try:
        action()
    except BaseException as error:  # noqa: BLE001 - the test inspects whatever came out
        return error
    raise AssertionError("nothing was raised")


def storage_kind(error: BaseException) -> str | None:
    explained = explain_storage_error(error)
    return None if explained is None else explained.kind


def as_peewee_raises(original: sqlite3.Error) -> peewee.PeeweeException:
    """``original`` re-raised the way peewee re-raises a driver error."""
    def run():
        with peewee.ExceptionWrapper(peewee.EXCEPTIONS):
            raise original
    return raised(run)


def driver_error(cls, message: str, code: int, name: str) -> sqlite3.Error:
    error = cls(message)
    error.sqlite_errorcode, error.sqlite_errorname = code, name
    return error


# --- SQLite's codes, provoked for real ---------------------------------------------------------

def test_busy_when_another_connection_holds_the_write_lock(db, tmp_path):
    other = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.execute_sql("PRAGMA busy_timeout = 0")
    try:
        def write():
            with write_transaction():
                Staff.create(name="赵六", role="cashier")
        error = raised(write)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert isinstance(error, peewee.OperationalError)
    explained = explain_storage_error(error)
    assert explained.kind == "busy" and explained.code == "SQLITE_BUSY"
    assert "另一个窗口或程序占用" in str(explained)


def test_locked_when_this_connection_still_reads_the_table(db):
    db.execute_sql("CREATE TABLE scratch (x)")
    db.execute_sql("INSERT INTO scratch VALUES (1), (2)")
    cursor = db.execute_sql("SELECT x FROM scratch")
    cursor.fetchone()
    error = raised(lambda: db.execute_sql("DROP TABLE scratch"))
    cursor.close()
    assert storage_kind(error) == "locked"


def test_readonly_when_the_database_may_not_be_written(db):
    db.execute_sql("PRAGMA query_only = 1")  # what a read-only file does to a write (root ignores chmod)
    error = raised(lambda: Staff.create(name="赵六", role="cashier"))
    db.execute_sql("PRAGMA query_only = 0")
    assert storage_kind(error) == "readonly" and "只读" in str(explain_storage_error(error))


def test_a_full_disk_behind_the_failed_rollback_is_worded_as_a_full_disk(db):
    db.execute_sql("CREATE TABLE scratch (x)")
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 3}")  # a disk with three pages left

    def write():
        with write_transaction():
            db.execute_sql("INSERT INTO scratch VALUES (?)", (b"x" * 100,))
            db.execute_sql("INSERT INTO scratch VALUES (?)", (b"x" * 1_000_000,))
    error = raised(write)
    # What reached the caller is the rollback's failure; the full disk is its context.
    assert "cannot rollback" in str(error)
    explained = explain_storage_error(error)
    assert explained.kind == "full" and explained.code == "SQLITE_FULL"
    assert str(explained).startswith("磁盘已满")


def test_corrupt_when_a_page_of_the_file_is_damaged(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (x)")
    raw.executemany("INSERT INTO t VALUES (?)", [("y" * 100,)] * 2000)
    raw.commit()
    raw.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page:2 * page + 200] = b"\xab" * 200  # the table's first page
    path.write_bytes(bytes(data))
    database = peewee.SqliteDatabase(str(path))
    try:
        error = raised(lambda: database.execute_sql("SELECT COUNT(*), SUM(length(x)) FROM t").fetchall())
    finally:
        database.close()
    assert storage_kind(error) == "corrupt" and "从备份恢复" in str(explain_storage_error(error))


def test_cantopen_when_the_database_path_is_a_folder(tmp_path):
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    error = raised(lambda: peewee.SqliteDatabase(str(folder)).connect())
    assert storage_kind(error) == "cantopen"
    # Opening the app's database finds out first and names the path.
    refusal = raised(lambda: open_database(folder))
    close_database()
    assert isinstance(refusal, StorageError) and refusal.kind == "cantopen" and str(folder) in str(refusal)


def test_notadb_when_the_file_is_text(tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("this is not a database at all\n" * 100, encoding="utf-8")
    # What SQLite itself says when it reads such a file…
    database = peewee.SqliteDatabase(str(text))
    error = raised(lambda: database.execute_sql("SELECT * FROM sqlite_master").fetchall())
    database.close()
    explained = explain_storage_error(error)
    assert explained.kind == "notadb" and explained.code == "SQLITE_NOTADB"
    # …and the app's open, which looks before it connects.
    refusal = raised(lambda: open_database(text))
    close_database()
    assert isinstance(refusal, StorageError) and refusal.kind == "notadb" and str(text) in str(refusal)


# --- codes that cannot be provoked here ---------------------------------------------------------

@pytest.mark.parametrize(("code", "name", "kind"), [
    (10, "SQLITE_IOERR", "io"),
    (266, "SQLITE_IOERR_READ", "io"),  # extended codes keep the primary code in the low byte
    (517, "SQLITE_BUSY_SNAPSHOT", "busy"),
    (526, "SQLITE_CANTOPEN_ISDIR", "cantopen"),
    (1032, "SQLITE_READONLY_DBMOVED", "readonly"),
    (3, "SQLITE_PERM", "readonly"),
    (13, "SQLITE_FULL", "full"),
])
def test_codes_are_read_from_the_driver_error_peewee_wraps(code, name, kind):
    original = driver_error(sqlite3.OperationalError, "whatever the text says", code, name)
    wrapped = as_peewee_raises(original)
    assert isinstance(wrapped, peewee.OperationalError) and wrapped.orig is original
    explained = explain_storage_error(wrapped)
    assert (explained.kind, explained.code) == (kind, name)
    assert explain_storage_error(original).kind == kind


# --- what stays a bug ---------------------------------------------------------------------------

def test_a_broken_constraint_is_not_a_storage_failure(db):
    db.execute_sql("CREATE TABLE scratch (x UNIQUE)")
    db.execute_sql("INSERT INTO scratch VALUES (1)")
    error = raised(lambda: db.execute_sql("INSERT INTO scratch VALUES (1)"))
    assert isinstance(error, peewee.IntegrityError)
    assert explain_storage_error(error) is None and expected_problem(error) is None


def test_bad_sql_and_driver_misuse_are_bugs(db):
    assert expected_problem(raised(lambda: db.execute_sql("SELEC 1"))) is None
    closed = sqlite3.connect(":memory:")
    closed.close()
    assert expected_problem(raised(lambda: closed.execute("SELECT 1"))) is None  # no code at all


def test_text_alone_no_longer_classifies():
    # The old substring match called this a busy database; without SQLite's code it is a bug.
    assert expected_problem(sqlite3.OperationalError("database is locked")) is None
    assert expected_problem(OSError("database or disk is full")) is None


def test_a_program_error_raised_while_handling_a_database_failure_is_a_bug():
    busy = as_peewee_raises(driver_error(sqlite3.OperationalError, "database is locked", 5, "SQLITE_BUSY"))

    def handler_with_a_bug():
        try:
            raise busy
        except peewee.OperationalError:
            return {}["missing"]
    error = raised(handler_with_a_bug)
    assert isinstance(error, KeyError) and error.__context__ is busy
    assert expected_problem(error) is None


def test_schema_refusals_stay_storage_errors_without_a_code():
    refusal = StorageError("这个数据库来自更新版本的程序")
    assert expected_problem(refusal) is refusal and refusal.kind is None and refusal.code is None


# --- files ----------------------------------------------------------------------------------------

# Each kind of refusal, what its sentence says, and the file system's errors that are that refusal.
FILE_REFUSALS = [
    ("not_found", "所在的文件夹不存在", [errno.ENOENT]),
    ("no_permission", "没有权限", [errno.EACCES, errno.EPERM]),
    ("no_permission", "只读", [errno.EROFS]),
    ("disk_full", "磁盘已满", [errno.ENOSPC, errno.EDQUOT]),
    ("device_gone", "可能已拔出", [errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE]),
    ("not_a_directory", "不是文件夹", [errno.ENOTDIR]),
    ("is_a_directory", "这是一个文件夹", [errno.EISDIR]),
]


@pytest.mark.parametrize(("number", "kind", "reason"), [
    pytest.param(number, kind, reason, id=errno.errorcode[number])
    for kind, reason, numbers in FILE_REFUSALS for number in numbers])
def test_each_refusal_of_the_file_system_names_the_path(number, kind, reason):
    def write():
        with file_errors("/media/u/导出.xlsx", WRITE):
            raise OSError(number, "system text", "/media/u/.导出.xlsx.tmp")
    problem = raised(write)
    assert isinstance(problem, FileProblem) and problem.kind == kind
    assert problem.path == "/media/u/导出.xlsx" and problem.__cause__.errno == number
    assert str(problem).startswith("无法写入 /media/u/导出.xlsx：") and reason in str(problem)
    assert str(problem).endswith("刚才的文件没有保存。")


def test_the_full_disk_sentence():
    def write():
        with file_errors("/media/u/导出.xlsx", WRITE):
            raise OSError(errno.ENOSPC, "No space left on device")
    assert str(raised(write)) == "无法写入 /media/u/导出.xlsx：磁盘已满。刚才的文件没有保存。"


def test_a_missing_file_to_read_is_worded_as_such():
    def read():
        with file_errors("/media/u/名单.xlsx", READ):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert str(raised(read)) == "无法读取 /media/u/名单.xlsx：找不到这个文件。"


def test_an_errno_from_a_rust_reader_is_read_from_its_text():
    def read():
        with file_errors("名单.xlsx", READ):
            raise OSError("Input/output error (os error 5)")
    assert raised(read).kind == "device_gone"


def test_other_os_errors_pass_through_unchanged():
    original = OSError(errno.EINVAL, "Invalid argument")

    def write():
        with file_errors("x.xlsx", WRITE):
            raise original
    assert raised(write) is original


def test_a_full_or_vanished_disk_is_expected_anywhere_a_refused_path_is_not():
    assert expected_problem(OSError(errno.ENOSPC, "No space left", "/var/x")).kind == "disk_full"
    assert "/var/x" in str(expected_problem(OSError(errno.EIO, "I/O error", "/var/x")))
    # A path the program chose itself and could not open is the program's mistake.
    assert expected_problem(PermissionError(errno.EACCES, "Permission denied", "/etc/x")) is None
    assert expected_problem(FileNotFoundError(errno.ENOENT, "No such file", "/etc/x")) is None


def test_a_pulled_stick_while_importing_is_not_a_damaged_file(tmp_path, monkeypatch):
    from tests.spreadsheet_helpers import write_xlsx

    sheet = write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": [["姓名", "手机号"], ["张三", "13812345678"]]})

    def gone(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(zipfile, "ZipFile", gone)
    problem = raised(lambda: read_file(sheet))
    assert isinstance(problem, FileProblem) and problem.kind == "device_gone"
    assert str(sheet) in str(problem)


def test_a_csv_that_cannot_be_read_names_its_path(tmp_path, monkeypatch):
    from pathlib import Path

    csv = tmp_path / "名单.csv"
    csv.write_text("姓名,手机号\n张三,13812345678\n", encoding="utf-8")

    def refused(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    monkeypatch.setattr(Path, "open", refused)  # the list is read a block and a line at a time
    problem = raised(lambda: read_file(csv))
    assert isinstance(problem, FileProblem) and str(problem).startswith(f"无法读取 {csv}：没有权限")



# --- what the user sees -------------------------------------------------------------------------

def run_cli(capsys, *argv):
    from pharmacy_desk import cli

    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("where", "reason"), [
    ("missing-folder/会员.xlsx", "所在的文件夹不存在"),
    ("a-file.txt/会员.xlsx", "路径中有一段不是文件夹"),
    ("a-folder.xlsx", "这是一个文件夹，不是文件"),
])
def test_an_export_the_disk_refuses_is_one_sentence_naming_the_path(tmp_path, capsys, monkeypatch, where, reason):
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a-folder.xlsx").mkdir()
    out = tmp_path / where
    monkeypatch.setenv(PASSWORD_ENV, OWNER_PASSWORD)
    code, _, err = run_cli(capsys, *as_owner(["--db", tmp_path / "shop.sqlite3", "export", "members", "--out", out]))
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert err == f"错误：无法写入 {out}：{reason}。刚才的文件没有保存。\n"
    assert not (tmp_path / "missing-folder").exists()  # no folder is made where a stick was


def test_a_folder_given_as_the_database_is_one_sentence(tmp_path, capsys):
    folder = tmp_path / "shop.sqlite3"
    folder.mkdir()
    code, _, err = run_cli(capsys, "--db", folder, "check")
    assert code == 1 and err == f"错误：数据库文件 {folder} 是一个文件夹，不是数据库文件。\n"


def test_the_windows_word_problems_and_log_bugs(caplog):
    from pharmacy_desk.ui.messages import user_message

    full = as_peewee_raises(driver_error(sqlite3.OperationalError, "database or disk is full", 13, "SQLITE_FULL"))
    assert user_message(full) == (errors.STORAGE_MESSAGES["full"], True)
    problem = FileProblem("/media/u/导出.xlsx", WRITE, "device_gone")
    assert user_message(problem) == (str(problem), True)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    message, expected = user_message(PermissionError(errno.EACCES, "Permission denied", "/etc/x"))
    assert not expected and "已记录到日志" in message
    assert [r.exc_info[0] for r in caplog.records if r.levelname == "ERROR"] == [PermissionError]
