"""Safe opening: only ``init`` creates a database; anything else at the path is refused in one
sentence naming the file, and the file is byte for byte what it was."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from pharmacy_desk.core import db as core_db
from pharmacy_desk.core.database_file import DatabaseUnusable, FileState, examine
from pharmacy_desk.core.db import close_database, open_database
from pharmacy_desk.core.schema import CURRENT_VERSION
from tests.cli_helpers import run


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and what lies beside it (a WAL switch would leave -wal and -shm)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


def made_with_app(path: Path, members: int = 0) -> Path:
    path.parent.mkdir(exist_ok=True)
    from pharmacy_desk.core import members as members_service
    from pharmacy_desk.core.models import Staff

    open_database(path, create=True)
    clerk = Staff.create(name="李娜", role="cashier")
    for n in range(members):
        members_service.register(phone=f"1380000{n:04d}", name="张三", operator=clerk)
    close_database()
    return path


def damage(path: Path) -> None:
    """Overwrite three of the last pages, past the empty tables' roots, where the rows are:
    SQLite's quick check fails, the header and catalogue are intact."""
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in range(pages - 6, pages - 3):
        data[page * 4096 + 8:page * 4096 + 4000] = b"\xab" * 3992
    path.write_bytes(bytes(data))


def foreign_database(path: Path) -> Path:
    path.parent.mkdir(exist_ok=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipe (name TEXT, minutes INTEGER)")
    other.execute("INSERT INTO recipe VALUES ('饺子', 40)")
    other.commit()
    other.close()
    return path


def refused(path: Path, **options) -> DatabaseUnusable:
    with pytest.raises(DatabaseUnusable) as caught:
        open_database(path, **options)
    close_database()
    assert str(path) in str(caught.value)
    return caught.value


# --- what is refused, untouched ------------------------------------------------------------------

def test_a_missing_file_is_not_created(tmp_path):
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    error = refused(path)
    assert error.state is FileState.MISSING and "不存在" in str(error) and "init" in str(error)
    assert list(path.parent.iterdir()) == []


def test_a_mistyped_folder_is_not_created(tmp_path):
    path = tmp_path / "mistyped" / "shop.sqlite3"
    refused(path)
    assert not (tmp_path / "mistyped").exists()


def test_an_empty_file_stays_empty(tmp_path):
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"")
    before = fingerprint(path)
    error = refused(path)
    assert error.state is FileState.EMPTY and "0 字节" in str(error)
    refused(path, create=True)  # not even init makes a database of a file that lost its data
    assert fingerprint(path) == before and path.stat().st_size == 0


def test_another_programs_database_is_not_switched_to_wal(tmp_path):
    path = foreign_database(tmp_path / "shop" / "recipes.sqlite3")
    before = fingerprint(path)
    error = refused(path)
    assert error.state is FileState.FOREIGN and "别的程序的数据库" in str(error)
    refused(path, create=True)
    assert fingerprint(path) == before
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    check.close()


def test_a_file_that_is_not_sqlite_is_untouched(tmp_path):
    path = tmp_path / "shop" / "notes.sqlite3"
    path.parent.mkdir()
    path.write_text("会员名单\n" * 500, encoding="utf-8")
    before = fingerprint(path)
    assert refused(path).state is FileState.NOT_SQLITE
    assert fingerprint(path) == before


def test_flipped_bytes_are_refused_and_untouched(tmp_path):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    damage(path)
    before = fingerprint(path)
    error = refused(path)
    assert error.state is FileState.DAMAGED and "已损坏" in str(error) and error.kind == "corrupt"
    assert fingerprint(path) == before


def test_a_damaged_file_may_be_opened_read_only_and_nothing_is_written(tmp_path):
    from pharmacy_desk.core.models import Staff

    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    damage(path)
    before = fingerprint(path)
    open_database(path, allow_damaged=True)
    try:
        assert core_db.read_only
        with pytest.raises(Exception) as caught:
            Staff.create(name="赵六", role="cashier")
        from pharmacy_desk.core.errors import expected_problem

        assert expected_problem(caught.value).kind == "readonly"
    finally:
        close_database()
    assert fingerprint(path) == before


def test_a_database_from_a_newer_version_is_refused_before_it_is_touched(tmp_path):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3")
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = fingerprint(path)
    with pytest.raises(Exception, match="更新版本"):
        open_database(path)
    close_database()
    assert fingerprint(path) == before


