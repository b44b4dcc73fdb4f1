"""Backups: a checked copy through SQLite's online backup, its record, where it goes, rotation,
when one is due, and the command line."""

import datetime as dt
import sqlite3
from pathlib import Path

import peewee
import pytest

from pharmacy_desk.core import backup, backup_files, dialect_files, paths, settings
from pharmacy_desk.core.backup import BackupFailed
from pharmacy_desk.core.backup_files import BackupInfo, rotation_victims
from pharmacy_desk.core.models import Member, Operation
from pharmacy_desk.core.vocabulary import BackupReason, OperationKind
from tests.cli_helpers import run

NOW = dt.datetime(2026, 12, 1, 20, 0, 0)


def members_in(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [row[0] for row in raw.execute("SELECT phone FROM member ORDER BY phone")]
    finally:
        raw.close()


def test_a_backup_is_a_checked_self_contained_copy_with_its_record(make_member):
    from pharmacy_desk.core import chain

    make_member(phone="13800000001")
    head = chain.head()
    info = backup.make_backup(at=NOW)
    assert info.path.parent == paths.backup_dir() and info.path.name == f"test-{NOW:%Y%m%d-%H%M%S}.sqlite3"
    assert members_in(info.path) == ["13800000001"]
    assert dialect_files.file_integrity_errors(info.path) == []
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name, info.path.name + ".json"]
    raw = sqlite3.connect(info.path)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal needed
    raw.close()
    assert backup_files.read_record(info.path) == BackupInfo(
        info.path, NOW, BackupReason.MANUAL, "test.sqlite3", info.path.stat().st_size, info.schema_version, head)
    audit = Operation.get(Operation.kind == OperationKind.BACKUP.value)
    assert audit.subject == str(info.path) and "完整性检查通过" in audit.detail


def test_the_tills_keep_writing_while_a_backup_runs(make_member, tmp_path, monkeypatch):
    make_member(phone="13800000001")
    copy = dialect_files.copy_database

    def copy_beside_a_sale(database, target):
        till = sqlite3.connect(tmp_path / "test.sqlite3", timeout=0)
        till.execute("BEGIN IMMEDIATE")  # a sale half way: holds the write lock while the copy runs
        till.execute("UPDATE member SET name = '李四'")
        try:
            copy(database, target)
        finally:
            till.rollback()
            till.close()
    monkeypatch.setattr(dialect_files, "copy_database", copy_beside_a_sale)
    info = backup.make_backup(at=NOW)
    raw = sqlite3.connect(info.path)
    assert raw.execute("SELECT name FROM member").fetchall() == [("张三",)]  # committed data only
    raw.close()


def test_the_chain_head_is_read_in_the_backups_read_transaction(db, monkeypatch):
    from pharmacy_desk.core.db import database

    seen = []
    monkeypatch.setattr(backup, "chain_head", lambda: seen.append(database.in_transaction()) or "abc123")
    info = backup.make_backup(at=NOW)
    assert seen == [True] and backup_files.read_record(info.path).chain_head == "abc123"


