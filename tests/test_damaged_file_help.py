"""A damaged database on the command line: what ``check`` finds, the backups it points to, and
the command it gives restoring this database, not the default one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli_helpers import run
from tests.test_safe_open import damage, fingerprint, made_with_app


def wreck_table_root(path: Path, table: str = "member") -> None:
    """Break the page header of a table's root page: SQLite's own check stops at it with
    "database disk image is malformed" instead of listing what it found."""
    with sqlite3.connect(path) as con:
        (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096] = 0x7F  # no b-tree page has this type
    path.write_bytes(bytes(data))


def backed_up(capsys, path: Path) -> Path:
    code, out, _err = run(capsys, "--db", path, "backup")
    assert code == 0
    return Path(out.split("已备份到 ", 1)[1].split("（", 1)[0])


def test_check_reports_a_file_its_own_check_cannot_read_and_names_the_backup_of_this_database(tmp_path, capsys):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=30)
    backup = backed_up(capsys, path)
    wreck_table_root(path)
    before = fingerprint(path)
    code, out, err = run(capsys, "--db", path, "check")
    assert code == 2 and err == "", err
    assert out.startswith(f"发现 1 个问题：{path}\n  - SQLite 完整性检查：")
    assert f"pharmacy-desk --db {path} restore {backup}" in out
    assert fingerprint(path) == before


def test_the_read_only_check_names_the_restore_of_this_database(tmp_path, capsys):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)
    backup = backed_up(capsys, path)
    damage(path)
    code, out, err = run(capsys, "--db", path, "check")
    assert code == 2 and "SQLite 完整性检查" in out and err == ""
    assert f"pharmacy-desk --db {path} restore {backup}" in out


def test_the_backups_of_a_damaged_or_missing_database_are_still_listed(tmp_path, capsys):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=30)
    backup = backed_up(capsys, path)
    wreck_table_root(path)
    before = fingerprint(path)
    code, out, err = run(capsys, "--db", path, "backups")
    assert (code, err) == (0, "") and out.rstrip().endswith(str(backup)) and out.count("\n") == 1
    assert fingerprint(path) == before
    path.unlink()
    code, out, err = run(capsys, "--db", path, "backups")
    assert (code, err) == (0, "") and out.rstrip().endswith(str(backup))
    assert not path.exists()


def test_damage_found_while_working_names_the_restore_of_this_database(tmp_path):
    import peewee

    from pharmacy_desk.core import backup, db as core_db
    from pharmacy_desk.core.errors import explain_storage_error

    path = made_with_app(tmp_path / "shop" / "shop.sqlite3")
    core_db.open_database(path)
    try:
        made = backup.make_backup()
        driver = sqlite3.DatabaseError("database disk image is malformed")
        driver.sqlite_errorcode, driver.sqlite_errorname = 11, "SQLITE_CORRUPT"
        with pytest.raises(peewee.DatabaseError) as caught:
            with peewee.ExceptionWrapper(peewee.EXCEPTIONS):
                raise driver
        message = str(explain_storage_error(caught.value))
    finally:
        core_db.close_database()
    assert f"pharmacy-desk --db {path.absolute()} restore {made.path}" in message


def test_a_database_in_a_missing_folder_is_not_offered_a_backup_that_cannot_be_put_there(tmp_path, capsys):
    # A mistyped folder, or the stick the database lives on not plugged in: restoring would fail
    # (or make a second database beside the real one), so only the missing folder is named.
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3")
    backed_up(capsys, path)
    elsewhere = tmp_path / "shpo" / "shop.sqlite3"
    code, out, err = run(capsys, "--db", elsewhere, "check")
    assert code == 1 and "不存在" in err and "restore" not in err and err.count("\n") == 1
    assert not elsewhere.parent.exists()
    path.unlink()  # the folder is there, the file is not: its backup is offered
    code, out, err = run(capsys, "--db", path, "check")
    assert code == 1 and f"pharmacy-desk --db {path} restore" in err