def test_the_refusal_offers_the_newest_good_backup(tmp_path):
    from pharmacy_desk.core import backup

    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    open_database(path)
    made = backup.make_backup()
    close_database()
    damage(path)
    error = refused(path)
    assert error.backup == made.path and f"restore {made.path}" in str(error)


# --- what is opened -------------------------------------------------------------------------------

def test_init_creates_and_a_created_database_opens(tmp_path):
    path = tmp_path / "new" / "shop.sqlite3"
    open_database(path, create=True)
    close_database()
    assert examine(path).state is FileState.OURS
    open_database(path)
    assert not core_db.read_only and core_db.database_path() == path.absolute()
    close_database()


def test_init_fills_a_blank_sqlite_file(tmp_path):
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    path.write_bytes(_blank_sqlite_bytes(tmp_path))
    assert examine(path).state is FileState.BLANK
    refused(path)
    open_database(path, create=True)
    close_database()
    assert examine(path).state is FileState.OURS


def _blank_sqlite_bytes(tmp_path: Path) -> bytes:
    """A valid SQLite file with no tables (one that was created and never filled)."""
    scratch = tmp_path / "scratch.sqlite3"
    raw = sqlite3.connect(scratch)
    raw.execute("CREATE TABLE t (x)")
    raw.execute("DROP TABLE t")
    raw.commit()
    raw.close()
    data = scratch.read_bytes()
    scratch.unlink()
    return data


# --- the command line ------------------------------------------------------------------------------

def test_commands_other_than_init_refuse_a_missing_database(tmp_path, capsys):
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    for argv in (("check",), ("housekeeping",), ("export", "members", "--out", path.parent / "m.xlsx"), ("rules",),
                 ("backup",)):
        code, out, err = run(capsys, "--db", path, *argv)
        assert code == 1 and err.startswith(f"错误：数据库文件 {path} 不存在") and err.count("\n") == 1, argv
    assert list(path.parent.iterdir()) == []
    assert run(capsys, "--db", path, "init")[0] == 0 and path.exists()


def test_check_reports_a_damaged_file_and_export_refuses_it(tmp_path, capsys):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    damage(path)
    before = fingerprint(path)
    code, out, err = run(capsys, "--db", path, "check")
    assert code == 2 and "SQLite 完整性检查" in out and "从备份恢复" in out and err == ""
    out_file = tmp_path / "members.xlsx"
    code, out, err = run(capsys, "--db", path, "export", "members", "--out", out_file)
    assert code == 1 and "已损坏" in err and "Traceback" not in err and not out_file.exists()
    assert fingerprint(path) == before


def test_a_zero_byte_database_is_one_sentence_not_a_sound_database(tmp_path, capsys):
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"")
    code, out, err = run(capsys, "--db", path, "check")
    assert code == 1 and "检查通过" not in out and "0 字节" in err and err.count("\n") == 1
    assert path.stat().st_size == 0


def test_the_windows_refuse_a_missing_database_without_waiting_for_an_answer_nobody_gives(tmp_path):
    from tests.test_app_start import _run

    path = tmp_path / "shop" / "shop.sqlite3"
    done = _run(["-m", "pharmacy_desk", "--db", str(path), "gui", "--smoke-test"], tmp_path / "home")
    assert done.returncode == 1 and done.stderr.startswith(f"错误：数据库文件 {path} 不存在")
    assert not path.parent.exists()


def test_damage_found_while_working_names_the_backup_to_restore(tmp_path):
    import peewee

    from pharmacy_desk.core import backup
    from pharmacy_desk.core.errors import explain_storage_error

    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    open_database(path)
    try:
        made = backup.make_backup()
        driver = sqlite3.DatabaseError("database disk image is malformed")
        driver.sqlite_errorcode, driver.sqlite_errorname = 11, "SQLITE_CORRUPT"
        with pytest.raises(peewee.DatabaseError) as caught:
            with peewee.ExceptionWrapper(peewee.EXCEPTIONS):
                raise driver
        message = str(explain_storage_error(caught.value))
    finally:
        close_database()
    assert message.startswith("数据库文件已损坏，请从备份恢复。") and f"restore {made.path}" in message