def test_backups_go_to_the_chosen_folder(db, owner, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    settings.change("backup_dir", str(stick), owner)
    info = backup.make_backup(at=NOW)
    assert info.path.parent == stick and info.warning is None
    assert backup.newest_good_backup().path == info.path


@pytest.mark.parametrize("where", ["pulled-stick", "a-file"])
def test_a_missing_or_unusable_folder_falls_back_to_the_data_folder_with_a_warning(db, owner, tmp_path, where):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    settings.change("backup_dir", str(tmp_path / where), owner)
    info = backup.make_backup(at=NOW)
    assert info.path.parent == paths.backup_dir()
    assert str(info.warning).startswith(f"备份文件夹 {tmp_path / where} 不存在或不能写入")
    assert str(paths.backup_dir()) in str(info.warning)
    assert not (tmp_path / "pulled-stick").exists()  # no folder is made where a stick was
    assert "不能写入" in Operation.get(Operation.kind == OperationKind.BACKUP.value).detail


def test_a_backup_that_fails_its_check_leaves_nothing(db, monkeypatch):
    monkeypatch.setattr(dialect_files, "file_integrity_errors", lambda path: ["page 7: btree damaged"])
    with pytest.raises(BackupFailed, match="没有通过完整性检查"):
        backup.make_backup(at=NOW)
    assert list(paths.backup_dir().iterdir()) == []
    assert not Operation.select().where(Operation.kind == OperationKind.BACKUP.value).exists()


def test_a_full_disk_while_copying_is_one_sentence_and_leaves_nothing(db, monkeypatch):
    def full(database, target):
        Path(target).write_bytes(b"half a copy")
        original = sqlite3.OperationalError("database or disk is full")
        original.sqlite_errorcode, original.sqlite_errorname = 13, "SQLITE_FULL"
        raise original
    monkeypatch.setattr(dialect_files, "copy_database", full)
    with pytest.raises(BackupFailed) as caught:
        backup.make_backup(at=NOW)
    assert str(caught.value) == f"备份没有完成（{paths.backup_dir()}）：磁盘已满。数据库本身没有受影响。"
    assert list(paths.backup_dir().iterdir()) == []


def test_a_backup_without_its_record_or_cut_short_is_never_offered(db):
    good = backup.make_backup(at=NOW)
    later = backup.make_backup(at=NOW + dt.timedelta(days=1))
    later.record_path.unlink()  # the program stopped before the record was written
    assert backup.newest_good_backup().path == good.path
    with open(good.path, "ab") as file:
        file.write(b"\0" * 10)  # not the file that was checked
    assert backup.newest_good_backup() is None


def info(at: dt.datetime, reason=BackupReason.DAILY) -> BackupInfo:
    return BackupInfo(Path(f"/b/shop-{at:%Y%m%d-%H%M%S}.sqlite3"), at, reason, "shop.sqlite3", 1, 4)


def test_rotation_keeps_the_newest_of_each_recent_day_and_month():
    start = dt.datetime(2025, 1, 1, 9)
    made = [info(start + dt.timedelta(days=d, hours=h)) for d in range(700) for h in (0, 9)]
    made.append(info(start + dt.timedelta(days=3, minutes=5), BackupReason.BEFORE_RESTORE))
    victims = {v.path for v in rotation_victims(made, keep_daily=14, keep_monthly=12)}
    kept = sorted((b for b in made if b.path not in victims), key=lambda b: b.created_at, reverse=True)
    daily = kept[:14]
    assert [b.created_at.date() for b in daily] == [(start + dt.timedelta(days=699 - d)).date() for d in range(14)]
    assert all(b.created_at.hour == 18 for b in daily)  # the last of each day
    months = {(b.created_at.year, b.created_at.month) for b in kept}
    assert len(months) == 12 + 1  # twelve months, and the month of the kept backup made before a restore
    assert any(b.reason == BackupReason.BEFORE_RESTORE for b in kept)
    assert len(kept) == len({b.path for b in kept}) and len(kept) <= 14 + 12 + 1


def test_rotation_never_deletes_the_only_backup():
    assert rotation_victims([info(NOW)], keep_daily=1, keep_monthly=0) == []


def test_rotation_runs_after_each_backup(db, owner):
    settings.change("backup_keep_daily", 2, owner)
    settings.change("backup_keep_monthly", 0, owner)
    for day in range(5):
        backup.make_backup(reason=BackupReason.DAILY, at=NOW + dt.timedelta(days=day))
    assert [b.created_at for b in backup.good_backups()] == [NOW + dt.timedelta(days=4), NOW + dt.timedelta(days=3)]
    assert sorted(p.name for p in paths.backup_dir().iterdir() if p.suffix == ".sqlite3") == [
        f"test-{NOW + dt.timedelta(days=d):%Y%m%d-%H%M%S}.sqlite3" for d in (3, 4)]


def test_a_backup_is_due_after_a_day_and_overdue_after_two(db):
    assert backup.backup_due(NOW) and backup.status(NOW).overdue and backup.status(NOW).text == "尚无备份"
    made = backup.backup_if_due(BackupReason.STARTUP, NOW)
    assert made is not None and made.reason == BackupReason.STARTUP
    assert backup.backup_if_due(BackupReason.DAILY, NOW + dt.timedelta(hours=23)) is None
    assert not backup.status(NOW + dt.timedelta(days=1, hours=23)).overdue
    assert backup.status(NOW + dt.timedelta(days=2)).overdue
    assert backup.status(NOW).text == f"上次备份：{NOW:%Y-%m-%d %H:%M}"
    assert backup.backup_if_due(BackupReason.DAILY, NOW + dt.timedelta(days=1)) is not None


def test_the_backup_folder_setting_refuses_control_characters(db, owner):
    from pharmacy_desk.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="备份文件夹"):
        settings.change("backup_dir", "/media/u\x00sb", owner)


# --- the command line ----------------------------------------------------------------------------

def test_backup_and_backups_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert run(capsys, "--db", path, "init")[0] == 0
    code, out, _ = run(capsys, "--db", path, "backup")
    assert code == 0 and out.startswith(f"已备份到 {paths.backup_dir()}") and "完整性检查通过" in out
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, _ = run(capsys, "--db", path, "backup", "--to", stick)
    assert code == 0 and f"已备份到 {stick}" in out
    code, out, _ = run(capsys, "--db", path, "backup", "--to", tmp_path / "pulled")
    assert code == 0 and out.startswith(f"注意：备份文件夹 {tmp_path / 'pulled'} 不存在")
    code, out, _ = run(capsys, "--db", path, "backups")
    assert code == 0 and len(out.splitlines()) == 2 and str(stick) in out  # one a day in each folder


def test_a_backup_the_disk_refuses_is_one_sentence(tmp_path, capsys, monkeypatch):
    path = tmp_path / "shop.sqlite3"
    run(capsys, "--db", path, "init")

    def gone(database, target):
        raise peewee.OperationalError("disk I/O error") from _coded(10, "SQLITE_IOERR")
    monkeypatch.setattr(dialect_files, "copy_database", gone)
    code, _, err = run(capsys, "--db", path, "backup")
    assert code == 1 and err == f"错误：备份没有完成（{paths.backup_dir()}）：磁盘或U盘无法访问（可能已拔出）。数据库本身没有受影响。\n"


def _coded(code: int, name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(name)
    error.sqlite_errorcode, error.sqlite_errorname = code, name
    return error


def test_the_database_is_unchanged_by_a_backup(make_member, tmp_path):
    make_member(phone="13800000001")
    backup.make_backup(at=NOW)
    assert Member.select().count() == 1


def test_the_backup_folder_is_taken_as_typed_and_empty_reads_as_the_data_folder(db, owner):
    declaration = settings.declaration("backup_dir")
    assert declaration.format("") == "程序数据目录" and declaration.parse("程序数据目录") == ""
    settings.change("backup_dir", "/media/U盘（备份）", owner)  # full-width brackets are part of the name
    assert settings.get("backup_dir") == "/media/U盘（备份）"
