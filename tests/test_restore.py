"""Restore: the backup is checked first, the current database is kept, the restored file is
opened again and the restore is audited in it."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from pharmacy_desk.core import backup, backup_files, db as core_db, paths, restore
from pharmacy_desk.core.errors import NotPermitted
from pharmacy_desk.core.models import Member, Operation
from pharmacy_desk.core.restore import RestoreRefused
from pharmacy_desk.core.schema import CURRENT_VERSION
from pharmacy_desk.core.vocabulary import BackupReason, OperationKind
from tests.test_safe_open import damage, fingerprint, foreign_database
from tests.cli_helpers import run

NOW = dt.datetime(2026, 12, 1, 20, 0, 0)


def phones() -> list[str]:
    return [m.phone for m in Member.select().order_by(Member.phone)]


def test_a_restore_brings_the_backup_back_and_keeps_what_was_there(make_member, owner):
    make_member(phone="13800000001")
    made = backup.make_backup(at=NOW)
    make_member(phone="13800000002")
    result = restore.restore(made.path, owner, at=NOW + dt.timedelta(hours=1))
    assert phones() == ["13800000001"]
    # The backup made before the restore, the same day, does not rotate away the one restored from.
    assert {b.path for b in backup.good_backups()} == {made.path, result.kept}
    assert result.database == core_db.database_path() and result.restored_from == made.path
    kept = backup_files.read_record(result.kept)
    assert kept.reason == BackupReason.BEFORE_RESTORE
    raw = sqlite3.connect(result.kept)
    assert [r[0] for r in raw.execute("SELECT phone FROM member ORDER BY phone")] == ["13800000001", "13800000002"]
    raw.close()
    audit = Operation.get(Operation.kind == OperationKind.RESTORE.value)
    assert audit.staff_id == owner.id and str(made.path) in audit.detail and str(result.kept) in audit.detail


def test_only_the_owner_restores_and_a_refusal_changes_nothing(make_member, clerk):
    make_member(phone="13800000001")
    made = backup.make_backup(at=NOW)
    make_member(phone="13800000002")
    with pytest.raises(NotPermitted, match="恢复备份"):
        restore.restore(made.path, clerk)
    assert phones() == ["13800000001", "13800000002"]
    assert len(backup.good_backups()) == 1


@pytest.mark.parametrize("kind", ["damaged", "foreign", "newer", "missing", "text"])
def test_a_file_that_is_not_a_sound_backup_is_refused_first(make_member, owner, tmp_path, kind):
    make_member(phone="13800000001")
    source = tmp_path / "chosen.sqlite3"
    if kind == "damaged":
        for n in range(2, 300):
            make_member(phone=f"1380000{n:04d}")
        made = backup.make_backup(at=NOW)
        source.write_bytes(made.path.read_bytes())
        damage(source)
    elif kind == "foreign":
        foreign_database(source)
    elif kind == "newer":
        source.write_bytes(backup.make_backup(at=NOW).path.read_bytes())
        raw = sqlite3.connect(source)
        raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
        raw.close()
    elif kind == "text":
        source.write_text("不是备份\n" * 100, encoding="utf-8")
    before = phones()
    backups_before = len(backup.good_backups())
    with pytest.raises(RestoreRefused) as caught:
        restore.restore(source, owner)
    assert str(source) in str(caught.value) and caught.value.args[0].count("。") <= 2
    assert phones() == before and len(backup.good_backups()) == backups_before
    assert not Operation.select().where(Operation.kind == OperationKind.RESTORE.value).exists()


def test_an_older_backup_is_migrated_after_it_is_restored(tmp_path, owner):
    from tests.test_schema import make_v1_database
    from pharmacy_desk.core import schema

    old = tmp_path / "old.sqlite3"
    make_v1_database(old)
    restore.restore(old, owner, at=NOW)
    assert schema.user_version() == CURRENT_VERSION and {"13812345678", "13912345678"} <= set(phones())
    # The owner is not a member of staff in a database that old: the system account records it.
    assert Operation.get(Operation.kind == OperationKind.RESTORE.value).staff.role == "system"


def test_a_database_that_cannot_be_opened_is_restored_and_moved_aside(tmp_path, make_member):
    make_member(phone="13800000001")
    made = backup.make_backup(at=NOW)
    path = core_db.database_path()
    core_db.close_database()
    path.write_bytes(b"")
    result = restore.restore_unopenable(path, made.path, at=NOW)
    assert phones() == ["13800000001"] and result.kept.stat().st_size == 0
    assert "无法打开" in result.kept.name and result.kept.parent == path.parent
    assert "原数据库无法打开" in Operation.get(Operation.kind == OperationKind.RESTORE.value).detail


# --- the command line ----------------------------------------------------------------------------

def shop_with_a_member(path: Path, monkeypatch) -> None:
    from pharmacy_desk.core import members
    from pharmacy_desk.core.db import close_database, open_database
    from pharmacy_desk.core.models import Staff
    from tests.cli_helpers import set_up_shop

    set_up_shop(path, monkeypatch)
    open_database(path)
    members.register(phone="13800000001", name="张三", operator=Staff.get(Staff.role == "owner"), at=NOW)
    close_database()


def test_restore_on_the_command_line_is_the_owners(tmp_path, capsys, monkeypatch):
    from tests.cli_helpers import as_owner

    path = tmp_path / "shop.sqlite3"
    shop_with_a_member(path, monkeypatch)
    run(capsys, "--db", path, "backup")
    made = next(paths.backup_dir().glob("shop-*.sqlite3"))
    with sqlite3.connect(path) as raw:
        name = raw.execute("SELECT name FROM member WHERE id = 1").fetchone()[0]
        raw.execute("UPDATE member SET name = '改过的名字' WHERE id = 1")
    code, _, err = run(capsys, "--db", path, "restore", made)
    assert code == 1 and "--as" in err  # nobody signed in
    code, out, err = run(capsys, *as_owner(["--db", path, "restore", made]))
    assert code == 0 and out.startswith(f"已从 {made} 恢复到 {path}") and "恢复前的数据库保存为" in out
    assert run(capsys, "--db", path, "check")[0] == 0
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT name FROM member WHERE id = 1").fetchone()[0] == name


def test_restore_offered_for_a_damaged_database_works_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    run(capsys, "--db", path, "demo", "--members", "300", "--months", "1")
    run(capsys, "--db", path, "backup")
    damage(path)
    code, _, err = run(capsys, "--db", path, "export", "members", "--out", tmp_path / "m.xlsx")
    offered = Path(err.rsplit("restore ", 1)[1].rstrip("。\n"))
    assert code == 1 and offered.exists()
    damaged = fingerprint(path)[0]
    code, out, _ = run(capsys, "--db", path, "restore", offered)
    assert code == 0
    kept = Path(out.rsplit("恢复前的数据库保存为 ", 1)[1].rstrip("。\n"))
    assert fingerprint(kept)[0] == damaged  # the damaged file is kept, byte for byte
    assert run(capsys, "--db", path, "check")[0] == 0
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM member").fetchone() == (300,)


def test_restore_of_a_missing_file_is_one_sentence(tmp_path, capsys, monkeypatch):
    from tests.cli_helpers import as_owner

    path = tmp_path / "shop.sqlite3"
    shop_with_a_member(path, monkeypatch)
    code, _, err = run(capsys, *as_owner(["--db", path, "restore", tmp_path / "nope.sqlite3"]))
    assert code == 1 and err == f"错误：找不到备份文件 {tmp_path / 'nope.sqlite3'}。\n"
