"""Opening skips SQLite's quick check only for a file exactly as this program closed it, checked this week.

Anything else (another program wrote it, the program did not close it, bytes changed, the
last check is old) is quick-checked at opening as before, and a file failing it is refused.
"""

import datetime as dt
import json
import sqlite3
import subprocess
import sys

import pytest

from pharmacy_desk import cli
from pharmacy_desk.core import db as core_db
from pharmacy_desk.core import dialect, dialect_files, file_trust
from pharmacy_desk.core.database_file import DatabaseUnusable, FileState
from pharmacy_desk.core.db import close_database, open_database
from tests.test_safe_open import damage, made_with_app


@pytest.fixture
def quick_checks(monkeypatch):
    """How many times opening ran SQLite's quick check on the file."""
    seen = []
    real = dialect_files.file_facts

    def spy(path, *, quick_check=True):
        seen.append(quick_check)
        return real(path, quick_check=quick_check)

    monkeypatch.setattr(dialect_files, "file_facts", spy)
    return lambda: sum(seen)


@pytest.fixture
def shop(tmp_path):
    return made_with_app(tmp_path / "shop" / "shop.sqlite3", members=300)


def _open_and_close(path):
    open_database(path)
    close_database()


def test_a_file_as_the_program_closed_it_opens_without_the_quick_check(shop, quick_checks):
    _open_and_close(shop)
    _open_and_close(shop)
    assert quick_checks() == 0


def test_a_new_database_is_vouched_for_by_its_creation(tmp_path, quick_checks):
    path = tmp_path / "new.sqlite3"
    open_database(path, create=True)
    close_database()
    assert file_trust.checked_at(path) is not None
    _open_and_close(path)
    assert quick_checks() == 0


def test_bytes_changed_after_a_clean_close_are_quick_checked_and_refused(shop, quick_checks):
    assert file_trust.checked_at(shop) is not None
    damage(shop)
    with pytest.raises(DatabaseUnusable) as caught:
        open_database(shop)
    close_database()
    assert caught.value.state is FileState.DAMAGED and quick_checks() == 1


def test_an_export_of_a_file_damaged_after_a_clean_close_is_refused(shop, capsys, tmp_path):
    damage(shop)
    out_file = tmp_path / "members.xlsx"
    code = cli.main(["--db", str(shop), "export", "members", "--out", str(out_file)])
    assert code == 1 and "已损坏" in capsys.readouterr().err and not out_file.exists()


def test_a_write_by_another_program_is_quick_checked(shop, quick_checks):
    other = sqlite3.connect(shop)
    other.execute("UPDATE member SET name = '李四' WHERE id = 1")
    other.commit()
    other.close()
    _open_and_close(shop)
    assert quick_checks() == 1
    _open_and_close(shop)  # closed by the program again, after its check: vouched for again
    assert quick_checks() == 1


def test_a_file_the_program_did_not_close_is_quick_checked(shop, quick_checks):
    """A process killed while it had the file open leaves its write-ahead log and no record."""
    code = (
        "import os, sys\n"
        "from pharmacy_desk.core.db import open_database\n"
        "from pharmacy_desk.core.models import Staff\n"
        "open_database(sys.argv[1])\n"
        "Staff.create(name='赵六', role='cashier')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(shop)], check=True)
    assert (shop.parent / f"{shop.name}-wal").exists() and file_trust.checked_at(shop) is None
    _open_and_close(shop)
    assert quick_checks() == 1


def test_while_the_file_is_open_it_is_not_vouched_for(shop):
    open_database(shop)
    try:
        assert file_trust.checked_at(shop) is None
    finally:
        close_database()
    assert file_trust.checked_at(shop) is not None


def test_a_check_older_than_a_week_is_made_again_at_opening(shop, quick_checks):
    record = file_trust._record_path(shop)
    data = json.loads(record.read_text(encoding="utf-8"))
    data["checked_at"] = (dt.datetime.now() - file_trust.CHECK_EVERY - dt.timedelta(minutes=1)).isoformat()
    record.write_text(json.dumps(data), encoding="utf-8")
    _open_and_close(shop)
    assert quick_checks() == 1
    _open_and_close(shop)
    assert quick_checks() == 1


def test_a_passing_check_or_backup_counts_as_the_weeks_check(shop, capsys):
    from pharmacy_desk.core import backup

    long_ago = dt.datetime.now() - dt.timedelta(days=6)
    open_database(shop)
    core_db.checked_at = long_ago
    backup.make_backup()
    assert core_db.checked_at > long_ago
    core_db.checked_at = long_ago
    close_database()
    assert cli.main(["--db", str(shop), "check"]) == 0
    assert file_trust.checked_at(shop) > long_ago + dt.timedelta(days=1)


def test_a_record_for_another_file_or_unreadable_vouches_for_nothing(shop, tmp_path):
    record = file_trust._record_path(shop)
    record.write_text("{not json", encoding="utf-8")
    assert file_trust.checked_at(shop) is None
    _open_and_close(shop)
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(shop.read_bytes())
    assert file_trust.checked_at(copy) is None


@pytest.mark.parametrize("as_left", [True, False])
def test_the_check_command_reads_every_page_once_however_the_file_was_opened(shop, monkeypatch, capsys, as_left):
    seen = []
    real_facts, real_quick = dialect_files.file_facts, dialect.quick_check_errors
    monkeypatch.setattr(dialect_files, "file_facts",
                        lambda path, *, quick_check=True: seen.append(quick_check) or real_facts(path, quick_check=quick_check))
    monkeypatch.setattr(dialect, "quick_check_errors", lambda database: seen.append(True) or real_quick(database))
    if not as_left:
        file_trust.forget(shop)
    assert cli.main(["--db", str(shop), "check"]) == 0
    assert sum(seen) == 1
